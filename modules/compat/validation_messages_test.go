package compat_test

import (
	"strings"
	"testing"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

// A record the collection's own field rules refuse reaches the client as one Chinese line naming each field,
// never as PocketBase's English text; a clash with a unique name keeps the original's `'<name>'已存在`.
func TestStoredRecordRefusalsAreChinese(t *testing.T) {
	app := apptest.New(t)
	categories, err := app.FindCollectionByNameOrId("categories")
	if err != nil {
		t.Fatal(err)
	}
	category := func(fields map[string]any) *core.Record {
		r := core.NewRecord(categories)
		r.Load(map[string]any{"name": "饮品", "type": 1, "sort": 1, "status": 1})
		r.Load(fields)
		return r
	}
	if err := compat.Save(app, category(nil)); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		fields map[string]any
		want   string
	}{
		{"name too long", map[string]any{"name": strings.Repeat("汤", 33)}, "数据校验失败：name 长度不能超过32个字符"},
		{"name missing", map[string]any{"name": ""}, "数据校验失败：name 不能为空"},
		{"two fields", map[string]any{"name": strings.Repeat("a", 40), "type": 3, "sort": 2_000_000},
			"数据校验失败：name 长度不能超过32个字符；sort 不能大于1000000；type 不能大于2"},
		{"below minimum", map[string]any{"name": "凉菜", "type": 0, "sort": -2_000_000},
			"数据校验失败：sort 不能小于-1000000；type 不能为空"},
		{"decimal", map[string]any{"name": "热菜", "sort": 1.5}, "数据校验失败：sort 必须是整数"},
		{"unique name", map[string]any{"name": "饮品"}, "'饮品'已存在"},
	} {
		err := compat.Save(app, category(c.fields))
		if got := compat.MessageOf(err); got != c.want {
			t.Errorf("%s: message %q, want %q (error %v)", c.name, got, c.want, err)
		}
	}
}

// A validator code without a Chinese text says the value is wrong rather than falling back to English, and a
// nested field is named by its path.
func TestUnlistedAndNestedValidationCodes(t *testing.T) {
	err := validation.Errors{
		"email": validation.NewError("validation_some_future_rule", "Something English."),
		"items": validation.Errors{"0": validation.ErrMaxLessEqualThanRequired.SetParams(map[string]any{"threshold": 9})},
	}
	if got, want := compat.MessageOf(err), "数据校验失败：email 取值不正确；items.0 不能大于9"; got != want {
		t.Errorf("message %q, want %q", got, want)
	}
}
