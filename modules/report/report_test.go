package report_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/report"
)

// seedShop is the data set of the report tests, in Asia/Shanghai. Every figure the tests expect is worked
// out by hand from this list.
//
//	order  placed (Shanghai)           status  amount  items
//	M      2024-04-01 23:59:59.999     5       999.00  -
//	N      2024-04-02 00:00:00.000     5        10.00  -
//	L      2024-04-15 12:00            6        30.00  -
//	I      2024-04-30 23:59:59.999     5        88.00  宫保鸡丁×50
//	A      2024-05-01 00:00:00.000     5       100.00  鱼香肉丝×3 宫保鸡丁×2
//	B      2024-05-01 23:59:59.999     5        20.55  米饭×12 可乐×1
//	C      2024-05-02 00:30 (UTC: 1 May 16:30)  5  120.50  鱼香肉丝×4 商务套餐A×5 酸菜鱼×6 水煮牛肉×14
//	                                                   麻婆豆腐×8 红烧肉×9 回锅肉×10 雪碧×11 米饭×1
//	D      2024-05-02 12:00            6        50.00  可乐×100
//	E      2024-05-02 13:00            1        30.00  可乐×100
//	F,G,H  2024-05-02 14:00/14:30/15:00  2,3,4  30.00 each
//	K      2024-05-03 10:00            6        40.00  -
//	J      2024-05-04 00:00:00.000     5        70.00  可乐×100
//
// Customers registered: 2024-03-01 10:00, 2024-04-30 23:59:59.999, 2024-05-01 00:00:00.000,
// 2024-05-02 00:30, 2024-05-02 20:00, 2024-05-04 00:00:00.000.
// Dishes: two on sale, one off sale. Set meals: one on sale, two off sale.
func seedShop(t testing.TB, app core.App) {
	seedOrder(t, app, "2024-04-01 23:59:59.999", 5, 99900)
	seedOrder(t, app, "2024-04-02 00:00:00.000", 5, 1000)
	seedOrder(t, app, "2024-04-15 12:00:00.000", 6, 3000)
	seedOrder(t, app, "2024-04-30 23:59:59.999", 5, 8800, item{"宫保鸡丁", 50})
	seedOrder(t, app, "2024-05-01 00:00:00.000", 5, 10000, item{"鱼香肉丝", 3}, item{"宫保鸡丁", 2})
	seedOrder(t, app, "2024-05-01 23:59:59.999", 5, 2055, item{"米饭", 12}, item{"可乐", 1})
	seedOrder(t, app, "2024-05-02 00:30:00.000", 5, 12050,
		item{"鱼香肉丝", 4}, item{"商务套餐A", 5}, item{"酸菜鱼", 6}, item{"水煮牛肉", 14}, item{"麻婆豆腐", 8},
		item{"红烧肉", 9}, item{"回锅肉", 10}, item{"雪碧", 11}, item{"米饭", 1})
	seedOrder(t, app, "2024-05-02 12:00:00.000", 6, 5000, item{"可乐", 100})
	seedOrder(t, app, "2024-05-02 13:00:00.000", 1, 3000, item{"可乐", 100})
	seedOrder(t, app, "2024-05-02 14:00:00.000", 2, 3000)
	seedOrder(t, app, "2024-05-02 14:30:00.000", 3, 3000)
	seedOrder(t, app, "2024-05-02 15:00:00.000", 4, 3000)
	seedOrder(t, app, "2024-05-03 10:00:00.000", 6, 4000)
	seedOrder(t, app, "2024-05-04 00:00:00.000", 5, 7000, item{"可乐", 100})

	for _, wall := range []string{"2024-03-01 10:00:00.000", "2024-04-30 23:59:59.999", "2024-05-01 00:00:00.000",
		"2024-05-02 00:30:00.000", "2024-05-02 20:00:00.000", "2024-05-04 00:00:00.000"} {
		seedUser(t, app, wall)
	}

	seedMenuItem(t, app, "dishes", "鱼香肉丝", 1)
	seedMenuItem(t, app, "dishes", "宫保鸡丁", 1)
	seedMenuItem(t, app, "dishes", "酸菜鱼", 0)
	seedMenuItem(t, app, "setmeals", "商务套餐A", 1)
	seedMenuItem(t, app, "setmeals", "商务套餐B", 0)
	seedMenuItem(t, app, "setmeals", "商务套餐C", 0)
}

// shopServer serves a seeded app with the clock at the given Shanghai wall time, and an employee token.
func shopServer(t *testing.T, clock string) (base, token string) {
	t.Helper()
	app := apptest.New(t, report.Register)
	seedShop(t, app)
	setClock(t, app, clock)
	_, token = apptest.Employee(t, app, "boss", 1)
	return apptest.Serve(t, app), token
}

// getData calls a compat GET route and decodes data into a generic map; it fails the test on code 0.
func getData(t *testing.T, url, token string) map[string]any {
	t.Helper()
	r := apptest.Call(t, http.MethodGet, url, nil, "token", token)
	if r.Status != http.StatusOK || r.Code != 1 {
		t.Fatalf("GET %s: status %d code %d msg %q", url, r.Status, r.Code, r.Message())
	}
	var data map[string]any
	if err := json.Unmarshal(r.Data, &data); err != nil {
		t.Fatalf("GET %s: data %s: %v", url, r.Data, err)
	}
	return data
}

// rawData is the data of a compat GET route as sent, to check number formats such as 0.0.
func rawData(t *testing.T, url, token string) string {
	t.Helper()
	r := apptest.Call(t, http.MethodGet, url, nil, "token", token)
	if r.Code != 1 {
		t.Fatalf("GET %s: code %d msg %q", url, r.Code, r.Message())
	}
	return string(r.Data)
}

func expectFields(t *testing.T, what string, got map[string]any, want map[string]any) {
	t.Helper()
	for k, v := range want {
		g, ok := got[k]
		if !ok {
			t.Errorf("%s: field %q missing in %v", what, k, got)
			continue
		}
		if gf, ok := g.(float64); ok {
			if wf, ok := v.(float64); ok && (gf-wf > 1e-12 || wf-gf > 1e-12) {
				t.Errorf("%s: %s = %v, want %v", what, k, g, v)
			}
			if _, ok := v.(float64); !ok {
				t.Errorf("%s: %s = %v (number), want %v", what, k, g, v)
			}
			continue
		}
		if g != v {
			t.Errorf("%s: %s = %q, want %q", what, k, g, v)
		}
	}
	if len(got) != len(want) {
		t.Errorf("%s: fields %v, want exactly %v", what, keys(got), keys(want))
	}
}

func keys(m map[string]any) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	return out
}

func TestReportsAcrossDayBoundaries(t *testing.T) {
	base, tok := shopServer(t, "2024-05-02 15:00:00.000")
	q := "?begin=2024-05-01&end=2024-05-03"

	// 1 May: A 100.00 + B 20.55 (the first and the last millisecond of the day); 2 May: C 120.50, placed at
	// 00:30 Shanghai time, which is still 1 May in UTC; 3 May: nothing completed. I (30 Apr 23:59:59.999)
	// and J (4 May 00:00) fall outside.
	expectFields(t, "turnover", getData(t, base+"/admin/report/turnoverStatistics"+q, tok), map[string]any{
		"dateList":     "2024-05-01,2024-05-02,2024-05-03",
		"turnoverList": "120.55,120.5,0.0",
	})

	// Before 1 May: 2 customers; 1 May: +1 (00:00:00.000); 2 May: +2; 3 May: none; 4 May's is outside.
	expectFields(t, "users", getData(t, base+"/admin/report/userStatistics"+q, tok), map[string]any{
		"dateList":      "2024-05-01,2024-05-02,2024-05-03",
		"totalUserList": "3,5,5",
		"newUserList":   "1,2,0",
	})

	// Orders of any status: 1 May A,B; 2 May C,D,E,F,G,H; 3 May K. Completed: A,B; C; none. 3 of 9.
	raw := rawData(t, base+"/admin/report/ordersStatistics"+q, tok)
	if !strings.Contains(raw, `"orderCompletionRate":0.3333333333333333`) {
		t.Errorf("orders: rate not written as a double: %s", raw)
	}
	expectFields(t, "orders", getData(t, base+"/admin/report/ordersStatistics"+q, tok), map[string]any{
		"dateList":            "2024-05-01,2024-05-02,2024-05-03",
		"orderCountList":      "2,6,1",
		"validOrderCountList": "2,1,0",
		"totalOrderCount":     9.0,
		"validOrderCount":     3.0,
		"orderCompletionRate": 1.0 / 3,
	})

	// Completed orders A, B, C only: 米饭 12+1, 鱼香肉丝 3+4, 宫保鸡丁 2 (not I's 50), 可乐 1 (not the
	// cancelled, unpaid or later orders' 100s) is the 11th and left out.
	expectFields(t, "top10", getData(t, base+"/admin/report/top10"+q, tok), map[string]any{
		"nameList":   "水煮牛肉,米饭,雪碧,回锅肉,红烧肉,麻婆豆腐,鱼香肉丝,酸菜鱼,商务套餐A,宫保鸡丁",
		"numberList": "14,13,11,10,9,8,7,6,5,2",
	})

	// Across a month end, and a whole-yuan amount written as 88.0.
	expectFields(t, "turnover 30 Apr-1 May", getData(t, base+"/admin/report/turnoverStatistics?begin=2024-04-30&end=2024-05-01", tok), map[string]any{
		"dateList":     "2024-04-30,2024-05-01",
		"turnoverList": "88.0,120.55",
	})
	// A single day.
	expectFields(t, "top10 of 30 Apr", getData(t, base+"/admin/report/top10?begin=2024-04-30&end=2024-04-30", tok), map[string]any{
		"nameList": "宫保鸡丁", "numberList": "50",
	})
}

func TestReportsOfAnEmptyPeriod(t *testing.T) {
	base, tok := shopServer(t, "2024-05-02 15:00:00.000")
	q := "?begin=2023-01-30&end=2023-02-01"
	dates := "2023-01-30,2023-01-31,2023-02-01"
	expectFields(t, "turnover", getData(t, base+"/admin/report/turnoverStatistics"+q, tok), map[string]any{
		"dateList": dates, "turnoverList": "0.0,0.0,0.0",
	})
	expectFields(t, "users", getData(t, base+"/admin/report/userStatistics"+q, tok), map[string]any{
		"dateList": dates, "totalUserList": "0,0,0", "newUserList": "0,0,0",
	})
	raw := rawData(t, base+"/admin/report/ordersStatistics"+q, tok)
	want := `{"dateList":"` + dates + `","orderCountList":"0,0,0","validOrderCountList":"0,0,0","totalOrderCount":0,"validOrderCount":0,"orderCompletionRate":0.0}`
	if raw != want {
		t.Errorf("orders:\n got %s\nwant %s", raw, want)
	}
	if raw := rawData(t, base+"/admin/report/top10"+q, tok); raw != `{"nameList":"","numberList":""}` {
		t.Errorf("top10: %s", raw)
	}
	// After the last customer registered, the running total stays at all six.
	expectFields(t, "users later", getData(t, base+"/admin/report/userStatistics?begin=2025-01-01&end=2025-01-02", tok), map[string]any{
		"dateList": "2025-01-01,2025-01-02", "totalUserList": "6,6", "newUserList": "0,0",
	})
}

func TestReportsCutDaysInTheShopZoneAcrossDaylightSaving(t *testing.T) {
	newYork, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tz database:", err)
	}
	shanghai := compat.Zone()
	compat.SetZone(newYork)
	t.Cleanup(func() { compat.SetZone(shanghai) })

	app := apptest.New(t, report.Register)
	// Clocks went forward at 02:00 on 10 March 2024 in New York: that day runs from 05:00Z to 04:00Z the
	// next day (23 hours). Local days: 9 Mar 23:59:59.999 EST, 10 Mar 00:00 EST, 10 Mar 23:59:59.999 EDT,
	// 11 Mar 00:00 EDT.
	for _, stored := range []string{"2024-03-10 04:59:59.999Z", "2024-03-10 05:00:00.000Z",
		"2024-03-11 03:59:59.999Z", "2024-03-11 04:00:00.000Z"} {
		seedOrderAt(t, app, stored, 5, 100)
	}
	_, tok := apptest.Employee(t, app, "boss", 1)
	base := apptest.Serve(t, app)
	expectFields(t, "orders", getData(t, base+"/admin/report/ordersStatistics?begin=2024-03-09&end=2024-03-11", tok), map[string]any{
		"dateList":            "2024-03-09,2024-03-10,2024-03-11",
		"orderCountList":      "1,2,1",
		"validOrderCountList": "1,2,1",
		"totalOrderCount":     4.0,
		"validOrderCount":     4.0,
		"orderCompletionRate": 1.0,
	})
	expectFields(t, "turnover", getData(t, base+"/admin/report/turnoverStatistics?begin=2024-03-10&end=2024-03-10", tok), map[string]any{
		"dateList": "2024-03-10", "turnoverList": "2.0",
	})
}

func TestReportPeriodIsChecked(t *testing.T) {
	base, tok := shopServer(t, "2024-05-02 15:00:00.000")
	for _, c := range []struct{ query, msg string }{
		{"?begin=2024-05-03&end=2024-05-01", compat.MsgReportRangeInvalid},
		{"?begin=2023-05-01&end=2024-05-02", compat.MsgReportRangeTooLong},
		{"?begin=2024-05-01", compat.MsgReportDateMissing},
		{"?end=2024-05-01", compat.MsgReportDateMissing},
		{"", compat.MsgReportDateMissing},
		{"?begin=2024-13-01&end=2024-12-01", compat.MsgReportDateInvalid},
		{"?begin=2024-5-1&end=2024-05-02", compat.MsgReportDateInvalid},
		{"?begin=abc&end=2024-05-02", compat.MsgReportDateInvalid},
		{"?begin=2024-05-01%2000:00:00&end=2024-05-02", compat.MsgReportDateInvalid},
	} {
		for _, path := range []string{"turnoverStatistics", "userStatistics", "ordersStatistics", "top10"} {
			r := apptest.Call(t, http.MethodGet, base+"/admin/report/"+path+c.query, nil, "token", tok)
			if r.Status != http.StatusOK || r.Code != 0 || r.Message() != c.msg {
				t.Errorf("%s%s: status %d code %d msg %q, want code 0 %q", path, c.query, r.Status, r.Code, r.Message(), c.msg)
			}
		}
	}
	// Exactly one year, a year ago today to today, is accepted: 2023-05-01..2024-05-01 is 367 days (29 Feb).
	data := getData(t, base+"/admin/report/turnoverStatistics?begin=2023-05-01&end=2024-05-01", tok)
	dates := strings.Split(data["dateList"].(string), ",")
	if len(dates) != 367 || dates[0] != "2023-05-01" || dates[304] != "2024-02-29" || dates[366] != "2024-05-01" {
		t.Errorf("one-year period: %d dates, %v...", len(dates), dates[:3])
	}
	// Whitespace around the dates is forgiven.
	expectFields(t, "spaces", getData(t, base+"/admin/report/turnoverStatistics?begin=%202024-05-01&end=2024-05-01%20", tok), map[string]any{
		"dateList": "2024-05-01", "turnoverList": "120.55",
	})
}

func TestWorkspace(t *testing.T) {
	base, tok := shopServer(t, "2024-05-02 15:00:00.000")

	// Today, 2 May: C completed (120.50) of six orders; two customers registered.
	raw := rawData(t, base+"/admin/workspace/businessData", tok)
	if want := `{"turnover":120.5,"validOrderCount":1,"orderCompletionRate":0.16666666666666666,"unitPrice":120.5,"newUsers":2}`; raw != want {
		t.Errorf("businessData:\n got %s\nwant %s", raw, want)
	}
	// Orders from today 00:00 on, with no upper bound: C,J completed; D,K cancelled; F waiting; G confirmed;
	// E unpaid and H in delivery count only in all.
	if raw := rawData(t, base+"/admin/workspace/overviewOrders", tok); raw !=
		`{"waitingOrders":1,"deliveredOrders":1,"completedOrders":2,"cancelledOrders":2,"allOrders":8}` {
		t.Errorf("overviewOrders: %s", raw)
	}
	if raw := rawData(t, base+"/admin/workspace/overviewDishes", tok); raw != `{"sold":2,"discontinued":1}` {
		t.Errorf("overviewDishes: %s", raw)
	}
	if raw := rawData(t, base+"/admin/workspace/overviewSetmeals", tok); raw != `{"sold":1,"discontinued":2}` {
		t.Errorf("overviewSetmeals: %s", raw)
	}
}

func TestWorkspaceOfADayWithoutCompletedOrders(t *testing.T) {
	// 3 May, early morning Shanghai time (still 2 May in UTC): K (cancelled, later today) is the only order,
	// so rate and unit price are 0.0, not NaN.
	base, tok := shopServer(t, "2024-05-03 06:00:00.000")
	raw := rawData(t, base+"/admin/workspace/businessData", tok)
	if want := `{"turnover":0.0,"validOrderCount":0,"orderCompletionRate":0.0,"unitPrice":0.0,"newUsers":0}`; raw != want {
		t.Errorf("businessData:\n got %s\nwant %s", raw, want)
	}
	if raw := rawData(t, base+"/admin/workspace/overviewOrders", tok); raw !=
		`{"waitingOrders":0,"deliveredOrders":0,"completedOrders":1,"cancelledOrders":1,"allOrders":2}` {
		t.Errorf("overviewOrders: %s", raw)
	}
}

func TestReportRoutesNeedAnEmployee(t *testing.T) {
	paths := []string{
		"/admin/report/turnoverStatistics?begin=2024-05-01&end=2024-05-01",
		"/admin/report/userStatistics?begin=2024-05-01&end=2024-05-01",
		"/admin/report/ordersStatistics?begin=2024-05-01&end=2024-05-01",
		"/admin/report/top10?begin=2024-05-01&end=2024-05-01",
		"/admin/report/export",
		"/admin/workspace/businessData", "/admin/workspace/overviewOrders",
		"/admin/workspace/overviewDishes", "/admin/workspace/overviewSetmeals",
	}
	for _, p := range paths {
		s := tests.ApiScenario{Name: "no token " + p, Method: http.MethodGet, URL: p,
			TestAppFactory: apptest.Factory(report.Register), ExpectedStatus: http.StatusUnauthorized}
		s.Test(t)
	}
	// A customer's token is not an employee's.
	app := apptest.New(t, report.Register)
	_, customer := apptest.Customer(t, app, "wx-1")
	_, locked := apptest.Employee(t, app, "gone", 0)
	base := apptest.Serve(t, app)
	for _, p := range paths {
		for _, tok := range []string{customer, locked} {
			if r := apptest.Call(t, http.MethodGet, base+p, nil, "token", tok); r.Status != http.StatusUnauthorized {
				t.Errorf("%s: status %d, want 401", p, r.Status)
			}
		}
	}
}

func TestDoubleIsWrittenAsJavaDoes(t *testing.T) {
	tenth, fifth := 0.1, 0.2 // variables, so the sum is rounded as at run time
	for v, want := range map[float64]string{0: "0.0", 120.5: "120.5", 56: "56.0", tenth + fifth: "0.30000000000000004",
		2.0 / 3: "0.6666666666666666", 1e7: "10000000.0", 19.99: "19.99"} {
		if got := report.Double(v).String(); got != want {
			t.Errorf("Double(%v) = %s, want %s", v, got, want)
		}
	}
}

func TestTop10FollowsChangesToPastDays(t *testing.T) {
	app := apptest.New(t, report.Register)
	seedShop(t, app)
	setClock(t, app, "2024-05-02 15:00:00.000")
	_, tok := apptest.Employee(t, app, "boss", 1)
	base := apptest.Serve(t, app)
	top10 := func(step, names, numbers string) {
		t.Helper()
		expectFields(t, step, getData(t, base+"/admin/report/top10?begin=2024-05-01&end=2024-05-03", tok), map[string]any{
			"nameList": names, "numberList": numbers,
		})
	}
	exec := func(sql string) {
		t.Helper()
		if _, err := app.DB().NewQuery(sql).Execute(); err != nil {
			t.Fatal(err)
		}
	}
	top10("first", "水煮牛肉,米饭,雪碧,回锅肉,红烧肉,麻婆豆腐,鱼香肉丝,酸菜鱼,商务套餐A,宫保鸡丁", "14,13,11,10,9,8,7,6,5,2")

	// A completed order of 1 May (A: 鱼香肉丝×3 宫保鸡丁×2) is cancelled behind the report's back.
	exec("UPDATE orders SET status = 6 WHERE order_time = '" + local(t, "2024-05-01 00:00:00.000") + "'")
	top10("after cancelling A", "水煮牛肉,米饭,雪碧,回锅肉,红烧肉,麻婆豆腐,酸菜鱼,商务套餐A,鱼香肉丝,可乐", "14,13,11,10,9,8,6,5,4,1")

	// On 2 May one completed order leaves and another enters in one statement: still one completed order.
	exec("UPDATE orders SET status = CASE status WHEN 5 THEN 6 ELSE 5 END WHERE order_time IN ('" +
		local(t, "2024-05-02 00:30:00.000") + "','" + local(t, "2024-05-02 12:00:00.000") + "')")
	top10("after swapping C and D", "可乐,米饭", "101,12")

	// Items edited, added and deleted as the dashboard would, through records.
	rice, err := app.FindFirstRecordByFilter("order_details", "name = '米饭' && number = 12")
	if err != nil {
		t.Fatal(err)
	}
	rice.Set("number", 20)
	if err := app.Save(rice); err != nil {
		t.Fatal(err)
	}
	top10("after editing B's rice", "可乐,米饭", "101,20")

	col, _ := app.FindCollectionByNameOrId("order_details")
	extra := core.NewRecord(col)
	extra.Set("order", rice.GetString("order"))
	extra.Set("name", "雪碧")
	extra.Set("number", 3)
	extra.Set("amount", 500)
	if err := app.Save(extra); err != nil {
		t.Fatal(err)
	}
	top10("after adding to B", "可乐,米饭,雪碧", "101,20,3")
	if err := app.Delete(extra); err != nil {
		t.Fatal(err)
	}
	top10("after removing it again", "可乐,米饭", "101,20")
}

// The server fills the top-10 cache with the last month in the background as it starts.
func TestServerStartWarmsTop10(t *testing.T) {
	app := apptest.New(t, report.Register)
	seedShop(t, app)
	setClock(t, app, "2024-05-02 15:00:00.000")
	apptest.Serve(t, app)
	for deadline := time.Now().Add(5 * time.Second); report.CachedSalesDays(app) < 31; time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatalf("%d days cached 5 s after the start, want the last 31", report.CachedSalesDays(app))
		}
	}
}
