package order

import (
	"errors"
	"fmt"
	"slices"
	"sync"
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

// statusNames name the subtests, so one case runs alone with e.g. -run 'TestEveryStepFromEveryStatus/confirm/to_be_confirmed'.
var statusNames = map[int]string{
	PendingPayment: "pending payment", ToBeConfirmed: "to be confirmed", Confirmed: "confirmed",
	DeliveryInProgress: "delivery in progress", Completed: "completed", Cancelled: "cancelled",
}

// with is the fixture reporting to t, for subtests.
func (f *fixture) with(t *testing.T) *fixture {
	g := *f
	g.t = t
	return &g
}

// Every step of the state machine from every status, called as the routes and jobs call it: allowed ones move the
// order and set their fields (a paid order that is cancelled is refunded), the rest answer 订单状态错误 and change
// nothing. The allowed statuses are written out here rather than read from the transitions, so a change to the
// machine has to change this table too.
func TestEveryStepFromEveryStatus(t *testing.T) {
	tests := []struct {
		name    string
		step    func(f *fixture, s shopper, o placed) error
		allowed []int
		to      int
		check   func(t *testing.T, f *fixture, after *Order, from int)
	}{
		{name: "confirm", allowed: []int{ToBeConfirmed}, to: Confirmed,
			step: func(f *fixture, _ shopper, o placed) error { return Confirm(f.app, o.id) }},
		{name: "reject", allowed: []int{ToBeConfirmed}, to: Cancelled,
			step: func(f *fixture, _ shopper, o placed) error {
				return Reject(f.app, o.id, "菜品已销售完，暂时无法接单")
			},
			check: func(t *testing.T, _ *fixture, after *Order, _ int) {
				if after.RejectionReason() != "菜品已销售完，暂时无法接单" || after.CancelTime().IsZero() {
					t.Errorf("rejection fields: %q %v", after.RejectionReason(), after.CancelTime())
				}
			}},
		{name: "staff cancel", allowed: []int{PendingPayment, ToBeConfirmed, Confirmed, DeliveryInProgress}, to: Cancelled,
			step: func(f *fixture, _ shopper, o placed) error { return CancelByStaff(f.app, o.id, "客户电话取消") },
			check: func(t *testing.T, _ *fixture, after *Order, _ int) {
				if after.CancelReason() != "客户电话取消" || after.CancelTime().IsZero() {
					t.Errorf("cancel fields: %q %v", after.CancelReason(), after.CancelTime())
				}
			}},
		{name: "delivery", allowed: []int{Confirmed}, to: DeliveryInProgress,
			step: func(f *fixture, _ shopper, o placed) error { return Deliver(f.app, o.id) }},
		{name: "complete", allowed: []int{DeliveryInProgress}, to: Completed,
			step: func(f *fixture, _ shopper, o placed) error { return CompleteOrder(f.app, o.id) },
			check: func(t *testing.T, _ *fixture, after *Order, _ int) {
				if after.DeliveryTime().IsZero() {
					t.Error("complete set no delivery time")
				}
			}},
		{name: "customer cancel", allowed: []int{PendingPayment, ToBeConfirmed}, to: Cancelled,
			step: func(f *fixture, s shopper, o placed) error { return CancelByCustomer(f.app, s.id, o.id) },
			check: func(t *testing.T, f *fixture, after *Order, from int) {
				if after.CancelReason() != CustomerCancelReason || after.CancelTime().IsZero() {
					t.Errorf("cancel fields: %q %v", after.CancelReason(), after.CancelTime())
				}
				// Staff hear of a cancelled order only when it had reached them, i.e. was paid.
				var wantAlerts []int
				if from == ToBeConfirmed {
					wantAlerts = []int{alert.CustomerCancel}
				}
				if got := f.alerts(compat.ParseID(after.Id)); !slices.Equal(got, wantAlerts) {
					t.Errorf("alerts %v, want %v", got, wantAlerts)
				}
			}},
		// The steps taken by payments and jobs rather than by a person: the transitions themselves.
		{name: "pay", allowed: []int{PendingPayment}, to: ToBeConfirmed,
			step: func(f *fixture, _ shopper, o placed) error {
				_, _, err := change(f.app, o.id, 0, pay, nil)
				return err
			}},
		{name: "pay on delivery", allowed: []int{PendingPayment}, to: ToBeConfirmed,
			step: func(f *fixture, _ shopper, o placed) error {
				_, _, err := change(f.app, o.id, 0, choosePayOnDelivery, nil)
				return err
			}},
		{name: "timeout", allowed: []int{PendingPayment}, to: Cancelled,
			step: func(f *fixture, _ shopper, o placed) error {
				_, _, err := change(f.app, o.id, 0, timeout, timeoutFields(clock.Now(f.app)))
				return err
			},
			check: func(t *testing.T, _ *fixture, after *Order, _ int) {
				if after.CancelReason() != TimeoutReason || after.CancelTime().IsZero() {
					t.Errorf("timeout fields: %q %v", after.CancelReason(), after.CancelTime())
				}
			}},
		{name: "payment mismatch", allowed: []int{PendingPayment}, to: Cancelled,
			step: func(f *fixture, _ shopper, o placed) error {
				_, _, err := change(f.app, o.id, 0, paymentMismatch, nil)
				return err
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := newFixture(t, mockProvider(t))
			s := f.customer()
			for from := PendingPayment; from <= Cancelled; from++ {
				t.Run(statusNames[from], func(t *testing.T) {
					f := f.with(t)
					payStatus := Paid
					if from == PendingPayment {
						payStatus = Unpaid
					}
					o := f.rawOrder(s, from, payStatus)
					err := tc.step(f, s, o)
					after := f.order(o.id)
					if !slices.Contains(tc.allowed, from) {
						if !errors.Is(err, ErrWrongStatus) {
							t.Errorf("error %v, want 订单状态错误", err)
						}
						if after.Status() != from || after.PayStatus() != payStatus {
							t.Errorf("a refused step changed the order to %d/%d", after.Status(), after.PayStatus())
						}
						return
					}
					if err != nil {
						t.Fatal(err)
					}
					if after.Status() != tc.to {
						t.Errorf("status %d, want %d", after.Status(), tc.to)
					}
					wantPay := payStatus
					if tc.to == Cancelled && payStatus == Paid {
						wantPay = Refunded
					}
					if after.PayStatus() != wantPay {
						t.Errorf("pay status %d, want %d", after.PayStatus(), wantPay)
					}
					if wantPay == Refunded && !slices.Equal(f.ledger(o.id), []string{"refund/succeeded/5800"}) {
						t.Errorf("ledger %v, want one refund", f.ledger(o.id))
					}
					if tc.check != nil {
						tc.check(t, f, after, from)
					}
				})
			}
		})
	}
}

// Steps on an order that does not exist, or is another customer's, answer 订单不存在 and change nothing.
func TestStepsOnMissingAndOthersOrders(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s, other := f.customer(), f.customer()
	theirs := f.rawOrder(other, ToBeConfirmed, Paid)
	const missing = compat.ID(999999999999999)
	tests := []struct {
		name string
		step func() error
	}{
		{"confirm missing", func() error { return Confirm(f.app, missing) }},
		{"reject missing", func() error { return Reject(f.app, missing, "") }},
		{"staff cancel missing", func() error { return CancelByStaff(f.app, missing, "") }},
		{"delivery missing", func() error { return Deliver(f.app, missing) }},
		{"complete missing", func() error { return CompleteOrder(f.app, missing) }},
		{"customer cancel missing", func() error { return CancelByCustomer(f.app, s.id, missing) }},
		{"customer cancel of another's", func() error { return CancelByCustomer(f.app, s.id, theirs.id) }},
		{"reminder of another's", func() error { return Remind(f.app, s.id, theirs.id) }},
		{"repetition of another's", func() error { _, err := Repeat(f.app, s.id, theirs.id); return err }},
		{"detail of another's", func() error { _, err := Find(f.app, theirs.id, s.id); return err }},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if err := tc.step(); !errors.Is(err, ErrNotFound) {
				t.Errorf("error %v, want 订单不存在", err)
			}
		})
	}
	if r := f.order(theirs.id); r.Status() != ToBeConfirmed || r.PayStatus() != Paid {
		t.Fatalf("the other customer's order changed to %d/%d", r.Status(), r.PayStatus())
	}
}

// Two staff confirming the same order at once change it once: one succeeds, the other is told the status
// changed.
func TestConcurrentConfirmChangesOnce(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	for round := 0; round < 10; round++ {
		o := f.rawOrder(s, ToBeConfirmed, Paid)
		_, otherStaff := apptest.Employee(t, f.app, fmt.Sprintf("bob%d", round), 1)
		var wg sync.WaitGroup
		replies := make([]apptest.Reply, 2)
		errs := make([]error, 2)
		for i, tok := range []string{f.staff, otherStaff} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				replies[i], errs[i] = call("PUT", f.base+"/admin/order/confirm", map[string]any{"id": o.id}, "token", tok)
			}()
		}
		wg.Wait()
		for _, err := range errs {
			if err != nil {
				t.Fatal(err)
			}
		}
		codes := []int{replies[0].Code, replies[1].Code}
		slices.Sort(codes)
		if !slices.Equal(codes, []int{0, 1}) {
			t.Fatalf("round %d: codes %v (%q, %q)", round, codes, replies[0].Message(), replies[1].Message())
		}
		for _, r := range replies {
			if r.Code == 0 && r.Message() != MsgOrderStatusError {
				t.Fatalf("loser: %q", r.Message())
			}
		}
		if f.order(o.id).Status() != Confirmed {
			t.Fatal("not confirmed")
		}
	}
}
