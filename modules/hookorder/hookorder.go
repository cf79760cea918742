// Package hookorder names the handlers that several modules bind to the same PocketBase "after" hooks of the
// menu and shop records, with the priority that orders them and the reason for it. PocketBase runs a hook's
// handlers by ascending priority, then in the order they were bound; the modules register in the order of
// modules.Register, so without these numbers the order would depend on that list.
//
// Handlers bound to those hooks for other collections (alert's on alerts, employees and orders, report's on order details, compat's on accounts)
// never run for a menu or shop record, so their place does not matter; they keep PocketBase's defaults.
package hookorder

import "github.com/pocketbase/pocketbase/tools/hook"

// Slot is one handler's place: its id (unique per hook, so a test can find it) and its priority.
type Slot struct {
	Id       string
	Priority int
}

// After each committed create, update or delete of a menu record (categories, dishes, flavors, set meals and
// their dishes), in this order:
var (
	// MenuCache empties the customers' menu cache. First, so that a later handler stopping the chain or
	// failing cannot leave the cache serving what the write replaced.
	MenuCache = Slot{Id: "myrestaurant.menu.cache", Priority: -1000}
	// CartFollowsMenu copies a dish's or set meal's new price, name and picture into the carts holding it,
	// or takes it out of them when it is no longer sold (updates only). After the cache, before the price
	// watch: a write counts as finished only once the carts follow it.
	CartFollowsMenu = Slot{Id: "myrestaurant.cart.followMenu", Priority: 0}
	// CartDropsDisabledCategory takes the dishes and set meals of a disabled category out of every cart
	// (updates of categories only); placed as CartFollowsMenu.
	CartDropsDisabledCategory = Slot{Id: "myrestaurant.cart.dropDisabledCategory", Priority: 0}
	// PriceWatch marks the write finished for the order module's price watch (order/price_watch.go), on
	// success and on failure, for the shop too. Last: a submit trusts a price read outside its transaction
	// only while no write is unfinished, and a write must not count as finished while the menu cache may
	// still hold its old prices.
	PriceWatch = Slot{Id: "myrestaurant.order.priceWatch", Priority: 1_000_000}
)

// After each committed update of the shop record, in this order:
var (
	// ShopZone makes the shop's time zone the process's (compat.SetZone).
	ShopZone = Slot{Id: "myrestaurant.shop.zone", Priority: 0}
	// OrderJobsFollowZone moves the order jobs (the daily completion at 01:00 shop time) to the shop's time
	// zone. After ShopZone, whose zone it reads.
	OrderJobsFollowZone = Slot{Id: "myrestaurant.order.jobsFollowZone", Priority: 10}
	// OverviewFollowsZone makes the dashboard's order overview again with the offset of the shop's new zone.
	// After ShopZone, whose zone it reads.
	OverviewFollowsZone = Slot{Id: "myrestaurant.backoffice.overviewFollowsZone", Priority: 20}
	// PriceWatch (above) also ends the shop's "after" hooks.
)

// Handler is fn in slot s, for Bind.
func Handler[T hook.Resolver](s Slot, fn func(T) error) *hook.Handler[T] {
	return &hook.Handler[T]{Id: s.Id, Priority: s.Priority, Func: fn}
}
