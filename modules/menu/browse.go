package menu

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// The customer's menu: what the mini-program shows. Only enabled categories, and in them only on-sale
// dishes and set meals. The lists are served through the menu cache (cache.go).

// loadCustomerDishes reads the on-sale dishes of an enabled category, newest first, with their flavors.
func loadCustomerDishes(app core.App, categoryID compat.ID) ([]DishVO, error) {
	var rows []dishRow
	err := app.DB().Select(dishColumns...).From(dishesCollection+" d").
		InnerJoin(categoriesCollection+" c", dbx.NewExp("c.id = d.category")).
		Where(dbx.HashExp{"d.category": categoryID.String(), "d.status": OnSale, "c.status": OnSale}).
		OrderBy(dishOrder...).All(&rows)
	if err != nil {
		return nil, err
	}
	out := make([]DishVO, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.vo())
	}
	return out, attachFlavors(app, out)
}

// loadCustomerSetmeals reads the on-sale set meals of an enabled category, newest first.
func loadCustomerSetmeals(app core.App, categoryID compat.ID) ([]Setmeal, error) {
	var rows []setmealRow
	err := app.DB().Select(setmealColumns...).From(setmealsCollection+" s").
		InnerJoin(categoriesCollection+" c", dbx.NewExp("c.id = s.category")).
		Where(dbx.HashExp{"s.category": categoryID.String(), "s.status": OnSale, "c.status": OnSale}).
		OrderBy(setmealOrder...).All(&rows)
	out := make([]Setmeal, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.setmeal())
	}
	return out, err
}

// setmealDishItems lists the dishes of a set meal as the customer sees them: name and copies from the set
// meal, image and description from the dish.
func setmealDishItems(app core.App, setmealID compat.ID) ([]DishItemVO, error) {
	if _, err := findSetmeal(app, setmealID); err != nil {
		return nil, err
	}
	var rows []struct {
		Name        string `db:"name"`
		Copies      int    `db:"copies"`
		Image       string `db:"image"`
		Description string `db:"description"`
	}
	err := app.DB().Select("sd.name", "sd.copies", "COALESCE(d.image, '') AS image", "COALESCE(d.description, '') AS description").
		From(setmealDishesCollection+" sd").
		LeftJoin(dishesCollection+" d", dbx.NewExp("d.id = sd.dish")).
		Where(dbx.HashExp{"sd.setmeal": setmealID.String()}).OrderBy("sd.rowid").All(&rows)
	out := make([]DishItemVO, 0, len(rows))
	for _, r := range rows {
		out = append(out, DishItemVO{Name: r.Name, Copies: r.Copies, Image: r.Image, Description: r.Description})
	}
	return out, err
}
