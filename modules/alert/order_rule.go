package alert

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// The order statuses this rule reads (order.ToBeConfirmed, order.Completed, order.Cancelled): the order module
// imports this one, so it cannot be imported here; order_rule_test.go checks they stay equal.
const (
	orderToBeConfirmed = 2
	orderCompleted     = 5
	orderCancelled     = 6
	ordersCollection   = "orders"
)

// bindOrderRule ends alerts whose order no longer needs them, whoever changed the order and through whichever
// API: a new-order alert once its order has left 待接单 (accepted, rejected or cancelled), a reminder once its
// order is completed or cancelled. The alert is acknowledged by a record save, so every console subscribed to
// alerts/* receives the update and takes it off its screen. It runs after the order's change has committed.
func bindOrderRule(app core.App) {
	app.OnRecordAfterUpdateSuccess(ordersCollection).BindFunc(func(e *core.RecordEvent) error {
		if err := endAlertsOfOrder(e.App, e.Record.Id, e.Record.GetInt("status")); err != nil {
			e.App.Logger().Error("ending the alerts of an order failed", "order", e.Record.Id, "error", err)
		}
		return e.Next()
	})
}

// endAlertsOfOrder acknowledges the open alerts of the order that its status makes stale.
func endAlertsOfOrder(app core.App, orderID string, status int) error {
	var types []any
	if status > orderToBeConfirmed { // a paid order that waited, or waits no more
		types = append(types, NewOrder)
	}
	if status == orderCompleted || status == orderCancelled {
		types = append(types, Reminder)
	}
	if len(types) == 0 {
		return nil
	}
	var open []*core.Record
	// idx_alerts_order_open: the condition on acknowledged is the index's own, word for word.
	err := app.RecordQuery(collection).
		AndWhere(dbx.NewExp(`"order" = {:order} AND acknowledged = FALSE`, dbx.Params{"order": orderID})).
		AndWhere(dbx.In("type", types...)).
		All(&open)
	if err != nil {
		return err
	}
	for _, a := range open {
		a.Set("acknowledged", true)
		if err := app.Save(a); err != nil {
			return err
		}
	}
	return nil
}
