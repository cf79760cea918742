package order

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

// An order may be paid only within PaymentWindow of being placed. Past it, paying is refused and the order is
// cancelled at once (the time-out job would cancel it within the minute anyway); money that still arrives is given
// back, so a late payment never sends an order to the kitchen long after the customer gave up on it. WeChat Pay is
// told the same deadline (time_expire), so it stops the customer from paying after it.

// paymentDeadline is when the order's payment window closes.
func paymentDeadline(order *Order) time.Time {
	return order.OrderTime().Add(PaymentWindow)
}

// timeoutFields are what the time-out sets on an order it cancels.
func timeoutFields(now time.Time) func(*Order) {
	return func(o *Order) {
		o.SetCancelReason(TimeoutReason)
		o.SetCancelTime(now)
	}
}

// expire cancels an unpaid order whose payment window has closed and answers the customer who tried to pay it.
func expire(app core.App, order *Order) error {
	err := app.RunInTransaction(func(tx core.App) error {
		_, _, err := timeout.apply(tx, order.Id, timeoutFields(clock.Now(tx)))
		return err
	})
	if err != nil {
		return err
	}
	return compat.Fail(MsgPaymentExpired)
}
