package security_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

// Careless employees: one still on the initial password, a staff member doing a manager's work, anyone locking or
// renaming `admin`, and usernames that are not plain text.

// initialPasswordRoutes are the only /admin routes an employee on the initial password may use.
var initialPasswordRoutes = map[string]bool{"PUT /admin/employee/editPassword": true, "POST /admin/employee/logout": true}

// managerRoutes are the /admin routes only managers may use: employees, shop settings, menu edits and pictures,
// reports and the export. Everything else of adminRoutes is for staff too.
var managerRoutes = map[string]bool{
	"POST /admin/employee": true, "PUT /admin/employee": true, "GET /admin/employee/page": true,
	"POST /admin/employee/status/0": true, "GET /admin/employee/{id}": true,
	"PUT /admin/shop/settings": true, "POST /admin/common/upload": true,
	"POST /admin/category": true, "PUT /admin/category": true, "DELETE /admin/category": true, "POST /admin/category/status/0": true,
	"POST /admin/dish": true, "PUT /admin/dish": true, "DELETE /admin/dish": true,
	"POST /admin/setmeal": true, "PUT /admin/setmeal": true, "DELETE /admin/setmeal": true,
	"GET /admin/report/turnoverStatistics": true, "GET /admin/report/userStatistics": true,
	"GET /admin/report/ordersStatistics": true, "GET /admin/report/top10": true, "GET /admin/report/export": true,
}

func routeKey(r route) string { return r.method + " " + strings.SplitN(r.path, "?", 2)[0] }

// staffMember creates an enabled employee with the staff role and returns its id and token.
func (w *world) staffMember(username string) (compat.ID, string) {
	w.t.Helper()
	r, tok := apptest.EmployeeWithRole(w.t, w.app, username, 1, compat.RoleStaff)
	return compat.ParseID(r.Id), tok
}

// login signs an employee in through the compat API and returns the login answer.
func (w *world) login(username, password string) (token string, mustChange bool, role string) {
	w.t.Helper()
	var d struct {
		Token              string `json:"token"`
		MustChangePassword bool   `json:"mustChangePassword"`
		Role               string `json:"role"`
	}
	r := w.ok("POST", "/admin/employee/login", map[string]string{"username": username, "password": password})
	json.Unmarshal(r.Data, &d)
	return d.Token, d.MustChangePassword, d.Role
}

func TestInitialPasswordMustBeReplacedBeforeAnythingElse(t *testing.T) {
	w := newWorld(t)
	w.ok("POST", "/admin/employee", map[string]any{"username": "newbie", "name": "新人", "phone": "13800000001", "sex": "1",
		"idNumber": "110101199001011234"}, "token", w.staff)
	tok, mustChange, role := w.login("newbie", "123456")
	if !mustChange || role != compat.RoleStaff {
		t.Fatalf("login answer of a new employee: mustChangePassword=%v role=%q", mustChange, role)
	}

	// Every route but changing the password and signing out refuses, with a message, and changes nothing.
	order := w.snapshot("orders", w.alice.order)
	body := map[string]any{"id": w.alice.order, "name": "入侵者", "status": 0, "cancelReason": "x", "rejectionReason": "x"}
	for _, r := range adminRoutes {
		if initialPasswordRoutes[routeKey(r)] {
			continue
		}
		path := w.base + idIn(r.path, w.staffID, w.dish, w.alice.order)
		reply := envelope(t, r.method+" "+r.path, send(t, r.method, path, body, "token", tok))
		if reply.Code != 0 || reply.Message() != compat.MsgChangeInitialPassword {
			t.Errorf("%s %s on the initial password: code %d %q", r.method, r.path, reply.Code, reply.Message())
		}
	}
	if got := w.snapshot("orders", w.alice.order); got != order {
		t.Errorf("an employee on the initial password changed an order:\n%s\n%s", order, got)
	}
	// Nor through the native API: no orders, no alerts.
	for _, c := range []string{"orders", "alerts", "employees"} {
		res := send(t, "GET", w.base+"/api/collections/"+c+"/records", nil, "Authorization", tok)
		var list struct {
			Items []any `json:"items"`
		}
		json.Unmarshal(res.body, &list)
		if len(list.Items) != 0 {
			t.Errorf("native list of %s on the initial password: %s", c, res)
		}
	}

	// The initial password and trivially weak ones are refused as new passwords.
	for _, weak := range []string{"123456", "aaaaaa", "111111", "abcdef", "654321", "12345678", "newbie", "NEWBIE",
		"password", "qwerty", "哈哈哈哈哈哈"} {
		r := apptest.Call(t, "PUT", w.base+"/admin/employee/editPassword", map[string]string{"oldPassword": "123456", "newPassword": weak}, "token", tok)
		if r.Code != 0 || r.Message() != compat.MsgPasswordTooWeak {
			t.Errorf("new password %q: code %d %q", weak, r.Code, r.Message())
		}
	}
	if r := apptest.Call(t, "PUT", w.base+"/admin/employee/editPassword", map[string]string{"oldPassword": "123456", "newPassword": "12345"}, "token", tok); r.Code != 0 {
		t.Errorf("a five-character password was accepted")
	}

	// A real password ends the state: the old token is void, the next sign-in is free.
	w.ok("PUT", "/admin/employee/editPassword", map[string]string{"oldPassword": "123456", "newPassword": "Dumpling42"}, "token", tok)
	tok, mustChange, _ = w.login("newbie", "Dumpling42")
	if mustChange {
		t.Fatal("still must change the password after changing it")
	}
	w.ok("GET", "/admin/order/conditionSearch?page=1&pageSize=10", nil, "token", tok)

	// A password set back to the initial one, e.g. by a superuser in the dashboard, brings the state back.
	rec, _ := w.app.FindFirstRecordByData("employees", "username", "newbie")
	rec.SetPassword("123456")
	if err := w.app.Save(rec); err != nil {
		t.Fatal(err)
	}
	if _, mustChange, _ = w.login("newbie", "123456"); !mustChange {
		t.Error("a password reset to 123456 does not ask for a change")
	}
}

func TestStaffCannotDoManagersWork(t *testing.T) {
	w := newWorld(t)
	staffID, staffTok := w.staffMember("waiter")
	// The original front end shows msg of a code 0 answer; a 401 would send the employee to the login page.
	body := map[string]any{"id": w.dish, "name": "改名", "username": "renamed", "price": 1, "categoryId": 1,
		"status": 0, "oldPassword": apptest.Password, "newPassword": "hacked-123"}
	dish, employee := w.snapshot("dishes", w.dish), w.snapshot("employees", w.staffID)
	for _, r := range adminRoutes {
		key := routeKey(r)
		if key == "PUT /admin/employee/editPassword" || key == "POST /admin/employee/logout" || key == "POST /admin/dish/status/0" {
			continue // they work for staff, and would end this session or change the dish watched below
		}
		path := w.base + idIn(r.path, w.staffID, w.dish, w.alice.order)
		reply := envelope(t, key, send(t, r.method, path, body, "token", staffTok))
		refused := reply.Code == 0 && reply.Message() == compat.MsgManagersOnly
		if refused != managerRoutes[key] {
			t.Errorf("%s by staff: code %d %q (managers only: %v)", key, reply.Code, reply.Message(), managerRoutes[key])
		}
	}
	if got := w.snapshot("dishes", w.dish); got != dish {
		t.Errorf("staff changed a dish:\n%s\n%s", dish, got)
	}
	if got := w.snapshot("employees", w.staffID); got != employee {
		t.Errorf("staff changed an employee:\n%s\n%s", employee, got)
	}
	// Staff put dishes on and off sale.
	w.ok("POST", "/admin/dish/status/0?id="+w.dish.String(), nil, "token", staffTok)
	if d, _ := w.app.FindRecordById("dishes", w.dish.String()); d.GetInt("status") != 0 {
		t.Error("staff could not take a dish off sale")
	}

	// The native API keeps the same line: staff change a dish's status and nothing else, never the shop settings.
	patch := func(collection, id string, body map[string]any) int {
		return send(t, "PATCH", w.base+"/api/collections/"+collection+"/records/"+id, body, "Authorization", staffTok).status
	}
	if st := patch("dishes", w.dish.String(), map[string]any{"price": 1}); st < 400 {
		t.Errorf("staff changed a dish's price through the native API: %d", st)
	}
	if st := patch("dishes", w.dish.String(), map[string]any{"status": 1}); st != http.StatusOK {
		t.Errorf("staff could not put a dish on sale through the native API: %d", st)
	}
	shop, _ := w.app.FindFirstRecordByFilter("shop", "id != ''")
	if st := patch("shop", shop.Id, map[string]any{"delivery_fee": 0}); st < 400 {
		t.Errorf("staff changed the delivery fee through the native API: %d", st)
	}
	if res := send(t, "POST", w.base+"/api/collections/categories/records", map[string]any{"name": "x", "type": 1}, "Authorization", staffTok); res.status < 400 {
		t.Errorf("staff created a category through the native API: %s", res)
	}
	var list struct {
		Items []struct {
			ID string `json:"id"`
		} `json:"items"`
	}
	json.Unmarshal(send(t, "GET", w.base+"/api/collections/employees/records", nil, "Authorization", staffTok).body, &list)
	if len(list.Items) != 1 || list.Items[0].ID != staffID.String() {
		t.Errorf("staff list employees through the native API: %+v", list.Items)
	}
}

func TestAdminCannotBeLockedOrDemotedAndNobodyLocksThemselves(t *testing.T) {
	w := newWorld(t)
	admin, err := w.app.FindFirstRecordByData("employees", "username", "admin")
	if err != nil {
		t.Fatal(err)
	}
	adminID := admin.Id
	before := w.snapshot("employees", compat.ParseID(adminID))
	for name, c := range map[string]struct {
		method, path string
		body         any
		msg          string
	}{
		"lock admin":    {"POST", "/admin/employee/status/0?id=" + adminID, nil, compat.MsgAdminProtected},
		"demote admin":  {"PUT", "/admin/employee", map[string]any{"id": adminID, "role": "staff"}, compat.MsgAdminProtected},
		"rename admin":  {"PUT", "/admin/employee", map[string]any{"id": adminID, "username": "root", "name": "x"}, compat.MsgAdminProtected},
		"lock myself":   {"POST", "/admin/employee/status/0?id=" + w.staffID.String(), nil, compat.MsgCannotDisableSelf},
		"demote myself": {"PUT", "/admin/employee", map[string]any{"id": w.staffID, "role": "staff"}, compat.MsgCannotDemoteSelf},
		"unknown role":  {"PUT", "/admin/employee", map[string]any{"id": w.staffID, "role": "owner"}, compat.MsgRoleInvalid},
	} {
		r := apptest.Call(t, c.method, w.base+c.path, c.body, "token", w.staff)
		if r.Status != http.StatusOK || r.Code != 0 || r.Message() != c.msg {
			t.Errorf("%s: HTTP %d code %d %q, want %q", name, r.Status, r.Code, r.Message(), c.msg)
		}
	}
	if got := w.snapshot("employees", compat.ParseID(adminID)); got != before {
		t.Errorf("admin changed:\n%s\n%s", before, got)
	}
	if me, _ := w.app.FindRecordById("employees", w.staffID.String()); me.GetString("role") != compat.RoleManager || me.GetInt("status") != 1 {
		t.Errorf("the manager demoted or locked themselves: %v", me.FieldsData())
	}

	// A manager promotes staff, demotes and locks another manager, each taking effect on the next request even
	// with the token cached; admin edits itself.
	otherID, cookTok := w.staffMember("cook")
	page := "/admin/employee/page?page=1&pageSize=10"
	w.ok("PUT", "/admin/employee", map[string]any{"id": otherID, "role": "manager"}, "token", w.staff)
	w.ok("GET", page, nil, "token", cookTok)
	w.ok("PUT", "/admin/employee", map[string]any{"id": otherID, "role": "staff"}, "token", w.staff)
	if r := apptest.Call(t, "GET", w.base+page, nil, "token", cookTok); r.Message() != compat.MsgManagersOnly {
		t.Errorf("a demoted manager still lists employees: %d %q", r.Code, r.Message())
	}
	w.ok("PUT", "/admin/employee", map[string]any{"id": otherID, "role": "manager"}, "token", w.staff)
	w.ok("POST", "/admin/employee/status/0?id="+otherID.String(), nil, "token", w.staff)
	if r, _ := w.app.FindRecordById("employees", otherID.String()); r.GetString("role") != compat.RoleManager || r.GetInt("status") != 0 {
		t.Errorf("promote and lock: %v", r.FieldsData())
	}
	adminTok, _, role := w.login("admin", adminPasswordOf(t, w))
	if role != compat.RoleManager {
		t.Fatalf("admin's role: %q", role)
	}
	w.ok("PUT", "/admin/employee", map[string]any{"id": adminID, "name": "老板"}, "token", adminTok)
}

// adminPasswordOf gives admin a known password, as its owner would have from the terminal.
func adminPasswordOf(t *testing.T, w *world) string {
	t.Helper()
	admin, _ := w.app.FindFirstRecordByData("employees", "username", "admin")
	admin.SetPassword("Owner-pass-1")
	if err := w.app.Save(admin); err != nil {
		t.Fatal(err)
	}
	return "Owner-pass-1"
}

func TestEmployeeUsernamesArePlainText(t *testing.T) {
	w := newWorld(t)
	n := w.count("employees")
	for _, bad := range []string{"a\x00b", "\x1b[31mred", "admin\u202egnp", "two words", "tab\there", "line\nbreak",
		"zero\u200bwidth", "\u200fadmin", "bell\x07", "emoji😀"} {
		r := apptest.Call(t, "POST", w.base+"/admin/employee", map[string]any{"username": bad, "name": "x", "phone": "13800000000"}, "token", w.staff)
		if r.Code != 0 || r.Message() != compat.MsgUsernameInvalid {
			t.Errorf("add %q: code %d %q", bad, r.Code, r.Message())
		}
		r = apptest.Call(t, "PUT", w.base+"/admin/employee", map[string]any{"id": w.staffID, "username": bad}, "token", w.staff)
		if r.Code != 0 || r.Message() != compat.MsgUsernameInvalid {
			t.Errorf("rename to %q: code %d %q", bad, r.Code, r.Message())
		}
	}
	if got := w.count("employees"); got != n {
		t.Errorf("%d employees with hostile usernames were stored", got-n)
	}
	for _, good := range []string{"wang.xiao-1_2", "王小明", "Li_Lei"} {
		w.ok("POST", "/admin/employee", map[string]any{"username": good, "name": "x", "phone": "13800000000"}, "token", w.staff)
	}

	// The collection says so too, for the dashboard and the native API: a superuser cannot store one either.
	super := w.superuser()
	res := send(t, "POST", w.base+"/api/collections/employees/records", map[string]any{"username": "evil\u202e", "name": "x",
		"password": "Strong-pass-1", "passwordConfirm": "Strong-pass-1", "status": 1, "role": "staff"}, "Authorization", super)
	if res.status != http.StatusBadRequest {
		t.Errorf("native create with a bidi override in the username: %s", res)
	}
}

// superuser creates a PocketBase superuser (the owner in the dashboard) and returns its token.
func (w *world) superuser() string {
	w.t.Helper()
	col, err := w.app.FindCollectionByNameOrId(core.CollectionNameSuperusers)
	if err != nil {
		w.t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.SetEmail("owner@example.com")
	r.SetPassword("Owner-pass-123")
	if err := w.app.Save(r); err != nil {
		w.t.Fatal(err)
	}
	tok, err := r.NewAuthToken()
	if err != nil {
		w.t.Fatal(err)
	}
	return tok
}
