package security_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"unicode/utf8"
)

// hostile are the texts every text field and search filter gets: SQL meta characters, LIKE wildcards, a string
// that fits in a body but in no column, and a 1 MB string, which no body may hold.
var hostile = []struct{ name, value string }{
	{"quote OR 1=1", `' OR 1=1 --`},
	{"DROP TABLE", `"; DROP TABLE orders; --`},
	{"UNION SELECT", `' UNION SELECT id, password FROM employees --`},
	{"percent", `%`},
	{"underscore", `_`},
	{"backslash", `\`},
	{"900 KB", strings.Repeat("a", 900_000)},
	{"1 MB", strings.Repeat("长", 1<<20/3+1)},
}

// writeRoute is a compat route that stores text: a valid body, and the text fields to poison one at a time.
type writeRoute struct {
	name, method, path string
	asCustomer         bool
	body               func(n int) map[string]any // a valid body; n makes unique names unique
	fields             []string
	before             func(w *world) // e.g. fill the cart before submitting
}

func writeRoutes(w *world) []writeRoute {
	category := w.dishCategory()
	return []writeRoute{
		{name: "employee add", method: "POST", path: "/admin/employee",
			body: func(n int) map[string]any {
				return map[string]any{"username": fmt.Sprintf("emp%d", n), "name": "员工", "phone": "13800000000",
					"sex": "1", "idNumber": "110101199001011234"}
			},
			fields: []string{"username", "name", "phone", "sex", "idNumber"}},
		{name: "category add", method: "POST", path: "/admin/category",
			body: func(n int) map[string]any {
				return map[string]any{"name": fmt.Sprintf("分类%d", n), "type": 1, "sort": 1}
			},
			fields: []string{"name"}},
		{name: "dish add", method: "POST", path: "/admin/dish",
			body: func(n int) map[string]any {
				return map[string]any{"name": fmt.Sprintf("菜%d", n), "categoryId": category, "price": "12.50",
					"image": "dish.png", "description": "好吃", "status": 1,
					"flavors": []map[string]any{{"name": "辣度", "value": `["微辣","中辣"]`}}}
			},
			fields: []string{"name", "description", "image"}},
		{name: "address add", method: "POST", path: "/user/addressBook", asCustomer: true,
			body: func(n int) map[string]any {
				return map[string]any{"consignee": "王五", "phone": "13700000000", "sex": "1", "provinceName": "北京市",
					"cityName": "北京市", "districtName": "海淀区", "detail": "某街1号", "label": "1"}
			},
			fields: []string{"consignee", "phone", "sex", "provinceName", "cityName", "districtName", "detail", "label"}},
		{name: "cart add", method: "POST", path: "/user/shoppingCart/add", asCustomer: true,
			body:   func(n int) map[string]any { return map[string]any{"dishId": w.dish, "dishFlavor": "微辣"} },
			fields: []string{"dishFlavor"}},
		{name: "order submit", method: "POST", path: "/user/order/submit", asCustomer: true,
			body: func(n int) map[string]any {
				return map[string]any{"addressBookId": w.alice.address, "payMethod": 1, "remark": "少放辣",
					"estimatedDeliveryTime": "2030-01-02 12:30:00", "deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 1}
			},
			fields: []string{"remark"},
			before: func(w *world) {
				w.ok("POST", "/user/shoppingCart/add", map[string]any{"dishId": w.dish}, "authentication", w.alice.token)
			}},
	}
}

func (w *world) dishCategory() string {
	w.t.Helper()
	r, err := w.app.FindRecordById("dishes", w.dish.String())
	if err != nil {
		w.t.Fatal(err)
	}
	return r.GetString("category")
}

// Hostile text in every text field of the main write routes is refused with a message or stored as it was
// sent, never an HTTP 500, and no table is touched; afterwards the search filters treat the same texts as
// literal text: a search for % finds only names that contain a %.
func TestHostileTextIsRefusedOrStoredAsText(t *testing.T) {
	w := newWorld(t)
	n, cases := 0, 0
	for _, route := range writeRoutes(w) {
		auth := []string{"token", w.staff}
		if route.asCustomer {
			auth = []string{"authentication", w.alice.token}
		}
		for _, field := range route.fields {
			for _, h := range hostile {
				n++
				cases++
				t.Run(fmt.Sprintf("%s/%s/%s", route.name, field, h.name), func(t *testing.T) {
					if route.before != nil {
						route.before(w)
					}
					body := route.body(n)
					body[field] = h.value
					r := envelope(t, route.name, send(t, route.method, w.base+route.path, body, auth...))
					if r.Code == 1 && len(h.value) > 1<<19 {
						t.Errorf("stored a %s %s", h.name, field)
					}
					t.Logf("answer: code %d %s", r.Code, short(r.Message()))
					if r.Code == 0 && (r.Message() == "" || r.Message() == "未知错误") {
						t.Errorf("refused without a clear message: %q", r.Message())
					}
					if len(r.Message()) > 1000 {
						t.Errorf("the refusal echoes the whole value (%d bytes): %s…", len(r.Message()), short(r.Message()))
					}
				})
			}
		}
	}
	// Stored texts are the texts sent.
	t.Run("stored names are exactly the names sent", func(t *testing.T) {
		for _, h := range hostile[:6] {
			if r, err := w.app.FindFirstRecordByData("categories", "name", h.value); err == nil && r.GetString("name") != h.value {
				t.Errorf("category %q stored as %q", h.value, r.GetString("name"))
			}
		}
	})

	searches := []struct {
		name, path, param, collection, field string
	}{
		{"employee page", "/admin/employee/page?page=1&pageSize=1000", "name", "employees", "name"},
		{"category page", "/admin/category/page?page=1&pageSize=1000", "name", "categories", "name"},
		{"dish page", "/admin/dish/page?page=1&pageSize=1000", "name", "dishes", "name"},
		{"set meal page", "/admin/setmeal/page?page=1&pageSize=1000", "name", "setmeals", "name"},
		{"order search by number", "/admin/order/conditionSearch?page=1&pageSize=1000", "number", "orders", "number"},
		{"order search by phone", "/admin/order/conditionSearch?page=1&pageSize=1000", "phone", "orders", "phone"},
	}
	for _, s := range searches {
		for _, h := range hostile {
			cases++
			t.Run(fmt.Sprintf("search %s for %s", s.name, h.name), func(t *testing.T) {
				res := send(t, "GET", w.base+s.path+"&"+s.param+"="+url.QueryEscape(h.value), nil, "token", w.staff)
				if len(h.value) > 1<<19 && (res.status == http.StatusRequestHeaderFieldsTooLarge || res.status == http.StatusRequestURITooLong) {
					return // the server refuses a 1 MB URL before any handler
				}
				r := envelope(t, s.name, res)
				if r.Code != 1 {
					t.Fatalf("search refused: %s", r.Message())
				}
				var page struct {
					Total   int64            `json:"total"`
					Records []map[string]any `json:"records"`
				}
				json.Unmarshal(r.Data, &page)
				var problems []string
				if want := w.containing(s.collection, s.field, h.value); page.Total != want {
					problems = append(problems, fmt.Sprintf("found %d, but %d %s have a %s containing %q",
						page.Total, want, s.collection, s.field, short(h.value)))
				}
				for _, rec := range page.Records {
					if got := fmt.Sprint(rec[s.param]); !strings.Contains(got, h.value) {
						problems = append(problems, fmt.Sprintf("found %s %q, which does not contain %q", s.field, got, short(h.value)))
					}
				}
				for _, p := range problems {
					t.Error(p)
				}
			})
		}
	}

	t.Run("no table was dropped", func(t *testing.T) {
		for _, c := range []string{"employees", "users", "categories", "dishes", "dish_flavors", "setmeals", "setmeal_dishes",
			"address_book", "cart_items", "orders", "order_details", "payments", "alerts", "shop", "images"} {
			if !w.app.HasTable(c) {
				t.Errorf("table %s is gone", c)
			}
		}
		if w.count("orders") < 2 || w.count("employees") < 3 {
			t.Errorf("records are gone: %d orders, %d employees", w.count("orders"), w.count("employees"))
		}
	})
	t.Logf("%d hostile writes and searches", cases)
}

// containing counts the records whose field contains s literally.
func (w *world) containing(collection, field, s string) int64 {
	w.t.Helper()
	rs, err := w.app.FindAllRecords(collection)
	if err != nil {
		w.t.Fatal(err)
	}
	var n int64
	for _, r := range rs {
		if strings.Contains(r.GetString(field), strings.TrimSpace(s)) {
			n++
		}
	}
	return n
}

// short cuts s to about 40 bytes without splitting a character.
func short(s string) string {
	if len(s) <= 40 {
		return s
	}
	cut := 40
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
