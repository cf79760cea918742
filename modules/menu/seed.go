package menu

import (
	"fmt"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/media"
)

// The demo menu is the original's seed data (sky.sql): its categories, dishes and flavors, plus two set meals
// built from those dishes. Instead of the original's remote image URLs, every dish and set meal gets a picture
// drawn by this program (demo_pictures.go), stored as an uploaded picture is.

type demoCategory struct {
	key        int // the original's id, to link dishes
	kind, sort int
	name       string
}

type demoDish struct {
	key, category int
	name          string
	price         int64 // cents
	description   string
	flavors       []flavor
}

type demoSetmeal struct {
	category    int
	name        string
	price       int64
	description string
	dishes      []demoSetmealDish
}

type demoSetmealDish struct {
	dish, copies int
}

const (
	demoAvoid = `["不要葱","不要蒜","不要香菜","不要辣"]`
	demoSpicy = `["不辣","微辣","中辣","重辣"]`
)

var demoCategories = []demoCategory{
	{11, DishCategory, 10, "酒水饮料"},
	{12, DishCategory, 9, "传统主食"},
	{13, SetmealCategory, 12, "人气套餐"},
	{15, SetmealCategory, 13, "商务套餐"},
	{16, DishCategory, 4, "蜀味烤鱼"},
	{17, DishCategory, 5, "蜀味牛蛙"},
	{18, DishCategory, 6, "特色蒸菜"},
	{19, DishCategory, 7, "新鲜时蔬"},
	{20, DishCategory, 8, "水煮鱼"},
	{21, DishCategory, 11, "汤类"},
}

var demoDishes = []demoDish{
	{46, 11, "王老吉", 600, "", nil},
	{47, 11, "北冰洋", 400, "还是小时候的味道", nil},
	{48, 11, "雪花啤酒", 400, "", nil},
	{49, 12, "米饭", 200, "精选五常大米", nil},
	{50, 12, "馒头", 100, "优质面粉", nil},
	{51, 20, "老坛酸菜鱼", 5600, "原料：汤，草鱼，酸菜", []flavor{{"忌口", demoAvoid}, {"辣度", demoSpicy}}},
	{52, 20, "经典酸菜鮰鱼", 6600, "原料：酸菜，江团，鮰鱼", []flavor{{"忌口", demoAvoid}, {"辣度", demoSpicy}}},
	{53, 20, "蜀味水煮草鱼", 3800, "原料：草鱼，汤", []flavor{{"忌口", demoAvoid}, {"辣度", demoSpicy}}},
	{54, 19, "清炒小油菜", 1800, "原料：小油菜", []flavor{{"忌口", `["不要葱","不要蒜","不要香菜"]`}}},
	{55, 19, "蒜蓉娃娃菜", 1800, "原料：蒜，娃娃菜", nil},
	{56, 19, "清炒西兰花", 1800, "原料：西兰花", []flavor{{"忌口", demoAvoid}}},
	{57, 19, "炝炒圆白菜", 1800, "原料：圆白菜", []flavor{{"忌口", demoAvoid}}},
	{58, 18, "清蒸鲈鱼", 9800, "原料：鲈鱼", nil},
	{59, 18, "东坡肘子", 13800, "原料：猪肘棒", nil},
	{60, 18, "梅菜扣肉", 5800, "原料：猪肉，梅菜", []flavor{{"忌口", demoAvoid}}},
	{61, 18, "剁椒鱼头", 6600, "原料：鲢鱼，剁椒", nil},
	{62, 17, "金汤酸菜牛蛙", 8800, "原料：鲜活牛蛙，酸菜", nil},
	{63, 17, "香锅牛蛙", 8800, "配料：鲜活牛蛙，莲藕，青笋", nil},
	{64, 17, "馋嘴牛蛙", 8800, "配料：鲜活牛蛙，丝瓜，黄豆芽", nil},
	{65, 16, "草鱼2斤", 6800, "原料：草鱼，黄豆芽，莲藕", []flavor{{"辣度", demoSpicy}}},
	{66, 16, "江团鱼2斤", 11900, "配料：江团鱼，黄豆芽，莲藕", []flavor{{"辣度", demoSpicy}}},
	{67, 16, "鮰鱼2斤", 7200, "原料：鮰鱼，黄豆芽，莲藕", []flavor{{"辣度", demoSpicy}}},
	{68, 21, "鸡蛋汤", 400, "配料：鸡蛋，紫菜", nil},
	{69, 21, "平菇豆腐汤", 600, "配料：豆腐，平菇", nil},
}

var demoSetmeals = []demoSetmeal{
	{13, "酸菜鱼单人餐", 5800, "老坛酸菜鱼 + 米饭 + 王老吉", []demoSetmealDish{{51, 1}, {49, 1}, {46, 1}}},
	{15, "商务双人餐", 16800, "清蒸鲈鱼 + 梅菜扣肉 + 清炒西兰花 + 平菇豆腐汤 + 米饭两份",
		[]demoSetmealDish{{58, 1}, {60, 1}, {56, 1}, {69, 1}, {49, 2}}},
}

// SeedDemo creates the demo menu when there are no categories yet, all in one transaction: the original's
// 10 categories, 24 dishes with their flavors, and two set meals, everything enabled and on sale, each with its
// picture stored as a PocketBase file and linked at pictureBase (see media.PublicBase). With any category
// present it does nothing, so it is safe on every start.
func SeedDemo(app core.App, pictureBase string) error {
	return app.RunInTransaction(func(tx core.App) error {
		n, err := tx.CountRecords(categoriesCollection)
		if err != nil || n > 0 {
			return err
		}
		// Records are dated a little in the past, one apart, in the original's order, so that the
		// newest-first lists show them as the original does.
		at := types.NowDateTime().Add(-2 * time.Hour)
		stamp := func(r *core.Record) {
			at = at.Add(time.Minute)
			r.SetRaw("created", at)
			r.SetRaw("updated", at)
		}
		categories, err := tx.FindCachedCollectionByNameOrId(categoriesCollection)
		if err != nil {
			return err
		}
		categoryIDs := map[int]string{}
		for _, c := range demoCategories {
			r := core.NewRecord(categories)
			r.Set("type", c.kind)
			r.Set("name", c.name)
			r.Set("sort", c.sort)
			r.Set("status", OnSale)
			stamp(r)
			if err := tx.Save(r); err != nil {
				return err
			}
			categoryIDs[c.key] = r.Id
		}
		dishes, err := tx.FindCachedCollectionByNameOrId(dishesCollection)
		if err != nil {
			return err
		}
		dishRecords := map[int]*core.Record{}
		for _, d := range demoDishes {
			r := core.NewRecord(dishes)
			r.Set("name", d.name)
			r.Set("category", categoryIDs[d.category])
			r.Set("price", d.price)
			r.Set("description", d.description)
			r.Set("status", OnSale)
			if err := setDemoPicture(tx, r, pictureBase, fmt.Sprintf("demo_dish_%d.png", d.key), d.name); err != nil {
				return err
			}
			stamp(r)
			if err := tx.Save(r); err != nil {
				return err
			}
			if err := insertFlavors(tx, r.Id, d.flavors); err != nil {
				return err
			}
			dishRecords[d.key] = r
		}
		setmeals, err := tx.FindCachedCollectionByNameOrId(setmealsCollection)
		if err != nil {
			return err
		}
		for i, s := range demoSetmeals {
			r := core.NewRecord(setmeals)
			r.Set("name", s.name)
			r.Set("category", categoryIDs[s.category])
			r.Set("price", s.price)
			r.Set("description", s.description)
			r.Set("status", OnSale)
			if err := setDemoPicture(tx, r, pictureBase, fmt.Sprintf("demo_setmeal_%d.png", i+1), s.name); err != nil {
				return err
			}
			stamp(r)
			if err := tx.Save(r); err != nil {
				return err
			}
			items := make([]setmealItem, 0, len(s.dishes))
			for _, d := range s.dishes {
				items = append(items, setmealItem{dish: dishRecords[d.dish], copies: d.copies})
			}
			if err := insertSetmealDishes(tx, r.Id, items); err != nil {
				return err
			}
		}
		return nil
	})
}

// setDemoPicture stores the drawn picture of the named dish or set meal and links r to it.
func setDemoPicture(tx core.App, r *core.Record, pictureBase, file, name string) error {
	img, err := media.StoreImage(tx, 0, file, demoPicture(name))
	if err != nil {
		return err
	}
	r.Set("image", media.FileURL(pictureBase, img))
	return nil
}
