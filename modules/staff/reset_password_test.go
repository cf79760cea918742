package staff_test

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/staff"
)

func login(t *testing.T, base, username, password string) apptest.Reply {
	return apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": username, "password": password})
}

// The operator resets a lost password from the command line: the new one is printed once, the old one and every
// old session stop working, and the employee must replace the printed one before doing anything else.
func TestResetPasswordCommandPrintsANewPasswordAndEndsSessions(t *testing.T) {
	app := apptest.New(t, func(app core.App) { auth.EnableAuthCache(app); staff.Register(app, "") })
	base := apptest.Serve(t, app)
	_, oldToken := apptest.Employee(t, app, "alice", auth.EmployeeEnabled)
	if r := apptest.Call(t, "GET", base+"/admin/employee/page", nil, "token", oldToken); r.Code != 1 {
		t.Fatalf("before the reset the session works: %+v", r)
	}

	var out bytes.Buffer
	cmd := staff.EmployeeCommand(app)
	cmd.SetOut(&out)
	cmd.SetArgs([]string{"reset-password", "alice"})
	if err := cmd.Execute(); err != nil {
		t.Fatal(err)
	}
	m := regexp.MustCompile(`New password of employee "alice": (\S+)`).FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no password printed:\n%s", out.String())
	}
	password := m[1]
	if strings.Count(out.String(), password) != 1 || len(password) < 12 {
		t.Errorf("the password must be printed exactly once and be long: %q", out.String())
	}

	if status, _ := apptest.Raw(t, "GET", base+"/admin/employee/page", nil, "token", oldToken); status != 401 {
		t.Errorf("the old session still answers (HTTP %d)", status)
	}
	if r := login(t, base, "alice", apptest.Password); r.Code != 0 || r.Message() != staff.MsgPasswordError {
		t.Errorf("the old password still signs in: %+v", r)
	}
	r := login(t, base, "alice", password)
	if r.Code != 1 || !strings.Contains(string(r.Data), `"mustChangePassword":true`) {
		t.Fatalf("sign-in with the printed password: %+v %s", r, r.Data)
	}
	token := regexp.MustCompile(`"token":"([^"]+)"`).FindStringSubmatch(string(r.Data))[1]
	if r := apptest.Call(t, "GET", base+"/admin/employee/page", nil, "token", token); r.Message() != compat.MsgChangeInitialPassword {
		t.Errorf("before replacing the printed password: %+v", r)
	}
	if r := apptest.Call(t, "PUT", base+"/admin/employee/editPassword",
		map[string]string{"oldPassword": password, "newPassword": "a-new-Pass-42"}, "token", token); r.Code != 1 {
		t.Fatalf("replacing the printed password: %+v", r)
	}
	r = login(t, base, "alice", "a-new-Pass-42")
	token = regexp.MustCompile(`"token":"([^"]+)"`).FindStringSubmatch(string(r.Data))[1]
	if r := apptest.Call(t, "GET", base+"/admin/employee/page", nil, "token", token); r.Code != 1 {
		t.Errorf("after replacing it the employee works again: %+v", r)
	}
}

func TestResetPasswordOfAnUnknownEmployeeChangesNothing(t *testing.T) {
	app := apptest.New(t, func(app core.App) { staff.Register(app, "") })
	apptest.Employee(t, app, "alice", auth.EmployeeEnabled)
	var out bytes.Buffer
	cmd := staff.EmployeeCommand(app)
	cmd.SetOut(&out)
	cmd.SetErr(&out)
	cmd.SetArgs([]string{"reset-password", "bob"})
	if err := cmd.Execute(); err == nil || !strings.Contains(err.Error(), `"bob"`) {
		t.Errorf("want an error naming bob, got %v", err)
	}
	if strings.Contains(out.String(), "New password") {
		t.Errorf("printed a password for nobody: %s", out.String())
	}
	base := apptest.Serve(t, app)
	if r := login(t, base, "alice", apptest.Password); r.Code != 1 {
		t.Errorf("alice's password changed: %+v", r)
	}
}
