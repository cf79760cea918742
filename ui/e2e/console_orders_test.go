package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	cdpbrowser "github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/config"
	"myrestaurant/ui"
)

// A lunch rush at the counter: a staff console follows orders live on the workspace, alerts end when another
// console accepts their order, orders are accepted from the keyboard, the kitchen sends them out from its view,
// busy mode accepts and prints by itself, and a background tab still notifies and counts what waits.
func TestConsoleRunsALunchRush(t *testing.T) {
	chromium := requireBrowser(t)
	app, base := serveDemoShop(t)
	ctx, errs := browser(t, chromium)
	apptest.EmployeeWithRole(t, app, "counter", 1, auth.RoleStaff)
	_, otherConsole := apptest.Employee(t, app, "manager", 1)
	dish := rushDish(t, app)
	order := newRushCustomer(t, app, base, dish)
	staffCall := func(method, path string, body any) apptest.Reply {
		return apptest.Call(t, method, base+path, body, "token", otherConsole)
	}
	idOf := func(number string) string {
		r := ok(t, "find order", staffCall("GET", "/admin/order/conditionSearch?page=1&pageSize=1&number="+number, nil))
		var p struct {
			Records []struct {
				ID     json.Number `json:"id"`
				Status int         `json:"status"`
			} `json:"records"`
		}
		dec := json.NewDecoder(bytes.NewReader(r.Data))
		dec.UseNumber()
		if err := dec.Decode(&p); err != nil || len(p.Records) != 1 {
			t.Fatalf("order %s: %s", number, r.Data)
		}
		return p.Records[0].ID.String()
	}
	statusOf := func(number string) int {
		r := ok(t, "order status", staffCall("GET", "/admin/order/details/"+idOf(number), nil))
		var o struct{ Status int }
		json.Unmarshal(r.Data, &o)
		return o.Status
	}
	accept := func(number string) {
		ok(t, "accept elsewhere", staffCall("PUT", "/admin/order/confirm", map[string]any{"id": json.Number(idOf(number))}))
	}
	alertShown := func(number string) string {
		return fmt.Sprintf(`!!document.querySelector('#alerts-popup') && document.querySelector('#alerts-popup').textContent.includes(%q)`, number)
	}
	rowShown := func(number string) string {
		return fmt.Sprintf(`!!document.querySelector('main tr[data-order-id="%s"]')`, idOf(number))
	}

	// An order paid and accepted on another console before this one signs in: its alert ended on the server,
	// so the console does not show it.
	early := order()
	accept(early)
	run(t, ctx, "log in", chromedp.Navigate(base+"/console/"), chromedp.WaitVisible("#login-username", chromedp.ByQuery),
		typeInto("#login-username", "counter"), typeInto("#login-password", apptest.Password), click("#login-submit"),
		chromedp.WaitVisible("#live-status.up", chromedp.ByQuery), chromedp.Sleep(500*time.Millisecond),
		evalTrue(`!document.querySelector('#alerts-popup') && !/^\(\d+\)/.test(document.title)`))
	run(t, ctx, "enable sound", click("#enable-sound"), chromedp.WaitVisible("#sound-on", chromedp.ByQuery))

	// Two paid orders: the popup lists both, the tab title counts them, the workspace lists them live.
	run(t, ctx, "workspace", chromedp.Navigate(base+"/console/#/workspace"), chromedp.WaitVisible("#waiting-orders .empty", chromedp.ByQuery))
	first, second := order(), order()
	run(t, ctx, "two alerts", evalTrue(alertShown(first)), evalTrue(alertShown(second)), evalTrue(`!(`+alertShown(early)+`)`),
		evalTrue(`document.title.includes('(2) MyRestaurant')`), evalTrue(rowShown(first)), evalTrue(rowShown(second)),
		// the day's figures follow too
		evalTrue(`[...document.querySelectorAll('#workspace-figures .card')].some(c => c.textContent === '待接单2')`))
	shot(t, ctx, "rush-01-two-alerts")

	// Another console accepts the second order: its alert ends here, live, and it leaves the waiting list.
	accept(second)
	run(t, ctx, "alert ended by another console", evalTrue(`!(`+alertShown(second)+`)`), evalTrue(alertShown(first)),
		evalTrue(`!(`+rowShown(second)+`)`), evalTrue(`document.title.includes('(1) MyRestaurant')`))
	shot(t, ctx, "rush-02-alert-ended-by-another-console")

	// 查看订单 opens the order above the popup, which shrinks to a corner; 知道了 on a new alert does not close it.
	third := order()
	run(t, ctx, "open from alert", evalTrue(alertShown(third)),
		evalTrue(fmt.Sprintf(`(() => { const b = [...document.querySelectorAll('#alerts-popup .alert-item')].find(i => i.textContent.includes(%q)).querySelector('[data-open-order]'); b.click(); return true; })()`, first)),
		chromedp.WaitVisible("#order-detail", chromedp.ByQuery),
		evalTrue(`(() => { const r = document.querySelector('#order-detail').getBoundingClientRect(); const at = document.elementFromPoint(r.left + r.width / 2, r.top + 20); return !!at && !!at.closest('#order-detail'); })()`),
		evalTrue(`[...document.querySelectorAll('#alerts-popup .alert-item')].every(i => i.offsetParent === null)`))
	fourth := order()
	run(t, ctx, "a new alert keeps the order open", evalTrue(alertShown(fourth)),
		evalTrue(`document.querySelector('#alerts-popup').textContent.includes('(2)')`), chromedp.WaitVisible("#order-detail", chromedp.ByQuery))
	shot(t, ctx, "rush-03-order-above-alerts")
	// 知道了 (k, the first alert: the third order's) while the order is open leaves the order open.
	run(t, ctx, "acknowledge under the order", chromedp.KeyEvent("k"), evalTrue(`!(`+alertShown(third)+`)`), evalTrue(alertShown(fourth)),
		evalTrue(`document.querySelector('#alerts-popup').textContent.includes('(1)')`),
		evalTrue(fmt.Sprintf(`!!document.querySelector('#order-detail[data-order-id="%s"]')`, idOf(first))))

	// The detail's money adds up: items + packing + delivery = total, as the customer paid it.
	var parts map[string]float64
	run(t, ctx, "detail totals", chromedp.Evaluate(`Object.fromEntries([...document.querySelectorAll('#order-detail [data-money]')].map(d => [d.dataset.money, Number(d.textContent.replace('¥', ''))]))`, &parts))
	if parts["items"] != 18 || parts["pack"] != 1 || parts["delivery"] != 6 || parts["total"] != 25 || math.Abs(parts["items"]+parts["pack"]+parts["delivery"]-parts["total"]) > 0.001 {
		t.Errorf("detail totals %v: items + packing + delivery must be the total, ¥25.00", parts)
	}
	run(t, ctx, "detail payment", evalTrue(`['微信支付 · 已支付', '餐具数量', '支付时间', '预计送达', '2030-01-02 12:30'].every(s => document.querySelector('#order-detail').textContent.includes(s))`),
		// 16 digits on one line
		evalTrue(`document.querySelector('#order-detail .order-no').getClientRects().length === 1 && document.querySelector('#order-detail .order-no').textContent.length === 16`))

	// The keyboard accepts it (a), and the next waiting order opens, the oldest first.
	run(t, ctx, "keyboard accept", chromedp.KeyEvent("a"),
		evalTrue(fmt.Sprintf(`!!document.querySelector('#order-detail[data-order-id="%s"]')`, idOf(third))))
	if s := statusOf(first); s != 3 {
		t.Fatalf("the keyboard's accept left the order in status %d", s)
	}
	shot(t, ctx, "rush-04-next-waiting")
	run(t, ctx, "escape", chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent("#order-detail", chromedp.ByQuery))

	// Acknowledge all: the popup goes, the orders still wait and are counted.
	fifth := order()
	run(t, ctx, "acknowledge all", evalTrue(alertShown(fourth)), evalTrue(alertShown(fifth)), click("#ack-all"),
		chromedp.WaitNotPresent("#alerts-popup", chromedp.ByQuery), evalTrue(`document.body.dataset.sound === 'off'`),
		evalTrue(`document.title.startsWith('(3) MyRestaurant')`))
	if open, err := app.FindRecordsByFilter("alerts", "acknowledged = false", "", 0, 0); err != nil || len(open) != 0 {
		t.Errorf("alerts still open after acknowledging all: %d %v", len(open), err)
	}
	run(t, ctx, "accepted tab", click(`#waiting-orders [data-waiting="3"]`), evalTrue(rowShown(second)), evalTrue(rowShown(first)),
		// the original's 待派送 columns: tableware shown, amount not
		evalTrue(`[...document.querySelectorAll('#waiting-orders th')].map(th => th.textContent).join() === '订单号,订单菜品,地址,预计送达时间,备注,餐具数量,操作'`))
	shot(t, ctx, "rush-05-workspace-to-deliver")
	run(t, ctx, "waiting tab", click(`#waiting-orders [data-waiting="2"]`), evalTrue(rowShown(third)), evalTrue(rowShown(fourth)), evalTrue(rowShown(fifth)))

	// Orders screen: select a row with the arrow keys and accept it from the keyboard; the original's columns.
	run(t, ctx, "orders", chromedp.Navigate(base+"/console/#/orders"), click(`.tabs [data-status="2"]`), evalTrue(rowShown(third)),
		evalTrue(`[...document.querySelectorAll('main th')].map(th => th.textContent).join() === '订单号,订单菜品,地址,预计送达时间,实收金额,备注,餐具数量,操作'`),
		chromedp.KeyEvent(kb.ArrowDown), evalTrue(`!!document.querySelector('main tr.selected')`))
	var selected string
	run(t, ctx, "selected", chromedp.Evaluate(`document.querySelector('main tr.selected').dataset.orderId`, &selected))
	run(t, ctx, "keyboard accept in list", chromedp.KeyEvent("a"), evalTrue(fmt.Sprintf(`!document.querySelector('main tr[data-order-id="%s"]')`, selected)))
	stillWaiting := third
	if selected == idOf(third) {
		stillWaiting = fourth
	}
	run(t, ctx, "help", chromedp.KeyEvent("?"), chromedp.WaitVisible("#keyboard-help", chromedp.ByQuery),
		evalTrue(`document.querySelector('#keyboard-help').textContent.includes('接单')`))
	shot(t, ctx, "rush-06-keyboard-help")
	run(t, ctx, "help closed", chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent("#keyboard-help", chromedp.ByQuery))

	// Kitchen view: accepted orders oldest first with flavor and remark; one tap sends one out; a newly accepted
	// order joins live.
	run(t, ctx, "kitchen", chromedp.Navigate(base+"/console/#/kitchen"), chromedp.WaitVisible(".ticket-card", chromedp.ByQuery),
		evalTrue(fmt.Sprintf(`[...document.querySelectorAll('.ticket-card')].map(c => c.dataset.orderId).slice(0, 3).join() === %q`,
			strings.Join([]string{idOf(early), idOf(first), idOf(second)}, ","))),
		evalTrue(`[...document.querySelectorAll('.ticket-card')].every(c => c.textContent.includes('微辣') && c.textContent.includes('少放辣'))`))
	accept(stillWaiting)
	run(t, ctx, "kitchen live", evalTrue(rowCard(idOf(stillWaiting))))
	shot(t, ctx, "rush-07-kitchen")
	run(t, ctx, "mark ready", click(fmt.Sprintf(`.ticket-card[data-order-id="%s"] button.ready`, idOf(early))),
		evalTrue(`!(`+rowCard(idOf(early))+`)`))
	if s := statusOf(early); s != 4 {
		t.Fatalf("the kitchen's tap left the order in status %d, want 4 (派送中)", s)
	}

	// A browser customer at table 12 pays at the counter: the console says where it goes and that money is owed,
	// and its totals have no delivery fee. Accepted, it shows its table in the kitchen.
	ok(t, "allow pay on delivery", staffCall("PUT", "/admin/shop/settings", map[string]any{"payOnDelivery": true}))
	table := tableOrder(t, base, dish, "12")
	run(t, ctx, "table order", chromedp.Navigate(base+"/console/#/workspace"), evalTrue(alertShown(table)),
		evalTrue(fmt.Sprintf(`(() => { const b = [...document.querySelectorAll('#alerts-popup .alert-item')].find(i => i.textContent.includes(%q)).querySelector('[data-open-order]'); b.click(); return true; })()`, table)),
		chromedp.WaitVisible("#order-detail", chromedp.ByQuery),
		evalTrue(`['桌号12', '渠道网页', '货到付款/到店付款 · 未支付'].every(s => document.querySelector('#order-detail').textContent.includes(s)) && !document.querySelector('#order-detail').textContent.includes('地址')`),
		evalTrue(`(() => { const m = Object.fromEntries([...document.querySelectorAll('#order-detail [data-money]')].map(d => [d.dataset.money, Number(d.textContent.replace('¥', ''))])); return m.items === 18 && m.pack === 1 && m.delivery === 0 && m.total === 19; })()`))
	shot(t, ctx, "rush-08a-table-order")
	run(t, ctx, "table order listed", chromedp.KeyEvent(kb.Escape), chromedp.WaitNotPresent("#order-detail", chromedp.ByQuery),
		evalTrue(fmt.Sprintf(`(() => { const r = document.querySelector('#waiting-orders tr[data-order-id="%s"]'); return !!r && r.textContent.includes('货到付款') && r.textContent.includes('桌号 12'); })()`, idOf(table))))
	accept(table)
	run(t, ctx, "table in the kitchen", chromedp.Navigate(base+"/console/#/kitchen"),
		evalTrue(fmt.Sprintf(`(() => { const c = document.querySelector('.ticket-card[data-order-id="%s"]'); return !!c && c.textContent.includes('桌号 12'); })()`, idOf(table))))

	// Busy mode: a paid order is accepted by the server at once, still rings, and this console prints it.
	run(t, ctx, "busy mode", chromedp.Navigate(base+"/console/#/workspace"), chromedp.WaitVisible("#waiting-orders", chromedp.ByQuery),
		click("#busy-switch"), evalTrue(`document.querySelector('#busy-switch').classList.contains('busy') && document.querySelector('#busy-prints').checked`),
		evalTrue(`(() => { window.__prints = 0; window.print = () => { window.__prints++; }; return true; })()`))
	busy := order()
	run(t, ctx, "busy order", evalTrue(alertShown(busy)), evalTrue(`document.body.dataset.sound === 'playing'`),
		evalTrue(fmt.Sprintf(`window.__prints === 1 && document.querySelector('#ticket').textContent.includes(%q)`, busy)))
	if s := statusOf(busy); s != 3 {
		t.Fatalf("busy mode left the paid order in status %d", s)
	}
	shot(t, ctx, "rush-08-busy-mode")
	run(t, ctx, "busy off", click("[data-ack]"), chromedp.WaitNotPresent("#alerts-popup", chromedp.ByQuery), click("#busy-switch"),
		evalTrue(`document.querySelector('#busy-switch').classList.contains('calm')`))

	// A background tab: notifications, asked for with the button, show new alerts.
	run(t, ctx, "grant notifications", cdpbrowser.GrantPermissions([]cdpbrowser.PermissionType{cdpbrowser.PermissionTypeNotifications}).WithOrigin(base),
		evalTrue(`(() => { const Real = window.Notification; window.__notes = [];
			window.Notification = class { constructor(title, o) { window.__notes.push(title + ' ' + (o && o.body)); } close() {}
				static get permission() { return Real.permission; } static requestPermission() { return Real.requestPermission(); } };
			document.hasFocus = () => false; return true; })()`),
		click("#enable-notifications"), chromedp.WaitVisible("#notify-on", chromedp.ByQuery))
	late := order()
	run(t, ctx, "notified", evalTrue(fmt.Sprintf(`window.__notes.some(n => n.startsWith('新订单') && n.includes(%q))`, late)))
	shot(t, ctx, "rush-09-notifications")
	ok(t, "reject", staffCall("PUT", "/admin/order/rejection", map[string]any{"id": json.Number(idOf(late)), "rejectionReason": "菜品已销售完，暂时无法接单"}))

	// A tablet: 16-digit order numbers stay on one line in the list.
	run(t, ctx, "tablet", chromedp.EmulateViewport(1024, 768), chromedp.Navigate(base+"/console/#/orders"), click(`.tabs [data-status="0"]`),
		evalTrue(`document.querySelectorAll('main td.order-no').length > 3`),
		evalTrue(`[...document.querySelectorAll('main td.order-no')].every(td => { const r = document.createRange(); r.selectNodeContents(td.firstChild); return r.getClientRects().length === 1; })`))
	shot(t, ctx, "rush-10-orders-1024")
	run(t, ctx, "cancelled tab columns", click(`.tabs [data-status="6"]`),
		evalTrue(rowShown(late)), evalTrue(`document.querySelector('main tbody').textContent.includes('菜品已销售完')`),
		evalTrue(`[...document.querySelectorAll('main th')].map(th => th.textContent).join() === '订单号,用户名,手机号,地址,下单时间,取消时间,取消原因,操作'`))
	shot(t, ctx, "rush-11-cancelled-tab")
	// The kitchen's tablet upright: cards readable, buttons a finger wide.
	run(t, ctx, "kitchen tablet", chromedp.EmulateViewport(768, 1024), chromedp.Navigate(base+"/console/#/kitchen"),
		chromedp.WaitVisible(".ticket-card", chromedp.ByQuery),
		evalTrue(`[...document.querySelectorAll('.ticket-card button.ready')].every(b => b.getBoundingClientRect().height >= 48 && b.getBoundingClientRect().width >= 200)`),
		evalTrue(`parseFloat(getComputedStyle(document.querySelector('.ticket-card li')).fontSize) >= 20`))
	shot(t, ctx, "rush-12-kitchen-768")

	for _, e := range errs.all() {
		t.Errorf("browser console: %s", e)
	}
}

func rowCard(id string) string {
	return fmt.Sprintf(`!!document.querySelector('.ticket-card[data-order-id="%s"]')`, id)
}

// rushDish puts a ¥18 dish on the menu and returns its id.
func rushDish(t *testing.T, app core.App) json.Number {
	t.Helper()
	save := func(collection string, fields map[string]any) string {
		col, err := app.FindCollectionByNameOrId(collection)
		if err != nil {
			t.Fatal(err)
		}
		r := core.NewRecord(col)
		for k, v := range fields {
			r.Set(k, v)
		}
		if err := app.Save(r); err != nil {
			t.Fatalf("%s: %v", collection, err)
		}
		return r.Id
	}
	category := save("categories", map[string]any{"name": "午市", "type": 1, "sort": 1, "status": 1})
	return json.Number(save("dishes", map[string]any{"name": "午市快餐", "category": category, "price": 1800, "image": "lunch.png", "status": 1}))
}

// newRushCustomer signs a customer up with an address and returns a function that places and pays one order
// (¥18 dish, flavor 微辣, remark 少放辣, ¥1 packing, ¥6 delivery) and returns its number.
func newRushCustomer(t *testing.T, app core.App, base string, dish json.Number) func() string {
	t.Helper()
	_, token := apptest.Customer(t, app, "openid-rush")
	auth := []string{"authentication", token}
	ok(t, "add address", apptest.Call(t, "POST", base+"/user/addressBook", map[string]any{
		"consignee": "王五", "phone": "13712345678", "sex": "0", "provinceName": "上海市", "cityName": "上海市",
		"districtName": "徐汇区", "detail": "漕溪北路1号", "label": "2"}, auth...))
	var addresses []struct {
		ID json.Number `json:"id"`
	}
	r := ok(t, "list addresses", apptest.Call(t, "GET", base+"/user/addressBook/list", nil, auth...))
	dec := json.NewDecoder(bytes.NewReader(r.Data))
	dec.UseNumber()
	if err := dec.Decode(&addresses); err != nil || len(addresses) != 1 {
		t.Fatalf("addresses: %s", r.Data)
	}
	return func() string { return placeOrder(t, base, addresses[0].ID, dish, auth...) }
}

// serveDemoShop serves a fresh app with every module in demo mode and the console. Start the browser after it, so
// that the browser closes first: the server's Close waits for the browser's realtime stream to end.
func serveDemoShop(t *testing.T) (core.App, string) {
	t.Helper()
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
		ui.Register(app)
	})
	return app, apptest.Serve(t, app)
}

// tableOrder has a browser customer order the dish at a table and choose to pay at the counter; it returns the
// order number.
func tableOrder(t *testing.T, base string, dish json.Number, table string) string {
	t.Helper()
	r := ok(t, "browser sign-in", apptest.Call(t, "POST", base+"/user/user/browser-login", map[string]any{"deviceKey": strings.Repeat("k", 43)}))
	var who struct{ Token string }
	if err := json.Unmarshal(r.Data, &who); err != nil || who.Token == "" {
		t.Fatalf("browser sign-in: %s", r.Data)
	}
	auth := []string{"authentication", who.Token}
	ok(t, "add to cart", apptest.Call(t, "POST", base+"/user/shoppingCart/add", map[string]any{"dishId": dish, "dishFlavor": "微辣"}, auth...))
	r = ok(t, "submit at a table", apptest.Call(t, "POST", base+"/user/order/submit", map[string]any{
		"tableNo": table, "payMethod": 3, "remark": "少放辣", "tablewareNumber": 2, "tablewareStatus": 0, "packAmount": 1, "amount": "19.00"}, auth...))
	var submitted struct{ OrderNumber string }
	if err := json.Unmarshal(r.Data, &submitted); err != nil || submitted.OrderNumber == "" {
		t.Fatalf("submit: %s", r.Data)
	}
	ok(t, "pay at the counter", apptest.Call(t, "PUT", base+"/user/order/payment", map[string]any{"orderNumber": submitted.OrderNumber, "payMethod": 3}, auth...))
	return submitted.OrderNumber
}
