// Package alert raises the staff alerts of new orders, reminders and customer cancellations. An alert is a
// record in `alerts`; PocketBase realtime delivers it to every employee subscribed to `alerts/*`, and an
// employee acknowledges it by updating the record.
package alert

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

const collection = "alerts"

// The alert types; 1 and 2 are the original's WebSocket message types.
const (
	NewOrder       = 1 // 来单提醒: an order was paid and waits for confirmation
	Reminder       = 2 // 客户催单: a customer asks where their order is
	CustomerCancel = 3 // a customer cancelled an order
)

// Raise records an alert about an order; realtime broadcasts it. Call it after the order's transaction has
// committed, so staff never see an alert for a change that was rolled back.
func Raise(app core.App, kind int, orderID compat.ID, orderNumber string) error {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	r.Id = compat.NewID().String() // growing with time, as orders' (see compat.NewID)
	r.Set("type", kind)
	r.Set("order", orderID.String())
	r.Set("content", "订单号："+orderNumber)
	return app.Save(r)
}
