package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Busy mode (modules/order/busy_mode.go): while it is on, a paid order is accepted at once. Off by default.
func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("shop")
		if err != nil {
			return err
		}
		c.Fields.Add(&core.BoolField{Name: "busy_mode"})
		return app.Save(c)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("shop")
		if err != nil {
			return err
		}
		c.Fields.RemoveByName("busy_mode")
		return app.Save(c)
	})
}
