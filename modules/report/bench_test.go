package report_test

import (
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/internal/history"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/report"
)

// The benchmarks run the reports over a shop with three years of orders, seeded straight into SQLite once
// per test process. MYRESTAURANT_BENCH_ORDERS sets the number of orders (default 50,000, so that
// `go test -bench .` stays quick; 1000000 for the figures of a busy restaurant).

const benchDefaultOrders = 50_000

var (
	benchOnce sync.Once
	benchApp  *tests.TestApp
	benchErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if benchApp != nil {
		benchApp.Cleanup()
	}
	os.Exit(code)
}

// benchNow is the benchmark shop's "now"; its orders run over the 1095 days before.
var benchNow = time.Date(2025, 6, 30, 12, 0, 0, 0, compat.Zone())

func seededShop(tb testing.TB) core.App {
	benchOnce.Do(func() {
		n := benchDefaultOrders
		if s := os.Getenv("MYRESTAURANT_BENCH_ORDERS"); s != "" {
			if n, benchErr = strconv.Atoi(s); benchErr != nil {
				return
			}
		}
		benchApp = apptest.Factory(report.Register)(tb)
		compat.SetClock(benchApp, func() time.Time { return benchNow })
		start := time.Now()
		var seeded history.Seeded
		if seeded, benchErr = history.Seed(benchApp, history.Options{Orders: n, Now: benchNow}); benchErr != nil {
			return
		}
		fmt.Fprintf(os.Stderr, "seeded %s in %s\n", seeded, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		tb.Fatal(benchErr)
	}
	return benchApp
}

func benchPeriod(b *testing.B, days int) report.Period {
	today := report.Today(benchNow)
	p, err := report.NewPeriod(today.AddDate(0, 0, -days), today.AddDate(0, 0, -1))
	if err != nil {
		b.Fatal(err)
	}
	return p
}

func BenchmarkReports(b *testing.B) {
	app := seededShop(b)
	checkBaselineAgrees(b, app)
	month, year := benchPeriod(b, 30), benchPeriod(b, 365)
	cases := []struct {
		name string
		run  func() (any, error)
	}{
		{"turnover-30d", func() (any, error) { return report.Turnover(app, month) }},
		{"users-30d", func() (any, error) { return report.Users(app, month) }},
		{"orders-30d", func() (any, error) { return report.Orders(app, month) }},
		{"top10-30d", func() (any, error) { return report.Top10(app, month) }},
		{"top10-365d", func() (any, error) { return report.Top10(app, year) }},
		{"top10-30d-cold", func() (any, error) { report.ForgetSales(app); return report.Top10(app, month) }},
		{"top10-365d-cold", func() (any, error) { report.ForgetSales(app); return report.Top10(app, year) }},
		{"businessData-today", func() (any, error) { return report.BusinessToday(app) }},
		{"overviewOrders-today", func() (any, error) { return report.OrdersOverview(app) }},
		{"export-30d", func() (any, error) { return report.ExportWorkbook(app) }},

		{"naive/turnover-30d", func() (any, error) { return naiveTurnover(app, month) }},
		{"naive/users-30d", func() (any, error) { return naiveUsers(app, month) }},
		{"naive/orders-30d", func() (any, error) { return naiveOrders(app, month) }},
		{"naive/top10-30d", func() (any, error) { return naiveTop10(app, month) }},
		{"naive/top10-365d", func() (any, error) { return naiveTop10(app, year) }},
		{"naive/export-30d", func() (any, error) { return naiveExport(app) }},
	}
	for _, c := range cases {
		b.Run(c.name, func(b *testing.B) {
			for b.Loop() {
				if _, err := c.run(); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// checkBaselineAgrees makes sure, on the benchmark's data, that the grouped reports give the answers of the
// one-query-per-day baseline, so the benchmark compares like with like.
func checkBaselineAgrees(b *testing.B, app core.App) {
	today := report.Today(benchNow)
	for _, days := range []int{1, 30, 365} {
		p, err := report.NewPeriod(today.AddDate(0, 0, -days), today.AddDate(0, 0, -1))
		if err != nil {
			b.Fatal(err)
		}
		pairs := []struct {
			name           string
			grouped, naive func() (any, error)
		}{
			{"turnover", func() (any, error) { return report.Turnover(app, p) }, func() (any, error) { return naiveTurnover(app, p) }},
			{"users", func() (any, error) { return report.Users(app, p) }, func() (any, error) { return naiveUsers(app, p) }},
			{"orders", func() (any, error) { return report.Orders(app, p) }, func() (any, error) { return naiveOrders(app, p) }},
			{"top10", func() (any, error) { return report.Top10(app, p) }, func() (any, error) { return naiveTop10(app, p) }},
			{"business", func() (any, error) { return report.Business(app, p) }, func() (any, error) { return naiveBusiness(app, p.From(), p.To()) }},
		}
		for _, pair := range pairs {
			g, err1 := pair.grouped()
			nv, err2 := pair.naive()
			if err1 != nil || err2 != nil {
				b.Fatal(err1, err2)
			}
			if fmt.Sprintf("%+v", g) != fmt.Sprintf("%+v", nv) {
				b.Fatalf("%s over %d days:\ngrouped %+v\n  naive %+v", pair.name, days, g, nv)
			}
		}
	}
}

// ---- the baseline: the original's way, one query per day and figure ----

func naiveTurnover(app core.App, p report.Period) (report.TurnoverReport, error) {
	var dates, values []string
	for _, d := range p.Days() {
		var cents sql.NullFloat64
		if err := app.DB().NewQuery(`SELECT SUM(amount) FROM orders WHERE status = 5 AND order_time >= {:lo} AND order_time < {:hi}`).
			Bind(dbx.Params{"lo": d.From, "hi": d.To}).Row(&cents); err != nil {
			return report.TurnoverReport{}, err
		}
		dates = append(dates, d.Date)
		values = append(values, report.Double(cents.Float64/100).String())
	}
	return report.TurnoverReport{DateList: strings.Join(dates, ","), TurnoverList: strings.Join(values, ",")}, nil
}

func naiveCount(app core.App, query string, params dbx.Params) (int64, error) {
	var n int64
	err := app.DB().NewQuery(query).Bind(params).Row(&n)
	return n, err
}

func naiveUsers(app core.App, p report.Period) (report.UserReport, error) {
	var dates, totals, news []string
	for _, d := range p.Days() {
		total, err := naiveCount(app, `SELECT COUNT(*) FROM users WHERE created < {:hi}`, dbx.Params{"hi": d.To})
		if err != nil {
			return report.UserReport{}, err
		}
		added, err := naiveCount(app, `SELECT COUNT(*) FROM users WHERE created >= {:lo} AND created < {:hi}`, dbx.Params{"lo": d.From, "hi": d.To})
		if err != nil {
			return report.UserReport{}, err
		}
		dates = append(dates, d.Date)
		totals = append(totals, strconv.FormatInt(total, 10))
		news = append(news, strconv.FormatInt(added, 10))
	}
	return report.UserReport{DateList: strings.Join(dates, ","), TotalUserList: strings.Join(totals, ","), NewUserList: strings.Join(news, ",")}, nil
}

func naiveOrders(app core.App, p report.Period) (report.OrderReport, error) {
	var dates, counts, valids []string
	var total, valid int64
	for _, d := range p.Days() {
		params := dbx.Params{"lo": d.From, "hi": d.To}
		n, err := naiveCount(app, `SELECT COUNT(*) FROM orders WHERE order_time >= {:lo} AND order_time < {:hi}`, params)
		if err != nil {
			return report.OrderReport{}, err
		}
		v, err := naiveCount(app, `SELECT COUNT(*) FROM orders WHERE status = 5 AND order_time >= {:lo} AND order_time < {:hi}`, params)
		if err != nil {
			return report.OrderReport{}, err
		}
		dates = append(dates, d.Date)
		counts = append(counts, strconv.FormatInt(n, 10))
		valids = append(valids, strconv.FormatInt(v, 10))
		total += n
		valid += v
	}
	r := report.OrderReport{DateList: strings.Join(dates, ","), OrderCountList: strings.Join(counts, ","),
		ValidOrderCountList: strings.Join(valids, ","), TotalOrderCount: total, ValidOrderCount: valid}
	if total != 0 {
		r.OrderCompletionRate = report.Double(float64(valid) / float64(total))
	}
	return r, nil
}

// naiveTop10 is the original's single join, left to the planner.
func naiveTop10(app core.App, p report.Period) (report.SalesTop10Report, error) {
	var rows []struct {
		Name   string `db:"name"`
		Number int64  `db:"number"`
	}
	err := app.DB().NewQuery(`SELECT d.name AS name, CAST(SUM(d.number) AS INTEGER) AS number
		FROM order_details d, orders o
		WHERE d."order" = o.id AND o.status = 5 AND o.order_time >= {:lo} AND o.order_time < {:hi}
		GROUP BY d.name ORDER BY number DESC, name ASC LIMIT 10`).Bind(dbx.Params{"lo": p.From(), "hi": p.To()}).All(&rows)
	if err != nil {
		return report.SalesTop10Report{}, err
	}
	var names, numbers []string
	for _, r := range rows {
		names = append(names, r.Name)
		numbers = append(numbers, strconv.FormatInt(r.Number, 10))
	}
	return report.SalesTop10Report{NameList: strings.Join(names, ","), NumberList: strings.Join(numbers, ",")}, nil
}

// naiveBusiness is the original's getBusinessData: four queries for one range.
func naiveBusiness(app core.App, lo, hi string) (report.BusinessData, error) {
	params := dbx.Params{"lo": lo, "hi": hi}
	total, err := naiveCount(app, `SELECT COUNT(*) FROM orders WHERE order_time >= {:lo} AND order_time < {:hi}`, params)
	if err != nil {
		return report.BusinessData{}, err
	}
	var cents sql.NullFloat64
	if err := app.DB().NewQuery(`SELECT SUM(amount) FROM orders WHERE status = 5 AND order_time >= {:lo} AND order_time < {:hi}`).
		Bind(params).Row(&cents); err != nil {
		return report.BusinessData{}, err
	}
	valid, err := naiveCount(app, `SELECT COUNT(*) FROM orders WHERE status = 5 AND order_time >= {:lo} AND order_time < {:hi}`, params)
	if err != nil {
		return report.BusinessData{}, err
	}
	users, err := naiveCount(app, `SELECT COUNT(*) FROM users WHERE created >= {:lo} AND created < {:hi}`, params)
	if err != nil {
		return report.BusinessData{}, err
	}
	d := report.BusinessData{Turnover: report.Double(cents.Float64 / 100), ValidOrderCount: valid, NewUsers: users}
	if total != 0 && valid != 0 {
		d.OrderCompletionRate = report.Double(float64(valid) / float64(total))
		d.UnitPrice = d.Turnover / report.Double(valid)
	}
	return d, nil
}

// naiveExport gathers the export's figures as the original does (the overview plus 30 days, four queries
// each); building the workbook is left out, so this is the baseline of the queries alone.
func naiveExport(app core.App) ([]report.BusinessData, error) {
	today := report.Today(benchNow)
	p, err := report.NewPeriod(today.AddDate(0, 0, -30), today.AddDate(0, 0, -1))
	if err != nil {
		return nil, err
	}
	overview, err := naiveBusiness(app, p.From(), p.To())
	if err != nil {
		return nil, err
	}
	out := []report.BusinessData{overview}
	for _, d := range p.Days() {
		bd, err := naiveBusiness(app, d.From, d.To)
		if err != nil {
			return nil, err
		}
		out = append(out, bd)
	}
	return out, nil
}
