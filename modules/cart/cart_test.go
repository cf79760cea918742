package cart_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func TestCartAddListSubClean(t *testing.T) {
	s := newShop(t)
	add := func(body any) {
		t.Helper()
		wantOK(t, "add", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", body))
	}
	sub := func(body any) {
		t.Helper()
		wantOK(t, "sub", s.call(t, s.tokA, "POST", "/user/shoppingCart/sub", body))
	}

	add(map[string]any{"dishId": s.rice})
	add(map[string]any{"dishId": s.rice.String()}) // ids may come as strings
	add(map[string]any{"dishId": s.fish, "dishFlavor": "微辣"})
	add(map[string]any{"dishId": s.fish, "dishFlavor": "不辣"})
	add(map[string]any{"dishId": s.fish, "dishFlavor": "微辣"})
	add(map[string]any{"setmealId": s.combo, "dishFlavor": "ignored for set meals"})

	// The JSON of the contract, field for field.
	var shape []map[string]any
	decode(t, s.call(t, s.tokA, "GET", "/user/shoppingCart/list", nil), &shape)
	if len(shape) != 4 {
		t.Fatalf("cart rows: %v", shape)
	}
	rice := shape[0]
	want := map[string]any{
		"id": rice["id"], "name": "米饭", "userId": float64(s.userA), "dishId": float64(s.rice), "setmealId": nil,
		"dishFlavor": nil, "number": float64(2), "amount": float64(2), "image": "/img/米饭.png", "createTime": rice["createTime"],
	}
	if len(rice) != len(want) || rice["id"] == nil || rice["createTime"] == nil {
		t.Fatalf("cart item keys: %v", rice)
	}
	for k, v := range want {
		if rice[k] != v {
			t.Errorf("%s = %v, want %v", k, rice[k], v)
		}
	}
	if !strings.Contains(string(s.call(t, s.tokA, "GET", "/user/shoppingCart/list", nil).Data), `"amount":56.50`) {
		t.Error("amount is not written with two decimals")
	}

	type row struct {
		name, flavor string
		dish, meal   compat.ID
		number       int
		cents        int64
	}
	got := func() []row {
		var out []row
		for _, it := range s.list(t, s.tokA) {
			out = append(out, row{it.Name, flavor(it), it.DishID, it.SetmealID, it.Number, it.Amount.Cents})
		}
		return out
	}
	wantRows := []row{
		{"米饭", "", s.rice, 0, 2, 200},
		{"水煮鱼", "微辣", s.fish, 0, 2, 5650},
		{"水煮鱼", "不辣", s.fish, 0, 1, 5650},
		{"双人餐", "", 0, s.combo, 1, 8800},
	}
	if fmt.Sprint(got()) != fmt.Sprint(wantRows) {
		t.Fatalf("cart:\n got %v\nwant %v", got(), wantRows)
	}

	// Without dishFlavor, add and sub match a row of any flavor: the first one (the original's rule).
	add(map[string]any{"dishId": s.fish})
	sub(map[string]any{"dishId": s.fish, "dishFlavor": "不辣"})
	sub(map[string]any{"dishId": s.rice})
	sub(map[string]any{"setmealId": s.combo})
	sub(map[string]any{"dishId": s.offDish})                      // not in the cart: nothing happens
	sub(map[string]any{"dishId": s.fish, "dishFlavor": "没有这个口味"}) // neither
	wantRows = []row{
		{"米饭", "", s.rice, 0, 1, 200},
		{"水煮鱼", "微辣", s.fish, 0, 3, 5650},
	}
	if fmt.Sprint(got()) != fmt.Sprint(wantRows) {
		t.Fatalf("after sub:\n got %v\nwant %v", got(), wantRows)
	}

	// A row follows the menu price, so the amount the mini-program computes is the one submit accepts.
	setField(t, s.app, "dishes", s.rice, "price", 300)
	add(map[string]any{"dishId": s.rice})
	if it := s.list(t, s.tokA)[0]; it.Number != 2 || it.Amount.Cents != 300 {
		t.Fatalf("rice after a price change: %+v", it)
	}

	wantOK(t, "clean", s.call(t, s.tokA, "DELETE", "/user/shoppingCart/clean", nil))
	if items := s.list(t, s.tokA); len(items) != 0 {
		t.Fatalf("cart after clean: %+v", items)
	}
	wantOK(t, "clean an empty cart", s.call(t, s.tokA, "DELETE", "/user/shoppingCart/clean", nil))
}

func TestCartRefusesWhatCannotBeSold(t *testing.T) {
	s := newShop(t)
	for name, body := range map[string]any{
		"a missing dish":                   map[string]any{"dishId": 123456789012345},
		"a dish id that is no record id":   map[string]any{"dishId": 7},
		"an off-sale dish":                 map[string]any{"dishId": s.offDish},
		"a dish of a disabled category":    map[string]any{"dishId": s.hiddenDish},
		"a missing set meal":               map[string]any{"setmealId": 123456789012345},
		"an off-sale set meal":             map[string]any{"setmealId": s.offMeal},
		"a dish id given as a set meal id": map[string]any{"setmealId": s.rice},
	} {
		wantFail(t, name, s.call(t, s.tokA, "POST", "/user/shoppingCart/add", body), menu.MsgItemOffSale)
	}
	if items := s.list(t, s.tokA); len(items) != 0 {
		t.Fatalf("refused items reached the cart: %+v", items)
	}

	// An item that goes off sale leaves the cart and cannot be added again.
	wantOK(t, "add", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.fish}))
	setField(t, s.app, "dishes", s.fish, "status", 0)
	if items := s.list(t, s.tokA); len(items) != 0 {
		t.Fatalf("stopped dish still in the cart: %+v", items)
	}
	wantFail(t, "add after stop-sale", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.fish}), menu.MsgItemOffSale)
}

func TestCartRefusesBadInput(t *testing.T) {
	s := newShop(t)
	huge := `{"dishId":1,"dishFlavor":"` + strings.Repeat("辣", 1<<20) + `"}`
	for _, path := range []string{"/user/shoppingCart/add", "/user/shoppingCart/sub"} {
		for _, c := range []struct {
			name string
			body any
			msg  string
		}{
			{"nothing chosen", `{}`, cart.MsgCartChooseItem},
			{"an empty body", ``, cart.MsgCartChooseItem},
			{"null ids", `{"dishId":null,"setmealId":null}`, cart.MsgCartChooseItem},
			{"both a dish and a set meal", map[string]any{"dishId": s.rice, "setmealId": s.combo}, cart.MsgCartChooseItem},
			{"malformed JSON", `{"dishId":`, compat.MsgBadRequest},
			{"an array", `[1]`, compat.MsgBadRequest},
			{"a word for the id", `{"dishId":"abc"}`, compat.MsgBadRequest},
			{"a negative id", `{"dishId":-1}`, compat.MsgBadRequest},
			{"a fractional id", `{"setmealId":1.5}`, compat.MsgBadRequest},
			{"a boolean id", `{"dishId":true}`, compat.MsgBadRequest},
			{"an object flavor", map[string]any{"dishId": s.rice, "dishFlavor": map[string]any{"a": 1}}, compat.MsgBadRequest},
			{"a flavor longer than 255", map[string]any{"dishId": s.rice, "dishFlavor": strings.Repeat("辣", 256)}, cart.MsgDishFlavorTooLong},
			{"a huge body", huge, "请求数据过大"},
		} {
			wantFail(t, path+": "+c.name, s.call(t, s.tokA, "POST", path, c.body), c.msg)
		}
	}
	if items := s.list(t, s.tokA); len(items) != 0 {
		t.Fatalf("bad input reached the cart: %+v", items)
	}
	// A 255-character flavor is fine.
	wantOK(t, "longest flavor", s.call(t, s.tokA, "POST", "/user/shoppingCart/add",
		map[string]any{"dishId": s.rice, "dishFlavor": strings.Repeat("辣", 255)}))
}

func TestCartLimits(t *testing.T) {
	s := newShop(t)
	for i := range cart.MaxRows {
		if err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.fish, Flavor: fmt.Sprint("口味", i)}, 1); err != nil {
			t.Fatal(err)
		}
	}
	wantFail(t, "one row too many", s.call(t, s.tokA, "POST", "/user/shoppingCart/add",
		map[string]any{"dishId": s.fish, "dishFlavor": "再来一种"}), fmt.Sprintf(cart.MsgCartTooManyItemsFormat, cart.MaxRows))
	// Adding to a row already there is still fine.
	wantOK(t, "add to an existing row", s.call(t, s.tokA, "POST", "/user/shoppingCart/add",
		map[string]any{"dishId": s.fish, "dishFlavor": "口味0"}))

	if err := cart.AddItem(s.app, s.userB, cart.Choice{DishID: s.rice}, cart.MaxNumber-1); err != nil {
		t.Fatal(err)
	}
	wantOK(t, "up to the limit", s.call(t, s.tokB, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.rice}))
	wantFail(t, "past the limit", s.call(t, s.tokB, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.rice}),
		fmt.Sprintf(cart.MsgCartItemLimitFormat, cart.MaxNumber))
	if items := s.list(t, s.tokB); len(items) != 1 || items[0].Number != cart.MaxNumber {
		t.Fatalf("B's cart: %+v", items)
	}
}

// A cart may not cost more than one order may: the fish that would take it past MaxTotal is refused, and the cart
// stays as it was.
func TestCartTotalLimit(t *testing.T) {
	s := newShop(t)
	const fishPrice = 5650
	full := int(cart.MaxTotal / fishPrice) // as many fish as the limit pays for
	for i := 0; i < full; i += cart.MaxNumber {
		n := min(cart.MaxNumber, full-i)
		if err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.fish, Flavor: fmt.Sprint("口味", i)}, n); err != nil {
			t.Fatalf("%d fish of %d: %v", i+n, full, err)
		}
	}
	wantFail(t, "one fish past the total", s.call(t, s.tokA, "POST", "/user/shoppingCart/add",
		map[string]any{"dishId": s.fish, "dishFlavor": "口味0"}), fmt.Sprintf(cart.MsgOrderTotalLimitFormat, cart.MaxTotal/100))
	if err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.fish}, 1); err == nil ||
		err.Error() != fmt.Sprintf(cart.MsgOrderTotalLimitFormat, cart.MaxTotal/100) {
		t.Fatalf("a re-order past the total: %v", err)
	}
	var food int64
	for _, it := range s.list(t, s.tokA) {
		food += int64(it.Number) * it.Amount.Cents
	}
	if food != int64(full)*fishPrice {
		t.Fatalf("the cart holds ¥%d of food, want ¥%d", food/100, int64(full)*fishPrice/100)
	}
	// Rice is cheap enough to fit in what is left.
	wantOK(t, "rice within the total", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.rice}))
}

func TestCustomersHaveTheirOwnCarts(t *testing.T) {
	s := newShop(t)
	wantOK(t, "A adds", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.rice}))
	wantOK(t, "A adds", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.rice}))

	if items := s.list(t, s.tokB); len(items) != 0 {
		t.Fatalf("B sees %+v", items)
	}
	// B's sub and clean reach only B's cart; B's add makes B's own row.
	wantOK(t, "B subs", s.call(t, s.tokB, "POST", "/user/shoppingCart/sub", map[string]any{"dishId": s.rice}))
	wantOK(t, "B cleans", s.call(t, s.tokB, "DELETE", "/user/shoppingCart/clean", nil))
	wantOK(t, "B adds", s.call(t, s.tokB, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.rice}))

	a, b := s.list(t, s.tokA), s.list(t, s.tokB)
	if len(a) != 1 || a[0].Number != 2 || a[0].UserID != s.userA {
		t.Fatalf("A's cart: %+v", a)
	}
	if len(b) != 1 || b[0].Number != 1 || b[0].UserID != s.userB || b[0].ID == a[0].ID {
		t.Fatalf("B's cart: %+v", b)
	}
}

func TestCartNeedsACustomerToken(t *testing.T) {
	s := newShop(t)
	_, admin := apptest.Employee(t, s.app, "alice", 1)
	for _, r := range []struct{ method, path, body string }{
		{"POST", "/user/shoppingCart/add", `{"dishId":1}`},
		{"GET", "/user/shoppingCart/list", ""},
		{"POST", "/user/shoppingCart/sub", `{"dishId":1}`},
		{"DELETE", "/user/shoppingCart/clean", ""},
	} {
		for _, h := range [][]string{
			nil,
			{"authentication", "not-a-token"},
			{"authentication", admin},
			{"token", admin},
			{"Authorization", "Bearer " + admin},
		} {
			status, body := raw(t, r.method, s.base+r.path, r.body, h...)
			if status != http.StatusUnauthorized || body != "" {
				t.Errorf("%s %s with %v: HTTP %d %q, want 401 and an empty body", r.method, r.path, h, status, body)
			}
		}
	}
	// The SDK's Authorization header works for a customer.
	status, _ := raw(t, "GET", s.base+"/user/shoppingCart/list", "", "Authorization", s.tokA)
	if status != http.StatusOK {
		t.Fatalf("customer token in Authorization: HTTP %d", status)
	}
}

// The order module reads carts to price a submit, empties them with Checkout, and re-adds past orders with AddItem.
func TestExportsForOrders(t *testing.T) {
	s := newShop(t)
	wantOK(t, "add", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", map[string]any{"dishId": s.fish, "dishFlavor": "微辣"}))

	// AddItem matches the flavor exactly and prices at today's menu.
	setField(t, s.app, "dishes", s.fish, "price", 6000)
	if err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.fish}, 2); err != nil {
		t.Fatal(err)
	}
	if err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.fish, Flavor: "微辣"}, 3); err != nil {
		t.Fatal(err)
	}
	if err := cart.AddItem(s.app, s.userA, cart.Choice{SetmealID: s.combo}, 1); err != nil {
		t.Fatal(err)
	}
	err := cart.AddItem(s.app, s.userA, cart.Choice{DishID: s.offDish}, 1)
	var be *compat.Error
	if !errors.As(err, &be) || be.Msg != menu.MsgItemOffSale {
		t.Fatalf("re-adding an off-sale dish: %v", err)
	}

	items, err := cart.Items(s.app, s.userA)
	if err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(len(items))
	for _, it := range items {
		got += fmt.Sprintf(" %s/%s/%d/%d", it.Name, flavor(it), it.Number, it.Amount.Cents)
	}
	if want := "3 水煮鱼/微辣/4/6000 水煮鱼//2/6000 双人餐//1/8800"; got != want {
		t.Fatalf("items = %s, want %s", got, want)
	}

	// Clear is part of the caller's transaction: rolled back with it, committed with it.
	rollback := errors.New("rollback")
	err = s.app.RunInTransaction(func(tx core.App) error {
		if err := cart.Clear(tx, s.userA); err != nil {
			return err
		}
		if items, _ := cart.Items(tx, s.userA); len(items) != 0 {
			t.Errorf("inside the transaction the cart still has %d rows", len(items))
		}
		return rollback
	})
	if !errors.Is(err, rollback) {
		t.Fatal(err)
	}
	if items, _ := cart.Items(s.app, s.userA); len(items) != 3 {
		t.Fatalf("a rolled-back Clear removed rows: %d left", len(items))
	}
	if err := s.app.RunInTransaction(func(tx core.App) error { return cart.Clear(tx, s.userA) }); err != nil {
		t.Fatal(err)
	}
	if items, _ := cart.Items(s.app, s.userA); len(items) != 0 {
		t.Fatalf("%d rows after Clear", len(items))
	}
}

// A price change reaches carts at once, so the amount the mini-program shows is the one submit accepts.
func TestCartFollowsMenuPrice(t *testing.T) {
	app := apptest.New(t, cart.Register)
	base := apptest.Serve(t, app)
	_, tok := apptest.Customer(t, app, "o-price")
	cats, _ := app.FindCollectionByNameOrId("categories")
	c := core.NewRecord(cats)
	c.Set("name", "热菜")
	c.Set("type", 1)
	c.Set("status", 1)
	if err := app.Save(c); err != nil {
		t.Fatal(err)
	}
	dishes, _ := app.FindCollectionByNameOrId("dishes")
	d := core.NewRecord(dishes)
	d.Set("name", "宫保鸡丁")
	d.Set("category", c.Id)
	d.Set("price", 3200)
	d.Set("status", 1)
	if err := app.Save(d); err != nil {
		t.Fatal(err)
	}
	if r := apptest.Call(t, "POST", base+"/user/shoppingCart/add", map[string]any{"dishId": d.Id}, "authentication", tok); r.Code != 1 {
		t.Fatalf("add: %s", r.Message())
	}
	d.Set("price", 3500)
	d.Set("name", "宫保鸡丁（大份）")
	if err := app.Save(d); err != nil {
		t.Fatal(err)
	}
	r := apptest.Call(t, "GET", base+"/user/shoppingCart/list", nil, "authentication", tok)
	var items []map[string]any
	json.Unmarshal(r.Data, &items)
	if len(items) != 1 || items[0]["amount"] != 35.0 || items[0]["name"] != "宫保鸡丁（大份）" {
		t.Fatalf("cart after a price change: %s", r.Data)
	}
}

// A dish or set meal that stops being sold, or is deleted, leaves every cart at once, however that happens: the
// mini-program shows no message when submit refuses a cart, so the cart it lists must be one that can be ordered.
func TestStoppedAndDeletedItemsLeaveEveryCart(t *testing.T) {
	app := apptest.New(t, menu.Register, cart.Register)
	s := &shop{app: app, base: apptest.Serve(t, app)}
	a, tokA := apptest.Customer(t, app, "openid-a")
	_, tokB := apptest.Customer(t, app, "openid-b")
	s.userA, s.tokA, s.tokB = compat.ParseID(a.Id), tokA, tokB
	_, staffTok := apptest.Employee(t, app, "alice", 1)
	dishes := category(t, app, "主食", 1, 1)
	s.rice = item(t, app, "dishes", "米饭", dishes, 200, 1)
	s.fish = item(t, app, "dishes", "水煮鱼", dishes, 5650, 1)
	soup := item(t, app, "dishes", "例汤", dishes, 800, 1)
	s.combo = item(t, app, "setmeals", "双人餐", category(t, app, "套餐", 2, 1), 8800, 1)
	joinSetmeal(t, app, s.combo, s.rice)

	// The mini-program's own bodies.
	for _, tok := range []string{s.tokA, s.tokB} {
		wantOK(t, "add rice", s.call(t, tok, "POST", "/user/shoppingCart/add", map[string]any{"dishFlavor": nil, "dishId": s.rice}))
		wantOK(t, "add fish", s.call(t, tok, "POST", "/user/shoppingCart/add", map[string]any{"dishFlavor": "微辣", "dishId": s.fish}))
		wantOK(t, "add soup", s.call(t, tok, "POST", "/user/shoppingCart/add", map[string]any{"dishFlavor": nil, "dishId": soup}))
		wantOK(t, "add combo", s.call(t, tok, "POST", "/user/shoppingCart/add", map[string]any{"setmealId": s.combo}))
	}
	names := func(tok string) string {
		var out []string
		for _, it := range s.list(t, tok) {
			out = append(out, it.Name)
		}
		slices.Sort(out)
		return strings.Join(out, ",")
	}

	// Staff stop the rice in the original admin app; the set meal holding it stops with it.
	r := apptest.Call(t, "POST", s.base+"/admin/dish/status/0?id="+s.rice.String(), nil, "token", staffTok)
	if r.Code != 1 {
		t.Fatalf("stop rice: %s", r.Message())
	}
	for _, tok := range []string{s.tokA, s.tokB} {
		if got := names(tok); got != "例汤,水煮鱼" {
			t.Fatalf("cart after stopping rice: %s", got)
		}
	}
	// The fish is deleted in the dashboard, and the soup stopped there: they leave every cart too.
	fish, _ := app.FindRecordById("dishes", s.fish.String())
	if err := app.Delete(fish); err != nil {
		t.Fatal(err)
	}
	setField(t, app, "dishes", soup, "status", 0)
	for _, tok := range []string{s.tokA, s.tokB} {
		if got := names(tok); got != "" {
			t.Fatalf("cart after deleting fish and stopping soup: %s", got)
		}
	}
	// Started again, the rice can go back into a cart.
	setField(t, app, "dishes", s.rice, "status", 1)
	wantOK(t, "add rice again", s.call(t, s.tokA, "POST", "/user/shoppingCart/add", map[string]any{"dishFlavor": nil, "dishId": s.rice}))
	if got := names(s.tokA); got != "米饭" {
		t.Fatalf("cart after starting rice again: %s", got)
	}
	// Its category is disabled: nothing in it is sold, so it leaves the cart.
	r = apptest.Call(t, "POST", s.base+"/admin/category/status/0?id="+dishes, nil, "token", staffTok)
	if r.Code != 1 {
		t.Fatalf("disable category: %s", r.Message())
	}
	if got := names(s.tokA); got != "" {
		t.Fatalf("cart after disabling the category: %s", got)
	}
}

func joinSetmeal(t testing.TB, app core.App, setmeal, dish compat.ID) {
	t.Helper()
	col, err := app.FindCollectionByNameOrId("setmeal_dishes")
	if err != nil {
		t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.Set("setmeal", setmeal.String())
	r.Set("dish", dish.String())
	r.Set("copies", 1)
	if err := app.Save(r); err != nil {
		t.Fatal(err)
	}
}
