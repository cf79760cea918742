package modules

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/config"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
)

// registerDemo makes `serve --demo` a shop one can try at once: a menu on first start, the shop open, and the
// mock WeChat login and payment (chosen by the customer and payment modules from cfg.Demo).
func registerDemo(app core.App, cfg *config.Config) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if !cfg.Demo {
			return se.Next()
		}
		fmt.Println("\n*** DEMO MODE: demo menu, mock WeChat login and mock payment. Never use --demo with real customers. ***")
		se.App.Logger().Warn("demo mode: mock WeChat login and mock payment are on")
		first, err := seedDemoMenu(se.App)
		if err != nil {
			return err
		}
		if first {
			if err := shop.SetStatus(se.App, shop.Open); err != nil {
				return err
			}
		}
		return se.Next()
	})
}

// seedDemoMenu seeds the original's menu when there is none yet and says whether it did.
func seedDemoMenu(app core.App) (bool, error) {
	n, err := app.CountRecords("categories")
	if err != nil || n > 0 {
		return false, err
	}
	return true, menu.SeedDemo(app)
}
