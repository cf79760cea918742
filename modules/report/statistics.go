// Package report is the statistics of the back office: the four charts of the statistics page, the workspace
// figures and the 30-day Excel export (docs/compat-api.md §5). It reads the tables with grouped SQL, a few queries
// per report whatever the number of days, cuts days in the shop's time zone, and imports no domain module.
package report

import (
	"strconv"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// TurnoverReport is the original's TurnoverReportVO.
type TurnoverReport struct {
	DateList     string `json:"dateList"`
	TurnoverList string `json:"turnoverList"`
}

// UserReport is the original's UserReportVO.
type UserReport struct {
	DateList      string `json:"dateList"`
	TotalUserList string `json:"totalUserList"`
	NewUserList   string `json:"newUserList"`
}

// OrderReport is the original's OrderReportVO.
type OrderReport struct {
	DateList            string `json:"dateList"`
	OrderCountList      string `json:"orderCountList"`
	ValidOrderCountList string `json:"validOrderCountList"`
	TotalOrderCount     int64  `json:"totalOrderCount"`
	ValidOrderCount     int64  `json:"validOrderCount"`
	OrderCompletionRate Double `json:"orderCompletionRate"`
}

// SalesTop10Report is the original's SalesTop10ReportVO.
type SalesTop10Report struct {
	NameList   string `json:"nameList"`
	NumberList string `json:"numberList"`
}

// Turnover is the takings of each day: the summed amount of its completed orders, in yuan.
func Turnover(app core.App, p Period) (TurnoverReport, error) {
	days := p.Days()
	figures, err := perDay(app, days, turnoverFigure)
	if err != nil {
		return TurnoverReport{}, err
	}
	amounts := make([]Double, len(days))
	for i, c := range figures[0] {
		amounts[i] = yuan(c)
	}
	return TurnoverReport{DateList: joinDates(days), TurnoverList: joinDoubles(amounts)}, nil
}

// Users is, for each day, the number of customers registered by the end of the day and those new that day.
func Users(app core.App, p Period) (UserReport, error) {
	days := p.Days()
	before, err := usersBefore(app, p.From())
	if err != nil {
		return UserReport{}, err
	}
	figures, err := perDay(app, days, newUsersFigure)
	if err != nil {
		return UserReport{}, err
	}
	added := figures[0]
	totals := make([]int64, len(days))
	running := before
	for i, n := range added {
		running += n
		totals[i] = running
	}
	return UserReport{DateList: joinDates(days), TotalUserList: joinInts(totals), NewUserList: joinInts(added)}, nil
}

// Orders is, for each day, the number of orders placed (any status) and of those completed, with the
// period's totals and completion rate.
func Orders(app core.App, p Period) (OrderReport, error) {
	days := p.Days()
	figures, err := perDay(app, days, ordersFigure, completedFigure)
	if err != nil {
		return OrderReport{}, err
	}
	all, valid := figures[0], figures[1]
	total, validTotal := sum(all), sum(valid)
	return OrderReport{
		DateList:            joinDates(days),
		OrderCountList:      joinInts(all),
		ValidOrderCountList: joinInts(valid),
		TotalOrderCount:     total,
		ValidOrderCount:     validTotal,
		OrderCompletionRate: ratio(validTotal, total),
	}, nil
}

// Top10 is the ten best-selling items of the period's completed orders by quantity; both lists are empty
// strings when nothing was sold.
func Top10(app core.App, p Period) (SalesTop10Report, error) {
	days, err := salesByDay(app, p.Days())
	if err != nil {
		return SalesTop10Report{}, err
	}
	top := topItems(days, 10)
	names := make([]string, len(top))
	numbers := make([]string, len(top))
	for i, item := range top {
		names[i] = item.name
		numbers[i] = strconv.FormatInt(item.number, 10)
	}
	return SalesTop10Report{NameList: strings.Join(names, ","), NumberList: strings.Join(numbers, ",")}, nil
}

func sum(values []int64) int64 {
	var s int64
	for _, v := range values {
		s += v
	}
	return s
}
