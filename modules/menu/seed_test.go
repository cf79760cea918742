package menu_test

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"image/png"
	"net/http"
	"strings"
	"testing"

	"myrestaurant/internal/apptest"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func TestSeedDemo(t *testing.T) {
	s := newShop(t)
	if err := menu.SeedDemo(s.app, s.base); err != nil {
		t.Fatal(err)
	}
	// A second start seeds nothing more.
	if err := menu.SeedDemo(s.app, s.base); err != nil {
		t.Fatal(err)
	}
	for collection, want := range map[string]int64{
		"categories": 10, "dishes": 24, "dish_flavors": 13, "setmeals": 2, "setmeal_dishes": 8, "images": 26,
	} {
		if n := s.count(collection); n != want {
			t.Errorf("%s = %d, want %d", collection, n, want)
		}
	}

	var categories []menu.Category
	s.ok(s.customer("GET", "/user/category/list"), &categories)
	names := []string{}
	for _, c := range categories {
		names = append(names, c.Name)
	}
	if strings.Join(names, ",") != "蜀味烤鱼,蜀味牛蛙,特色蒸菜,新鲜时蔬,水煮鱼,传统主食,酒水饮料,汤类,人气套餐,商务套餐" {
		t.Fatalf("categories by sort = %v", names)
	}

	fishCategory := compat.ParseID(s.findByName("categories", "水煮鱼").Id)
	var dishes []menu.DishVO
	s.ok(s.customer("GET", "/user/dish/list?categoryId="+fishCategory.String()), &dishes)
	if len(dishes) != 3 || dishes[0].Name != "蜀味水煮草鱼" || dishes[2].Name != "老坛酸菜鱼" || dishes[2].Price.Cents != 5600 ||
		dishes[2].Description != "原料：汤，草鱼，酸菜" {
		t.Fatalf("水煮鱼 dishes = %+v", dishes)
	}
	if f := dishes[2].Flavors; len(f) != 2 || f[0].Name != "忌口" || f[1].Value != `["不辣","微辣","中辣","重辣"]` {
		t.Fatalf("老坛酸菜鱼 flavors = %+v", f)
	}

	popular := compat.ParseID(s.findByName("categories", "人气套餐").Id)
	var setmeals []menu.Setmeal
	s.ok(s.customer("GET", "/user/setmeal/list?categoryId="+popular.String()), &setmeals)
	if len(setmeals) != 1 || setmeals[0].Price.Cents != 5800 {
		t.Fatalf("人气套餐 = %+v", setmeals)
	}
	var items []menu.DishItemVO
	s.ok(s.customer("GET", "/user/setmeal/dish/"+setmeals[0].ID.String()), &items)
	if len(items) != 3 || items[0].Name != "老坛酸菜鱼" || items[0].Description != "原料：汤，草鱼，酸菜" {
		t.Fatalf("set meal dishes = %+v", items)
	}

	// Everything seeded is on sale and orderable.
	if _, err := menu.FindSellable(s.app, 0, setmeals[0].ID); err != nil {
		t.Fatalf("seeded set meal not sellable: %v", err)
	}
	if _, err := menu.FindSellable(s.app, dishes[0].ID, 0); err != nil {
		t.Fatalf("seeded dish not sellable: %v", err)
	}
}

func TestSeedDemoLeavesAnExistingMenu(t *testing.T) {
	s := newShop(t)
	s.category("自己的分类", menu.DishCategory, 1)
	if err := menu.SeedDemo(s.app, "http://127.0.0.1:8090"); err != nil {
		t.Fatal(err)
	}
	if s.count("categories") != 1 || s.count("dishes") != 0 {
		t.Fatal("the demo seed touched an existing menu")
	}
}

// Every demo dish and set meal shows a picture: a PNG stored as an uploaded picture is, served by PocketBase at
// the URL the menu gives, in the admin lists as in the mini-program's. Together they stay small.
func TestSeedDemoPictures(t *testing.T) {
	s := newShop(t)
	if err := menu.SeedDemo(s.app, s.base); err != nil {
		t.Fatal(err)
	}
	var dishes, setmeals struct {
		Records []struct {
			Name  string `json:"name"`
			Image string `json:"image"`
		} `json:"records"`
	}
	s.ok(s.admin("GET", "/admin/dish/page?page=1&pageSize=100", nil), &dishes)
	s.ok(s.admin("GET", "/admin/setmeal/page?page=1&pageSize=100", nil), &setmeals)
	items := append(dishes.Records, setmeals.Records...)
	if len(items) != 26 {
		t.Fatalf("%d dishes and set meals", len(items))
	}
	seen, total := map[string]string{}, 0
	for _, it := range items {
		if !strings.HasPrefix(it.Image, s.base+"/api/files/") {
			t.Fatalf("%s: picture %q", it.Name, it.Image)
		}
		status, body := apptest.Raw(t, "GET", it.Image, nil)
		if status != http.StatusOK || http.DetectContentType(body) != "image/png" {
			t.Fatalf("%s: %s answers HTTP %d, %s", it.Name, it.Image, status, http.DetectContentType(body))
		}
		img, err := png.Decode(bytes.NewReader(body))
		if err != nil || img.Bounds().Dx() != 320 || img.Bounds().Dy() != 240 {
			t.Fatalf("%s: %v %v", it.Name, err, img.Bounds())
		}
		sum := fmt.Sprintf("%x", sha256.Sum256(body))
		if other, ok := seen[sum]; ok {
			t.Errorf("%s has the same picture as %s", it.Name, other)
		}
		seen[sum] = it.Name
		total += len(body)
	}
	if total > 400<<10 {
		t.Errorf("demo pictures take %d KB", total>>10)
	}
	// The file is an ordinary picture of the images collection, as an upload makes.
	first := items[0].Image
	recordID := strings.Split(strings.TrimPrefix(first, s.base+"/api/files/"), "/")[1]
	if r, err := s.app.FindRecordById("images", recordID); err != nil || r.GetString("file") == "" {
		t.Fatalf("%s is no images record: %v", first, err)
	}
}
