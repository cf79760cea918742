package order

import (
	"errors"
	"regexp"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/cart"
	"myrestaurant/modules/clock"
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
	TableNo               compat.Text  `json:"tableNo"` // ours: a dine-in order for this table, with no address

	// Channel is where the customer orders from (ChannelMiniProgram or ChannelWeb), from their account, not the body.
	Channel string `json:"-"`
}

// Limits of the orders columns that the client fills.
const (
	maxRemark          = 100
	maxReason          = 255
	maxTablewareNumber = 1000
)

// Pay methods of the contract, and ours.
const (
	PayWeChat     = 1
	PayAlipay     = 2
	PayOnDelivery = 3 // ours: cash or card on delivery or at the counter, when the shop allows it
)

// Where an order comes from.
const (
	ChannelMiniProgram = "miniprogram"
	ChannelWeb         = "web" // the storefront in a browser
)

// tableNoPattern is a table's name on its QR code: letters (any script), digits, - and _, at most 16.
var tableNoPattern = regexp.MustCompile(`^[\p{L}\p{N}_-]{1,16}$`)

// cleanTableNo is the table named by a request, trimmed; "" for delivery, 桌号无效 for a name no QR code carries.
func cleanTableNo(s string) (string, error) {
	s = strings.TrimSpace(s)
	if s != "" && !tableNoPattern.MatchString(s) {
		return "", compat.Fail(MsgTableNoInvalid)
	}
	return s, nil
}

// check fills in the original's defaults and refuses values the columns cannot hold.
func (in *SubmitInput) check() error {
	if !in.PayMethod.Valid {
		in.PayMethod = compat.IntOf(PayWeChat)
	}
	if v := in.PayMethod.Value; v != PayWeChat && v != PayAlipay && v != PayOnDelivery {
		return compat.Fail(MsgPayMethodInvalid)
	}
	var err error
	if in.TableNo.Value, err = cleanTableNo(in.TableNo.Value); err != nil {
		return err
	}
	if in.Channel == "" {
		in.Channel = ChannelMiniProgram
	}
	if utf8.RuneCountInString(in.Remark.Value) > maxRemark {
		return compat.Fail(MsgRemarkTooLong)
	}
	if !in.DeliveryStatus.Valid {
		in.DeliveryStatus = compat.IntOf(1)
	}
	if v := in.DeliveryStatus.Value; v != 0 && v != 1 {
		return compat.Fail(MsgDeliveryStatusInvalid)
	}
	if !in.TablewareStatus.Valid {
		in.TablewareStatus = compat.IntOf(1)
	}
	if v := in.TablewareStatus.Value; v != 0 && v != 1 {
		return compat.Fail(MsgTablewareInvalid)
	}
	if v := in.TablewareNumber.Value; v < 0 || v > maxTablewareNumber {
		return compat.Fail(MsgTablewareInvalid)
	}
	return nil
}

// line is a cart row priced from today's menu.
type line struct {
	item     cart.Item
	sellable menu.Sellable
}

// bill is what an order costs: the food at today's menu prices, the packing fee per item and the delivery fee
// (none for a table), the same sums the original mini-program shows. total is the one place an order's amount
// is summed, for the quote, the submit and the order row.
type bill struct {
	lines    []line
	food     int64 // cents
	packing  int64
	delivery int64
}

func (b bill) total() int64 { return b.food + b.packing + b.delivery }

// packAmount is the packing fee in whole yuan, the unit of the original's pack_amount column.
func (b bill) packAmount() int64 { return (b.packing + 50) / 100 }

// deliveryFee is the shop's delivery fee, or nothing for an order served at a table.
func deliveryFee(s shop.Settings, tableNo string) int64 {
	if tableNo != "" {
		return 0
	}
	return s.DeliveryFee.Cents
}

// priceCart prices the cart from the current menu. Items that are off sale or deleted cannot be ordered; the
// message names them all, so the customer knows what to take out of the cart.
func priceCart(app core.App, items []cart.Item, s shop.Settings, tableNo string) (bill, error) {
	b := bill{delivery: deliveryFee(s, tableNo)}
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
		return bill{}, compat.Failf(MsgOrderItemOffSaleFormat, strings.Join(offSale, "、"))
	}
	return b, b.checkLimits()
}

// errQuoteStale means the cart changed between pricing the order and writing it.
var errQuoteStale = errors.New("order: the cart changed while the order was priced")

// maxQuoteAttempts bounds the pricing rounds of one submit against a cart that keeps changing.
const maxQuoteAttempts = 3

// Submit places the customer's cart as a new order waiting for payment: the shop must be open, the address the
// customer's (no address for a table's order), the cart not empty and everything in it on sale; the order is priced on the server and must cost
// what the customer saw (the client's amount); the address, the customer's name and the items' names, prices and
// pictures are copied into the order, and the cart is emptied.
//
// The reading and pricing (quoteOrder) run before the write transaction, so SQLite's one writer is held only for
// the writes (placeOrder). Inside the transaction the price is trusted only if neither the shop nor the menu
// was written since (priceWatch), else the order is priced again right there; the cart must be the very one
// priced, or the whole submit starts again. The order, its items and the emptied cart are written together, or
// nothing is.
func Submit(app core.App, userID compat.ID, in SubmitInput) (SubmitResult, error) {
	if err := in.check(); err != nil {
		return SubmitResult{}, err
	}
	for attempt := 1; ; attempt++ {
		q, err := quoteOrder(app, userID, in)
		if err != nil {
			return SubmitResult{}, err
		}
		out, err := placeOrder(app, q)
		if !errors.Is(err, errQuoteStale) {
			return out, err
		}
		if attempt == maxQuoteAttempts {
			return SubmitResult{}, compat.Fail(MsgAmountChanged)
		}
	}
}

// quote is an order priced from what was read outside the write transaction, with what placeOrder needs to
// know that it still holds.
type quote struct {
	now      time.Time
	userID   compat.ID
	in       SubmitInput
	prices   priceStamp // when the shop and the menu were read
	settings shop.Settings
	delivery customer.Delivery
	cart     []cart.Item
	bill     bill
}

// quoteOrder reads and prices the order, and refuses it with the contract's message when it cannot be placed.
func quoteOrder(app core.App, userID compat.ID, in SubmitInput) (quote, error) {
	q := quote{now: clock.Now(app), userID: userID, in: in}
	if w := priceWatchOf(app); w != nil {
		q.prices = w.stamp()
	}
	var err error
	if q.settings, err = shop.Load(app); err != nil {
		return quote{}, err
	}
	if q.settings.Status != shop.Open {
		return quote{}, compat.Fail(MsgShopClosed)
	}
	if in.PayMethod.Value == PayOnDelivery && !q.settings.PayOnDelivery {
		return quote{}, compat.Fail(MsgPayOnDeliveryOff)
	}
	// A table's order is served at the table: no address (its consignee and phone stay empty).
	if in.TableNo.Value == "" {
		q.delivery, err = customer.FindDelivery(app, userID, in.AddressBookID)
		if errors.Is(err, customer.ErrAddressNotFound) {
			return quote{}, compat.Fail(MsgAddressEmpty)
		}
		if err != nil {
			return quote{}, err
		}
	}
	if q.cart, err = cart.Items(app, userID); err != nil {
		return quote{}, err
	}
	if len(q.cart) == 0 {
		return quote{}, compat.Fail(MsgCartEmpty)
	}
	if err := checkUnpaidOrders(app, userID, q.now); err != nil {
		return quote{}, err
	}
	if q.bill, err = priceCart(app, q.cart, q.settings, in.TableNo.Value); err != nil {
		return quote{}, err
	}
	if in.Amount.Valid && in.Amount.Cents != q.bill.total() {
		// The customer sees only the new total; the log says why it differs (all in cents).
		app.Logger().Warn("submit refused: the client's amount is not the server's total", "customer", userID.String(),
			"clientAmount", in.Amount.Cents, "serverAmount", q.bill.total(), "food", q.bill.food, "packing", q.bill.packing,
			"packingFeePerItem", q.settings.PackingFee.Cents, "deliveryFee", q.bill.delivery)
		return quote{}, compat.Failf(MsgAmountChangedFormat, compat.Cents(q.bill.total()))
	}
	return q, nil
}

// truncate cuts s to at most n characters, for snapshots into columns shorter than their source.
func truncate(s string, n int) string {
	if utf8.RuneCountInString(s) <= n {
		return s
	}
	return string([]rune(s)[:n])
}
