package menu

import (
	"slices"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// setmealItem is a checked dish of a set meal, with the dish record its name and price are copied from.
type setmealItem struct {
	dish   *core.Record
	copies int
}

// checkSetmealDishes checks the posted dishes of a set meal: each exists and has 1 to 1000 copies.
func checkSetmealDishes(tx core.App, in []SetmealDishInput) ([]setmealItem, error) {
	if len(in) > maxSetmealDishes {
		return nil, compat.Fail(MsgTooManySetmealDishes)
	}
	ids := make([]compat.ID, 0, len(in))
	for _, d := range in {
		if !d.Copies.Valid || d.Copies.Value < 1 || d.Copies.Value > maxCopies {
			return nil, compat.Fail(MsgCopiesInvalid)
		}
		ids = append(ids, d.DishID)
	}
	if len(ids) == 0 {
		return nil, nil
	}
	dishes, err := findAll(tx, dishesCollection, ids, MsgSetmealDishNotFound)
	if err != nil {
		return nil, err
	}
	byID := make(map[string]*core.Record, len(dishes))
	for _, d := range dishes {
		byID[d.Id] = d
	}
	items := make([]setmealItem, 0, len(in))
	for _, d := range in {
		items = append(items, setmealItem{dish: byID[d.DishID.String()], copies: int(d.Copies.Value)})
	}
	return items, nil
}

// insertSetmealDishes stores the dishes of a set meal with the dish's current name and price: the copies
// come from the dish records, never from the client.
func insertSetmealDishes(tx core.App, setmealID string, items []setmealItem) error {
	if len(items) == 0 {
		return nil
	}
	col, err := tx.FindCachedCollectionByNameOrId(setmealDishesCollection)
	if err != nil {
		return err
	}
	for _, it := range items {
		r := core.NewRecord(col)
		r.Set("setmeal", setmealID)
		r.Set("dish", it.dish.Id)
		r.Set("name", it.dish.GetString("name"))
		r.Set("price", it.dish.GetInt("price"))
		r.Set("copies", it.copies)
		if err := tx.Save(r); err != nil {
			return err
		}
	}
	return nil
}

func replaceSetmealDishes(tx core.App, setmealID string, items []setmealItem) error {
	old, err := tx.FindAllRecords(setmealDishesCollection, dbx.HashExp{"setmeal": setmealID})
	if err != nil {
		return err
	}
	for _, r := range old {
		if err := tx.Delete(r); err != nil {
			return err
		}
	}
	return insertSetmealDishes(tx, setmealID, items)
}

func findSetmeal(app core.App, id compat.ID) (*core.Record, error) {
	records, err := findAll(app, setmealsCollection, []compat.ID{id}, MsgSetmealNotFound)
	if err != nil {
		return nil, err
	}
	return records[0], nil
}

// addSetmeal creates a set meal with its dishes in one transaction. It starts stopped unless posted with
// status 1, which needs every dish on sale.
func addSetmeal(app core.App, by compat.ID, in SetmealInput) (compat.ID, error) {
	name, err := checkName(in.Name)
	if err != nil {
		return 0, err
	}
	price, err := checkPrice(in.Price)
	if err != nil {
		return 0, err
	}
	image, err := checkText(in.Image, MsgImageTooLong)
	if err != nil {
		return 0, err
	}
	description, err := checkText(in.Description, MsgDescriptionTooLong)
	if err != nil {
		return 0, err
	}
	status := OffSale
	if in.Status.Valid {
		if status, err = checkStatus(in.Status); err != nil {
			return 0, err
		}
	}
	var id compat.ID
	err = app.RunInTransaction(func(tx core.App) error {
		if err := requireCategoryOfType(tx, in.CategoryID, SetmealCategory); err != nil {
			return err
		}
		var items []setmealItem
		if in.SetmealDishes != nil {
			var err error
			if items, err = checkSetmealDishes(tx, *in.SetmealDishes); err != nil {
				return err
			}
		}
		col, err := tx.FindCachedCollectionByNameOrId(setmealsCollection)
		if err != nil {
			return err
		}
		r := core.NewRecord(col)
		r.Set("name", name)
		r.Set("category", in.CategoryID.String())
		r.Set("price", price)
		r.Set("image", image)
		r.Set("description", description)
		r.Set("status", status)
		r.Set("created_by", by.String())
		r.Set("updated_by", by.String())
		if err := compat.Save(tx, r); err != nil {
			return err
		}
		id = compat.ParseID(r.Id)
		// A stopped dish cannot join a set meal on sale (sale_rules.go).
		return insertSetmealDishes(tx, r.Id, items)
	})
	return id, err
}

// updateSetmeal changes the non-null fields of in and, when dishes are posted, replaces the set meal's
// dishes, in one transaction. An on-sale set meal must keep only on-sale dishes.
func updateSetmeal(app core.App, by compat.ID, in SetmealInput) error {
	if in.ID == 0 {
		return compat.Fail(compat.MsgIDRequired)
	}
	return app.RunInTransaction(func(tx core.App) error {
		r, err := findSetmeal(tx, in.ID)
		if err != nil {
			return err
		}
		if err := in.ItemInput.apply(tx, r, SetmealCategory); err != nil {
			return err
		}
		var items []setmealItem
		if in.SetmealDishes != nil {
			if items, err = checkSetmealDishes(tx, *in.SetmealDishes); err != nil {
				return err
			}
		}
		r.Set("updated_by", by.String())
		save := func() error { return compat.Save(tx, r) }
		replace := func() error {
			if in.SetmealDishes == nil {
				return nil
			}
			return replaceSetmealDishes(tx, r.Id, items)
		}
		// The sale rules (sale_rules.go) check the dishes a set meal holds when it goes on sale, and each dish
		// that joins a set meal on sale. So a set meal that is or goes on sale gets its new dishes first, and one
		// that goes off sale is saved first.
		if r.GetInt("status") == OnSale {
			if err := replace(); err != nil {
				return err
			}
			return save()
		}
		if err := save(); err != nil {
			return err
		}
		return replace()
	})
}

// deleteSetmeals deletes stopped set meals with their dishes, all or none.
func deleteSetmeals(app core.App, ids []compat.ID) error {
	return app.RunInTransaction(func(tx core.App) error {
		setmeals, err := findAll(tx, setmealsCollection, ids, MsgSetmealNotFound)
		if err != nil {
			return err
		}
		for _, s := range setmeals {
			if s.GetInt("status") == OnSale {
				return compat.Fail(MsgSetmealOnSale)
			}
		}
		for _, s := range setmeals {
			// Its setmeal_dishes rows go with it (cascading relation).
			if err := tx.Delete(s); err != nil {
				return err
			}
		}
		return nil
	})
}

// getSetmeal is a set meal with its dishes. Its categoryName is null, as in the original.
func getSetmeal(app core.App, id compat.ID) (SetmealVO, error) {
	var rows []setmealRow
	err := app.DB().Select(setmealColumns...).From(setmealsCollection + " s").
		Where(dbx.HashExp{"s.id": id.String()}).Limit(1).All(&rows)
	if err != nil {
		return SetmealVO{}, err
	}
	if len(rows) == 0 {
		return SetmealVO{}, compat.Fail(MsgSetmealNotFound)
	}
	vo := rows[0].vo()
	var items []setmealDishRow
	err = app.DB().Select("id", "setmeal", "dish", "name", "price", "copies").From(setmealDishesCollection).
		Where(dbx.HashExp{"setmeal": id.String()}).OrderBy("rowid").All(&items)
	for _, it := range items {
		vo.SetmealDishes = append(vo.SetmealDishes, it.item())
	}
	return vo, err
}

// setmealOrder is newest first, like dishOrder.
var setmealOrder = []string{"s.created DESC", "s.rowid DESC"}

// pageSetmeals is the admin set meal page, newest first, with category names and empty dish lists.
func pageSetmeals(app core.App, f itemFilter, page compat.Page) (compat.PageResult[SetmealVO], error) {
	out := compat.PageResult[SetmealVO]{Records: []SetmealVO{}}
	where := f.where("s")
	if err := app.DB().Select("COUNT(*)").From(setmealsCollection + " s").Where(where).Row(&out.Total); err != nil {
		return out, err
	}
	var rows []setmealRow
	err := app.DB().Select(append(slices.Clone(setmealColumns), "c.name AS category_name")...).From(setmealsCollection+" s").
		LeftJoin(categoriesCollection+" c", dbx.NewExp("c.id = s.category")).
		Where(where).OrderBy(setmealOrder...).Offset(int64(page.Offset())).Limit(int64(page.Size)).All(&rows)
	for _, r := range rows {
		out.Records = append(out.Records, r.vo())
	}
	return out, err
}
