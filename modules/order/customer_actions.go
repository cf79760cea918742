package order

import (
	"errors"
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/alert"
	"myrestaurant/modules/appstate"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

// What customers do with their own orders. Another customer's order is `订单不存在`, like a missing one.

// CustomerCancelReason is the cancel reason the original writes when a customer cancels.
const CustomerCancelReason = "用户取消"

// CancelByCustomer cancels the customer's order while it waits for payment or for the kitchen. A paid order is
// refunded and staff get a cancellation alert.
func CancelByCustomer(app core.App, userID, id compat.ID) error {
	now := clock.Now(app)
	before, after, err := change(app, id, userID, customerCancel, func(o *Order) {
		o.SetCancelReason(CustomerCancelReason)
		o.SetCancelTime(now)
	})
	if err != nil {
		return err
	}
	if before.PayStatus() != Paid {
		return nil
	}
	refundAfterCancel(app, after)
	if err := alert.Raise(app, alert.CustomerCancel, id, after.Number()); err != nil {
		app.Logger().Error("cancellation alert failed", "order", after.Number(), "error", err)
	}
	return nil
}

// Repeat (再来一单) puts the items of a past order back into the customer's cart at today's names and prices.
// Items no longer on sale are skipped; their names are returned so the customer can be told.
func Repeat(app core.App, userID, id compat.ID) (skipped []string, err error) {
	err = app.RunInTransaction(func(tx core.App) error {
		skipped = nil
		order, err := findOrder(tx, id, userID)
		if err != nil {
			return err
		}
		details, err := detailsByOrder(tx, []string{order.Id})
		if err != nil {
			return err
		}
		for _, d := range details[order.Id] {
			_, err := menu.FindSellable(tx, d.DishID, d.SetmealID)
			var be *compat.Error
			if errors.As(err, &be) {
				skipped = append(skipped, d.Name)
				continue
			}
			if err != nil {
				return err
			}
			choice := cart.Choice{DishID: d.DishID, SetmealID: d.SetmealID, Flavor: d.DishFlavor.Value}
			if err := cart.AddItem(tx, userID, choice, d.Number); err != nil {
				return err
			}
		}
		return nil
	})
	return skipped, err
}

// ReminderInterval is how often a customer may remind staff of one order.
const ReminderInterval = 5 * time.Minute

// Remind (催单) alerts staff about the customer's order while it is with the shop (待接单, 已接单 or 派送中),
// at most once per order per ReminderInterval. A reminder inside that interval succeeds without a second alert:
// the first is still in front of the staff, and the mini-program shows no message for a refusal.
func Remind(app core.App, userID, id compat.ID) error {
	order, err := findOrder(app, id, userID)
	if err != nil {
		return err
	}
	switch order.Status() {
	case ToBeConfirmed, Confirmed, DeliveryInProgress:
	default:
		return ErrWrongStatus
	}
	if !remindersOf(app).allow(order.Id, clock.Now(app)) {
		return nil
	}
	return alert.Raise(app, alert.Reminder, id, order.Number())
}

const remindersKey = appstate.OrderReminders

// reminders remembers when each order was last reminded. It lives in the process: after a restart a customer
// may remind once more, which is harmless.
type reminders struct {
	mu   sync.Mutex
	last map[string]time.Time
}

func remindersOf(app core.App) *reminders {
	return app.Store().GetOrSet(remindersKey, func() any {
		return &reminders{last: map[string]time.Time{}}
	}).(*reminders)
}

// allow records a reminder of the order at now, unless one was recorded less than ReminderInterval before.
func (r *reminders) allow(orderID string, now time.Time) bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	if t, ok := r.last[orderID]; ok && now.Sub(t) < ReminderInterval {
		return false
	}
	if len(r.last) > 10_000 {
		for id, t := range r.last {
			if now.Sub(t) >= ReminderInterval {
				delete(r.last, id)
			}
		}
	}
	r.last[orderID] = now
	return true
}
