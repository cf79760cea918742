package order

import (
	"encoding/json"
	"strings"
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/payment/wechatpaytest"
)

// browserCustomer signs a customer in as the storefront does, with a device key; they have no address.
func (f *fixture) browserCustomer(key string) shopper {
	f.t.Helper()
	r := apptest.Call(f.t, "POST", f.base+"/user/user/browser-login", map[string]string{"deviceKey": strings.Repeat(key, 43)})
	var login struct {
		ID    compat.ID `json:"id"`
		Token string    `json:"token"`
	}
	if r.Code != 1 || json.Unmarshal(r.Data, &login) != nil {
		f.t.Fatalf("browser login: %d %q", r.Code, r.Message())
	}
	return shopper{id: login.ID, token: login.Token}
}

// quoteOf asks for the price of the customer's cart.
func (f *fixture) quoteOf(s shopper, query string) (PriceQuote, apptest.Reply) {
	f.t.Helper()
	r := f.customerCall(s, "GET", "/user/order/quote"+query, nil)
	var q PriceQuote
	if r.Code == 1 {
		if err := json.Unmarshal(r.Data, &q); err != nil {
			f.t.Fatal(err)
		}
	}
	return q, r
}

func TestShopInfoTellsTheStorefrontHowToPay(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	info := func(f *fixture) map[string]any {
		t.Helper()
		r := apptest.Call(t, "GET", f.base+"/user/shop/info", nil) // no token: read before signing in
		var m map[string]any
		if r.Code != 1 || json.Unmarshal(r.Data, &m) != nil {
			t.Fatalf("info: %d %q", r.Code, r.Message())
		}
		return m
	}
	got := info(f)
	if got["status"] != 1.0 || got["deliveryFee"] != 6.0 || got["packingFee"] != 1.0 || got["payOnDelivery"] != false ||
		got["onlinePay"] != OnlinePayMock || got["name"] != "MyRestaurant" {
		t.Fatalf("info: %v", got)
	}
	expect(t, "turn pay on delivery on", f.staffCall("PUT", "/admin/shop/settings", map[string]any{"payOnDelivery": true}), "")
	if got := info(f); got["payOnDelivery"] != true {
		t.Fatalf("after turning pay on delivery on: %v", got)
	}
	// Without a payment provider there is no online payment to offer.
	if got := info(newFixture(t, nil)); got["onlinePay"] != "" {
		t.Fatalf("without payments: %v", got)
	}
}

// The quote is the very amount submit charges, in the parts the checkout shows; a table pays no delivery fee.
func TestQuoteIsWhatSubmitCharges(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	_, r := f.quoteOf(s, "")
	expect(t, "empty cart", r, MsgCartEmpty)

	amount := f.standardCart(s)
	q, r := f.quoteOf(s, "")
	expect(t, "quote", r, "")
	if q.DishAmount.String() != "118.00" || q.PackAmount != 5 || q.PackingFee.String() != "5.00" ||
		q.DeliveryFee.String() != "6.00" || q.Amount.Cents != amount || len(q.Items) != 2 {
		t.Fatalf("quote %+v, want 118.00 + 5 + 6.00 = %d cents", q, amount)
	}
	if it := q.Items[0]; it.Name != "宫保鸡丁" || it.Number != 2 || it.Amount.String() != "56.00" {
		t.Fatalf("first item %+v", it)
	}
	table, r := f.quoteOf(s, "?tableNo=12")
	expect(t, "table quote", r, "")
	if table.DeliveryFee.Cents != 0 || table.Amount.Cents != amount-600 {
		t.Fatalf("table quote %+v", table)
	}
	_, r = f.quoteOf(s, "?tableNo=%3Cscript%3E")
	expect(t, "bad table", r, MsgTableNoInvalid)

	body := f.submitBody(s, 0)
	body["amount"] = q.Amount.String()
	var placed SubmitResult
	r = f.customerCall(s, "POST", "/user/order/submit", body)
	expect(t, "submit the quoted amount", r, "")
	json.Unmarshal(r.Data, &placed)
	if placed.OrderAmount.Cents != q.Amount.Cents || f.order(placed.ID).Amount() != q.Amount.Cents {
		t.Fatalf("charged %s, quoted %s", placed.OrderAmount, q.Amount)
	}

	// A dish taken off sale while in the cart leaves it (the cart module's rule): the quote no longer has it.
	f.fill(s, f.rice, 1, f.chicken, 1)
	f.update("dishes", f.rice, map[string]any{"status": 0})
	q, r = f.quoteOf(s, "")
	expect(t, "off sale", r, "")
	if len(q.Items) != 1 || q.Items[0].Name != "宫保鸡丁" || q.Amount.Cents != chickenPrice+100+600 {
		t.Fatalf("quote after rice went off sale: %+v", q)
	}
	if r := f.customerCall(shopper{token: "bad"}, "GET", "/user/order/quote", nil); r.Status != 401 {
		t.Fatalf("quote without a customer: HTTP %d", r.Status)
	}
}

// A table's order needs no address and pays no delivery fee; every order says where it came from and for which
// table, to the customer and to staff.
func TestTableOrdersAndChannels(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	guest := f.browserCustomer("t")
	expect(t, "add", f.customerCall(guest, "POST", "/user/shoppingCart/add", map[string]any{"dishId": f.chicken}), "")
	q, _ := f.quoteOf(guest, "?tableNo=A12")
	r := f.customerCall(guest, "POST", "/user/order/submit", map[string]any{"tableNo": "A12", "amount": q.Amount.String(),
		"payMethod": 1, "tablewareNumber": 1, "tablewareStatus": 0})
	expect(t, "table submit", r, "")
	var placed SubmitResult
	json.Unmarshal(r.Data, &placed)
	o := f.order(placed.ID)
	if o.TableNo() != "A12" || o.Channel() != ChannelWeb || o.DeliveryFee() != 0 || o.Address() != "" ||
		o.AddressBookID() != "" || o.Amount() != chickenPrice+100 {
		t.Fatalf("table order: table %q channel %q fee %d address %q amount %d", o.TableNo(), o.Channel(), o.DeliveryFee(),
			o.Address(), o.Amount())
	}
	// Without a table the browser customer needs an address, as everyone does.
	expect(t, "add", f.customerCall(guest, "POST", "/user/shoppingCart/add", map[string]any{"dishId": f.rice}), "")
	expect(t, "delivery without an address", f.customerCall(guest, "POST", "/user/order/submit", map[string]any{"payMethod": 1}), MsgAddressEmpty)
	for _, bad := range []string{"12 3", strings.Repeat("1", 17), "1;drop"} {
		expect(t, "table "+bad, f.customerCall(guest, "POST", "/user/order/submit", map[string]any{"tableNo": bad}), MsgTableNoInvalid)
	}

	s := f.customer()
	mini := f.place(s)
	old := f.rawOrder(s, ToBeConfirmed, Paid) // written without a channel, as orders from before it were
	for _, c := range []struct {
		id             compat.ID
		channel, table string
		who            *shopper
	}{
		{placed.ID, ChannelWeb, "A12", &guest}, {mini.id, ChannelMiniProgram, "", &s}, {old.id, ChannelMiniProgram, "", &s},
	} {
		for _, r := range []apptest.Reply{
			f.staffCall("GET", path("/admin/order/details/%d", c.id), nil),
			f.customerCall(*c.who, "GET", path("/user/order/orderDetail/%d", c.id), nil),
		} {
			var v map[string]any
			json.Unmarshal(r.Data, &v)
			if v["channel"] != c.channel || v["tableNo"] != c.table {
				t.Errorf("order %d: channel %v table %v, want %q %q", c.id, v["channel"], v["tableNo"], c.channel, c.table)
			}
		}
	}
	var page struct {
		Records []map[string]any `json:"records"`
	}
	json.Unmarshal(f.staffCall("GET", "/admin/order/conditionSearch?page=1&pageSize=10", nil).Data, &page)
	tables := map[string]bool{}
	for _, row := range page.Records {
		tables[row["tableNo"].(string)+"/"+row["channel"].(string)] = true
	}
	if !tables["A12/web"] || !tables["/miniprogram"] {
		t.Fatalf("staff search rows: %v", tables)
	}
	var history struct {
		Records []map[string]any `json:"records"`
	}
	json.Unmarshal(f.customerCall(guest, "GET", "/user/order/historyOrders?page=1&pageSize=10", nil).Data, &history)
	if len(history.Records) != 1 || history.Records[0]["tableNo"] != "A12" || history.Records[0]["channel"] != ChannelWeb {
		t.Fatalf("history: %v", history.Records)
	}
}

// With WeChat Pay configured (here the v3 client against the local fake), a browser customer pays by scanning a
// Native QR code: the payment answer carries its codeUrl, and WeChat Pay's callback marks the order paid. A
// mini-program customer still gets the JSAPI parameters.
func TestBrowserCustomerPaysByNativeQRCode(t *testing.T) {
	fake := wechatpaytest.New(t)
	provider, err := payment.New(fake.Config)
	if err != nil {
		t.Fatal(err)
	}
	f := newFixture(t, provider)
	guest := f.browserCustomer("n")
	f.fill(guest, f.chicken, 1)
	q, _ := f.quoteOf(guest, "?tableNo=7")
	r := f.customerCall(guest, "POST", "/user/order/submit", map[string]any{"tableNo": "7", "amount": q.Amount.String()})
	expect(t, "submit", r, "")
	var placed SubmitResult
	json.Unmarshal(r.Data, &placed)

	r = f.customerCall(guest, "PUT", "/user/order/payment", map[string]any{"orderNumber": placed.OrderNumber, "payMethod": 1})
	expect(t, "pay", r, "")
	var params struct {
		CodeURL string `json:"codeUrl"`
	}
	json.Unmarshal(r.Data, &params)
	wx, ok := fake.Order(placed.OrderNumber)
	if !ok || params.CodeURL == "" || params.CodeURL != wx.CodeURL || wx.Total != q.Amount.Cents {
		t.Fatalf("payment answer %s, WeChat Pay has %+v", r.Data, wx)
	}
	if f.order(placed.ID).PayStatus() != Unpaid {
		t.Fatal("paid before the customer scanned")
	}
	_, body, header := fake.Pay(t, placed.OrderNumber)
	if status, reply := wechatpaytest.Post(t, f.base+"/notify/paySuccess", body, header); status != 200 {
		t.Fatalf("callback: %d %s", status, reply)
	}
	if got := f.order(placed.ID); got.Status() != ToBeConfirmed || got.PayStatus() != Paid {
		t.Fatalf("after the callback: %d/%d", got.Status(), got.PayStatus())
	}

	s := f.customer()
	o := f.place(s)
	r = f.pay(s, o)
	expect(t, "mini-program pay", r, "")
	if strings.Contains(string(r.Data), "codeUrl") || !strings.Contains(string(r.Data), `"packageStr":"prepay_id=`) {
		t.Fatalf("mini-program payment answer %s", r.Data)
	}
}
