package order

import (
	"maps"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
)

// Which writes of an order run PocketBase's record hooks, a promise to whoever binds them: placing an order is
// plain SQL and runs none (nothing listens for an unpaid order), while every step of the state machine saves the
// order through its record once, and a refund once more, so hooks and realtime subscribers see each change.
func TestWhichOrderWritesRunRecordHooks(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	var mu sync.Mutex
	fired := map[string]int{}
	count := func(what string) func(e *core.RecordEvent) error {
		return func(e *core.RecordEvent) error {
			mu.Lock()
			fired[e.Record.Collection().Name+" "+what]++
			mu.Unlock()
			return e.Next()
		}
	}
	f.app.OnRecordCreate(OrdersCollection, DetailsCollection).BindFunc(count("create"))
	f.app.OnRecordUpdate(OrdersCollection, DetailsCollection).BindFunc(count("update"))
	taken := func() map[string]int {
		mu.Lock()
		defer mu.Unlock()
		out := maps.Clone(fired)
		clear(fired)
		return out
	}

	var o placed
	var unpaid placed
	tests := []struct {
		name string
		do   func(f *fixture)
		want map[string]int
	}{
		{"submit", func(f *fixture) { o, unpaid = f.place(s), f.place(s) }, map[string]int{}},
		{"pay", func(f *fixture) { expect(f.t, "pay", f.pay(s, o), "") }, map[string]int{"orders update": 1}},
		{"confirm", func(f *fixture) {
			expect(f.t, "confirm", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": o.id}), "")
		},
			map[string]int{"orders update": 1}},
		{"cancel a paid order", func(f *fixture) {
			expect(f.t, "cancel", f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": o.id, "cancelReason": "缺货"}), "")
		}, map[string]int{"orders update": 2}}, // cancelled, then refunded
		{"time out an unpaid order", func(f *fixture) {
			if err := CancelUnpaid(f.app, f.order(unpaid.id).OrderTime().Add(PaymentWindow+time.Second)); err != nil {
				f.t.Fatal(err)
			}
			if f.order(unpaid.id).Status() != Cancelled {
				f.t.Fatal("the unpaid order was not cancelled")
			}
		}, map[string]int{"orders update": 1}},
	}
	// In sequence: each case takes the order on from where the one before left it.
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			tc.do(f.with(t))
			if got := taken(); !maps.Equal(got, tc.want) {
				t.Errorf("record hooks fired %v, want %v", got, tc.want)
			}
		})
	}
}
