// Package menu holds the menu: categories, dishes with their flavors, set meals, and the customer menu cache.
package menu

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

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
	table, id := dishesCollection, dishID
	if dishID == 0 {
		table, id = setmealsCollection, setmealID
	}
	if id == 0 {
		return Sellable{}, compat.Fail(MsgItemOffSale)
	}
	var onSale map[compat.ID]Sellable
	if app.IsTransactional() {
		var err error
		if onSale, err = loadSellables(app, table, id); err != nil {
			return Sellable{}, err
		}
	} else {
		e, err := cached(app, cacheKey{list: "sellables:" + table}, func(app core.App) (cachedList, bool, error) {
			all, err := loadSellables(app, table, 0)
			return cachedList{value: all}, true, err
		})
		if err != nil {
			return Sellable{}, err
		}
		onSale = e.value.(map[compat.ID]Sellable)
	}
	s, ok := onSale[id]
	if !ok {
		return Sellable{}, compat.Fail(MsgItemOffSale)
	}
	return s, nil
}

// loadSellables reads the dishes or set meals (table) on sale in enabled categories, by id: all of them, or only
// the one with id.
func loadSellables(app core.App, table string, id compat.ID) (map[compat.ID]Sellable, error) {
	var rows []struct {
		ID    string  `db:"id"`
		Name  string  `db:"name"`
		Image string  `db:"image"`
		Price float64 `db:"price"`
	}
	q := app.DB().Select("m.id", "m.name", "m.image", "m.price").From(table+" m").
		InnerJoin(categoriesCollection+" c", dbx.NewExp("c.id = m.category")).
		Where(dbx.HashExp{"m.status": OnSale, "c.status": OnSale})
	if id != 0 {
		q = q.AndWhere(dbx.HashExp{"m.id": id.String()})
	}
	if err := q.All(&rows); err != nil {
		return nil, err
	}
	onSale := make(map[compat.ID]Sellable, len(rows))
	for _, r := range rows {
		s := Sellable{Name: r.Name, Image: r.Image, Price: cents(r.Price).Cents}
		if table == dishesCollection {
			s.DishID = compat.ParseID(r.ID)
		} else {
			s.SetmealID = compat.ParseID(r.ID)
		}
		onSale[compat.ParseID(r.ID)] = s
	}
	return onSale, nil
}
