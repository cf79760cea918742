package order

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
)

// The limits one customer's orders are held to, so that no customer can write an order the shop cannot handle or
// flood it with orders nobody pays. A cart is held to the same limits when it is filled (cart.MaxNumber,
// cart.MaxRows, cart.MaxTotal); a submit checks them again, for carts filled before the limits existed or through
// anything else.

// MaxUnpaidOrders is how many orders waiting for payment one customer may have open at once. A customer who
// changes their mind orders again and lets the old one time out; five leaves room for that and not for a flood.
const MaxUnpaidOrders = 5

// checkLimits refuses a bill larger than one order may be.
func (b bill) checkLimits() error {
	if len(b.lines) > cart.MaxRows {
		return compat.Failf(cart.MsgCartTooManyItemsFormat, cart.MaxRows)
	}
	for _, l := range b.lines {
		if l.item.Number > cart.MaxNumber {
			return compat.Failf(cart.MsgCartItemLimitFormat, cart.MaxNumber)
		}
	}
	if b.total() > cart.MaxTotal {
		return compat.Failf(cart.MsgOrderTotalLimitFormat, cart.MaxTotal/100)
	}
	return nil
}

// checkUnpaidOrders refuses a new order while the customer already has MaxUnpaidOrders waiting for payment within
// their payment window (older ones can no longer be paid and are cancelled within the minute). It runs before the
// order is written, outside its transaction: a burst of submits cannot all pass it, because each order empties the
// cart the others were priced from, so they price again and meet the new count.
func checkUnpaidOrders(app core.App, userID compat.ID, now time.Time) error {
	var open int
	// `+status` keeps SQLite on the customer's index (user, order_time): a few rows, whatever the shop's traffic.
	err := app.DB().NewQuery("SELECT COUNT(*) FROM {{" + OrdersCollection + "}} WHERE [[user]] = {:user} " +
		"AND [[order_time]] > {:since} AND +[[status]] = {:status}").
		Bind(dbx.Params{"user": userID.String(), "since": dbTime(now.Add(-PaymentWindow)), "status": PendingPayment}).Row(&open)
	if err != nil {
		return err
	}
	if open >= MaxUnpaidOrders {
		return compat.Failf(MsgTooManyUnpaidOrdersFormat, open)
	}
	return nil
}
