package menu_test

import (
	"strings"
	"testing"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func TestSetmealLifecycle(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	business := s.category("商务套餐", menu.SetmealCategory, 1)
	chicken := s.dish("宫保鸡丁", hot, 2800, 1)
	rice := s.dish("米饭", hot, 200, 1)
	cola := s.dish("可乐", hot, 500, 1)

	// As the admin front end posts it: price as a string, status 0, the dishes with names and prices
	// that the server replaces with the dish's own.
	s.ok(s.admin("POST", "/admin/setmeal", map[string]any{"name": "单人餐", "categoryId": meals.String(), "price": "29.9",
		"status": 0, "description": "实惠", "image": "m.png", "setmealDishes": []map[string]any{
			{"dishId": chicken, "name": "假名字", "price": "0.01", "copies": 1},
			{"dishId": rice.String(), "copies": "2"}}}), nil)
	meal := compat.ParseID(s.findByName("setmeals", "单人餐").Id)

	var vo menu.SetmealVO
	s.ok(s.admin("GET", "/admin/setmeal/"+meal.String(), nil), &vo)
	if vo.Name != "单人餐" || vo.CategoryID != meals || vo.Price.Cents != 2990 || vo.Status != 0 ||
		vo.Description != "实惠" || vo.Image != "m.png" || vo.CategoryName != nil {
		t.Fatalf("set meal = %+v", vo)
	}
	if len(vo.SetmealDishes) != 2 {
		t.Fatalf("dishes = %+v", vo.SetmealDishes)
	}
	first, second := vo.SetmealDishes[0], vo.SetmealDishes[1]
	if first.DishID != chicken || first.Name != "宫保鸡丁" || first.Price.Cents != 2800 || first.Copies != 1 || first.SetmealID != meal ||
		second.DishID != rice || second.Name != "米饭" || second.Price.Cents != 200 || second.Copies != 2 {
		t.Fatalf("dishes (copied from the dish records, in order) = %+v", vo.SetmealDishes)
	}
	if r := s.record("setmeals", meal); r.GetString("created_by") != s.employee.Id || r.GetString("updated_by") != s.employee.Id {
		t.Fatalf("audit: %v", r.PublicExport())
	}

	s.setmeal("商务餐", business, 9900, 1, chicken)
	var page compat.PageResult[menu.SetmealVO]
	s.ok(s.admin("GET", "/admin/setmeal/page?page=1&pageSize=10", nil), &page)
	if page.Total != 2 || page.Records[0].Name != "商务餐" || *page.Records[0].CategoryName != "商务套餐" ||
		page.Records[0].SetmealDishes == nil || len(page.Records[0].SetmealDishes) != 0 {
		t.Fatalf("page: %+v", page)
	}
	s.ok(s.admin("GET", "/admin/setmeal/page?page=1&pageSize=10&name=单人&status=0&categoryId="+meals.String(), nil), &page)
	if page.Total != 1 || page.Records[0].ID != meal {
		t.Fatalf("filtered page: %+v", page)
	}

	// Edit: the dishes are replaced; without setmealDishes they stay.
	s.ok(s.admin("PUT", "/admin/setmeal", map[string]any{"id": meal, "name": "超值单人餐", "categoryId": business, "price": 31,
		"setmealDishes": []map[string]any{{"dishId": cola, "copies": 3}}}), nil)
	s.ok(s.admin("GET", "/admin/setmeal/"+meal.String(), nil), &vo)
	if vo.Name != "超值单人餐" || vo.CategoryID != business || vo.Price.Cents != 3100 || vo.Description != "实惠" ||
		len(vo.SetmealDishes) != 1 || vo.SetmealDishes[0].Name != "可乐" || vo.SetmealDishes[0].Copies != 3 {
		t.Fatalf("after update: %+v", vo)
	}
	s.ok(s.admin("PUT", "/admin/setmeal", map[string]any{"id": meal, "description": "更实惠"}), nil)
	s.ok(s.admin("GET", "/admin/setmeal/"+meal.String(), nil), &vo)
	if vo.Description != "更实惠" || len(vo.SetmealDishes) != 1 {
		t.Fatalf("description-only update: %+v", vo)
	}

	s.ok(s.admin("POST", "/admin/setmeal/status/1?id="+meal.String(), nil), nil)
	if s.record("setmeals", meal).GetInt("status") != 1 {
		t.Fatal("set meal not started")
	}
	s.ok(s.admin("POST", "/admin/setmeal/status/0?id="+meal.String(), nil), nil)
	s.ok(s.admin("DELETE", "/admin/setmeal?ids="+meal.String(), nil), nil)
	if s.exists("setmeals", meal) || s.count("setmeal_dishes") != 1 {
		t.Fatalf("delete left the set meal or its dishes (setmeal_dishes = %d)", s.count("setmeal_dishes"))
	}
	if !s.exists("dishes", cola) {
		t.Fatal("deleting a set meal deleted a dish")
	}
}

func TestSetmealRules(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	onSale := s.dish("宫保鸡丁", hot, 2800, 1)
	stopped := s.dish("鱼香肉丝", hot, 2600, 0)
	good := s.setmeal("单人餐", meals, 3000, 0, onSale)
	bad := s.setmeal("双人餐", meals, 6000, 0, onSale, stopped)
	selling := s.setmeal("三人餐", meals, 9000, 1, onSale)

	s.fails(s.admin("POST", "/admin/setmeal/status/1?id="+bad.String(), nil), menu.MsgSetmealEnableFailed)
	// A batch with one refused set meal starts none.
	s.fails(s.admin("POST", "/admin/setmeal/status/1?id="+good.String()+","+bad.String(), nil), menu.MsgSetmealEnableFailed)
	if s.record("setmeals", good).GetInt("status") != 0 || s.record("setmeals", bad).GetInt("status") != 0 {
		t.Fatal("a refused start started something")
	}
	// Started once its dish is on sale.
	s.ok(s.admin("POST", "/admin/dish/status/1?id="+stopped.String(), nil), nil)
	s.ok(s.admin("POST", "/admin/setmeal/status/1?id="+bad.String(), nil), nil)
	if r := s.record("setmeals", bad); r.GetInt("status") != 1 || r.GetString("updated_by") != s.employee.Id {
		t.Fatalf("started set meal: %v", r.PublicExport())
	}
	s.ok(s.admin("POST", "/admin/dish/status/0?id="+stopped.String(), nil), nil) // stops "双人餐" again

	// Created or edited on sale with a stopped dish: refused too.
	s.fails(s.admin("POST", "/admin/setmeal", map[string]any{"name": "新餐", "categoryId": meals, "price": 1, "status": 1,
		"setmealDishes": []map[string]any{{"dishId": stopped, "copies": 1}}}), menu.MsgSetmealEnableFailed)
	s.fails(s.admin("PUT", "/admin/setmeal", map[string]any{"id": selling,
		"setmealDishes": []map[string]any{{"dishId": stopped, "copies": 1}}}), menu.MsgSetmealEnableFailed)
	s.fails(s.admin("PUT", "/admin/setmeal", map[string]any{"id": bad, "status": 1}), menu.MsgSetmealEnableFailed)

	s.fails(s.admin("DELETE", "/admin/setmeal?ids="+selling.String(), nil), menu.MsgSetmealOnSale)
	s.fails(s.admin("DELETE", "/admin/setmeal?ids="+good.String()+","+selling.String(), nil), menu.MsgSetmealOnSale)
	if !s.exists("setmeals", good) || !s.exists("setmeals", selling) {
		t.Fatal("a refused delete deleted something")
	}
	s.fails(s.admin("POST", "/admin/setmeal", map[string]any{"name": "单人餐", "categoryId": meals, "price": 1}), "'单人餐'已存在")
	s.fails(s.admin("POST", "/admin/setmeal", map[string]any{"name": "x", "categoryId": hot, "price": 1}), menu.MsgCategoryDisabledOrWrong)

	var vo menu.SetmealVO
	s.ok(s.admin("GET", "/admin/setmeal/"+selling.String(), nil), &vo)
	if vo.Status != 1 || len(vo.SetmealDishes) != 1 || vo.SetmealDishes[0].DishID != onSale {
		t.Fatalf("refused edit changed the set meal: %+v", vo)
	}
}

func TestSetmealBadInput(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	dish := s.dish("宫保鸡丁", hot, 2800, 1)
	meal := s.setmeal("单人餐", meals, 3000, 0, dish)
	base := `"name":"新餐","categoryId":` + meals.String() + `,"price":"10"`
	item := func(dishID string, copies string) string {
		return `{` + base + `,"setmealDishes":[{"dishId":` + dishID + `,"copies":` + copies + `}]}`
	}
	for _, c := range []struct {
		name, method, path string
		body               any
		msg                string
	}{
		{"malformed json", "POST", "/admin/setmeal", `{` + base, compat.MsgBadRequest},
		{"unknown dish", "POST", "/admin/setmeal", item("123456789012345", "1"), menu.MsgSetmealDishNotFound},
		{"dish without id", "POST", "/admin/setmeal", `{` + base + `,"setmealDishes":[{"copies":1}]}`, menu.MsgSetmealDishNotFound},
		{"zero copies", "POST", "/admin/setmeal", item(dish.String(), "0"), menu.MsgCopiesInvalid},
		{"negative copies", "POST", "/admin/setmeal", item(dish.String(), "-2"), menu.MsgCopiesInvalid},
		{"huge copies", "POST", "/admin/setmeal", item(dish.String(), "100000"), menu.MsgCopiesInvalid},
		{"no copies", "POST", "/admin/setmeal", `{` + base + `,"setmealDishes":[{"dishId":` + dish.String() + `}]}`, menu.MsgCopiesInvalid},
		{"copies as words", "POST", "/admin/setmeal", item(dish.String(), `"两份"`), compat.MsgBadRequest},
		{"no price", "POST", "/admin/setmeal", `{"name":"新餐","categoryId":` + meals.String() + `}`, menu.MsgPriceRequired},
		{"negative price", "POST", "/admin/setmeal", `{"name":"新餐","categoryId":` + meals.String() + `,"price":-5}`, menu.MsgPriceNegative},
		{"overlong name", "POST", "/admin/setmeal", `{"name":"` + strings.Repeat("餐", 40) + `","categoryId":` + meals.String() + `,"price":1}`, menu.MsgNameTooLong},
		{"no category", "POST", "/admin/setmeal", `{"name":"新餐","price":1}`, menu.MsgCategoryDisabledOrWrong},
		{"dishes not a list", "POST", "/admin/setmeal", `{` + base + `,"setmealDishes":{}}`, compat.MsgBadRequest},
		{"update unknown id", "PUT", "/admin/setmeal", `{"id":123456789012345,"name":"x"}`, menu.MsgSetmealNotFound},
		{"update without id", "PUT", "/admin/setmeal", `{"name":"x"}`, compat.MsgIDRequired},
		{"update with unknown dish", "PUT", "/admin/setmeal", `{"id":` + meal.String() + `,"setmealDishes":[{"dishId":123456789012345,"copies":1}]}`, menu.MsgSetmealDishNotFound},
		{"get unknown id", "GET", "/admin/setmeal/123456789012345", nil, menu.MsgSetmealNotFound},
		{"delete ids=abc", "DELETE", "/admin/setmeal?ids=abc", nil, "参数 ids 不正确"},
		{"delete unknown id", "DELETE", "/admin/setmeal?ids=123456789012345", nil, menu.MsgSetmealNotFound},
		{"status unknown id", "POST", "/admin/setmeal/status/1?id=123456789012345", nil, menu.MsgSetmealNotFound},
		{"status x", "POST", "/admin/setmeal/status/x?id=" + meal.String(), nil, compat.MsgStatusInvalid},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.t = t
			s.fails(s.admin(c.method, c.path, c.body), c.msg)
		})
	}
	s.t = t
	if s.count("setmeals") != 1 || s.count("setmeal_dishes") != 1 {
		t.Fatalf("bad input wrote something: setmeals %d, setmeal_dishes %d", s.count("setmeals"), s.count("setmeal_dishes"))
	}
	var vo menu.SetmealVO
	s.ok(s.admin("GET", "/admin/setmeal/"+meal.String(), nil), &vo)
	if vo.Name != "单人餐" || len(vo.SetmealDishes) != 1 || vo.SetmealDishes[0].DishID != dish {
		t.Fatalf("bad input changed the set meal: %+v", vo)
	}
}
