package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// When a dish or set meal changes, the carts holding it are repriced or emptied of it (modules/cart), and a
// deleted one cascades into them: these lookups by item must not scan every cart row.
var cartItemMenuIndexes = []struct{ name, column string }{
	{"idx_cart_items_dish", "dish"},
	{"idx_cart_items_setmeal", "setmeal"},
}

func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("cart_items")
		if err != nil {
			return err
		}
		for _, ix := range cartItemMenuIndexes {
			c.AddIndex(ix.name, false, ix.column, "")
		}
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("cart_items")
		if err != nil {
			return err
		}
		for _, ix := range cartItemMenuIndexes {
			c.RemoveIndex(ix.name)
		}
		return app.Save(c)
	})
}
