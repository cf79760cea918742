package order

import (
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/sqlite"
)

// dbTime is t as PocketBase stores dates (UTC text that sorts by time), for comparisons in SQL.
func dbTime(t time.Time) string {
	d, _ := types.ParseDateTime(t)
	return d.String()
}

// detailsByOrder loads the items of the orders, keyed by order id, in the order they were added.
func detailsByOrder(app core.App, orderIDs []string) (map[string][]Detail, error) {
	out := make(map[string][]Detail, len(orderIDs))
	if len(orderIDs) == 0 {
		return out, nil
	}
	ids := make([]any, len(orderIDs))
	for i, id := range orderIDs {
		ids[i] = id
	}
	// Plain rows, not records: every order page reads them, and building a PocketBase record per row cost more
	// than the query.
	var rows []detailRow
	err := app.DB().Select(colID, colDetailOrder, colDetailName, colDetailImage, colDetailDishID, colDetailSetmealID,
		colDetailDishFlavor, colDetailNumber, colDetailAmount).
		From(DetailsCollection).Where(dbx.In(colDetailOrder, ids...)).OrderBy("rowid ASC").All(&rows)
	if err != nil {
		return nil, err
	}
	for _, r := range rows {
		out[r.Order] = append(out[r.Order], r.detail())
	}
	return out, nil
}

// detailRow is an order_details row as stored.
type detailRow struct {
	ID         string  `db:"id"`
	Order      string  `db:"order"`
	Name       string  `db:"name"`
	Image      string  `db:"image"`
	DishID     string  `db:"dish_id"`
	SetmealID  string  `db:"setmeal_id"`
	DishFlavor string  `db:"dish_flavor"`
	Number     int     `db:"number"`
	Amount     float64 `db:"amount"` // a NUMERIC column: integer cents as stored, read as a number
}

func (r detailRow) detail() Detail {
	return Detail{
		ID:         compat.ParseID(r.ID),
		Name:       r.Name,
		OrderID:    compat.ParseID(r.Order),
		DishID:     compat.ParseID(r.DishID),
		SetmealID:  compat.ParseID(r.SetmealID),
		DishFlavor: compat.Text{Value: r.DishFlavor, Valid: r.DishFlavor != ""},
		Number:     r.Number,
		Amount:     compat.Cents(int64(r.Amount)),
		Image:      r.Image,
	}
}

// pageOrders returns one page of the orders matching where, newest first. withDetails chooses the
// orderDetailList of the customer's history or the orderDishes summary of the staff search.
// A nil where is every order.
func pageOrders(app core.App, where dbx.Expression, page compat.Page, withDetails bool) (compat.PageResult[View], error) {
	var total int64
	var err error
	if where == nil {
		total, err = allOrders(app)
	} else {
		err = app.DB().Select("count(*)").From(OrdersCollection).Where(where).Row(&total)
	}
	if err != nil {
		return compat.PageResult[View]{}, err
	}
	var rows []*core.Record
	err = app.RecordQuery(OrdersCollection).Where(where).OrderBy(colOrderTime+" DESC", colNumber+" DESC").
		Offset(int64(page.Offset())).Limit(int64(page.Size)).All(&rows)
	if err != nil {
		return compat.PageResult[View]{}, err
	}
	ids := make([]string, len(rows))
	for i, r := range rows {
		ids[i] = r.Id
	}
	details, err := detailsByOrder(app, ids)
	if err != nil {
		return compat.PageResult[View]{}, err
	}
	out := compat.PageResult[View]{Total: total, Records: make([]View, 0, len(rows))}
	for _, r := range rows {
		v := viewOf(asOrder(r))
		if withDetails {
			v.OrderDetailList = orDetailsEmpty(details[r.Id])
		} else {
			v.OrderDishes = orderDishes(details[r.Id])
		}
		out.Records = append(out.Records, v)
	}
	return out, nil
}

func orDetailsEmpty(d []Detail) DetailList {
	if d == nil {
		return DetailList{}
	}
	return d
}

// History is the customer's orders, newest first, optionally of one status (the mini-program's tabs).
func History(app core.App, userID compat.ID, page compat.Page, status compat.Int) (compat.PageResult[View], error) {
	where := dbx.And(dbx.HashExp{colUser: userID.String()})
	if status.Valid {
		where = dbx.And(where, dbx.HashExp{colStatus: status.Value})
	}
	return pageOrders(app, where, page, true)
}

// SearchFilter is the staff order search: number matches its start, phone a part, status exactly, and the order time
// lies within Begin and End (zero for open ends).
type SearchFilter struct {
	Number, Phone string
	Status        compat.Int
	Begin, End    time.Time
}

// Search is the staff order list, newest first, each order with its items summarised as `name*number;`.
func Search(app core.App, f SearchFilter, page compat.Page) (compat.PageResult[View], error) {
	var conds []dbx.Expression
	if f.Number != "" {
		// The start of an order number, read off a receipt or a screen: a prefix, which idx_orders_number serves
		// (the original's LIKE '%…%' reads every order ever placed).
		conds = append(conds, sqlite.HasPrefix(colNumber, f.Number))
	}
	if f.Phone != "" {
		conds = append(conds, sqlite.Contains(colPhone, f.Phone))
	}
	if f.Status.Valid {
		conds = append(conds, dbx.HashExp{colStatus: f.Status.Value})
	}
	if !f.Begin.IsZero() {
		conds = append(conds, dbx.NewExp(colOrderTime+" >= {:begin}", dbx.Params{"begin": dbTime(f.Begin)}))
	}
	if !f.End.IsZero() {
		conds = append(conds, dbx.NewExp(colOrderTime+" <= {:end}", dbx.Params{"end": dbTime(f.End)}))
	}
	if len(conds) == 0 {
		return pageOrders(app, nil, page, false)
	}
	return pageOrders(app, dbx.And(conds...), page, false)
}

// Find is one order with its items; with a customer id it must be theirs.
func Find(app core.App, id, customerID compat.ID) (View, error) {
	r, err := findOrder(app, id, customerID)
	if err != nil {
		return View{}, err
	}
	details, err := detailsByOrder(app, []string{r.Id})
	if err != nil {
		return View{}, err
	}
	v := viewOf(r)
	v.OrderDetailList = orDetailsEmpty(details[r.Id])
	return v, nil
}

// Count is how many orders wait for the kitchen, for dispatch and on the road, over all time.
func Count(app core.App) (Statistics, error) {
	var rows []struct {
		Status int `db:"status"`
		N      int `db:"n"`
	}
	err := app.DB().Select(colStatus, "count(*) AS n").From(OrdersCollection).
		Where(dbx.In(colStatus, ToBeConfirmed, Confirmed, DeliveryInProgress)).GroupBy("status").All(&rows)
	var s Statistics
	for _, r := range rows {
		switch r.Status {
		case ToBeConfirmed:
			s.ToBeConfirmed = r.N
		case Confirmed:
			s.Confirmed = r.N
		case DeliveryInProgress:
			s.DeliveryInProgress = r.N
		}
	}
	return s, err
}
