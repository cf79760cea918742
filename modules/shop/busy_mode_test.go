package shop_test

import (
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/shop"
)

// Busy mode is a setting of the manager's settings page and a switch staff may flip; a bad value changes nothing.
func TestBusyModeSetting(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, manager := apptest.Employee(t, app, "alice", 1)
	_, staff := apptest.EmployeeWithRole(t, app, "bob", 1, "staff")
	busy := func() bool {
		s, err := shop.Load(app)
		if err != nil {
			t.Fatal(err)
		}
		return s.BusyMode
	}
	if busy() {
		t.Fatal("a new shop starts in busy mode")
	}
	if r := apptest.Call(t, "PUT", base+"/admin/shop/settings", map[string]any{"busyMode": true}, "token", manager); r.Code != 1 || !busy() {
		t.Fatalf("manager turning busy mode on: %+v", r)
	}
	if r := apptest.Call(t, "PUT", base+"/admin/shop/settings", map[string]any{"busyMode": "yes"}, "token", manager); r.Code != 0 || !busy() {
		t.Fatalf("a bad value: %+v", r)
	}
	if r := apptest.Call(t, "PUT", base+"/admin/shop/busyMode/0", nil, "token", staff); r.Code != 1 || busy() {
		t.Fatalf("staff turning busy mode off: %+v", r)
	}
	if r := apptest.Call(t, "PUT", base+"/admin/shop/busyMode/1", nil); r.Status != 401 || busy() {
		t.Fatalf("a guest turned busy mode on: %+v", r)
	}
}
