package cart

import "github.com/pocketbase/pocketbase/core"

// Register wires the shopping cart routes of the mini-program.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		bindRoutes(se)
		return se.Next()
	})
	app.OnRecordAfterUpdateSuccess("dishes", "setmeals").BindFunc(followMenu)
	app.OnRecordAfterUpdateSuccess("categories").BindFunc(dropDisabledCategory)
}
