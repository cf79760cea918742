package staff_test

import (
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/auth"
)

// An employee the owner adds in the dashboard at /_/ (PocketBase's record API as a superuser, with only the
// fields the form's owner filled in) can sign in to the console at once, as staff.
func TestEmployeeAddedInTheDashboardCanSignIn(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, owner := apptest.Superuser(t, app, "owner@example.com")
	add := func(body map[string]any) int {
		st, raw := apptest.Raw(t, "POST", base+"/api/collections/employees/records", body, "Authorization", owner)
		if st != 200 {
			t.Logf("add: %s", raw)
		}
		return st
	}
	if st := add(map[string]any{"username": "wangwu", "name": "王五", "password": "Kitchen-2024", "passwordConfirm": "Kitchen-2024"}); st != 200 {
		t.Fatalf("add: HTTP %d", st)
	}
	r, err := app.FindFirstRecordByData(auth.EmployeesCollection, "username", "wangwu")
	if err != nil {
		t.Fatal(err)
	}
	if r.GetInt("status") != auth.EmployeeEnabled || r.GetString("role") != auth.RoleStaff {
		t.Fatalf("new employee: status %d role %q", r.GetInt("status"), r.GetString("role"))
	}
	login := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "wangwu", "password": "Kitchen-2024"})
	if login.Code != 1 {
		t.Fatalf("sign-in of an employee added in the dashboard: %s", login.Message())
	}

	// A status typed in is kept: the owner may add a locked employee on purpose.
	if st := add(map[string]any{"username": "zhaoliu", "name": "赵六", "password": "Kitchen-2024", "passwordConfirm": "Kitchen-2024", "status": 0, "role": "manager"}); st != 200 {
		t.Fatalf("add locked: HTTP %d", st)
	}
	if login := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "zhaoliu", "password": "Kitchen-2024"}); login.Code != 0 {
		t.Fatal("a locked employee signed in")
	}
}
