package order

import (
	"encoding/json"
	"slices"
	"strconv"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/payment"
	reports "myrestaurant/modules/report"
)

// payLater asks to pay the order on delivery.
func (f *fixture) payLater(s shopper, o placed) apptest.Reply {
	f.t.Helper()
	return f.customerCall(s, "PUT", "/user/order/payment", map[string]any{"orderNumber": o.number, "payMethod": PayOnDelivery})
}

func (f *fixture) allowPayOnDelivery(on bool) {
	f.t.Helper()
	expect(f.t, "pay on delivery setting", f.staffCall("PUT", "/admin/shop/settings", map[string]any{"payOnDelivery": on}), "")
}

func TestPayOnDeliveryIsOffUntilTheShopTurnsItOn(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	var settings map[string]any
	json.Unmarshal(f.staffCall("GET", "/admin/shop/settings", nil).Data, &settings)
	if settings["payOnDelivery"] != false {
		t.Fatalf("settings: %v", settings)
	}
	s := f.customer()
	o := f.place(s)
	expect(t, "pay on delivery while off", f.payLater(s, o), MsgPayOnDeliveryOff)
	if got := f.order(o.id); got.Status() != PendingPayment || got.PayMethod() != PayWeChat {
		t.Fatalf("after a refused pay on delivery: status %d method %d", got.Status(), got.PayMethod())
	}
	body := f.submitBody(s, f.standardCart(s))
	body["payMethod"] = PayOnDelivery
	expect(t, "submit for pay on delivery while off", f.customerCall(s, "POST", "/user/order/submit", body), MsgPayOnDeliveryOff)
	if len(f.alerts(o.id)) != 0 {
		t.Fatal("a refused pay on delivery raised an alert")
	}
}

// The whole life of an order paid on delivery: to the kitchen unpaid with the new-order alert, left alone by the
// time-out job, paid in cash when staff complete it, and counted by the reports once completed.
func TestPayOnDeliveryOrderIsPaidWhenCompleted(t *testing.T) {
	f := newFixture(t, nil) // no online payment at all: paying on delivery needs none
	f.allowPayOnDelivery(true)
	alerts := apptest.Connect(t, f.base)
	if code := alerts.Subscribe(t, f.base, f.staff, "alerts/*"); code != 204 {
		t.Fatalf("subscribe: %d", code)
	}
	s := f.customer()
	o := f.place(s)
	expect(t, "online payment without a provider", f.pay(s, o), MsgPaymentUnavailable)
	expect(t, "pay on delivery", f.payLater(s, o), "")
	got := f.order(o.id)
	if got.Status() != ToBeConfirmed || got.PayStatus() != Unpaid || got.PayMethod() != PayOnDelivery || !got.CheckoutTime().IsZero() {
		t.Fatalf("after choosing pay on delivery: status %d pay status %d method %d", got.Status(), got.PayStatus(), got.PayMethod())
	}
	expectAlert(t, alerts, alert.NewOrder, o)
	if l := f.ledger(o.id); len(l) != 0 {
		t.Fatalf("ledger before any money: %v", l)
	}
	expect(t, "choose again", f.payLater(s, o), MsgOrderStatusError)

	// Long past the payment window the time-out job does not touch it.
	if err := CancelUnpaid(f.app, time.Now().Add(3*PaymentWindow)); err != nil {
		t.Fatal(err)
	}
	if got := f.order(o.id); got.Status() != ToBeConfirmed {
		t.Fatalf("the time-out job moved it to %d", got.Status())
	}
	if w, _ := reports.OrdersOverview(f.app); w.WaitingOrders != 1 {
		t.Fatalf("waiting orders %d, want the unpaid order waiting for the kitchen", w.WaitingOrders)
	}
	if b, _ := reports.BusinessToday(f.app); b.Turnover != 0 || b.ValidOrderCount != 0 {
		t.Fatalf("an order not completed counted in the turnover: %+v", b)
	}

	expect(t, "confirm", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": o.id}), "")
	expect(t, "deliver", f.staffCall("PUT", path("/admin/order/delivery/%d", o.id), nil), "")
	if got := f.order(o.id); got.PayStatus() != Unpaid {
		t.Fatal("paid before the money was taken")
	}
	expect(t, "complete", f.staffCall("PUT", path("/admin/order/complete/%d", o.id), nil), "")
	got = f.order(o.id)
	if got.Status() != Completed || got.PayStatus() != Paid || got.CheckoutTime().IsZero() {
		t.Fatalf("after completing: status %d pay status %d", got.Status(), got.PayStatus())
	}
	cash, err := payment.SucceededPayment(f.app, o.id.String())
	if err != nil || cash == nil || cash.GetString("provider") != payment.ProviderCash || int64(cash.GetInt("amount")) != o.amount {
		t.Fatalf("ledger: %v %v", cash, err)
	}
	if l := f.ledger(o.id); !slices.Equal(l, []string{"pay/succeeded/" + itoa(o.amount)}) {
		t.Fatalf("ledger %v", l)
	}
	if b, _ := reports.BusinessToday(f.app); int64(b.Turnover*100) != o.amount || b.ValidOrderCount != 1 {
		t.Fatalf("turnover after completing: %+v, want %d cents from one order", b, o.amount)
	}
}

// Cancelling an order to be paid on delivery gives nothing back, whoever cancels it; the job that completes
// orders forgotten in delivery takes the money as staff completing it would.
func TestPayOnDeliveryCancelAndForgottenDelivery(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	f.allowPayOnDelivery(true)
	s := f.customer()
	for _, cancel := range []func(o placed) apptest.Reply{
		func(o placed) apptest.Reply {
			return f.customerCall(s, "PUT", path("/user/order/cancel/%d", o.id), nil)
		},
		func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/rejection", map[string]any{"id": o.id, "rejectionReason": "太忙"})
		},
		func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": o.id, "cancelReason": "联系不上"})
		},
	} {
		o := f.place(s)
		expect(t, "pay on delivery", f.payLater(s, o), "")
		expect(t, "cancel", cancel(o), "")
		if got := f.order(o.id); got.Status() != Cancelled || got.PayStatus() != Unpaid || len(f.ledger(o.id)) != 0 {
			t.Fatalf("cancelled: status %d pay status %d ledger %v", got.Status(), got.PayStatus(), f.ledger(o.id))
		}
	}

	o := f.place(s)
	expect(t, "pay on delivery", f.payLater(s, o), "")
	expect(t, "confirm", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": o.id}), "")
	expect(t, "deliver", f.staffCall("PUT", path("/admin/order/delivery/%d", o.id), nil), "")
	tomorrow := time.Now().In(clock.Zone()).Add(24 * time.Hour)
	if err := CompleteDelivered(f.app, tomorrow); err != nil {
		t.Fatal(err)
	}
	if got := f.order(o.id); got.Status() != Completed || got.PayStatus() != Paid || len(f.ledger(o.id)) != 1 {
		t.Fatalf("completed by the job: status %d pay status %d ledger %v", got.Status(), got.PayStatus(), f.ledger(o.id))
	}
}

// An order submitted for pay on delivery may still be paid online; it is then a WeChat Pay order like any other.
func TestPayOnDeliveryOrderPaidOnlineAfterAll(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	f.allowPayOnDelivery(true)
	s := f.customer()
	body := f.submitBody(s, f.standardCart(s))
	body["payMethod"] = PayOnDelivery
	r := f.customerCall(s, "POST", "/user/order/submit", body)
	expect(t, "submit", r, "")
	var placedVO SubmitResult
	json.Unmarshal(r.Data, &placedVO)
	expect(t, "pay online", f.pay(s, placed{id: placedVO.ID, number: placedVO.OrderNumber}), "")
	if got := f.order(placedVO.ID); got.PayStatus() != Paid || got.PayMethod() != PayWeChat {
		t.Fatalf("paid online: pay status %d method %d", got.PayStatus(), got.PayMethod())
	}
}

func itoa(n int64) string { return strconv.FormatInt(n, 10) }
