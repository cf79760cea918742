package security_test

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/pocketbase/dbx"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/order"
)

// The console offers on an order exactly the actions the server then performs (it once offered 取消订单 on
// completed orders, which the server always refused): GET /admin/order/actions, read from the state machine,
// is checked here against what each action route does to an order in each status.
func TestOfferedOrderActionsAreTheOnesTheServerAllows(t *testing.T) {
	w := newWorld(t)
	var offered map[string][]string
	if err := json.Unmarshal(w.ok("GET", "/admin/order/actions", nil, "token", w.staff).Data, &offered); err != nil {
		t.Fatal(err)
	}
	if slices.Contains(offered["5"], "cancel") {
		t.Errorf("cancel offered on completed orders: %v", offered)
	}
	id := w.alice.order
	routes := map[string]func() apptest.Reply{
		"confirm": func() apptest.Reply { return w.call("PUT", "/admin/order/confirm", map[string]any{"id": id}) },
		"reject": func() apptest.Reply {
			return w.call("PUT", "/admin/order/rejection", map[string]any{"id": id, "rejectionReason": "x"})
		},
		"delivery": func() apptest.Reply { return w.call("PUT", "/admin/order/delivery/"+id.String(), nil) },
		"complete": func() apptest.Reply { return w.call("PUT", "/admin/order/complete/"+id.String(), nil) },
		"cancel": func() apptest.Reply {
			return w.call("PUT", "/admin/order/cancel", map[string]any{"id": id, "cancelReason": "x"})
		},
	}
	for status := 1; status <= 6; status++ {
		for action, run := range routes {
			// Unpaid, so that a cancellation owes no refund.
			if _, err := w.app.DB().Update("orders", dbx.Params{"status": status, "pay_status": 0}, dbx.HashExp{"id": id.String()}).Execute(); err != nil {
				t.Fatal(err)
			}
			r := run()
			allowed := slices.Contains(offered[fmt.Sprint(status)], action)
			if did := r.Code == 1; did != allowed {
				t.Errorf("status %d, %s: offered %v, server answered code %d %q", status, action, allowed, r.Code, r.Message())
			}
			if !allowed && r.Message() != order.MsgOrderStatusError {
				t.Errorf("status %d, %s refused with %q", status, action, r.Message())
			}
		}
	}
}

// call sends a compat request as the world's manager.
func (w *world) call(method, path string, body any) apptest.Reply {
	w.t.Helper()
	return apptest.Call(w.t, method, w.base+path, body, "token", w.staff)
}
