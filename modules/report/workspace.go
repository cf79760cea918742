package report

import (
	"time"

	"myrestaurant/modules/clock"

	"github.com/pocketbase/pocketbase/core"
)

// BusinessData is the original's BusinessDataVO: the figures of a period (today on the workspace, each day
// and the whole 30 days in the export).
type BusinessData struct {
	Turnover            Double `json:"turnover"`
	ValidOrderCount     int64  `json:"validOrderCount"`
	OrderCompletionRate Double `json:"orderCompletionRate"`
	UnitPrice           Double `json:"unitPrice"`
	NewUsers            int64  `json:"newUsers"`
}

// OrderOverview is the original's OrderOverViewVO.
type OrderOverview struct {
	WaitingOrders int64 `json:"waitingOrders"`
	// DeliveredOrders counts confirmed orders waiting for dispatch (status 3), as the original does
	// despite the name.
	DeliveredOrders int64 `json:"deliveredOrders"`
	CompletedOrders int64 `json:"completedOrders"`
	CancelledOrders int64 `json:"cancelledOrders"`
	AllOrders       int64 `json:"allOrders"`
}

// MenuOverview is the original's DishOverViewVO and SetmealOverViewVO: items on sale and off sale.
type MenuOverview struct {
	Sold         int64 `json:"sold"`
	Discontinued int64 `json:"discontinued"`
}

// businessFigures are the raw counts behind BusinessData.
type businessFigures struct {
	orders, valid, cents, newUsers int64
}

// data applies the original's rule: the completion rate and the unit price are 0.0 unless there are both
// orders and completed orders.
func (f businessFigures) data() BusinessData {
	d := BusinessData{Turnover: yuan(f.cents), ValidOrderCount: f.valid, NewUsers: f.newUsers}
	if f.orders != 0 && f.valid != 0 {
		d.OrderCompletionRate = ratio(f.valid, f.orders)
		d.UnitPrice = Double(float64(d.Turnover) / float64(f.valid))
	}
	return d
}

func (f businessFigures) add(g businessFigures) businessFigures {
	return businessFigures{f.orders + g.orders, f.valid + g.valid, f.cents + g.cents, f.newUsers + g.newUsers}
}

// businessPerDay gathers the figures of every day of the period in one statement.
func businessPerDay(app core.App, days []Day) ([]businessFigures, error) {
	f, err := perDay(app, days, ordersFigure, completedFigure, turnoverFigure, newUsersFigure)
	if err != nil {
		return nil, err
	}
	figures := make([]businessFigures, len(days))
	for i := range days {
		figures[i] = businessFigures{orders: f[0][i], valid: f[1][i], cents: f[2][i], newUsers: f[3][i]}
	}
	return figures, nil
}

// Business is the business data of the whole period.
func Business(app core.App, p Period) (BusinessData, error) {
	figures, err := businessPerDay(app, p.Days())
	if err != nil {
		return BusinessData{}, err
	}
	var total businessFigures
	for _, f := range figures {
		total = total.add(f)
	}
	return total.data(), nil
}

// BusinessToday is the workspace's business data of today in the shop's zone, by app's clock.
func BusinessToday(app core.App) (BusinessData, error) {
	return Business(app, dayPeriod(Today(clock.Now(app))))
}

// OrdersOverview counts today's orders by status; like the original it has no upper bound, so an order
// stamped later than now (a clock moved back) still shows.
func OrdersOverview(app core.App) (OrderOverview, error) {
	from := dayPeriod(Today(clock.Now(app))).From()
	counts, err := ordersByStatusSince(app, from)
	if err != nil {
		return OrderOverview{}, err
	}
	var all int64
	for _, n := range counts {
		all += n
	}
	return OrderOverview{
		WaitingOrders:   counts[statusToBeConfirmed],
		DeliveredOrders: counts[statusConfirmed],
		CompletedOrders: counts[statusCompleted],
		CancelledOrders: counts[statusCancelled],
		AllOrders:       all,
	}, nil
}

// Menu status values (StatusConstant).
const (
	itemOnSale  = 1
	itemOffSale = 0
)

// DishesOverview counts the dishes on sale and off sale, across the whole menu.
func DishesOverview(app core.App) (MenuOverview, error) { return menuOverview(app, "dishes") }

// SetmealsOverview counts the set meals on sale and off sale.
func SetmealsOverview(app core.App) (MenuOverview, error) { return menuOverview(app, "setmeals") }

func menuOverview(app core.App, table string) (MenuOverview, error) {
	counts, err := itemsByStatus(app, table)
	if err != nil {
		return MenuOverview{}, err
	}
	return MenuOverview{Sold: counts[itemOnSale], Discontinued: counts[itemOffSale]}, nil
}

// exportPeriod is the export's 30 full days ending yesterday.
func exportPeriod(now time.Time) Period {
	today := Today(now)
	return Period{First: today.AddDate(0, 0, -exportDetailDays), Last: today.AddDate(0, 0, -1), zone: clock.Zone()}
}
