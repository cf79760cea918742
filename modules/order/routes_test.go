package order

import (
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

// The order step routes are wired to their steps: each moves an order its step may move, with the fields of the
// request, and answers the step's refusal where it may not. Which step is allowed from which status is
// TestEveryStepFromEveryStatus.
func TestStepRoutes(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	tests := []struct {
		name  string
		from  int
		send  func(o placed) apptest.Reply
		want  string // "" for success
		to    int
		check func(t *testing.T, after *Order)
	}{
		{name: "confirm", from: ToBeConfirmed, to: Confirmed, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": o.id, "status": 3})
		}},
		{name: "confirm refused", from: Confirmed, to: Confirmed, want: MsgOrderStatusError, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": o.id, "status": 3})
		}},
		{name: "rejection", from: ToBeConfirmed, to: Cancelled, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/rejection", map[string]any{"id": o.id, "rejectionReason": "菜品已销售完，暂时无法接单"})
		}, check: func(t *testing.T, after *Order) {
			if after.RejectionReason() != "菜品已销售完，暂时无法接单" || after.PayStatus() != Refunded {
				t.Errorf("rejection: %q, pay status %d", after.RejectionReason(), after.PayStatus())
			}
		}},
		{name: "rejection refused", from: PendingPayment, to: PendingPayment, want: MsgOrderStatusError, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/rejection", map[string]any{"id": o.id, "rejectionReason": "太忙"})
		}},
		{name: "staff cancel", from: DeliveryInProgress, to: Cancelled, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": o.id, "cancelReason": "客户电话取消"})
		}, check: func(t *testing.T, after *Order) {
			if after.CancelReason() != "客户电话取消" || after.PayStatus() != Refunded {
				t.Errorf("cancel: %q, pay status %d", after.CancelReason(), after.PayStatus())
			}
		}},
		{name: "staff cancel refused", from: Completed, to: Completed, want: MsgOrderStatusError, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": o.id, "cancelReason": "客户电话取消"})
		}},
		{name: "delivery", from: Confirmed, to: DeliveryInProgress, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", path("/admin/order/delivery/%d", o.id), nil)
		}},
		{name: "delivery refused", from: ToBeConfirmed, to: ToBeConfirmed, want: MsgOrderStatusError, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", path("/admin/order/delivery/%d", o.id), nil)
		}},
		{name: "complete", from: DeliveryInProgress, to: Completed, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", path("/admin/order/complete/%d", o.id), nil)
		}},
		{name: "complete refused", from: Confirmed, to: Confirmed, want: MsgOrderStatusError, send: func(o placed) apptest.Reply {
			return f.staffCall("PUT", path("/admin/order/complete/%d", o.id), nil)
		}},
		{name: "customer cancel", from: ToBeConfirmed, to: Cancelled, send: func(o placed) apptest.Reply {
			return f.customerCall(s, "PUT", path("/user/order/cancel/%d", o.id), nil)
		}, check: func(t *testing.T, after *Order) {
			if after.CancelReason() != CustomerCancelReason || after.PayStatus() != Refunded {
				t.Errorf("customer cancel: %q, pay status %d", after.CancelReason(), after.PayStatus())
			}
		}},
		{name: "customer cancel refused", from: Confirmed, to: Confirmed, want: MsgOrderStatusError, send: func(o placed) apptest.Reply {
			return f.customerCall(s, "PUT", path("/user/order/cancel/%d", o.id), nil)
		}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			f := f.with(t)
			payStatus := Paid
			if tc.from == PendingPayment {
				payStatus = Unpaid
			}
			o := f.rawOrder(s, tc.from, payStatus)
			expect(t, tc.name, tc.send(o), tc.want)
			after := f.order(o.id)
			if after.Status() != tc.to {
				t.Errorf("status %d, want %d", after.Status(), tc.to)
			}
			if tc.check != nil {
				tc.check(t, after)
			}
		})
	}
}

func TestStepsOnMissingOrdersAndBadInput(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	other := f.customer()
	theirs := f.rawOrder(other, 2, Paid)
	missing := compat.ID(999999999999999)

	expect(t, "confirm missing", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": missing}), MsgOrderNotFound)
	expect(t, "reject missing", f.staffCall("PUT", "/admin/order/rejection", map[string]any{"id": missing}), MsgOrderNotFound)
	expect(t, "cancel missing", f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": missing}), MsgOrderNotFound)
	expect(t, "delivery missing", f.staffCall("PUT", path("/admin/order/delivery/%d", missing), nil), MsgOrderNotFound)
	expect(t, "complete missing", f.staffCall("PUT", path("/admin/order/complete/%d", missing), nil), MsgOrderNotFound)
	expect(t, "confirm without id", f.staffCall("PUT", "/admin/order/confirm", map[string]any{}), compat.MsgIDRequired)
	expect(t, "confirm id as string", f.staffCall("PUT", "/admin/order/confirm", map[string]any{"id": theirs.id.String()}), "")
	long := make([]rune, 256)
	for i := range long {
		long[i] = '长'
	}
	expect(t, "long reason", f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": theirs.id, "cancelReason": string(long)}), MsgReasonTooLong)

	// Someone else's order looks exactly like a missing one.
	for _, id := range []compat.ID{missing, theirs.id} {
		expect(t, "customer cancel", f.customerCall(s, "PUT", path("/user/order/cancel/%d", id), nil), MsgOrderNotFound)
		expect(t, "customer detail", f.customerCall(s, "GET", path("/user/order/orderDetail/%d", id), nil), MsgOrderNotFound)
		expect(t, "repetition", f.customerCall(s, "POST", path("/user/order/repetition/%d", id), nil), MsgOrderNotFound)
		expect(t, "reminder", f.customerCall(s, "GET", path("/user/order/reminder/%d", id), nil), MsgOrderNotFound)
	}
	if f.order(theirs.id).Status() != Confirmed {
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
