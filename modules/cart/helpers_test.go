package cart_test

import (
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
)

// shop is a served app with a small menu and two signed-in customers, A and B.
type shop struct {
	app          core.App
	base         string
	userA, userB compat.ID
	tokA, tokB   string

	rice, fish       compat.ID // on sale: ¥2.00 and ¥56.50
	combo            compat.ID // on-sale set meal, ¥88.00
	offDish, offMeal compat.ID // off sale
	hiddenDish       compat.ID // on sale, in a disabled category
}

func newShop(t testing.TB) *shop {
	t.Helper()
	app := apptest.New(t, cart.Register)
	s := &shop{app: app, base: apptest.Serve(t, app)}
	a, tokA := apptest.Customer(t, app, "openid-a")
	b, tokB := apptest.Customer(t, app, "openid-b")
	s.userA, s.userB, s.tokA, s.tokB = compat.ParseID(a.Id), compat.ParseID(b.Id), tokA, tokB

	dishes := category(t, app, "主食", 1, 1)
	meals := category(t, app, "套餐", 2, 1)
	closed := category(t, app, "停用", 1, 0)
	s.rice = item(t, app, "dishes", "米饭", dishes, 200, 1)
	s.fish = item(t, app, "dishes", "水煮鱼", dishes, 5650, 1)
	s.offDish = item(t, app, "dishes", "停售菜", dishes, 1000, 0)
	s.hiddenDish = item(t, app, "dishes", "隐藏菜", closed, 1000, 1)
	s.combo = item(t, app, "setmeals", "双人餐", meals, 8800, 1)
	s.offMeal = item(t, app, "setmeals", "停售套餐", meals, 5000, 0)
	return s
}

func category(t testing.TB, app core.App, name string, kind, status int) string {
	t.Helper()
	col, err := app.FindCollectionByNameOrId("categories")
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.Set("name", name)
	r.Set("type", kind)
	r.Set("status", status)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	return r.Id
}

func item(t testing.TB, app core.App, collection, name, categoryID string, cents, status int) compat.ID {
	t.Helper()
	col, err := app.FindCollectionByNameOrId(collection)
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.Set("name", name)
	r.Set("category", categoryID)
	r.Set("price", cents)
	r.Set("image", "/img/"+name+".png")
	r.Set("status", status)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
	return compat.ParseID(r.Id)
}

// setField changes one field of a menu record, as staff would.
func setField(t testing.TB, app core.App, collection string, id compat.ID, field string, v any) {
	t.Helper()
	r, err := app.FindRecordById(collection, id.String())
	if err != nil {
		t.Fatal(err)
	}
	r.Set(field, v)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
}

func (s *shop) call(t testing.TB, tok, method, path string, body any) apptest.Reply {
	t.Helper()
	return apptest.Call(t, method, s.base+path, body, "authentication", tok)
}

func (s *shop) list(t testing.TB, tok string) []cart.Item {
	t.Helper()
	var items []cart.Item
	decode(t, s.call(t, tok, "GET", "/user/shoppingCart/list", nil), &items)
	return items
}

func decode(t testing.TB, r apptest.Reply, v any) {
	t.Helper()
	wantOK(t, "request", r)
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("data %s: %v", r.Data, err)
	}
}

func wantOK(t testing.TB, what string, r apptest.Reply) {
	t.Helper()
	if r.Status != http.StatusOK || r.Code != 1 {
		t.Fatalf("%s: want success, got HTTP %d code %d %q", what, r.Status, r.Code, r.Message())
	}
}

// wantFail fails unless r is a code 0 envelope (never an HTTP error) whose message contains msg.
func wantFail(t testing.TB, what string, r apptest.Reply, msg string) {
	t.Helper()
	if r.Status != http.StatusOK || r.Code != 0 || !strings.Contains(r.Message(), msg) {
		t.Fatalf("%s: want code 0 %q, got HTTP %d code %d %q", what, msg, r.Status, r.Code, r.Message())
	}
}

// raw sends a request and returns the HTTP status and body as they are.
func raw(t testing.TB, method, url, body string, headers ...string) (int, string) {
	t.Helper()
	status, b := apptest.Raw(t, method, url, body, headers...)
	return status, string(b)
}

// flavor is the dish_flavor of an item, "" for none.
func flavor(it cart.Item) string { return it.DishFlavor.Value }
