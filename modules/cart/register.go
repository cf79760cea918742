package cart

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/hookorder"
)

// Register wires the shopping cart routes of the mini-program.
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		bindRoutes(se)
		return se.Next()
	})
	app.OnRecordAfterUpdateSuccess("dishes", "setmeals").Bind(hookorder.Handler(hookorder.CartFollowsMenu, followMenu))
	app.OnRecordAfterUpdateSuccess("categories").Bind(hookorder.Handler(hookorder.CartDropsDisabledCategory, dropDisabledCategory))
}
