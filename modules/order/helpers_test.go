package order

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/customer"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/shop"
)

// fixture is a fresh app with every module an order needs, served on 127.0.0.1, an open shop, a small menu
// and a signed-in employee.
type fixture struct {
	t     testing.TB
	app   *tests.TestApp
	base  string
	staff string // employee token

	chicken, rice, setmeal compat.ID // 宫保鸡丁 ¥56, 米饭 ¥2, 商务套餐A ¥88
	dishCategory           compat.ID
}

// Menu prices in cents.
const (
	chickenPrice = 5600
	ricePrice    = 200
	setmealPrice = 8800
)

func mockProvider(t testing.TB) payment.Provider {
	t.Helper()
	p, err := payment.New(&config.Config{Demo: true})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// newFixture serves a fresh app whose orders are paid with provider (nil: payments off).
func newFixture(t testing.TB, provider payment.Provider) *fixture {
	t.Helper()
	app := apptest.New(t,
		auth.EnableAuthCache,
		menu.Register, cart.Register, shop.Register, alert.Register,
		func(app core.App) { customer.Register(app, &config.Config{Demo: true}) },
		func(app core.App) { Register(app, provider) },
		func(app core.App) {
			if provider != nil { // as modules.Register does
				payment.Register(app, provider, PaymentCallbacks())
			}
		},
	)
	f := &fixture{t: t, app: app}
	if err := shop.SetStatus(app, shop.Open); err != nil {
		t.Fatal(err)
	}
	f.base = apptest.Serve(t, app)
	_, f.staff = apptest.Employee(t, app, "alice", 1)

	f.dishCategory = f.record("categories", map[string]any{"name": "川菜", "type": 1, "sort": 1, "status": 1})
	setmealCategory := f.record("categories", map[string]any{"name": "套餐", "type": 2, "sort": 2, "status": 1})
	f.chicken = f.record("dishes", map[string]any{"name": "宫保鸡丁", "category": f.dishCategory.String(), "price": chickenPrice, "image": "chicken.png", "status": 1})
	f.rice = f.record("dishes", map[string]any{"name": "米饭", "category": f.dishCategory.String(), "price": ricePrice, "image": "rice.png", "status": 1})
	f.setmeal = f.record("setmeals", map[string]any{"name": "商务套餐A", "category": setmealCategory.String(), "price": setmealPrice, "image": "set.png", "status": 1})
	return f
}

// record creates a record in collection and returns its id.
func (f *fixture) record(collection string, fields map[string]any) compat.ID {
	f.t.Helper()
	col, err := f.app.FindCollectionByNameOrId(collection)
	if err != nil {
		f.t.Fatal(err)
	}
	r := core.NewRecord(col)
	for k, v := range fields {
		r.Set(k, v)
	}
	if err := f.app.Save(r); err != nil {
		f.t.Fatalf("%s: %v", collection, err)
	}
	return compat.ParseID(r.Id)
}

// update changes fields of a record.
func (f *fixture) update(collection string, id compat.ID, fields map[string]any) {
	f.t.Helper()
	r, err := f.app.FindRecordById(collection, id.String())
	if err != nil {
		f.t.Fatal(err)
	}
	for k, v := range fields {
		r.Set(k, v)
	}
	if err := f.app.Save(r); err != nil {
		f.t.Fatal(err)
	}
}

// shopper is a signed-in customer with one address.
type shopper struct {
	id      compat.ID
	token   string
	address compat.ID
}

var openids atomic.Int64

func (f *fixture) customer() shopper {
	f.t.Helper()
	n := openids.Add(1)
	r, tok := apptest.Customer(f.t, f.app, fmt.Sprintf("openid-%d", n))
	r.Set("name", fmt.Sprintf("顾客%d", n))
	if err := f.app.Save(r); err != nil {
		f.t.Fatal(err)
	}
	s := shopper{id: compat.ParseID(r.Id), token: tok}
	s.address = f.record(customer.AddressesCollection, map[string]any{
		"user": r.Id, "consignee": "张三", "phone": "13812345678", "sex": "0",
		"province_name": "北京市", "city_name": "北京市", "district_name": "海淀区", "detail": "上地十街10号",
		"label": "1", "is_default": true,
	})
	return s
}

// fill puts items into the customer's cart: dish ids with counts.
func (f *fixture) fill(s shopper, items ...any) {
	f.t.Helper()
	for i := 0; i+1 < len(items); i += 2 {
		id, n := items[i].(compat.ID), items[i+1].(int)
		c := cart.Choice{DishID: id}
		if id == f.setmeal {
			c = cart.Choice{SetmealID: id}
		}
		if err := cart.AddItem(f.app, s.id, c, n); err != nil {
			f.t.Fatal(err)
		}
	}
}

// standardCart is 2 宫保鸡丁 and 3 米饭: 118.00 of food, 5 items of packing (5.00), delivery 6.00.
func (f *fixture) standardCart(s shopper) int64 {
	f.fill(s, f.chicken, 2, f.rice, 3)
	return 2*chickenPrice + 3*ricePrice + 5*100 + 600
}

func (f *fixture) submitBody(s shopper, amount int64) map[string]any {
	return map[string]any{
		"addressBookId": s.address, "payMethod": 1, "remark": "少放辣",
		"estimatedDeliveryTime": "2030-01-02 12:30:00", "deliveryStatus": 0,
		"tablewareNumber": 2, "tablewareStatus": 0, "packAmount": 5,
		"amount": compat.Cents(amount).String(),
	}
}

// submit posts the customer's cart as an order claiming amount.
func (f *fixture) submit(s shopper, amount int64) apptest.Reply {
	f.t.Helper()
	return apptest.Call(f.t, "POST", f.base+"/user/order/submit", f.submitBody(s, amount), "authentication", s.token)
}

// placed is an order a test placed.
type placed struct {
	id     compat.ID
	number string
	amount int64
}

// place fills the customer's cart with the standard cart and submits it.
func (f *fixture) place(s shopper) placed {
	f.t.Helper()
	amount := f.standardCart(s)
	r := f.submit(s, amount)
	if r.Code != 1 {
		f.t.Fatalf("submit: %s", r.Message())
	}
	var vo struct {
		ID          compat.ID `json:"id"`
		OrderNumber string    `json:"orderNumber"`
	}
	json.Unmarshal(r.Data, &vo)
	return placed{id: vo.ID, number: vo.OrderNumber, amount: amount}
}

// pay pays the order through the route (mock provider).
func (f *fixture) pay(s shopper, o placed) apptest.Reply {
	f.t.Helper()
	return apptest.Call(f.t, "PUT", f.base+"/user/order/payment",
		map[string]any{"orderNumber": o.number, "payMethod": 1}, "authentication", s.token)
}

// order reads the order as stored now.
func (f *fixture) order(id compat.ID) *Order {
	f.t.Helper()
	r, err := f.app.FindRecordById(OrdersCollection, id.String())
	if err != nil {
		f.t.Fatal(err)
	}
	return asOrder(r)
}

// rawOrder stores an order in any state directly, for the state machine tests.
func (f *fixture) rawOrder(s shopper, status, payStatus int) placed {
	f.t.Helper()
	number := numbers.next(time.Now())
	id := f.record(OrdersCollection, map[string]any{
		"number": number, "status": status, "user": s.id.String(), "address_book": s.address.String(),
		"order_time": time.Now(), "pay_method": 1, "pay_status": payStatus, "amount": 5800, "phone": "13812345678",
		"address": "北京市北京市海淀区上地十街10号", "consignee": "张三", "delivery_status": 1, "tableware_status": 1,
	})
	f.record(DetailsCollection, map[string]any{"order": id.String(), "name": "宫保鸡丁", "dish_id": f.chicken.String(), "number": 1, "amount": chickenPrice, "image": "chicken.png"})
	f.record(DetailsCollection, map[string]any{"order": id.String(), "name": "米饭", "dish_id": f.rice.String(), "number": 1, "amount": ricePrice, "image": "rice.png"})
	return placed{id: id, number: number, amount: 5800}
}

// ledger lists the payments rows of an order as "kind/state/amount".
func (f *fixture) ledger(id compat.ID) []string {
	f.t.Helper()
	rows, err := f.app.FindAllRecords("payments")
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, r := range rows {
		if r.GetString("order") == id.String() {
			out = append(out, fmt.Sprintf("%s/%s/%d", r.GetString("kind"), r.GetString("state"), r.GetInt("amount")))
		}
	}
	return out
}

// alerts lists the alerts about an order as their types.
func (f *fixture) alerts(id compat.ID) []int {
	f.t.Helper()
	rows, err := f.app.FindAllRecords("alerts")
	if err != nil {
		f.t.Fatal(err)
	}
	var out []int
	for _, r := range rows {
		if r.GetString("order") == id.String() {
			out = append(out, r.GetInt("type"))
		}
	}
	return out
}

// staffCall sends a staff request.
func (f *fixture) staffCall(method, path string, body any) apptest.Reply {
	f.t.Helper()
	return apptest.Call(f.t, method, f.base+path, body, "token", f.staff)
}

// customerCall sends a customer request.
func (f *fixture) customerCall(s shopper, method, path string, body any) apptest.Reply {
	f.t.Helper()
	return apptest.Call(f.t, method, f.base+path, body, "authentication", s.token)
}

// call is apptest.Call for goroutines: it returns errors instead of failing the test.
func call(method, url string, body any, headers ...string) (apptest.Reply, error) {
	var rd io.Reader
	if body != nil {
		raw, err := json.Marshal(body)
		if err != nil {
			return apptest.Reply{}, err
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		return apptest.Reply{}, err
	}
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		return apptest.Reply{}, err
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	reply := apptest.Reply{Status: res.StatusCode}
	if res.StatusCode != http.StatusOK {
		return reply, fmt.Errorf("%s %s: HTTP %d %s", method, url, res.StatusCode, raw)
	}
	if err := json.Unmarshal(raw, &reply); err != nil {
		return reply, fmt.Errorf("%s %s: not an envelope: %s", method, url, raw)
	}
	return reply, nil
}

// expect fails unless the reply is code 1 (want "") or code 0 with the message want.
func expect(t testing.TB, what string, r apptest.Reply, want string) {
	t.Helper()
	if r.Status != http.StatusOK {
		t.Fatalf("%s: HTTP %d", what, r.Status)
	}
	if want == "" && r.Code != 1 {
		t.Fatalf("%s: code %d msg %q, want success", what, r.Code, r.Message())
	}
	if want != "" && (r.Code != 0 || r.Message() != want) {
		t.Fatalf("%s: code %d msg %q, want code 0 %q", what, r.Code, r.Message(), want)
	}
}

func path(format string, args ...any) string { return fmt.Sprintf(format, args...) }

// mustTime reads a `yyyy-MM-dd HH:mm:ss` time in the shop's zone.
func mustTime(t testing.TB, s string) time.Time {
	t.Helper()
	v, err := compat.ParseTime(s)
	if err != nil {
		t.Fatal(err)
	}
	return v
}
