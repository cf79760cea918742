// Package menu holds the menu: categories, dishes with their flavors, set meals, and the customer menu cache.
package menu

import (
	"database/sql"
	"errors"

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
	collection, id := "dishes", dishID
	if dishID == 0 {
		collection, id = "setmeals", setmealID
	}
	if id == 0 {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	r, err := app.FindRecordById(collection, id.String())
	if errors.Is(err, sql.ErrNoRows) {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	if err != nil {
		return Sellable{}, err
	}
	if r.GetInt("status") != OnSale {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	category, err := app.FindRecordById("categories", r.GetString("category"))
	if err != nil || category.GetInt("status") != OnSale {
		return Sellable{}, compat.Fail(compat.MsgItemOffSale)
	}
	s := Sellable{Name: r.GetString("name"), Image: r.GetString("image"), Price: int64(r.GetInt("price"))}
	if dishID != 0 {
		s.DishID = dishID
	} else {
		s.SetmealID = setmealID
	}
	return s, nil
}
