package order

import (
	"slices"
	"strings"
	"testing"
	"time"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/shop"
)

func TestCancelUnpaidAfterFifteenMinutes(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	unpaid := f.place(s)
	paid := f.place(s)
	expect(t, "pay", f.pay(s, paid), "")
	placedAt := f.order(unpaid.id).OrderTime()

	if err := CancelUnpaid(f.app, placedAt.Add(PaymentWindow-time.Second)); err != nil {
		t.Fatal(err)
	}
	if f.order(unpaid.id).Status() != PendingPayment {
		t.Fatal("cancelled before 15 minutes")
	}
	at := placedAt.Add(PaymentWindow + time.Second)
	if err := CancelUnpaid(f.app, at); err != nil {
		t.Fatal(err)
	}
	r := f.order(unpaid.id)
	if r.Status() != Cancelled || r.CancelReason() != TimeoutReason || !r.CancelTime().Equal(at.Truncate(time.Millisecond)) {
		t.Fatalf("after timeout: %d %q %v", r.Status(), r.CancelReason(), r.CancelTime())
	}
	if f.order(paid.id).Status() != ToBeConfirmed {
		t.Fatal("the paid order was cancelled")
	}
	expect(t, "pay the timed-out order", f.pay(s, unpaid), MsgPaymentExpired)
}

func TestCompleteDeliveredFromBeforeToday(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	now := mustTime(t, "2030-03-10 01:00:00")
	yesterday := f.rawOrder(s, DeliveryInProgress, Paid)
	f.update(OrdersCollection, yesterday.id, map[string]any{"order_time": mustTime(t, "2030-03-09 23:59:00")})
	today := f.rawOrder(s, DeliveryInProgress, Paid)
	f.update(OrdersCollection, today.id, map[string]any{"order_time": mustTime(t, "2030-03-10 00:01:00")})
	confirmed := f.rawOrder(s, Confirmed, Paid)
	f.update(OrdersCollection, confirmed.id, map[string]any{"order_time": mustTime(t, "2030-03-09 12:00:00")})

	if err := CompleteDelivered(f.app, now); err != nil {
		t.Fatal(err)
	}
	if r := f.order(yesterday.id); r.Status() != Completed || !r.DeliveryTime().Equal(now) {
		t.Fatalf("yesterday's delivery: %d %v", r.Status(), r.DeliveryTime())
	}
	if f.order(today.id).Status() != DeliveryInProgress || f.order(confirmed.id).Status() != Confirmed {
		t.Fatal("completed an order of today or one not in delivery")
	}
}

// The jobs are on PocketBase's cron, which the dashboard lists (Settings → Crons): once each however often the
// schedule starts, and gone when it stops.
func TestSchedulerStartsOnceAndStops(t *testing.T) {
	f := newFixture(t, nil) // serving: the schedule has started once
	s := f.app.Store().Get(schedulerKey).(*scheduler)
	ours := func() []string {
		var ids []string
		for _, j := range f.app.Cron().Jobs() {
			if strings.HasPrefix(j.Id(), "myrestaurant_") {
				ids = append(ids, j.Id()+" "+j.Expression())
			}
		}
		slices.Sort(ids)
		return ids
	}
	if err := s.start(); err != nil {
		t.Fatal(err)
	}
	want := []string{"myrestaurant_cancel_unpaid_orders * * * * *", "myrestaurant_complete_delivered_orders 0 1 * * *",
		"myrestaurant_reconcile_payments */5 * * * *"}
	if got := ours(); !slices.Equal(got, want) {
		t.Fatalf("cron jobs %v, want %v", got, want)
	}
	s.stop()
	s.stop()
	if s.zone() != nil || len(ours()) != 0 {
		t.Fatalf("still scheduled: %v", ours())
	}
}

// When staff move the shop to another time zone, the jobs move with it (the daily completion runs at 01:00
// shop time), without a restart.
func TestJobsFollowTheShopsTimeZone(t *testing.T) {
	f := newFixture(t, mockProvider(t)) // serving: the jobs run
	defer clock.SetZone(clock.Zone())
	defer shop.Update(f.app, shop.SettingsInput{TimeZone: compat.Text{Value: clock.Zone().String(), Valid: true}})
	jobs := f.app.Store().Get(schedulerKey).(*scheduler)
	if jobs.zone() == nil || jobs.zone().String() != clock.Zone().String() {
		t.Fatalf("jobs run in %v, the shop is in %v", jobs.zone(), clock.Zone())
	}
	if _, err := shop.Update(f.app, shop.SettingsInput{TimeZone: compat.Text{Value: "America/New_York", Valid: true}}); err != nil {
		t.Fatal(err)
	}
	for deadline := time.Now().Add(5 * time.Second); jobs.zone() == nil || jobs.zone().String() != "America/New_York"; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("jobs still run in %v", jobs.zone())
		}
	}
}
