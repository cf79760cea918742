package backoffice

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/order"
)

// OverviewCollection is a read-only view of the orders in words, for the owner in the dashboard: status, payment
// and amounts as people say them, the dishes ordered, and the order time in the shop's zone. Superusers only
// (its rules are nil): it holds customers' phones and addresses.
//
// SQLite cannot convert to an IANA zone, so the view adds the offset the shop's zone has when the view is made,
// and says it in the value, e.g. "2026-12-03 20:15 (UTC+08:00)". The view is made again whenever the shop's zone
// changes. In a zone with summer time the offset is the one of the season the view was made in; the raw UTC
// time stays beside it (order_time), and the dashboard shows it in the browser's zone on hover.
//
// Cost: the dashboard lists a view without a total (skipTotal) and shows the total under it from a second
// request, COUNT(DISTINCT id) over the view. The view has no ORDER BY, so SQLite folds it into both queries: the
// count reads the orders' primary key index like the orders list's own total, and a page sorted by order_time
// (the link in README sorts newest first: #/collections?collection=order_overview&sort=-order_time) reads one range
// of idx_orders_time and, for its rows only, their items from idx_order_details_sales. (With an ORDER BY inside,
// SQLite computed every row of the view for the count: 0.6 s at 50,000 orders.) Unsorted, the list shows the
// oldest orders first; sorting it by another column or searching it reads every order.
const OverviewCollection = "order_overview"

// overviewQuery is the view's SELECT for a zone offset. Every column is cast so that PocketBase types it as
// text (an expression would otherwise be shown as JSON).
func overviewQuery(offsetSeconds int) string {
	label := offsetLabel(offsetSeconds)
	return strings.Join([]string{
		"SELECT o.id AS id,",
		"o.number AS number,",
		fmt.Sprintf("CAST(strftime('%%Y-%%m-%%d %%H:%%M', o.order_time, '%+d seconds') || ' (%s)' AS TEXT) AS ordered_at,", offsetSeconds, label),
		"CAST(" + sqlCase("o.status", order.StatusLabels) + " AS TEXT) AS status,",
		"CAST(printf('¥%.2f', o.amount / 100.0) AS TEXT) AS total,",
		"o.consignee AS consignee,",
		"o.phone AS phone,",
		"o.address AS address,",
		"CAST(CASE WHEN o.table_no != '' THEN '堂食 桌号 ' || o.table_no ELSE '外送' END",
		"  || CASE o.channel WHEN 'web' THEN ' · 网页' ELSE ' · 小程序' END AS TEXT) AS service,",
		"CAST((SELECT group_concat(d.name || ' ×' || d.number, '、') FROM order_details d WHERE d.`order` = o.id) AS TEXT) AS dishes,",
		"CAST(CASE o.pay_status WHEN 0 THEN '未支付' WHEN 1 THEN '已支付' WHEN 2 THEN '已退款' ELSE o.pay_status END",
		"  || ' · ' || CASE o.pay_method WHEN 1 THEN '微信支付' WHEN 2 THEN '支付宝' WHEN 3 THEN '货到付款/到店付款' ELSE o.pay_method END AS TEXT) AS payment,",
		"CAST(printf('¥%.2f', o.delivery_fee / 100.0) AS TEXT) AS delivery_fee,",
		"CAST('¥' || o.pack_amount AS TEXT) AS packing,",
		"o.remark AS remark,",
		"o.order_time AS order_time",
		"FROM orders o",
	}, "\n")
}

// sqlCase is a CASE expression writing column's codes as words (the words are ours, never a client's).
func sqlCase(column string, words map[int]string) string {
	codes := slices.Sorted(maps.Keys(words))
	var b strings.Builder
	b.WriteString("CASE " + column)
	for _, c := range codes {
		fmt.Fprintf(&b, " WHEN %d THEN '%s'", c, words[c])
	}
	b.WriteString(" ELSE " + column + " END")
	return b.String()
}

// offsetLabel writes an offset as UTC+08:00.
func offsetLabel(seconds int) string {
	sign := "+"
	if seconds < 0 {
		sign, seconds = "-", -seconds
	}
	return fmt.Sprintf("UTC%s%02d:%02d", sign, seconds/3600, seconds%3600/60)
}

// ensureOverview makes the view, or makes it again when the shop's zone has another offset now.
func ensureOverview(app core.App) error {
	_, offset := time.Now().In(clock.Zone()).Zone()
	query := overviewQuery(offset)
	c, err := app.FindCollectionByNameOrId(OverviewCollection)
	if err != nil {
		c = core.NewViewCollection(OverviewCollection)
	} else if c.ViewQuery == query {
		return nil
	}
	c.ViewQuery = query
	return app.Save(c)
}
