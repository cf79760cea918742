package shop_test

import (
	"strings"
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/shop"
)

// The shop record edited in the dashboard at /_/ (a superuser on PocketBase's record API) is held to the checks
// of PUT /admin/shop/settings.
func TestDashboardShopEditsAreChecked(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, owner := apptest.Superuser(t, app, "owner@example.com")
	defer clock.SetZone(clock.Zone())
	before, err := shop.Load(app)
	if err != nil {
		t.Fatal(err)
	}
	var id string
	if err := app.DB().NewQuery("SELECT id FROM shop LIMIT 1").Row(&id); err != nil {
		t.Fatal(err)
	}
	patch := func(body map[string]any) (int, string) {
		return apptest.Native(t, "PATCH", base+"/api/collections/shop/records/"+id, body, "Authorization", owner)
	}

	for _, zone := range []string{"Beijing", "Local", "", " Asia/Shanghai", "Mars/Olympus"} {
		if st, msg := patch(map[string]any{"time_zone": zone}); st != 400 || !strings.Contains(msg, "Asia/Shanghai") {
			t.Errorf("time zone %q: HTTP %d %q", zone, st, msg)
		}
	}
	// A delivery fee of 6 means ¥0.06: refused, saying the unit; ¥6.00 is 600.
	if st, msg := patch(map[string]any{"delivery_fee": 6}); st != 400 || !strings.Contains(msg, "单位是分") || !strings.Contains(msg, "600") {
		t.Errorf("delivery fee 6: HTTP %d %q", st, msg)
	}
	if st, msg := patch(map[string]any{"packing_fee": 100_001}); st != 400 || !strings.Contains(msg, shop.MsgFeeOutOfRange) {
		t.Errorf("packing fee ¥1000.01: HTTP %d %q", st, msg)
	}
	if after, _ := shop.Load(app); after != before {
		t.Fatalf("refused edits changed the shop: %+v, was %+v", after, before)
	}

	if st, msg := patch(map[string]any{"time_zone": "Europe/Berlin", "delivery_fee": 600}); st != 200 {
		t.Fatalf("good edit: HTTP %d %q", st, msg)
	}
	if clock.Zone().String() != "Europe/Berlin" {
		t.Fatalf("zone not applied: %s", clock.Zone())
	}
}
