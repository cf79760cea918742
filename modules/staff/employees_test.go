package staff_test

import (
	"encoding/json"
	"net/http"
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

func TestEmployeeRoutes(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	alice, tok := apptest.Employee(t, app, "alice", 1)
	call := func(method, path string, body any) apptest.Reply {
		return apptest.Call(t, method, base+path, body, "token", tok)
	}

	// The admin front end sends sex as a string and nothing else about the password.
	r := call("POST", "/admin/employee", map[string]any{"username": "zhangsan", "name": "张三", "phone": "13912345678", "sex": "1", "idNumber": "110101199003071234"})
	if r.Code != 1 {
		t.Fatalf("add: %s", r.Message())
	}
	if r := call("POST", "/admin/employee", map[string]any{"username": "zhangsan", "name": "李四"}); r.Message() != "'zhangsan'已存在" {
		t.Fatalf("duplicate username: %q", r.Message())
	}
	if r := call("POST", "/admin/employee", map[string]any{"username": "", "name": "x"}); r.Code != 0 || r.Message() == "" {
		t.Fatalf("empty username accepted: %+v", r)
	}
	if r := call("POST", "/admin/employee", map[string]any{"username": string(make([]byte, 40)) + "x", "name": "x"}); r.Code != 0 {
		t.Fatalf("overlong username accepted")
	}

	// The new employee signs in with the original's default password.
	login := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "zhangsan", "password": "123456"})
	if login.Code != 1 {
		t.Fatalf("new employee login: %s", login.Message())
	}
	var lr struct {
		ID    compat.ID `json:"id"`
		Token string    `json:"token"`
	}
	json.Unmarshal(login.Data, &lr)

	page := call("GET", "/admin/employee/page?page=1&pageSize=10&name=张", nil)
	var pr compat.PageResult[map[string]any]
	json.Unmarshal(page.Data, &pr)
	if pr.Total != 1 || len(pr.Records) != 1 || pr.Records[0]["username"] != "zhangsan" || pr.Records[0]["password"] != "****" {
		t.Fatalf("page by name: %s", page.Data)
	}
	if all := call("GET", "/admin/employee/page?page=1&pageSize=1", nil); !json.Valid(all.Data) {
		t.Fatal("page")
	} else {
		json.Unmarshal(all.Data, &pr)
		// admin (created at start), alice and zhangsan
		if pr.Total != 3 || len(pr.Records) != 1 || pr.Records[0]["username"] != "zhangsan" {
			t.Fatalf("newest first, one per page: %s", all.Data)
		}
	}

	// The edit form posts the whole record back, including the masked password and status: both ignored.
	got := call("GET", "/admin/employee/"+lr.ID.String(), nil)
	var emp map[string]any
	json.Unmarshal(got.Data, &emp)
	emp["name"], emp["phone"], emp["status"], emp["password"] = "张三丰", "13700000000", 0, "hacked"
	if r := call("PUT", "/admin/employee", emp); r.Code != 1 {
		t.Fatalf("update: %s", r.Message())
	}
	rec, _ := app.FindRecordById("employees", lr.ID.String())
	if rec.GetString("name") != "张三丰" || rec.GetInt("status") != 1 || !rec.ValidatePassword("123456") {
		t.Fatalf("update changed the wrong fields: name=%s status=%d", rec.GetString("name"), rec.GetInt("status"))
	}
	if rec.GetString("updated_by") != alice.Id || rec.GetString("created_by") != alice.Id {
		t.Fatalf("audit fields: %s %s", rec.GetString("created_by"), rec.GetString("updated_by"))
	}
	if r := call("PUT", "/admin/employee", map[string]any{"id": "999999999999999", "name": "x"}); r.Message() != compat.MsgEmployeeNotFound {
		t.Fatalf("update unknown id: %q", r.Message())
	}
	if r := call("GET", "/admin/employee/999999999999999", nil); r.Message() != compat.MsgEmployeeNotFound {
		t.Fatalf("get unknown id: %q", r.Message())
	}
	if r := call("GET", "/admin/employee/abc", nil); r.Code != 0 {
		t.Fatalf("get bad id: %+v", r)
	}

	// Locking takes effect on the employee's next request, not at token expiry.
	if r := apptest.Call(t, "GET", base+"/admin/employee/page", nil, "token", lr.Token); r.Status != 200 {
		t.Fatalf("before lock: %d", r.Status)
	}
	if r := call("POST", "/admin/employee/status/0?id="+lr.ID.String(), nil); r.Code != 1 {
		t.Fatalf("lock: %s", r.Message())
	}
	if r := apptest.Call(t, "GET", base+"/admin/employee/page", nil, "token", lr.Token); r.Status != http.StatusUnauthorized {
		t.Fatalf("locked employee's token still works: %d", r.Status)
	}
	if r := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "zhangsan", "password": "123456"}); r.Message() != "账号被锁定" {
		t.Fatalf("locked login: %q", r.Message())
	}
	for _, bad := range []string{"/admin/employee/status/2?id=" + lr.ID.String(), "/admin/employee/status/1?id=abc", "/admin/employee/status/1"} {
		if r := call("POST", bad, nil); r.Code != 0 || r.Status != 200 {
			t.Fatalf("%s: %+v", bad, r)
		}
	}
	if r := call("POST", "/admin/employee/status/0?id="+alice.Id, nil); r.Message() != compat.MsgCannotDisableSelf {
		t.Fatalf("self lock: %q", r.Message())
	}
	if r := call("POST", "/admin/employee/status/1?id="+lr.ID.String(), nil); r.Code != 1 {
		t.Fatal("unlock")
	}
	if r := call("POST", "/admin/employee/logout", nil); r.Code != 1 {
		t.Fatal("logout")
	}
}

func TestEditPassword(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, tok := apptest.Employee(t, app, "alice", 1)
	edit := func(body any) apptest.Reply {
		return apptest.Call(t, "PUT", base+"/admin/employee/editPassword", body, "token", tok)
	}
	if r := edit(map[string]string{"oldPassword": "wrong", "newPassword": "newpass1"}); r.Message() != "密码修改失败" {
		t.Fatalf("wrong old password: %q", r.Message())
	}
	if r := edit(map[string]string{"oldPassword": apptest.Password, "newPassword": "123"}); r.Message() != compat.MsgNewPasswordInvalid {
		t.Fatalf("short new password: %q", r.Message())
	}
	// empId in the body is ignored: the token says whose password it is.
	if r := edit(map[string]any{"empId": 1, "oldPassword": apptest.Password, "newPassword": "newpass1"}); r.Code != 1 {
		t.Fatalf("edit: %s", r.Message())
	}
	// The old token stops working at once; the new password signs in, the old one does not.
	if r := apptest.Call(t, "GET", base+"/admin/employee/page", nil, "token", tok); r.Status != http.StatusUnauthorized {
		t.Fatalf("token after password change: %d", r.Status)
	}
	if r := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "alice", "password": "newpass1"}); r.Code != 1 {
		t.Fatalf("new password: %s", r.Message())
	}
	if r := apptest.Call(t, "POST", base+"/admin/employee/login", map[string]string{"username": "alice", "password": apptest.Password}); r.Message() != "密码错误" {
		t.Fatalf("old password: %q", r.Message())
	}
}

func TestAdminAuth(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	alice, tok := apptest.Employee(t, app, "alice", 1)
	_, lockedTok := apptest.Employee(t, app, "bob", 1)
	bob, _ := app.FindFirstRecordByData("employees", "username", "bob")
	bob.Set("status", 0)
	if err := app.Save(bob); err != nil {
		t.Fatal(err)
	}
	_, customerTok := apptest.Customer(t, app, "openid-1")
	expired, err := security.NewJWT(jwt.MapClaims{
		core.TokenClaimType: core.TokenTypeAuth, core.TokenClaimId: alice.Id,
		core.TokenClaimCollectionId: alice.Collection().Id, core.TokenClaimRefreshable: true,
	}, alice.TokenKey()+alice.Collection().AuthToken.Secret, -time.Minute)
	if err != nil {
		t.Fatal(err)
	}

	url := base + "/admin/employee/page?page=1&pageSize=10"
	for name, headers := range map[string][]string{
		"no token":              nil,
		"garbage token":         {"token", "not-a-jwt"},
		"expired token":         {"token", expired},
		"customer token":        {"token", customerTok},
		"customer as bearer":    {"Authorization", "Bearer " + customerTok},
		"locked employee":       {"token", lockedTok},
		"token of another kind": {"authentication", tok},
	} {
		res := apptest.Call(t, "GET", url, nil, headers...)
		if res.Status != http.StatusUnauthorized {
			t.Errorf("%s: status %d, want 401", name, res.Status)
		}
	}
	// The PocketBase JS SDK sends the same token as Authorization.
	for _, h := range [][]string{{"token", tok}, {"Authorization", tok}, {"Authorization", "Bearer " + tok}} {
		if r := apptest.Call(t, "GET", url, nil, h...); r.Code != 1 {
			t.Errorf("%s: %+v", h[0], r)
		}
	}
	// 401 has an empty body, as the original's interceptor answers.
	res, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	if res.ContentLength > 0 {
		t.Errorf("401 body length %d", res.ContentLength)
	}
	res.Body.Close()
}

// The native PocketBase API must not leak employees or let anyone but a superuser write them.
func TestEmployeesNativeAPI(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, tok := apptest.Employee(t, app, "alice", 1)
	_, customerTok := apptest.Customer(t, app, "openid-1")
	list := base + "/api/collections/employees/records"

	get := func(auth string) map[string]any {
		req, _ := http.NewRequest("GET", list, nil)
		if auth != "" {
			req.Header.Set("Authorization", auth)
		}
		res, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		var body map[string]any
		json.NewDecoder(res.Body).Decode(&body)
		body["_status"] = res.StatusCode
		return body
	}
	for name, auth := range map[string]string{"guest": "", "customer": customerTok} {
		body := get(auth)
		if items, _ := body["items"].([]any); len(items) != 0 {
			t.Errorf("%s lists employees: %v", name, body)
		}
	}
	before, _ := app.CountRecords("employees")
	if items, _ := get(tok)["items"].([]any); int64(len(items)) != before {
		t.Errorf("employee cannot list employees")
	}
	req, _ := http.NewRequest("POST", list, jsonBody(`{"username":"mallory","name":"m","password":"12345678","passwordConfirm":"12345678","status":1}`))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", tok)
	res, _ := http.DefaultClient.Do(req)
	res.Body.Close()
	if n, _ := app.CountRecords("employees"); res.StatusCode < 400 || n != before {
		t.Errorf("an employee created an employee through the native API: %d, %d employees", res.StatusCode, n)
	}
}
