package cart

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
)

// repriceCarts copies a dish's or set meal's new name, picture and price into the cart rows that hold it.
// The mini-program computes the order amount from the cart and submit checks it against today's menu, so a
// cart left at yesterday's price could never be ordered.
func repriceCarts(e *core.RecordEvent) error {
	field := "dish"
	if e.Record.Collection().Name == "setmeals" {
		field = "setmeal"
	}
	_, err := e.App.DB().NewQuery(
		"UPDATE cart_items SET amount = {:price}, name = {:name}, image = {:image} WHERE [[" + field + "]] = {:id}",
	).Bind(dbx.Params{
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
