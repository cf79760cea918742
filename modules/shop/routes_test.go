package shop_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/shop"
)

func register(app core.App) { shop.Register(app) }

func TestShopStatus(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, tok := apptest.Employee(t, app, "alice", 1)
	_, customerTok := apptest.Customer(t, app, "o1")

	status := func() string {
		r := apptest.Call(t, "GET", base+"/user/shop/status", nil)
		return string(r.Data)
	}
	if got := status(); got != "0" {
		t.Fatalf("a new shop is closed, got %s", got)
	}
	// The admin front end also sends the bare number as the body.
	if r := apptest.Call(t, "PUT", base+"/admin/shop/1", "1", "token", tok); r.Code != 1 {
		t.Fatalf("open: %s", r.Message())
	}
	if got := status(); got != "1" {
		t.Fatalf("after opening: %s", got)
	}
	if r := apptest.Call(t, "GET", base+"/admin/shop/status", nil, "token", tok); string(r.Data) != "1" {
		t.Fatalf("admin status: %s", r.Data)
	}
	// Persisted: a fresh read from the database, as after a restart, says open.
	if open, err := shop.IsOpen(app); err != nil || !open {
		t.Fatalf("IsOpen = %v, %v", open, err)
	}
	for _, bad := range []string{"/admin/shop/2", "/admin/shop/x", "/admin/shop/-1"} {
		if r := apptest.Call(t, "PUT", base+bad, nil, "token", tok); r.Code != 0 || r.Message() != compat.MsgStatusInvalid {
			t.Errorf("%s: %+v", bad, r)
		}
	}
	if r := apptest.Call(t, "PUT", base+"/admin/shop/0", nil, "token", customerTok); r.Status != http.StatusUnauthorized {
		t.Fatalf("customer closed the shop: %d", r.Status)
	}
	if r := apptest.Call(t, "PUT", base+"/admin/shop/0", nil); r.Status != http.StatusUnauthorized {
		t.Fatalf("guest closed the shop: %d", r.Status)
	}
	if got := status(); got != "1" {
		t.Fatalf("status changed by a refused request: %s", got)
	}
}

func TestShopSettings(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, tok := apptest.Employee(t, app, "alice", 1)
	defer compat.SetZone(compat.Zone())

	r := apptest.Call(t, "PUT", base+"/admin/shop/settings", map[string]any{
		"name": "川味小馆", "phone": "021-12345678", "deliveryFee": "5.5", "packingFee": 2, "timeZone": "Europe/Berlin",
	}, "token", tok)
	if r.Code != 1 {
		t.Fatalf("update: %s", r.Message())
	}
	var s map[string]any
	json.Unmarshal(r.Data, &s)
	if s["deliveryFee"] != 5.5 || s["packingFee"] != 2.0 || s["name"] != "川味小馆" || s["timeZone"] != "Europe/Berlin" {
		t.Fatalf("settings: %s", r.Data)
	}
	if compat.Zone().String() != "Europe/Berlin" {
		t.Fatalf("zone not applied: %s", compat.Zone())
	}
	if r := apptest.Call(t, "GET", base+"/user/shop/phone", nil); string(r.Data) != `"021-12345678"` {
		t.Fatalf("phone: %s", r.Data)
	}
	for _, bad := range []map[string]any{
		{"timeZone": "Mars/Olympus"}, {"deliveryFee": -1}, {"packingFee": "abc"}, {"deliveryFee": "1.234"}, {"name": string(make([]rune, 100))},
	} {
		if r := apptest.Call(t, "PUT", base+"/admin/shop/settings", bad, "token", tok); r.Code != 0 || r.Status != 200 {
			t.Errorf("%v accepted: %+v", bad, r)
		}
	}
	got, _ := shop.Load(app)
	if got.DeliveryFee.Cents != 550 || got.TimeZone != "Europe/Berlin" {
		t.Fatalf("a refused update changed settings: %+v", got)
	}
	if r := apptest.Call(t, "PUT", base+"/admin/shop/settings", `{"name":`, "token", tok); r.Code != 0 {
		t.Fatal("malformed JSON accepted")
	}
}
