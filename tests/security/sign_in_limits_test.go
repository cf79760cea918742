package security_test

import (
	"net/http"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
)

// An address gets as many password guesses a minute on PocketBase's own employee sign-in as on the compat login:
// after the limit, both keep refusing for the rest of the minute (PocketBase's default `*:auth` rule let the native
// route guess again every 3 seconds, 41 times a minute).
func TestEmployeeSignInGuessesAreLimitedAlikeOnBothRoutes(t *testing.T) {
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
	})
	base := apptest.Serve(t, app)
	apptest.Employee(t, app, "guarded", 1)

	const perMinute = 10
	routes := []struct {
		name, path, body string
	}{
		{"compat login", "/admin/employee/login", `{"username":"guarded","password":"wrong-guess"}`},
		{"native auth-with-password", "/api/collections/employees/auth-with-password", `{"identity":"guarded","password":"wrong-guess"}`},
	}
	guess := func(path, body string) int { return send(t, "POST", base+path, body).status }
	for _, r := range routes {
		for i := 1; i <= perMinute; i++ {
			if status := guess(r.path, r.body); status == http.StatusTooManyRequests {
				t.Fatalf("%s: guess %d refused as too many; the compat login allows %d a minute", r.name, i, perMinute)
			}
		}
		if status := guess(r.path, r.body); status != http.StatusTooManyRequests {
			t.Errorf("%s: guess %d answered %d, want 429", r.name, perMinute+1, status)
		}
	}
	// Well within the minute, but past the 3-second window of PocketBase's default rule.
	time.Sleep(3100 * time.Millisecond)
	for _, r := range routes {
		if status := guess(r.path, r.body); status != http.StatusTooManyRequests {
			t.Errorf("%s: a guess 3 s later answered %d, want 429 until the minute is over", r.name, status)
		}
	}
}
