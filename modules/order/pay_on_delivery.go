package order

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/alert"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/shop"
)

// Pay on delivery (货到付款/到店付款), when the shop allows it: the order goes to the kitchen unpaid (待接单,
// 未支付) and raises the new-order alert like a paid one; staff completing it take the money, so completing marks
// it paid and records it in the ledger as cash. The time-out job leaves it alone (it is no longer 待付款), and
// cancelling it gives nothing back (nothing was paid).

// cashPrefix starts the ledger's transaction id of a cash payment, followed by the order number: one per order.
const cashPrefix = "cash-"

// payOnDelivery sends the customer's order, waiting for payment, to the kitchen to be paid on delivery.
func payOnDelivery(app core.App, userID compat.ID, order *Order) error {
	s, err := shop.Load(app)
	if err != nil {
		return err
	}
	if !s.PayOnDelivery {
		return compat.Fail(MsgPayOnDeliveryOff)
	}
	_, after, err := change(app, compat.ParseID(order.Id), userID, choosePayOnDelivery, func(o *Order) {
		o.SetPayMethod(PayOnDelivery)
	})
	if err != nil {
		return err
	}
	if err := alert.Raise(app, alert.NewOrder, compat.ParseID(after.Id), after.Number()); err != nil {
		app.Logger().Error("new-order alert failed", "order", after.Number(), "error", err)
	}
	return nil
}

// completeIn completes the order inside tx (派送中 → 已完成) with its delivery time. An order paid on delivery and
// not paid yet is paid now: its pay status, checkout time and a cash entry in the ledger change with it.
func completeIn(tx core.App, orderID string, now time.Time) (*Order, bool, error) {
	collected := false
	o, moved, err := complete.apply(tx, orderID, func(o *Order) {
		o.SetDeliveryTime(now)
		if o.PayMethod() == PayOnDelivery && o.PayStatus() == Unpaid {
			o.SetPayStatus(Paid)
			o.SetCheckoutTime(now)
			collected = true
		}
	})
	if err != nil || !moved || !collected {
		return o, moved, err
	}
	_, err = payment.RecordPayment(tx, payment.Entry{OrderID: o.Id, Provider: payment.ProviderCash, OutNo: o.Number(),
		TransactionID: cashPrefix + o.Number(), Amount: o.Amount()})
	return o, moved, err
}
