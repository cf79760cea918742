package menu_test

import (
	"slices"
	"strings"
	"testing"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func TestDishLifecycle(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	cold := s.category("凉菜", menu.DishCategory, 1)

	// As the admin front end posts it: price as a string, status 0, flavor values as JSON strings,
	// plus fields the server ignores.
	s.ok(s.admin("POST", "/admin/dish", `{"name":"水煮鱼","categoryId":"`+hot.String()+`","price":"56","image":"",
		"description":"鲜","status":0,"createTime":"x","flavors":[
		{"name":"辣度","value":"[\"不辣\",\"微辣\",\"中辣\"]","showOption":false},
		{"name":"忌口","value":["不要葱","不要蒜"]}]}`), nil)
	fish := compat.ParseID(s.findByName("dishes", "水煮鱼").Id)

	var vo menu.DishVO
	s.ok(s.admin("GET", "/admin/dish/"+fish.String(), nil), &vo)
	if vo.Name != "水煮鱼" || vo.CategoryID != hot || vo.Price.Cents != 5600 || vo.Status != 0 ||
		vo.Description != "鲜" || vo.CategoryName != nil || vo.UpdateTime.IsZero() {
		t.Fatalf("dish = %+v", vo)
	}
	want := []string{`辣度=["不辣","微辣","中辣"]`, `忌口=["不要葱","不要蒜"]`}
	if got := s.flavorsOf(fish); !slices.Equal(got, want) {
		t.Fatalf("flavors = %v, want %v", got, want)
	}
	if r := s.record("dishes", fish); r.GetString("created_by") != s.employee.Id || r.GetString("updated_by") != s.employee.Id {
		t.Fatalf("audit: %v", r.PublicExport())
	}
	// The price is written with two decimals.
	if r := s.admin("GET", "/admin/dish/"+fish.String(), nil); !strings.Contains(string(r.Data), `"price":56.00`) {
		t.Fatalf("price format: %s", r.Data)
	}

	s.dish("拍黄瓜", cold, 1200, 1)
	s.dish("口水鸡", cold, 3200, 0)

	var page compat.PageResult[menu.DishVO]
	s.ok(s.admin("GET", "/admin/dish/page?page=1&pageSize=10", nil), &page)
	if page.Total != 3 || page.Records[0].Name != "口水鸡" || page.Records[2].Name != "水煮鱼" {
		t.Fatalf("page (newest first): %+v", page)
	}
	for _, d := range page.Records {
		if d.CategoryName == nil || d.Flavors == nil || len(d.Flavors) != 0 {
			t.Fatalf("page row %+v: want a category name and an empty flavor list", d)
		}
	}
	if *page.Records[2].CategoryName != "热菜" {
		t.Fatalf("category name %q", *page.Records[2].CategoryName)
	}
	s.ok(s.admin("GET", "/admin/dish/page?page=1&pageSize=10&categoryId="+cold.String()+"&status=1", nil), &page)
	if page.Total != 1 || page.Records[0].Name != "拍黄瓜" {
		t.Fatalf("filtered page: %+v", page)
	}
	s.ok(s.admin("GET", "/admin/dish/page?page=1&pageSize=10&name=鱼&categoryId=&status=", nil), &page)
	if page.Total != 1 || page.Records[0].Name != "水煮鱼" {
		t.Fatalf("name page: %+v", page)
	}

	// The set meal form's dish picker: on-sale dishes by category or by name.
	var list []menu.Dish
	s.ok(s.admin("GET", "/admin/dish/list?categoryId="+cold.String(), nil), &list)
	if len(list) != 1 || list[0].Name != "拍黄瓜" || list[0].CreateUser != 0 {
		t.Fatalf("list by category: %+v", list)
	}
	s.ok(s.admin("POST", "/admin/dish/status/1?id="+fish.String(), nil), nil)
	s.ok(s.admin("GET", "/admin/dish/list?name=鱼", nil), &list)
	if len(list) != 1 || list[0].Name != "水煮鱼" || list[0].Price.Cents != 5600 {
		t.Fatalf("list by name: %+v", list)
	}
	s.ok(s.admin("GET", "/admin/dish/list", nil), &list)
	if len(list) != 2 {
		t.Fatalf("all on-sale dishes: %+v", list)
	}

	// Edit as the front end does: the whole object back, price as a string, flavors replaced.
	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": fish, "name": "酸菜鱼", "categoryId": cold, "price": "58.5",
		"image": "a.png", "description": "酸", "status": 1, "categoryName": "热菜",
		"flavors": []map[string]any{{"id": 1, "dishId": fish, "name": "温度", "value": `["热","冷"]`}}}), nil)
	s.ok(s.admin("GET", "/admin/dish/"+fish.String(), nil), &vo)
	if vo.Name != "酸菜鱼" || vo.CategoryID != cold || vo.Price.Cents != 5850 || vo.Image != "a.png" || vo.Status != 1 {
		t.Fatalf("after update: %+v", vo)
	}
	if got := s.flavorsOf(fish); !slices.Equal(got, []string{`温度=["热","冷"]`}) {
		t.Fatalf("flavors after update = %v", got)
	}
	// Without flavors in the body the flavors stay; an empty list removes them.
	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": fish, "price": 60}), nil)
	if got := s.flavorsOf(fish); len(got) != 1 || s.record("dishes", fish).GetInt("price") != 6000 {
		t.Fatalf("price-only update: flavors %v", got)
	}
	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": fish, "flavors": []any{}}), nil)
	if got := s.flavorsOf(fish); len(got) != 0 {
		t.Fatalf("flavors after clearing = %v", got)
	}

	// Batch stop (the front end's batch button sends a comma list), then batch delete.
	cucumber := compat.ParseID(s.findByName("dishes", "拍黄瓜").Id)
	s.ok(s.admin("POST", "/admin/dish/status/0?id="+fish.String()+","+cucumber.String(), nil), nil)
	if s.record("dishes", fish).GetInt("status") != 0 || s.record("dishes", cucumber).GetInt("status") != 0 {
		t.Fatal("batch stop did not stop both")
	}
	s.save("dish_flavors", map[string]any{"dish": fish.String(), "name": "辣度", "value": `["微辣"]`})
	s.ok(s.admin("DELETE", "/admin/dish?ids="+fish.String()+","+cucumber.String(), nil), nil)
	if s.exists("dishes", fish) || s.exists("dishes", cucumber) || s.count("dish_flavors") != 0 {
		t.Fatal("dishes or their flavors survived the delete")
	}
}

func TestDishRules(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	onSale := s.dish("宫保鸡丁", hot, 2800, 1)
	stopped := s.dish("鱼香肉丝", hot, 2600, 0)
	inMeal := s.dish("米饭", hot, 200, 0)
	other := s.dish("可乐", hot, 500, 1)
	meal := s.setmeal("单人餐", meals, 3000, 1, onSale, other)
	stoppedMeal := s.setmeal("双人餐", meals, 6000, 0, inMeal)

	s.fails(s.admin("POST", "/admin/dish", map[string]any{"name": "宫保鸡丁", "categoryId": hot, "price": 1}), "'宫保鸡丁'已存在")
	s.fails(s.admin("PUT", "/admin/dish", map[string]any{"id": stopped, "name": "米饭"}), "'米饭'已存在")
	s.fails(s.admin("DELETE", "/admin/dish?ids="+onSale.String(), nil), menu.MsgDishOnSale)
	s.fails(s.admin("DELETE", "/admin/dish?ids="+inMeal.String(), nil), menu.MsgDishInSetmeal)
	// One refused dish keeps the whole batch.
	s.fails(s.admin("DELETE", "/admin/dish?ids="+stopped.String()+","+onSale.String(), nil), menu.MsgDishOnSale)
	s.fails(s.admin("DELETE", "/admin/dish?ids="+stopped.String()+",123456789012345", nil), menu.MsgDishNotFound)
	if !s.exists("dishes", stopped) || !s.exists("dishes", onSale) || !s.exists("dishes", inMeal) {
		t.Fatal("a refused delete deleted something")
	}

	// Stopping a dish stops the on-sale set meals that contain it, with audit.
	s.ok(s.admin("POST", "/admin/dish/status/0?id="+onSale.String(), nil), nil)
	m := s.record("setmeals", meal)
	if m.GetInt("status") != 0 || m.GetString("updated_by") != s.employee.Id {
		t.Fatalf("set meal after its dish stopped: %v", m.PublicExport())
	}
	if s.record("setmeals", stoppedMeal).GetString("updated_by") != "" {
		t.Fatal("a set meal without the dish was touched")
	}
	// Starting the dish again does not start the set meal.
	s.ok(s.admin("POST", "/admin/dish/status/1?id="+onSale.String(), nil), nil)
	if s.record("setmeals", meal).GetInt("status") != 0 {
		t.Fatal("starting a dish started its set meal")
	}
	// Stopping through the edit form cascades too.
	s.ok(s.admin("POST", "/admin/setmeal/status/1?id="+meal.String(), nil), nil)
	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": other, "status": "0"}), nil)
	if s.record("setmeals", meal).GetInt("status") != 0 {
		t.Fatal("stopping a dish by PUT left its set meal on sale")
	}

	// A new name or price reaches the set meal's copies.
	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": inMeal, "name": "香米饭", "price": "3"}), nil)
	var vo menu.SetmealVO
	s.ok(s.admin("GET", "/admin/setmeal/"+stoppedMeal.String(), nil), &vo)
	if len(vo.SetmealDishes) != 1 || vo.SetmealDishes[0].Name != "香米饭" || vo.SetmealDishes[0].Price.Cents != 300 {
		t.Fatalf("set meal copies after the dish changed: %+v", vo.SetmealDishes)
	}

	// A dish goes only into a dish category.
	s.fails(s.admin("POST", "/admin/dish", map[string]any{"name": "x", "categoryId": meals, "price": 1}), menu.MsgCategoryDisabledOrWrong)
	s.fails(s.admin("PUT", "/admin/dish", map[string]any{"id": stopped, "categoryId": meals}), menu.MsgCategoryDisabledOrWrong)
	// A disabled dish category is fine: staff fill a category before enabling it.
	draft := s.category("新品", menu.DishCategory, 0)
	s.ok(s.admin("POST", "/admin/dish", map[string]any{"name": "新菜", "categoryId": draft, "price": 0}), nil)
}

func TestDishBadInput(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	dish := s.dish("宫保鸡丁", hot, 2800, 0, "辣度", `["微辣","特辣"]`)
	cat := `"categoryId":` + hot.String()
	for _, c := range []struct {
		name, method, path string
		body               any
		msg                string
	}{
		{"malformed json", "POST", "/admin/dish", `{"name":"a",`, compat.MsgBadRequest},
		{"price as words", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":"五十"}`, compat.MsgBadRequest},
		{"price with 3 decimals", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1.005}`, compat.MsgBadRequest},
		{"huge price", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1e20}`, compat.MsgBadRequest},
		{"huge price as text", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":"99999999999999"}`, compat.MsgBadRequest},
		{"negative price", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":-1}`, menu.MsgPriceNegative},
		{"no price", "POST", "/admin/dish", `{"name":"a",` + cat + `}`, menu.MsgPriceRequired},
		{"no name", "POST", "/admin/dish", `{` + cat + `,"price":1}`, menu.MsgNameRequired},
		{"name 33 chars", "POST", "/admin/dish", `{"name":"` + strings.Repeat("a", 33) + `",` + cat + `,"price":1}`, menu.MsgNameTooLong},
		{"no category", "POST", "/admin/dish", `{"name":"a","price":1}`, menu.MsgCategoryDisabledOrWrong},
		{"unknown category", "POST", "/admin/dish", `{"name":"a","categoryId":123456789012345,"price":1}`, menu.MsgCategoryDisabledOrWrong},
		{"category id abc", "POST", "/admin/dish", `{"name":"a","categoryId":"abc","price":1}`, compat.MsgBadRequest},
		{"status 2", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"status":2}`, compat.MsgStatusInvalid},
		{"description too long", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"description":"` + strings.Repeat("长", 256) + `"}`, menu.MsgDescriptionTooLong},
		{"image too long", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"image":"` + strings.Repeat("i", 256) + `"}`, menu.MsgImageTooLong},
		{"flavor value not json", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":[{"name":"辣度","value":"微辣"}]}`, menu.MsgFlavorValueInvalid},
		{"flavor value of numbers", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":[{"name":"辣度","value":"[1,2]"}]}`, menu.MsgFlavorValueInvalid},
		{"flavor value empty array", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":[{"name":"辣度","value":"[]"}]}`, menu.MsgFlavorValueInvalid},
		{"flavor value object", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":[{"name":"辣度","value":{"a":1}}]}`, compat.MsgBadRequest},
		{"flavor without value", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":[{"name":"辣度"}]}`, menu.MsgFlavorValueInvalid},
		{"flavor without name", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":[{"value":"[\"x\"]"}]}`, menu.MsgFlavorNameRequired},
		{"flavor names repeat", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":[{"name":"辣度","value":"[\"x\"]"},{"name":"辣度","value":"[\"y\"]"}]}`, menu.MsgFlavorNameDuplicate},
		{"flavors not a list", "POST", "/admin/dish", `{"name":"a",` + cat + `,"price":1,"flavors":"辣"}`, compat.MsgBadRequest},
		{"update without id", "PUT", "/admin/dish", `{"name":"b"}`, compat.MsgIDRequired},
		{"update unknown id", "PUT", "/admin/dish", `{"id":"123456789012345","name":"b"}`, menu.MsgDishNotFound},
		{"update negative price", "PUT", "/admin/dish", map[string]any{"id": dish, "price": "-0.01"}, menu.MsgPriceNegative},
		{"get unknown id", "GET", "/admin/dish/123456789012345", nil, menu.MsgDishNotFound},
		{"get id abc", "GET", "/admin/dish/abc", nil, "参数 id 不正确"},
		{"delete ids=abc", "DELETE", "/admin/dish?ids=abc", nil, "参数 ids 不正确"},
		{"delete without ids", "DELETE", "/admin/dish", nil, "参数 ids 不能为空"},
		{"status id=1,abc", "POST", "/admin/dish/status/1?id=" + dish.String() + ",abc", nil, "参数 id 不正确"},
		{"status 9", "POST", "/admin/dish/status/9?id=" + dish.String(), nil, compat.MsgStatusInvalid},
		{"status of unknown id", "POST", "/admin/dish/status/1?id=" + dish.String() + ",123456789012345", nil, menu.MsgDishNotFound},
		{"page categoryId=x", "GET", "/admin/dish/page?page=1&pageSize=10&categoryId=x", nil, "参数 categoryId 不正确"},
		{"page status=x", "GET", "/admin/dish/page?page=1&pageSize=10&status=x", nil, "参数 status 必须是整数"},
		{"page page=x", "GET", "/admin/dish/page?page=x&pageSize=10", nil, "参数 page 必须是整数"},
		{"list categoryId=-1", "GET", "/admin/dish/list?categoryId=-1", nil, "参数 categoryId 不正确"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.t = t
			r := s.admin(c.method, c.path, c.body)
			s.fails(r, c.msg)
			t.Log(r.Message())
		})
	}
	s.t = t
	if n := s.count("dishes"); n != 1 {
		t.Fatalf("dishes = %d, want only the original one", n)
	}
	if r := s.record("dishes", dish); r.GetInt("status") != 0 || r.GetInt("price") != 2800 {
		t.Fatalf("bad input changed the dish: %v", r.PublicExport())
	}
}

// A refused update writes nothing: not the dish fields before the bad flavor, not the flavors.
func TestDishUpdateIsAllOrNothing(t *testing.T) {
	s := newShop(t)
	hot := s.category("热菜", menu.DishCategory, 1)
	dish := s.dish("宫保鸡丁", hot, 2800, 0, "辣度", `["微辣","特辣"]`, "忌口", `["葱"]`)
	s.dish("鱼香肉丝", hot, 2600, 0)
	before := s.flavorsOf(dish)

	s.fails(s.admin("PUT", "/admin/dish", map[string]any{"id": dish, "name": "新名字", "price": 1,
		"flavors": []map[string]any{{"name": "甜度", "value": `["少糖"]`}, {"name": "辣度", "value": "oops"}}}), menu.MsgFlavorValueInvalid)
	// The duplicate name is found only when the dish is saved, after the old flavors would be gone.
	s.fails(s.admin("PUT", "/admin/dish", map[string]any{"id": dish, "name": "鱼香肉丝",
		"flavors": []map[string]any{{"name": "甜度", "value": `["少糖"]`}}}), "'鱼香肉丝'已存在")
	s.fails(s.admin("PUT", "/admin/dish", map[string]any{"id": dish, "name": "新名字", "categoryId": 123456789012345,
		"flavors": []map[string]any{}}), menu.MsgCategoryDisabledOrWrong)

	r := s.record("dishes", dish)
	if r.GetString("name") != "宫保鸡丁" || r.GetInt("price") != 2800 {
		t.Fatalf("refused update changed the dish: %v", r.PublicExport())
	}
	if after := s.flavorsOf(dish); !slices.Equal(after, before) {
		t.Fatalf("flavors after refused updates = %v, want %v", after, before)
	}
}
