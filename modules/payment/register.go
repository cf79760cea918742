package payment

import (
	"github.com/pocketbase/pocketbase/core"
)

// Callbacks are how payment reports confirmed money movements to the order module, which it does not import.
// Each runs once per verified callback, with the request's app; it should open its own transaction, record the
// ledger row there (RecordPayment / RecordRefund, whose created/changed result makes repeats harmless) and
// update the order. An error makes the route answer HTTP 500 so that WeChat Pay retries later.
type Callbacks struct {
	// OnPaid receives a pay callback with TradeState SUCCESS. Others are acknowledged and ignored.
	OnPaid func(app core.App, n Notification) error
	// OnRefunded receives every final refund callback: Status SUCCESS, CLOSED or ABNORMAL. When nil, refund
	// callbacks are acknowledged and ignored (the refund answer was recorded when the refund was asked for).
	OnRefunded func(app core.App, n RefundNotification) error
}

// Register binds WeChat Pay's callback routes /notify/paySuccess and /notify/refundSuccess (no auth: they are
// verified by signature) and logs which provider takes payments.
func Register(app core.App, provider Provider, cb Callbacks) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if provider.Name() == ProviderMock {
			se.App.Logger().Warn("payments are MOCKED (demo mode): orders are marked paid without taking money")
		} else {
			se.App.Logger().Info("payments go through " + provider.Name())
		}
		bindRoutes(se, provider, cb)
		return se.Next()
	})
}
