package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	pbui "github.com/pocketbase/pocketbase/ui"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
	"myrestaurant/ui"
)

// The owner's back office in PocketBase's dashboard at /_/, signed in as a superuser, on a demo shop with a few
// orders: the orders, dishes and users lists and the order overview read as words and yuan, and an order's form
// says what its codes and units mean. Screenshots go to test-artifacts/console-dashboard-*.png.
func TestDashboardReadsAsTheShop(t *testing.T) {
	chromium := requireBrowser(t)
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
		ui.Register(app)
		// `serve` mounts the dashboard; the test server mounts the API only.
		app.OnServe().BindFunc(func(se *core.ServeEvent) error {
			se.Router.GET("/_/{path...}", apis.Static(pbui.DistDirFS, false))
			return se.Next()
		})
	})
	base := apptest.Serve(t, app)
	ctx, errs := browser(t, chromium)
	apptest.Superuser(t, app, "owner@example.com")
	_, staff := apptest.Employee(t, app, "cashier", 1)

	// Three customers' orders of the demo menu: one waiting for the kitchen, one confirmed, one unpaid.
	var page struct {
		Records []struct {
			ID    json.Number `json:"id"`
			Name  string      `json:"name"`
			Price float64     `json:"price"`
		} `json:"records"`
	}
	r := ok(t, "dishes", apptest.Call(t, "GET", base+"/admin/dish/page?page=1&pageSize=5", nil, "token", staff))
	dec := json.NewDecoder(bytes.NewReader(r.Data))
	dec.UseNumber()
	if err := dec.Decode(&page); err != nil || len(page.Records) < 3 {
		t.Fatalf("demo dishes: %s", r.Data)
	}
	var numbers []string
	for i, who := range []string{"王芳", "李强", "张伟"} {
		_, tok := apptest.Customer(t, app, fmt.Sprintf("openid-dashboard-%d", i))
		auth := []string{"authentication", tok}
		ok(t, "address", apptest.Call(t, "POST", base+"/user/addressBook", map[string]any{
			"consignee": who, "phone": fmt.Sprintf("1391234567%d", i), "sex": "1", "provinceName": "北京市", "cityName": "北京市",
			"districtName": "海淀区", "detail": fmt.Sprintf("上地十街%d号", 10+i), "label": "2"}, auth...))
		var addresses []struct {
			ID json.Number `json:"id"`
		}
		r := ok(t, "addresses", apptest.Call(t, "GET", base+"/user/addressBook/list", nil, auth...))
		json.Unmarshal(r.Data, &addresses)
		ok(t, "default", apptest.Call(t, "PUT", base+"/user/addressBook/default", map[string]any{"id": addresses[0].ID}, auth...))
		dish := page.Records[i]
		ok(t, "cart", apptest.Call(t, "POST", base+"/user/shoppingCart/add", map[string]any{"dishId": dish.ID}, auth...))
		ok(t, "cart", apptest.Call(t, "POST", base+"/user/shoppingCart/add", map[string]any{"dishId": page.Records[(i+1)%len(page.Records)].ID}, auth...))
		amount := dish.Price + page.Records[(i+1)%len(page.Records)].Price + 2 + 6 // two items' packing, delivery
		r = ok(t, "submit", apptest.Call(t, "POST", base+"/user/order/submit", map[string]any{
			"addressBookId": addresses[0].ID, "payMethod": 1, "remark": "不要香菜", "deliveryStatus": 1, "tablewareNumber": 0,
			"tablewareStatus": 1, "amount": fmt.Sprintf("%.2f", amount)}, auth...))
		var submitted struct {
			ID          json.Number `json:"id"`
			OrderNumber string      `json:"orderNumber"`
		}
		json.Unmarshal(r.Data, &submitted)
		numbers = append(numbers, submitted.OrderNumber)
		if i < 2 {
			ok(t, "pay", apptest.Call(t, "PUT", base+"/user/order/payment", map[string]any{"orderNumber": submitted.OrderNumber, "payMethod": 1}, auth...))
		}
		if i == 1 {
			ok(t, "confirm", apptest.Call(t, "PUT", base+"/admin/order/confirm", map[string]any{"id": submitted.ID}, "token", staff))
		}
	}

	run(t, ctx, "sign in to the dashboard", chromedp.EmulateViewport(1600, 1000),
		chromedp.Navigate(base+"/_/#/login"), chromedp.WaitVisible(`input[name="identity"]`, chromedp.ByQuery),
		typeInto(`input[name="identity"]`, "owner@example.com"), typeInto(`input[name="password"]`, apptest.Password),
		evalTrue(`(() => { const b = document.querySelector('form.auth-with-password-form button.next'); if (!b) return false; b.click(); return true; })()`),
		evalTrue(`location.hash.startsWith('#/collections')`))

	// The owner picks a collection in the sidebar and a record by clicking its row.
	open := func(collection string) chromedp.Action {
		return evalTrue(fmt.Sprintf(`(() => {
			const a = document.querySelector('button.nav-item[title="' + %q + '"]');
			if (!a) return false; a.click(); return true; })()`, collection))
	}
	openRow := func(text string) chromedp.Action {
		return evalTrue(fmt.Sprintf(`(() => {
			const r = [...document.querySelectorAll('tbody tr')].find(r => r.innerText.includes(%q));
			if (!r) return false; r.click(); return true; })()`, text))
	}
	list := func(collection, mustShow string) {
		t.Helper()
		run(t, ctx, collection+" list", open(collection),
			evalTrue(fmt.Sprintf(`document.body.innerText.includes(%q)`, mustShow)))
		shot(t, ctx, "dashboard-"+collection)
	}
	// Orders start with number, status, amount, consignee, phone and address; customers show by name.
	list("orders", numbers[0])
	run(t, ctx, "orders columns", evalTrue(`(() => {
		const heads = [...document.querySelectorAll('thead th')].map(th => th.innerText.trim()).filter(Boolean);
		const at = n => heads.indexOf(n);
		return at('number') >= 0 && at('number') < at('status') && at('status') < at('amount') && at('amount') < at('consignee') &&
			at('consignee') < at('phone') && at('phone') < at('address') && at('address') < at('user');
	})()`))
	list("dishes", page.Records[0].Name)
	list("users", "openid-dashboard-0")
	list("order_overview", "待接单")
	// README's link opens it newest first.
	run(t, ctx, "overview newest first", chromedp.Navigate("about:blank"),
		chromedp.Navigate(base+"/_/#/collections?collection=order_overview&sort=-order_time"),
		evalTrue(fmt.Sprintf(`(() => { const r = document.querySelector('tbody tr'); return !!r && r.innerText.includes(%q); })()`, numbers[2])))
	shot(t, ctx, "dashboard-order_overview")
	for _, words := range []string{"待派送", "待付款", "已支付 · 微信支付", "¥", "(UTC+08:00)", "×1"} {
		run(t, ctx, "overview says "+words, evalTrue(fmt.Sprintf(`document.body.innerText.includes(%q)`, words)))
	}

	// An order's form explains its codes and units under the fields.
	order, err := app.FindFirstRecordByData("orders", "number", numbers[0])
	if err != nil {
		t.Fatal(err)
	}
	run(t, ctx, "order form", open("orders"), openRow(numbers[0]),
		evalTrue(`document.body.innerText.includes('2 待接单') && document.body.innerText.includes('单位：分')`))
	shot(t, ctx, "dashboard-order-form")
	run(t, ctx, "overview record", chromedp.KeyEvent("\x1b"), chromedp.Sleep(300*time.Millisecond), open("order_overview"), openRow(numbers[0]),
		evalTrue(fmt.Sprintf(`document.body.innerText.includes(%q) && document.body.innerText.includes('北京市')`, order.GetString("consignee"))))
	shot(t, ctx, "dashboard-order-overview-record")

	// The order jobs are among the crons the dashboard lists (and can run), and backups run daily.
	run(t, ctx, "crons", chromedp.Navigate("about:blank"), chromedp.Navigate(base+"/_/#/settings/crons"),
		evalTrue(`document.body.innerText.includes('myrestaurant_cancel_unpaid_orders') && document.body.innerText.includes('__pbAutoBackup__')`))
	shot(t, ctx, "dashboard-crons")
	time.Sleep(100 * time.Millisecond)
	if e := errs.all(); len(e) > 0 {
		t.Logf("browser console: %v", e)
	}
}
