package report

import (
	"fmt"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// Order statuses the reports count (docs/compat-api.md §3). The report module reads tables and imports no
// domain module, so it names the few it needs here.
const (
	statusToBeConfirmed = 2
	statusConfirmed     = 3
	statusCompleted     = 5
	statusCancelled     = 6
)

// The figures of a period come from one statement that returns a row per day. The days come in as one JSON
// parameter of [from, to) pairs, and every figure is a correlated subquery over one day: a range seek on a
// time index, counted or summed inside the index, with no sort or temporary table. Day bounds are computed
// in the shop's zone, so the cut is exact in any zone, daylight saving included.
const daysCTE = `WITH days(i, lo, hi) AS (
	SELECT CAST([[key]] AS INTEGER), [[value]]->>0, [[value]]->>1 FROM json_each({:days}))
`

// dayFigure is one figure of a day, as a correlated subquery on the days row.
type dayFigure string

const (
	// ordersFigure counts the day's orders whatever their status (index only: idx_orders_time).
	ordersFigure dayFigure = `(SELECT COUNT(*) FROM {{orders}} o
		WHERE o.[[order_time]] >= days.lo AND o.[[order_time]] < days.hi)`
	// completedFigure counts the day's completed orders (index only: idx_orders_report).
	completedFigure dayFigure = `(SELECT COUNT(*) FROM {{orders}} o
		WHERE o.[[status]] = {:completed} AND o.[[order_time]] >= days.lo AND o.[[order_time]] < days.hi)`
	// turnoverFigure sums the amounts (cents) of the day's completed orders (index only: idx_orders_report).
	turnoverFigure dayFigure = `(SELECT CAST(TOTAL(o.[[amount]]) AS INTEGER) FROM {{orders}} o
		WHERE o.[[status]] = {:completed} AND o.[[order_time]] >= days.lo AND o.[[order_time]] < days.hi)`
	// newUsersFigure counts the customers who registered that day (index only: idx_users_created).
	newUsersFigure dayFigure = `(SELECT COUNT(*) FROM {{users}} u
		WHERE u.[[created]] >= days.lo AND u.[[created]] < days.hi)`
)

// perDay computes figures for every day in one statement; the answer holds one slice per figure, in the
// order asked, each with one value per day.
func perDay(app core.App, days []Day, figures ...dayFigure) ([][]int64, error) {
	cols := make([]string, len(figures))
	for i, f := range figures {
		cols[i] = string(f)
	}
	rows, err := app.DB().NewQuery(daysCTE + "SELECT days.i, " + strings.Join(cols, ", ") + " FROM days").
		Bind(dbx.Params{"days": boundsJSON(days), "completed": statusCompleted}).Rows()
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := make([][]int64, len(figures))
	for f := range out {
		out[f] = make([]int64, len(days))
	}
	var i int
	dest := make([]any, len(figures)+1)
	vals := make([]int64, len(figures))
	dest[0] = &i
	for f := range vals {
		dest[f+1] = &vals[f]
	}
	for rows.Next() {
		if err := rows.Scan(dest...); err != nil {
			return nil, err
		}
		if i < 0 || i >= len(days) {
			return nil, fmt.Errorf("report: day %d out of range", i)
		}
		for f, v := range vals {
			out[f][i] = v
		}
	}
	return out, rows.Err()
}

// usersBefore counts the customers registered before the moment from.
func usersBefore(app core.App, from string) (int64, error) {
	var n int64
	err := app.DB().NewQuery(`SELECT COUNT(*) FROM {{users}} WHERE [[created]] < {:from}`).
		Bind(dbx.Params{"from": from}).Row(&n)
	return n, err
}

type statusCount struct {
	Status int   `db:"status"`
	N      int64 `db:"n"`
}

// ordersByStatusSince counts the orders placed at or after from, by status. Naming every status lets SQLite seek
// to each status's time range in idx_orders_report instead of reading the whole index to group it.
func ordersByStatusSince(app core.App, from string) (map[int]int64, error) {
	var rows []statusCount
	err := app.DB().NewQuery(`
		SELECT CAST([[status]] AS INTEGER) AS status, COUNT(*) AS n FROM {{orders}}
		WHERE [[status]] IN (1, 2, 3, 4, 5, 6, 7) AND [[order_time]] >= {:from} GROUP BY [[status]]`).
		Bind(dbx.Params{"from": from}).All(&rows)
	return statusMap(rows), err
}

// itemsByStatus counts the records of a menu collection (dishes or setmeals) by status.
func itemsByStatus(app core.App, table string) (map[int]int64, error) {
	var rows []statusCount
	err := app.DB().NewQuery(`SELECT CAST([[status]] AS INTEGER) AS status, COUNT(*) AS n FROM {{` + table + `}} GROUP BY [[status]]`).All(&rows)
	return statusMap(rows), err
}

func statusMap(rows []statusCount) map[int]int64 {
	m := make(map[int]int64, len(rows))
	for _, r := range rows {
		m[r.Status] += r.N
	}
	return m
}
