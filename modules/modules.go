// Package modules wires every business domain of MyRestaurant into a PocketBase app.
package modules

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/alert"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/config"
	"myrestaurant/modules/customer"
	"myrestaurant/modules/media"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
	"myrestaurant/modules/staff"
)

// Register adds every module's hooks, routes and jobs to app.
func Register(app core.App, cfg *config.Config) error {
	staff.Register(app, cfg.AdminPassword)
	shop.Register(app)
	media.Register(app)
	menu.Register(app)
	customer.Register(app, cfg)
	cart.Register(app)
	alert.Register(app)
	registerDemo(app, cfg)
	return nil
}
