// Package security_test attacks the whole app through HTTP: every guarded route with bad credentials, every
// customer route with another customer's ids, every collection through PocketBase's native API, uploads, SQL
// meta characters and huge strings. It registers the modules exactly as main.go does.
package security_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/security"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
)

// shopper is a signed-in customer with an address, a placed and paid order, and an item in the cart.
type shopper struct {
	id                 compat.ID
	token              string
	address            compat.ID
	order              compat.ID
	orderNumber        string
	detail             compat.ID // a line of the order
	cartItem           compat.ID
	consignee, secrets string // the consignee's name, and text only this customer's data holds
}

// world is one served app in demo mode: the demo menu, an open shop, the bootstrap admin, an enabled and a
// locked employee, and two customers, alice and bob, each with an address, a paid order and a cart item.
type world struct {
	t    testing.TB
	app  *tests.TestApp
	base string

	staff, lockedStaff, expiredStaff string // employee tokens
	staffID                          compat.ID
	expiredCustomer                  string
	alice, bob                       shopper
	dish                             compat.ID // a dish on sale
}

func newWorld(t testing.TB) *world {
	t.Helper()
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
	})
	// Every request here comes from 127.0.0.1; PocketBase's limiter would answer 429 long before the matrix ends.
	s := app.Settings()
	s.RateLimits.Enabled = false
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	w := &world{t: t, app: app, base: apptest.Serve(t, app)}

	staff, tok := apptest.Employee(t, app, "alice-staff", 1)
	w.staff, w.staffID = tok, compat.ParseID(staff.Id)
	w.expiredStaff = expiredToken(t, staff)
	locked, lockedTok := apptest.Employee(t, app, "bob-staff", 1)
	locked.Set("status", 0)
	if err := app.Save(locked); err != nil {
		t.Fatal(err)
	}
	w.lockedStaff = lockedTok

	dish, err := app.FindFirstRecordByFilter("dishes", "status = 1")
	if err != nil {
		t.Fatalf("demo menu: %v", err)
	}
	w.dish = compat.ParseID(dish.Id)

	w.alice = w.shopper("openid-alice", "张三", "13811110000", "alice-secret-street")
	w.bob = w.shopper("openid-bob", "李四", "13922220000", "bob-secret-street")
	bobRecord, _ := app.FindRecordById("users", w.bob.id.String())
	w.expiredCustomer = expiredToken(t, bobRecord)
	return w
}

// shopper signs a customer up and gives them an address, a paid order and a cart item, all through the routes.
func (w *world) shopper(openid, consignee, phone, secret string) shopper {
	w.t.Helper()
	r, tok := apptest.Customer(w.t, w.app, openid)
	s := shopper{id: compat.ParseID(r.Id), token: tok, consignee: consignee, secrets: secret}
	w.ok("POST", "/user/addressBook", map[string]any{
		"consignee": consignee, "phone": phone, "sex": "1", "provinceName": "北京市", "cityName": "北京市",
		"districtName": "海淀区", "detail": secret, "label": "1",
	}, "authentication", tok)
	var addresses []struct {
		ID compat.ID `json:"id"`
	}
	json.Unmarshal(w.ok("GET", "/user/addressBook/list", nil, "authentication", tok).Data, &addresses)
	if len(addresses) != 1 {
		w.t.Fatalf("%s has %d addresses", openid, len(addresses))
	}
	s.address = addresses[0].ID
	w.ok("PUT", "/user/addressBook/default", map[string]any{"id": s.address}, "authentication", tok)

	w.ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": w.dish}, "authentication", tok)
	var placed struct {
		ID          compat.ID `json:"id"`
		OrderNumber string    `json:"orderNumber"`
	}
	json.Unmarshal(w.ok("POST", "/user/order/submit", map[string]any{
		"addressBookId": s.address, "payMethod": 1, "remark": secret, "estimatedDeliveryTime": "2030-01-02 12:30:00",
		"deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 1,
	}, "authentication", tok).Data, &placed)
	s.order, s.orderNumber = placed.ID, placed.OrderNumber
	w.ok("PUT", "/user/order/payment", map[string]any{"orderNumber": s.orderNumber, "payMethod": 1}, "authentication", tok)
	detail, err := w.app.FindFirstRecordByData("order_details", "order", s.order.String())
	if err != nil {
		w.t.Fatalf("order detail of %s: %v", openid, err)
	}
	s.detail = compat.ParseID(detail.Id)

	w.ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": w.dish}, "authentication", tok)
	item, err := w.app.FindFirstRecordByData("cart_items", "user", s.id.String())
	if err != nil {
		w.t.Fatalf("cart of %s: %v", openid, err)
	}
	s.cartItem = compat.ParseID(item.Id)
	return s
}

// ok calls a compat route that must succeed.
func (w *world) ok(method, path string, body any, headers ...string) apptest.Reply {
	w.t.Helper()
	r := apptest.Call(w.t, method, w.base+path, body, headers...)
	if r.Status != http.StatusOK || r.Code != 1 {
		w.t.Fatalf("%s %s: %d %s", method, path, r.Status, r.Message())
	}
	return r
}

// expiredToken is a correctly signed auth token of r that expired a minute ago.
func expiredToken(t testing.TB, r *core.Record) string {
	t.Helper()
	tok, err := security.NewJWT(jwt.MapClaims{
		core.TokenClaimType: core.TokenTypeAuth, core.TokenClaimId: r.Id,
		core.TokenClaimCollectionId: r.Collection().Id, core.TokenClaimRefreshable: true,
	}, r.TokenKey()+r.Collection().AuthToken.Secret, -time.Minute)
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// response is a raw HTTP answer.
type response struct {
	status int
	body   []byte
}

func (r response) String() string {
	b := string(r.body)
	if len(b) > 300 {
		b = b[:300] + "…"
	}
	return fmt.Sprintf("%d %s", r.status, b)
}

// send makes a request with a raw body (a string, []byte, or anything else as JSON) and header name/value pairs.
func send(t testing.TB, method, url string, body any, headers ...string) response {
	t.Helper()
	status, raw := apptest.Raw(t, method, url, body, headers...)
	return response{status: status, body: raw}
}

// envelope decodes a compat answer, failing the test when it is not one.
func envelope(t testing.TB, what string, r response) apptest.Reply {
	t.Helper()
	reply := apptest.Reply{Status: r.status}
	if r.status != http.StatusOK {
		t.Errorf("%s: HTTP %s, want 200 with an envelope", what, r)
		return reply
	}
	var probe map[string]json.RawMessage
	if err := json.Unmarshal(r.body, &probe); err != nil {
		t.Errorf("%s: not JSON: %s", what, r)
		return reply
	}
	for _, key := range []string{"code", "msg", "data"} {
		if _, ok := probe[key]; !ok {
			t.Errorf("%s: envelope lacks %q: %s", what, key, r)
		}
	}
	json.Unmarshal(r.body, &reply)
	return reply
}

// snapshot is every stored field of a record, to prove an attack changed nothing; "" when it is gone.
func (w *world) snapshot(collection string, id compat.ID) string {
	w.t.Helper()
	r, err := w.app.FindRecordById(collection, id.String())
	if err != nil {
		return ""
	}
	raw, _ := json.Marshal(r.FieldsData())
	return string(raw)
}

// count is the number of records of a collection.
func (w *world) count(collection string) int64 {
	w.t.Helper()
	n, err := w.app.CountRecords(collection)
	if err != nil {
		w.t.Fatalf("count %s: %v", collection, err)
	}
	return n
}

// jsonString decodes a JSON string.
func jsonString(raw json.RawMessage, s *string) error { return json.Unmarshal(raw, s) }
