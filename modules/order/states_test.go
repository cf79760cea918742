package order

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/compat"
)

// Every staff and customer step from every status: allowed ones move the order and set their fields, the rest
// answer 订单状态错误 and change nothing.
func TestEveryStepFromEveryStatus(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	type step struct {
		name    string
		allowed []int
		to      int
		send    func(o placed) apptest.Reply
		check   func(t *testing.T, o placed, before int)
	}
	steps := []step{
		{"confirm", []int{2}, 3, func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": o.id, "status": 3})
		}, nil},
		{"rejection", []int{2}, 6, func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/rejection", map[string]any{"id": o.id, "rejectionReason": "菜品已销售完，暂时无法接单"})
		}, func(t *testing.T, o placed, before int) {
			r := f.order(o.id)
			if r.GetString("rejection_reason") != "菜品已销售完，暂时无法接单" || r.GetDateTime("cancel_time").IsZero() {
				t.Errorf("rejection fields: %q %v", r.GetString("rejection_reason"), r.GetDateTime("cancel_time"))
			}
		}},
		{"staff cancel", []int{1, 2, 3, 4}, 6, func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": o.id, "cancelReason": "客户电话取消"})
		}, func(t *testing.T, o placed, before int) {
			r := f.order(o.id)
			if r.GetString("cancel_reason") != "客户电话取消" || r.GetDateTime("cancel_time").IsZero() {
				t.Errorf("cancel fields: %q", r.GetString("cancel_reason"))
			}
		}},
		{"delivery", []int{3}, 4, func(o placed) apptest.Reply { return f.staffCall("PUT", path("/admin/order/delivery/%d", o.id), nil) }, nil},
		{"complete", []int{4}, 5, func(o placed) apptest.Reply { return f.staffCall("PUT", path("/admin/order/complete/%d", o.id), nil) },
			func(t *testing.T, o placed, before int) {
				if f.order(o.id).GetDateTime("delivery_time").IsZero() {
					t.Error("complete set no delivery_time")
				}
			}},
		{"customer cancel", []int{1, 2}, 6, func(o placed) apptest.Reply {
			return f.customerCall(s, "PUT", path("/user/order/cancel/%d", o.id), nil)
		},
			func(t *testing.T, o placed, before int) {
				r := f.order(o.id)
				if r.GetString("cancel_reason") != CustomerCancelReason {
					t.Errorf("cancel reason %q", r.GetString("cancel_reason"))
				}
				wantAlerts := []int(nil)
				if before == 2 {
					wantAlerts = []int{alert.CustomerCancel}
				}
				if got := f.alerts(o.id); !slices.Equal(got, wantAlerts) {
					t.Errorf("alerts after customer cancel from %d: %v", before, got)
				}
			}},
	}
	for _, st := range steps {
		for from := 1; from <= 6; from++ {
			payStatus := Paid
			if from == 1 {
				payStatus = Unpaid
			}
			o := f.rawOrder(s, from, payStatus)
			r := st.send(o)
			after := f.order(o.id)
			if !slices.Contains(st.allowed, from) {
				if r.Code != 0 || r.Message() != compat.MsgOrderStatusError {
					t.Errorf("%s from %d: code %d %q, want 订单状态错误", st.name, from, r.Code, r.Message())
				}
				if after.GetInt("status") != from || after.GetInt("pay_status") != payStatus {
					t.Errorf("%s from %d changed the order to %d/%d", st.name, from, after.GetInt("status"), after.GetInt("pay_status"))
				}
				continue
			}
			if r.Code != 1 {
				t.Errorf("%s from %d: %q", st.name, from, r.Message())
				continue
			}
			if after.GetInt("status") != st.to {
				t.Errorf("%s from %d: status %d, want %d", st.name, from, after.GetInt("status"), st.to)
			}
			// A paid order that is cancelled is refunded; an unpaid one stays unpaid.
			wantPay := payStatus
			if st.to == Cancelled && payStatus == Paid {
				wantPay = Refunded
			}
			if after.GetInt("pay_status") != wantPay {
				t.Errorf("%s from %d: pay_status %d, want %d", st.name, from, after.GetInt("pay_status"), wantPay)
			}
			if wantPay == Refunded && !slices.Equal(f.ledger(o.id), []string{"refund/succeeded/5800"}) {
				t.Errorf("%s from %d: ledger %v, want one refund", st.name, from, f.ledger(o.id))
			}
			if st.check != nil {
				st.check(t, o, from)
			}
		}
	}
}

func TestStepsOnMissingOrdersAndBadInput(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	other := f.customer()
	theirs := f.rawOrder(other, 2, Paid)
	missing := compat.ID(999999999999999)

	expect(t, "confirm missing", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": missing}), compat.MsgOrderNotFound)
	expect(t, "reject missing", f.staffCall("PUT", "/admin/order/rejection", map[string]any{"id": missing}), compat.MsgOrderNotFound)
	expect(t, "cancel missing", f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": missing}), compat.MsgOrderNotFound)
	expect(t, "delivery missing", f.staffCall("PUT", path("/admin/order/delivery/%d", missing), nil), compat.MsgOrderNotFound)
	expect(t, "complete missing", f.staffCall("PUT", path("/admin/order/complete/%d", missing), nil), compat.MsgOrderNotFound)
	expect(t, "confirm without id", f.staffCall("PUT", "/admin/order/confirm", map[string]any{}), compat.MsgIDRequired)
	expect(t, "confirm id as string", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": theirs.id.String()}), "")
	long := make([]rune, 256)
	for i := range long {
		long[i] = '长'
	}
	expect(t, "long reason", f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": theirs.id, "cancelReason": string(long)}), compat.MsgReasonTooLong)

	// Someone else's order looks exactly like a missing one.
	for _, id := range []compat.ID{missing, theirs.id} {
		expect(t, "customer cancel", f.customerCall(s, "PUT", path("/user/order/cancel/%d", id), nil), compat.MsgOrderNotFound)
		expect(t, "customer detail", f.customerCall(s, "GET", path("/user/order/orderDetail/%d", id), nil), compat.MsgOrderNotFound)
		expect(t, "repetition", f.customerCall(s, "POST", path("/user/order/repetition/%d", id), nil), compat.MsgOrderNotFound)
		expect(t, "reminder", f.customerCall(s, "GET", path("/user/order/reminder/%d", id), nil), compat.MsgOrderNotFound)
	}
	if f.order(theirs.id).GetInt("status") != Confirmed {
		t.Fatal("the other customer's order changed")
	}
	// No token, or the wrong kind: 401 with an empty body.
	for _, r := range []apptest.Reply{
		f.customerCall(shopper{token: "bad"}, "GET", "/user/order/historyOrders?page=1&pageSize=10", nil),
		apptest.Call(t, "GET", f.base+"/admin/order/statistics", nil, "token", s.token),
	} {
		if r.Status != 401 {
			t.Errorf("unauthenticated: HTTP %d", r.Status)
		}
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
			if r.Code == 0 && r.Message() != compat.MsgOrderStatusError {
				t.Fatalf("loser: %q", r.Message())
			}
		}
		if f.order(o.id).GetInt("status") != Confirmed {
			t.Fatal("not confirmed")
		}
	}
}
