package e2e

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/config"
	"myrestaurant/ui"
)

// demoServer serves the demo shop (its menu with pictures, the shop open) with the console, and returns the
// app and the server's base URL.
func demoServer(t *testing.T) (core.App, string) {
	t.Helper()
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
		ui.Register(app)
	})
	return app, apptest.Serve(t, app)
}

// demoConsole signs a manager in to the demo shop's console in a fresh browser. It returns the app, the server's
// base URL, the tab, the errors the page reports and the manager's token.
func demoConsole(t *testing.T) (core.App, string, context.Context, *consoleErrors, string) {
	t.Helper()
	chromium := requireBrowser(t)
	app, base := demoServer(t)
	// The browser starts after the server so that it closes first (the server waits for its realtime stream).
	ctx, errs := browser(t, chromium)
	_, token := apptest.Employee(t, app, "boss", 1)
	signIn(t, ctx, base, "boss")
	return app, base, ctx, errs, token
}

func signIn(t *testing.T, ctx context.Context, base, user string) {
	t.Helper()
	run(t, ctx, "sign in "+user, chromedp.Navigate(base+"/console/"), chromedp.WaitVisible("#login-username", chromedp.ByQuery),
		typeInto("#login-username", user), typeInto("#login-password", apptest.Password), click("#login-submit"),
		chromedp.WaitVisible("nav", chromedp.ByQuery))
}

func noBrowserErrors(t *testing.T, errs *consoleErrors) {
	t.Helper()
	for _, e := range errs.all() {
		t.Errorf("browser console: %s", e)
	}
}

// menuItem is a dish or set meal as the admin list shows it.
type menuItem struct {
	ID     json.Number `json:"id"`
	Name   string      `json:"name"`
	Status int         `json:"status"`
	Image  string      `json:"image"`
}

func menuItems(t *testing.T, base, path, name, token string) []menuItem {
	t.Helper()
	r := ok(t, path, apptest.Call(t, "GET", base+path+"?page=1&pageSize=50&name="+name, nil, "token", token))
	var page struct {
		Records []menuItem `json:"records"`
	}
	dec := json.NewDecoder(bytes.NewReader(r.Data))
	dec.UseNumber()
	if err := dec.Decode(&page); err != nil {
		t.Fatalf("%s: %s", path, r.Data)
	}
	return page.Records
}

// statuses is name → status of the items whose name contains name.
func statuses(t *testing.T, base, path, name, token string) map[string]int {
	out := map[string]int{}
	for _, it := range menuItems(t, base, path, name, token) {
		out[it.Name] = it.Status
	}
	return out
}

func wantStatuses(t *testing.T, what string, got map[string]int, want map[string]int) {
	t.Helper()
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("%s: statuses %v, want %v", what, got, want)
	}
}

// checkRows ticks the batch checkbox of each named row.
func checkRows(names ...string) chromedp.Action {
	list, _ := json.Marshal(names)
	return evalTrue(fmt.Sprintf(`(() => { const names = %s; const boxes = names.map(n => document.querySelector('main input.batch-one[data-name="' + n + '"]'));
		if (boxes.some(b => !b)) return false; boxes.forEach(b => { if (!b.checked) b.click(); }); return document.querySelector('#batch-count').textContent.endsWith(' ' + names.length); })()`, list))
}

// rowsShow waits until the list shows each named row with the status word (已启售 / 已停售) and nothing checked:
// the list has been drawn again after an action.
func rowsShow(word string, names ...string) chromedp.Action {
	list, _ := json.Marshal(names)
	return evalTrue(fmt.Sprintf(`(() => { const rows = [...document.querySelectorAll('main tbody tr')];
		return %s.every(n => rows.some(r => r.querySelector('input.batch-one[data-name="' + n + '"]') && r.textContent.includes(%q)))
			&& document.querySelector('#batch-count').textContent.endsWith(' 0'); })()`, list, word))
}

func TestConsoleMenuPicturesSaveAndAddAndBatch(t *testing.T) {
	_, base, ctx, errs, token := demoConsole(t)

	// The demo's dishes are listed with their pictures, loaded.
	run(t, ctx, "dish pictures", chromedp.Navigate(base+"/console/#/dishes"),
		evalTrue(`(() => { const imgs = [...document.querySelectorAll('main td img.thumb')]; return imgs.length === 10 && imgs.every(i => i.complete && i.naturalWidth > 0); })()`))
	shot(t, ctx, "menu-01-dish-pictures")

	// A category to add into, then three dishes with "save and add another": the form comes back empty with the
	// category kept, and the list behind it already shows the saved dish.
	run(t, ctx, "category", chromedp.Navigate(base+"/console/#/categories"), click("#add-category"),
		typeInto("#category-name", "批量分类"), typeInto("#category-sort", "1"), click("[data-ok]"),
		chromedp.WaitVisible(`[data-toggle="批量分类"]`, chromedp.ByQuery), click(`[data-toggle="批量分类"]`),
		evalTrue(`[...document.querySelectorAll('tr')].some(r => r.textContent.includes('批量分类') && r.querySelector('.on'))`))
	run(t, ctx, "dish form", chromedp.Navigate(base+"/console/#/dishes"), click("#add-dish"),
		typeInto("#dish-name", "批量菜一"), selectText("#dish-category", "批量分类"), typeInto("#dish-price", "12"),
		chromedp.SetUploadFiles("#image-file", []string{pngFile(t)}, chromedp.ByQuery),
		// The chosen file shows before anything is saved.
		evalTrue(`(() => { const p = document.querySelector('.dialog img.picture-preview'); return !p.hidden && p.src.startsWith('blob:') && p.complete && p.naturalWidth === 32; })()`))
	shot(t, ctx, "menu-02-dish-form-preview")
	for i, next := range []string{"批量菜二", "批量菜三"} {
		run(t, ctx, "save and add another", click("#save-and-add"),
			evalTrue(`(() => { const n = document.querySelector('#dish-name'); return !!n && n.value === '' && document.querySelector('#dish-price').value === ''; })()`),
			evalTrue(`(() => { const s = document.querySelector('#dish-category'); return s.options[s.selectedIndex].textContent === '批量分类'; })()`),
			evalTrue(`document.querySelector('.dialog img.picture-preview').hidden`),
			evalTrue(fmt.Sprintf(`document.querySelectorAll('main input.batch-one[data-name^="批量菜"]').length === %d`, i+1)))
		if i == 0 {
			shot(t, ctx, "menu-03-dish-form-again")
		}
		run(t, ctx, "next dish", typeInto("#dish-name", next), typeInto("#dish-price", "13"))
	}
	run(t, ctx, "last dish", click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		evalTrue(`document.querySelectorAll('main input.batch-one[data-name^="批量菜"]').length === 3`))
	dishes := menuItems(t, base, "/admin/dish/page", "批量菜", token)
	if len(dishes) != 3 {
		t.Fatalf("dishes saved: %+v", dishes)
	}
	for _, d := range dishes {
		if hasPicture := strings.Contains(d.Image, "/api/files/"); hasPicture != (d.Name == "批量菜一") {
			t.Errorf("%s: image %q (only the first was given a picture)", d.Name, d.Image)
		}
	}
	// Editing shows the current picture, and offers no "save and add another".
	run(t, ctx, "edit shows the picture", click(`[data-edit="批量菜一"]`), chromedp.WaitVisible("#dish-name", chromedp.ByQuery),
		evalTrue(`(() => { const p = document.querySelector('.dialog img.picture-preview'); return !p.hidden && p.src.includes('/api/files/') && p.complete && p.naturalWidth === 32; })()`),
		evalTrue(`!document.querySelector('#save-and-add')`))
	shot(t, ctx, "menu-03b-dish-edit")
	run(t, ctx, "close edit", clickText(".dialog button", "取消"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery))
	wantStatuses(t, "new dishes", statuses(t, base, "/admin/dish/page", "批量菜", token), map[string]int{"批量菜一": 0, "批量菜二": 0, "批量菜三": 0})

	// Batch start of two, batch stop of one, batch delete refused for one on sale and done for stopped ones.
	run(t, ctx, "batch start", evalTrue(`document.querySelector('#batch-start').disabled`), checkRows("批量菜一", "批量菜二"),
		click("#batch-start"), chromedp.WaitVisible(".dialog [data-ok]", chromedp.ByQuery))
	shot(t, ctx, "menu-04-batch-confirm")
	run(t, ctx, "batch start confirmed", click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		rowsShow("已启售", "批量菜一", "批量菜二"))
	wantStatuses(t, "after batch start", statuses(t, base, "/admin/dish/page", "批量菜", token), map[string]int{"批量菜一": 1, "批量菜二": 1, "批量菜三": 0})
	shot(t, ctx, "menu-05-batch-started")
	run(t, ctx, "batch stop", checkRows("批量菜二"), click("#batch-stop"), click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		rowsShow("已停售", "批量菜二"))
	wantStatuses(t, "after batch stop", statuses(t, base, "/admin/dish/page", "批量菜", token), map[string]int{"批量菜一": 1, "批量菜二": 0, "批量菜三": 0})
	run(t, ctx, "batch delete refused", checkRows("批量菜一", "批量菜三"), click("#batch-delete"), click("[data-ok]"),
		evalTrue(`document.querySelector('.dialog [role=alert]').textContent.includes('起售中的菜品不能删除')`))
	shot(t, ctx, "menu-06-batch-delete-refused")
	wantStatuses(t, "after a refused delete", statuses(t, base, "/admin/dish/page", "批量菜", token), map[string]int{"批量菜一": 1, "批量菜二": 0, "批量菜三": 0})
	run(t, ctx, "batch delete", clickText(".dialog button", "取消"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		chromedp.Evaluate(`document.querySelector('main input.batch-one[data-name="批量菜一"]').click()`, nil),
		checkRows("批量菜二", "批量菜三"), click("#batch-delete"), click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		evalTrue(`document.querySelectorAll('main input.batch-one[data-name^="批量菜"]').length === 1`))
	wantStatuses(t, "after batch delete", statuses(t, base, "/admin/dish/page", "批量菜", token), map[string]int{"批量菜一": 1})

	// Set meals: two with "save and add another", then batch start, stop and delete.
	run(t, ctx, "set meal pictures", chromedp.Navigate(base+"/console/#/setmeals"),
		evalTrue(`(() => { const imgs = [...document.querySelectorAll('main td img.thumb')]; return imgs.length > 0 && imgs.every(i => i.complete && i.naturalWidth > 0); })()`),
		click("#add-setmeal"), typeInto("#setmeal-name", "批量套餐一"), selectText("#setmeal-category", "人气套餐"), typeInto("#setmeal-price", "30"),
		typeInto("#dish-search", "批量菜一"), click("#dish-search-button"), clickText("#dish-results button", "批量菜一"),
		chromedp.SetUploadFiles("#image-file", []string{pngFile(t)}, chromedp.ByQuery),
		evalTrue(`document.querySelector('.dialog img.picture-preview').src.startsWith('blob:')`))
	shot(t, ctx, "menu-07-setmeal-form")
	run(t, ctx, "set meal save and add", click("#save-and-add"),
		evalTrue(`(() => { const n = document.querySelector('#setmeal-name'); const s = document.querySelector('#setmeal-category'); return !!n && n.value === '' && s.options[s.selectedIndex].textContent === '人气套餐'; })()`),
		evalTrue(`!!document.querySelector('main input.batch-one[data-name="批量套餐一"]')`),
		typeInto("#setmeal-name", "批量套餐二"), typeInto("#setmeal-price", "31"),
		typeInto("#dish-search", "批量菜一"), click("#dish-search-button"), clickText("#dish-results button", "批量菜一"),
		chromedp.SetUploadFiles("#image-file", []string{pngFile(t)}, chromedp.ByQuery), click("[data-ok]"),
		chromedp.WaitNotPresent(".dialog", chromedp.ByQuery), evalTrue(`!!document.querySelector('main input.batch-one[data-name="批量套餐二"]')`))
	wantStatuses(t, "new set meals", statuses(t, base, "/admin/setmeal/page", "批量套餐", token), map[string]int{"批量套餐一": 0, "批量套餐二": 0})
	run(t, ctx, "set meals start", checkRows("批量套餐一", "批量套餐二"), click("#batch-start"), click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		rowsShow("已启售", "批量套餐一", "批量套餐二"))
	wantStatuses(t, "set meals started", statuses(t, base, "/admin/setmeal/page", "批量套餐", token), map[string]int{"批量套餐一": 1, "批量套餐二": 1})
	shot(t, ctx, "menu-08-setmeals-started")
	var allChecked, noneChecked string
	run(t, ctx, "select all", chromedp.Evaluate(`document.querySelector('main .batch-all').click()`, nil),
		chromedp.Evaluate(`[...document.querySelectorAll('main input.batch-one')].map(b => b.checked).join() + ' ' + document.querySelector('#batch-count').textContent`, &allChecked),
		chromedp.Evaluate(`document.querySelector('main .batch-all').click()`, nil),
		chromedp.Evaluate(`[...document.querySelectorAll('main input.batch-one')].map(b => b.checked).join() + ' ' + document.querySelector('#batch-count').textContent`, &noneChecked))
	if allChecked != "true,true,true,true 已选 4" || noneChecked != "false,false,false,false 已选 0" {
		t.Errorf("select all: %q, then again: %q", allChecked, noneChecked)
	}
	run(t, ctx, "set meals stop", checkRows("批量套餐一", "批量套餐二"), click("#batch-stop"), click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		rowsShow("已停售", "批量套餐一", "批量套餐二"))
	wantStatuses(t, "set meals stopped", statuses(t, base, "/admin/setmeal/page", "批量套餐", token), map[string]int{"批量套餐一": 0, "批量套餐二": 0})
	run(t, ctx, "set meals delete", checkRows("批量套餐一", "批量套餐二"), click("#batch-delete"), click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		evalTrue(`!document.querySelector('main input.batch-one[data-name^="批量套餐"]')`))
	wantStatuses(t, "set meals deleted", statuses(t, base, "/admin/setmeal/page", "批量套餐", token), map[string]int{})
	noBrowserErrors(t, errs)
}

// Staff put items on and off sale in batches too, but do not delete.
func TestConsoleStaffBatchWithoutDelete(t *testing.T) {
	app, base, ctx, errs, _ := demoConsole(t)
	_, token := apptest.EmployeeWithRole(t, app, "waiter", 1, auth.RoleStaff)
	run(t, ctx, "sign out", click("#logout"), chromedp.WaitVisible("#login-username", chromedp.ByQuery))
	signIn(t, ctx, base, "waiter")
	run(t, ctx, "staff batch", chromedp.Navigate(base+"/console/#/setmeals"), chromedp.WaitVisible("#batch-stop", chromedp.ByQuery),
		evalTrue(`!!document.querySelector('#batch-start') && !document.querySelector('#batch-delete')`))
	var names []string
	run(t, ctx, "set meals", chromedp.Evaluate(`[...document.querySelectorAll('main input.batch-one')].map(b => b.dataset.name)`, &names))
	if len(names) < 2 {
		t.Fatalf("demo set meals: %v", names)
	}
	shot(t, ctx, "menu-09-staff-setmeals")
	run(t, ctx, "staff batch stop", checkRows(names...), click("#batch-stop"), click("[data-ok]"), chromedp.WaitNotPresent(".dialog", chromedp.ByQuery),
		rowsShow("已停售", names...))
	for name, status := range statuses(t, base, "/admin/setmeal/page", "", token) {
		if status != 0 {
			t.Errorf("%s still on sale after staff's batch stop", name)
		}
	}
	noBrowserErrors(t, errs)
}

func TestConsoleClosingTheShopAsksFirst(t *testing.T) {
	_, base, ctx, errs, token := demoConsole(t)
	shopStatus := func() string {
		return string(ok(t, "shop status", apptest.Call(t, "GET", base+"/admin/shop/status", nil, "token", token)).Data)
	}
	if s := shopStatus(); s != "1" {
		t.Fatalf("the demo shop starts closed: %s", s)
	}
	run(t, ctx, "ask", chromedp.Navigate(base+"/console/#/orders"), click("#shop-switch.open"),
		chromedp.WaitVisible(".close-shop #close-shop-warning", chromedp.ByQuery),
		evalTrue(`document.querySelector('#close-shop-warning').textContent.includes('顾客不能下单')`))
	shot(t, ctx, "shop-01-confirm-close")
	run(t, ctx, "cancel", clickText(".close-shop button", "取消"), chromedp.WaitNotPresent(".close-shop", chromedp.ByQuery),
		chromedp.WaitVisible("#shop-switch.open", chromedp.ByQuery), evalTrue(`!document.body.classList.contains('shop-closed')`))
	if s := shopStatus(); s != "1" {
		t.Fatalf("cancel closed the shop: status %s", s)
	}
	run(t, ctx, "confirm", click("#shop-switch.open"), chromedp.WaitVisible(".close-shop", chromedp.ByQuery), click(".close-shop [data-ok]"),
		chromedp.WaitVisible("#shop-switch.closed", chromedp.ByQuery),
		evalTrue(`document.body.classList.contains('shop-closed') && document.querySelector('#shop-switch').textContent.includes('顾客无法下单')`),
		// the top bar is no longer the usual dark grey
		evalTrue(`getComputedStyle(document.querySelector('.topbar')).backgroundImage.includes('gradient')`))
	if s := shopStatus(); s != "0" {
		t.Fatalf("confirm did not close the shop: status %s", s)
	}
	shot(t, ctx, "shop-02-closed")
	// The closed state survives a reload, and opening needs no confirmation.
	run(t, ctx, "closed after reload", chromedp.Reload(), chromedp.WaitVisible("#shop-switch.closed", chromedp.ByQuery),
		evalTrue(`document.body.classList.contains('shop-closed')`))
	run(t, ctx, "reopen", click("#shop-switch.closed"), chromedp.WaitVisible("#shop-switch.open", chromedp.ByQuery),
		evalTrue(`!document.querySelector('.overlay') && !document.body.classList.contains('shop-closed')`))
	if s := shopStatus(); s != "1" {
		t.Fatalf("reopening: status %s", s)
	}
	noBrowserErrors(t, errs)
}

// The report's x axis has one label per day, oldest first, never an hour and never a day twice; at 30 days it
// thins the labels but keeps the last day.
func TestConsoleReportAxisLabels(t *testing.T) {
	_, base, ctx, errs, _ := demoConsole(t)
	today := time.Now().In(clock.Zone())
	day := func(back int) string { return today.AddDate(0, 0, -back).Format("01-02") }
	labels := func(preset string) []string {
		t.Helper()
		var got string
		run(t, ctx, "report "+preset, chromedp.Navigate(base+"/console/#/reports"), clickText(".tabs button", preset),
			evalTrue(fmt.Sprintf(`[...document.querySelectorAll('.tabs button.active')].some(b => b.textContent === %q)`, preset)),
			evalTrue(`document.querySelectorAll('.chart[data-x-labels]').length === 3`),
			chromedp.Evaluate(`(() => { const all = [...document.querySelectorAll('.chart[data-x-labels]')].map(c => c.dataset.xLabels); return all.every(l => l === all[0]) ? all[0] : 'charts differ: ' + all.join(' | '); })()`, &got))
		shot(t, ctx, "reports-"+preset)
		return strings.Fields(got)
	}
	day1 := regexp.MustCompile(`^\d\d-\d\d$`)
	distinctDays := func(preset string, got []string) {
		t.Helper()
		seen := map[string]bool{}
		for _, l := range got {
			if !day1.MatchString(l) || seen[l] {
				t.Errorf("%s: labels %v: %q is not one day's label", preset, got, l)
			}
			seen[l] = true
		}
	}
	if got := labels("昨日"); strings.Join(got, " ") != day(1) {
		t.Errorf("昨日: labels %v, want [%s]", got, day(1))
	}
	var week []string
	for back := 7; back >= 1; back-- {
		week = append(week, day(back))
	}
	if got := labels("近7日"); strings.Join(got, " ") != strings.Join(week, " ") {
		t.Errorf("近7日: labels %v, want %v", got, week)
	}
	month := labels("近30日")
	distinctDays("近30日", month)
	if len(month) < 5 || len(month) > 12 || month[len(month)-1] != day(1) {
		t.Errorf("近30日: labels %v: want 5–12 labels ending on %s", month, day(1))
	}
	for i := 1; i < len(month); i++ { // evenly spaced
		a, _ := time.Parse("01-02", month[i-1])
		b, _ := time.Parse("01-02", month[i])
		step0, _ := time.Parse("01-02", month[0])
		step1, _ := time.Parse("01-02", month[1])
		if gap := b.Sub(a); gap != step1.Sub(step0) && gap > 0 {
			t.Errorf("近30日: labels %v are not evenly spaced", month)
			break
		}
	}
	for _, p := range []string{"本周", "本月"} {
		got := labels(p)
		distinctDays(p, got)
		if len(got) == 0 || got[len(got)-1] != day(0) { // labels are counted back from the last day
			t.Errorf("%s: labels %v should end today %s", p, got, day(0))
		}
	}
	noBrowserErrors(t, errs)
}

// printPDF prints the page as the browser's print dialog would, on paper of the given width, honouring the
// page's own @page size, and saves the PDF under test-artifacts.
func printPDF(t *testing.T, ctx context.Context, name string, widthMM, heightMM float64) []byte {
	t.Helper()
	var pdf []byte
	run(t, ctx, "print "+name, chromedp.ActionFunc(func(ctx context.Context) error {
		var err error
		pdf, _, err = page.PrintToPDF().WithPaperWidth(widthMM / 25.4).WithPaperHeight(heightMM / 25.4).
			WithPreferCSSPageSize(true).WithPrintBackground(false).Do(ctx)
		return err
	}))
	writeArtifact(t, "console-"+name+".pdf", pdf)
	return pdf
}

var mediaBox = regexp.MustCompile(`/MediaBox \[\s*0 0 ([\d.]+) ([\d.]+)\s*\]`)

// pdfPages returns the size in millimetres of each page of a PDF Chromium printed.
func pdfPages(t *testing.T, pdf []byte) [][2]float64 {
	t.Helper()
	var out [][2]float64
	for _, m := range mediaBox.FindAllSubmatch(pdf, -1) {
		var w, h float64
		fmt.Sscan(string(m[1]), &w)
		fmt.Sscan(string(m[2]), &h)
		out = append(out, [2]float64{w / 72 * 25.4, h / 72 * 25.4})
	}
	if len(out) == 0 {
		t.Fatal("no pages in the PDF")
	}
	return out
}

// demoOrder has a new customer order and pay for a dish with a long name and a flavor, with a remark, one
// set of tableware and a long address; it returns the order number and a function that places another such order.
func demoOrder(t *testing.T, app core.App, base, token string) (string, func() string) {
	t.Helper()
	var cats []struct {
		ID   json.Number `json:"id"`
		Name string      `json:"name"`
	}
	dec := json.NewDecoder(bytes.NewReader(ok(t, "categories", apptest.Call(t, "GET", base+"/admin/category/list?type=1", nil, "token", token)).Data))
	dec.UseNumber()
	dec.Decode(&cats)
	if len(cats) == 0 {
		t.Fatal("no dish category in the demo menu")
	}
	catID := cats[0].ID
	ok(t, "dish", apptest.Call(t, "POST", base+"/admin/dish", map[string]any{"name": "招牌水煮鱼配米饭和凉拌黄瓜特大份", "categoryId": catID, "price": "18", "status": 1,
		"flavors": []map[string]string{{"name": "辣度", "value": `["微辣","中辣"]`}}}, "token", token))
	dish := menuItems(t, base, "/admin/dish/page", "招牌水煮鱼", token)[0]
	ok(t, "on sale", apptest.Call(t, "POST", base+"/admin/dish/status/1?id="+dish.ID.String(), nil, "token", token))
	_, cust := apptest.Customer(t, app, "openid-ticket")
	auth := []string{"authentication", cust}
	ok(t, "address", apptest.Call(t, "POST", base+"/user/addressBook", map[string]any{"consignee": "王小明", "phone": "13912345678", "sex": "0",
		"provinceName": "北京市", "cityName": "北京市", "districtName": "海淀区", "detail": "上地十街10号百度科技园二期东门传达室", "label": "1"}, auth...))
	var addresses []struct {
		ID json.Number `json:"id"`
	}
	dec = json.NewDecoder(bytes.NewReader(ok(t, "addresses", apptest.Call(t, "GET", base+"/user/addressBook/list", nil, auth...)).Data))
	dec.UseNumber()
	dec.Decode(&addresses)
	another := func() string { return placeOrder(t, base, addresses[0].ID, dish.ID, auth...) }
	return another(), another
}

func TestConsoleTicketFits80mmPaper(t *testing.T) {
	app, base, ctx, errs, token := demoConsole(t)
	number, _ := demoOrder(t, app, base, token)

	run(t, ctx, "order detail", chromedp.Navigate(base+"/console/#/orders"), click(`.tabs [data-status="2"]`),
		evalTrue(fmt.Sprintf(`!!document.querySelector('main table') && document.querySelector('main table').textContent.includes(%q)`, number)),
		evalTrue(`(() => { document.querySelector('#alerts-popup [data-ack]')?.click(); return true; })()`),
		chromedp.WaitNotPresent("#alerts-popup", chromedp.ByQuery),
		clickText("main td.actions button", "详情"), chromedp.WaitVisible("#order-detail", chromedp.ByQuery),
		evalTrue(`(() => { window.__printed = 0; window.print = () => { window.__printed++; }; return true; })()`),
		clickText("#order-detail button", "打印小票"), evalTrue(`window.__printed === 1`))

	// What the kitchen needs is on the ticket, and nothing sticks out of 80 mm paper's printable width.
	run(t, ctx, "print media", emulation.SetEmulatedMedia().WithMedia("print"))
	var text string
	run(t, ctx, "ticket text", chromedp.Evaluate(`document.querySelector('#ticket').innerText`, &text))
	for _, want := range []string{number[len(number)-4:], number, "招牌水煮鱼配米饭和凉拌黄瓜特大份", "微辣", "×1", "少放辣", "餐具", "¥18.00", "打包费", "¥1.00", "配送费", "¥6.00", "合计", "¥25.00",
		"王小明", "13912345678", "上地十街10号百度科技园二期东门传达室", "2030-01-02 12:30", time.Now().In(clock.Zone()).Format("2006-01-02")} {
		if !strings.Contains(text, want) {
			t.Errorf("ticket lacks %q:\n%s", want, text)
		}
	}
	var overflow string
	run(t, ctx, "ticket fits", chromedp.Evaluate(`(() => { const tk = document.querySelector('#ticket'); const box = tk.getBoundingClientRect();
		const out = [...tk.querySelectorAll('*')].filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.right > box.right + 0.5 || r.left < box.left - 0.5); });
		return (tk.scrollWidth > tk.clientWidth + 1 ? 'ticket scrolls; ' : '') + out.map(e => e.tagName + ':' + e.textContent.slice(0, 20)).join(', '); })()`, &overflow))
	if overflow != "" {
		t.Errorf("ticket wider than its paper: %s", overflow)
	}
	run(t, ctx, "screen media", emulation.SetEmulatedMedia().WithMedia(""))
	// On A4 paper the ticket's own page size wins: 80 mm wide, as long as the ticket.
	pages := pdfPages(t, printPDF(t, ctx, "ticket-80mm", 210, 297))
	if w, h := pages[0][0], pages[0][1]; w < 79 || w > 81 || h < 60 || h > 200 {
		t.Errorf("ticket page %.1f×%.1f mm, want 80 mm wide and as long as the ticket", w, h)
	}
	if len(pages) != 1 {
		t.Errorf("ticket printed on %d pages, want 1", len(pages))
	}
	noBrowserErrors(t, errs)
}

func TestConsoleOrderingQRCodes(t *testing.T) {
	app, base, ctx, errs, _ := demoConsole(t)
	run(t, ctx, "QR page", chromedp.Navigate(base+"/console/#/qrcodes"), chromedp.WaitVisible("#storefront-link", chromedp.ByQuery),
		evalTrue(fmt.Sprintf(`document.querySelector('#storefront-link').textContent === %q && document.querySelector('#storefront-link').href === %q`, base+"/order/", base+"/order/")),
		evalTrue(fmt.Sprintf(`(() => { const q = document.querySelector('#storefront-qr svg.qr'); return !!q && q.dataset.text === %q && q.querySelector('path').getAttribute('d').length > 1000; })()`, base+"/order/")),
		// served from 127.0.0.1 without an application URL: phones could not open this link, and the page says so
		evalTrue(`document.querySelector('#app-url-note').className === 'warning'`))
	shot(t, ctx, "qr-01-page")
	run(t, ctx, "bad tables", typeInto("#tables", "9-3"), click("#make-tables"),
		evalTrue(`document.querySelector('main [role=alert]').textContent.includes('桌号范围有误')`))
	run(t, ctx, "tables", typeInto("#tables", "1-3, A1,包间"), click("#make-tables"),
		evalTrue(`document.querySelectorAll('#table-sheet .qr-table').length === 5`))
	var labels []string
	run(t, ctx, "table labels", chromedp.Evaluate(`[...document.querySelectorAll('#table-sheet .qr-table')].map(c => c.querySelector('.qr-table-no').textContent + '=' + c.querySelector('svg.qr').dataset.text)`, &labels))
	var want []string
	for _, n := range []string{"1", "2", "3", "A1", "包间"} {
		want = append(want, "桌号 "+n+"="+base+"/order/?table="+strings.ReplaceAll(n, "包间", "%E5%8C%85%E9%97%B4"))
	}
	if strings.Join(labels, "\n") != strings.Join(want, "\n") {
		t.Errorf("table cards:\n%s\nwant\n%s", strings.Join(labels, "\n"), strings.Join(want, "\n"))
	}
	shot(t, ctx, "qr-02-tables")

	// The link's card prints alone on one A4 page.
	run(t, ctx, "print link", evalTrue(`(() => { window.print = () => {}; return true; })()`), click("#print-link"),
		evalTrue(`document.body.dataset.print === 'sheet' && !!document.querySelector('#print-sheet .qr-link svg.qr')`))
	if pages := pdfPages(t, printPDF(t, ctx, "qr-link-a4", 80, 297)); len(pages) != 1 || pages[0][0] < 209 || pages[0][0] > 211 {
		t.Errorf("link card printed on %v mm pages, want one A4 page", pages)
	}

	// The sheet prints alone on A4, every card whole.
	run(t, ctx, "print tables", evalTrue(`(() => { window.print = () => {}; return true; })()`), typeInto("#tables", "1-14"), click("#make-tables"),
		evalTrue(`document.querySelectorAll('#table-sheet .qr-table').length === 14`), click("#print-tables"),
		evalTrue(`document.body.dataset.print === 'sheet' && document.querySelectorAll('#print-sheet .qr-table').length === 14`))
	pages := pdfPages(t, printPDF(t, ctx, "qr-tables-a4", 80, 297))
	if w, h := pages[0][0], pages[0][1]; w < 209 || w > 211 || h < 296 || h > 298 {
		t.Errorf("table sheet page %.0f×%.0f mm, want A4", w, h)
	}
	if len(pages) != 2 { // 9 cards a page
		t.Errorf("14 tables printed on %d pages, want 2", len(pages))
	}
	run(t, ctx, "print media", emulation.SetEmulatedMedia().WithMedia("print"), chromedp.EmulateViewport(794, 1123))
	shot(t, ctx, "qr-03-tables-print")
	run(t, ctx, "screen media", emulation.SetEmulatedMedia().WithMedia(""), chromedp.EmulateViewport(1280, 860))

	// With an application URL the codes carry it.
	app.Settings().Meta.AppURL = "https://shop.example.com/"
	run(t, ctx, "with app URL", chromedp.Reload(), chromedp.WaitVisible("#storefront-link", chromedp.ByQuery),
		evalTrue(`document.querySelector('#storefront-link').textContent === 'https://shop.example.com/order/'`),
		evalTrue(`!document.querySelector('#app-url-note')`),
		evalTrue(`document.querySelector('#table-sheet .qr-table svg.qr').dataset.text === 'https://shop.example.com/order/?table=1'`))

	// In English too.
	run(t, ctx, "english", click(".lang-switch"), evalTrue(`document.querySelector('nav a[data-view=qrcodes]').textContent === 'Ordering QR codes'`),
		evalTrue(`document.querySelector('#print-tables').textContent === 'Print (A4)' && document.querySelector('.qr-table-no').textContent === 'Table 1'`))
	shot(t, ctx, "qr-04-english")
	run(t, ctx, "english dishes", chromedp.Navigate(base+"/console/#/dishes"), chromedp.WaitVisible("#batch-start", chromedp.ByQuery),
		evalTrue(`document.querySelector('#batch-start').textContent === 'Enable selected' && document.querySelector('#batch-delete').textContent === 'Delete selected'`),
		click("#add-dish"), evalTrue(`document.querySelector('#save-and-add').textContent === 'Save and add another'`))
	shot(t, ctx, "menu-10-english-dish-form")
	noBrowserErrors(t, errs)
}

// viewportShot saves what the screen shows, as a tablet's user sees it (a full-page screenshot re-lays the page
// out at another width).
func viewportShot(t *testing.T, ctx context.Context, name string) {
	t.Helper()
	var buf []byte
	c, cancel := context.WithTimeout(ctx, 10*time.Second)
	defer cancel()
	if err := chromedp.Run(c, chromedp.CaptureScreenshot(&buf)); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	writeArtifact(t, "console-"+name+".png", buf)
}

// writeArtifact saves a screenshot or PDF under test-artifacts.
func writeArtifact(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifacts, file), data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every screen works on a tablet, landscape and portrait: no sideways scrolling, and every control a finger
// can hit (at least 40 px each way).
func TestConsoleTabletSizes(t *testing.T) {
	app, base, ctx, errs, token := demoConsole(t)
	_, anotherOrder := demoOrder(t, app, base, token) // the order screens have a row with its buttons
	var views []string
	run(t, ctx, "screens", chromedp.Evaluate(`[...document.querySelectorAll('nav a')].map(a => a.dataset.view)`, &views))
	if len(views) < 9 {
		t.Fatalf("screens in the menu: %v", views)
	}
	const smallTargets = `(() => {
		const bad = [];
		for (const el of document.querySelectorAll('button, a[href], input, select, textarea, label.check-cell')) {
			if (el.offsetParent === null || el.closest('.check-cell') && el.tagName === 'INPUT') continue;
			const r = el.getBoundingClientRect();
			if (r.height < 39.5 || r.width < 39.5) bad.push((el.id || el.className || el.tagName) + ' "' + (el.textContent || el.value || '').trim().slice(0, 12) + '" ' + Math.round(r.width) + 'x' + Math.round(r.height));
		}
		return bad.join('; ');
	})()`
	// Neither the page nor the screen's own scrolling area may scroll sideways (the scroll bar's width counts).
	const overflow = `[document.documentElement, document.querySelector('main'), document.querySelector('.overlay .dialog')].filter(Boolean)
		.filter(e => e.scrollWidth > e.clientWidth).map(e => e.tagName + '.' + e.className + ' ' + e.scrollWidth + ' px wide in ' + e.clientWidth).join('; ')`
	check := func(size, what string) {
		t.Helper()
		var small, wide string
		run(t, ctx, size+" "+what, chromedp.Sleep(200*time.Millisecond), chromedp.Evaluate(smallTargets, &small), chromedp.Evaluate(overflow, &wide))
		if small != "" {
			t.Errorf("%s %s: too small to tap: %s", size, what, small)
		}
		if wide != "" {
			t.Errorf("%s %s: %s", size, what, wide)
		}
		viewportShot(t, ctx, "tablet-"+size+"-"+what)
	}
	for _, size := range []struct {
		name string
		w, h int64
	}{{"1024x768", 1024, 768}, {"768x1024", 768, 1024}} {
		run(t, ctx, "size "+size.name, chromedp.EmulateViewport(size.w, size.h, chromedp.EmulateTouch))
		if size.w < size.h { // a new order to ring in portrait too
			anotherOrder()
		}
		run(t, ctx, "alert", chromedp.Navigate(base+"/console/#/orders"), chromedp.Reload(), chromedp.WaitVisible("#alerts-popup", chromedp.ByQuery))
		check(size.name, "alert")
		for _, v := range views {
			run(t, ctx, "screen "+v, chromedp.Navigate(base+"/console/#/"+v),
				evalTrue(fmt.Sprintf(`!!document.querySelector('main [data-view=%q]') && document.querySelector('main [data-view=%q]').childElementCount > 0`, v, v)),
				evalTrue(`(() => { document.querySelector('#alerts-popup [data-ack]')?.click(); return true; })()`))
			if v == "reports" {
				run(t, ctx, "charts drawn", evalTrue(`document.querySelectorAll('.chart canvas').length >= 3`))
			}
			check(size.name, v)
		}
		run(t, ctx, "dish form", chromedp.Navigate(base+"/console/#/dishes"), click("#add-dish"), chromedp.WaitVisible("#dish-name", chromedp.ByQuery))
		check(size.name, "dish-form")
		run(t, ctx, "set meal form", chromedp.Navigate(base+"/console/#/setmeals"), click("#add-setmeal"), chromedp.WaitVisible("#setmeal-name", chromedp.ByQuery),
			evalTrue(`document.querySelectorAll('#dish-results button').length > 0`))
		check(size.name, "setmeal-form")
		run(t, ctx, "close form", chromedp.Navigate(base+"/console/#/orders"))
		run(t, ctx, "close shop dialog", click("#shop-switch.open"), chromedp.WaitVisible(".close-shop", chromedp.ByQuery))
		check(size.name, "close-shop")
		run(t, ctx, "cancel close", clickText(".close-shop button", "取消"), chromedp.WaitNotPresent(".close-shop", chromedp.ByQuery))
	}
	for _, size := range []struct {
		name string
		w, h int64
	}{{"1024x768", 1024, 768}, {"768x1024", 768, 1024}} {
		run(t, ctx, "login "+size.name, chromedp.EmulateViewport(size.w, size.h, chromedp.EmulateTouch), chromedp.Navigate(base+"/console/"))
		if size.w == 1024 {
			run(t, ctx, "sign out", click("#logout"))
		}
		run(t, ctx, "login form", chromedp.WaitVisible("#login-username", chromedp.ByQuery))
		check(size.name, "login")
	}
	noBrowserErrors(t, errs)
}
