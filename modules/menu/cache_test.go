package menu_test

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func dishPrices(t testing.TB, s *shop, category compat.ID) map[string]int64 {
	t.Helper()
	var dishes []menu.DishVO
	s.ok(s.customer("GET", "/user/dish/list?categoryId="+category.String()), &dishes)
	out := map[string]int64{}
	for _, d := range dishes {
		out[d.Name] = d.Price.Cents
	}
	return out
}

func TestCacheFillAndInvalidate(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1)
	s.setmeal("单人餐", meals, 5800, 1, fish)

	if n := menu.MenuCacheSize(s.app); n != 0 {
		t.Fatalf("cache before any read = %d", n)
	}
	first, err := menu.CustomerDishes(s.app, hot)
	if err != nil || len(first) != 1 {
		t.Fatalf("CustomerDishes: %v %+v", err, first)
	}
	if _, err := menu.CustomerSetmeals(s.app, meals); err != nil {
		t.Fatal(err)
	}
	if _, err := menu.CustomerCategories(s.app, compat.Int{}); err != nil {
		t.Fatal(err)
	}
	if n := menu.MenuCacheSize(s.app); n != 3 {
		t.Fatalf("cache after three reads = %d, want 3", n)
	}
	second, _ := menu.CustomerDishes(s.app, hot)
	if &second[0] != &first[0] {
		t.Fatal("second read did not come from the cache")
	}
	// An empty list is not kept (an unknown category cannot fill the cache).
	if list, _ := menu.CustomerDishes(s.app, 123456789012345); len(list) != 0 || menu.MenuCacheSize(s.app) != 3 {
		t.Fatalf("empty list cached: %+v, size %d", list, menu.MenuCacheSize(s.app))
	}
	menu.InvalidateMenuCache(s.app)
	if n := menu.MenuCacheSize(s.app); n != 0 {
		t.Fatalf("cache after invalidation = %d", n)
	}
	if third, _ := menu.CustomerDishes(s.app, hot); &third[0] == &first[0] {
		t.Fatal("read after invalidation came from the old cache")
	}
}

// The dashboard and the native API save records directly; the record hooks drop the cache.
func TestCacheSeesDirectSaves(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1, "辣度", `["微辣"]`)
	meal := s.setmeal("单人餐", meals, 5800, 1, fish)

	if p := dishPrices(t, s, hot); p["水煮鱼"] != 5600 || menu.MenuCacheSize(s.app) == 0 {
		t.Fatalf("prices %v, cache size %d", p, menu.MenuCacheSize(s.app))
	}

	// app.Save of a dish record, as the dashboard does.
	r := s.record("dishes", fish)
	r.Set("price", 6100)
	if err := s.app.Save(r); err != nil {
		t.Fatal(err)
	}
	if p := dishPrices(t, s, hot); p["水煮鱼"] != 6100 {
		t.Fatalf("after a direct save: %v", p)
	}

	// A new flavor.
	s.save("dish_flavors", map[string]any{"dish": fish.String(), "name": "忌口", "value": `["葱"]`})
	var dishes []menu.DishVO
	s.ok(s.customer("GET", "/user/dish/list?categoryId="+hot.String()), &dishes)
	if len(dishes[0].Flavors) != 2 {
		t.Fatalf("flavors after a direct save: %+v", dishes[0].Flavors)
	}

	// A new dish inside a transaction: visible once committed.
	var pork string
	err := s.app.RunInTransaction(func(tx core.App) error {
		col, _ := tx.FindCachedCollectionByNameOrId("dishes")
		d := core.NewRecord(col)
		d.Load(map[string]any{"name": "回锅肉", "category": hot.String(), "price": 3000, "status": 1})
		err := tx.Save(d)
		pork = d.Id
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	if p := dishPrices(t, s, hot); len(p) != 2 {
		t.Fatalf("after a committed transaction: %v", p)
	}

	// The native API with an employee's token (the console uses the PocketBase JS SDK).
	if st := s.status("PATCH", "/api/collections/dishes/records/"+pork, map[string]any{"status": 0},
		"Authorization", s.adminToken); st != 200 {
		t.Fatalf("native update: HTTP %d", st)
	}
	if p := dishPrices(t, s, hot); len(p) != 1 || p["水煮鱼"] != 6100 {
		t.Fatalf("after a native API update: %v", p)
	}

	// Disabling the category through the dashboard hides its dishes and set meals.
	var setmeals []menu.Setmeal
	s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+meals.String()), &setmeals)
	if len(setmeals) != 1 {
		t.Fatalf("set meals = %+v", setmeals)
	}
	c := s.record("categories", meals)
	c.Set("status", 0)
	if err := s.app.Save(c); err != nil {
		t.Fatal(err)
	}
	s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+meals.String()), &setmeals)
	if len(setmeals) != 0 {
		t.Fatalf("set meals of a disabled category = %+v", setmeals)
	}

	// A direct delete.
	c.Set("status", 1)
	if err := s.app.Save(c); err != nil {
		t.Fatal(err)
	}
	s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+meals.String()), &setmeals)
	if err := s.app.Delete(s.record("setmeals", meal)); err != nil {
		t.Fatal(err)
	}
	s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+meals.String()), &setmeals)
	if len(setmeals) != 0 {
		t.Fatalf("set meals after a direct delete = %+v", setmeals)
	}
}

// Every admin route that changes the menu shows at once in the customer's lists.
func TestCacheFollowsAdminRoutes(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1)
	meal := s.setmeal("单人餐", meals, 5800, 1, fish)
	setmealCount := func() int {
		var list []menu.Setmeal
		s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+meals.String()), &list)
		return len(list)
	}

	dishPrices(t, s, hot)
	s.ok(s.admin("POST", "/admin/dish", map[string]any{"name": "回锅肉", "categoryId": hot, "price": 30, "status": 1}), nil)
	if p := dishPrices(t, s, hot); p["回锅肉"] != 3000 {
		t.Fatalf("after add: %v", p)
	}
	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": fish, "price": "59"}), nil)
	if p := dishPrices(t, s, hot); p["水煮鱼"] != 5900 {
		t.Fatalf("after update: %v", p)
	}
	if setmealCount() != 1 {
		t.Fatal("set meal missing")
	}
	// The stop cascades into the set meal, and both lists follow.
	s.ok(s.admin("POST", "/admin/dish/status/0?id="+fish.String(), nil), nil)
	if p := dishPrices(t, s, hot); len(p) != 1 {
		t.Fatalf("after stop: %v", p)
	}
	if setmealCount() != 0 {
		t.Fatal("set meal still listed after its dish stopped")
	}
	s.ok(s.admin("POST", "/admin/dish/status/1?id="+fish.String(), nil), nil)
	s.ok(s.admin("POST", "/admin/setmeal/status/1?id="+meal.String(), nil), nil)
	if setmealCount() != 1 {
		t.Fatal("set meal not listed after it started")
	}
	s.ok(s.admin("PUT", "/admin/setmeal", map[string]any{"id": meal, "price": 50}), nil)
	var list []menu.Setmeal
	s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+meals.String()), &list)
	if list[0].Price.Cents != 5000 {
		t.Fatalf("set meal price after update: %+v", list)
	}
	s.ok(s.admin("POST", "/admin/category/status/0?id="+hot.String(), nil), nil)
	if p := dishPrices(t, s, hot); len(p) != 0 {
		t.Fatalf("after disabling the category: %v", p)
	}
	var categories []menu.Category
	s.ok(s.customer("GET", "/user/category/list"), &categories)
	if len(categories) != 1 {
		t.Fatalf("categories after disabling one: %+v", categories)
	}
	s.ok(s.admin("PUT", "/admin/category", map[string]any{"id": meals, "name": "超值套餐"}), nil)
	s.ok(s.customer("GET", "/user/category/list"), &categories)
	if categories[0].Name != "超值套餐" {
		t.Fatalf("categories after rename: %+v", categories)
	}
}

// What a transaction read may roll back: it must not outlive the rollback in the cache.
func TestCacheIgnoresRolledBackTransaction(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1)
	rollback := errors.New("rollback")
	err := s.app.RunInTransaction(func(tx core.App) error {
		r, _ := tx.FindRecordById("dishes", fish.String())
		r.Set("price", 1)
		if err := tx.Save(r); err != nil {
			return err
		}
		list, err := menu.CustomerDishes(tx, hot)
		if err != nil || list[0].Price.Cents != 1 {
			t.Errorf("inside the transaction: %v %+v", err, list)
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatal(err)
	}
	if p := dishPrices(t, s, hot); p["水煮鱼"] != 5600 {
		t.Fatalf("after rollback: %v", p)
	}
}

// Readers racing a writer: once the writer is done, every read shows its last write.
func TestCacheConcurrentReadsAndWrites(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	fish := s.dish("水煮鱼", hot, 100, 1)

	var stop atomic.Bool
	var wg sync.WaitGroup
	for range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for !stop.Load() {
				if _, err := menu.CustomerDishes(s.app, hot); err != nil {
					t.Error(err)
					return
				}
			}
		}()
	}
	r := s.record("dishes", fish)
	for price := 101; price <= 150; price++ {
		r.Set("price", price)
		if err := s.app.Save(r); err != nil {
			t.Fatal(err)
		}
		list, err := menu.CustomerDishes(s.app, hot)
		if err != nil || list[0].Price.Cents != int64(price) {
			t.Fatalf("right after saving %d: %v %+v", price, err, list)
		}
	}
	stop.Store(true)
	wg.Wait()
	if p := dishPrices(t, s, hot); p["水煮鱼"] != 150 {
		t.Fatalf("after the race: %v", p)
	}
}
