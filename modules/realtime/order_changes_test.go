package realtime_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/realtime"
)

// Every committed order change reaches the consoles as its id and status, and only enabled employees: one locked
// after subscribing hears nothing more.
func TestOrderChangesReachEnabledEmployees(t *testing.T) {
	app := apptest.New(t, realtime.Register)
	base := apptest.Serve(t, app)
	employee, staffTok := apptest.Employee(t, app, "alice", 1)
	customer, customerTok := apptest.Customer(t, app, "o1")
	console := apptest.Connect(t, base)
	if code := console.Subscribe(t, base, staffTok, "staff/orders"); code != http.StatusNoContent {
		t.Fatalf("employee subscribe: %d", code)
	}
	if code := apptest.Connect(t, base).Subscribe(t, base, customerTok, "staff/orders"); code != http.StatusForbidden {
		t.Fatalf("customer subscribe: %d", code)
	}

	col, _ := app.FindCollectionByNameOrId("orders")
	o := core.NewRecord(col)
	o.Set("number", "1764000000000001")
	o.Set("status", 2)
	o.Set("user", customer.Id)
	o.Set("amount", 5600)
	if err := app.Save(o); err != nil {
		t.Fatal(err)
	}
	o.Set("status", 3)
	if err := app.Save(o); err != nil {
		t.Fatal(err)
	}
	for _, want := range []struct {
		action string
		status int
	}{{"create", 2}, {"update", 3}} {
		ev, ok := console.Next(t, "staff/orders", 5*time.Second)
		if !ok {
			t.Fatalf("no %s event", want.action)
		}
		var got struct {
			Action string         `json:"action"`
			Record map[string]any `json:"record"`
		}
		if err := json.Unmarshal([]byte(ev.Data), &got); err != nil {
			t.Fatal(err)
		}
		if got.Action != want.action || got.Record["id"] != o.Id || got.Record["status"] != float64(want.status) || len(got.Record) != 2 {
			t.Fatalf("event %s, want %s to status %d with only id and status", ev.Data, want.action, want.status)
		}
	}

	employee.Set("status", 0)
	if err := app.Save(employee); err != nil {
		t.Fatal(err)
	}
	o.Set("status", 4)
	if err := app.Save(o); err != nil {
		t.Fatal(err)
	}
	if ev, ok := console.Next(t, "staff/orders", 500*time.Millisecond); ok {
		t.Fatalf("a locked employee still hears order changes: %s", ev.Data)
	}
}
