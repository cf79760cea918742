package order

import (
	"encoding/json"
	"errors"
	"fmt"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"myrestaurant/modules/cart"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/shop"
)

func TestSubmitPricesTheOrderAndSnapshotsIt(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	if err := cart.AddItem(f.app, s.id, cart.Choice{DishID: f.chicken, Flavor: `["微辣"]`}, 2); err != nil {
		t.Fatal(err)
	}
	f.fill(s, f.rice, 3, f.setmeal, 1)
	// food 2×56 + 3×2 + 88 = 206.00, packing 6 items × 1.00, delivery 6.00
	const want = 2*chickenPrice + 3*ricePrice + setmealPrice + 6*100 + 600

	r := f.submit(s, want)
	expect(t, "submit", r, "")
	var vo map[string]any
	json.Unmarshal(r.Data, &vo)
	var ids struct {
		ID compat.ID `json:"id"`
	}
	json.Unmarshal(r.Data, &ids)
	if vo["orderAmount"] != 218.0 || !regexp.MustCompile(`^\d{16}$`).MatchString(fmt.Sprint(vo["orderNumber"])) ||
		!regexp.MustCompile(`^\d{4}-\d\d-\d\d \d\d:\d\d$`).MatchString(fmt.Sprint(vo["orderTime"])) || len(vo) != 4 {
		t.Fatalf("OrderSubmitVO: %s", r.Data)
	}
	if !strings.Contains(string(r.Data), `"orderAmount":218.00`) {
		t.Errorf("amount not written with two decimals: %s", r.Data)
	}

	v := f.staffCall("GET", path("/admin/order/details/%d", ids.ID), nil)
	expect(t, "details", v, "")
	var got View
	json.Unmarshal(v.Data, &got)
	if got.Status != PendingPayment || got.PayStatus != Unpaid || got.Amount.Cents != want || got.PackAmount != 6 ||
		got.UserID != s.id || got.AddressBookID != s.address || got.PayMethod != 1 || got.Remark.Value != "少放辣" ||
		got.Consignee.Value != "张三" || got.Phone.Value != "13812345678" || got.Address.Value != "北京市北京市海淀区上地十街10号" ||
		!strings.HasPrefix(got.UserName.Value, "顾客") || got.DeliveryStatus != 0 || got.TablewareNumber != 2 || got.TablewareStatus != 0 ||
		got.EstimatedDeliveryTime.In(clock.Zone()).Format("2006-01-02 15:04") != "2030-01-02 12:30" {
		t.Fatalf("stored order: %s", v.Data)
	}
	if n := f.order(got.ID).DeliveryFee(); n != 600 {
		t.Errorf("delivery_fee %d", n)
	}
	var lines []string
	for _, d := range got.OrderDetailList {
		lines = append(lines, fmt.Sprintf("%s|%s|%d|%s|%s|%t|%t", d.Name, d.DishFlavor.Value, d.Number, d.Amount, d.Image, d.DishID != 0, d.SetmealID != 0))
	}
	wantLines := []string{"宫保鸡丁|[\"微辣\"]|2|56.00|chicken.png|true|false", "商务套餐A||1|88.00|set.png|false|true", "米饭||3|2.00|rice.png|true|false"}
	slices.Sort(lines)
	slices.Sort(wantLines)
	if strings.Join(lines, "\n") != strings.Join(wantLines, "\n") {
		t.Fatalf("details:\n%s", strings.Join(lines, "\n"))
	}
	if items, _ := cart.Items(f.app, s.id); len(items) != 0 {
		t.Fatalf("cart not cleared: %d rows", len(items))
	}
	// Nothing left to order.
	expect(t, "submit again", f.submit(s, want), MsgCartEmpty)
}

func TestSubmitUsesTheShopsFees(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	if _, err := shop.Update(f.app, shop.SettingsInput{DeliveryFee: compat.Cents(0), PackingFee: compat.Cents(150)}); err != nil {
		t.Fatal(err)
	}
	s := f.customer()
	f.fill(s, f.rice, 3)
	const want = 3*ricePrice + 3*150
	expect(t, "submit", f.submit(s, want), "")
	var o View
	res, _ := History(f.app, s.id, compat.Page{Page: 1, Size: 10}, compat.Int{})
	o = res.Records[0]
	if o.Amount.Cents != want || o.PackAmount != 5 { // 4.50 of packing is 5 whole yuan
		t.Fatalf("amount %s pack %d", o.Amount, o.PackAmount)
	}
}

func TestSubmitRefusals(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	other := f.customer()
	amount := f.standardCart(s)

	// The customer saw another price: nothing is ordered and the cart stays.
	expect(t, "amount differs", f.submit(s, amount-1), fmt.Sprintf(MsgAmountChangedFormat, compat.Cents(amount)))
	// The menu price changed after the cart was filled.
	f.update("dishes", f.rice, map[string]any{"price": ricePrice + 100})
	expect(t, "price changed", f.submit(s, amount), fmt.Sprintf(MsgAmountChangedFormat, compat.Cents(amount+3*100)))
	f.update("dishes", f.rice, map[string]any{"price": ricePrice})

	body := f.submitBody(s, amount)
	body["addressBookId"] = other.address
	expect(t, "someone else's address", f.customerCall(s, "POST", "/user/order/submit", body), MsgAddressEmpty)
	delete(body, "addressBookId")
	expect(t, "no address", f.customerCall(s, "POST", "/user/order/submit", body), MsgAddressEmpty)

	// The route answers SubmitInput.check's refusals (every one is TestSubmitInputCheck).
	body = f.submitBody(s, amount)
	body["payMethod"] = 4
	expect(t, "pay method", f.customerCall(s, "POST", "/user/order/submit", body), MsgPayMethodInvalid)
	body = f.submitBody(s, amount)
	body["estimatedDeliveryTime"] = "tomorrow"
	if r := f.customerCall(s, "POST", "/user/order/submit", body); r.Code != 0 || !strings.HasPrefix(r.Message(), compat.MsgBadRequest) {
		t.Errorf("bad time: %q", r.Message())
	}

	// An item taken off sale, or in a category that was disabled, leaves the cart: the customer is told the
	// new amount, and the cart is one that can be ordered.
	f.update("dishes", f.chicken, map[string]any{"status": 0})
	expect(t, "off sale", f.submit(s, amount), fmt.Sprintf(MsgAmountChangedFormat, compat.Cents(3*ricePrice+3*100+600)))
	f.update("dishes", f.chicken, map[string]any{"status": 1})
	f.fill(s, f.chicken, 2)
	f.update("categories", f.dishCategory, map[string]any{"status": 0})
	expect(t, "category disabled", f.submit(s, amount), MsgCartEmpty)
	f.update("categories", f.dishCategory, map[string]any{"status": 1})
	f.fill(s, f.chicken, 2, f.rice, 3)

	// The shop is closed.
	if err := shop.SetStatus(f.app, shop.Closed); err != nil {
		t.Fatal(err)
	}
	expect(t, "closed", f.submit(s, amount), MsgShopClosed)
	if err := shop.SetStatus(f.app, shop.Open); err != nil {
		t.Fatal(err)
	}

	if n, _ := f.app.CountRecords(OrdersCollection); n != 0 {
		t.Fatalf("%d orders stored by refused submits", n)
	}
	if items, _ := cart.Items(f.app, s.id); len(items) != 2 {
		t.Fatalf("cart changed: %d rows", len(items))
	}
	// An empty cart.
	expect(t, "empty cart", f.submit(other, 600), MsgCartEmpty)
	// After all that, the same cart goes through; a client that sends no amount is priced by the server alone.
	body = f.submitBody(s, amount)
	delete(body, "amount")
	expect(t, "submit", f.customerCall(s, "POST", "/user/order/submit", body), "")
}

// 50 customers submitting at once each get their own order, correctly priced, with its items.
func TestConcurrentSubmits(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	const n = 50
	shoppers := make([]shopper, n)
	amounts := make([]int64, n)
	for i := range shoppers {
		shoppers[i] = f.customer()
		f.fill(shoppers[i], f.chicken, 1+i%3, f.rice, 1+i%2)
		amounts[i] = int64(1+i%3)*chickenPrice + int64(1+i%2)*ricePrice + int64(2+i%3+i%2)*100 + 600
	}
	type result struct {
		number string
		amount float64
		err    error
		msg    string
	}
	results := make([]result, n)
	var wg sync.WaitGroup
	start := make(chan struct{})
	for i := range shoppers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			r, err := call("POST", f.base+"/user/order/submit", f.submitBody(shoppers[i], amounts[i]), "authentication", shoppers[i].token)
			var vo struct {
				OrderNumber string  `json:"orderNumber"`
				OrderAmount float64 `json:"orderAmount"`
			}
			json.Unmarshal(r.Data, &vo)
			results[i] = result{vo.OrderNumber, vo.OrderAmount, err, r.Message()}
		}()
	}
	close(start)
	wg.Wait()
	seen := map[string]bool{}
	for i, r := range results {
		if r.err != nil || r.number == "" {
			t.Fatalf("customer %d: %v %q", i, r.err, r.msg)
		}
		if seen[r.number] {
			t.Fatalf("order number %s given twice", r.number)
		}
		seen[r.number] = true
		if int64(r.amount*100+0.5) != amounts[i] {
			t.Errorf("customer %d: amount %.2f, want %s", i, r.amount, compat.Cents(amounts[i]))
		}
	}
	var orders, orphans int
	f.app.DB().NewQuery("SELECT count(*) FROM orders").Row(&orders)
	f.app.DB().NewQuery("SELECT count(*) FROM orders o WHERE NOT EXISTS (SELECT 1 FROM order_details d WHERE d.`order` = o.id)").Row(&orphans)
	if orders != n || orphans != 0 {
		t.Fatalf("%d orders, %d without details", orders, orphans)
	}
	var left int
	f.app.DB().NewQuery("SELECT count(*) FROM cart_items").Row(&left)
	if left != 0 {
		t.Fatalf("%d cart rows left", left)
	}
}

func TestOrderNumbersIncreaseAndSkipPastClashes(t *testing.T) {
	var s numberSource
	now := mustTime(t, "2030-01-02 12:00:00")
	a, b := s.next(now), s.next(now)
	if len(a) != 16 || b <= a {
		t.Fatalf("%s then %s", a, b)
	}
	s.skipPast("9999999999999999")
	if c := s.next(now); c != "10000000000000000" {
		t.Fatalf("after a clash: %s", c)
	}
}

// SubmitInput.check fills in the original's defaults and refuses what the order's columns cannot hold.
func TestSubmitInputCheck(t *testing.T) {
	tests := []struct {
		name string
		in   SubmitInput
		want string      // the refusal, "" when accepted
		then SubmitInput // the input after an accepted check
	}{
		{name: "defaults", in: SubmitInput{},
			then: SubmitInput{PayMethod: compat.IntOf(PayWeChat), DeliveryStatus: compat.IntOf(1), TablewareStatus: compat.IntOf(1),
				Channel: ChannelMiniProgram}},
		{name: "given values kept",
			in: SubmitInput{PayMethod: compat.IntOf(PayAlipay), DeliveryStatus: compat.IntOf(0), TablewareStatus: compat.IntOf(0),
				TablewareNumber: compat.IntOf(maxTablewareNumber), Remark: compat.Text{Value: strings.Repeat("辣", maxRemark), Valid: true}},
			then: SubmitInput{PayMethod: compat.IntOf(PayAlipay), DeliveryStatus: compat.IntOf(0), TablewareStatus: compat.IntOf(0),
				TablewareNumber: compat.IntOf(maxTablewareNumber), Remark: compat.Text{Value: strings.Repeat("辣", maxRemark), Valid: true},
				Channel: ChannelMiniProgram}},
		{name: "a table, trimmed, from the storefront",
			in: SubmitInput{PayMethod: compat.IntOf(PayOnDelivery), TableNo: compat.Text{Value: " 包间3 ", Valid: true}, Channel: ChannelWeb},
			then: SubmitInput{PayMethod: compat.IntOf(PayOnDelivery), DeliveryStatus: compat.IntOf(1), TablewareStatus: compat.IntOf(1),
				TableNo: compat.Text{Value: "包间3", Valid: true}, Channel: ChannelWeb}},
		{name: "a table with a space", in: SubmitInput{TableNo: compat.Text{Value: "1 2", Valid: true}}, want: MsgTableNoInvalid},
		{name: "unknown pay method", in: SubmitInput{PayMethod: compat.IntOf(4)}, want: MsgPayMethodInvalid},
		{name: "pay method zero", in: SubmitInput{PayMethod: compat.IntOf(0)}, want: MsgPayMethodInvalid},
		{name: "remark too long", in: SubmitInput{Remark: compat.Text{Value: strings.Repeat("辣", maxRemark+1), Valid: true}},
			want: MsgRemarkTooLong},
		{name: "unknown delivery status", in: SubmitInput{DeliveryStatus: compat.IntOf(2)}, want: MsgDeliveryStatusInvalid},
		{name: "unknown tableware status", in: SubmitInput{TablewareStatus: compat.IntOf(5)}, want: MsgTablewareInvalid},
		{name: "negative tableware number", in: SubmitInput{TablewareNumber: compat.IntOf(-1)}, want: MsgTablewareInvalid},
		{name: "too many tableware", in: SubmitInput{TablewareNumber: compat.IntOf(maxTablewareNumber + 1)}, want: MsgTablewareInvalid},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := tc.in
			err := in.check()
			if tc.want != "" {
				var ce *compat.Error
				if !errors.As(err, &ce) || ce.Msg != tc.want {
					t.Fatalf("error %v, want %q", err, tc.want)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if in != tc.then {
				t.Errorf("after check %+v, want %+v", in, tc.then)
			}
		})
	}
}
