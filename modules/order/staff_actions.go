package order

import (
	"unicode/utf8"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

// What staff do with an order. Each is one transition of the state machine; `订单不存在` for a missing order,
// `订单状态错误` when its status does not allow the step.

// Confirm accepts a paid order (待接单 → 已接单).
func Confirm(app core.App, id compat.ID) error {
	_, _, err := change(app, id, 0, confirm, nil)
	return err
}

// Reject refuses a paid order (待接单 → 已取消) and refunds it.
func Reject(app core.App, id compat.ID, reason string) error {
	if utf8.RuneCountInString(reason) > maxReason {
		return compat.Fail(MsgReasonTooLong)
	}
	now := clock.Now(app)
	_, after, err := change(app, id, 0, reject, func(o *Order) {
		o.SetRejectionReason(reason)
		o.SetCancelTime(now)
	})
	if err != nil {
		return err
	}
	refundAfterCancel(app, after)
	return nil
}

// CancelByStaff cancels an order that is not completed yet (待付款 to 派送中 → 已取消) and refunds it if paid.
func CancelByStaff(app core.App, id compat.ID, reason string) error {
	if utf8.RuneCountInString(reason) > maxReason {
		return compat.Fail(MsgReasonTooLong)
	}
	now := clock.Now(app)
	_, after, err := change(app, id, 0, staffCancel, func(o *Order) {
		o.SetCancelReason(reason)
		o.SetCancelTime(now)
	})
	if err != nil {
		return err
	}
	refundAfterCancel(app, after)
	return nil
}

// Deliver sends a confirmed order out (已接单 → 派送中).
func Deliver(app core.App, id compat.ID) error {
	_, _, err := change(app, id, 0, deliver, nil)
	return err
}

// CompleteOrder marks a delivered order done (派送中 → 已完成) with its delivery time; an order to be paid on
// delivery is paid now (completeIn).
func CompleteOrder(app core.App, id compat.ID) error {
	now := clock.Now(app)
	_, _, err := changeBy(app, id, 0, func(tx core.App, orderID string) (*Order, bool, error) {
		return completeIn(tx, orderID, now)
	})
	return err
}

// refundAfterCancel refunds a cancelled order that was paid. The cancellation stands either way: a refund the
// provider could not make now is logged and asked again by reconciliation.
func refundAfterCancel(app core.App, order *Order) {
	if order.PayStatus() != Paid {
		return
	}
	if err := refundIfOwed(app, order.Id); err != nil {
		app.Logger().Error("refund of a cancelled order failed; reconciliation will try again",
			"order", order.Number(), "error", err)
	}
}
