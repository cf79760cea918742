package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// maxImageBytes is the original admin's 2 MB limit for a picture (modules/media checks it too, with a clear message).
const maxImageBytes = 2 << 20

func init() {
	m.Register(func(app core.App) error {
		if err := createImages(app); err != nil {
			return err
		}
		return enableRateLimits(app)
	}, func(app core.App) error {
		c, err := app.FindCollectionByNameOrId("images")
		if err != nil {
			return nil
		}
		return app.Delete(c)
	})
}

// createImages holds the pictures uploaded through /admin/common/upload as PocketBase files, so they live on
// local disk or S3 as the PocketBase file settings say and are served by PocketBase.
func createImages(app core.App) error {
	c := core.NewBaseCollection("images")
	numericID(c)
	// Anyone may fetch a picture by its URL; nobody may list them or write them through the native API.
	rules(c, nil, nil, nil, nil)
	c.ViewRule = types.Pointer("")
	employees, err := app.FindCollectionByNameOrId("employees")
	if err != nil {
		return err
	}
	c.Fields.Add(
		&core.FileField{
			Name: "file", Required: true, MaxSelect: 1, MaxSize: maxImageBytes,
			MimeTypes: []string{"image/jpeg", "image/png", "image/gif", "image/webp"},
		},
		relation("uploaded_by", employees.Id, false, false),
	)
	timestamps(c)
	return app.Save(c)
}

// enableRateLimits turns on PocketBase's rate limiter with rules for the sign-in routes of the compat API.
func enableRateLimits(app core.App) error {
	s := app.Settings()
	s.RateLimits.Enabled = true
	s.RateLimits.Rules = append(s.RateLimits.Rules,
		core.RateLimitRule{Label: "POST /admin/employee/login", MaxRequests: 10, Duration: 60},
		core.RateLimitRule{Label: "POST /user/user/login", MaxRequests: 30, Duration: 60},
	)
	return app.Save(s)
}
