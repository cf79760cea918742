package order

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/payment"
)

// Register wires the order routes of customers and staff, the scheduled jobs (started with the server, stopped
// when it ends) and, when provider is not nil, the payment callbacks of /notify through payment.Register, so it
// must not be registered separately. A nil provider means payments are not configured: customers can still
// submit orders, and /user/order/payment says online payment is off.
func Register(app core.App, provider payment.Provider) {
	if provider != nil {
		app.Store().Set(providerKey, provider)
		payment.Register(app, provider, payment.Callbacks{
			OnPaid: func(app core.App, n payment.Notification) error {
				_, err := markPaid(app, n)
				return err
			},
			OnRefunded: onRefunded,
		})
	}
	watchPrices(app)
	orders := startPlacer(app)
	jobs := &scheduler{app: app}
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if provider == nil {
			se.App.Logger().Warn("online payment is off until WeChat Pay is configured; orders can be placed but not paid")
		}
		bindRoutes(se)
		if err := jobs.start(); err != nil {
			return err
		}
		return se.Next()
	})
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		jobs.stop()
		orders.stop()
		return e.Next()
	})
}
