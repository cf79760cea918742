package order

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/hookorder"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/shop"
)

// Register wires the order routes of customers and staff and the scheduled jobs (started with the server,
// stopped when it ends). Orders are paid and refunded through provider; a nil provider means payments are not
// configured: customers can still submit orders, and /user/order/payment says online payment is off. The
// callbacks of /notify are the payment module's, registered beside this one with PaymentCallbacks.
func Register(app core.App, provider payment.Provider) {
	if provider != nil {
		app.Store().Set(providerKey, provider)
	}
	watchPrices(app)
	bindRecordAPIRules(app)
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
	app.OnRecordAfterUpdateSuccess(shop.Collection).Bind(hookorder.Handler(hookorder.OrderJobsFollowZone, func(e *core.RecordEvent) error {
		// In the background: restarting waits for a job that is running.
		go func() {
			if err := jobs.followZone(); err != nil {
				app.Logger().Error("moving the order jobs to the shop's time zone", "error", err)
			}
		}()
		return e.Next()
	}))
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		jobs.shutdown()
		orders.stop()
		return e.Next()
	})
}

// PaymentCallbacks are what the order module does when WeChat Pay confirms that money moved: payment.Register
// takes them, as payment does not import the order module.
func PaymentCallbacks() payment.Callbacks {
	return payment.Callbacks{
		OnPaid: func(app core.App, n payment.Notification) error {
			_, err := markPaid(app, n)
			return err
		},
		OnRefunded: onRefunded,
	}
}
