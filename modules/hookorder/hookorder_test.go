package hookorder_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/hook"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/hookorder"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
)

func newApp(t *testing.T) *tests.TestApp {
	return apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
	})
}

// boundHook is what a test can ask of a PocketBase hook: how many handlers it has, and to drop one by id.
type boundHook interface {
	Length() int
	Unbind(ids ...string)
}

// Every named handler is bound, under its id, to each hook it is named for, by the modules of a real app.
func TestNamedHandlersAreBound(t *testing.T) {
	app := newApp(t)
	type binding struct {
		hook string
		h    boundHook
		slot hookorder.Slot
	}
	var all []binding
	for _, s := range []hookorder.Slot{hookorder.MenuCache, hookorder.PriceWatch} {
		all = append(all,
			binding{"after create", app.OnRecordAfterCreateSuccess(), s},
			binding{"after update", app.OnRecordAfterUpdateSuccess(), s},
			binding{"after delete", app.OnRecordAfterDeleteSuccess(), s})
	}
	all = append(all,
		binding{"after create error", app.OnRecordAfterCreateError(), hookorder.PriceWatch},
		binding{"after update error", app.OnRecordAfterUpdateError(), hookorder.PriceWatch},
		binding{"after delete error", app.OnRecordAfterDeleteError(), hookorder.PriceWatch},
		binding{"after update", app.OnRecordAfterUpdateSuccess(), hookorder.CartFollowsMenu},
		binding{"after update", app.OnRecordAfterUpdateSuccess(), hookorder.CartDropsDisabledCategory},
		binding{"after update", app.OnRecordAfterUpdateSuccess(), hookorder.ShopZone},
		binding{"after update", app.OnRecordAfterUpdateSuccess(), hookorder.OrderJobsFollowZone},
		binding{"after update", app.OnRecordAfterUpdateSuccess(), hookorder.OverviewFollowsZone})
	for _, b := range all {
		before := b.h.Length()
		b.h.Unbind(b.slot.Id)
		if b.h.Length() != before-1 {
			t.Errorf("%s: no handler %q", b.hook, b.slot.Id)
		}
	}
}

// On a real app, a dish's price change reaches the handlers in the named order: customers read the new price
// from the menu before anything else runs, and the carts follow the new price before the price watch counts
// the write as finished. (That the watch finishes after every other handler is tested in the order module,
// which sees the watch.)
func TestMenuHandlersRunInTheirOrder(t *testing.T) {
	app := newApp(t)
	save := func(collection string, fields map[string]any) *core.Record {
		t.Helper()
		r := core.NewRecord(must(app.FindCollectionByNameOrId(collection)))
		for k, v := range fields {
			r.Set(k, v)
		}
		if err := app.Save(r); err != nil {
			t.Fatalf("%s: %v", collection, err)
		}
		return r
	}
	category := save("categories", map[string]any{"name": "川菜", "type": menu.DishCategory, "sort": 1, "status": 1})
	dish := save("dishes", map[string]any{"name": "宫保鸡丁", "category": category.Id, "price": 5600, "status": 1})
	customer, _ := apptest.Customer(t, app, "openid-hookorder")
	cartRow := save("cart_items", map[string]any{"user": customer.Id, "dish": dish.Id, "name": "宫保鸡丁", "number": 1, "amount": 5600})

	// seen is what a customer would see: the dish's price on the menu (cached once read) and in the cart.
	type seen struct{ menu, cart int64 }
	look := func(app core.App) seen {
		list, err := menu.CustomerDishes(app, compat.ParseID(category.Id))
		if err != nil || len(list) != 1 {
			t.Fatalf("menu: %+v, %v", list, err)
		}
		r, err := app.FindRecordById("cart_items", cartRow.Id)
		if err != nil {
			t.Fatal(err)
		}
		return seen{list[0].Price.Cents, int64(r.GetInt("amount"))}
	}
	if got := look(app); got != (seen{5600, 5600}) {
		t.Fatalf("before the change: %+v", got)
	}

	var afterCache, beforeWatch seen
	app.OnRecordAfterUpdateSuccess("dishes").Bind(&hook.Handler[*core.RecordEvent]{
		Priority: hookorder.MenuCache.Priority + 1,
		Func: func(e *core.RecordEvent) error {
			afterCache = look(e.App)
			return e.Next()
		},
	})
	app.OnRecordAfterUpdateSuccess("dishes").Bind(&hook.Handler[*core.RecordEvent]{
		Priority: hookorder.PriceWatch.Priority - 1,
		Func: func(e *core.RecordEvent) error {
			beforeWatch = look(e.App)
			return e.Next()
		},
	})
	dish.Set("price", 5800)
	if err := app.Save(dish); err != nil {
		t.Fatal(err)
	}
	if afterCache != (seen{5800, 5600}) {
		t.Errorf("right after the menu cache's slot: %+v, want the new price on the menu and the cart not yet followed", afterCache)
	}
	if beforeWatch != (seen{5800, 5800}) {
		t.Errorf("right before the price watch's slot: %+v, want the new price on the menu and in the cart", beforeWatch)
	}
}

// The order jobs read the shop's zone after the shop module has made it the process's.
func TestShopZoneIsAppliedBeforeTheOrderJobsFollowIt(t *testing.T) {
	app := newApp(t)
	defer clock.SetZone(clock.Zone())
	if hookorder.ShopZone.Priority >= hookorder.OrderJobsFollowZone.Priority-1 {
		t.Fatalf("no room between %+v and %+v", hookorder.ShopZone, hookorder.OrderJobsFollowZone)
	}
	var between string
	app.OnRecordAfterUpdateSuccess(shop.Collection).Bind(&hook.Handler[*core.RecordEvent]{
		Priority: hookorder.OrderJobsFollowZone.Priority - 1,
		Func: func(e *core.RecordEvent) error {
			between = clock.Zone().String()
			return e.Next()
		},
	})
	if _, err := shop.Update(app, shop.SettingsInput{TimeZone: compat.Text{Value: "America/New_York", Valid: true}}); err != nil {
		t.Fatal(err)
	}
	if between != "America/New_York" {
		t.Fatalf("zone before the order jobs' slot: %q", between)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}
