package report

import (
	"encoding/json"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

// Period is a run of whole days in the shop's time zone, First and Last included. Dates are civil dates
// (midnight UTC), so stepping from one to the next never meets a daylight-saving change; a day's bounds
// are worked out in the shop's zone only when a query needs them.
type Period struct {
	First, Last time.Time
	zone        *time.Location
}

// Day is one day of a period: its date and its bounds [From, To) as PocketBase stores times
// (UTC text 'YYYY-MM-DD HH:MM:SS.sssZ'), so range predicates on order_time and created compare
// as text and use their indexes.
type Day struct {
	Date     string
	From, To string
}

// ParsePeriod reads the begin and end query values of the report routes (yyyy-MM-dd, both included).
// Missing or garbled dates, begin after end, and periods longer than a year are business errors.
func ParsePeriod(begin, end string) (Period, error) {
	begin, end = strings.TrimSpace(begin), strings.TrimSpace(end)
	if begin == "" || end == "" {
		return Period{}, compat.Fail(MsgReportDateMissing)
	}
	first, err1 := time.Parse(compat.DateLayout, begin)
	last, err2 := time.Parse(compat.DateLayout, end)
	if err1 != nil || err2 != nil {
		return Period{}, compat.Fail(MsgReportDateInvalid)
	}
	return NewPeriod(first, last)
}

// NewPeriod is the period from the date of first to the date of last (their year, month and day; the
// clock time and zone are ignored). It refuses first after last and a span of more than one year
// (first + 1 year is the last allowed end, so "a year ago today to today" is accepted).
func NewPeriod(first, last time.Time) (Period, error) {
	first, last = civilDate(first), civilDate(last)
	if first.After(last) {
		return Period{}, compat.Fail(MsgReportRangeInvalid)
	}
	if last.After(first.AddDate(1, 0, 0)) {
		return Period{}, compat.Fail(MsgReportRangeTooLong)
	}
	return Period{First: first, Last: last, zone: clock.Zone()}, nil
}

// Today is the shop's date at the moment now, as a civil date.
func Today(now time.Time) time.Time { return civilDate(now.In(clock.Zone())) }

// dayPeriod is the single day date.
func dayPeriod(date time.Time) Period {
	d := civilDate(date)
	return Period{First: d, Last: d, zone: clock.Zone()}
}

func civilDate(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// Len is the number of days.
func (p Period) Len() int { return int(p.Last.Sub(p.First)/(24*time.Hour)) + 1 }

// Days lists the days in order with their bounds.
func (p Period) Days() []Day {
	days := make([]Day, p.Len())
	for i := range days {
		d := p.First.AddDate(0, 0, i)
		days[i] = Day{Date: d.Format(compat.DateLayout), From: p.start(d), To: p.start(d.AddDate(0, 0, 1))}
	}
	return days
}

// From is the start of the first day; To is the start of the day after the last.
func (p Period) From() string { return p.start(p.First) }
func (p Period) To() string   { return p.start(p.Last.AddDate(0, 0, 1)) }

// start is the moment the civil date begins in the shop's zone, in PocketBase's stored format.
func (p Period) start(date time.Time) string {
	loc := p.zone
	if loc == nil {
		loc = clock.Zone()
	}
	return time.Date(date.Year(), date.Month(), date.Day(), 0, 0, 0, 0, loc).UTC().Format(types.DefaultDateLayout)
}

// boundsJSON is the days as a JSON array of [from, to] pairs, the one parameter of the grouped queries.
func boundsJSON(days []Day) string {
	pairs := make([][2]string, len(days))
	for i, d := range days {
		pairs[i] = [2]string{d.From, d.To}
	}
	b, _ := json.Marshal(pairs)
	return string(b)
}
