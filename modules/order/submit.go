package order

import (
	"errors"
	"strconv"
	"strings"
	"sync/atomic"
	"time"
	"unicode/utf8"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/customer"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
)

// SubmitInput is the OrdersSubmitDTO of the contract. The client's packAmount is ignored: the server prices the
// order itself, and compares its total with the client's amount.
type SubmitInput struct {
	AddressBookID         compat.ID    `json:"addressBookId"`
	PayMethod             compat.Int   `json:"payMethod"`
	Remark                compat.Text  `json:"remark"`
	EstimatedDeliveryTime compat.Time  `json:"estimatedDeliveryTime"` // yyyy-MM-dd HH:mm:ss
	DeliveryStatus        compat.Int   `json:"deliveryStatus"`
	TablewareNumber       compat.Int   `json:"tablewareNumber"`
	TablewareStatus       compat.Int   `json:"tablewareStatus"`
	Amount                compat.Money `json:"amount"`
}

// Limits of the orders columns that the client fills.
const (
	maxRemark          = 100
	maxReason          = 255
	maxTablewareNumber = 1000
)

// Pay methods of the contract.
const (
	PayWeChat = 1
	PayAlipay = 2
)

// check fills in the original's defaults and refuses values the columns cannot hold.
func (in *SubmitInput) check() error {
	if !in.PayMethod.Valid {
		in.PayMethod = compat.IntOf(PayWeChat)
	}
	if v := in.PayMethod.Value; v != PayWeChat && v != PayAlipay {
		return compat.Fail(compat.MsgPayMethodInvalid)
	}
	if utf8.RuneCountInString(in.Remark.Value) > maxRemark {
		return compat.Fail(compat.MsgRemarkTooLong)
	}
	if !in.DeliveryStatus.Valid {
		in.DeliveryStatus = compat.IntOf(1)
	}
	if v := in.DeliveryStatus.Value; v != 0 && v != 1 {
		return compat.Fail(compat.MsgDeliveryStatusInvalid)
	}
	if !in.TablewareStatus.Valid {
		in.TablewareStatus = compat.IntOf(1)
	}
	if v := in.TablewareStatus.Value; v != 0 && v != 1 {
		return compat.Fail(compat.MsgTablewareInvalid)
	}
	if v := in.TablewareNumber.Value; v < 0 || v > maxTablewareNumber {
		return compat.Fail(compat.MsgTablewareInvalid)
	}
	return nil
}

// line is a cart row priced from today's menu.
type line struct {
	item     cart.Item
	sellable menu.Sellable
}

// bill is what an order costs: the food at today's menu prices, the packing fee per item and the delivery fee,
// the same sums the original mini-program shows.
type bill struct {
	lines    []line
	food     int64 // cents
	packing  int64
	delivery int64
}

func (b bill) total() int64 { return b.food + b.packing + b.delivery }

// packAmount is the packing fee in whole yuan, the unit of the original's pack_amount column.
func (b bill) packAmount() int64 { return (b.packing + 50) / 100 }

// priceCart prices the cart from the current menu. Items that are off sale or deleted cannot be ordered; the
// message names them all, so the customer knows what to take out of the cart.
func priceCart(app core.App, items []cart.Item, s shop.Settings) (bill, error) {
	b := bill{delivery: s.DeliveryFee.Cents}
	var offSale []string
	for _, it := range items {
		sellable, err := menu.FindSellable(app, it.DishID, it.SetmealID)
		var be *compat.Error
		if errors.As(err, &be) {
			offSale = append(offSale, it.Name)
			continue
		}
		if err != nil {
			return bill{}, err
		}
		n := int64(it.Number)
		b.food += sellable.Price * n
		b.packing += s.PackingFee.Cents * n
		b.lines = append(b.lines, line{item: it, sellable: sellable})
	}
	if len(offSale) > 0 {
		return bill{}, compat.Failf(compat.MsgOrderItemOffSaleFormat, strings.Join(offSale, "、"))
	}
	return b, nil
}

// Submit places the customer's cart as a new order waiting for payment, in one transaction: the shop must be
// open, the address the customer's, the cart not empty and everything in it on sale; the order is priced on the
// server and must cost what the customer saw (the client's amount); the address, the customer's name and the
// items' names, prices and pictures are copied into the order, and the cart is emptied.
func Submit(app core.App, userID compat.ID, in SubmitInput) (SubmitResult, error) {
	if err := in.check(); err != nil {
		return SubmitResult{}, err
	}
	now := compat.Now(app)
	var out SubmitResult
	err := app.RunInTransaction(func(tx core.App) error {
		settings, err := shop.Load(tx)
		if err != nil {
			return err
		}
		if settings.Status != shop.Open {
			return compat.Fail(compat.MsgShopClosed)
		}
		address, err := customer.FindOwnAddress(tx, userID, in.AddressBookID)
		if errors.Is(err, customer.ErrAddressNotFound) {
			return compat.Fail(compat.MsgAddressEmpty)
		}
		if err != nil {
			return err
		}
		items, err := cart.Items(tx, userID)
		if err != nil {
			return err
		}
		if len(items) == 0 {
			return compat.Fail(compat.MsgCartEmpty)
		}
		b, err := priceCart(tx, items, settings)
		if err != nil {
			return err
		}
		if in.Amount.Valid && in.Amount.Cents != b.total() {
			return compat.Fail(compat.MsgAmountChanged)
		}
		user, err := tx.FindRecordById(compat.UsersCollection, userID.String())
		if err != nil {
			return err
		}
		order, err := insertOrder(tx, now, user, address, in, b)
		if err != nil {
			return err
		}
		if err := insertDetails(tx, order.Id, b); err != nil {
			return err
		}
		if err := cart.Clear(tx, userID); err != nil {
			return err
		}
		out = SubmitResult{
			ID:          compat.ParseID(order.Id),
			OrderNumber: order.GetString("number"),
			OrderAmount: compat.Cents(b.total()),
			OrderTime:   compat.TimeOf(now),
		}
		return nil
	})
	return out, err
}

func insertOrder(tx core.App, now time.Time, user, address *core.Record, in SubmitInput, b bill) (*core.Record, error) {
	col, err := tx.FindCachedCollectionByNameOrId(OrdersCollection)
	if err != nil {
		return nil, err
	}
	order := core.NewRecord(col)
	order.Set("status", PendingPayment)
	order.Set("user", user.Id)
	order.Set("address_book", address.Id)
	order.Set("order_time", now)
	order.Set("pay_method", in.PayMethod.Value)
	order.Set("pay_status", Unpaid)
	order.Set("amount", b.total())
	order.Set("remark", in.Remark.Value)
	order.Set("user_name", truncate(user.GetString("name"), 32))
	order.Set("consignee", truncate(address.GetString("consignee"), 50))
	order.Set("phone", address.GetString("phone"))
	order.Set("address", truncate(address.GetString("province_name")+address.GetString("city_name")+
		address.GetString("district_name")+address.GetString("detail"), 255))
	if !in.EstimatedDeliveryTime.IsZero() {
		order.Set("estimated_delivery_time", in.EstimatedDeliveryTime.Time)
	}
	order.Set("delivery_status", in.DeliveryStatus.Value)
	order.Set("pack_amount", b.packAmount())
	order.Set("delivery_fee", b.delivery)
	order.Set("tableware_number", in.TablewareNumber.Value)
	order.Set("tableware_status", in.TablewareStatus.Value)

	// The numbers of this process never repeat; a clash means another process (or a clock set back after a
	// restart) used the number, so draw past it.
	for attempt := 0; ; attempt++ {
		number := numbers.next(now)
		order.Set("number", number)
		err := tx.Save(order)
		if err == nil {
			return order, nil
		}
		if !isNumberClash(err) || attempt == 9 {
			return nil, err
		}
		numbers.skipPast(number)
	}
}

func insertDetails(tx core.App, orderID string, b bill) error {
	col, err := tx.FindCachedCollectionByNameOrId(DetailsCollection)
	if err != nil {
		return err
	}
	for _, l := range b.lines {
		d := core.NewRecord(col)
		d.Set("order", orderID)
		d.Set("name", l.sellable.Name)
		d.Set("image", l.sellable.Image)
		d.Set("dish_id", l.sellable.DishID.String())
		d.Set("setmeal_id", l.sellable.SetmealID.String())
		d.Set("dish_flavor", l.item.DishFlavor.Value)
		d.Set("number", l.item.Number)
		d.Set("amount", l.sellable.Price)
		if err := tx.Save(d); err != nil {
			return err
		}
	}
	return nil
}

// numberSource hands out order numbers: epoch milliseconds followed by a three-digit sequence (16 digits),
// strictly increasing within the process, so they sort by time and two submits never draw the same one.
type numberSource struct{ last atomic.Int64 }

var numbers numberSource

func (s *numberSource) next(now time.Time) string {
	for {
		last := s.last.Load()
		n := max(last+1, now.UnixMilli()*1000)
		if s.last.CompareAndSwap(last, n) {
			return strconv.FormatInt(n, 10)
		}
	}
}

// skipPast makes every later number greater than used.
func (s *numberSource) skipPast(used string) {
	n, err := strconv.ParseInt(used, 10, 64)
	if err != nil {
		return
	}
	for {
		last := s.last.Load()
		if last >= n || s.last.CompareAndSwap(last, n) {
			return
		}
	}
}

func isNumberClash(err error) bool {
	var verrs validation.Errors
	if !errors.As(err, &verrs) {
		return false
	}
	var ve validation.Error
	return verrs["number"] != nil && errors.As(verrs["number"], &ve) && ve.Code() == "validation_not_unique"
}

// truncate cuts s to at most n characters, for snapshots into columns shorter than their source.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
