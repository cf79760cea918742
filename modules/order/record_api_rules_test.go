package order

import (
	"encoding/json"
	"fmt"
	"slices"
	"strings"
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

// dashboard is the owner at /_/: a superuser on PocketBase's record API, sending whole records as its forms do.
type dashboard struct {
	f     *fixture
	token string
}

func (f *fixture) dashboard() dashboard {
	_, tok := apptest.Superuser(f.t, f.app, "owner@example.com")
	return dashboard{f: f, token: tok}
}

// edit reads the order as the dashboard's form does, changes the given fields and saves the whole form.
func (d dashboard) edit(id compat.ID, changes map[string]any) (int, string) {
	d.f.t.Helper()
	url := d.f.base + "/api/collections/" + OrdersCollection + "/records/" + id.String()
	st, raw := apptest.Raw(d.f.t, "GET", url, nil, "Authorization", d.token)
	if st != 200 {
		d.f.t.Fatalf("dashboard read: HTTP %d %s", st, raw)
	}
	var form map[string]any
	json.Unmarshal(raw, &form)
	for k, v := range changes {
		form[k] = v
	}
	return d.send("PATCH", url, form)
}

// send answers the HTTP status and the message PocketBase's answer carries ("" on success).
func (d dashboard) send(method, url string, body any) (int, string) {
	d.f.t.Helper()
	return apptest.Native(d.f.t, method, url, body, "Authorization", d.token)
}

func TestDashboardStatusChangesRunTheStateMachine(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	d := f.dashboard()
	s := f.customer()
	o := f.place(s)
	expect(t, "pay", f.pay(s, o), "")

	// 2 → 5 skips the kitchen and the delivery: refused, saying what is possible, and nothing changes.
	st, msg := d.edit(o.id, map[string]any{"status": Completed})
	if st != 400 || !strings.Contains(msg, "不能从 2 待接单 改为 5 已完成") || !strings.Contains(msg, "3 待派送") {
		t.Fatalf("2 → 5: HTTP %d %q", st, msg)
	}
	if got := f.order(o.id); got.Status() != ToBeConfirmed || !got.DeliveryTime().IsZero() {
		t.Fatalf("a refused jump changed the order: status %d, delivered %v", got.Status(), got.DeliveryTime())
	}
	// Payment is the provider's word only.
	unpaid := f.place(s)
	if st, msg := d.edit(unpaid.id, map[string]any{"status": ToBeConfirmed}); st != 400 || !strings.Contains(msg, "付款只能由支付平台确认") {
		t.Fatalf("1 → 2: HTTP %d %q", st, msg)
	}

	// A form whose other fields cannot be saved moves nothing: the step would commit before them.
	if st, _ := d.edit(o.id, map[string]any{"status": Confirmed, "remark": strings.Repeat("辣", 101)}); st != 400 {
		t.Fatalf("2 → 3 with a remark too long: HTTP %d", st)
	}
	if got := f.order(o.id); got.Status() != ToBeConfirmed {
		t.Fatalf("a refused form moved the order to %d", got.Status())
	}
	// Step by step it goes, each step the staff's, together with a remark changed in the same form.
	if st, msg := d.edit(o.id, map[string]any{"status": Confirmed, "remark": "老板确认：多放葱"}); st != 200 {
		t.Fatalf("2 → 3: HTTP %d %q", st, msg)
	}
	if got := f.order(o.id); got.Status() != Confirmed || got.Remark() != "老板确认：多放葱" {
		t.Fatalf("after confirm: status %d remark %q", got.Status(), got.Remark())
	}
	if st, msg := d.edit(o.id, map[string]any{"status": DeliveryInProgress}); st != 200 {
		t.Fatalf("3 → 4: HTTP %d %q", st, msg)
	}
	if st, msg := d.edit(o.id, map[string]any{"status": Completed}); st != 200 {
		t.Fatalf("4 → 5: HTTP %d %q", st, msg)
	}
	if got := f.order(o.id); got.Status() != Completed || got.DeliveryTime().IsZero() {
		t.Fatalf("completion without its delivery time: status %d, delivered %v", got.Status(), got.DeliveryTime())
	}
	// A finished order stays finished.
	if st, msg := d.edit(o.id, map[string]any{"status": Cancelled}); st != 400 || !strings.Contains(msg, "订单已结束") {
		t.Fatalf("5 → 6: HTTP %d %q", st, msg)
	}
}

func TestDashboardCancelOfAPaidOrderRefundsIt(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	d := f.dashboard()
	s := f.customer()
	o := f.place(s)
	expect(t, "pay", f.pay(s, o), "")

	if st, msg := d.edit(o.id, map[string]any{"status": Cancelled, "cancel_reason": "食材用完"}); st != 200 {
		t.Fatalf("cancel: HTTP %d %q", st, msg)
	}
	got := f.order(o.id)
	if got.Status() != Cancelled || got.PayStatus() != Refunded || got.CancelReason() != "食材用完" || got.CancelTime().IsZero() {
		t.Fatalf("cancelled order: status %d pay %d reason %q time %v", got.Status(), got.PayStatus(), got.CancelReason(), got.CancelTime())
	}
	if ledger := f.ledger(o.id); !slices.Contains(ledger, fmt.Sprintf("refund/succeeded/%d", o.amount)) {
		t.Fatalf("ledger after a dashboard cancel: %v", ledger)
	}

	// A second paid order is rejected from 待接单 when the form gives a rejection reason.
	o2 := f.place(s)
	expect(t, "pay", f.pay(s, o2), "")
	if st, msg := d.edit(o2.id, map[string]any{"status": Cancelled, "rejection_reason": "超出配送范围"}); st != 200 {
		t.Fatalf("reject: HTTP %d %q", st, msg)
	}
	if got := f.order(o2.id); got.RejectionReason() != "超出配送范围" || got.PayStatus() != Refunded {
		t.Fatalf("rejected order: reason %q pay %d", got.RejectionReason(), got.PayStatus())
	}
}

func TestDashboardCannotChangeWhatAnOrderWasSoldFor(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	d := f.dashboard()
	s := f.customer()
	o := f.place(s)
	expect(t, "pay", f.pay(s, o), "")

	for field, value := range map[string]any{
		"amount": 1, "pay_status": Unpaid, "pay_method": PayAlipay, "number": "1", "delivery_fee": 0, "pack_amount": 0,
	} {
		st, msg := d.edit(o.id, map[string]any{field: value})
		if st != 400 || !strings.Contains(msg, field) {
			t.Errorf("%s changed: HTTP %d %q", field, st, msg)
		}
	}
	if got := f.order(o.id); got.Amount() != o.amount || got.PayStatus() != Paid || got.Number() != o.number {
		t.Fatalf("a paid order changed: amount %d pay %d number %s", got.Amount(), got.PayStatus(), got.Number())
	}
	// What is not money may be corrected.
	if st, msg := d.edit(o.id, map[string]any{"phone": "13900000000"}); st != 200 || f.order(o.id).Phone() != "13900000000" {
		t.Fatalf("phone: HTTP %d %q", st, msg)
	}
}

func TestDashboardCannotMakeOrDeleteSalesRecords(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	d := f.dashboard()
	s := f.customer()
	o := f.place(s)
	expect(t, "pay", f.pay(s, o), "")
	records := func(c string) string { return f.base + "/api/collections/" + c + "/records" }

	if st, _ := d.send("POST", records(OrdersCollection), map[string]any{"number": "X1", "status": 2, "user": s.id.String(), "amount": 100}); st != 400 {
		t.Errorf("order created: HTTP %d", st)
	}
	if st, _ := d.send("POST", records(paymentsCollection), map[string]any{"order": o.id.String(), "kind": "pay", "provider": "cash", "amount": 1, "state": "succeeded"}); st != 400 {
		t.Errorf("payment created: HTTP %d", st)
	}
	if st, _ := d.send("DELETE", records(OrdersCollection)+"/"+o.id.String(), nil); st != 400 {
		t.Errorf("paid order deleted: HTTP %d", st)
	}
	details, _ := f.app.FindAllRecords(DetailsCollection)
	if st, _ := d.send("PATCH", records(DetailsCollection)+"/"+details[0].Id, map[string]any{"amount": 1}); st != 400 {
		t.Errorf("order item changed: HTTP %d", st)
	}
	if len(f.ledger(o.id)) != 1 {
		t.Fatalf("ledger: %v", f.ledger(o.id))
	}

	// A status change in a batch (off by default; an owner may turn it on) is refused; the order stays as it was.
	settings := f.app.Settings()
	settings.Batch.Enabled = true
	if err := f.app.Save(settings); err != nil {
		t.Fatal(err)
	}
	st, raw := apptest.Raw(t, "POST", f.base+"/api/batch", map[string]any{"requests": []map[string]any{
		{"method": "PATCH", "url": "/api/collections/orders/records/" + o.id.String(), "body": map[string]any{"status": Confirmed}},
	}}, "Authorization", d.token)
	if st != 400 || f.order(o.id).Status() != ToBeConfirmed {
		t.Fatalf("batch status change: HTTP %d %s, status %d", st, raw, f.order(o.id).Status())
	}

	// A test order, cancelled unpaid, may go.
	test := f.place(s)
	expect(t, "cancel", f.customerCall(s, "PUT", path("/user/order/cancel/%d", test.id), nil), "")
	if st, msg := d.send("DELETE", records(OrdersCollection)+"/"+test.id.String(), nil); st != 204 {
		t.Fatalf("cancelled unpaid order: HTTP %d %q", st, msg)
	}
}

// An order paid on delivery, completed from the dashboard, is paid as the console's completion pays it: in cash,
// in the ledger.
func TestDashboardCompletesAnOrderPaidOnDelivery(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	d := f.dashboard()
	f.allowPayOnDelivery(true)
	s := f.customer()
	o := f.place(s)
	expect(t, "pay on delivery", f.payLater(s, o), "")
	for _, step := range []int{Confirmed, DeliveryInProgress, Completed} {
		if st, msg := d.edit(o.id, map[string]any{"status": step}); st != 200 {
			t.Fatalf("→ %d: HTTP %d %q", step, st, msg)
		}
	}
	if got := f.order(o.id); got.Status() != Completed || got.PayStatus() != Paid {
		t.Fatalf("completed: status %d pay %d", got.Status(), got.PayStatus())
	}
	if ledger := f.ledger(o.id); !slices.Contains(ledger, fmt.Sprintf("pay/succeeded/%d", o.amount)) {
		t.Fatalf("ledger: %v", ledger)
	}
}
