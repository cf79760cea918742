// Package clock holds the two things every rule asks about time: the app's clock (Now, which tests set) and the
// shop's time zone (Zone), in which the compat API writes times and reports cut days.
package clock

import (
	"sync/atomic"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/appstate"
)

const clockKey = appstate.Clock

// Clock tells the time. Every "now" of the business rules comes from the app's clock, so tests can set it.
type Clock func() time.Time

// Now is the current time of app's clock.
func Now(app core.App) time.Time {
	if c, ok := app.Store().Get(clockKey).(Clock); ok && c != nil {
		return c()
	}
	return time.Now()
}

// SetClock replaces app's clock; nil restores the real one.
func SetClock(app core.App, c Clock) {
	if c == nil {
		app.Store().Remove(clockKey)
		return
	}
	app.Store().Set(clockKey, c)
}

// DefaultZone is the shop's time zone until the shop settings say otherwise.
const DefaultZone = "Asia/Shanghai"

var zone atomic.Pointer[time.Location]

func init() {
	loc, err := time.LoadLocation(DefaultZone)
	if err != nil {
		loc = time.FixedZone("CST", 8*3600)
	}
	zone.Store(loc)
}

// Zone is the shop's time zone: the compat API writes and reads times in it and reports cut days in it.
// One process serves one shop, so it is process-wide.
func Zone() *time.Location { return zone.Load() }

// SetZone changes the shop's time zone.
func SetZone(loc *time.Location) {
	if loc != nil {
		zone.Store(loc)
	}
}
