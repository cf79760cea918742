package menu_test

import (
	"strings"
	"testing"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func TestCategoryLifecycle(t *testing.T) {
	s := newShop(t)

	// The admin front end sends sort as a string; new categories start disabled.
	s.ok(s.admin("POST", "/admin/category", `{"name":"凉菜","type":"1","sort":"3"}`), nil)
	s.ok(s.admin("POST", "/admin/category", map[string]any{"name": "主食", "type": 1, "sort": 1}), nil)
	s.ok(s.admin("POST", "/admin/category", map[string]any{"name": "午市套餐", "type": 2, "sort": 2, "status": 1}), nil)

	var page compat.PageResult[menu.Category]
	s.ok(s.admin("GET", "/admin/category/page?page=1&pageSize=10", nil), &page)
	if page.Total != 3 || len(page.Records) != 3 {
		t.Fatalf("page: %+v", page)
	}
	for i, want := range []string{"主食", "午市套餐", "凉菜"} { // by sort
		c := page.Records[i]
		if c.Name != want || c.Status != 0 || c.CreateUser != s.me() || c.UpdateUser != s.me() || c.CreateTime.IsZero() {
			t.Fatalf("record %d = %+v, want %s disabled with audit", i, c, want)
		}
	}
	cold := page.Records[2]
	if cold.Sort != 3 || cold.Type != menu.DishCategory {
		t.Fatalf("凉菜 = %+v", cold)
	}

	s.ok(s.admin("GET", "/admin/category/page?page=1&pageSize=10&name=套&type=2", nil), &page)
	if page.Total != 1 || page.Records[0].Name != "午市套餐" {
		t.Fatalf("filtered page: %+v", page)
	}
	s.ok(s.admin("GET", "/admin/category/page?page=2&pageSize=2", nil), &page)
	if page.Total != 3 || len(page.Records) != 1 {
		t.Fatalf("second page: %+v", page)
	}

	// Only enabled categories are listed.
	var list []menu.Category
	s.ok(s.admin("GET", "/admin/category/list?type=1", nil), &list)
	if len(list) != 0 {
		t.Fatalf("list before enabling: %+v", list)
	}
	s.ok(s.admin("POST", "/admin/category/status/1?id="+cold.ID.String(), nil), nil)
	s.ok(s.admin("GET", "/admin/category/list?type=1", nil), &list)
	if len(list) != 1 || list[0].Name != "凉菜" || list[0].Status != 1 {
		t.Fatalf("list after enabling: %+v", list)
	}
	s.ok(s.admin("GET", "/admin/category/list?type=2&page=1&pageSize=1000", nil), &list)
	if len(list) != 0 {
		t.Fatalf("type 2 list: %+v", list)
	}

	// Partial update: the admin front end sends {id, name, sort}; the type stays.
	s.ok(s.admin("PUT", "/admin/category", map[string]any{"id": cold.ID, "name": "凉菜小吃", "sort": "7"}), nil)
	r := s.record("categories", cold.ID)
	if r.GetString("name") != "凉菜小吃" || r.GetInt("sort") != 7 || r.GetInt("type") != 1 || r.GetInt("status") != 1 {
		t.Fatalf("after update: %v", r.PublicExport())
	}
	s.ok(s.admin("PUT", "/admin/category", map[string]any{"id": cold.ID.String(), "sort": 8}), nil)
	if r := s.record("categories", cold.ID); r.GetString("name") != "凉菜小吃" || r.GetInt("sort") != 8 {
		t.Fatalf("sort-only update changed the name: %v", r.PublicExport())
	}

	s.ok(s.admin("POST", "/admin/category/status/0?id="+cold.ID.String(), nil), nil)
	if s.record("categories", cold.ID).GetInt("status") != 0 {
		t.Fatal("category not disabled")
	}

	s.ok(s.admin("DELETE", "/admin/category?id="+cold.ID.String(), nil), nil)
	if s.exists("categories", cold.ID) {
		t.Fatal("category not deleted")
	}
}

func TestCategoryRules(t *testing.T) {
	s := newShop(t)
	dishes := s.category("热菜", menu.DishCategory, 1)
	meals := s.category("套餐", menu.SetmealCategory, 1)
	empty := s.category("空分类", menu.DishCategory, 1)
	dish := s.dish("回锅肉", dishes, 3000, 0)
	s.setmeal("单人餐", meals, 2000, 0, dish)

	s.fails(s.admin("POST", "/admin/category", map[string]any{"name": "热菜", "type": 1}), "'热菜'已存在")
	s.fails(s.admin("PUT", "/admin/category", map[string]any{"id": empty, "name": "套餐"}), "'套餐'已存在")
	s.fails(s.admin("DELETE", "/admin/category?id="+dishes.String(), nil), menu.MsgCategoryHasDish)
	s.fails(s.admin("DELETE", "/admin/category?id="+meals.String(), nil), menu.MsgCategoryHasSetmeal)
	s.fails(s.admin("PUT", "/admin/category", map[string]any{"id": dishes, "type": 2}), menu.MsgCategoryTypeInUse)
	s.fails(s.admin("PUT", "/admin/category", map[string]any{"id": meals, "type": 1}), menu.MsgCategoryTypeInUse)
	s.ok(s.admin("PUT", "/admin/category", map[string]any{"id": empty, "type": 2}), nil)
	if s.record("categories", empty).GetInt("type") != 2 {
		t.Fatal("type of an unused category did not change")
	}
	if !s.exists("categories", dishes) || !s.exists("categories", meals) {
		t.Fatal("a used category was deleted")
	}
	if s.record("categories", dishes).GetString("name") != "热菜" {
		t.Fatal("refused update changed the record")
	}
}

func TestCategoryBadInput(t *testing.T) {
	s := newShop(t)
	id := s.category("热菜", menu.DishCategory, 1)
	for _, c := range []struct {
		name, method, path string
		body               any
		msg                string
	}{
		{"type 3", "POST", "/admin/category", `{"name":"a","type":3}`, menu.MsgCategoryTypeInvalid},
		{"no type", "POST", "/admin/category", `{"name":"a"}`, menu.MsgCategoryTypeInvalid},
		{"type as text", "POST", "/admin/category", `{"name":"a","type":"dish"}`, compat.MsgBadRequest},
		{"no name", "POST", "/admin/category", `{"type":1}`, menu.MsgNameRequired},
		{"blank name", "POST", "/admin/category", `{"type":1,"name":"   "}`, menu.MsgNameRequired},
		{"name 33 chars", "POST", "/admin/category", `{"type":1,"name":"` + strings.Repeat("菜", 33) + `"}`, menu.MsgNameTooLong},
		{"huge sort", "POST", "/admin/category", `{"type":1,"name":"a","sort":99999999999}`, menu.MsgSortOutOfRange},
		{"fractional sort", "POST", "/admin/category", `{"type":1,"name":"a","sort":1.5}`, compat.MsgBadRequest},
		{"name as object", "POST", "/admin/category", `{"type":1,"name":{"x":1}}`, compat.MsgBadRequest},
		{"malformed json", "POST", "/admin/category", `{"type":1,`, compat.MsgBadRequest},
		{"body is an array", "POST", "/admin/category", `[1,2]`, compat.MsgBadRequest},
		{"update without id", "PUT", "/admin/category", `{"name":"b"}`, compat.MsgIDRequired},
		{"update unknown id", "PUT", "/admin/category", `{"id":123456789012345,"name":"b"}`, menu.MsgCategoryNotFound},
		{"update type 0", "PUT", "/admin/category", map[string]any{"id": id, "type": 0}, menu.MsgCategoryTypeInvalid},
		{"update blank name", "PUT", "/admin/category", map[string]any{"id": id, "name": ""}, menu.MsgNameRequired},
		{"delete unknown id", "DELETE", "/admin/category?id=123456789012345", nil, menu.MsgCategoryNotFound},
		{"delete id=abc", "DELETE", "/admin/category?id=abc", nil, "参数 id 不正确"},
		{"delete without id", "DELETE", "/admin/category", nil, "参数 id 不正确"},
		{"status 2", "POST", "/admin/category/status/2?id=" + id.String(), nil, compat.MsgStatusInvalid},
		{"status of unknown id", "POST", "/admin/category/status/1?id=123456789012345", nil, menu.MsgCategoryNotFound},
		{"page type=x", "GET", "/admin/category/page?page=1&pageSize=10&type=x", nil, "参数 type 必须是整数"},
		{"list type=x", "GET", "/admin/category/list?type=x", nil, "参数 type 必须是整数"},
	} {
		t.Run(c.name, func(t *testing.T) {
			s.t = t
			s.fails(s.admin(c.method, c.path, c.body), c.msg)
		})
	}
	s.t = t
	if n := s.count("categories"); n != 1 {
		t.Fatalf("categories = %d, want only the original one", n)
	}
	if r := s.record("categories", id); r.GetString("name") != "热菜" || r.GetInt("type") != 1 {
		t.Fatalf("bad input changed the category: %v", r.PublicExport())
	}
}
