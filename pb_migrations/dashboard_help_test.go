package migrations_test

import (
	"encoding/json"
	"reflect"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
)

// Every amount of money says its unit in the dashboard: the cents fields (the only number fields that go up to
// 99,999,999.99 yuan) say 分, and the one field in whole yuan says so. The orders list starts with what an owner
// looks for.
func TestDashboardShowsUnitsAndCodes(t *testing.T) {
	app := apptest.New(t)
	collections, err := app.FindAllCollections()
	if err != nil {
		t.Fatal(err)
	}
	money := 0
	for _, c := range collections {
		for _, f := range c.Fields {
			n, ok := f.(*core.NumberField)
			if !ok || n.Max == nil || *n.Max != 99_999_999_99 {
				continue
			}
			money++
			if !strings.Contains(n.Help, "单位：分") || !strings.Contains(n.Help, "¥78.00") {
				t.Errorf("%s.%s: help %q does not say the unit", c.Name, n.Name, n.Help)
			}
		}
	}
	if money < 10 {
		t.Fatalf("found %d money fields, want every cents field of the schema", money)
	}
	orders, _ := app.FindCollectionByNameOrId("orders")
	if help := orders.Fields.GetByName("pack_amount").(*core.NumberField).Help; !strings.Contains(help, "元") {
		t.Errorf("pack_amount help %q does not say whole yuan", help)
	}
	var first []string
	for _, f := range orders.Fields[:6] {
		first = append(first, f.GetName())
	}
	if got := strings.Join(first, ","); got != "id,number,status,amount,consignee,phone" {
		t.Errorf("orders columns start %s", got)
	}
	for _, code := range []struct{ collection, field, says string }{
		{"orders", "status", "2 待接单"}, {"orders", "pay_method", "3 货到付款"}, {"categories", "type", "2 套餐分类"},
		{"employees", "sex", "1 男"}, {"address_book", "sex", "0 先生"},
	} {
		c, _ := app.FindCollectionByNameOrId(code.collection)
		raw, _ := json.Marshal(c.Fields.GetByName(code.field))
		if !strings.Contains(string(raw), code.says) {
			t.Errorf("%s.%s help does not say %q: %s", code.collection, code.field, code.says, raw)
		}
	}
}

// A new shop's dashboard is the product's: its name, daily backups named after it, and a log that names who acted.
func TestDashboardDefaults(t *testing.T) {
	app := apptest.New(t)
	s := app.Settings()
	if s.Meta.AppName != "MyRestaurant" || s.Backups.Cron != "0 3 * * *" || s.Backups.CronMaxKeep != 7 || !s.Logs.LogAuthId {
		t.Fatalf("settings: app %q, backups %q keep %d, log auth id %v", s.Meta.AppName, s.Backups.Cron, s.Backups.CronMaxKeep, s.Logs.LogAuthId)
	}
}

// Every field of an order and of the shop says what it holds, the fields added after the help migration too.
func TestEveryOrderAndShopFieldHasHelp(t *testing.T) {
	app := apptest.New(t)
	for _, name := range []string{"orders", "shop"} {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range c.Fields {
			switch f.GetName() {
			case "id", "created", "updated":
				continue
			}
			help := reflect.ValueOf(f).Elem().FieldByName("Help")
			if !help.IsValid() || help.String() == "" {
				t.Errorf("%s.%s has no help text in the dashboard", name, f.GetName())
			}
		}
	}
}
