package customer

import (
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/config"
)

// Register wires the customer sign-in (WeChat, and a browser's device key) and the address book. The WeChat login is chosen from cfg: the mock in
// demo mode only, else code2session with the configured app id and secret.
func Register(app core.App, cfg *config.Config) {
	sessions := sessionsFor(cfg)
	newCustomers := newNewCustomerLimit(func() time.Time { return clock.Now(app) })
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if u, ok := sessions.(unconfigured); ok {
			se.App.Logger().Warn("customer login is off until WeChat is configured", "reason", u.missing)
		}
		bindRoutes(se, sessions, newCustomers)
		return se.Next()
	})
}
