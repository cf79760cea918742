package migrations_test

import (
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
)

// A shop upgraded with alerts gone stale: the migration ends the new-order alerts of orders no longer waiting and
// the reminders of orders done, and leaves the others open.
func TestUpgradeEndsStaleAlerts(t *testing.T) {
	app := apptest.New(t)
	var migration *core.Migration
	for _, m := range core.AppMigrations.Items() {
		if strings.HasSuffix(m.File, "_alerts_end_with_order.go") {
			migration = m
		}
	}
	if migration == nil {
		t.Fatal("alerts migration not registered")
	}
	if err := migration.Down(app); err != nil {
		t.Fatal(err)
	}
	customer, _ := apptest.Customer(t, app, "o1")
	orders, _ := app.FindCollectionByNameOrId("orders")
	alerts, _ := app.FindCollectionByNameOrId("alerts")
	alert := func(kind, status int, number string) string {
		o := core.NewRecord(orders)
		o.Set("number", number)
		o.Set("status", status)
		o.Set("user", customer.Id)
		o.Set("amount", 100)
		if err := app.Save(o); err != nil {
			t.Fatal(err)
		}
		a := core.NewRecord(alerts)
		a.Set("type", kind)
		a.Set("order", o.Id)
		a.Set("content", "订单号："+number)
		if err := app.Save(a); err != nil {
			t.Fatal(err)
		}
		return a.Id
	}
	stale := []string{alert(1, 3, "1"), alert(1, 6, "2"), alert(2, 5, "3"), alert(2, 6, "4")}
	current := []string{alert(1, 2, "5"), alert(2, 3, "6"), alert(3, 6, "7")}
	if err := migration.Up(app); err != nil {
		t.Fatal(err)
	}
	for _, ids := range [][]string{stale, current} {
		for _, id := range ids {
			a, err := app.FindRecordById("alerts", id)
			if err != nil {
				t.Fatal(err)
			}
			if ended, want := a.GetBool("acknowledged"), ids[0] == stale[0]; ended != want {
				t.Errorf("alert of type %d for order %s: acknowledged %v, want %v", a.GetInt("type"), a.GetString("content"), ended, want)
			}
		}
	}
	if c, _ := app.FindCollectionByNameOrId("alerts"); !strings.Contains(strings.Join(c.Indexes, ";"), "idx_alerts_order_open") {
		t.Error("the open alerts' order index is missing")
	}
}
