// Package modules wires every business domain of MyRestaurant into a PocketBase app.
package modules

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/alert"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/backoffice"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/customer"
	"myrestaurant/modules/media"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/order"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/realtime"
	"myrestaurant/modules/report"
	"myrestaurant/modules/shop"
	"myrestaurant/modules/staff"
)

// Register adds every module's hooks, routes and jobs to app.
func Register(app core.App, cfg *config.Config) error {
	auth.EnableAuthCache(app)
	compat.RequireNumericIDs(app)
	staff.Register(app, cfg.AdminPassword)
	shop.Register(app)
	media.Register(app)
	menu.Register(app)
	customer.Register(app, cfg)
	cart.Register(app)
	alert.Register(app)
	realtime.Register(app)
	provider := paymentProvider(app, cfg)
	order.Register(app, provider)
	if provider != nil {
		payment.Register(app, provider, order.PaymentCallbacks())
	}
	report.Register(app)
	backoffice.Register(app)
	registerDemo(app, cfg)
	return nil
}

// paymentProvider is WeChat Pay when configured, the mock in demo mode, else none: orders can still be placed,
// and paying them answers a clear message until the operator configures WeChat Pay.
func paymentProvider(app core.App, cfg *config.Config) payment.Provider {
	provider, err := payment.New(cfg)
	if err != nil {
		// Said when the server starts, not for every command of the binary.
		app.OnServe().BindFunc(func(se *core.ServeEvent) error {
			se.App.Logger().Warn("online payment is off", "reason", err.Error())
			return se.Next()
		})
		return nil // not the typed nil New may return with its error
	}
	return provider
}
