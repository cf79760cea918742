package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Covering indexes for the reports (modules/report), so that their range scans never visit table rows:
//   - orders (status, order_time, id, amount): the turnover sums and the top-10 join read the completed
//     orders of a period from the index alone;
//   - order_details (order, name, number): the top-10 join reads an order's items from the index alone.
//
// They make idx_orders_status_time and idx_order_details_order redundant prefixes (dropped by a later migration).
var reportIndexes = []struct{ collection, name, columns string }{
	{"orders", "idx_orders_report", "status, order_time, id, amount"},
	{"order_details", "idx_order_details_sales", "`order`, name, number"},
}

func init() {
	m.Register(func(app core.App) error {
		for _, ix := range reportIndexes {
			c, err := app.FindCollectionByNameOrId(ix.collection)
			if err != nil {
				return err
			}
			c.AddIndex(ix.name, false, ix.columns, "")
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		for _, ix := range reportIndexes {
			c, err := app.FindCollectionByNameOrId(ix.collection)
			if err != nil {
				continue
			}
			c.RemoveIndex(ix.name)
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	})
}
