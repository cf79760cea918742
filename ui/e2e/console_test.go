// Package e2e drives the staff console in real headless Chromium against a real server.
package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/clock"
)

// artifacts is where screenshots go (git-ignored), relative to this package.
const artifacts = "../../test-artifacts"

// findBrowser returns a Chromium binary, or "" when there is none.
func findBrowser() string {
	if p := os.Getenv("CHROME_PATH"); p != "" {
		return p
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	return ""
}

// requireBrowser returns the Chromium to use. Without one the test skips, or fails when
// MYRESTAURANT_E2E_REQUIRE_BROWSER=1 (CI sets it so that a missing browser cannot pass silently).
func requireBrowser(t *testing.T) string {
	t.Helper()
	path := findBrowser()
	if path == "" {
		if os.Getenv("MYRESTAURANT_E2E_REQUIRE_BROWSER") == "1" {
			t.Fatal("no Chromium found and MYRESTAURANT_E2E_REQUIRE_BROWSER=1 (install chromium or set CHROME_PATH)")
		}
		t.Skip("no Chromium found; set MYRESTAURANT_E2E_REQUIRE_BROWSER=1 to make this a failure")
	}
	return path
}

// browser starts headless Chromium and returns a tab context and the console errors the page reports.
func browser(t testing.TB, path string) (context.Context, *consoleErrors) {
	t.Helper()
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.Flag("no-sandbox", true),
		chromedp.Flag("disable-gpu", true),
		chromedp.Flag("no-first-run", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.WindowSize(1280, 860),
	}
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancelCtx := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelCtx(); cancelAlloc() })
	errs := &consoleErrors{}
	chromedp.ListenTarget(ctx, func(ev any) {
		switch e := ev.(type) {
		case *runtime.EventConsoleAPICalled:
			if e.Type == runtime.APITypeError {
				var parts []string
				for _, a := range e.Args {
					parts = append(parts, string(a.Value)+a.Description)
				}
				errs.add("console.error: " + strings.Join(parts, " "))
			}
		case *runtime.EventExceptionThrown:
			msg := e.ExceptionDetails.Text
			if e.ExceptionDetails.Exception != nil {
				msg += " " + e.ExceptionDetails.Exception.Description
			}
			errs.add("exception: " + msg)
		case *log.EventEntryAdded:
			if e.Entry.Level == log.LevelError {
				errs.add(fmt.Sprintf("log: %s %s", e.Entry.Text, e.Entry.URL))
			}
		}
	})
	if err := chromedp.Run(ctx, log.Enable()); err != nil {
		t.Fatal(err)
	}
	return ctx, errs
}

type consoleErrors struct {
	mu   sync.Mutex
	list []string
}

func (c *consoleErrors) add(s string) { c.mu.Lock(); c.list = append(c.list, s); c.mu.Unlock() }

func (c *consoleErrors) all() []string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return append([]string(nil), c.list...)
}

// run runs browser actions with a deadline, failing the test with what step broke.
func run(t *testing.T, ctx context.Context, step string, actions ...chromedp.Action) {
	t.Helper()
	c, cancel := context.WithTimeout(ctx, 20*time.Second)
	defer cancel()
	if err := chromedp.Run(c, actions...); err != nil {
		shot(t, ctx, "failed-"+strings.ReplaceAll(step, " ", "-"))
		t.Fatalf("%s: %v", step, err)
	}
}

// shot saves a full-page screenshot under test-artifacts.
func shot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	var buf []byte
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Run(c, chromedp.Sleep(300*time.Millisecond), chromedp.FullScreenshot(&buf, 100)); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	writeArtifact(t, "console-"+name+".png", buf)
}

// evalTrue waits until the JavaScript expression is true.
// evalTrue waits until expr is true. A screen being redrawn may briefly lack the element expr reads, so an
// exception counts as "not yet"; an expression that never holds still fails at the deadline.
func evalTrue(expr string) chromedp.Action {
	return chromedp.Poll("(() => { try { return !!("+expr+"); } catch (e) { return false; } })()", nil, chromedp.WithPollingInterval(100*time.Millisecond))
}

func click(sel string) chromedp.Action {
	return chromedp.Click(sel, chromedp.ByQuery, chromedp.NodeVisible)
}

func typeInto(sel, text string) chromedp.Tasks {
	clear := evalTrue(fmt.Sprintf(`(() => { const el = document.querySelector(%q); if (!el) return false; el.value = ''; return true; })()`, sel))
	return chromedp.Tasks{clear, chromedp.SendKeys(sel, text, chromedp.ByQuery)}
}

// clickText clicks the first visible element matching sel whose text contains text.
func clickText(sel, text string) chromedp.Action {
	js := fmt.Sprintf(`(() => { const el = [...document.querySelectorAll(%q)].find(e => e.offsetParent !== null && e.textContent.includes(%q)); if (!el) return false; el.click(); return true; })()`, sel, text)
	return evalTrue(js)
}

// selectText picks the option of the select sel whose label is text, as a user would.
func selectText(sel, text string) chromedp.Action {
	js := fmt.Sprintf(`(() => { const s = document.querySelector(%q); const o = s && [...s.options].find(o => o.textContent === %q); if (!o) return false; s.value = o.value; s.dispatchEvent(new Event('change')); return true; })()`, sel, text)
	return evalTrue(js)
}

func pngFile(t *testing.T) string {
	t.Helper()
	img := image.NewRGBA(image.Rect(0, 0, 32, 32))
	for x := 0; x < 32; x++ {
		for y := 0; y < 32; y++ {
			img.Set(x, y, color.RGBA{230, 160, 60, 255})
		}
	}
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(t.TempDir(), "dish.png")
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func ok(t *testing.T, what string, r apptest.Reply) apptest.Reply {
	t.Helper()
	if r.Status != 200 || r.Code != 1 {
		t.Fatalf("%s: HTTP %d code %d msg %q", what, r.Status, r.Code, r.Message())
	}
	return r
}

// placeOrder has the customer put one dish in the cart, submit at the price the customer sees (dish + ¥1 packing
// + ¥6 delivery) and pay with the demo's mock payment. It returns the order number.
func placeOrder(t *testing.T, base string, address, dish json.Number, auth ...string) string {
	t.Helper()
	ok(t, "add to cart", apptest.Call(t, "POST", base+"/user/shoppingCart/add", map[string]any{"dishId": dish, "dishFlavor": "微辣"}, auth...))
	r := ok(t, "submit", apptest.Call(t, "POST", base+"/user/order/submit", map[string]any{
		"addressBookId": address, "payMethod": 1, "remark": "少放辣", "estimatedDeliveryTime": "2030-01-02 12:30:00",
		"deliveryStatus": 0, "tablewareNumber": 1, "tablewareStatus": 0, "packAmount": 1, "amount": "25.00"}, auth...))
	var submitted struct {
		OrderNumber string `json:"orderNumber"`
	}
	if err := json.Unmarshal(r.Data, &submitted); err != nil || submitted.OrderNumber == "" {
		t.Fatalf("submit: %s", r.Data)
	}
	ok(t, "pay", apptest.Call(t, "PUT", base+"/user/order/payment", map[string]any{"orderNumber": submitted.OrderNumber, "payMethod": 1}, auth...))
	return submitted.OrderNumber
}

// consoleToken is the token of the console's session in the browser, or "" when signed out.
func consoleToken(t *testing.T, ctx context.Context) string {
	t.Helper()
	var tok string
	run(t, ctx, "read session", chromedp.Evaluate(`(JSON.parse(localStorage.getItem('myrestaurant.console.session')) || {}).token || ''`, &tok))
	return tok
}

func TestConsoleTakesAnOrderFromAlertToCompletion(t *testing.T) {
	chromium := requireBrowser(t)
	app, base := serveDemoShop(t)
	ctx, errs := browser(t, chromium)
	_, staffToken := apptest.Employee(t, app, "cashier", 1)
	ok(t, "close the shop", apptest.Call(t, "PUT", base+"/admin/shop/0", "0", "token", staffToken))
	// Until the report routes are wired, their screens show an empty state and the browser logs the 404s.
	reportsMissing := apptest.Call(t, "GET", base+"/admin/workspace/businessData", nil, "token", staffToken).Status == 404

	// Log in; the session survives a reload.
	// The tablet's clock is in another zone than the shop's: the console must show shop time.
	run(t, ctx, "tablet zone", emulation.SetTimezoneOverride("America/Los_Angeles"))
	run(t, ctx, "open login", chromedp.Navigate(base+"/console/"), chromedp.WaitVisible("#login-username", chromedp.ByQuery))
	shot(t, ctx, "01-login")
	run(t, ctx, "bad password", typeInto("#login-username", "cashier"), typeInto("#login-password", "wrong-password"),
		click("#login-submit"), evalTrue(`document.querySelector('#login-error').textContent.length > 0`))
	run(t, ctx, "log in", typeInto("#login-password", apptest.Password), click("#login-submit"),
		chromedp.WaitVisible("nav", chromedp.ByQuery), chromedp.Reload(), chromedp.WaitVisible("nav", chromedp.ByQuery),
		chromedp.WaitVisible("#live-status.up", chromedp.ByQuery))
	run(t, ctx, "enable sound", click("#enable-sound"), chromedp.WaitVisible("#sound-on", chromedp.ByQuery))

	// A category and a dish with a flavor and an image, both enabled.
	run(t, ctx, "add category", chromedp.Navigate(base+"/console/#/categories"), click("#add-category"),
		typeInto("#category-name", "测试分类"), typeInto("#category-sort", "x"), click("[data-ok]"),
		evalTrue(`document.querySelector('.dialog [role=alert]').textContent.length > 0`),
		typeInto("#category-sort", "9"), click("[data-ok]"),
		chromedp.WaitVisible(`[data-toggle="测试分类"]`, chromedp.ByQuery), click(`[data-toggle="测试分类"]`),
		evalTrue(`[...document.querySelectorAll('tr')].some(r => r.textContent.includes('测试分类') && r.querySelector('.on'))`))
	shot(t, ctx, "02-categories")
	run(t, ctx, "add dish", chromedp.Navigate(base+"/console/#/dishes"), click("#add-dish"),
		typeInto("#dish-name", "测试菜"), selectText("#dish-category", "测试分类"), typeInto("#dish-price", "18"),
		chromedp.SetUploadFiles("#image-file", []string{pngFile(t)}, chromedp.ByQuery),
		evalTrue(`!document.querySelector('.dialog img.thumb').hidden`),
		click("#add-flavor"), typeInto(".flavor-name", "辣度"), typeInto(".flavor-values", "微辣,中辣"))
	shot(t, ctx, "03-dish-form")
	run(t, ctx, "save dish", click("[data-ok]"), chromedp.WaitVisible(`[data-toggle="测试菜"]`, chromedp.ByQuery),
		click(`[data-toggle="测试菜"]`),
		evalTrue(`[...document.querySelectorAll('tr')].some(r => r.textContent.includes('测试菜') && r.querySelector('.on'))`))
	shot(t, ctx, "04-dishes")
	run(t, ctx, "category in use", chromedp.Navigate(base+"/console/#/categories"),
		chromedp.WaitVisible(`[data-toggle="测试分类"]`, chromedp.ByQuery),
		evalTrue(`(() => { const r = [...document.querySelectorAll('tr')].find(r => r.textContent.includes('测试分类')); r.querySelector('button.danger').click(); return true; })()`),
		click("[data-ok]"), evalTrue(`document.querySelector('.dialog [role=alert]').textContent.includes('当前分类关联了菜品,不能删除')`))
	shot(t, ctx, "04b-refused")
	run(t, ctx, "add set meal", chromedp.Navigate(base+"/console/#/setmeals"), click("#add-setmeal"),
		typeInto("#setmeal-name", "测试套餐"), selectText("#setmeal-category", "人气套餐"), typeInto("#setmeal-price", "30"),
		click("[data-ok]"), evalTrue(`document.querySelector('.dialog [role=alert]').textContent.includes('请至少添加一个菜品')`))
	run(t, ctx, "search dish", typeInto("#dish-search", "测试菜"), click("#dish-search-button"))
	run(t, ctx, "pick dish", clickText("#dish-results button", "测试菜"))
	run(t, ctx, "set meal image", chromedp.SetUploadFiles("#image-file", []string{pngFile(t)}, chromedp.ByQuery),
		evalTrue(`!document.querySelector('.dialog img.thumb').hidden`))
	shot(t, ctx, "04c-setmeal-form")
	run(t, ctx, "save set meal", click("[data-ok]"), chromedp.WaitVisible(`[data-toggle="测试套餐"]`, chromedp.ByQuery))

	// Open the shop with the switch.
	run(t, ctx, "open shop", click("#shop-switch"), chromedp.WaitVisible("#shop-switch.open", chromedp.ByQuery))
	var status apptest.Reply
	if status = apptest.Call(t, "GET", base+"/user/shop/status", nil); string(status.Data) != "1" {
		t.Fatalf("shop status after the switch: %s", status.Data)
	}

	// A customer orders and pays through the compat API.
	var page struct {
		Records []struct {
			ID    json.Number `json:"id"`
			Price float64     `json:"price"`
		} `json:"records"`
	}
	r := ok(t, "find dish", apptest.Call(t, "GET", base+"/admin/dish/page?page=1&pageSize=10&name=测试菜", nil, "token", staffToken))
	dec := json.NewDecoder(bytes.NewReader(r.Data))
	dec.UseNumber()
	if err := dec.Decode(&page); err != nil || len(page.Records) != 1 || page.Records[0].Price != 18 {
		t.Fatalf("dish page: %s (%v)", r.Data, err)
	}
	dishID := page.Records[0].ID
	_, cust := apptest.Customer(t, app, "openid-e2e")
	auth := []string{"authentication", cust}
	ok(t, "add address", apptest.Call(t, "POST", base+"/user/addressBook", map[string]any{
		"consignee": "李四", "phone": "13912345678", "sex": "0", "provinceName": "北京市", "cityName": "北京市",
		"districtName": "海淀区", "detail": "上地十街10号", "label": "1"}, auth...))
	var addresses []struct {
		ID json.Number `json:"id"`
	}
	r = ok(t, "list addresses", apptest.Call(t, "GET", base+"/user/addressBook/list", nil, auth...))
	dec = json.NewDecoder(bytes.NewReader(r.Data))
	dec.UseNumber()
	if err := dec.Decode(&addresses); err != nil || len(addresses) != 1 {
		t.Fatalf("addresses: %s", r.Data)
	}
	ok(t, "default address", apptest.Call(t, "PUT", base+"/user/addressBook/default", map[string]any{"id": addresses[0].ID}, auth...))
	submitted := struct{ OrderNumber string }{placeOrder(t, base, addresses[0].ID, dishID, auth...)}

	// The console rings until someone acknowledges.
	paidAt := time.Now().In(clock.Zone())
	run(t, ctx, "alert popup", chromedp.WaitVisible("#alerts-popup", chromedp.ByQuery),
		evalTrue(fmt.Sprintf(`document.querySelector('#alerts-popup').textContent.includes(%q)`, submitted.OrderNumber)),
		evalTrue(`document.body.dataset.sound === 'playing' && window.__consoleBeeps > 0`),
		// In shop time, as the compat API writes times.
		evalTrue(fmt.Sprintf(`[%q, %q, %q].includes(document.querySelector('#alerts-popup [data-time]').textContent)`,
			paidAt.Add(-time.Minute).Format("2006-01-02 15:04"), paidAt.Format("2006-01-02 15:04"),
			paidAt.Add(time.Minute).Format("2006-01-02 15:04"))))
	shot(t, ctx, "05-alert")
	// After a reload the unacknowledged alert is listed again, and sound needs one click again.
	run(t, ctx, "alert after reload", chromedp.Reload(), chromedp.WaitVisible("#alerts-popup .sound-hint", chromedp.ByQuery),
		evalTrue(fmt.Sprintf(`document.querySelector('#alerts-popup').textContent.includes(%q)`, submitted.OrderNumber)),
		evalTrue(`document.body.dataset.sound === 'off'`))
	shot(t, ctx, "05b-alert-after-reload")
	run(t, ctx, "sound again", click("#alerts-popup .sound-hint button"),
		evalTrue(`document.body.dataset.sound === 'playing' && window.__consoleBeeps > 0`))
	run(t, ctx, "acknowledge", click("[data-ack]"), chromedp.WaitNotPresent("#alerts-popup", chromedp.ByQuery),
		evalTrue(`document.body.dataset.sound === 'off'`))

	// Confirm, deliver and complete in the console.
	run(t, ctx, "confirm", chromedp.Navigate(base+"/console/#/orders"), click(`.tabs [data-status="2"]`),
		evalTrue(fmt.Sprintf(`document.querySelector('main table') && document.querySelector('main table').textContent.includes(%q)`, submitted.OrderNumber)))
	shot(t, ctx, "06-orders")
	run(t, ctx, "detail", clickText("main td.actions button", "详情"), chromedp.WaitVisible("#order-detail", chromedp.ByQuery),
		evalTrue(`document.querySelector('#order-detail').textContent.includes('测试菜')`))
	shot(t, ctx, "07-order-detail")
	listed := evalTrue(fmt.Sprintf(`!!document.querySelector('main table') && document.querySelector('main table').textContent.includes(%q)`, submitted.OrderNumber))
	emptied := chromedp.WaitVisible("main .empty", chromedp.ByQuery) // the order left the tab it was on
	run(t, ctx, "confirm order", click(`#order-detail [data-action="接单"]`), chromedp.WaitNotPresent("#order-detail", chromedp.ByQuery), emptied)
	run(t, ctx, "deliver order", click(`.tabs [data-status="3"]`), listed, clickText("main td.actions button", "派送"), emptied)
	run(t, ctx, "complete order", click(`.tabs [data-status="4"]`), listed, clickText("main td.actions button", "完成"), emptied)
	run(t, ctx, "completed tab", click(`.tabs [data-status="5"]`), listed,
		// The server cannot cancel a completed order, so the console does not offer it.
		evalTrue(`document.querySelectorAll('main td.actions button').length === 1 && !document.querySelector('main [data-action="取消订单"]')`))
	shot(t, ctx, "08-completed")
	var order struct {
		Records []struct {
			Status int `json:"status"`
		} `json:"records"`
	}
	r = ok(t, "order after", apptest.Call(t, "GET", base+"/admin/order/conditionSearch?page=1&pageSize=10&number="+submitted.OrderNumber, nil, "token", staffToken))
	if json.Unmarshal(r.Data, &order); len(order.Records) != 1 || order.Records[0].Status != 5 {
		t.Fatalf("order after the console's actions: %s", r.Data)
	}

	// A second order is rejected with a reason of one's own.
	second := placeOrder(t, base, addresses[0].ID, dishID, auth...)
	run(t, ctx, "second alert", evalTrue(fmt.Sprintf(`!!document.querySelector('#alerts-popup') && document.querySelector('#alerts-popup').textContent.includes(%q)`, second)),
		click("[data-ack]"), chromedp.WaitNotPresent("#alerts-popup", chromedp.ByQuery))
	run(t, ctx, "reject", click(`.tabs [data-status="2"]`),
		evalTrue(fmt.Sprintf(`!!document.querySelector('main table') && document.querySelector('main table').textContent.includes(%q)`, second)),
		clickText("main td.actions button", "拒单"), selectText(".dialog select", "自定义"), click("[data-ok]"),
		evalTrue(`document.querySelector('.dialog [role=alert]').textContent.includes('请填写原因')`),
		chromedp.SendKeys(".dialog textarea", "测试拒单", chromedp.ByQuery))
	shot(t, ctx, "08a-reject")
	run(t, ctx, "rejected", click("[data-ok]"), chromedp.WaitVisible("main .empty", chromedp.ByQuery))
	var rejected struct {
		Records []struct {
			Status          int    `json:"status"`
			RejectionReason string `json:"rejectionReason"`
		} `json:"records"`
	}
	r = ok(t, "rejected order", apptest.Call(t, "GET", base+"/admin/order/conditionSearch?page=1&pageSize=10&number="+second, nil, "token", staffToken))
	if json.Unmarshal(r.Data, &rejected); len(rejected.Records) != 1 || rejected.Records[0].Status != 6 || rejected.Records[0].RejectionReason != "测试拒单" {
		t.Fatalf("order after rejecting: %s", r.Data)
	}

	// An employee is added; bad input gets a visible message first.
	run(t, ctx, "add employee", chromedp.Navigate(base+"/console/#/employees"), click("#add-employee"),
		typeInto("#employee-username", "waiter1"), typeInto("#employee-name", "小王"), typeInto("#employee-phone", "123"),
		click("[data-ok]"), evalTrue(`document.querySelector('.dialog [role=alert]').textContent.includes('手机号需为11位数字')`),
		typeInto("#employee-phone", "13900001111"), typeInto("#employee-id-number", "110101199001011234"), click("[data-ok]"),
		evalTrue(`document.querySelector('main table').textContent.includes('waiter1')`))
	run(t, ctx, "password mismatch", click("#change-password"),
		evalTrue(`(() => { const i = document.querySelectorAll('#password-form input'); i[0].value = 'secret-123'; i[1].value = 'abcdef1'; i[2].value = 'abcdef2'; return true; })()`),
		click("[data-ok]"), evalTrue(`document.querySelector('.dialog [role=alert]').textContent.includes('两次输入的密码不一致')`))
	shot(t, ctx, "08b-password")

	// Every other screen renders; English at the smallest supported size.
	for i, view := range []string{"setmeals", "employees", "shop", "workspace", "reports"} {
		run(t, ctx, "view "+view, chromedp.Navigate(base+"/console/#/"+view),
			evalTrue(fmt.Sprintf(`!!document.querySelector('main [data-view=%q]') && document.querySelector('main [data-view=%q]').childElementCount > 0`, view, view)))
		shot(t, ctx, fmt.Sprintf("%02d-%s", 9+i, view))
	}
	// This month's report shows the day's completed order (the rejected one is no turnover), and the export
	// button hands the browser a workbook.
	run(t, ctx, "report of this month", chromedp.Navigate(base+"/console/#/reports"), clickText(".tabs button", "本月"),
		evalTrue(`(document.querySelector('#turnover-total') || {}).textContent === '营业额合计 ¥25.00'`))
	shot(t, ctx, "13b-reports-month")
	run(t, ctx, "export", evalTrue(`(() => { window.__blobs = []; const create = URL.createObjectURL; URL.createObjectURL = (b) => { window.__blobs.push(b); return create(b); }; return true; })()`),
		click("#export"),
		evalTrue(`window.__blobs.length === 1 && window.__blobs[0].size > 1000 && window.__blobs[0].type.includes('spreadsheetml')`))
	run(t, ctx, "english", chromedp.EmulateViewport(1024, 768), chromedp.Navigate(base+"/console/#/orders"),
		click(".lang-switch"), evalTrue(`document.querySelector('nav').textContent.includes('Orders')`))
	shot(t, ctx, "14-english-1024")
	signedIn := consoleToken(t, ctx)
	run(t, ctx, "logout", click("#logout"), chromedp.WaitVisible("#login-username", chromedp.ByQuery))
	if r := apptest.Call(t, "GET", base+"/admin/employee/page", nil, "token", signedIn); signedIn == "" || r.Status != 401 {
		t.Errorf("the console's token still works after logout: %d", r.Status)
	}

	// waiter1, added above, starts on the initial password: the console shows only the password form, and the
	// server refuses a weak new password with a message.
	run(t, ctx, "chinese again", click(".lang-switch"), evalTrue(`document.querySelector('#login-submit').textContent === '登录'`))
	run(t, ctx, "first login", typeInto("#login-username", "waiter1"), typeInto("#login-password", "123456"), click("#login-submit"),
		chromedp.WaitVisible("#initial-password", chromedp.ByQuery), evalTrue(`!document.querySelector('nav')`),
		typeInto("#password-new", "aaaaaa"), typeInto("#password-again", "aaaaaa"), click("#initial-password-submit"),
		evalTrue(`document.querySelector('#initial-password-error').textContent.includes('过于简单')`))
	shot(t, ctx, "15-initial-password")
	run(t, ctx, "new password", typeInto("#password-new", "Noodles88"), typeInto("#password-again", "Noodles88"),
		click("#initial-password-submit"), evalTrue(`(document.querySelector('#login-notice') || {}).textContent === '密码已修改，请用新密码登录'`))
	run(t, ctx, "staff login", typeInto("#login-username", "waiter1"), typeInto("#login-password", "Noodles88"), click("#login-submit"),
		chromedp.WaitVisible("nav", chromedp.ByQuery),
		evalTrue(`document.querySelector('#role').textContent === '店员'`),
		// Staff see the screens of their work only.
		evalTrue(`[...document.querySelectorAll('nav a')].map(a => a.dataset.view).join() === 'workspace,orders,kitchen,dishes,setmeals'`))
	shot(t, ctx, "16-staff-orders")
	run(t, ctx, "staff dishes", chromedp.Navigate(base+"/console/#/dishes"), chromedp.WaitVisible(`[data-toggle="测试菜"]`, chromedp.ByQuery),
		evalTrue(`!document.querySelector('#add-dish') && !document.querySelector('main [data-edit]') && !document.querySelector('main button.danger')`),
		click(`[data-toggle="测试菜"]`),
		evalTrue(`[...document.querySelectorAll('tr')].some(r => r.textContent.includes('测试菜') && r.querySelector('.off'))`))
	shot(t, ctx, "17-staff-dishes")
	run(t, ctx, "staff cannot open employees", chromedp.Navigate(base+"/console/#/employees"),
		evalTrue(`document.querySelector('main [data-view]').dataset.view === 'orders'`))
	run(t, ctx, "staff logout", click("#logout"), chromedp.WaitVisible("#login-username", chromedp.ByQuery))

	for _, e := range errs.all() {
		if reportsMissing && strings.Contains(e, "404") && (strings.Contains(e, "/admin/workspace/") || strings.Contains(e, "/admin/report/")) {
			continue
		}
		t.Errorf("browser console: %s", e)
	}
}
