// Package menu holds the menu: categories, dishes with their flavors, set meals, and the customer menu cache.
package menu

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// OnSale is the status of a dish, set meal or category that customers can see and order.
const OnSale = 1

// Sellable is a dish or set meal as a customer may put it in a cart or order it now.
type Sellable struct {
	DishID    compat.ID
	SetmealID compat.ID
	Name      string
	Image     string
	Price     int64 // cents
}

// SellableCollections hold everything FindSellable answers from: a write to any of them may change what an
// item costs or whether it can be ordered.
var SellableCollections = []string{categoriesCollection, dishesCollection, setmealsCollection}

// FindSellable returns the dish (dishID) or else the set meal (setmealID) if it exists, is on sale and its
// category is enabled; otherwise the business error `商品已停售或不存在`. Outside a transaction the answer comes
// from the menu cache; inside one, from the transaction's own view of the database.
func FindSellable(app core.App, dishID, setmealID compat.ID) (Sellable, error) {
	if dishID == 0 && setmealID == 0 {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	var all sellables
	if app.IsTransactional() {
		var err error
		if all, err = loadSellables(app, dishID, setmealID); err != nil {
			return Sellable{}, err
		}
	} else {
		e, err := cached(app, cacheKey{list: "sellables"}, func(app core.App) (cachedList, bool, error) {
			all, err := loadSellables(app, 0, 0)
			return cachedList{value: all}, true, err
		})
		if err != nil {
			return Sellable{}, err
		}
		all = e.value.(sellables)
	}
	s, ok := all.dishes[dishID]
	if dishID == 0 {
		s, ok = all.setmeals[setmealID]
	}
	if !ok {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	return s, nil
}

// sellables are the items on sale in enabled categories, by id.
type sellables struct {
	dishes, setmeals map[compat.ID]Sellable
}

// loadSellables reads every sellable item, or only the dish or set meal asked for when an id is given.
func loadSellables(app core.App, dishID, setmealID compat.ID) (sellables, error) {
	all := sellables{dishes: map[compat.ID]Sellable{}, setmeals: map[compat.ID]Sellable{}}
	for _, part := range []struct {
		table string
		only  compat.ID
		into  map[compat.ID]Sellable
		dish  bool
	}{
		{dishesCollection, dishID, all.dishes, true},
		{setmealsCollection, setmealID, all.setmeals, false},
	} {
		if (dishID != 0 || setmealID != 0) && part.only == 0 {
			continue
		}
		var rows []struct {
			ID    string  `db:"id"`
			Name  string  `db:"name"`
			Image string  `db:"image"`
			Price float64 `db:"price"`
		}
		q := app.DB().Select("m.id", "m.name", "m.image", "m.price").From(part.table+" m").
			InnerJoin(categoriesCollection+" c", dbx.NewExp("c.id = m.category")).
			Where(dbx.HashExp{"m.status": OnSale, "c.status": OnSale})
		if part.only != 0 {
			q = q.AndWhere(dbx.HashExp{"m.id": part.only.String()})
		}
		if err := q.All(&rows); err != nil {
			return sellables{}, err
		}
		for _, r := range rows {
			id := compat.ParseID(r.ID)
			s := Sellable{Name: r.Name, Image: r.Image, Price: cents(r.Price).Cents}
			if part.dish {
				s.DishID = id
			} else {
				s.SetmealID = id
			}
			part.into[id] = s
		}
	}
	return all, nil
}
