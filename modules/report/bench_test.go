package report_test

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/apptest"
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
		var details int
		if details, benchErr = seedBusyShop(benchApp, n); benchErr != nil {
			return
		}
		// A long-running app has its WAL checkpointed and runs PRAGMA optimize periodically: give the reports
		// the file layout and the planner statistics it would have.
		for _, pragma := range []string{"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA optimize=0x10002"} {
			if _, benchErr = benchApp.NonconcurrentDB().NewQuery(pragma).Execute(); benchErr != nil {
				return
			}
		}
		fmt.Fprintf(os.Stderr, "seeded %d orders, %d order details, %d customers in %s\n", n, details, n/10, time.Since(start).Round(time.Millisecond))
	})
	if benchErr != nil {
		tb.Fatal(benchErr)
	}
	return benchApp
}

// The menu the seeded customers order from: dishes and set meals, the first ones far more popular.
var benchMenu = func() []string {
	var names []string
	for _, base := range []string{"鱼香肉丝", "宫保鸡丁", "水煮鱼", "酸菜鱼", "麻婆豆腐", "回锅肉", "红烧肉", "糖醋里脊", "小炒黄牛肉",
		"剁椒鱼头", "干锅花菜", "清炒时蔬", "米饭", "馒头", "可乐", "雪碧", "王老吉", "酸梅汤", "啤酒", "矿泉水"} {
		names = append(names, base, base+"(大份)")
	}
	for i := 1; i <= 8; i++ {
		names = append(names, "商务套餐"+string(rune('A'+i-1)))
	}
	return names
}()

// scatteredID maps i to a distinct 15-digit id, spread out as PocketBase's random ids are.
func scatteredID(i int, multiplier int64) string {
	return strconv.FormatInt(100_000_000_000_000+(int64(i)*multiplier)%900_000_000_000_000, 10)
}

// seedBusyShop inserts n orders over the 1095 days before benchNow (more at weekends, mostly at lunch and
// dinner, 85% completed, 12% cancelled, the rest in other states), 1-4 items each, and n/10 customers.
// One transaction, multi-row prepared INSERTs.
func seedBusyShop(app core.App, n int) (details int, err error) {
	ctx := context.Background()
	conn, err := app.NonconcurrentDB().(*dbx.DB).DB().Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	// The random ids scatter index writes over the whole file; a page cache that holds it all keeps SQLite
	// from spilling and re-writing pages during the one big transaction.
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size=-2000000"); err != nil {
		return 0, err
	}
	defer conn.ExecContext(ctx, "PRAGMA cache_size=-32000")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return 0, err
	}
	defer tx.Rollback()

	// Loading rows into tables without their secondary indexes and building the indexes afterwards (one
	// sort each) is several times faster than updating every index on every row.
	var indexes []string
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master
		WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN ('orders', 'order_details', 'users')`)
	if err != nil {
		return 0, err
	}
	var names []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return 0, err
		}
		names, indexes = append(names, name), append(indexes, def)
	}
	rows.Close()
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP INDEX `"+name+"`"); err != nil {
			return 0, err
		}
	}

	orders, err := newBulkInsert(tx, "orders", []string{"id", "number", "status", "user", "order_time", "checkout_time",
		"amount", "pay_status", "pay_method", "address", "phone", "consignee", "pack_amount", "delivery_fee", "created", "updated"})
	if err != nil {
		return 0, err
	}
	items, err := newBulkInsert(tx, "order_details", []string{"id", "order", "name", "image", "dish_id", "number", "amount"})
	if err != nil {
		return 0, err
	}
	users, err := newBulkInsert(tx, "users", []string{"id", "openid", "tokenKey", "created", "updated"})
	if err != nil {
		return 0, err
	}

	rng := rand.New(rand.NewPCG(1, 2))
	const days = 1095
	today := time.Date(benchNow.Year(), benchNow.Month(), benchNow.Day(), 0, 0, 0, 0, compat.Zone())
	first := today.AddDate(0, 0, -days+1)
	stamp := func(t time.Time) string { return t.UTC().Format(types.DefaultDateLayout) }

	// Weekend days get 1.5 times the orders of a weekday.
	weights := make([]float64, days)
	var totalWeight float64
	for d := range weights {
		weights[d] = 1
		if wd := first.AddDate(0, 0, d).Weekday(); wd == time.Saturday || wd == time.Sunday {
			weights[d] = 1.5
		}
		totalWeight += weights[d]
	}
	placed := 0
	for d := 0; d < days; d++ {
		count := int(float64(n)*weights[d]/totalWeight + 0.5)
		if d == days-1 {
			count = n - placed
		}
		day := first.AddDate(0, 0, d)
		for k := 0; k < count; k++ {
			i := placed + k
			// Lunch 11:00-13:30 or dinner 17:00-20:30, a few at other hours.
			var minute int
			switch r := rng.IntN(100); {
			case r < 45:
				minute = 11*60 + rng.IntN(150)
			case r < 90:
				minute = 17*60 + rng.IntN(210)
			default:
				minute = rng.IntN(24 * 60)
			}
			at := day.Add(time.Duration(minute)*time.Minute + time.Duration(rng.IntN(60_000))*time.Millisecond)
			status := 5
			switch r := rng.IntN(100); {
			case r < 12:
				status = 6
			case r < 15:
				status = 1 + rng.IntN(4)
			}
			id := scatteredID(i, 123_456_789_011)
			var cents int64
			for j, lines := 0, 1+rng.IntN(4); j < lines; j++ {
				// Squaring a uniform number favours the first items of the menu.
				u := rng.Float64()
				name := benchMenu[int(u*u*float64(len(benchMenu)))]
				number := 1 + rng.IntN(3)
				price := int64(800 + 100*rng.IntN(60))
				cents += price * int64(number)
				if err := items.add(scatteredID(details, 987_654_321_007), id, name,
					"https://img.example.com/menu/"+scatteredID(details%997, 31)+".png", scatteredID(j, 7), number, price); err != nil {
					return 0, err
				}
				details++
			}
			cents += 600 // delivery fee
			ts := stamp(at)
			if err := orders.add(id, fmt.Sprintf("%d%07d", at.Unix(), i%10_000_000), status, scatteredID(i%(n/10+1), 1_000_003),
				ts, ts, cents, 1, 1, "浙江省杭州市西湖区文三路"+strconv.Itoa(i%500)+"号", "13800138000", "张先生", 1, 600, ts, ts); err != nil {
				return 0, err
			}
		}
		placed += count
	}
	// Customers register over the same three years.
	for i := 0; i < n/10; i++ {
		ts := stamp(first.Add(time.Duration(rng.Int64N(int64(days) * int64(24*time.Hour)))))
		if err := users.add(scatteredID(i, 1_000_003), "openid-"+strconv.Itoa(i), "key-"+strconv.Itoa(i), ts, ts); err != nil {
			return 0, err
		}
	}
	for _, bi := range []*bulkInsert{orders, items, users} {
		if err := bi.flush(); err != nil {
			return 0, err
		}
	}
	for _, def := range indexes {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return 0, err
		}
	}
	return details, tx.Commit()
}

// bulkInsert batches rows into a prepared multi-row INSERT.
type bulkInsert struct {
	tx      *sql.Tx
	table   string
	columns []string
	stmt    *sql.Stmt
	pending []any
}

const bulkRows = 1

func newBulkInsert(tx *sql.Tx, table string, columns []string) (*bulkInsert, error) {
	bi := &bulkInsert{tx: tx, table: table, columns: columns}
	stmt, err := tx.Prepare(bi.sql(bulkRows))
	bi.stmt = stmt
	return bi, err
}

func (bi *bulkInsert) sql(rows int) string {
	row := "(" + strings.TrimSuffix(strings.Repeat("?,", len(bi.columns)), ",") + ")"
	quoted := make([]string, len(bi.columns))
	for i, c := range bi.columns {
		quoted[i] = `"` + c + `"`
	}
	return "INSERT INTO " + bi.table + " (" + strings.Join(quoted, ",") + ") VALUES " +
		strings.TrimSuffix(strings.Repeat(row+",", rows), ",")
}

func (bi *bulkInsert) add(values ...any) error {
	bi.pending = append(bi.pending, values...)
	if len(bi.pending) < bulkRows*len(bi.columns) {
		return nil
	}
	_, err := bi.stmt.Exec(bi.pending...)
	bi.pending = bi.pending[:0]
	return err
}

func (bi *bulkInsert) flush() error {
	defer bi.stmt.Close()
	if len(bi.pending) == 0 {
		return nil
	}
	_, err := bi.tx.Exec(bi.sql(len(bi.pending)/len(bi.columns)), bi.pending...)
	return err
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
