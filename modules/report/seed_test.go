package report_test

import (
	"fmt"
	"sync/atomic"
	"testing"
	"time"

	"myrestaurant/modules/clock"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"
)

// The tests seed rows straight into the tables, with the exact stored times they need.

var seq atomic.Int64

func newID() string { return fmt.Sprintf("%d", 100000000000000+seq.Add(1)) }

// local is a shop-zone wall time "YYYY-MM-DD HH:MM:SS.sss" as PocketBase stores it (UTC).
func local(t testing.TB, wall string) string {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04:05.000", wall, clock.Zone())
	if err != nil {
		t.Fatal(err)
	}
	return v.UTC().Format(types.DefaultDateLayout)
}

type item struct {
	name   string
	number int
}

// seedOrder inserts an order placed at the shop-zone wall time with its items.
func seedOrder(t testing.TB, app core.App, wall string, status int, cents int64, items ...item) {
	t.Helper()
	seedOrderAt(t, app, local(t, wall), status, cents, items...)
}

// seedOrderAt inserts an order with order_time stored as given.
func seedOrderAt(t testing.TB, app core.App, stored string, status int, cents int64, items ...item) {
	t.Helper()
	id := newID()
	_, err := app.DB().Insert("orders", dbx.Params{
		"id": id, "number": "N" + id, "status": status, "order_time": stored, "amount": cents,
		"user": "100000000000001", "pay_status": 1,
	}).Execute()
	if err != nil {
		t.Fatal(err)
	}
	for _, it := range items {
		_, err := app.DB().Insert("order_details", dbx.Params{
			"id": newID(), "order": id, "name": it.name, "number": it.number, "amount": 100,
		}).Execute()
		if err != nil {
			t.Fatal(err)
		}
	}
}

// seedUser inserts a customer registered at the shop-zone wall time.
func seedUser(t testing.TB, app core.App, wall string) {
	t.Helper()
	id := newID()
	_, err := app.DB().Insert("users", dbx.Params{
		"id": id, "openid": "openid-" + id, "tokenKey": "key-" + id, "created": local(t, wall), "updated": local(t, wall),
	}).Execute()
	if err != nil {
		t.Fatal(err)
	}
}

// seedMenuItem inserts a dish or set meal with a status.
func seedMenuItem(t testing.TB, app core.App, table, name string, status int) {
	t.Helper()
	if _, err := app.DB().Insert(table, dbx.Params{"id": newID(), "name": name, "status": status, "price": 1000}).Execute(); err != nil {
		t.Fatal(err)
	}
}

// setClock fixes app's clock at a shop-zone wall time.
func setClock(t testing.TB, app core.App, wall string) {
	t.Helper()
	v, err := time.ParseInLocation("2006-01-02 15:04:05.000", wall, clock.Zone())
	if err != nil {
		t.Fatal(err)
	}
	clock.SetClock(app, func() time.Time { return v })
}
