package security_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/dbx"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	addressbook "myrestaurant/modules/customer"
	"myrestaurant/modules/order"
)

// A customer trying to hurt the shop rather than read others' data: orders too big to handle, orders that block
// the time-out job, paying long after the payment window, and floods of addresses and unpaid orders.

// newcomer signs a customer up with one address and returns their token and the address id.
func (w *world) newcomer(openid string) (token string, address compat.ID) {
	w.t.Helper()
	_, token = apptest.Customer(w.t, w.app, openid)
	w.ok("POST", "/user/addressBook", map[string]any{"consignee": "王五", "phone": "13700000000", "sex": "1",
		"provinceName": "北京市", "cityName": "北京市", "districtName": "朝阳区", "detail": "建国路1号", "label": "1"},
		"authentication", token)
	var addresses []struct {
		ID compat.ID `json:"id"`
	}
	json.Unmarshal(w.ok("GET", "/user/addressBook/list", nil, "authentication", token).Data, &addresses)
	return token, addresses[0].ID
}

// submit posts the cart as an order without an amount (the server's price stands).
func (w *world) submit(token string, address compat.ID) apptest.Reply {
	w.t.Helper()
	return apptest.Call(w.t, "POST", w.base+"/user/order/submit", map[string]any{"addressBookId": address, "payMethod": 1,
		"deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 1}, "authentication", token)
}

func (w *world) dishNamed(name string) compat.ID {
	w.t.Helper()
	r, err := w.app.FindFirstRecordByData("dishes", "name", name)
	if err != nil {
		w.t.Fatalf("dish %s: %v", name, err)
	}
	return compat.ParseID(r.Id)
}

// The recipe of the poison order, replayed: 80 cart rows of the ¥138 东坡肘子 with made-up flavors, then re-ordering
// each new order twice to double the quantities. It is refused early with clear messages, and no order written
// on the way costs more than one order may or holds a line the collection could not save again.
func TestPoisonOrderRecipeIsRefusedEarly(t *testing.T) {
	w := newWorld(t)
	token, address := w.newcomer("openid-poisoner")
	pork := w.dishNamed("东坡肘子")

	added, refused := 0, map[string]int{}
	for i := range 80 {
		r := apptest.Call(t, "POST", w.base+"/user/shoppingCart/add", map[string]any{"dishId": pork, "dishFlavor": fmt.Sprint("口味", i)},
			"authentication", token)
		if r.Code == 1 {
			added++
		} else {
			refused[r.Message()]++
		}
	}
	tooManyRows := fmt.Sprintf(cart.MsgCartTooManyItemsFormat, cart.MaxRows)
	if added != cart.MaxRows || refused[tooManyRows] != 80-cart.MaxRows {
		t.Fatalf("80 flavors: %d added, refused %v; want %d added and the rest refused with %q", added, refused, cart.MaxRows, tooManyRows)
	}

	tooExpensive := fmt.Sprintf(cart.MsgOrderTotalLimitFormat, cart.MaxTotal/100)
	var stopped string
	rounds := 0
	for ; rounds < 10 && stopped == ""; rounds++ {
		placed := w.submit(token, address)
		if placed.Code != 1 {
			stopped = placed.Message()
			break
		}
		var o struct {
			ID compat.ID `json:"id"`
		}
		json.Unmarshal(placed.Data, &o)
		for range 2 { // twice the last order back into the cart
			r := apptest.Call(t, "POST", w.base+fmt.Sprintf("/user/order/repetition/%d", o.ID), nil, "authentication", token)
			if r.Code != 1 {
				stopped = r.Message()
				break
			}
		}
	}
	if stopped != tooExpensive {
		t.Fatalf("after %d rounds of doubling: stopped by %q, want %q", rounds, stopped, tooExpensive)
	}
	if rounds > 4 {
		t.Errorf("refused only in round %d", rounds)
	}

	orders, err := w.app.FindAllRecords("orders", dbx.HashExp{"user": w.userOf(token)})
	if err != nil || len(orders) == 0 {
		t.Fatalf("the poisoner's orders: %d, %v", len(orders), err)
	}
	for _, o := range orders {
		if o.GetInt("amount") > cart.MaxTotal {
			t.Errorf("order %s costs ¥%d", o.GetString("number"), o.GetInt("amount")/100)
		}
		details, _ := w.app.FindAllRecords("order_details", dbx.HashExp{"order": o.Id})
		if len(details) > cart.MaxRows {
			t.Errorf("order %s has %d lines", o.GetString("number"), len(details))
		}
		for _, d := range details {
			if d.GetInt("number") > cart.MaxNumber {
				t.Errorf("order %s: %d of %s", o.GetString("number"), d.GetInt("number"), d.GetString("name"))
			}
		}
		// Every order written can still be saved through a record: the state machine, the jobs and payments can move it.
		if err := w.app.Validate(o); err != nil {
			t.Errorf("order %s breaks its collection's rules: %v", o.GetString("number"), err)
		}
	}
}

// userOf is the customer id of a customer token.
func (w *world) userOf(token string) string {
	w.t.Helper()
	r, err := w.app.FindAuthRecordByToken(token)
	if err != nil {
		w.t.Fatal(err)
	}
	return r.Id
}

// An order the time-out job cannot move (here a poison order written before the limits existed, whose amount the
// collection refuses on every save) is logged and passed over: every other unpaid order still times out.
func TestTimeoutJobGoesPastAnOrderItCannotMove(t *testing.T) {
	w := newWorld(t)
	token, address := w.newcomer("openid-late")
	placedAt := time.Now().Add(-time.Hour)
	clock.SetClock(w.app, func() time.Time { return placedAt })
	var late []string
	for range 3 {
		w.ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": w.dish}, "authentication", token)
		var o struct {
			ID compat.ID `json:"id"`
		}
		r := w.submit(token, address)
		if r.Code != 1 {
			t.Fatalf("submit: %s", r.Message())
		}
		json.Unmarshal(r.Data, &o)
		late = append(late, o.ID.String())
	}
	clock.SetClock(w.app, nil)

	// The poison order, older than all of them, so the job meets it first: ¥110,400,000 from 80 lines of 10,000.
	_, err := w.app.DB().NewQuery("INSERT INTO orders (id, number, status, user, order_time, pay_method, pay_status, amount, created, updated) " +
		"VALUES ('100000000000001', '1000000000000001', 1, {:user}, {:at}, 1, 0, 11040000000, {:at}, {:at})").
		Bind(dbx.Params{"user": w.userOf(token), "at": placedAt.Add(-time.Minute).UTC().Format("2006-01-02 15:04:05.000Z")}).Execute()
	if err != nil {
		t.Fatal(err)
	}

	err = order.CancelUnpaid(w.app, time.Now())
	if err == nil || !strings.Contains(err.Error(), "1 orders could not be moved") {
		t.Errorf("the job's error: %v; want it to count the order it could not move", err)
	}
	for _, id := range late {
		o, _ := w.app.FindRecordById("orders", id)
		if o.GetInt("status") != order.Cancelled || o.GetString("cancel_reason") != order.TimeoutReason {
			t.Errorf("order %s behind the poison order: status %d %q, want cancelled by time-out", id, o.GetInt("status"), o.GetString("cancel_reason"))
		}
	}
	if poison, _ := w.app.FindRecordById("orders", "100000000000001"); poison.GetInt("status") != order.PendingPayment {
		t.Errorf("the poison order moved: status %d", poison.GetInt("status"))
	}
}

// Paying an unpaid order after its payment window is refused with a clear message, and the order is cancelled at
// once, never sent to the kitchen.
func TestPayingAfterThePaymentWindowIsRefused(t *testing.T) {
	w := newWorld(t)
	token, address := w.newcomer("openid-slow")
	w.ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": w.dish}, "authentication", token)
	placedAt := time.Now()
	clock.SetClock(w.app, func() time.Time { return placedAt })
	var o struct {
		ID          compat.ID `json:"id"`
		OrderNumber string    `json:"orderNumber"`
	}
	json.Unmarshal(w.ok("POST", "/user/order/submit", map[string]any{"addressBookId": address, "payMethod": 1,
		"deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 1}, "authentication", token).Data, &o)
	alerts := w.count("alerts")

	// The job has not run (it was stuck, or it runs only every minute); the customer pays 29 minutes later.
	clock.SetClock(w.app, func() time.Time { return placedAt.Add(order.PaymentWindow + 14*time.Minute) })
	r := apptest.Call(t, "PUT", w.base+"/user/order/payment", map[string]any{"orderNumber": o.OrderNumber, "payMethod": 1},
		"authentication", token)
	if r.Code != 0 || r.Message() != order.MsgPaymentExpired {
		t.Fatalf("late pay: code %d %q, want code 0 %q", r.Code, r.Message(), order.MsgPaymentExpired)
	}
	stored, _ := w.app.FindRecordById("orders", o.ID.String())
	if stored.GetInt("status") != order.Cancelled || stored.GetInt("pay_status") != order.Unpaid ||
		stored.GetString("cancel_reason") != order.TimeoutReason {
		t.Errorf("after a late pay: status %d pay %d %q; want cancelled by time-out, unpaid", stored.GetInt("status"),
			stored.GetInt("pay_status"), stored.GetString("cancel_reason"))
	}
	if n := w.count("alerts"); n != alerts {
		t.Errorf("the kitchen was alerted about a late order (%d new alerts)", n-alerts)
	}
	if payments, _ := w.app.FindAllRecords("payments", dbx.HashExp{"order": o.ID.String()}); len(payments) != 0 {
		t.Errorf("a late pay reached the payment provider: %d ledger rows", len(payments))
	}
	// Trying again says the same, not a bare 订单状态错误.
	r = apptest.Call(t, "PUT", w.base+"/user/order/payment", map[string]any{"orderNumber": o.OrderNumber, "payMethod": 1},
		"authentication", token)
	if r.Code != 0 || r.Message() != order.MsgPaymentExpired {
		t.Errorf("paying the timed-out order again: code %d %q", r.Code, r.Message())
	}

	// Just inside the window, paying works.
	clock.SetClock(w.app, nil)
	w.ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": w.dish}, "authentication", token)
	json.Unmarshal(w.ok("POST", "/user/order/submit", map[string]any{"addressBookId": address, "payMethod": 1,
		"deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 1}, "authentication", token).Data, &o)
	clock.SetClock(w.app, func() time.Time { return time.Now().Add(order.PaymentWindow - time.Minute) })
	w.ok("PUT", "/user/order/payment", map[string]any{"orderNumber": o.OrderNumber, "payMethod": 1}, "authentication", token)
	if paid, _ := w.app.FindRecordById("orders", o.ID.String()); paid.GetInt("status") != order.ToBeConfirmed {
		t.Errorf("paid inside the window: status %d", paid.GetInt("status"))
	}
}

// One customer cannot fill the address book without end (the mini-program lists it in one unpaged answer) nor
// open unpaid orders without end.
func TestOneCustomerCannotFloodAddressesOrUnpaidOrders(t *testing.T) {
	w := newWorld(t)
	token, address := w.newcomer("openid-flood")

	tooMany := fmt.Sprintf(addressbook.MsgTooManyAddressesFormat, addressbook.MaxAddresses)
	for i := 1; i <= addressbook.MaxAddresses+5; i++ { // newcomer saved the first
		r := apptest.Call(t, "POST", w.base+"/user/addressBook", map[string]any{"consignee": "王五", "phone": "13700000000",
			"detail": fmt.Sprint("第", i, "号"), "label": "1"}, "authentication", token)
		if want := i < addressbook.MaxAddresses; (r.Code == 1) != want || (!want && r.Message() != tooMany) {
			t.Fatalf("address %d: code %d %q", i+1, r.Code, r.Message())
		}
	}
	var list []any
	json.Unmarshal(w.ok("GET", "/user/addressBook/list", nil, "authentication", token).Data, &list)
	if len(list) != addressbook.MaxAddresses {
		t.Fatalf("%d addresses listed, want %d", len(list), addressbook.MaxAddresses)
	}

	tooManyUnpaid := fmt.Sprintf(order.MsgTooManyUnpaidOrdersFormat, order.MaxUnpaidOrders)
	var last struct {
		ID compat.ID `json:"id"`
	}
	for i := 1; i <= order.MaxUnpaidOrders+1; i++ {
		w.ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": w.dish}, "authentication", token)
		r := w.submit(token, address)
		if i <= order.MaxUnpaidOrders {
			if r.Code != 1 {
				t.Fatalf("unpaid order %d refused: %q", i, r.Message())
			}
			json.Unmarshal(r.Data, &last)
			continue
		}
		if r.Code != 0 || r.Message() != tooManyUnpaid {
			t.Fatalf("unpaid order %d: code %d %q, want %q", i, r.Code, r.Message(), tooManyUnpaid)
		}
	}
	// Cancelling one makes room; the cart the refused order left is ordered now.
	w.ok("PUT", fmt.Sprintf("/user/order/cancel/%d", last.ID), nil, "authentication", token)
	if r := w.submit(token, address); r.Code != 1 {
		t.Fatalf("after cancelling one: %q", r.Message())
	}
}
