package cart

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/menu"
)

// followMenu keeps every cart one that can be ordered when a dish or set meal changes, from any API: one that
// stopped being sold leaves every cart (a deleted one leaves by the relation's cascade); otherwise its new name,
// picture and price are copied into the cart rows that hold it. The mini-program computes the order amount from
// the cart and shows no message when submit refuses it, so a cart holding yesterday's price or a stopped item
// would be a dead end.
func followMenu(e *core.RecordEvent) error {
	field := "dish"
	if e.Record.Collection().Name == "setmeals" {
		field = "setmeal"
	}
	q := e.App.DB().NewQuery("DELETE FROM cart_items WHERE [[" + field + "]] = {:id}")
	if e.Record.GetInt("status") == menu.OnSale {
		q = e.App.DB().NewQuery("UPDATE cart_items SET amount = {:price}, name = {:name}, image = {:image} WHERE [[" + field + "]] = {:id}")
	}
	_, err := q.Bind(dbx.Params{
		"price": e.Record.GetInt("price"),
		"name":  e.Record.GetString("name"),
		"image": e.Record.GetString("image"),
		"id":    e.Record.Id,
	}).Execute()
	if err != nil {
		return err
	}
	return e.Next()
}

// dropDisabledCategory takes the dishes and set meals of a category that was disabled out of every cart: they
// are no longer sold either.
func dropDisabledCategory(e *core.RecordEvent) error {
	if e.Record.GetInt("status") != menu.OnSale {
		_, err := e.App.DB().NewQuery(
			"DELETE FROM cart_items WHERE dish IN (SELECT id FROM dishes WHERE category = {:id}) " +
				"OR setmeal IN (SELECT id FROM setmeals WHERE category = {:id})",
		).Bind(dbx.Params{"id": e.Record.Id}).Execute()
		if err != nil {
			return err
		}
	}
	return e.Next()
}
