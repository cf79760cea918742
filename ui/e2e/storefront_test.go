package e2e

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
	"myrestaurant/modules/payment/wechatpaytest"
	"myrestaurant/ui"
)

// storefrontApp is a demo shop (the demo menu, open; the mock payment unless cfg configures WeChat Pay) with the
// storefront, served on a real port, and the token of a staff member working it from another session.
func storefrontApp(t testing.TB, cfg config.Config) (app core.App, base, staffToken string) {
	t.Helper()
	cfg.Demo = true
	app = apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &cfg); err != nil {
			t.Fatal(err)
		}
		ui.Register(app)
	})
	base = apptest.Serve(t, app)
	_, staffToken = apptest.Employee(t, app, "owner", 1)
	return app, base, staffToken
}

// phone starts headless Chromium as a phone (iPhone X: 375×812, mobile, touch) with an empty profile.
func phone(t *testing.T, chromium string) (context.Context, *consoleErrors) {
	t.Helper()
	ctx, errs := browser(t, chromium)
	run(t, ctx, "phone", chromedp.Emulate(device.IPhoneX))
	return ctx, errs
}

// phoneShot saves what the phone's screen shows under test-artifacts.
func phoneShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	var buf []byte
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Run(c, chromedp.Sleep(400*time.Millisecond), chromedp.CaptureScreenshot(&buf)); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	writeArtifact(t, "storefront-"+name+".png", buf)
}

// text waits until the element sel exists and its text contains want.
func text(sel, want string) chromedp.Action {
	return evalTrue(fmt.Sprintf(`(() => { const el = document.querySelector(%q); return !!el && el.textContent.includes(%q); })()`, sel, want))
}

// jsClick clicks the element sel as a tap would, once it is there.
func jsClick(sel string) chromedp.Action {
	return evalTrue(fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el || el.disabled) return false; el.click(); return true; })()`, sel))
}

// customerToken is the token the storefront signed in with in this browser.
func customerToken(t *testing.T, ctx context.Context) string {
	t.Helper()
	var tok string
	run(t, ctx, "read token", chromedp.Evaluate(`localStorage.getItem('myrestaurant.storefront.token') || ''`, &tok))
	if tok == "" {
		t.Fatal("the storefront holds no customer token")
	}
	return tok
}

type storefrontOrder struct {
	ID          json.Number `json:"id"`
	Number      string      `json:"number"`
	Status      int         `json:"status"`
	PayMethod   int         `json:"payMethod"`
	PayStatus   int         `json:"payStatus"`
	Amount      float64     `json:"amount"`
	TableNo     string      `json:"tableNo"`
	Channel     string      `json:"channel"`
	Address     string      `json:"address"`
	Remark      string      `json:"remark"`
	Tableware   int         `json:"tablewareNumber"`
	DeliveryFee float64     `json:"deliveryFee"`
}

// lastOrder is the customer's newest order as the compat API gives it.
func lastOrder(t *testing.T, base, token string) storefrontOrder {
	t.Helper()
	r := ok(t, "history", apptest.Call(t, "GET", base+"/user/order/historyOrders?page=1&pageSize=1", nil, "authentication", token))
	var page struct {
		Records []storefrontOrder `json:"records"`
	}
	if err := json.Unmarshal(r.Data, &page); err != nil || len(page.Records) == 0 {
		t.Fatalf("history: %s (%v)", r.Data, err)
	}
	return page.Records[0]
}

// networkLog counts what the browser fetches: requests and bytes on the wire (headers and bodies, compressed).
type networkLog struct {
	mu       sync.Mutex
	requests map[network.RequestID]string
	bytes    map[network.RequestID]float64
}

func watchNetwork(t *testing.T, ctx context.Context) *networkLog {
	l := &networkLog{requests: map[network.RequestID]string{}, bytes: map[network.RequestID]float64{}}
	chromedp.ListenTarget(ctx, func(ev any) {
		l.mu.Lock()
		defer l.mu.Unlock()
		switch e := ev.(type) {
		case *network.EventRequestWillBeSent:
			l.requests[e.RequestID] = e.Request.URL
		case *network.EventLoadingFinished:
			l.bytes[e.RequestID] = e.EncodedDataLength
		}
	})
	run(t, ctx, "network", network.Enable())
	return l
}

func (l *networkLog) reset() {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.requests = map[network.RequestID]string{}
	l.bytes = map[network.RequestID]float64{}
}

// count is how many requests went to a URL containing part since the last reset.
func (l *networkLog) count(part string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, url := range l.requests {
		if strings.Contains(url, part) {
			n++
		}
	}
	return n
}

func (l *networkLog) report(t *testing.T, base, what string) {
	l.mu.Lock()
	defer l.mu.Unlock()
	var total float64
	var lines []string
	for id, url := range l.requests {
		total += l.bytes[id]
		lines = append(lines, fmt.Sprintf("%7.0f B  %s", l.bytes[id], strings.TrimPrefix(url, base)))
	}
	sort.Strings(lines)
	t.Logf("storefront %s: %d requests, %.1f KB transferred\n%s", what, len(l.requests), total/1024, strings.Join(lines, "\n"))
}

// A new customer orders from an empty phone browser: menu, flavors, cart, a new address, checkout with the
// server's total, mock payment; the order page then follows the order by itself while staff accept, send and
// complete it in another session; the order list shows it and orders it again.
func TestStorefrontNewCustomerOrdersAndWatchesTheOrderLive(t *testing.T) {
	chromium := requireBrowser(t)
	_, base, staff := storefrontApp(t, config.Config{})
	ctx, errs := phone(t, chromium)
	netlog := watchNetwork(t, ctx)

	run(t, ctx, "open menu", chromedp.Navigate(base+"/order/"), chromedp.WaitVisible(".item .choose", chromedp.ByQuery),
		text("#shop-status", "营业中"), text(".cats button.on", "蜀味烤鱼"), chromedp.Sleep(1500*time.Millisecond))
	netlog.report(t, base, "first load")
	netlog.reset()
	run(t, ctx, "second visit", chromedp.Reload(), chromedp.WaitVisible(".item .choose", chromedp.ByQuery), chromedp.Sleep(1500*time.Millisecond))
	netlog.report(t, base, "second visit")
	phoneShot(t, ctx, "01-menu")

	// A dish with flavors goes in through its flavor sheet: one value per row, the first preselected.
	run(t, ctx, "flavors", clickText(".item .choose", "选规格"), chromedp.WaitVisible(".sheet .flavor-row", chromedp.ByQuery),
		evalTrue(`document.querySelectorAll('.sheet .chip.on').length === 1`))
	run(t, ctx, "pick flavor", clickText(".sheet .chip", "中辣"), evalTrue(`document.querySelector('.sheet .chip.on').textContent === '中辣'`))
	phoneShot(t, ctx, "02-flavors")
	run(t, ctx, "no flavor chosen", clickText(".sheet .chip", "中辣"), jsClick("#flavor-add"), text(".toast", "请选择规格"))
	run(t, ctx, "add with flavor", clickText(".sheet .chip", "微辣"), jsClick("#flavor-add"), text("#cart-count", "1"))
	// A set meal, with its contents in its sheet, and a plain dish twice.
	run(t, ctx, "set meals", clickText(".cats button", "人气套餐"), text(".dishes", "酸菜鱼单人餐"),
		jsClick(`.item[data-item="酸菜鱼单人餐"] .item-pic`), text(".sheet .setmeal-contents", "米饭"))
	phoneShot(t, ctx, "03-setmeal")
	run(t, ctx, "add set meal", jsClick("#detail-add"), text("#cart-count", "2"), chromedp.WaitNotPresent(".overlay", chromedp.ByQuery),
		text(`.item[data-item="酸菜鱼单人餐"] .n`, "1"))
	run(t, ctx, "add drink", clickText(".cats button", "酒水饮料"), jsClick(`.item[data-item="北冰洋"] .plus`), text("#cart-count", "3"),
		jsClick(`.item[data-item="北冰洋"] .plus`), text("#cart-count", "4"), text(`.item[data-item="北冰洋"] .n`, "2"))
	run(t, ctx, "cart", jsClick("#cart-open"), chromedp.WaitVisible(".sheet .cart-lines", chromedp.ByQuery),
		text(`.cart-line[data-line="鮰鱼2斤"]`, "微辣"))
	phoneShot(t, ctx, "04-cart")
	run(t, ctx, "one drink less", jsClick(`.cart-line[data-line="北冰洋"] .minus`), text("#cart-count", "3"),
		chromedp.Evaluate(`document.querySelector('.overlay').remove()`, nil))

	// Checkout asks for an address first; the new one becomes the default and is chosen.
	run(t, ctx, "checkout", jsClick("#go-checkout"), chromedp.WaitVisible("#address-pick", chromedp.ByQuery), text("#address-pick", "请选择收货地址"),
		text("#quote-amount", "¥"))
	phoneShot(t, ctx, "05-checkout-no-address")
	run(t, ctx, "address book", jsClick("#address-pick"), text(".addresses", "还没有收货地址"), jsClick("#address-add"),
		chromedp.WaitVisible("#address-consignee", chromedp.ByQuery))
	run(t, ctx, "bad phone", typeInto("#address-consignee", "王小明"), typeInto("#address-phone", "12345"),
		typeInto("#address-detail", "海淀区上地十街10号 3号楼502"), jsClick(`[data-label="2"]`), jsClick("#address-save"),
		text("#address-error", "请输入正确的手机号"))
	phoneShot(t, ctx, "06-address-form")
	run(t, ctx, "save address", typeInto("#address-phone", "13912345678"), jsClick("#address-save"),
		text("#address-pick", "上地十街10号"), text("#address-pick", "王小明 先生 13912345678"))
	tok := customerToken(t, ctx)
	var quote struct {
		Amount float64 `json:"amount"`
	}
	r := ok(t, "quote", apptest.Call(t, "GET", base+"/user/order/quote", nil, "authentication", tok))
	if err := json.Unmarshal(r.Data, &quote); err != nil || quote.Amount <= 0 {
		t.Fatalf("quote: %s", r.Data)
	}
	// The page shows the server's own total, with its parts.
	run(t, ctx, "server total", text("#quote-amount", fmt.Sprintf("¥%.2f", quote.Amount)), text("#quote", "配送费"), text("#quote", "打包费"))
	run(t, ctx, "time slot", jsClick("#time-pick"), clickText(".sheet .tabs button", "明天"), jsClick(`.sheet [data-slot="12:00"]`),
		text("#time-pick", "明天 12:00"))
	run(t, ctx, "tableware", jsClick("#tableware-pick"), jsClick(`.sheet [data-tableware="2"]`), text("#tableware-pick", "2"),
		typeInto("#remark", "不要香菜"))
	phoneShot(t, ctx, "07-checkout")

	// Placing the order pays it (the demo's mock) and opens the order page.
	run(t, ctx, "place order", jsClick("#place-order"), chromedp.WaitVisible("#order-status", chromedp.ByQuery),
		evalTrue(`document.querySelector('#order-status').dataset.status === '2'`), text("#order-status", "等待商家接单"),
		text("#live", "实时更新"))
	phoneShot(t, ctx, "08-order-paid")
	placed := lastOrder(t, base, tok)
	if placed.Status != 2 || placed.Amount != quote.Amount || placed.Channel != "web" || placed.Remark != "不要香菜" || placed.Tableware != 2 {
		t.Fatalf("order placed from the storefront: %+v (quote %.2f)", placed, quote.Amount)
	}

	// Nothing asks the server while nothing changes: the page waits for realtime, it does not poll.
	netlog.reset()
	run(t, ctx, "idle", chromedp.Sleep(3*time.Second))
	if n := netlog.count("/user/"); n != 0 {
		t.Errorf("the order page sent %d API requests in 3 idle seconds", n)
	}
	// Staff work the order in another session; the page follows without being reloaded.
	run(t, ctx, "mark page", chromedp.Evaluate(`window.__samePage = true`, nil))
	ok(t, "confirm", apptest.Call(t, "PUT", base+"/admin/order/confirm", map[string]any{"id": placed.ID}, "token", staff))
	run(t, ctx, "accepted live", text("#order-status", "已接单"), evalTrue(`window.__samePage === true`))
	phoneShot(t, ctx, "09-order-accepted")
	ok(t, "delivery", apptest.Call(t, "PUT", base+"/admin/order/delivery/"+placed.ID.String(), nil, "token", staff))
	run(t, ctx, "out for delivery live", text("#order-status", "订单派送中"), evalTrue(`window.__samePage === true`))
	ok(t, "complete", apptest.Call(t, "PUT", base+"/admin/order/complete/"+placed.ID.String(), nil, "token", staff))
	run(t, ctx, "completed live", text("#order-status", "订单已完成"), evalTrue(`window.__samePage === true`))
	phoneShot(t, ctx, "10-order-completed")

	// The order list, and the same order again into the cart.
	run(t, ctx, "history", chromedp.Navigate(base+"/order/#/orders"), chromedp.WaitVisible(fmt.Sprintf(`[data-order="%s"]`, placed.Number), chromedp.ByQuery), text(".history-card .word", "已完成"))
	phoneShot(t, ctx, "11-history")
	run(t, ctx, "order again", clickText(".history-card .actions button", "再来一单"), chromedp.WaitVisible(".item", chromedp.ByQuery),
		text("#cart-count", "3"))
	run(t, ctx, "english", jsClick("#lang-switch"), text("#my-orders", "My orders"), text("#go-checkout", "Checkout"))
	phoneShot(t, ctx, "12-menu-english")
	run(t, ctx, "english checkout", jsClick("#go-checkout"), text("#place-order", "Place order"), text("#quote", "Delivery"))
	phoneShot(t, ctx, "13-checkout-english")
	run(t, ctx, "chinese", jsClick("#lang-switch"), text("#place-order", "提交订单"), chromedp.Navigate(base+"/order/"),
		text("#my-orders", "我的订单"))

	// A second visit is the same customer.
	run(t, ctx, "reload", chromedp.Reload(), chromedp.WaitVisible(".item", chromedp.ByQuery), text("#cart-count", "3"))
	if again := customerToken(t, ctx); lastOrder(t, base, again).Number != placed.Number {
		t.Error("after a reload the browser is another customer")
	}
	noBrowserErrors(t, errs)
}

// The shop closed, a dish stopped while it is in the cart, paying on delivery, and an order for a table.
func TestStorefrontClosedShopStoppedDishPayOnDeliveryAndTable(t *testing.T) {
	chromium := requireBrowser(t)
	_, base, staff := storefrontApp(t, config.Config{})
	ctx, errs := phone(t, chromium)

	// Closed: said plainly, nothing can be added or checked out.
	ok(t, "close shop", apptest.Call(t, "PUT", base+"/admin/shop/0", "0", "token", staff))
	run(t, ctx, "closed", chromedp.Navigate(base+"/order/"), chromedp.WaitVisible("#shop-closed", chromedp.ByQuery),
		text("#shop-closed", "本店已打烊"), text("#shop-status", "已打烊"), chromedp.WaitVisible(".item", chromedp.ByQuery),
		evalTrue(`document.querySelector('#go-checkout').disabled && [...document.querySelectorAll('.item .plus, .item .choose')].every(b => b.disabled)`))
	phoneShot(t, ctx, "20-closed")
	ok(t, "open shop", apptest.Call(t, "PUT", base+"/admin/shop/1", "1", "token", staff))

	// A dish in the cart goes off sale before checkout: checkout names it and sends the customer to the cart.
	run(t, ctx, "open again", chromedp.Reload(), chromedp.WaitVisible(".item", chromedp.ByQuery), text("#shop-status", "营业中"),
		clickText(".cats button", "酒水饮料"), jsClick(`.item[data-item="王老吉"] .plus`), text("#cart-count", "1"),
		jsClick(`.item[data-item="北冰洋"] .plus`), text("#cart-count", "2"))
	tok := customerToken(t, ctx)
	r := ok(t, "cart", apptest.Call(t, "GET", base+"/user/shoppingCart/list", nil, "authentication", tok))
	var lines []struct {
		DishID json.Number `json:"dishId"`
		Name   string      `json:"name"`
	}
	if err := json.Unmarshal(r.Data, &lines); err != nil {
		t.Fatal(err)
	}
	for _, l := range lines {
		if l.Name == "王老吉" {
			ok(t, "stop dish", apptest.Call(t, "POST", base+"/admin/dish/status/0?id="+l.DishID.String(), nil, "token", staff))
		}
	}
	// The server takes a stopped item out of every cart; checkout says which one went, and prices the rest.
	run(t, ctx, "stopped at checkout", jsClick("#go-checkout"), chromedp.WaitVisible("#cart-notice", chromedp.ByQuery),
		text("#cart-notice", "王老吉"), text("#cart-notice", "已停售"), text("#quote-amount", "¥11.00"),
		evalTrue(`!document.querySelector('.checkout').textContent.includes('¥6.00 ') && document.querySelectorAll('.checkout .order-line').length === 1`))
	phoneShot(t, ctx, "21-dish-stopped")
	// Stopped between the quote and the order: the server refuses the order, naming the item, and the page shows
	// the cart as it now is.
	r = ok(t, "cart again", apptest.Call(t, "GET", base+"/user/shoppingCart/list", nil, "authentication", tok))
	if err := json.Unmarshal(r.Data, &lines); err != nil || len(lines) != 1 || lines[0].Name != "北冰洋" {
		t.Fatalf("cart after stopping a dish: %s", r.Data)
	}
	ok(t, "address for the refused order", apptest.Call(t, "POST", base+"/user/addressBook", map[string]any{"consignee": "李四", "phone": "13800001111", "sex": "1",
		"detail": "朝阳区建国路88号", "label": "1"}, "authentication", tok))
	run(t, ctx, "choose address", jsClick("#address-pick"), jsClick(`[data-address="朝阳区建国路88号"] .address-body`),
		text("#address-pick", "朝阳区建国路88号"), text("#address-pick", "李四 女士"))
	ok(t, "stop the drink too", apptest.Call(t, "POST", base+"/admin/dish/status/0?id="+lines[0].DishID.String(), nil, "token", staff))
	run(t, ctx, "refused", jsClick("#place-order"), text(".toast", "购物车数据为空"), text("#cart-notice", "北冰洋"))
	phoneShot(t, ctx, "21b-refused")
	ok(t, "sell the drink again", apptest.Call(t, "POST", base+"/admin/dish/status/1?id="+lines[0].DishID.String(), nil, "token", staff))
	run(t, ctx, "back to the menu", chromedp.Navigate(base+"/order/"), chromedp.WaitVisible(".item", chromedp.ByQuery),
		clickText(".cats button", "酒水饮料"), jsClick(`.item[data-item="北冰洋"] .plus`), text("#cart-count", "1"))

	// Pay on delivery, once the owner allows it.
	ok(t, "allow pay on delivery", apptest.Call(t, "PUT", base+"/admin/shop/settings", map[string]any{"payOnDelivery": true}, "token", staff))
	run(t, ctx, "checkout with cash", chromedp.Reload(), chromedp.WaitVisible(".item", chromedp.ByQuery), jsClick("#go-checkout"),
		chromedp.WaitVisible("#address-pick", chromedp.ByQuery), text("#address-pick", "朝阳区建国路88号"), text(".checkout", "货到付款"),
		clickText(".checkout label.radio", "货到付款"), evalTrue(`document.querySelector('input[name=pay][value="3"]').checked`))
	phoneShot(t, ctx, "22-checkout-pay-on-delivery")
	run(t, ctx, "place cash order", jsClick("#place-order"), chromedp.WaitVisible("#order-status", chromedp.ByQuery),
		text("#order-status", "等待商家接单"), text("#pay-method", "货到付款 · 未支付"))
	phoneShot(t, ctx, "23-order-pay-on-delivery")
	run(t, ctx, "reminder", jsClick("#remind"), text(".toast", "您的催单信息已发出"))
	cash := lastOrder(t, base, tok)
	if cash.PayMethod != 3 || cash.PayStatus != 0 || cash.Status != 2 {
		t.Fatalf("pay on delivery order: %+v", cash)
	}
	// The kitchen turns it down: the page says so, and why, by itself.
	ok(t, "reject", apptest.Call(t, "PUT", base+"/admin/order/rejection", map[string]any{"id": cash.ID, "rejectionReason": "北冰洋已售完"}, "token", staff))
	run(t, ctx, "rejected live", text("#order-status", "订单已取消"), text("#status-note", "商家拒单：北冰洋已售完"),
		evalTrue(`!document.querySelector('#status-note').textContent.includes('退回')`))
	phoneShot(t, ctx, "23b-rejected")

	// A table's order: no address, no delivery fee, the table shown.
	run(t, ctx, "table", chromedp.Navigate(base+"/order/?table=12"), chromedp.WaitVisible(".item", chromedp.ByQuery),
		text("#table-badge", "12"), clickText(".cats button", "汤类"), jsClick(`.item[data-item="鸡蛋汤"] .plus`), text("#cart-count", "1"))
	phoneShot(t, ctx, "24-table-menu")
	run(t, ctx, "table checkout", jsClick("#go-checkout"), chromedp.WaitVisible("#table-card", chromedp.ByQuery), text("#table-card", "桌号 12"),
		evalTrue(`!document.querySelector('#address-pick') && !document.querySelector('#quote').textContent.includes('配送费')`),
		text("#quote-amount", "¥5.00"))
	phoneShot(t, ctx, "25-table-checkout")
	run(t, ctx, "table order", clickText(".checkout label.radio", "模拟支付"), jsClick("#place-order"), chromedp.WaitVisible("#order-status", chromedp.ByQuery),
		text("#order-status", "等待商家接单"), text(".page.order", "桌号"), text(".page.order", "12"))
	phoneShot(t, ctx, "26-table-order")
	if o := lastOrder(t, base, tok); o.TableNo != "12" || o.Amount != 5 || o.Address != "" {
		t.Fatalf("table order: %+v", o)
	}

	// A customer cancels an order waiting for the shop; the page says so and why.
	run(t, ctx, "cancel", jsClick("#cancel-order"), jsClick(".sheet [data-yes]"), text("#order-status", "订单已取消"),
		text("#status-note", "用户取消"))
	phoneShot(t, ctx, "27-cancelled")
	run(t, ctx, "cancelled tab", chromedp.Navigate(base+"/order/#/orders"), chromedp.WaitVisible(".history-card", chromedp.ByQuery),
		jsClick(`[data-tab="6"]`), text(".tabs .on", "已取消"), text(".history-list", "已取消"),
		evalTrue(`document.querySelectorAll('.history-card').length === 2`), jsClick(`[data-tab="1"]`), text(".history-list", "还没有订单"))

	// The address book: edit, make default, delete.
	run(t, ctx, "addresses", chromedp.Navigate(base+"/order/#/addresses"), chromedp.WaitVisible(`[data-address="朝阳区建国路88号"]`, chromedp.ByQuery),
		jsClick(`[data-address="朝阳区建国路88号"] [data-edit]`), chromedp.WaitVisible("#address-detail", chromedp.ByQuery),
		evalTrue(`document.querySelector('#address-consignee').value === '李四'`),
		typeInto("#address-detail", "朝阳区建国路99号"), jsClick(`[data-label="3"]`), jsClick("#address-save"),
		chromedp.WaitVisible(`[data-address="朝阳区建国路99号"]`, chromedp.ByQuery), text(`[data-address="朝阳区建国路99号"]`, "学校"),
		jsClick("#address-add"), typeInto("#address-consignee", "张三"), typeInto("#address-phone", "13700002222"),
		typeInto("#address-detail", "西城区金融街1号"), jsClick("#address-save"),
		chromedp.WaitVisible(`[data-address="西城区金融街1号"]`, chromedp.ByQuery),
		jsClick(`[data-address="西城区金融街1号"] [data-default]`),
		evalTrue(`document.querySelector('[data-address="西城区金融街1号"] [data-default]').checked && document.querySelector('[data-address="西城区金融街1号"]').textContent.includes('默认')`))
	phoneShot(t, ctx, "28-addresses")
	run(t, ctx, "delete address", jsClick(`[data-address="朝阳区建国路99号"] [data-delete]`), jsClick(".sheet [data-yes]"),
		chromedp.WaitNotPresent(`[data-address="朝阳区建国路99号"]`, chromedp.ByQuery))
	var book []struct {
		Detail    string `json:"detail"`
		Label     string `json:"label"`
		IsDefault int    `json:"isDefault"`
	}
	r = ok(t, "address book", apptest.Call(t, "GET", base+"/user/addressBook/list", nil, "authentication", tok))
	if err := json.Unmarshal(r.Data, &book); err != nil || len(book) != 1 || book[0].Detail != "西城区金融街1号" || book[0].IsDefault != 1 {
		t.Fatalf("address book after the edits: %s", r.Data)
	}
	noBrowserErrors(t, errs)
}

// With WeChat Pay configured (the v3 client against the local fake), the order page shows the Native code to
// scan, and moves on by itself once WeChat Pay's callback says the order is paid.
func TestStorefrontPaysByWeChatNativeCode(t *testing.T) {
	chromium := requireBrowser(t)
	fake := wechatpaytest.New(t)
	_, base, _ := storefrontApp(t, *fake.Config) // WeChat Pay configured wins over the demo's mock
	ctx, errs := phone(t, chromium)

	run(t, ctx, "menu", chromedp.Navigate(base+"/order/?table=A3"), chromedp.WaitVisible(".item", chromedp.ByQuery),
		clickText(".cats button", "汤类"), jsClick(`.item[data-item="鸡蛋汤"] .plus`), text("#cart-count", "1"))
	run(t, ctx, "checkout", jsClick("#go-checkout"), chromedp.WaitVisible("#table-card", chromedp.ByQuery), text(".checkout", "微信支付"),
		jsClick("#place-order"), chromedp.WaitVisible("#pay-qr svg", chromedp.ByQuery), text("#order-status", "等待支付"),
		text(".pay-slot", "请用微信扫码支付"))
	phoneShot(t, ctx, "30-native-code")
	tok := customerToken(t, ctx)
	o := lastOrder(t, base, tok)
	if wx, ok := fake.Order(o.Number); !ok || wx.CodeURL == "" {
		t.Fatalf("WeChat Pay has no Native order for %s", o.Number)
	}
	_, body, header := fake.Pay(t, o.Number)
	if status, reply := wechatpaytest.Post(t, base+"/notify/paySuccess", body, header); status != 200 {
		t.Fatalf("callback: %d %s", status, reply)
	}
	run(t, ctx, "paid live", text("#order-status", "等待商家接单"), chromedp.WaitNotPresent("#pay-qr", chromedp.ByQuery))
	phoneShot(t, ctx, "31-native-paid")
	noBrowserErrors(t, errs)
}

// The delivery times offered are the original mini-program's: today the half-hour slots from 09:00 to 23:00
// still ahead less the next two, after 立即派送; tomorrow all of them; 立即派送 is sent as an hour from now.
func TestStorefrontDeliverySlotsFollowTheOriginal(t *testing.T) {
	chromium := requireBrowser(t)
	_, base, _ := storefrontApp(t, config.Config{})
	ctx, _ := phone(t, chromium)
	var got struct {
		Morning, Evening, Late, Tomorrow []string
		Asap, Slot                       map[string]any
	}
	run(t, ctx, "slots", chromedp.Navigate(base+"/order/"), chromedp.WaitVisible(".cats", chromedp.ByQuery),
		chromedp.Evaluate(`import('/order/delivery_slots.js').then((m) => ({
			Morning: m.slotsOn(0, new Date(2026, 0, 5, 10, 10)),
			Evening: m.slotsOn(0, new Date(2026, 0, 5, 21, 30)),
			Late: m.slotsOn(0, new Date(2026, 0, 5, 22, 45)),
			Tomorrow: m.slotsOn(1, new Date(2026, 0, 5, 22, 45)),
			Asap: m.deliveryOf({ slot: m.ASAP }, new Date(2026, 0, 5, 23, 30, 5)),
			Slot: m.deliveryOf({ day: 1, slot: '12:30' }, new Date(2026, 0, 31, 20, 0)),
		}))`, &got, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if strings.Join(got.Morning[:3], ",") != "asap,11:30,12:00" || got.Morning[len(got.Morning)-1] != "23:00" {
		t.Errorf("10:10 today: %v", got.Morning)
	}
	if strings.Join(got.Evening, ",") != "asap,23:00" {
		t.Errorf("21:30 today: %v", got.Evening)
	}
	if strings.Join(got.Late, ",") != "asap" {
		t.Errorf("22:45 today: %v", got.Late)
	}
	if len(got.Tomorrow) != 29 || got.Tomorrow[0] != "09:00" || got.Tomorrow[28] != "23:00" {
		t.Errorf("tomorrow: %v", got.Tomorrow)
	}
	if got.Asap["estimatedDeliveryTime"] != "2026-01-06 00:30:05" || got.Asap["deliveryStatus"] != float64(1) {
		t.Errorf("立即派送: %v", got.Asap)
	}
	if got.Slot["estimatedDeliveryTime"] != "2026-02-01 12:30:00" || got.Slot["deliveryStatus"] != float64(0) {
		t.Errorf("tomorrow 12:30: %v", got.Slot)
	}
}
