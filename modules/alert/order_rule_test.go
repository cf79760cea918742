package alert_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/order"
	"myrestaurant/modules/realtime"
)

// The rule reads order statuses by number, as the order module cannot be imported by alert.
func TestOrderRuleUsesTheOrderStatuses(t *testing.T) {
	if alert.OrderToBeConfirmed != order.ToBeConfirmed || alert.OrderCompleted != order.Completed || alert.OrderCancelled != order.Cancelled {
		t.Fatal("the alert module's order statuses differ from the order module's")
	}
}

func TestAlertEndsWhenItsOrderNoLongerWaits(t *testing.T) {
	app := apptest.New(t, alert.Register, realtime.Register)
	base := apptest.Serve(t, app)
	_, staffTok := apptest.Employee(t, app, "alice", 1)
	customer, _ := apptest.Customer(t, app, "o1")
	console := apptest.Connect(t, base)
	if code := console.Subscribe(t, base, staffTok, "alerts/*"); code != http.StatusNoContent {
		t.Fatalf("subscribe: %d", code)
	}

	place := func(number string) *core.Record {
		col, _ := app.FindCollectionByNameOrId("orders")
		o := core.NewRecord(col)
		o.Set("number", number)
		o.Set("status", order.ToBeConfirmed)
		o.Set("user", customer.Id)
		o.Set("amount", 5600)
		if err := app.Save(o); err != nil {
			t.Fatal(err)
		}
		return o
	}
	raise := func(kind int, o *core.Record) string {
		if err := alert.Raise(app, kind, compat.ParseID(o.Id), o.GetString("number")); err != nil {
			t.Fatal(err)
		}
		ev, ok := console.Next(t, "alerts/*", 5*time.Second)
		if !ok {
			t.Fatal("no alert event")
		}
		return eventOf(t, ev).Record.ID
	}
	open := func(id string) bool {
		r, err := app.FindRecordById("alerts", id)
		if err != nil {
			t.Fatal(err)
		}
		return !r.GetBool("acknowledged")
	}
	// ended waits for the console to receive the update that acknowledges the alert.
	ended := func(id string) {
		t.Helper()
		deadline := time.Now().Add(5 * time.Second)
		for time.Now().Before(deadline) {
			ev, ok := console.Next(t, "alerts/*", time.Until(deadline))
			if !ok {
				break
			}
			if e := eventOf(t, ev); e.Action == "update" && e.Record.ID == id && e.Record.Acknowledged {
				return
			}
		}
		t.Fatalf("the console saw no end of alert %s", id)
	}

	accepted, cancelled, waiting := place("1764000000001"), place("1764000000002"), place("1764000000003")
	acceptedAlert := raise(alert.NewOrder, accepted)
	acceptedReminder := raise(alert.Reminder, accepted)
	cancelledAlert, cancelledReminder := raise(alert.NewOrder, cancelled), raise(alert.Reminder, cancelled)
	waitingAlert := raise(alert.NewOrder, waiting)

	// Accepted through the state machine (a guarded UPDATE inside a transaction): the new-order alert ends; the
	// customer's reminder stays, as the order is not out yet.
	if err := order.Confirm(app, compat.ParseID(accepted.Id)); err != nil {
		t.Fatal(err)
	}
	ended(acceptedAlert)
	if !open(acceptedReminder) {
		t.Error("a reminder of an accepted order ended")
	}
	// Cancelled by a plain record save, as the dashboard would: both of its alerts end.
	cancelled.Set("status", order.Cancelled)
	if err := app.Save(cancelled); err != nil {
		t.Fatal(err)
	}
	ended(cancelledAlert)
	ended(cancelledReminder)
	// A change that leaves the order waiting keeps its alert.
	waiting.Set("remark", "多放葱")
	if err := app.Save(waiting); err != nil {
		t.Fatal(err)
	}
	if !open(waitingAlert) {
		t.Error("the alert of an order still waiting ended")
	}
}

type alertEvent struct {
	Action string `json:"action"`
	Record struct {
		ID           string `json:"id"`
		Acknowledged bool   `json:"acknowledged"`
	} `json:"record"`
}

func eventOf(t *testing.T, ev apptest.Event) alertEvent {
	t.Helper()
	var e alertEvent
	if err := json.Unmarshal([]byte(ev.Data), &e); err != nil {
		t.Fatal(err)
	}
	return e
}
