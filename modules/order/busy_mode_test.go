package order

import (
	"encoding/json"
	"slices"
	"testing"

	"myrestaurant/modules/alert"
	"myrestaurant/modules/compat"
)

// In busy mode a paid order is accepted at once and still raises its new-order alert, which stays open (the
// consoles ring and print); the switch is the staff's, as opening the shop.
func TestBusyModeAcceptsPaidOrdersAtOnce(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	quiet := f.place(s)
	expect(t, "pay before busy mode", f.pay(s, quiet), "")
	if got := f.order(quiet.id).Status(); got != ToBeConfirmed {
		t.Fatalf("without busy mode a paid order waits, got status %d", got)
	}

	expect(t, "busy mode on", f.staffCall("PUT", "/admin/shop/busyMode/1", nil), "")
	expect(t, "bad switch", f.staffCall("PUT", "/admin/shop/busyMode/2", nil), compat.MsgStatusInvalid)
	busy := f.place(s)
	unpaid := f.place(s)
	expect(t, "pay in busy mode", f.pay(s, busy), "")
	got := f.order(busy.id)
	if got.Status() != Confirmed || got.PayStatus() != Paid {
		t.Fatalf("in busy mode a paid order is accepted: status %d pay %d", got.Status(), got.PayStatus())
	}
	if a := f.alerts(busy.id); !slices.Equal(a, []int{alert.NewOrder}) {
		t.Fatalf("alerts %v", a)
	}
	open, err := f.app.FindFirstRecordByData("alerts", "order", busy.id.String())
	if err != nil || open.GetBool("acknowledged") {
		t.Fatalf("the new-order alert of an order busy mode accepted must stay open to ring: %v", err)
	}
	if got := f.order(unpaid.id).Status(); got != PendingPayment {
		t.Fatalf("busy mode accepted an unpaid order: %d", got)
	}
	// Staff may still do the next step; reading the settings shows the mode.
	expect(t, "deliver", f.staffCall("PUT", path("/admin/order/delivery/%d", busy.id), nil), "")
	var settings struct {
		BusyMode bool `json:"busyMode"`
	}
	if r := f.staffCall("GET", "/admin/shop/settings", nil); json.Unmarshal(r.Data, &settings) != nil || !settings.BusyMode {
		t.Fatalf("settings: %s", r.Data)
	}
	expect(t, "busy mode off", f.staffCall("PUT", "/admin/shop/busyMode/0", nil), "")
	later := f.place(s)
	expect(t, "pay after busy mode", f.pay(s, later), "")
	if got := f.order(later.id).Status(); got != ToBeConfirmed {
		t.Fatalf("after busy mode a paid order waits again, got %d", got)
	}
}
