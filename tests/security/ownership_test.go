package security_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// Every /user route that takes an id, given one of bob's ids by alice: refused or not found, nothing of bob's in
// the answer, and nothing of bob's changed. Routes that take no id are checked to show alice only her own data.
func TestCustomerRoutesNeverReachAnotherCustomersData(t *testing.T) {
	w := newWorld(t)
	alice, bob := w.alice, w.bob
	aliceDetail := w.snapshot("order_details", alice.detail)

	// Routes without ids show alice her own data only.
	for _, path := range []string{"/user/addressBook/list", "/user/addressBook/default", "/user/shoppingCart/list",
		"/user/order/historyOrders?page=1&pageSize=100"} {
		t.Run("listing "+path, func(t *testing.T) {
			res := send(t, "GET", w.base+path, nil, "authentication", alice.token)
			if r := envelope(t, path, res); r.Code != 1 {
				t.Errorf("alice's own list refused: %s", res)
			}
			w.leaks(t, res, bob)
			if !strings.Contains(string(res.body), alice.id.String()) && !strings.Contains(string(res.body), alice.consignee) {
				t.Errorf("alice's own data is missing: %s", res)
			}
		})
	}
	type attempt struct {
		name         string
		method, path string
		body         any
		ownAnswer    bool // the route acts on alice's own data whatever id she sends, so it may succeed
	}
	cases := []attempt{
		{"viewing bob's address", "GET", fmt.Sprintf("/user/addressBook/%d", bob.address), nil, false},
		{"updating bob's address", "PUT", "/user/addressBook", map[string]any{"id": bob.address, "consignee": "入侵者",
			"phone": "13800000000", "sex": "1", "detail": "hacked", "label": "1", "isDefault": 1}, false},
		{"making bob's address her default", "PUT", "/user/addressBook/default", map[string]any{"id": bob.address}, false},
		{"deleting bob's address", "DELETE", fmt.Sprintf("/user/addressBook?id=%d", bob.address), nil, false},
		{"deleting bob's address, mini-program path", "DELETE", fmt.Sprintf("/user/addressBook/?id=%d", bob.address), nil, false},
		{"viewing bob's order", "GET", fmt.Sprintf("/user/order/orderDetail/%d", bob.order), nil, false},
		{"cancelling bob's order", "PUT", fmt.Sprintf("/user/order/cancel/%d", bob.order), nil, false},
		{"repeating bob's order into her cart", "POST", fmt.Sprintf("/user/order/repetition/%d", bob.order), nil, false},
		{"reminding the shop of bob's order", "GET", fmt.Sprintf("/user/order/reminder/%d", bob.order), nil, false},
		{"paying bob's order", "PUT", "/user/order/payment", map[string]any{"orderNumber": bob.orderNumber, "payMethod": 1}, false},
		{"ordering to bob's address", "POST", "/user/order/submit", map[string]any{"addressBookId": bob.address,
			"payMethod": 1, "estimatedDeliveryTime": "2030-01-02 12:30:00", "deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 1}, false},
		{"taking from bob's cart by his item id", "POST", "/user/shoppingCart/sub", map[string]any{"id": bob.cartItem, "dishId": w.dish}, true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			bobBefore := w.bobSnapshot()
			alerts := w.count("alerts")
			res := send(t, c.method, w.base+c.path, c.body, "authentication", alice.token)
			refused := res.status == http.StatusNotFound || res.status == http.StatusForbidden || res.status == http.StatusBadRequest
			if res.status == http.StatusOK {
				refused = envelope(t, c.name, res).Code == 0
			}
			if !refused && !c.ownAnswer {
				t.Errorf("not refused: %s", res)
			}
			w.leaks(t, res, bob)
			if after := w.bobSnapshot(); after != bobBefore {
				t.Errorf("bob's data changed:\nbefore %s\nafter  %s", bobBefore, after)
			}
			if c.name == "reminding the shop of bob's order" && w.count("alerts") != alerts {
				t.Errorf("a reminder alert was raised for bob's order")
			}
		})
	}

	// Cleaning her cart leaves bob's alone.
	t.Run("cleaning her cart", func(t *testing.T) {
		bobBefore := w.bobSnapshot()
		envelope(t, "clean", send(t, "DELETE", w.base+"/user/shoppingCart/clean", nil, "authentication", alice.token))
		if after := w.bobSnapshot(); after != bobBefore {
			t.Errorf("bob's data changed:\nbefore %s\nafter  %s", bobBefore, after)
		}
	})
	if got := w.snapshot("order_details", alice.detail); got != aliceDetail {
		t.Errorf("alice's order lines changed")
	}
}

// bobSnapshot is everything bob owns, as stored.
func (w *world) bobSnapshot() string {
	b := w.bob
	return strings.Join([]string{
		w.snapshot("address_book", b.address), w.snapshot("orders", b.order),
		w.snapshot("order_details", b.detail), w.snapshot("cart_items", b.cartItem),
		fmt.Sprint(w.countWhere("address_book", "user", b.id.String()), w.countWhere("cart_items", "user", b.id.String()),
			w.countWhere("orders", "user", b.id.String())),
	}, "\n")
}

func (w *world) countWhere(collection, field, value string) int {
	w.t.Helper()
	rs, err := w.app.FindAllRecords(collection)
	if err != nil {
		w.t.Fatal(err)
	}
	n := 0
	for _, r := range rs {
		if r.GetString(field) == value {
			n++
		}
	}
	return n
}

// leaks fails when an answer carries anything only bob's data holds.
func (w *world) leaks(t *testing.T, res response, bob shopper) {
	t.Helper()
	for _, secret := range []string{bob.secrets, bob.consignee, bob.orderNumber, "13922220000"} {
		if strings.Contains(string(res.body), secret) {
			t.Errorf("the answer leaks bob's %q: %s", secret, res)
		}
	}
}
