package order

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// The columns of the orders and order_details collections, named once: the record proxy below and the plain SQL
// of this package use these, so a renamed column is a compile error here rather than a zero read somewhere else.
const (
	colID                    = "id"
	colNumber                = "number"
	colStatus                = "status"
	colUser                  = "user"
	colAddressBook           = "address_book"
	colOrderTime             = "order_time"
	colCheckoutTime          = "checkout_time"
	colPayMethod             = "pay_method"
	colPayStatus             = "pay_status"
	colAmount                = "amount" // cents
	colRemark                = "remark"
	colPhone                 = "phone"
	colAddress               = "address"
	colUserName              = "user_name"
	colConsignee             = "consignee"
	colCancelReason          = "cancel_reason"
	colRejectionReason       = "rejection_reason"
	colCancelTime            = "cancel_time"
	colEstimatedDeliveryTime = "estimated_delivery_time"
	colDeliveryStatus        = "delivery_status"
	colDeliveryTime          = "delivery_time"
	colPackAmount            = "pack_amount" // whole yuan
	colDeliveryFee           = "delivery_fee"
	colTablewareNumber       = "tableware_number"
	colTablewareStatus       = "tableware_status"
	colChannel               = "channel"  // "miniprogram" or "web"; "" (orders from before) reads as miniprogram
	colTableNo               = "table_no" // the table of a dine-in order, "" for delivery
	colCreated               = "created"
	colUpdated               = "updated"
)

// Columns of order_details (its id is colID).
const (
	colDetailOrder      = "order"
	colDetailName       = "name"
	colDetailImage      = "image"
	colDetailDishID     = "dish_id"
	colDetailSetmealID  = "setmeal_id"
	colDetailDishFlavor = "dish_flavor"
	colDetailNumber     = "number"
	colDetailAmount     = "amount" // unit price in cents
)

var _ core.RecordProxy = (*Order)(nil)

// Order is a record of the orders collection with typed access to its columns, in the manner of PocketBase's
// own record proxies (core.OTP). Changes made through the setters are saved with the record, so hooks and
// realtime subscribers see them.
type Order struct {
	*core.Record
}

// asOrder wraps a record of the orders collection.
func asOrder(r *core.Record) *Order { return &Order{Record: r} }

// ProxyRecord returns the proxied record.
func (o *Order) ProxyRecord() *core.Record { return o.Record }

// SetProxyRecord loads r into the proxy.
func (o *Order) SetProxyRecord(r *core.Record) { o.Record = r }

func (o *Order) Number() string          { return o.GetString(colNumber) }
func (o *Order) Status() int             { return o.GetInt(colStatus) }
func (o *Order) UserID() string          { return o.GetString(colUser) }
func (o *Order) AddressBookID() string   { return o.GetString(colAddressBook) }
func (o *Order) OrderTime() time.Time    { return o.GetDateTime(colOrderTime).Time() }
func (o *Order) CheckoutTime() time.Time { return o.GetDateTime(colCheckoutTime).Time() }
func (o *Order) PayMethod() int          { return o.GetInt(colPayMethod) }
func (o *Order) PayStatus() int          { return o.GetInt(colPayStatus) }
func (o *Order) Amount() int64           { return int64(o.GetInt(colAmount)) }
func (o *Order) Remark() string          { return o.GetString(colRemark) }
func (o *Order) Phone() string           { return o.GetString(colPhone) }
func (o *Order) Address() string         { return o.GetString(colAddress) }
func (o *Order) UserName() string        { return o.GetString(colUserName) }
func (o *Order) Consignee() string       { return o.GetString(colConsignee) }
func (o *Order) CancelReason() string    { return o.GetString(colCancelReason) }
func (o *Order) RejectionReason() string { return o.GetString(colRejectionReason) }
func (o *Order) CancelTime() time.Time   { return o.GetDateTime(colCancelTime).Time() }
func (o *Order) DeliveryStatus() int     { return o.GetInt(colDeliveryStatus) }
func (o *Order) DeliveryTime() time.Time { return o.GetDateTime(colDeliveryTime).Time() }
func (o *Order) PackAmount() int         { return o.GetInt(colPackAmount) }
func (o *Order) DeliveryFee() int64      { return int64(o.GetInt(colDeliveryFee)) }
func (o *Order) TablewareNumber() int    { return o.GetInt(colTablewareNumber) }
func (o *Order) TablewareStatus() int    { return o.GetInt(colTablewareStatus) }
func (o *Order) TableNo() string         { return o.GetString(colTableNo) }
func (o *Order) EstimatedDeliveryTime() time.Time {
	return o.GetDateTime(colEstimatedDeliveryTime).Time()
}

// Channel is where the order was placed: ChannelMiniProgram or ChannelWeb.
func (o *Order) Channel() string {
	if c := o.GetString(colChannel); c != "" {
		return c
	}
	return ChannelMiniProgram
}

// The state machine moves status in SQL (transition.apply); these are the fields a step sets besides it.

func (o *Order) SetPayStatus(s int)               { o.Set(colPayStatus, s) }
func (o *Order) SetPayMethod(m int)               { o.Set(colPayMethod, m) }
func (o *Order) SetCheckoutTime(t time.Time)      { o.Set(colCheckoutTime, t) }
func (o *Order) SetCancelReason(reason string)    { o.Set(colCancelReason, reason) }
func (o *Order) SetRejectionReason(reason string) { o.Set(colRejectionReason, reason) }
func (o *Order) SetCancelTime(t time.Time)        { o.Set(colCancelTime, t) }
func (o *Order) SetDeliveryTime(t time.Time)      { o.Set(colDeliveryTime, t) }
