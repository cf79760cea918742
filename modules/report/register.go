package report

import (
	"sync"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"
)

// Register wires the report and workspace routes, and the hooks that keep the top-10 sales cache true to
// changes of order items made outside the ordering flow (see sales.go).
func Register(app core.App) {
	// The warm-up runs beside the start; the app waits for it before it closes its database.
	var warming sync.WaitGroup
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		bindRoutes(se)
		warming.Go(func() { warmSales(se.App) })
		return se.Next()
	})
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		warming.Wait()
		return e.Next()
	})
	app.OnRecordAfterCreateSuccess("order_details").BindFunc(func(e *core.RecordEvent) error {
		forgetSalesOfDetail(e.App, e.Record, true)
		return e.Next()
	})
	for _, h := range []func(tags ...string) *hook.TaggedHook[*core.RecordEvent]{
		app.OnRecordAfterUpdateSuccess, app.OnRecordAfterDeleteSuccess,
	} {
		h("order_details").BindFunc(func(e *core.RecordEvent) error {
			forgetSalesOfDetail(e.App, e.Record, false)
			return e.Next()
		})
	}
}
