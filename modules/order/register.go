package order

import (
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"myrestaurant/modules/payment"
	"myrestaurant/modules/shop"
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
	forgetTotal(app)
	orders := startPlacer(app)
	jobs := &scheduler{app: app}
	app.Store().Set(schedulerKey, jobs)
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
	app.OnRecordAfterUpdateSuccess(shop.Collection).Bind(&hook.Handler[*core.RecordEvent]{
		Priority: 10, // after the shop module has applied the new zone
		Func: func(e *core.RecordEvent) error {
			// In the background: restarting waits for a job that is running.
			go func() {
				if err := jobs.followZone(); err != nil {
					app.Logger().Error("moving the order jobs to the shop's time zone", "error", err)
				}
			}()
			return e.Next()
		},
	})
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		jobs.shutdown()
		orders.stop()
		return e.Next()
	})
}
