package menu_test

import (
	"testing"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

// The sale rules hold for edits that bypass the compat routes: the dashboard (app.Save) and an employee's SDK
// client on the native API.
func TestSaleRulesHoldForDirectEdits(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1)
	rice := s.dish("米饭", hot, 200, 1)
	tea := s.dish("凉茶", hot, 500, 0)
	meal := s.setmeal("单人餐", meals, 5800, 1, fish, rice)
	statusOf := func(collection string, id compat.ID) int { return s.record(collection, id).GetInt("status") }
	patch := func(collection string, id compat.ID, status int) int {
		return s.status("PATCH", "/api/collections/"+collection+"/records/"+id.String(), map[string]any{"status": status},
			"Authorization", s.adminToken)
	}

	// Stopping a dish on the native API stops the set meal that holds it.
	if st := patch("dishes", fish, 0); st != 200 || statusOf("setmeals", meal) != 0 {
		t.Fatalf("dish stopped: HTTP %d, set meal status %d", st, statusOf("setmeals", meal))
	}
	// It cannot start again while the dish is stopped, from the native API or the dashboard.
	if st := patch("setmeals", meal, 1); st != 400 || statusOf("setmeals", meal) != 0 {
		t.Fatalf("set meal started with a stopped dish: HTTP %d", st)
	}
	r := s.record("setmeals", meal)
	r.Set("status", 1)
	if err := s.app.Save(r); compat.MessageOf(err) != menu.MsgSetmealEnableFailed {
		t.Fatalf("dashboard start with a stopped dish: %v", err)
	}
	// Once the dish sells again, so can the set meal.
	if patch("dishes", fish, 1) != 200 || patch("setmeals", meal, 1) != 200 {
		t.Fatal("set meal could not start once its dishes sell")
	}
	// A stopped dish cannot join a set meal on sale.
	st := s.status("POST", "/api/collections/setmeal_dishes/records", map[string]any{
		"setmeal": meal.String(), "dish": tea.String(), "name": "凉茶", "price": 500, "copies": 1,
	}, "Authorization", s.adminToken)
	if st != 400 {
		t.Fatalf("stopped dish joined a set meal on sale: HTTP %d", st)
	}
}
