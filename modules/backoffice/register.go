// Package backoffice makes PocketBase's dashboard at /_/ a readable place for the owner to run the shop: the
// order overview view, and who made an edit there. The rules that keep the data right from the dashboard live
// with the data (order, shop, menu, staff); the dashboard's defaults are set by migration.
package backoffice

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/hookorder"
	"myrestaurant/modules/shop"
)

// Register makes the order overview as the server starts and again when the shop's zone changes, and records
// dashboard edits as the owner's.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if err := ensureOverview(se.App); err != nil {
			return err
		}
		return se.Next()
	})
	app.OnRecordAfterUpdateSuccess(shop.Collection).Bind(hookorder.Handler(hookorder.OverviewFollowsZone, func(e *core.RecordEvent) error {
		// Unchanged when the zone's offset is (opening or closing the shop).
		if err := ensureOverview(e.App); err != nil {
			e.App.Logger().Error("making the order overview in the shop's new time zone", "error", err)
		}
		return e.Next()
	}))
	bindAudit(app)
}
