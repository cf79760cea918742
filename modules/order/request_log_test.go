package order

import (
	"net/http"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
)

// A customer's successful cart, order and payment requests leave no request log rows (the orders and the ledger
// hold them); a failed one is logged, and staff actions are logged in full.
func TestOrderPathLogsOnlyFailuresOfCustomers(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	f.app.Settings().Logs.MaxDays = 5 // test apps turn the request log off
	s := f.customer()
	for _, item := range []map[string]any{{"dishId": f.chicken}, {"dishId": f.rice}, {"setmealId": f.setmeal}} {
		if r := apptest.Call(t, "POST", f.base+"/user/shoppingCart/add", item, "authentication", s.token); r.Code != 1 {
			t.Fatalf("cart add: %s", r.Message())
		}
	}
	var o placed
	if err := requestJSON(http.DefaultClient, "POST", f.base+"/user/order/submit", f.submitBody(s, benchCartAmount), "authentication", s.token,
		&struct {
			OrderNumber *string `json:"orderNumber"`
		}{&o.number}); err != nil {
		t.Fatal(err)
	}
	if r := f.pay(s, o); r.Code != 1 {
		t.Fatalf("pay: %s", r.Message())
	}
	if status, _ := apptest.Raw(t, "POST", f.base+"/user/shoppingCart/add", map[string]any{"dishId": f.chicken}); status != http.StatusUnauthorized {
		t.Fatalf("cart add without a token: HTTP %d", status)
	}
	if r := apptest.Call(t, "GET", f.base+"/admin/order/conditionSearch?page=1&pageSize=10", nil, "token", f.staff); r.Code != 1 {
		t.Fatalf("staff search: %s", r.Message())
	}

	// The request log is written in batches, every few seconds: wait for the two rows expected.
	count := func(where string) int {
		t.Helper()
		var n int
		if err := f.app.AuxDB().NewQuery("SELECT count(*) FROM _logs WHERE " + where).Row(&n); err != nil {
			t.Fatal(err)
		}
		return n
	}
	refused := `json_extract(data, '$.status') = 401 AND json_extract(data, '$.url') LIKE '/user/shoppingCart/add%'`
	staff := `json_extract(data, '$.url') LIKE '/admin/order/conditionSearch%'`
	for deadline := time.Now().Add(10 * time.Second); count(refused)+count(staff) < 2 && time.Now().Before(deadline); {
		time.Sleep(100 * time.Millisecond)
	}
	if n := count(refused); n != 1 {
		t.Errorf("%d request log rows for the refused cart add, want 1", n)
	}
	if n := count(staff); n != 1 {
		t.Errorf("%d request log rows for the staff search, want 1", n)
	}
	if n := count(staff + ` AND json_extract(data, '$.meta.employee') = 'alice'`); n != 1 {
		t.Errorf("the staff search's log row does not name the employee")
	}
	// Rows of the earlier requests would have been written no later than those.
	if n := count(`json_extract(data, '$.status') = 200 AND (json_extract(data, '$.url') LIKE '/user/shoppingCart%' OR json_extract(data, '$.url') LIKE '/user/order%')`); n != 0 {
		t.Errorf("%d request log rows for successful cart and order requests, want none", n)
	}
}
