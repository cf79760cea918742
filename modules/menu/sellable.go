// Package menu holds the menu: categories, dishes with their flavors, set meals, and the customer menu cache.
package menu

import (
	"database/sql"
	"errors"

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

// FindSellable returns the dish (dishID) or else the set meal (setmealID) if it exists, is on sale and its
// category is enabled; otherwise the business error `商品已停售或不存在`.
func FindSellable(app core.App, dishID, setmealID compat.ID) (Sellable, error) {
	table, id := dishesCollection, dishID
	if dishID == 0 {
		table, id = setmealsCollection, setmealID
	}
	if id == 0 {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	// One query: the item on sale in an enabled category.
	var row struct {
		Name  string  `db:"name"`
		Image string  `db:"image"`
		Price float64 `db:"price"`
	}
	err := app.DB().Select("m.name", "m.image", "m.price").From(table+" m").
		InnerJoin(categoriesCollection+" c", dbx.NewExp("c.id = m.category")).
		Where(dbx.HashExp{"m.id": id.String(), "m.status": OnSale, "c.status": OnSale}).
		Limit(1).One(&row)
	if errors.Is(err, sql.ErrNoRows) {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	if err != nil {
		return Sellable{}, err
	}
	s := Sellable{Name: row.Name, Image: row.Image, Price: cents(row.Price).Cents}
	if dishID != 0 {
		s.DishID = dishID
	} else {
		s.SetmealID = setmealID
	}
	return s, nil
}
