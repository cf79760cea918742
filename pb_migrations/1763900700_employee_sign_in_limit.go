package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// employeeNativeSignInRule gives PocketBase's own employee sign-in (POST /api/collections/employees/auth-with-password)
// the limit of the compat login, 10 a minute per address. Without it PocketBase's default `*:auth` rule, 2 every 3
// seconds, lets an address try 41 passwords a minute there.
var employeeNativeSignInRule = core.RateLimitRule{Label: "employees:auth", MaxRequests: 10, Duration: 60}

func init() {
	m.Register(func(app core.App) error {
		s := app.Settings()
		s.RateLimits.Enabled = true
		s.RateLimits.Rules = append(s.RateLimits.Rules, employeeNativeSignInRule)
		return app.Save(s)
	}, func(app core.App) error {
		s := app.Settings()
		for i, r := range s.RateLimits.Rules {
			if r.Label == employeeNativeSignInRule.Label {
				s.RateLimits.Rules = append(s.RateLimits.Rules[:i], s.RateLimits.Rules[i+1:]...)
				break
			}
		}
		return app.Save(s)
	})
}
