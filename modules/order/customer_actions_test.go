package order

import (
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

func TestRepetitionPutsWhatIsOnSaleBackAtTodaysPrices(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	if err := cart.AddItem(f.app, s.id, cart.Choice{DishID: f.chicken, Flavor: "微辣"}, 2); err != nil {
		t.Fatal(err)
	}
	f.fill(s, f.rice, 3, f.setmeal, 1)
	amount := int64(2*chickenPrice + 3*ricePrice + setmealPrice + 6*100 + 600)
	expect(t, "submit", f.submit(s, amount), "")
	res, _ := History(f.app, s.id, compat.Page{Page: 1, Size: 1}, compat.Int{})
	id := res.Records[0].ID

	// Since then rice costs more and the set meal is off sale.
	f.update("dishes", f.rice, map[string]any{"price": 300})
	f.update("setmeals", f.setmeal, map[string]any{"status": 0})
	r := f.customerCall(s, "POST", path("/user/order/repetition/%d", id), id) // the mini-program sends the id as the body too
	if r.Code != 1 || r.Message() != fmt.Sprintf(MsgRepetitionSkippedFormat, "商务套餐A") {
		t.Fatalf("repetition: code %d %q", r.Code, r.Message())
	}
	items, _ := cart.Items(f.app, s.id)
	var got []string
	for _, it := range items {
		got = append(got, fmt.Sprintf("%s|%s|%d|%s", it.Name, it.DishFlavor.Value, it.Number, it.Amount))
	}
	slices.Sort(got)
	if want := []string{"宫保鸡丁|微辣|2|56.00", "米饭||3|3.00"}; !slices.Equal(got, want) {
		t.Fatalf("cart %v, want %v", got, want)
	}
	// Everything on sale: no message.
	f.update("setmeals", f.setmeal, map[string]any{"status": 1})
	if err := cart.Clear(f.app, s.id); err != nil {
		t.Fatal(err)
	}
	r = f.customerCall(s, "POST", path("/user/order/repetition/%d", id), nil)
	if r.Code != 1 || r.Msg != nil {
		t.Fatalf("repetition: code %d %q", r.Code, r.Message())
	}
	if items, _ := cart.Items(f.app, s.id); len(items) != 3 {
		t.Fatalf("%d cart rows", len(items))
	}
}

func TestReminders(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	now := time.Now()
	clock.SetClock(f.app, func() time.Time { return now })
	remind := func(o placed) apptest.Reply {
		return f.customerCall(s, "GET", path("/user/order/reminder/%d", o.id), nil)
	}
	for status := 1; status <= 6; status++ {
		o := f.rawOrder(s, status, Paid)
		if status == ToBeConfirmed || status == Confirmed || status == DeliveryInProgress {
			expect(t, fmt.Sprintf("remind %d", status), remind(o), "")
			if a := f.alerts(o.id); !slices.Equal(a, []int{alert.Reminder}) {
				t.Fatalf("alerts %v", a)
			}
			continue
		}
		expect(t, fmt.Sprintf("remind %d", status), remind(o), MsgOrderStatusError)
	}
	o := f.rawOrder(s, ToBeConfirmed, Paid)
	expect(t, "first", remind(o), "")
	now = now.Add(ReminderInterval - time.Second)
	// The mini-program's own request: GET with no body. It answers code 1 and raises no second alert.
	expect(t, "too soon", remind(o), "")
	if a := f.alerts(o.id); len(a) != 1 {
		t.Fatalf("alerts after a repeated reminder: %v", a)
	}
	now = now.Add(time.Second)
	expect(t, "after the interval", remind(o), "")
	if a := f.alerts(o.id); len(a) != 2 {
		t.Fatalf("alerts %v", a)
	}
}

// An employee following alerts/* sees a paid order and a reminder as they happen.
func TestStaffSeeNewOrdersAndRemindersLive(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	stream := apptest.Connect(t, f.base)
	if code := stream.Subscribe(t, f.base, f.staff, "alerts/*"); code != 204 {
		t.Fatalf("subscribe: %d", code)
	}
	o := f.place(s)
	expect(t, "pay", f.pay(s, o), "")
	expectAlert(t, stream, alert.NewOrder, o)
	expect(t, "remind", f.customerCall(s, "GET", path("/user/order/reminder/%d", o.id), nil), "")
	expectAlert(t, stream, alert.Reminder, o)
}

// A customer following their order sees its status change when staff act on it.
func TestCustomersSeeTheirOrderChangeLive(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	o := f.place(s)
	expect(t, "pay", f.pay(s, o), "")
	stream := apptest.Connect(t, f.base)
	if code := stream.Subscribe(t, f.base, s.token, "orders/"+o.id.String()); code != 204 {
		t.Fatalf("subscribe: %d", code)
	}
	expect(t, "confirm", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": o.id}), "")
	change, ok := stream.NextChange(t, "orders/"+o.id.String(), 5*time.Second)
	if !ok {
		t.Fatal("no order event")
	}
	if change.Action != "update" || change.Record["status"] != float64(Confirmed) {
		t.Fatalf("order event: %+v", change)
	}
}

func expectAlert(t *testing.T, stream *apptest.Stream, kind int, o placed) {
	t.Helper()
	ev, ok := stream.Next(t, "alerts/*", 5*time.Second)
	if !ok {
		t.Fatalf("no alert of type %d", kind)
	}
	var msg struct {
		Action string `json:"action"`
		Record struct {
			Type    int    `json:"type"`
			Order   string `json:"order"`
			Content string `json:"content"`
		} `json:"record"`
	}
	json.Unmarshal([]byte(ev.Data), &msg)
	if msg.Action != "create" || msg.Record.Type != kind || msg.Record.Order != o.id.String() || msg.Record.Content != "订单号："+o.number {
		t.Fatalf("alert: %s", ev.Data)
	}
}

// Reminders are also limited per client address (PocketBase's rate limiter): many orders cannot flood the staff.
func TestRemindersAreRateLimitedPerAddress(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	limited := 0
	for i := 0; i < 25; i++ {
		o := f.rawOrder(s, ToBeConfirmed, Paid)
		r := f.customerCall(s, "GET", path("/user/order/reminder/%d", o.id), nil)
		if r.Status == http.StatusTooManyRequests {
			limited++
		} else {
			expect(t, "reminder", r, "")
		}
	}
	if limited != 5 {
		t.Fatalf("%d of 25 reminders in a minute refused, want the 5 past 20", limited)
	}
}
