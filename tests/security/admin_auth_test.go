package security_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// route is one compat route; {id} is replaced by a real record id.
type route struct{ method, path string }

// adminRoutes is every /admin route of the routes.go files of staff, shop, media, menu, order and report,
// except POST /admin/employee/login, which is how one gets a token.
var adminRoutes = []route{
	// staff (logout is last: it ends the session)
	{"POST", "/admin/employee"}, {"PUT", "/admin/employee"},
	{"GET", "/admin/employee/page?page=1&pageSize=10"}, {"POST", "/admin/employee/status/0?id={id}"},
	{"PUT", "/admin/employee/editPassword"}, {"GET", "/admin/employee/{id}"},
	// shop
	{"GET", "/admin/shop/status"}, {"PUT", "/admin/shop/0"}, {"GET", "/admin/shop/settings"}, {"PUT", "/admin/shop/settings"},
	// media
	{"POST", "/admin/common/upload"},
	// menu: categories, dishes, set meals
	{"POST", "/admin/category"}, {"PUT", "/admin/category"}, {"DELETE", "/admin/category?id={id}"},
	{"GET", "/admin/category/page?page=1&pageSize=10"}, {"GET", "/admin/category/list?type=1"},
	{"POST", "/admin/category/status/0?id={id}"},
	{"POST", "/admin/dish"}, {"PUT", "/admin/dish"}, {"DELETE", "/admin/dish?ids={id}"},
	{"GET", "/admin/dish/page?page=1&pageSize=10"}, {"GET", "/admin/dish/list?categoryId={id}"},
	{"POST", "/admin/dish/status/0?id={id}"}, {"GET", "/admin/dish/{id}"},
	{"POST", "/admin/setmeal"}, {"PUT", "/admin/setmeal"}, {"DELETE", "/admin/setmeal?ids={id}"},
	{"GET", "/admin/setmeal/page?page=1&pageSize=10"}, {"POST", "/admin/setmeal/status/0?id={id}"},
	{"GET", "/admin/setmeal/{id}"},
	// orders
	{"GET", "/admin/order/conditionSearch?page=1&pageSize=10"}, {"GET", "/admin/order/statistics"},
	{"GET", "/admin/order/details/{id}"}, {"PUT", "/admin/order/confirm"}, {"PUT", "/admin/order/rejection"},
	{"PUT", "/admin/order/cancel"}, {"PUT", "/admin/order/delivery/{id}"}, {"PUT", "/admin/order/complete/{id}"},
	{"GET", "/admin/order/actions"},
	// reports and workspace
	{"GET", "/admin/report/turnoverStatistics?begin=2026-01-01&end=2026-01-07"},
	{"GET", "/admin/report/userStatistics?begin=2026-01-01&end=2026-01-07"},
	{"GET", "/admin/report/ordersStatistics?begin=2026-01-01&end=2026-01-07"},
	{"GET", "/admin/report/top10?begin=2026-01-01&end=2026-01-07"}, {"GET", "/admin/report/export"},
	{"GET", "/admin/workspace/businessData"}, {"GET", "/admin/workspace/overviewOrders"},
	{"GET", "/admin/workspace/overviewDishes"}, {"GET", "/admin/workspace/overviewSetmeals"},
	{"POST", "/admin/employee/logout"},
}

// Every /admin route refuses every credential that is not an enabled employee's live token with 401 and an
// empty body, and the refused writes change nothing.
func TestAdminRoutesRefuseAnyoneButAnEnabledEmployee(t *testing.T) {
	w := newWorld(t)
	credentials := []struct {
		name    string
		headers []string
	}{
		{"no token", nil},
		{"garbage token", []string{"token", "not-a-jwt"}},
		{"customer token", []string{"token", w.alice.token}},
		{"customer token as Authorization", []string{"Authorization", "Bearer " + w.alice.token}},
		{"expired employee token", []string{"token", w.expiredStaff}},
		{"locked employee token", []string{"token", w.lockedStaff}},
		{"employee token in the customer header", []string{"authentication", w.staff}},
	}
	watched := map[string]func() string{
		"alice's order": func() string { return w.snapshot("orders", w.alice.order) },
		"a dish":        func() string { return w.snapshot("dishes", w.dish) },
		"the employee":  func() string { return w.snapshot("employees", w.staffID) },
	}
	before := map[string]string{}
	for what, snap := range watched {
		before[what] = snap()
	}
	counts := map[string]int64{}
	for _, c := range []string{"employees", "categories", "dishes", "setmeals", "images", "orders"} {
		counts[c] = w.count(c)
	}
	// A body that would do something if the guard let it through.
	body := map[string]any{"id": w.alice.order, "name": "入侵者", "username": "intruder", "phone": "13800000000",
		"sex": "1", "idNumber": "110101199001011234", "oldPassword": "secret-123", "newPassword": "hacked-123",
		"rejectionReason": "x", "cancelReason": "x", "status": 0}

	cases := 0
	for _, r := range adminRoutes {
		for _, c := range credentials {
			path := w.base + idIn(r.path, w.staffID, w.dish, w.alice.order)
			t.Run(fmt.Sprintf("%s %s/%s", r.method, r.path, c.name), func(t *testing.T) {
				res := send(t, r.method, path, body, c.headers...)
				if res.status != http.StatusUnauthorized || len(res.body) != 0 {
					t.Errorf("got %s, want 401 with an empty body", res)
				}
			})
			cases++
		}
	}
	for what, snap := range before {
		if got := watched[what](); got != snap {
			t.Errorf("%s changed behind a refused request:\n%s\n%s", what, snap, got)
		}
	}
	for c, n := range counts {
		if got := w.count(c); got != n {
			t.Errorf("%s: %d records, was %d", c, got, n)
		}
	}

	// The control: the same paths with an enabled employee's token reach their handlers.
	for _, r := range adminRoutes {
		path := w.base + idIn(r.path, w.staffID, w.dish, w.alice.order)
		if res := send(t, r.method, path, "{}", "token", w.staff); res.status == http.StatusUnauthorized ||
			res.status == http.StatusNotFound || res.status == http.StatusMethodNotAllowed {
			t.Errorf("%s %s with an employee token: %s — the route table above is out of date", r.method, r.path, res)
		}
	}
	t.Logf("%d routes × %d credentials = %d refusals checked", len(adminRoutes), len(credentials), cases)
}

// idIn puts a plausible id into a route: the employee id for employee routes, the order for order routes,
// else the dish.
func idIn(path string, employee, dish, order fmt.Stringer) string {
	id := dish.String()
	switch {
	case strings.HasPrefix(path, "/admin/employee"):
		id = employee.String()
	case strings.HasPrefix(path, "/admin/order"):
		id = order.String()
	}
	return strings.ReplaceAll(path, "{id}", id)
}
