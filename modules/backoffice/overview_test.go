package backoffice_test

import (
	"context"
	"database/sql"
	"encoding/json"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/backoffice"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/shop"
)

func register(app core.App) {
	shop.Register(app)
	backoffice.Register(app)
}

func save(t *testing.T, app core.App, collection string, fields map[string]any) *core.Record {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	for k, v := range fields {
		r.Set(k, v)
	}
	if err := app.Save(r); err != nil {
		t.Fatalf("%s: %v", collection, err)
	}
	return r
}

// anOrder stores a paid order of two dishes placed at 12:05 UTC.
func anOrder(t *testing.T, app *tests.TestApp) *core.Record {
	customer, _ := apptest.Customer(t, app, "openid-1")
	o := save(t, app, "orders", map[string]any{
		"number": "1764000000001", "status": 2, "user": customer.Id, "order_time": time.Date(2026, 12, 3, 12, 5, 0, 0, time.UTC),
		"pay_method": 1, "pay_status": 1, "amount": 12400, "delivery_fee": 600, "pack_amount": 5, "phone": "13812345678",
		"address": "北京市海淀区上地十街10号", "consignee": "张三", "delivery_status": 1, "tableware_status": 1,
	})
	save(t, app, "order_details", map[string]any{"order": o.Id, "name": "宫保鸡丁", "number": 2, "amount": 5600})
	save(t, app, "order_details", map[string]any{"order": o.Id, "name": "米饭", "number": 3, "amount": 200})
	return o
}

// The owner reads an order in words in the dashboard: status, ¥ amounts, who and where, what was ordered, and
// when in the shop's zone.
func TestOrderOverviewInWords(t *testing.T) {
	defer clock.SetZone(clock.Zone())
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, owner := apptest.Superuser(t, app, "owner@example.com")
	_, staffTok := apptest.Employee(t, app, "alice", 1)
	o := anOrder(t, app)

	list := func(tok string) (int, []map[string]any) {
		st, raw := apptest.Raw(t, "GET", base+"/api/collections/"+backoffice.OverviewCollection+"/records?page=1&perPage=30&skipTotal=1",
			nil, "Authorization", tok)
		var page struct {
			Items []map[string]any `json:"items"`
		}
		json.Unmarshal(raw, &page)
		return st, page.Items
	}
	st, items := list(owner)
	if st != 200 || len(items) != 1 {
		t.Fatalf("overview: HTTP %d, %d rows", st, len(items))
	}
	want := map[string]any{
		"id": o.Id, "number": "1764000000001", "status": "待接单", "total": "¥124.00", "consignee": "张三",
		"phone": "13812345678", "address": "北京市海淀区上地十街10号", "dishes": "宫保鸡丁 ×2、米饭 ×3",
		"ordered_at": "2026-12-03 20:05 (UTC+08:00)", "payment": "已支付 · 微信支付", "service": "外送 · 小程序", "delivery_fee": "¥6.00", "packing": "¥5",
	}
	for k, v := range want {
		if items[0][k] != v {
			t.Errorf("%s = %v, want %v", k, items[0][k], v)
		}
	}
	// Phones and addresses are the owner's to read only.
	if st, items := list(staffTok); len(items) != 0 {
		t.Fatalf("an employee read the overview: HTTP %d, %d rows", st, len(items))
	}

	// The shop moves to another zone: the overview follows.
	if _, err := shop.Update(app, shop.SettingsInput{TimeZone: textOf("Asia/Tokyo")}); err != nil {
		t.Fatal(err)
	}
	if _, items := list(owner); len(items) != 1 || items[0]["ordered_at"] != "2026-12-03 21:05 (UTC+09:00)" {
		t.Fatalf("after the zone changed: %v", items)
	}
}

var dbxQuoted = regexp.MustCompile(`\[\[[\w.]+\]\]`)

// What the dashboard asks of the view reads indexes only: a page sorted by time one range of the orders' time
// index, each row's items from the items' index, and the total under the list the orders' primary key index, never
// a sort of every order or the view computed for every order.
func TestOrderOverviewPageUsesIndexes(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, owner := apptest.Superuser(t, app, "owner@example.com")
	anOrder(t, app)
	db := app.ConcurrentDB().(*dbx.DB)
	var mu sync.Mutex
	var queries []string
	db.QueryLogFunc = func(_ context.Context, _ time.Duration, q string, _ *sql.Rows, _ error) {
		if strings.Contains(q, backoffice.OverviewCollection) {
			mu.Lock()
			queries = append(queries, q)
			mu.Unlock()
		}
	}
	for _, url := range []string{
		"/records?page=1&perPage=30&skipTotal=1&sort=-order_time", // README's link
		"/records?page=2&perPage=30&skipTotal=1",                  // unsorted
		"/records?page=1&perPage=1&fields=id",                     // the total under the list
	} {
		if st, raw := apptest.Raw(t, "GET", base+"/api/collections/"+backoffice.OverviewCollection+url, nil, "Authorization", owner); st != 200 {
			t.Fatalf("%s: HTTP %d %s", url, st, raw)
		}
	}
	db.QueryLogFunc = nil
	mu.Lock()
	defer mu.Unlock()
	if len(queries) == 0 {
		t.Fatal("no query of the overview seen")
	}
	for _, q := range queries {
		var plan []string
		// dbx logs its column quoting as written, [[table.column]].
		q = dbxQuoted.ReplaceAllStringFunc(q, func(m string) string {
			return "`" + strings.ReplaceAll(strings.Trim(m, "[]"), ".", "`.`") + "`"
		})
		rows, err := app.DB().NewQuery("EXPLAIN QUERY PLAN " + q).Rows()
		if err != nil {
			t.Fatalf("%s: %v", q, err)
		}
		for rows.Next() {
			var id, parent, unused int
			var detail string
			rows.Scan(&id, &parent, &unused, &detail)
			plan = append(plan, detail)
		}
		rows.Close()
		joined := strings.Join(plan, "\n")
		var ok bool
		switch {
		case strings.Contains(q, "COUNT("):
			ok = strings.Contains(joined, "USING COVERING INDEX sqlite_autoindex_orders_1") && !strings.Contains(joined, "CO-ROUTINE")
		case strings.Contains(q, "ORDER BY"):
			ok = strings.Contains(joined, "idx_orders_time") && strings.Contains(joined, "SEARCH d USING COVERING INDEX idx_order_details_sales")
		default:
			ok = strings.Contains(joined, "SEARCH d USING COVERING INDEX idx_order_details_sales")
		}
		ok = ok && !strings.Contains(joined, "USE TEMP B-TREE")
		if !ok {
			t.Errorf("%s\nplan:\n%s", q, joined)
		}
	}
}
