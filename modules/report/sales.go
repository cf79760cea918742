package report

import (
	"encoding/json"
	"fmt"
	"sort"
	"sync"

	"myrestaurant/modules/clock"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/appstate"
)

// Top 10 sums the items of every completed order of the period: a join of orders with order_details that a
// year of a busy shop makes several hundred thousand rows long, far too slow to run on each request. The
// quantities sold per item are therefore kept per day in memory, and each day's entry carries a fingerprint
// of the day's completed orders (their count and the sum and sum of squares of their rowids), read fresh on
// every request with one index-only statement. A day whose fingerprint changed (an order completed or was
// cancelled, an order edited or deleted) is recomputed; the others are reused. Order details never change
// once an order is placed; when they do (the dashboard), the hooks of Register drop what may depend on them.

const salesCacheKey = appstate.ReportSales

// maxCachedDays bounds the memory of the cache (a few KB a day); past it, the cache starts over.
const maxCachedDays = 4000

// salesCache is the item sales of single days, keyed by the day's UTC bounds (so a change of the shop's
// zone makes new keys).
type salesCache struct {
	mu   sync.Mutex
	gen  uint64 // moves on every drop, so a read that raced one keeps nothing (see put)
	days map[string]daySales
}

type daySales struct {
	from, to    string
	fingerprint string
	sold        map[string]int64
}

// warmDays is how far back warmSales fills the cache: the console's longest preset but the year.
const warmDays = 31

// warmSales fills the cache with the sales of the last warmDays days, in the background when the server starts,
// so the first top 10 a manager opens does not pay for reading a month of orders (a quarter of a second at a
// million orders).
func warmSales(app core.App) {
	today := Today(clock.Now(app))
	p, err := NewPeriod(today.AddDate(0, 0, -(warmDays-1)), today)
	if err == nil {
		_, err = salesByDay(app, p.Days())
	}
	if err != nil {
		app.Logger().Warn("warming the top-10 sales cache", "error", err)
	}
}

func salesCacheOf(app core.App) *salesCache {
	return app.Store().GetOrSet(salesCacheKey, func() any {
		return &salesCache{days: map[string]daySales{}}
	}).(*salesCache)
}

func dayKey(d Day) string { return d.From + "|" + d.To }

func (c *salesCache) get(d Day, fingerprint string) (map[string]int64, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	s, ok := c.days[dayKey(d)]
	if !ok || s.fingerprint != fingerprint {
		return nil, false
	}
	return s.sold, true
}

// generation is read before a read of sales begins.
func (c *salesCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// put keeps a day's sales read since generation gen, unless something was dropped since: an item edited
// after the read began does not change the day's fingerprint, so such a read must not be kept.
func (c *salesCache) put(gen uint64, d Day, fingerprint string, sold map[string]int64) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return
	}
	if len(c.days) >= maxCachedDays {
		c.days = map[string]daySales{}
	}
	c.days[dayKey(d)] = daySales{from: d.From, to: d.To, fingerprint: fingerprint, sold: sold}
}

// forgetAt drops the day that holds the stored time t.
func (c *salesCache) forgetAt(t string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for k, s := range c.days {
		if s.from <= t && t < s.to {
			delete(c.days, k)
		}
	}
}

func (c *salesCache) forgetAll() {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	c.days = map[string]daySales{}
}

func (c *salesCache) empty() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.days) == 0
}

// completedFingerprint identifies the set of the day's completed orders (index only: idx_orders_report).
const completedFingerprint dayFigure = `(SELECT COUNT(*) || ':' || TOTAL(o.rowid) || ':' || TOTAL(o.rowid * o.rowid)
		FROM {{orders}} o
		WHERE o.[[status]] = {:completed} AND o.[[order_time]] >= days.lo AND o.[[order_time]] < days.hi)`

// soldPerDay is, for each day, a JSON object of item name to quantity sold in the day's completed orders.
// Grouping day by day keeps each sort small.
const soldPerDay = daysCTE + `SELECT days.i AS i, COALESCE((
		SELECT json_group_object(name, number) FROM (
			SELECT d.[[name]] AS name, CAST(TOTAL(d.[[number]]) AS INTEGER) AS number
			FROM {{orders}} o CROSS JOIN {{order_details}} d
			WHERE o.[[status]] = {:completed} AND o.[[order_time]] >= days.lo AND o.[[order_time]] < days.hi
				AND d.[[order]] = o.[[id]]
			GROUP BY d.[[name]])), '{}') AS sold
	FROM days`

// salesByDay returns the quantities sold per item for each day, from the cache where the day's completed
// orders are unchanged. The fingerprints and the missing days are read in one snapshot, so an entry never
// pairs a fingerprint with sales of a different moment.
func salesByDay(app core.App, days []Day) ([]map[string]int64, error) {
	cache := salesCacheOf(app)
	gen := cache.generation()
	sold := make([]map[string]int64, len(days))
	err := readSnapshot(app, func(db dbx.Builder) error {
		prints, err := dayTexts(db, days, completedFingerprint)
		if err != nil {
			return err
		}
		var missing []Day
		var where []int
		for i, d := range days {
			if s, ok := cache.get(d, prints[i]); ok {
				sold[i] = s
				continue
			}
			missing = append(missing, d)
			where = append(where, i)
		}
		if len(missing) == 0 {
			return nil
		}
		var rows []struct {
			I    int    `db:"i"`
			Sold string `db:"sold"`
		}
		if err := db.NewQuery(soldPerDay).Bind(dbx.Params{"days": boundsJSON(missing), "completed": statusCompleted}).All(&rows); err != nil {
			return err
		}
		for _, r := range rows {
			m := map[string]int64{}
			if err := json.Unmarshal([]byte(r.Sold), &m); err != nil {
				return err
			}
			if r.I < 0 || r.I >= len(where) {
				return fmt.Errorf("report: day %d out of range", r.I)
			}
			i := where[r.I]
			sold[i] = m
			cache.put(gen, days[i], prints[i], m)
		}
		return nil
	})
	return sold, err
}

// dayTexts evaluates a text figure for every day.
func dayTexts(db dbx.Builder, days []Day, figure dayFigure) ([]string, error) {
	var rows []struct {
		I int    `db:"i"`
		V string `db:"v"`
	}
	err := db.NewQuery(daysCTE + "SELECT days.i AS i, " + string(figure) + " AS v FROM days").
		Bind(dbx.Params{"days": boundsJSON(days), "completed": statusCompleted}).All(&rows)
	out := make([]string, len(days))
	for _, r := range rows {
		out[r.I] = r.V
	}
	return out, err
}

// readSnapshot runs fn on one read transaction, so that its statements see the same data.
func readSnapshot(app core.App, fn func(db dbx.Builder) error) error {
	db, ok := app.ConcurrentDB().(*dbx.DB)
	if !ok || app.IsTransactional() {
		return fn(app.DB())
	}
	tx, err := db.Begin()
	if err != nil {
		return err
	}
	defer tx.Rollback()
	return fn(tx)
}

type itemSales struct {
	name   string
	number int64
}

// topItems merges the days' sales and keeps the limit best sellers, most sold first; ties go by name so the
// answer is stable.
func topItems(days []map[string]int64, limit int) []itemSales {
	total := map[string]int64{}
	for _, d := range days {
		for name, n := range d {
			total[name] += n
		}
	}
	items := make([]itemSales, 0, len(total))
	for name, n := range total {
		if n > 0 {
			items = append(items, itemSales{name, n})
		}
	}
	sort.Slice(items, func(i, j int) bool {
		if items[i].number != items[j].number {
			return items[i].number > items[j].number
		}
		return items[i].name < items[j].name
	})
	if len(items) > limit {
		items = items[:limit]
	}
	return items
}

// forgetSalesOfDetail keeps the cache true to a change of an order's items outside the ordering flow:
// a new item of a completed order drops that order's day; an edited or deleted item drops everything
// (rare: the dashboard).
func forgetSalesOfDetail(app core.App, detail *core.Record, created bool) {
	cache := salesCacheOf(app)
	if cache.empty() {
		return
	}
	if !created {
		cache.forgetAll()
		return
	}
	var order struct {
		Status int    `db:"status"`
		Time   string `db:"order_time"`
	}
	err := app.DB().NewQuery("SELECT CAST([[status]] AS INTEGER) AS status, [[order_time]] FROM {{orders}} WHERE [[id]] = {:id}").
		Bind(dbx.Params{"id": detail.GetString("order")}).One(&order)
	switch {
	case err != nil:
		cache.forgetAll()
	case order.Status == statusCompleted:
		cache.forgetAt(order.Time)
	}
}
