package menu_test

import (
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func TestCustomerMenu(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	drinks := s.category("饮品", menu.DishCategory, 1)
	hidden := s.category("未上架", menu.DishCategory, 0)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	s.save("categories", map[string]any{"name": "排在前面", "type": 1, "status": 1, "sort": -1})

	fish := s.dish("水煮鱼", hot, 5600, 1, "辣度", `["不辣","微辣"]`, "忌口", `["葱"]`)
	s.dish("回锅肉", hot, 3000, 1)
	s.dish("停售菜", hot, 100, 0)
	s.dish("隐藏菜", hidden, 100, 1)
	cola := s.dish("可乐", drinks, 500, 1)
	meal := s.setmeal("单人餐", meals, 5800, 1, fish, cola)
	s.setmeal("停售餐", meals, 1000, 0, fish)

	var categories []menu.Category
	s.ok(s.customer("GET", "/user/category/list"), &categories)
	names := []string{}
	for _, c := range categories {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "排在前面,套餐,饮品,热菜" {
		t.Fatalf("categories = %v (enabled only, by sort then newest)", names)
	}
	s.ok(s.customer("GET", "/user/category/list?type=2"), &categories)
	if len(categories) != 1 || categories[0].ID != meals {
		t.Fatalf("type 2 categories = %+v", categories)
	}

	var dishes []menu.DishVO
	s.ok(s.customer("GET", "/user/dish/list?categoryId="+hot.String()), &dishes)
	if len(dishes) != 2 || dishes[0].Name != "回锅肉" || dishes[1].Name != "水煮鱼" {
		t.Fatalf("dishes = %+v (on-sale only, newest first)", dishes)
	}
	if f := dishes[1].Flavors; len(f) != 2 || f[0].Name != "辣度" || f[0].Value != `["不辣","微辣"]` || f[0].DishID != fish || f[1].Name != "忌口" {
		t.Fatalf("flavors = %+v", f)
	}
	if dishes[0].Flavors == nil || dishes[1].CategoryName != nil || dishes[1].Price.Cents != 5600 {
		t.Fatalf("dish VO = %+v", dishes)
	}
	s.ok(s.customer("GET", "/user/dish/list?categoryId="+hidden.String()), &dishes)
	if len(dishes) != 0 {
		t.Fatalf("dishes of a disabled category = %+v", dishes)
	}
	s.ok(s.customer("GET", "/user/dish/list?categoryId=123456789012345"), &dishes)
	if len(dishes) != 0 {
		t.Fatalf("dishes of an unknown category = %+v", dishes)
	}

	var setmeals []menu.Setmeal
	s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+meals.String()), &setmeals)
	if len(setmeals) != 1 || setmeals[0].ID != meal || setmeals[0].Price.Cents != 5800 || setmeals[0].CategoryID != meals {
		t.Fatalf("set meals = %+v", setmeals)
	}

	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": fish, "image": "fish.png", "description": "鲜嫩"}), nil)
	var items []menu.DishItemVO
	s.ok(s.customer("GET", "/user/setmeal/dish/"+meal.String()), &items)
	if len(items) != 2 || items[0] != (menu.DishItemVO{Name: "水煮鱼", Copies: 1, Image: "fish.png", Description: "鲜嫩"}) ||
		items[1].Name != "可乐" {
		t.Fatalf("set meal dishes = %+v", items)
	}
	if r := s.customer("GET", "/user/setmeal/dish/"+meal.String()); !strings.Contains(string(r.Data), `"name":"水煮鱼","copies":1,"image":"fish.png","description":"鲜嫩"`) {
		t.Fatalf("DishItemVO JSON: %s", r.Data)
	}

	s.fails(s.customer("GET", "/user/setmeal/dish/123456789012345"), compat.MsgSetmealNotFound)
	s.fails(s.customer("GET", "/user/dish/list"), "参数 categoryId 不正确")
	s.fails(s.customer("GET", "/user/dish/list?categoryId=abc"), "参数 categoryId 不正确")
	s.fails(s.customer("GET", "/user/setmeal/list?categoryId="), "参数 categoryId 不正确")
	s.fails(s.customer("GET", "/user/category/list?type=x"), "参数 type 必须是整数")
}

// The menu JSON keeps every key of the contract, nulls included.
func TestCustomerMenuJSON(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	s.dish("水煮鱼", hot, 5600, 1)
	r := s.customer("GET", "/user/dish/list?categoryId="+hot.String())
	for _, key := range []string{`"id":`, `"name":"水煮鱼"`, `"categoryId":` + hot.String(), `"price":56.00`, `"image":""`,
		`"description":""`, `"status":1`, `"updateTime":"`, `"categoryName":null`, `"flavors":[]`} {
		if !strings.Contains(string(r.Data), key) {
			t.Fatalf("dish list JSON lacks %s: %s", key, r.Data)
		}
	}
	r = s.admin("GET", "/admin/category/list", nil)
	for _, key := range []string{`"type":1`, `"sort":0`, `"createTime":"`, `"createUser":null`, `"updateUser":null`} {
		if !strings.Contains(string(r.Data), key) {
			t.Fatalf("category JSON lacks %s: %s", key, r.Data)
		}
	}
}

// Admin routes take only an enabled employee's token in `token`; customer routes only a customer's token
// in `authentication`. Anything else is 401 with an empty body.
func TestMenuAuth(t *testing.T) {
	admin := []string{
		"POST /admin/category", "GET /admin/category/page", "DELETE /admin/category?id=1", "PUT /admin/category",
		"POST /admin/category/status/1?id=1", "GET /admin/category/list",
		"POST /admin/dish", "GET /admin/dish/page", "DELETE /admin/dish?ids=1", "GET /admin/dish/1", "PUT /admin/dish",
		"POST /admin/dish/status/1?id=1", "GET /admin/dish/list",
		"POST /admin/setmeal", "GET /admin/setmeal/page", "DELETE /admin/setmeal?ids=1", "GET /admin/setmeal/1",
		"PUT /admin/setmeal", "POST /admin/setmeal/status/1?id=1",
	}
	customer := []string{
		"GET /user/category/list", "GET /user/dish/list?categoryId=1", "GET /user/setmeal/list?categoryId=1", "GET /user/setmeal/dish/1",
	}
	// who sends which token in which header; the tokens exist only once the scenario's app does.
	type who struct {
		name, header string
		token        func(*tokens) string
	}
	var scenarios []tests.ApiScenario
	add := func(routes []string, w who) {
		for _, route := range routes {
			method, url, _ := strings.Cut(route, " ")
			headers := map[string]string{}
			toks := &tokens{}
			scenarios = append(scenarios, tests.ApiScenario{
				Name:   w.name + " " + route,
				Method: method, URL: url, Body: strings.NewReader(`{}`),
				Headers: headers,
				TestAppFactory: func(t testing.TB) *tests.TestApp {
					app := apptest.Factory(register)(t)
					_, toks.employee = apptest.Employee(t, app, "boss", 1)
					_, toks.locked = apptest.Employee(t, app, "gone", 0)
					_, toks.customer = apptest.Customer(t, app, "openid-1")
					if tok := w.token(toks); tok != "" {
						headers[w.header] = tok
					}
					return app
				},
				ExpectedStatus: http.StatusUnauthorized,
			})
		}
	}
	none := func(*tokens) string { return "" }
	for _, w := range []who{
		{"no token", "token", none},
		{"customer token", "token", func(t *tokens) string { return t.customer }},
	} {
		add(admin, w)
	}
	for _, w := range []who{
		{"garbage token", "token", func(*tokens) string { return "not-a-token" }},
		{"customer token as Authorization", "Authorization", func(t *tokens) string { return t.customer }},
		{"locked employee", "token", func(t *tokens) string { return t.locked }},
	} {
		add([]string{"POST /admin/category", "PUT /admin/dish", "DELETE /admin/setmeal?ids=1"}, w)
	}
	for _, w := range []who{
		{"no token", "authentication", none},
		{"employee token", "authentication", func(t *tokens) string { return t.employee }},
		{"employee token as Authorization", "Authorization", func(t *tokens) string { return "Bearer " + t.employee }},
	} {
		add(customer, w)
	}
	for _, s := range scenarios {
		s.Test(t)
	}
}

type tokens struct{ employee, locked, customer string }

// The native API follows the collection rules: anyone reads the menu, only employees write it.
func TestMenuNativeAPI(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	dish := s.dish("水煮鱼", hot, 5600, 1)

	if st := s.status("GET", "/api/collections/dishes/records", nil); st != 200 {
		t.Fatalf("guest list dishes: %d", st)
	}
	if st := s.status("GET", "/api/collections/categories/records/"+hot.String(), nil); st != 200 {
		t.Fatalf("guest view category: %d", st)
	}
	if st := s.status("GET", "/api/collections/setmeal_dishes/records", nil); st != 200 {
		t.Fatalf("guest list set meal dishes: %d", st)
	}

	for _, c := range []struct {
		method, path string
		body         any
	}{
		{"POST", "/api/collections/categories/records", map[string]any{"name": "黑客", "type": 1, "status": 1}},
		{"PATCH", "/api/collections/categories/records/" + hot.String(), map[string]any{"name": "黑客"}},
		{"DELETE", "/api/collections/categories/records/" + hot.String(), nil},
		{"POST", "/api/collections/dishes/records", map[string]any{"name": "黑客", "category": hot.String(), "price": 1}},
		{"PATCH", "/api/collections/dishes/records/" + dish.String(), map[string]any{"price": 1}},
		{"DELETE", "/api/collections/dishes/records/" + dish.String(), nil},
		{"POST", "/api/collections/dish_flavors/records", map[string]any{"dish": dish.String(), "name": "x", "value": `["y"]`}},
	} {
		if st := s.status(c.method, c.path, c.body, "Authorization", s.customerToken); st < 400 {
			t.Errorf("customer %s %s: HTTP %d, want refused", c.method, c.path, st)
		}
	}
	if s.count("categories") != 1 || s.count("dishes") != 1 || s.count("dish_flavors") != 0 {
		t.Fatal("a customer wrote the menu through the native API")
	}
	if r := s.record("dishes", dish); r.GetInt("price") != 5600 || s.record("categories", hot).GetString("name") != "热菜" {
		t.Fatal("a customer changed the menu through the native API")
	}
}

func TestFindSellable(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	hidden := s.category("未上架", menu.DishCategory, 0)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1)
	stopped := s.dish("停售菜", hot, 100, 0)
	inHidden := s.dish("隐藏菜", hidden, 100, 1)
	meal := s.setmeal("单人餐", meals, 5800, 1, fish)
	stoppedMeal := s.setmeal("停售餐", meals, 5800, 0, fish)

	got, err := menu.FindSellable(s.app, fish, 0)
	if err != nil || got.DishID != fish || got.SetmealID != 0 || got.Name != "水煮鱼" || got.Price != 5600 {
		t.Fatalf("dish: %v %+v", err, got)
	}
	got, err = menu.FindSellable(s.app, 0, meal)
	if err != nil || got.SetmealID != meal || got.DishID != 0 || got.Price != 5800 {
		t.Fatalf("set meal: %v %+v", err, got)
	}
	for name, ids := range map[string][2]compat.ID{
		"stopped dish": {stopped, 0}, "dish in a disabled category": {inHidden, 0}, "unknown dish": {123456789012345, 0},
		"stopped set meal": {0, stoppedMeal}, "nothing": {0, 0},
	} {
		if _, err := menu.FindSellable(s.app, ids[0], ids[1]); compat.MessageOf(err) != compat.MsgItemOffSale {
			t.Errorf("%s: %v, want %s", name, err, compat.MsgItemOffSale)
		}
	}
}
