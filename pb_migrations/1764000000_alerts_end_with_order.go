package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// A new-order alert ends when its order leaves 待接单, and a reminder when its order is completed or cancelled
// (modules/alert/order_rule.go). The rule looks up an order's open alerts by this partial index, which holds
// only the few alerts still open. Alerts that went stale before the rule existed are ended here, so that the
// first sign-in after the upgrade does not show them.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("alerts")
		if err != nil {
			return err
		}
		c.AddIndex("idx_alerts_order_open", false, "`order`", "acknowledged = FALSE")
		if err := app.Save(c); err != nil {
			return err
		}
		// Only the open alerts are read (idx_alerts_open), each order by its id.
		_, err = app.DB().NewQuery(`UPDATE alerts SET acknowledged = TRUE WHERE acknowledged = FALSE AND (
			(type = 1 AND (SELECT status FROM orders WHERE orders.id = alerts."order") != 2) OR
			(type = 2 AND (SELECT status FROM orders WHERE orders.id = alerts."order") IN (5, 6)))`).Execute()
		return err
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("alerts")
		if err != nil {
			return err
		}
		c.RemoveIndex("idx_alerts_order_open")
		return app.Save(c)
	})
}
