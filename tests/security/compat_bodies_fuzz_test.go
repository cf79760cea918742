package security_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
)

// bodyRoutes are the compat routes whose JSON bodies FuzzCompatBodies posts arbitrary bytes to.
var bodyRoutes = []struct {
	method, path string
	customer     bool
}{
	{"POST", "/admin/employee", false},
	{"POST", "/admin/category", false},
	{"POST", "/admin/dish", false},
	{"POST", "/user/shoppingCart/add", true},
	{"POST", "/user/addressBook", true},
	{"POST", "/user/order/submit", true},
	{"POST", "/user/user/browser-login", false},
	{"PUT", "/user/order/payment", true},
}

// FuzzCompatBodies posts arbitrary bytes as the body of the main write routes of one app, with or without a
// token. Property: never an HTTP 500; always a JSON envelope {code,msg,data}, or 401 with an empty body.
//
//	go test -run '^$' -fuzz FuzzCompatBodies -fuzztime 60s ./modules/security
func FuzzCompatBodies(f *testing.F) {
	w := newWorld(f)
	valid := []string{
		`{"username":"fuzz1","name":"员工","phone":"13800000000","sex":"1","idNumber":"110101199001011234"}`,
		`{"name":"分类F","type":1,"sort":"3"}`,
		fmt.Sprintf(`{"name":"菜F","categoryId":"%s","price":"12.5","image":"a.png","status":1,"flavors":[{"name":"辣度","value":"[\"微辣\"]"}]}`, w.dishCategory()),
		fmt.Sprintf(`{"dishId":%d,"dishFlavor":"微辣"}`, w.dish),
		`{"consignee":"王五","phone":"13700000000","sex":"1","detail":"某街1号","label":1}`,
		fmt.Sprintf(`{"addressBookId":%d,"payMethod":1,"remark":"x","estimatedDeliveryTime":"2030-01-02 12:30:00","deliveryStatus":1,"tablewareNumber":1,"tablewareStatus":1,"amount":"1.00"}`, w.alice.address),
		`{"deviceKey":"` + strings.Repeat("k", 43) + `"}`,
		fmt.Sprintf(`{"orderNumber":"%s","payMethod":3}`, w.alice.orderNumber),
	}
	hostileBodies := []string{"", " ", "{", "}", "null", "[]", `""`, "0", "true", `{"":""}`, "\x00", "\xff\xfe",
		`{"price":1e309}`, `{"price":"99999999999.99"}`, `{"sort":9223372036854775808}`, `{"id":-1}`, `{"id":"1e20"}`,
		`{"categoryId":{"$ne":null}}`, `{"flavors":[{"value":[1,2]}]}`, `{"flavors":"x"}`, `{"flavors":[null]}`,
		`{"setmealDishes":[{"dishId":"x"}]}`, `{"estimatedDeliveryTime":"0000-01-01T00:00:00+23:59"}`,
		`{"name":"\ud800"}`, strings.Repeat("[", 5000), `{"price":68.69999999999999}`, `{"price":"68.705"}`,
		`{"amount":0.` + strings.Repeat("9", 400) + `}`, `{"name":` + strings.Repeat(`"a",`, 100) + `"a"}`}
	for i, body := range valid {
		f.Add(uint8(i), []byte(body))
		f.Add(uint8(i)|0x80, []byte(body)) // the same without a token
	}
	f.Add(uint8(5), []byte(`{"tableNo":"A12","payMethod":3,"amount":"1.00"}`)) // a table's order, paid on delivery
	for i, body := range hostileBodies {
		f.Add(uint8(i%len(bodyRoutes)), []byte(body))
	}

	f.Fuzz(func(t *testing.T, which uint8, body []byte) {
		route := bodyRoutes[int(which&0x7f)%len(bodyRoutes)]
		var auth []string
		switch {
		case which&0x80 != 0: // no token
		case route.customer:
			auth = []string{"authentication", w.alice.token}
		default:
			auth = []string{"token", w.staff}
		}
		res := send(t, route.method, w.base+route.path, body, auth...)
		switch res.status {
		case http.StatusUnauthorized:
			if auth != nil || len(res.body) != 0 {
				t.Fatalf("%s %s: 401 with a token, or with a body: %s", route.method, route.path, res)
			}
		case http.StatusOK:
			var env map[string]json.RawMessage
			if err := json.Unmarshal(res.body, &env); err != nil {
				t.Fatalf("%s %s %q: not JSON: %s", route.method, route.path, body, res)
			}
			for _, key := range []string{"code", "msg", "data"} {
				if _, ok := env[key]; !ok {
					t.Fatalf("%s %s %q: no %q in %s", route.method, route.path, body, key, res)
				}
			}
		default:
			t.Fatalf("%s %s %q: %s", route.method, route.path, body, res)
		}
	})
}
