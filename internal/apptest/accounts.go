package apptest

import (
	"testing"

	"myrestaurant/modules/auth"

	"github.com/pocketbase/pocketbase/core"
)

// Password is the password of every account these helpers create.
const Password = "secret-123"

// Employee creates a manager with status 1 (enabled) or 0 (locked), who has replaced the initial password, and
// returns it with an auth token.
func Employee(t testing.TB, app core.App, username string, status int) (*core.Record, string) {
	t.Helper()
	return EmployeeWithRole(t, app, username, status, auth.RoleManager)
}

// EmployeeWithRole creates an employee like Employee with the role compat.RoleManager or compat.RoleStaff.
func EmployeeWithRole(t testing.TB, app core.App, username string, status int, role string) (*core.Record, string) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId("employees")
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.Set("username", username)
	r.Set("name", "员工"+username)
	r.Set("phone", "13800000000")
	r.Set("sex", "1")
	r.Set("status", status)
	r.Set("role", role)
	r.Set(auth.MustChangePasswordField, false)
	r.SetPassword(Password)
	if err := app.Save(r); err != nil {
		t.Fatalf("apptest: employee %s: %v", username, err)
	}
	return r, token(t, r)
}

// Customer creates a mini-program customer with openid and returns it with an auth token.
func Customer(t testing.TB, app core.App, openid string) (*core.Record, string) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId("users")
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.Set("openid", openid)
	r.SetPassword(Password)
	if err := app.Save(r); err != nil {
		t.Fatalf("apptest: customer %s: %v", openid, err)
	}
	return r, token(t, r)
}

func token(t testing.TB, r *core.Record) string {
	t.Helper()
	tok, err := r.NewAuthToken()
	if err != nil {
		t.Fatal(err)
	}
	return tok
}

// Superuser creates a PocketBase superuser (the owner in the dashboard at /_/) and returns it with an auth
// token, sent as the Authorization header of PocketBase's record API as the dashboard does.
func Superuser(t testing.TB, app core.App, email string) (*core.Record, string) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.SetEmail(email)
	r.SetPassword(Password)
	if err := app.Save(r); err != nil {
		t.Fatalf("apptest: superuser %s: %v", email, err)
	}
	return r, token(t, r)
}
