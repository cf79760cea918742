package staff_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/staff"
)

func register(app core.App) { staff.Register(app, "admin-pass") }

func TestLogin(t *testing.T) {
	seed := func(t testing.TB, app *tests.TestApp) map[string]string {
		apptest.Employee(t, app, "alice", 1)
		apptest.Employee(t, app, "bob", 0)
		return nil
	}
	for _, s := range []tests.ApiScenario{
		{Name: "right password", Method: http.MethodPost, URL: "/admin/employee/login",
			Body:            strings.NewReader(`{"username":"alice","password":"` + apptest.Password + `"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"code":1`, `"userName":"alice"`, `"token":"ey`}},
		{Name: "unknown account", Method: http.MethodPost, URL: "/admin/employee/login",
			Body:            strings.NewReader(`{"username":"nobody","password":"x"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"code":0`, `"msg":"账号不存在"`}},
		{Name: "wrong password", Method: http.MethodPost, URL: "/admin/employee/login",
			Body:            strings.NewReader(`{"username":"alice","password":"nope"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"code":0`, `"msg":"密码错误"`}},
		{Name: "locked account, after the password check", Method: http.MethodPost, URL: "/admin/employee/login",
			Body:            strings.NewReader(`{"username":"bob","password":"` + apptest.Password + `"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"code":0`, `"msg":"账号被锁定"`}},
		{Name: "locked account with a wrong password says wrong password", Method: http.MethodPost, URL: "/admin/employee/login",
			Body:            strings.NewReader(`{"username":"bob","password":"x"}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"msg":"密码错误"`}},
		{Name: "malformed json", Method: http.MethodPost, URL: "/admin/employee/login",
			Body:            strings.NewReader(`{"username":`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"code":0`, `请求数据格式错误`}},
		{Name: "wrong types", Method: http.MethodPost, URL: "/admin/employee/login",
			Body:            strings.NewReader(`{"username":{"a":1},"password":[1]}`),
			ExpectedStatus:  200,
			ExpectedContent: []string{`"code":0`, `请求数据格式错误`}},
	} {
		s.TestAppFactory = func(t testing.TB) *tests.TestApp {
			app := apptest.Factory(register)(t)
			seed(t, app)
			return app
		}
		s.Test(t)
	}
}

func TestBootstrapAdmin(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	r := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "admin", "password": "admin-pass"})
	if r.Code != 1 {
		t.Fatalf("admin login: %+v %s", r, r.Message())
	}
	// A second start does not create another admin or change its password.
	router, _ := apis.NewRouter(app)
	if err := app.OnServe().Trigger(&core.ServeEvent{App: app, Router: router}); err != nil {
		t.Fatal(err)
	}
	if r := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "admin", "password": "admin-pass"}); r.Code != 1 {
		t.Fatalf("admin login after restart: %s", r.Message())
	}
	n, _ := app.CountRecords("employees")
	if n != 1 {
		t.Fatalf("employees after two starts = %d, want 1", n)
	}
}
