package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// Customers who order from a phone's browser have no openid: the browser makes a random device key, keeps it, and
// signs in with it (POST /user/user/browser-login). Only a hash of the key is stored, unique among those set, and
// hidden: PocketBase neither shows a hidden field nor takes it from a request body of anyone but a superuser, so
// a customer cannot change theirs through the native API. Signing in with a device key is limited per address
// like the mini-program's login.
const deviceKeyHashField = "device_key_hash"

var browserLoginRule = core.RateLimitRule{Label: "POST /user/user/browser-login", MaxRequests: 30, Duration: 60}

func init() {
	m.Register(func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		c.Fields.Add(&core.TextField{Name: deviceKeyHashField, Max: 64, Hidden: true})
		c.AddIndex("idx_users_device_key_hash", true, deviceKeyHashField, deviceKeyHashField+" != ''")
		if err := app.Save(c); err != nil {
			return err
		}
		s := app.Settings()
		s.RateLimits.Enabled = true
		s.RateLimits.Rules = append(s.RateLimits.Rules, browserLoginRule)
		return app.Save(s)
	}, func(app core.App) error {
		s := app.Settings()
		for i, r := range s.RateLimits.Rules {
			if r.Label == browserLoginRule.Label {
				s.RateLimits.Rules = append(s.RateLimits.Rules[:i], s.RateLimits.Rules[i+1:]...)
				break
			}
		}
		if err := app.Save(s); err != nil {
			return err
		}
		c, err := app.FindCollectionByNameOrId("users")
		if err != nil {
			return err
		}
		c.RemoveIndex("idx_users_device_key_hash")
		c.Fields.RemoveByName(deviceKeyHashField)
		return app.Save(c)
	})
}
