package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// idx_orders_status_time and idx_order_details_order are prefixes of the report's covering indexes
// (1763900200_report_indexes.go), which serve every lookup they served. Each index is one more B-tree page to
// write with every order, so they go.
var prefixIndexes = []struct{ collection, name, columns string }{
	{"orders", "idx_orders_status_time", "status, order_time"},
	{"order_details", "idx_order_details_order", "`order`"},
}

func init() {
	m.Register(func(app core.App) error {
		for _, ix := range prefixIndexes {
			c, err := app.FindCollectionByNameOrId(ix.collection)
			if err != nil {
				return err
			}
			c.RemoveIndex(ix.name)
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	}, func(app core.App) error {
		for _, ix := range prefixIndexes {
			c, err := app.FindCollectionByNameOrId(ix.collection)
			if err != nil {
				continue
			}
			c.AddIndex(ix.name, false, ix.columns, "")
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	})
}
