// Package cart holds the customers' shopping carts. Each row is a dish (with the chosen flavor) or a set meal,
// a count, and the unit price it had when it was first added.
package cart

import (
	"fmt"
	"unicode/utf8"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/sqlite"
)

// ItemsCollection holds the cart rows of every customer.
const ItemsCollection = "cart_items"

// The size of a cart, and so of an order (the order module checks them again on submit): what a takeout
// order of a real restaurant needs, with room for an office's lunch, and far inside what the columns hold.
const (
	// MaxNumber is the most of one item a row may hold.
	MaxNumber = 99
	// MaxRows bounds the distinct rows of one cart; flavors are free text, so rows could grow without end.
	MaxRows = 50
	// MaxTotal is the most the food of one cart, and one order with its fees, may cost, in cents (¥50,000).
	MaxTotal = 5_000_000
)

const (
	// MaxFlavorLength is the flavor column's limit, the same as the order detail's that copies it.
	MaxFlavorLength = 255
)

// Item is the ShoppingCart JSON of the contract. Amount is the unit price.
type Item struct {
	ID         compat.ID    `json:"id"`
	Name       string       `json:"name"`
	UserID     compat.ID    `json:"userId"`
	DishID     compat.ID    `json:"dishId"`
	SetmealID  compat.ID    `json:"setmealId"`
	DishFlavor compat.Text  `json:"dishFlavor"` // null when the item has no flavor
	Number     int          `json:"number"`
	Amount     compat.Money `json:"amount"`
	Image      string       `json:"image"`
	CreateTime compat.Time  `json:"createTime"`
}

// Choice names what goes into a cart: a dish with its flavor ("" for none), or a set meal.
type Choice struct {
	DishID    compat.ID
	SetmealID compat.ID
	Flavor    string
}

// selector finds the rows a request means. A nil flavor matches a row of any flavor: the original's add and
// sub without dishFlavor do that.
type selector struct {
	dishID, setmealID compat.ID
	flavor            *string
}

func (s selector) check() error {
	if (s.dishID == 0) == (s.setmealID == 0) {
		return compat.Fail(MsgCartChooseItem)
	}
	if s.flavor != nil && utf8.RuneCountInString(*s.flavor) > MaxFlavorLength {
		return compat.Fail(MsgDishFlavorTooLong)
	}
	return nil
}

// firstMatch returns the customer's oldest row matching s, or nil.
func firstMatch(app core.App, userID compat.ID, s selector) (*core.Record, error) {
	q := app.RecordQuery(ItemsCollection).AndWhere(dbx.HashExp{"user": userID.String()})
	if s.dishID != 0 {
		q.AndWhere(dbx.HashExp{"dish": s.dishID.String()})
	} else {
		q.AndWhere(dbx.HashExp{"setmeal": s.setmealID.String()})
	}
	if s.flavor != nil {
		q.AndWhere(dbx.HashExp{"dish_flavor": *s.flavor})
	}
	var rows []*core.Record
	if err := q.OrderBy("created ASC", "rowid ASC").Limit(1).All(&rows); err != nil {
		return nil, err
	}
	if len(rows) == 0 {
		return nil, nil
	}
	return rows[0], nil
}

// add puts number of the selected item into the cart: onto the first matching row, or as a new row with the
// item's current name, image and price. Items that do not exist or are off sale are refused.
func add(app core.App, userID compat.ID, s selector, number int) error {
	if err := s.check(); err != nil {
		return err
	}
	if number < 1 {
		return fmt.Errorf("cart: cannot add %d of an item", number)
	}
	if number > MaxNumber {
		return compat.Failf(MsgCartItemLimitFormat, MaxNumber)
	}
	if s.setmealID != 0 {
		s.flavor = nil // set meals have no flavors
	}
	return app.RunInTransaction(func(tx core.App) error {
		item, err := menu.FindSellable(tx, s.dishID, s.setmealID)
		if err != nil {
			return err
		}
		row, err := firstMatch(tx, userID, s)
		if err != nil {
			return err
		}
		rows, food, err := contents(tx, userID)
		if err != nil {
			return err
		}
		if food+item.Price*int64(number) > MaxTotal {
			return compat.Failf(MsgOrderTotalLimitFormat, MaxTotal/100)
		}
		if row != nil {
			if row.GetInt("number")+number > MaxNumber {
				return compat.Failf(MsgCartItemLimitFormat, MaxNumber)
			}
			row.Set("number", row.GetInt("number")+number)
			return tx.Save(row)
		}
		if rows >= MaxRows {
			return compat.Failf(MsgCartTooManyItemsFormat, MaxRows)
		}
		col, err := tx.FindCachedCollectionByNameOrId(ItemsCollection)
		if err != nil {
			return err
		}
		row = core.NewRecord(col)
		row.Set("user", userID.String())
		row.Set("dish", item.DishID.String())
		row.Set("setmeal", item.SetmealID.String())
		if s.flavor != nil {
			row.Set("dish_flavor", *s.flavor)
		}
		row.Set("name", item.Name)
		row.Set("image", item.Image)
		row.Set("amount", item.Price)
		row.Set("number", number)
		return tx.Save(row)
	})
}

// contents counts the customer's cart rows and what their food costs, in cents.
func contents(app core.App, userID compat.ID) (rows int, food int64, err error) {
	err = app.DB().NewQuery("SELECT COUNT(*), COALESCE(SUM([[number]] * [[amount]]), 0) FROM {{"+ItemsCollection+
		"}} WHERE [[user]] = {:user}").Bind(dbx.Params{"user": userID.String()}).Row(&rows, &food)
	return rows, food, err
}

// AddItem puts number of c into the customer's cart at today's name, image and price, merging with a row of
// the same item and flavor. Re-ordering a past order uses it; items now off sale are refused with
// `商品已停售或不存在`, and so is anything past MaxNumber, MaxRows or MaxTotal. It works with a transaction app.
func AddItem(app core.App, userID compat.ID, c Choice, number int) error {
	flavor := c.Flavor
	return add(app, userID, selector{dishID: c.DishID, setmealID: c.SetmealID, flavor: &flavor}, number)
}

// sub takes one of the selected item out of the cart, deleting the row at 1. Nothing matching is no error.
// Off-sale items can always be taken out.
func sub(app core.App, userID compat.ID, s selector) error {
	if err := s.check(); err != nil {
		return err
	}
	if s.setmealID != 0 {
		s.flavor = nil
	}
	return app.RunInTransaction(func(tx core.App) error {
		row, err := firstMatch(tx, userID, s)
		if err != nil || row == nil {
			return err
		}
		if row.GetInt("number") <= 1 {
			return tx.Delete(row)
		}
		row.Set("number", row.GetInt("number")-1)
		return tx.Save(row)
	})
}

// Items returns the customer's cart in the order the rows were added (rowid breaks ties within a millisecond).
// It works with a transaction app. Every order submit reads the cart: a hot read.
func Items(app core.App, userID compat.ID) ([]Item, error) {
	rows, err := sqlite.HotRows(app, "SELECT id, name, dish, setmeal, dish_flavor, number, amount, image, created FROM "+
		ItemsCollection+" WHERE user = {:user} ORDER BY created, rowid", dbx.Params{"user": userID.String()})
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []Item{}
	for rows.Next() {
		var id, dish, setmeal, flavor string
		var amount int64
		var created types.DateTime
		it := Item{UserID: userID}
		if err := rows.Scan(&id, &it.Name, &dish, &setmeal, &flavor, &it.Number, &amount, &it.Image, &created); err != nil {
			return nil, err
		}
		it.ID, it.DishID, it.SetmealID = compat.ParseID(id), compat.ParseID(dish), compat.ParseID(setmeal)
		it.Amount, it.CreateTime = compat.Cents(amount), compat.TimeOf(created.Time())
		if flavor != "" {
			it.DishFlavor = compat.Text{Value: flavor, Valid: true}
		}
		out = append(out, it)
	}
	return out, rows.Err()
}

// Clear empties the customer's cart, all rows or none (the customer's "clear the cart"; an order empties the cart
// with Checkout).
func Clear(app core.App, userID compat.ID) error {
	return app.RunInTransaction(func(tx core.App) error {
		var rows []*core.Record
		if err := tx.RecordQuery(ItemsCollection).AndWhere(dbx.HashExp{"user": userID.String()}).All(&rows); err != nil {
			return err
		}
		// Record by record, so record hooks and realtime subscribers see every removal.
		for _, r := range rows {
			if err := tx.Delete(r); err != nil {
				return err
			}
		}
		return nil
	})
}

// Checkout empties the customer's cart into an order, inside the order's transaction tx, provided the cart still
// holds exactly items (the same rows with the same counts) as read before the transaction. It reports false when
// the cart changed since; the caller then rolls back, which puts every row back, and prices the cart again.
// One plain DELETE: the rows become order details, so no record hooks or realtime events follow for them.
func Checkout(tx core.App, userID compat.ID, items []Item) (bool, error) {
	counts := make(map[compat.ID]int, len(items))
	for _, it := range items {
		counts[it.ID] = it.Number
	}
	rows, err := tx.DB().NewQuery("DELETE FROM {{" + ItemsCollection + "}} WHERE [[user]] = {:user} RETURNING [[id]], [[number]]").
		Bind(dbx.Params{"user": userID.String()}).Rows()
	if err != nil {
		return false, err
	}
	defer rows.Close()
	same, removed := true, 0
	for rows.Next() {
		var id string
		var number int
		if err := rows.Scan(&id, &number); err != nil {
			return false, err
		}
		removed++
		if n, ok := counts[compat.ParseID(id)]; !ok || n != number {
			same = false
		}
	}
	if err := rows.Err(); err != nil {
		return false, err
	}
	return same && removed == len(items), nil
}
