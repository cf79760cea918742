package alert_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/realtime"
)

func newOrder(t *testing.T, app core.App, userID string) *core.Record {
	t.Helper()
	col, _ := app.FindCollectionByNameOrId("orders")
	o := core.NewRecord(col)
	o.Set("number", "1763900000001")
	o.Set("status", 2)
	o.Set("user", userID)
	o.Set("amount", 5600)
	if err := app.Save(o); err != nil {
		t.Fatal(err)
	}
	return o
}

func TestAlertsReachStaffOnly(t *testing.T) {
	app := apptest.New(t, alert.Register, realtime.Register)
	base := apptest.Serve(t, app)
	_, staffTok := apptest.Employee(t, app, "alice", 1)
	_, lockedTok := apptest.Employee(t, app, "bob", 0)
	customer, customerTok := apptest.Customer(t, app, "o1")
	order := newOrder(t, app, customer.Id)

	staff := apptest.Connect(t, base)
	if code := staff.Subscribe(t, base, staffTok, "alerts/*"); code != http.StatusNoContent {
		t.Fatalf("staff subscribe: %d", code)
	}
	for name, tok := range map[string]string{"customer": customerTok, "guest": "", "locked employee": lockedTok} {
		s := apptest.Connect(t, base)
		if code := s.Subscribe(t, base, tok, "alerts/*"); code != http.StatusForbidden {
			t.Errorf("%s subscribed to alerts: %d", name, code)
		}
	}
	// A customer may follow their own order.
	own := apptest.Connect(t, base)
	if code := own.Subscribe(t, base, customerTok, "orders/"+order.Id); code != http.StatusNoContent {
		t.Fatalf("customer order subscribe: %d", code)
	}

	if err := alert.Raise(app, alert.NewOrder, compat.ParseID(order.Id), order.GetString("number")); err != nil {
		t.Fatal(err)
	}
	ev, ok := staff.Next(t, "alerts/*", 5*time.Second)
	if !ok {
		t.Fatal("staff got no alert")
	}
	var msg struct {
		Action string         `json:"action"`
		Record map[string]any `json:"record"`
	}
	json.Unmarshal([]byte(ev.Data), &msg)
	if msg.Action != "create" || msg.Record["type"] != 1.0 || msg.Record["content"] != "订单号：1763900000001" || msg.Record["order"] != order.Id {
		t.Fatalf("alert event: %s", ev.Data)
	}

	// Staff acknowledge by updating; they cannot rewrite what the alert says.
	id, _ := msg.Record["id"].(string)
	patch := func(body string) int {
		req, _ := http.NewRequest("PATCH", base+"/api/collections/alerts/records/"+id, strings.NewReader(body))
		req.Header.Set("Content-Type", "application/json")
		req.Header.Set("Authorization", staffTok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		res.Body.Close()
		return res.StatusCode
	}
	if code := patch(`{"content":"forged"}`); code < 400 {
		t.Fatalf("content rewritten: %d", code)
	}
	if code := patch(`{"acknowledged":true}`); code != 200 {
		t.Fatalf("acknowledge: %d", code)
	}
	if open, _ := alert.Open(app); len(open) != 0 {
		t.Fatalf("acknowledged alert still open")
	}
}

// A console that was away lists what nobody acknowledged when it comes back.
func TestOpenAlertsAfterReconnect(t *testing.T) {
	app := apptest.New(t, alert.Register)
	base := apptest.Serve(t, app)
	_, staffTok := apptest.Employee(t, app, "alice", 1)
	customer, customerTok := apptest.Customer(t, app, "o1")
	order := newOrder(t, app, customer.Id)
	for _, kind := range []int{alert.NewOrder, alert.Reminder, alert.CustomerCancel} {
		if err := alert.Raise(app, kind, compat.ParseID(order.Id), "1763900000001"); err != nil {
			t.Fatal(err)
		}
	}
	list := func(tok string) []any {
		req, _ := http.NewRequest("GET", base+"/api/collections/alerts/records?filter=acknowledged%3Dfalse&sort=created", nil)
		req.Header.Set("Authorization", tok)
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body struct{ Items []any }
		json.NewDecoder(res.Body).Decode(&body)
		return body.Items
	}
	if items := list(staffTok); len(items) != 3 {
		t.Fatalf("open alerts after reconnect: %d", len(items))
	}
	if items := list(customerTok); len(items) != 0 {
		t.Fatalf("customer listed alerts: %v", items)
	}
}
