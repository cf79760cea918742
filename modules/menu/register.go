package menu

import "github.com/pocketbase/pocketbase/core"

// Register wires the menu: the admin and customer routes, the sale rules, and the hooks that keep the menu
// cache fresh.
// SeedDemo is separate: the caller runs it for a demo start.
func Register(app core.App) {
	bindCacheHooks(app)
	bindSaleRules(app)
	bindRecordChecks(app)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		bindRoutes(se)
		return se.Next()
	})
}
