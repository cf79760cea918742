package order

import (
	"encoding/json"
	"net/url"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
)

// The OrderVO keys of the contract, exactly, and ours: channel, deliveryFee and tableNo.
var orderKeys = []string{"address", "addressBookId", "amount", "cancelReason", "cancelTime", "channel", "checkoutTime", "consignee",
	"deliveryFee", "deliveryStatus", "deliveryTime", "estimatedDeliveryTime", "id", "number", "orderDetailList", "orderDishes", "orderTime",
	"packAmount", "payMethod", "payStatus", "phone", "rejectionReason", "remark", "status", "tableNo", "tablewareNumber",
	"tablewareStatus", "userId", "userName"}

var detailKeys = []string{"amount", "dishFlavor", "dishId", "id", "image", "name", "number", "orderId", "setmealId"}

func keysOf(m map[string]json.RawMessage) []string {
	var keys []string
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

type page struct {
	Total   int                          `json:"total"`
	Records []map[string]json.RawMessage `json:"records"`
}

func decodePage(t *testing.T, r apptest.Reply) page {
	t.Helper()
	expect(t, "page", r, "")
	var p page
	if err := json.Unmarshal(r.Data, &p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestCustomerHistoryAndDetail(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s, other := f.customer(), f.customer()
	first := f.place(s)
	second := f.place(s)
	expect(t, "pay", f.pay(s, second), "")
	f.place(other)

	all := decodePage(t, f.customerCall(s, "GET", "/user/order/historyOrders?page=1&pageSize=10&status=", nil))
	if all.Total != 2 || len(all.Records) != 2 {
		t.Fatalf("history: %d records of %d", len(all.Records), all.Total)
	}
	rec := all.Records[0]
	if !slices.Equal(keysOf(rec), orderKeys) {
		t.Fatalf("OrderVO keys: %v", keysOf(rec))
	}
	if string(rec["id"]) != second.id.String() || string(rec["orderDishes"]) != "null" {
		t.Fatalf("newest first, orderDishes null: id %s dishes %s", rec["id"], rec["orderDishes"])
	}
	var details []map[string]json.RawMessage
	json.Unmarshal(rec["orderDetailList"], &details)
	if len(details) != 2 || !slices.Equal(keysOf(details[0]), detailKeys) {
		t.Fatalf("orderDetailList: %s", rec["orderDetailList"])
	}
	if string(rec["packAmount"]) != "5" || string(rec["tablewareNumber"]) != "2" || string(rec["cancelReason"]) != "null" {
		t.Fatalf("packAmount %s tablewareNumber %s cancelReason %s", rec["packAmount"], rec["tablewareNumber"], rec["cancelReason"])
	}

	paid := decodePage(t, f.customerCall(s, "GET", "/user/order/historyOrders?page=1&pageSize=10&status=2", nil))
	if paid.Total != 1 || string(paid.Records[0]["id"]) != second.id.String() {
		t.Fatalf("status filter: %+v", paid)
	}
	paged := decodePage(t, f.customerCall(s, "GET", "/user/order/historyOrders?page=2&pageSize=1", nil))
	if paged.Total != 2 || len(paged.Records) != 1 || string(paged.Records[0]["id"]) != first.id.String() {
		t.Fatalf("page 2: %+v", paged)
	}
	if r := f.customerCall(s, "GET", "/user/order/historyOrders?page=1&pageSize=10&status=x", nil); r.Code != 0 {
		t.Fatal("a status that is not a number was accepted")
	}

	d := f.customerCall(s, "GET", path("/user/order/orderDetail/%d", first.id), nil)
	expect(t, "detail", d, "")
	var v View
	json.Unmarshal(d.Data, &v)
	if v.ID != first.id || len(v.OrderDetailList) != 2 || v.OrderDishes != nil {
		t.Fatalf("detail: %s", d.Data)
	}
}

func TestStaffSearchStatisticsAndDetails(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	a, b := f.customer(), f.customer()
	f.update("address_book", b.address, map[string]any{"phone": "13900001111"})
	o1 := f.place(a) // stays 1
	o2 := f.place(b) // paid: 2
	o3 := f.rawOrder(a, Confirmed, Paid)
	o4 := f.rawOrder(a, DeliveryInProgress, Paid)
	f.rawOrder(a, DeliveryInProgress, Paid)
	expect(t, "pay", f.pay(b, o2), "")
	// o1 was placed a day earlier.
	f.update(OrdersCollection, o1.id, map[string]any{"order_time": time.Now().Add(-24 * time.Hour)})

	search := func(q url.Values) page {
		t.Helper()
		if q.Get("page") == "" {
			q.Set("page", "1")
			q.Set("pageSize", "10")
		}
		return decodePage(t, f.staffCall("GET", "/admin/order/conditionSearch?"+q.Encode(), nil))
	}
	all := search(url.Values{})
	if all.Total != 5 || string(all.Records[4]["id"]) != o1.id.String() {
		t.Fatalf("all: %d, oldest last? %s", all.Total, all.Records[4]["id"])
	}
	for _, rec := range all.Records {
		if !slices.Equal(keysOf(rec), orderKeys) || string(rec["orderDetailList"]) != "null" {
			t.Fatalf("record keys %v details %s", keysOf(rec), rec["orderDetailList"])
		}
	}
	var dishes string
	for _, rec := range all.Records {
		if string(rec["id"]) == o2.id.String() {
			json.Unmarshal(rec["orderDishes"], &dishes)
		}
	}
	// In the order of the cart, whose rows added in the same millisecond have no order among themselves.
	if dishes != "宫保鸡丁*2;米饭*3;" && dishes != "米饭*3;宫保鸡丁*2;" {
		t.Fatalf("orderDishes %q", dishes)
	}
	if p := search(url.Values{"number": {o3.number}}); p.Total != 1 || string(p.Records[0]["id"]) != o3.id.String() {
		t.Fatalf("number: %d", p.Total)
	}
	// A number matches from its start, as staff read it off a receipt (an index range, not a scan of all orders).
	if p := search(url.Values{"number": {o3.number[:4]}}); p.Total != 5 {
		t.Fatalf("the start of the numbers: %d", p.Total)
	}
	if p := search(url.Values{"number": {o3.number[4:]}}); p.Total != 0 {
		t.Fatalf("the middle of a number: %d", p.Total)
	}
	if p := search(url.Values{"phone": {"0000111"}}); p.Total != 1 || string(p.Records[0]["id"]) != o2.id.String() {
		t.Fatalf("phone LIKE: %d", p.Total)
	}
	if p := search(url.Values{"phone": {"%"}}); p.Total != 0 {
		t.Fatalf("%% matched %d phones", p.Total)
	}
	if p := search(url.Values{"status": {"4"}}); p.Total != 2 {
		t.Fatalf("status 4: %d", p.Total)
	}
	today := startOfDay(time.Now()).Format("2006-01-02 15:04:05")
	if p := search(url.Values{"beginTime": {today}}); p.Total != 4 {
		t.Fatalf("since today: %d", p.Total)
	}
	if p := search(url.Values{"endTime": {today}}); p.Total != 1 || string(p.Records[0]["id"]) != o1.id.String() {
		t.Fatalf("before today: %d", p.Total)
	}
	if p := search(url.Values{"page": {"2"}, "pageSize": {"2"}}); p.Total != 5 || len(p.Records) != 2 {
		t.Fatalf("page 2: %d records", len(p.Records))
	}
	expect(t, "bad time", f.staffCall("GET", "/admin/order/conditionSearch?page=1&pageSize=10&beginTime=yesterday", nil),
		strings.Replace(MsgTimeParamInvalidFormat, "%s", "beginTime", 1))

	st := f.staffCall("GET", "/admin/order/statistics", nil)
	expect(t, "statistics", st, "")
	if string(st.Data) != `{"toBeConfirmed":1,"confirmed":1,"deliveryInProgress":2}` {
		t.Fatalf("statistics %s", st.Data)
	}

	d := f.staffCall("GET", path("/admin/order/details/%d", o4.id), nil)
	expect(t, "details", d, "")
	var rec map[string]json.RawMessage
	json.Unmarshal(d.Data, &rec)
	if !slices.Equal(keysOf(rec), orderKeys) || string(rec["orderDishes"]) != "null" || !strings.Contains(string(rec["orderDetailList"]), "宫保鸡丁") {
		t.Fatalf("details: %s", d.Data)
	}
	expect(t, "details missing", f.staffCall("GET", "/admin/order/details/999999999999999", nil), MsgOrderNotFound)
	expect(t, "details bad id", f.staffCall("GET", "/admin/order/details/abc", nil), "参数 id 不正确")
}
