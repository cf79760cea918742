package menu_test

import (
	"bytes"
	"image"
	"image/png"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/media"
	"myrestaurant/modules/menu"
)

// What the owner types into the dashboard at /_/ (a superuser on PocketBase's record API) is held to the
// console's checks: flavor options a JSON list of strings, prices in cents with yuan typed by mistake refused.
func TestDashboardMenuEditsAreChecked(t *testing.T) {
	s := newShop(t)
	_, owner := apptest.Superuser(t, s.app, "owner@example.com")
	hot := s.category("热菜", menu.DishCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1, "辣度", `["不辣","微辣"]`)
	send := func(method, path string, body any) (int, string) {
		return apptest.Native(t, method, s.base+"/api/collections/"+path, body, "Authorization", owner)
	}
	flavor := s.findByName("dish_flavors", "辣度")

	for _, bad := range []string{`不辣,微辣`, `[]`, `["不辣", ""]`, `{"a":"b"}`, `[1,2]`} {
		if st, msg := send("PATCH", "dish_flavors/records/"+flavor.Id, map[string]any{"value": bad}); st != 400 || msg != menu.MsgFlavorValueInvalid {
			t.Errorf("flavor value %s: HTTP %d %q", bad, st, msg)
		}
		if st, _ := send("POST", "dish_flavors/records", map[string]any{"dish": fish.String(), "name": "甜度", "value": bad}); st != 400 {
			t.Errorf("new flavor with value %s: HTTP %d", bad, st)
		}
	}
	if got := s.flavorsOf(fish); len(got) != 1 || got[0] != `辣度=["不辣","微辣"]` {
		t.Fatalf("flavors after refused edits: %v", got)
	}
	if st, msg := send("PATCH", "dish_flavors/records/"+flavor.Id, map[string]any{"value": `["不辣","特辣"]`}); st != 200 {
		t.Fatalf("a good flavor list: HTTP %d %q", st, msg)
	}

	// 78 typed for a ¥78 dish would sell it for ¥0.78: refused, naming the unit and what to type.
	st, msg := send("PATCH", "dishes/records/"+fish.String(), map[string]any{"price": 78})
	if st != 400 || !strings.Contains(msg, "单位是分") || !strings.Contains(msg, "¥0.78") || !strings.Contains(msg, "7800") {
		t.Fatalf("price 78: HTTP %d %q", st, msg)
	}
	if got := s.record("dishes", fish).GetInt("price"); got != 5600 {
		t.Fatalf("price after a refused edit: %d", got)
	}
	if st, msg := send("PATCH", "dishes/records/"+fish.String(), map[string]any{"price": 7800}); st != 200 {
		t.Fatalf("price 7800: HTTP %d %q", st, msg)
	}
	// A price under ¥1 is still possible, in yuan, in the console.
	r := s.admin("PUT", "/admin/dish", map[string]any{"id": fish, "name": "水煮鱼", "categoryId": hot, "price": "0.5", "status": 1})
	s.ok(r, nil)
	if got := s.record("dishes", fish).GetInt("price"); got != 50 {
		t.Fatalf("console price ¥0.5: %d cents", got)
	}
}

// A dish's picture shows in the dashboard as a thumbnail (the picture link) and in every client by its URL
// (image): the owner picks another uploaded picture there and the clients get its full URL.
func TestDashboardPicksADishPicture(t *testing.T) {
	s := newShop(t)
	_, owner := apptest.Superuser(t, s.app, "owner@example.com")
	hot := s.category("热菜", menu.DishCategory, 1)
	fish := s.dish("水煮鱼", hot, 5600, 1)
	picture := func(name string) *core.Record {
		var buf bytes.Buffer
		png.Encode(&buf, image.NewRGBA(image.Rect(0, 0, 2, 2)))
		r, err := media.StoreImage(s.app, 0, name+".png", buf.Bytes())
		if err != nil {
			t.Fatal(err)
		}
		return r
	}
	first, second := picture("first"), picture("second")
	imageOf := func() (string, string) {
		var vo menu.DishVO
		s.ok(s.admin("GET", "/admin/dish/"+fish.String(), nil), &vo)
		return vo.Image, s.record("dishes", fish).GetString("picture")
	}

	// The console sets the URL its upload returned: the picture is linked.
	firstURL := media.FileURL(s.base, first)
	s.ok(s.admin("PUT", "/admin/dish", map[string]any{"id": fish, "name": "水煮鱼", "categoryId": hot, "price": "56", "image": firstURL}), nil)
	if url, linked := imageOf(); url != firstURL || linked != first.Id {
		t.Fatalf("after the console's edit: image %q picture %q", url, linked)
	}

	// The owner picks the second picture in the dashboard (its form sends the whole record).
	form := map[string]any{"name": "水煮鱼", "price": 5600, "image": firstURL, "picture": second.Id}
	if st, raw := apptest.Raw(t, "PATCH", s.base+"/api/collections/dishes/records/"+fish.String(), form, "Authorization", owner); st != 200 {
		t.Fatalf("pick: HTTP %d %s", st, raw)
	}
	if url, linked := imageOf(); url != media.FileURL(s.base, second) || linked != second.Id {
		t.Fatalf("after picking: image %q picture %q", url, linked)
	}

	// A path typed as the image becomes a full URL, which the mini-program needs, and links its picture.
	path := strings.TrimPrefix(firstURL, s.base)
	if st, raw := apptest.Raw(t, "PATCH", s.base+"/api/collections/dishes/records/"+fish.String(), map[string]any{"image": path}, "Authorization", owner); st != 200 {
		t.Fatalf("path: HTTP %d %s", st, raw)
	}
	if url, linked := imageOf(); url != firstURL || linked != first.Id {
		t.Fatalf("after a path: image %q picture %q", url, linked)
	}
}
