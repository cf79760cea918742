package order

import (
	"errors"
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
)

// The original admin web app's alert socket, opened as the app opens it (its `token` cookie, Origin
// http://localhost through its nginx): a frame for every paid order and every reminder, and none for a payment
// that failed or was rolled back.
func TestAdminAppSocketRingsForPaidOrdersAndReminders(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	ws, code := apptest.DialSocket(t, f.base, "k3j2h1x9", apptest.SocketOptions{Host: "webservers",
		Header: http.Header{"Cookie": {"token=" + f.staff}, "Origin": {"http://localhost"}}})
	if ws == nil {
		t.Fatalf("handshake: HTTP %d", code)
	}
	expectFrame := func(kind int, o placed) {
		t.Helper()
		ws.ExpectAlert(t, kind, int64(o.id), o.number)
	}

	// A payment whose transaction fails is rolled back, and nobody is told of the order.
	failed := f.place(s)
	f.app.OnRecordUpdate(OrdersCollection).BindFunc(func(e *core.RecordEvent) error {
		if e.Record.Id == failed.id.String() {
			return errors.New("disk full")
		}
		return e.Next()
	})
	if r := f.pay(s, failed); r.Code == 1 {
		t.Fatal("the failing payment succeeded")
	}
	if f.order(failed.id).Status() != PendingPayment {
		t.Fatal("the failed payment moved the order")
	}
	// A payment refused for a cancelled order raises nothing either.
	cancelled := f.place(s)
	expect(t, "cancel", f.customerCall(s, "PUT", path("/user/order/cancel/%d", cancelled.id), nil), "")
	expect(t, "pay a cancelled order", f.pay(s, cancelled), MsgOrderStatusError)

	// The mini-program's own pay and reminder requests.
	o := f.place(s)
	expect(t, "pay", f.customerCall(s, "PUT", "/user/order/payment", map[string]any{"orderNumber": o.number, "payMethod": 1}), "")
	expectFrame(alert.NewOrder, o) // the first frame: nothing came for the failed payments
	expect(t, "remind", f.customerCall(s, "GET", path("/user/order/reminder/%d", o.id), nil), "")
	expectFrame(alert.Reminder, o)
	// A second reminder inside the interval answers code 1 and rings nothing; the next payment is the next frame.
	expect(t, "remind again", f.customerCall(s, "GET", path("/user/order/reminder/%d", o.id), nil), "")
	next := f.place(s)
	expect(t, "pay", f.pay(s, next), "")
	expectFrame(alert.NewOrder, next)
}
