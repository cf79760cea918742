package shop

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/hookorder"
)

// Register wires the shop routes and keeps the process's time zone equal to the shop's, however the shop
// record is changed (our routes, the dashboard or the native API).
func Register(app core.App) {
	bindRecordChecks(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		s, err := Load(se.App)
		if err != nil {
			return err
		}
		applyZone(s.TimeZone)
		bindRoutes(se)
		return se.Next()
	})
	app.OnRecordAfterUpdateSuccess(Collection).Bind(hookorder.Handler(hookorder.ShopZone, func(e *core.RecordEvent) error {
		applyZone(e.Record.GetString("time_zone"))
		return e.Next()
	}))
}
