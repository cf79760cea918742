// Package queryplan_test guards the indexes: it records every SQL statement the app runs while a scripted day
// of a shop goes through it, runs EXPLAIN QUERY PLAN on each, and fails on any that reads a table growing with
// the shop's history from end to end. A statement added without its index fails here, not in a restaurant's
// third year.
package queryplan_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/order"
)

func TestEveryStatementOfADayUsesAnIndex(t *testing.T) {
	d := runDay(t, nil)
	stmts := d.rec.statements()
	for _, step := range d.steps {
		if d.rec.runsIn(step) == 0 {
			t.Errorf("no statement recorded in step %q: the recorder misses statements", step)
		}
	}
	t.Logf("%d distinct statements over %d steps", len(stmts), len(d.steps))
	for _, s := range fullScans(t, d.app.DataDir(), stmts) {
		t.Errorf("full scan of %s", s)
	}
}

// TestTheGuardSeesADroppedIndex drops the index of a customer's order history and expects the day to show it:
// the guard does fail when an index goes missing.
func TestTheGuardSeesADroppedIndex(t *testing.T) {
	d := runDay(t, func(app core.App) {
		c, err := app.FindCollectionByNameOrId("orders")
		if err != nil {
			t.Fatal(err)
		}
		c.RemoveIndex("idx_orders_user_time")
		if err := app.Save(c); err != nil {
			t.Fatal(err)
		}
	})
	var found []string
	for _, s := range fullScans(t, d.app.DataDir(), d.rec.statements()) {
		if s.table == "orders" {
			found = append(found, s.stmt.step)
		}
	}
	if !strings.Contains(strings.Join(found, ","), "customer order history") {
		t.Fatalf("without idx_orders_user_time, the history page should scan orders; scans of orders were in steps %q", found)
	}
}

// day is one served app in demo mode whose every statement is recorded.
type day struct {
	t     *testing.T
	app   *tests.TestApp
	base  string
	rec   *recorder
	staff string   // employee token
	steps []string // the steps so far
}

// runDay goes through a shop's day over HTTP, and through the scheduled jobs as cron would run them. change, if
// given, alters the app before the day starts (and is not recorded).
func runDay(t *testing.T, change func(core.App)) *day {
	rec := newRecorder()
	app := apptest.FactoryWithConfig(func(c *core.BaseAppConfig) { c.DBConnect = rec.connect }, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
	})(t)
	t.Cleanup(app.Cleanup)
	app.Settings().Logs.MaxDays = 5 // PocketBase's request log, as in production (test apps turn it off)
	app.Settings().RateLimits.Enabled = false
	if change != nil {
		change(app)
	}
	d := &day{t: t, app: app, base: apptest.Serve(t, app), rec: rec}
	_, d.staff = apptest.Employee(t, app, "day-staff", 1)
	d.script()
	return d
}

// at names the step the next statements belong to.
func (d *day) at(step string) {
	d.steps = append(d.steps, step)
	d.rec.at(step)
}

func (d *day) call(method, path string, body any, headers ...string) json.RawMessage {
	d.t.Helper()
	r := apptest.Call(d.t, method, d.base+path, body, headers...)
	if r.Status != http.StatusOK || r.Code != 1 {
		d.t.Fatalf("%s %s: HTTP %d code %d %q", method, path, r.Status, r.Code, r.Message())
	}
	return r.Data
}

func (d *day) customer(method, path, token string, body any) json.RawMessage {
	d.t.Helper()
	return d.call(method, path, body, "authentication", token)
}

func (d *day) admin(method, path string, body any) json.RawMessage {
	d.t.Helper()
	return d.call(method, path, body, "token", d.staff)
}

// native calls PocketBase's own API as the staff console does.
func (d *day) native(method, path string, body any) {
	d.t.Helper()
	if status, raw := apptest.Raw(d.t, method, d.base+path, body, "Authorization", d.staff); status != http.StatusOK {
		d.t.Fatalf("%s %s: HTTP %d %s", method, path, status, raw)
	}
}

type placed struct {
	ID          compat.ID `json:"id"`
	OrderNumber string    `json:"orderNumber"`
}

func (d *day) script() {
	t := d.t
	d.at("staff sign-in and shop")
	var login struct {
		Token string `json:"token"`
	}
	json.Unmarshal(d.call("POST", "/admin/employee/login", map[string]any{"username": "day-staff", "password": apptest.Password}), &login)
	d.staff = login.Token
	d.admin("PUT", "/admin/shop/1", nil)
	d.admin("GET", "/admin/shop/status", nil)
	d.admin("GET", "/admin/employee/page?page=1&pageSize=10", nil)
	d.admin("GET", "/admin/dish/page?page=1&pageSize=10", nil)
	d.admin("GET", "/admin/setmeal/page?page=1&pageSize=10", nil)
	d.admin("GET", "/admin/category/page?page=1&pageSize=10", nil)

	d.at("staff console subscribes to alerts")
	stream := apptest.Connect(t, d.base)
	if code := stream.Subscribe(t, d.base, d.staff, "alerts/*"); code != http.StatusNoContent {
		t.Fatalf("subscribe: %d", code)
	}

	d.at("customer sign-in")
	var who struct {
		Token string `json:"token"`
	}
	json.Unmarshal(d.call("POST", "/user/user/login", map[string]any{"code": "day-customer"}), &who)
	// Signing in again finds the customer instead of registering them.
	json.Unmarshal(d.call("POST", "/user/user/login", map[string]any{"code": "day-customer"}), &who)
	tok := who.Token

	d.at("menu")
	d.customer("GET", "/user/shop/status", tok, nil)
	var categories []struct {
		ID   compat.ID `json:"id"`
		Type int       `json:"type"`
	}
	json.Unmarshal(d.customer("GET", "/user/category/list", tok, nil), &categories)
	var dishes []struct {
		ID compat.ID `json:"id"`
	}
	var setmeals []struct {
		ID compat.ID `json:"id"`
	}
	for _, c := range categories {
		if c.Type == 1 && len(dishes) < 2 {
			var list []struct {
				ID compat.ID `json:"id"`
			}
			json.Unmarshal(d.customer("GET", fmt.Sprintf("/user/dish/list?categoryId=%d", c.ID), tok, nil), &list)
			dishes = append(dishes, list...)
		}
		if c.Type == 2 && len(setmeals) == 0 {
			json.Unmarshal(d.customer("GET", fmt.Sprintf("/user/setmeal/list?categoryId=%d", c.ID), tok, nil), &setmeals)
		}
	}
	if len(dishes) < 2 || len(setmeals) == 0 {
		t.Fatalf("the demo menu should offer dishes and set meals: %d dishes, %d set meals", len(dishes), len(setmeals))
	}
	d.customer("GET", fmt.Sprintf("/user/setmeal/dish/%d", setmeals[0].ID), tok, nil)

	d.at("addresses")
	address := map[string]any{"consignee": "王五", "phone": "13800001111", "sex": "1", "provinceName": "北京市",
		"cityName": "北京市", "districtName": "海淀区", "detail": "中关村1号", "label": "1"}
	d.customer("POST", "/user/addressBook", tok, address)
	d.customer("POST", "/user/addressBook", tok, address)
	var addresses []struct {
		ID compat.ID `json:"id"`
	}
	json.Unmarshal(d.customer("GET", "/user/addressBook/list", tok, nil), &addresses)
	d.customer("PUT", "/user/addressBook/default", tok, map[string]any{"id": addresses[0].ID})
	d.customer("GET", "/user/addressBook/default", tok, nil)
	d.customer("GET", fmt.Sprintf("/user/addressBook/%d", addresses[0].ID), tok, nil)
	address["id"] = addresses[0].ID
	d.customer("PUT", "/user/addressBook", tok, address)
	d.customer("DELETE", fmt.Sprintf("/user/addressBook?id=%d", addresses[1].ID), tok, nil)
	addressID := addresses[0].ID

	d.at("cart")
	fill := func() {
		d.customer("POST", "/user/shoppingCart/add", tok, map[string]any{"dishId": dishes[0].ID})
		d.customer("POST", "/user/shoppingCart/add", tok, map[string]any{"dishId": dishes[0].ID})
		d.customer("POST", "/user/shoppingCart/add", tok, map[string]any{"dishId": dishes[1].ID})
		d.customer("POST", "/user/shoppingCart/add", tok, map[string]any{"setmealId": setmeals[0].ID})
	}
	fill()
	d.customer("POST", "/user/shoppingCart/sub", tok, map[string]any{"dishId": dishes[0].ID})
	d.customer("GET", "/user/shoppingCart/list", tok, nil)
	d.customer("DELETE", "/user/shoppingCart/clean", tok, nil)

	submit := func() placed {
		fill()
		var p placed
		json.Unmarshal(d.customer("POST", "/user/order/submit", tok, map[string]any{
			"addressBookId": addressID, "payMethod": 1, "remark": "少放辣", "estimatedDeliveryTime": "2030-01-02 12:30:00",
			"deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 1,
		}), &p)
		return p
	}
	pay := func(p placed) {
		d.customer("PUT", "/user/order/payment", tok, map[string]any{"orderNumber": p.OrderNumber, "payMethod": 1})
		if _, ok := stream.Next(t, "alerts/*", 5*time.Second); !ok {
			t.Fatalf("no new-order alert for %s", p.OrderNumber)
		}
	}
	d.at("submit")
	delivered := submit()
	d.at("pay")
	pay(delivered)
	// Paid as they come: a customer may hold only order.MaxUnpaidOrders unpaid orders at once.
	submitPaid := func() placed { p := submit(); pay(p); return p }
	rejected, cancelledPaid, staffCancelled := submitPaid(), submitPaid(), submitPaid()
	cancelledUnpaid, timedOut := submit(), submit()

	d.at("customer order history")
	d.customer("GET", "/user/order/historyOrders?page=1&pageSize=5", tok, nil)
	d.customer("GET", "/user/order/historyOrders?page=2&pageSize=5&status=2", tok, nil)
	d.customer("GET", fmt.Sprintf("/user/order/orderDetail/%d", delivered.ID), tok, nil)

	d.at("reminder")
	d.customer("GET", fmt.Sprintf("/user/order/reminder/%d", delivered.ID), tok, nil)

	d.at("customer cancels")
	d.customer("PUT", fmt.Sprintf("/user/order/cancel/%d", cancelledPaid.ID), tok, nil)
	d.customer("PUT", fmt.Sprintf("/user/order/cancel/%d", cancelledUnpaid.ID), tok, nil)

	d.at("re-order")
	d.customer("POST", fmt.Sprintf("/user/order/repetition/%d", delivered.ID), tok, nil)
	d.customer("DELETE", "/user/shoppingCart/clean", tok, nil)

	d.at("staff order pages")
	today := clock.Now(d.app).In(clock.Zone()).Format("2006-01-02")
	d.admin("GET", "/admin/order/conditionSearch?page=1&pageSize=10", nil)
	d.admin("GET", "/admin/order/conditionSearch?page=1&pageSize=10&status=2", nil)
	d.admin("GET", "/admin/order/conditionSearch?page=1&pageSize=10&number="+delivered.OrderNumber, nil)
	d.admin("GET", "/admin/order/conditionSearch?page=1&pageSize=10&phone=1380000", nil)
	d.admin("GET", "/admin/order/conditionSearch?page=1&pageSize=10&beginTime="+today+"%2000:00:00&endTime="+today+"%2023:59:59", nil)
	d.admin("GET", "/admin/order/statistics", nil)
	d.admin("GET", fmt.Sprintf("/admin/order/details/%d", delivered.ID), nil)

	d.at("staff order actions")
	d.admin("PUT", "/admin/order/confirm", map[string]any{"id": delivered.ID})
	d.admin("PUT", fmt.Sprintf("/admin/order/delivery/%d", delivered.ID), nil)
	d.admin("PUT", fmt.Sprintf("/admin/order/complete/%d", delivered.ID), nil)
	d.admin("PUT", "/admin/order/rejection", map[string]any{"id": rejected.ID, "rejectionReason": "太忙"})
	d.admin("PUT", "/admin/order/cancel", map[string]any{"id": staffCancelled.ID, "cancelReason": "缺货"})

	d.at("browser customer sign-in")
	var guest struct {
		Token string `json:"token"`
	}
	deviceKey := map[string]any{"deviceKey": strings.Repeat("d", 43)}
	json.Unmarshal(d.call("POST", "/user/user/browser-login", deviceKey), &guest)
	// Signing in again finds the customer by the key's hash.
	json.Unmarshal(d.call("POST", "/user/user/browser-login", deviceKey), &guest)

	d.at("storefront shop info and quote")
	d.call("GET", "/user/shop/info", nil)
	d.customer("POST", "/user/shoppingCart/add", guest.Token, map[string]any{"dishId": dishes[0].ID})
	d.customer("GET", "/user/order/quote", guest.Token, nil)
	var quote struct {
		Amount compat.Money `json:"amount"`
	}
	json.Unmarshal(d.customer("GET", "/user/order/quote?tableNo=12", guest.Token, nil), &quote)

	d.at("table submit")
	d.admin("PUT", "/admin/shop/settings", map[string]any{"payOnDelivery": true})
	var table placed
	json.Unmarshal(d.customer("POST", "/user/order/submit", guest.Token, map[string]any{"tableNo": "12",
		"amount": quote.Amount.String(), "payMethod": order.PayOnDelivery}), &table)

	d.at("pay on delivery")
	d.customer("PUT", "/user/order/payment", guest.Token, map[string]any{"orderNumber": table.OrderNumber, "payMethod": order.PayOnDelivery})
	if _, ok := stream.Next(t, "alerts/*", 5*time.Second); !ok {
		t.Fatalf("no new-order alert for the order paid on delivery")
	}
	d.admin("PUT", "/admin/order/confirm", map[string]any{"id": table.ID})
	d.admin("PUT", fmt.Sprintf("/admin/order/delivery/%d", table.ID), nil)
	d.admin("PUT", fmt.Sprintf("/admin/order/complete/%d", table.ID), nil)

	d.at("alerts")
	open, err := d.app.FindRecordsByFilter("alerts", "acknowledged = false", "created", 1, 0)
	if err != nil || len(open) == 0 {
		t.Fatalf("open alerts: %d, %v", len(open), err)
	}
	d.native("PATCH", "/api/collections/alerts/records/"+open[0].Id, map[string]any{"acknowledged": true})
	d.native("GET", "/api/collections/alerts/records?filter=acknowledged%3Dfalse&sort=created", nil)

	d.at("reports")
	from := clock.Now(d.app).In(clock.Zone()).AddDate(0, 0, -30).Format("2006-01-02")
	period := "?begin=" + from + "&end=" + today
	for _, r := range []string{"turnoverStatistics", "userStatistics", "ordersStatistics", "top10"} {
		d.admin("GET", "/admin/report/"+r+period, nil)
	}
	if status, _ := apptest.Raw(t, "GET", d.base+"/admin/report/export", nil, "token", d.staff); status != http.StatusOK {
		t.Fatalf("export: HTTP %d", status)
	}
	for _, w := range []string{"businessData", "overviewOrders", "overviewDishes", "overviewSetmeals"} {
		d.admin("GET", "/admin/workspace/"+w, nil)
	}

	d.at("scheduled jobs")
	later := clock.Now(d.app).Add(3 * time.Hour)
	for name, job := range map[string]func(core.App, time.Time) error{
		"cancel unpaid": order.CancelUnpaid, "complete delivered": order.CompleteDelivered, "reconcile payments": order.ReconcilePayments,
	} {
		if err := job(d.app, later); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if r, err := d.app.FindRecordById(order.OrdersCollection, timedOut.ID.String()); err != nil || r.GetInt("status") != order.Cancelled {
		t.Fatalf("the unpaid order should have timed out: %v", err)
	}
}
