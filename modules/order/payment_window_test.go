package order

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/payment"
)

// Money that arrives for an unpaid order after its payment window, before the time-out job has cancelled it, does
// not send the order to the kitchen: the order is cancelled as the job would, and the money given back.
func TestLatePaymentOfAnOpenOrderIsRefunded(t *testing.T) {
	wx := newFakeWeChat()
	f := newFixture(t, wx)
	s := f.customer()
	o := f.place(s)
	expect(t, "prepay in time", f.pay(s, o), "")
	late := time.Now().Add(PaymentWindow + time.Minute)
	clock.SetClock(f.app, func() time.Time { return late })

	moved, err := markPaid(f.app, payment.Notification{Provider: payment.ProviderWeChatPay, OutTradeNo: o.number,
		TransactionID: "4200009", Amount: o.amount, TradeState: payment.TradeSuccess})
	if err != nil || moved {
		t.Fatalf("moved %v err %v", moved, err)
	}
	r := f.order(o.id)
	if r.Status() != Cancelled || r.PayStatus() != Refunded || r.CancelReason() != TimeoutReason {
		t.Fatalf("order %d/%d %q, want cancelled by time-out and refunded", r.Status(), r.PayStatus(), r.CancelReason())
	}
	want := []string{fmt.Sprintf("pay/succeeded/%d", o.amount), fmt.Sprintf("refund/succeeded/%d", o.amount)}
	if l := f.ledger(o.id); !slices.Equal(l, want) {
		t.Fatalf("ledger %v, want %v", l, want)
	}
	if a := f.alerts(o.id); len(a) != 0 {
		t.Fatalf("the kitchen was alerted: %v", a)
	}
}

// Prepay tells the provider when the window closes.
func TestPrepayCarriesThePaymentDeadline(t *testing.T) {
	wx := newFakeWeChat()
	f := newFixture(t, wx)
	s := f.customer()
	o := f.place(s)
	expect(t, "prepay", f.pay(s, o), "")
	placedAt := f.order(o.id).OrderTime()
	if got := wx.expires; !got.Equal(placedAt.Add(PaymentWindow)) {
		t.Fatalf("prepay expires %v, want %v", got, placedAt.Add(PaymentWindow))
	}
}
