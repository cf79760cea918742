package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// reminderRule limits reminders (催单) per client address, on top of the once per order per five minutes that the
// order module allows: one customer cannot flood the staff's alerts through many orders.
var reminderRule = core.RateLimitRule{Label: "GET /user/order/reminder/", MaxRequests: 20, Duration: 60}

func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		s.RateLimits.Enabled = true
		s.RateLimits.Rules = append(s.RateLimits.Rules, reminderRule)
		return app.Save(s)
	}, func(app core.App) error {
		s := app.Settings()
		for i, r := range s.RateLimits.Rules {
			if r.Label == reminderRule.Label {
				s.RateLimits.Rules = append(s.RateLimits.Rules[:i], s.RateLimits.Rules[i+1:]...)
				break
			}
		}
		return app.Save(s)
	})
}
