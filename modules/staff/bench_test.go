package staff_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"golang.org/x/crypto/bcrypt"

	"myrestaurant/internal/apptest"
)

// BenchmarkLogin measures POST /admin/employee/login over HTTP, with the test's bcrypt cost and with the
// production cost: the hash dominates a real sign-in by design.
func BenchmarkLogin(b *testing.B) {
	for _, c := range []struct {
		name string
		cost int
	}{{"cost4", bcrypt.MinCost}, {"cost10", bcrypt.DefaultCost}} {
		b.Run(c.name, func(b *testing.B) {
			app := apptest.New(b, register)
			col, _ := app.FindCollectionByNameOrId("employees")
			col.Fields.GetByName("password").(*core.PasswordField).Cost = c.cost
			if err := app.Save(col); err != nil {
				b.Fatal(err)
			}
			apptest.Employee(b, app, "alice", 1)
			// The rate limiter is for people; the benchmark is one very fast person.
			app.Settings().RateLimits.Enabled = false
			base := apptest.Serve(b, app)
			body := `{"username":"alice","password":"` + apptest.Password + `"}`
			b.ResetTimer()
			for b.Loop() {
				res, err := http.Post(base+"/admin/employee/login", "application/json", strings.NewReader(body))
				if err != nil || res.StatusCode != 200 {
					b.Fatal(err)
				}
				res.Body.Close()
			}
		})
	}
}
