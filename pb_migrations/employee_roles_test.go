package migrations_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/internal/apptest"
)

// employeeRoles is the migration that gives employees their roles, run again here on a shop that has employees.
func employeeRoles(t *testing.T) *core.Migration {
	t.Helper()
	for _, m := range core.AppMigrations.Items() {
		if strings.HasSuffix(m.File, "_employee_roles.go") {
			return m
		}
	}
	t.Fatal("employee roles migration not registered")
	return nil
}

// An existing shop: admin becomes a manager, everyone else staff, and whoever is still on 123456 must change it.
func TestExistingEmployeesGetRolesAndTheInitialPasswordFlag(t *testing.T) {
	for name, c := range map[string]struct {
		usernames []string // oldest first
		manager   string
	}{
		"with admin":    {[]string{"boss", "admin", "waiter"}, "admin"},
		"without admin": {[]string{"boss", "waiter"}, "boss"},
	} {
		t.Run(name, func(t *testing.T) {
			app := apptest.New(t)
			m := employeeRoles(t)
			if err := m.Down(app); err != nil {
				t.Fatal(err)
			}
			col, err := app.FindCollectionByNameOrId("employees")
			if err != nil {
				t.Fatal(err)
			}
			for i, u := range c.usernames {
				r := core.NewRecord(col)
				r.Set("username", u)
				r.Set("name", u)
				r.Set("status", 1)
				created, _ := types.ParseDateTime(fmt.Sprintf("2026-01-0%d 10:00:00.000Z", i+1))
				r.SetRaw("created", created) // Set would be overwritten by the autodate field
				if u == "waiter" {
					r.SetPassword("123456")
				} else {
					r.SetPassword("Strong-pass-1")
				}
				if err := app.SaveNoValidate(r); err != nil {
					t.Fatal(err)
				}
			}
			if err := m.Up(app); err != nil {
				t.Fatal(err)
			}
			for _, u := range c.usernames {
				r, err := app.FindFirstRecordByData("employees", "username", u)
				if err != nil {
					t.Fatal(err)
				}
				wantRole := "staff"
				if u == c.manager {
					wantRole = "manager"
				}
				if r.GetString("role") != wantRole || r.GetBool("must_change_password") != (u == "waiter") {
					t.Errorf("%s: role %q, must change %v", u, r.GetString("role"), r.GetBool("must_change_password"))
				}
			}
		})
	}
}
