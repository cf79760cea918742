// Package history fills a shop's database with years of past orders, fast, in plain SQL: for the benchmarks and
// load tests that must show the shop as it runs in its third year, not on its first day. The server never uses it.
package history

import (
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/compat"
)

// Days is how far back the seeded orders go: three years.
const Days = 1095

// Options says what to seed.
type Options struct {
	Orders int       // how many orders
	Now    time.Time // the orders run over the Days days before it, in the shop's zone
	// Ledger also records, for every paid order, its payment in the ledger (and the refund of a cancelled one)
	// and the new-order alert staff acknowledged, as the live order path leaves them.
	Ledger bool
}

// Seeded is what Seed inserted.
type Seeded struct {
	Orders, Details, Customers, Payments, Alerts int
}

func (s Seeded) String() string {
	return fmt.Sprintf("%d orders, %d order details, %d customers, %d payments, %d alerts",
		s.Orders, s.Details, s.Customers, s.Payments, s.Alerts)
}

// Menu is what the seeded customers ordered: dishes and set meals, the first ones far more popular.
var Menu = func() []string {
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

// ScatteredID maps i to a distinct 15-digit id, spread out as PocketBase's random ids are. The seeded history
// uses them rather than time-ordered ids (compat.NewID): a shop that ran on random ids before is the harder case
// for the indexes.
func ScatteredID(i int, multiplier int64) string {
	return strconv.FormatInt(100_000_000_000_000+(int64(i)*multiplier)%900_000_000_000_000, 10)
}

// seededTables are the tables Seed writes; their secondary indexes are rebuilt once at the end.
var seededTables = []string{"orders", "order_details", "users", "payments", "alerts"}

// Seed inserts o.Orders orders over the Days days before o.Now (more at weekends, mostly at lunch and dinner, 85%
// completed, 12% cancelled, the rest in other states), 1-4 items each, and Orders/10 customers, in one
// transaction of prepared INSERTs into an empty shop.
func Seed(app core.App, o Options) (Seeded, error) {
	ctx := context.Background()
	conn, err := app.NonconcurrentDB().(*dbx.DB).DB().Conn(ctx)
	if err != nil {
		return Seeded{}, err
	}
	defer conn.Close()
	// The random ids scatter index writes over the whole file; a page cache that holds it all keeps SQLite
	// from spilling and re-writing pages during the one big transaction.
	if _, err := conn.ExecContext(ctx, "PRAGMA cache_size=-2000000"); err != nil {
		return Seeded{}, err
	}
	defer conn.ExecContext(ctx, "PRAGMA cache_size=-32000")
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return Seeded{}, err
	}
	defer tx.Rollback()
	s, err := seed(ctx, tx, o)
	if err != nil {
		return Seeded{}, err
	}
	if err := tx.Commit(); err != nil {
		return Seeded{}, err
	}
	// A long-running app has its WAL checkpointed and runs PRAGMA optimize periodically: give the queries the
	// file layout and the planner statistics it would have.
	for _, pragma := range []string{"PRAGMA wal_checkpoint(TRUNCATE)", "PRAGMA optimize=0x10002"} {
		if _, err := conn.ExecContext(ctx, pragma); err != nil {
			return Seeded{}, err
		}
	}
	return s, nil
}

func seed(ctx context.Context, tx *sql.Tx, o Options) (Seeded, error) {
	// Loading rows into tables without their secondary indexes and building the indexes afterwards (one
	// sort each) is several times faster than updating every index on every row.
	indexes, err := dropIndexes(ctx, tx)
	if err != nil {
		return Seeded{}, err
	}
	w, err := newWriters(tx)
	if err != nil {
		return Seeded{}, err
	}
	s := Seeded{Orders: o.Orders, Customers: o.Orders / 10}
	rng := rand.New(rand.NewPCG(1, 2))
	zone := compat.Zone()
	now := o.Now.In(zone)
	today := time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, zone)
	first := today.AddDate(0, 0, -Days+1)

	// Weekend days get 1.5 times the orders of a weekday.
	weights := make([]float64, Days)
	var totalWeight float64
	for d := range weights {
		weights[d] = 1
		if wd := first.AddDate(0, 0, d).Weekday(); wd == time.Saturday || wd == time.Sunday {
			weights[d] = 1.5
		}
		totalWeight += weights[d]
	}
	placed := 0
	for d := 0; d < Days; d++ {
		count := int(float64(o.Orders)*weights[d]/totalWeight + 0.5)
		if d == Days-1 {
			count = o.Orders - placed
		}
		day := first.AddDate(0, 0, d)
		for k := 0; k < count; k++ {
			if err := w.order(rng, &s, placed+k, day, o); err != nil {
				return Seeded{}, err
			}
		}
		placed += count
	}
	// Customers register over the same three years.
	for i := 0; i < s.Customers; i++ {
		ts := stamp(first.Add(time.Duration(rng.Int64N(int64(Days) * int64(24*time.Hour)))))
		if err := w.users.add(ScatteredID(i, 1_000_003), "history-openid-"+strconv.Itoa(i), "history-key-"+strconv.Itoa(i), ts, ts); err != nil {
			return Seeded{}, err
		}
	}
	if err := w.flush(); err != nil {
		return Seeded{}, err
	}
	for _, def := range indexes {
		if _, err := tx.ExecContext(ctx, def); err != nil {
			return Seeded{}, err
		}
	}
	return s, nil
}

func stamp(t time.Time) string { return t.UTC().Format(types.DefaultDateLayout) }

// dropIndexes drops the secondary indexes of the seeded tables and returns their definitions.
func dropIndexes(ctx context.Context, tx *sql.Tx) ([]string, error) {
	rows, err := tx.QueryContext(ctx, `SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL
		AND tbl_name IN ('`+strings.Join(seededTables, "', '")+`')`)
	if err != nil {
		return nil, err
	}
	var names, defs []string
	for rows.Next() {
		var name, def string
		if err := rows.Scan(&name, &def); err != nil {
			rows.Close()
			return nil, err
		}
		names, defs = append(names, name), append(defs, def)
	}
	rows.Close()
	for _, name := range names {
		if _, err := tx.ExecContext(ctx, "DROP INDEX `"+name+"`"); err != nil {
			return nil, err
		}
	}
	return defs, nil
}

type writers struct {
	orders, items, users, payments, alerts *bulkInsert
}

func newWriters(tx *sql.Tx) (*writers, error) {
	var w writers
	var err error
	for _, t := range []struct {
		into    **bulkInsert
		table   string
		columns []string
	}{
		{&w.orders, "orders", []string{"id", "number", "status", "user", "order_time", "checkout_time", "amount", "pay_status",
			"pay_method", "address", "phone", "consignee", "pack_amount", "delivery_fee", "created", "updated"}},
		{&w.items, "order_details", []string{"id", "order", "name", "image", "dish_id", "number", "amount"}},
		{&w.users, "users", []string{"id", "openid", "tokenKey", "created", "updated"}},
		{&w.payments, "payments", []string{"id", "order", "kind", "provider", "out_no", "transaction_id", "amount", "state", "created", "updated"}},
		{&w.alerts, "alerts", []string{"id", "type", "order", "content", "acknowledged", "created", "updated"}},
	} {
		if *t.into, err = newBulkInsert(tx, t.table, t.columns); err != nil {
			return nil, err
		}
	}
	return &w, nil
}

// order writes the i-th order of day with its items, and with o.Ledger its payment, refund and alert.
func (w *writers) order(rng *rand.Rand, s *Seeded, i int, day time.Time, o Options) error {
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
	id := ScatteredID(i, 123_456_789_011)
	var cents int64
	for j, lines := 0, 1+rng.IntN(4); j < lines; j++ {
		// Squaring a uniform number favours the first items of the menu.
		u := rng.Float64()
		name := Menu[int(u*u*float64(len(Menu)))]
		number := 1 + rng.IntN(3)
		price := int64(800 + 100*rng.IntN(60))
		cents += price * int64(number)
		if err := w.items.add(ScatteredID(s.Details, 987_654_321_007), id, name,
			"https://img.example.com/menu/"+ScatteredID(s.Details%997, 31)+".png", ScatteredID(j, 7), number, price); err != nil {
			return err
		}
		s.Details++
	}
	cents += 600 // delivery fee
	ts := stamp(at)
	number := fmt.Sprintf("%d%07d", at.Unix(), i%10_000_000)
	if err := w.orders.add(id, number, status, ScatteredID(i%(o.Orders/10+1), 1_000_003),
		ts, ts, cents, 1, 1, "浙江省杭州市西湖区文三路"+strconv.Itoa(i%500)+"号", "13800138000", "张先生", 1, 600, ts, ts); err != nil {
		return err
	}
	if !o.Ledger || status == 1 {
		return nil // unpaid orders have neither payment nor alert
	}
	if err := w.payments.add(ScatteredID(s.Payments, 555_555_555_557), id, "pay", "mock", number, "mock-pay-"+number,
		cents, "succeeded", ts, ts); err != nil {
		return err
	}
	s.Payments++
	if status == 6 {
		if err := w.payments.add(ScatteredID(s.Payments, 555_555_555_557), id, "refund", "mock", number, "mock-refund-"+number,
			cents, "succeeded", ts, ts); err != nil {
			return err
		}
		s.Payments++
	}
	if err := w.alerts.add(ScatteredID(s.Alerts, 777_777_777_787), 1, id, "订单号："+number, true, ts, ts); err != nil {
		return err
	}
	s.Alerts++
	return nil
}

func (w *writers) flush() error {
	for _, bi := range []*bulkInsert{w.orders, w.items, w.users, w.payments, w.alerts} {
		if err := bi.flush(); err != nil {
			return err
		}
	}
	return nil
}

// bulkInsert inserts rows through one prepared INSERT.
type bulkInsert struct {
	stmt *sql.Stmt
}

func newBulkInsert(tx *sql.Tx, table string, columns []string) (*bulkInsert, error) {
	quoted := make([]string, len(columns))
	for i, c := range columns {
		quoted[i] = `"` + c + `"`
	}
	stmt, err := tx.Prepare("INSERT INTO " + table + " (" + strings.Join(quoted, ",") + ") VALUES (" +
		strings.TrimSuffix(strings.Repeat("?,", len(columns)), ",") + ")")
	return &bulkInsert{stmt: stmt}, err
}

func (bi *bulkInsert) add(values ...any) error {
	_, err := bi.stmt.Exec(values...)
	return err
}

func (bi *bulkInsert) flush() error { return bi.stmt.Close() }
