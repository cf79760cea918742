package modules

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/shop"
)

// A customer of the storefront signs in with their browser's device key, orders through the /user routes with
// the token in the mini-program's header, and follows the order over PocketBase realtime with the same token, as
// the PocketBase JS SDK does after authStore.save(token): the change arrives when staff accept the order.
func TestBrowserCustomerOrdersAndFollowsTheOrderLive(t *testing.T) {
	app := apptest.New(t, func(app core.App) {
		if err := Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
	})
	if err := shop.SetStatus(app, shop.Open); err != nil {
		t.Fatal(err)
	}
	base := apptest.Serve(t, app)
	_, staff := apptest.Employee(t, app, "counter", 1)
	dish, err := app.FindFirstRecordByFilter("dishes", "status = 1")
	if err != nil {
		t.Fatal(err)
	}

	ok := func(method, path string, body any, headers ...string) json.RawMessage {
		t.Helper()
		r := apptest.Call(t, method, base+path, body, headers...)
		if r.Status != http.StatusOK || r.Code != 1 {
			t.Fatalf("%s %s: HTTP %d code %d %q", method, path, r.Status, r.Code, r.Message())
		}
		return r.Data
	}
	var login struct {
		ID    compat.ID `json:"id"`
		Token string    `json:"token"`
	}
	json.Unmarshal(ok("POST", "/user/user/browser-login", map[string]string{"deviceKey": strings.Repeat("k", 43)}), &login)
	as := []string{"authentication", login.Token}

	ok("POST", "/user/addressBook", map[string]any{"consignee": "王五", "phone": "13900001111", "sex": "1",
		"provinceName": "北京市", "cityName": "北京市", "districtName": "海淀区", "detail": "上地十街10号", "label": "1"}, as...)
	var addresses []struct {
		ID compat.ID `json:"id"`
	}
	json.Unmarshal(ok("GET", "/user/addressBook/list", nil, as...), &addresses)
	ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": dish.Id}, as...)
	var placed struct {
		ID          compat.ID `json:"id"`
		OrderNumber string    `json:"orderNumber"`
	}
	json.Unmarshal(ok("POST", "/user/order/submit", map[string]any{"addressBookId": addresses[0].ID, "payMethod": 1,
		"deliveryStatus": 1, "tablewareStatus": 1}, as...), &placed)
	ok("PUT", "/user/order/payment", map[string]any{"orderNumber": placed.OrderNumber, "payMethod": 1}, as...)

	topic := "orders/" + placed.ID.String()
	stream := apptest.Connect(t, base)
	if code := stream.Subscribe(t, base, login.Token, topic); code != http.StatusNoContent {
		t.Fatalf("subscribe with the browser customer's token: HTTP %d", code)
	}
	// Another browser customer may not follow it.
	var stranger struct {
		Token string `json:"token"`
	}
	json.Unmarshal(ok("POST", "/user/user/browser-login", map[string]string{"deviceKey": strings.Repeat("s", 43)}), &stranger)
	if code := apptest.Connect(t, base).Subscribe(t, base, stranger.Token, topic); code != http.StatusForbidden {
		t.Fatalf("another customer subscribed to the order: HTTP %d", code)
	}

	ok("PUT", "/admin/order/confirm", map[string]any{"id": placed.ID}, "token", staff)
	change, got := stream.NextChange(t, topic, 5*time.Second)
	if !got {
		t.Fatal("the customer's stream got no change of the order")
	}
	if change.Action != "update" || change.Record["status"] != 3.0 {
		t.Fatalf("order event: %+v", change)
	}
}
