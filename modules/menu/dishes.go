package menu

import (
	"database/sql"
	"errors"
	"slices"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/sqlite"
)

func findDish(app core.App, id compat.ID) (*core.Record, error) {
	if id == 0 {
		return nil, compat.Fail(MsgDishNotFound)
	}
	r, err := app.FindRecordById(dishesCollection, id.String())
	if errors.Is(err, sql.ErrNoRows) {
		return nil, compat.Fail(MsgDishNotFound)
	}
	return r, err
}

// findAll loads the records of ids (duplicates ignored), or fails with notFound if any is missing.
func findAll(app core.App, collection string, ids []compat.ID, notFound string) ([]*core.Record, error) {
	keys := make([]string, 0, len(ids))
	for _, id := range ids {
		if id == 0 {
			return nil, compat.Fail(notFound)
		}
		if !slices.Contains(keys, id.String()) {
			keys = append(keys, id.String())
		}
	}
	records, err := app.FindRecordsByIds(collection, keys)
	if err != nil {
		return nil, err
	}
	if len(records) != len(keys) {
		return nil, compat.Fail(notFound)
	}
	return records, nil
}

// addDish creates a dish with its flavors in one transaction. A dish posted without a status starts
// stopped, like the admin front end's new dishes.
func addDish(app core.App, by compat.ID, in DishInput) (compat.ID, error) {
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
	var flavors []flavor
	if in.Flavors != nil {
		if flavors, err = checkFlavors(*in.Flavors); err != nil {
			return 0, err
		}
	}
	var id compat.ID
	err = app.RunInTransaction(func(tx core.App) error {
		if err := requireCategoryOfType(tx, in.CategoryID, DishCategory); err != nil {
			return err
		}
		col, err := tx.FindCachedCollectionByNameOrId(dishesCollection)
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
		return insertFlavors(tx, r.Id, flavors)
	})
	return id, err
}

func insertFlavors(tx core.App, dishID string, flavors []flavor) error {
	if len(flavors) == 0 {
		return nil
	}
	col, err := tx.FindCachedCollectionByNameOrId(flavorsCollection)
	if err != nil {
		return err
	}
	for _, f := range flavors {
		r := core.NewRecord(col)
		r.Set("dish", dishID)
		r.Set("name", f.name)
		r.Set("value", f.value)
		if err := tx.Save(r); err != nil {
			return err
		}
	}
	return nil
}

func replaceFlavors(tx core.App, dishID string, flavors []flavor) error {
	old, err := tx.FindAllRecords(flavorsCollection, dbx.HashExp{"dish": dishID})
	if err != nil {
		return err
	}
	for _, r := range old {
		if err := tx.Delete(r); err != nil {
			return err
		}
	}
	return insertFlavors(tx, dishID, flavors)
}

// updateDish changes the non-null fields of in and, when flavors are posted, replaces the flavors, all in one
// transaction. Stopping the dish stops the set meals that contain it; a new name or price is copied into
// the set meals that contain it.
func updateDish(app core.App, by compat.ID, in DishInput) error {
	if in.ID == 0 {
		return compat.Fail(compat.MsgIDRequired)
	}
	var flavors []flavor
	if in.Flavors != nil {
		var err error
		if flavors, err = checkFlavors(*in.Flavors); err != nil {
			return err
		}
	}
	return app.RunInTransaction(func(tx core.App) error {
		r, err := findDish(tx, in.ID)
		if err != nil {
			return err
		}
		oldName, oldPrice := r.GetString("name"), r.GetInt("price")
		if err := in.ItemInput.apply(tx, r, DishCategory); err != nil {
			return err
		}
		r.Set("updated_by", by.String())
		if err := compat.Save(tx, r); err != nil {
			return err
		}
		if in.Flavors != nil {
			if err := replaceFlavors(tx, r.Id, flavors); err != nil {
				return err
			}
		}
		if r.GetString("name") != oldName || r.GetInt("price") != oldPrice {
			if err := refreshSetmealCopies(tx, r); err != nil {
				return err
			}
		}
		return nil // stopping the dish stopped its set meals (sale_rules.go)
	})
}

// refreshSetmealCopies copies a dish's name and price into the set meal rows that contain it, which the
// original left stale until the set meal was edited.
func refreshSetmealCopies(tx core.App, dish *core.Record) error {
	items, err := tx.FindAllRecords(setmealDishesCollection, dbx.HashExp{"dish": dish.Id})
	if err != nil {
		return err
	}
	for _, item := range items {
		item.Set("name", dish.GetString("name"))
		item.Set("price", dish.GetInt("price"))
		if err := tx.Save(item); err != nil {
			return err
		}
	}
	return nil
}

// deleteDishes deletes stopped dishes that no set meal contains, with their flavors, all or none.
func deleteDishes(app core.App, ids []compat.ID) error {
	return app.RunInTransaction(func(tx core.App) error {
		dishes, err := findAll(tx, dishesCollection, ids, MsgDishNotFound)
		if err != nil {
			return err
		}
		keys := make([]any, 0, len(dishes))
		for _, d := range dishes {
			if d.GetInt("status") == OnSale {
				return compat.Fail(MsgDishOnSale)
			}
			keys = append(keys, d.Id)
		}
		n, err := tx.CountRecords(setmealDishesCollection, dbx.In("dish", keys...))
		if err != nil {
			return err
		}
		if n > 0 {
			return compat.Fail(MsgDishInSetmeal)
		}
		for _, d := range dishes {
			// The flavors go with the dish (cascading relation).
			if err := tx.Delete(d); err != nil {
				return err
			}
		}
		return nil
	})
}

// getDish is a dish with its flavors. Its categoryName is null, as in the original.
func getDish(app core.App, id compat.ID) (DishVO, error) {
	var rows []dishRow
	err := app.DB().Select(dishColumns...).From(dishesCollection + " d").
		Where(dbx.HashExp{"d.id": id.String()}).Limit(1).All(&rows)
	if err != nil {
		return DishVO{}, err
	}
	if len(rows) == 0 {
		return DishVO{}, compat.Fail(MsgDishNotFound)
	}
	vos := []DishVO{rows[0].vo()}
	return vos[0], attachFlavors(app, vos)
}

// attachFlavors fills the flavors of the dishes with one query, in the order they were saved.
func attachFlavors(app core.App, dishes []DishVO) error {
	if len(dishes) == 0 {
		return nil
	}
	ids := make([]any, len(dishes))
	at := make(map[string]int, len(dishes))
	for i, d := range dishes {
		ids[i] = d.ID.String()
		at[d.ID.String()] = i
	}
	var rows []flavorRow
	err := app.DB().Select("id", "dish", "name", "value").From(flavorsCollection).
		Where(dbx.In("dish", ids...)).OrderBy("rowid").All(&rows)
	for _, r := range rows {
		i := at[r.Dish]
		dishes[i].Flavors = append(dishes[i].Flavors, r.flavor())
	}
	return err
}

// itemFilter selects dishes or set meals: Name is a fragment, the others are exact when set.
type itemFilter struct {
	Name       string
	CategoryID compat.ID
	Status     compat.Int
}

// where is the filter on the table aliased as alias ("d" or "s").
func (f itemFilter) where(alias string) dbx.Expression {
	conds := []dbx.Expression{dbx.NewExp("1=1")}
	if name := strings.TrimSpace(f.Name); name != "" {
		conds = append(conds, sqlite.Contains(alias+".name", name))
	}
	if f.CategoryID != 0 {
		conds = append(conds, dbx.HashExp{alias + ".category": f.CategoryID.String()})
	}
	if f.Status.Valid {
		conds = append(conds, dbx.HashExp{alias + ".status": f.Status.Value})
	}
	return dbx.And(conds...)
}

// dishOrder is newest first. Ties (the same millisecond) go by insertion order: the rowid is also the last
// key of every index, so SQLite reads idx_dishes_created or idx_dishes_category in order instead of sorting.
var dishOrder = []string{"d.created DESC", "d.rowid DESC"}

// pageDishes is the admin dish page, newest first, with category names and empty flavor lists.
func pageDishes(app core.App, f itemFilter, page compat.Page) (compat.PageResult[DishVO], error) {
	out := compat.PageResult[DishVO]{Records: []DishVO{}}
	where := f.where("d")
	if err := app.DB().Select("COUNT(*)").From(dishesCollection + " d").Where(where).Row(&out.Total); err != nil {
		return out, err
	}
	var rows []dishRow
	err := app.DB().Select(append(slices.Clone(dishColumns), "c.name AS category_name")...).From(dishesCollection+" d").
		LeftJoin(categoriesCollection+" c", dbx.NewExp("c.id = d.category")).
		Where(where).OrderBy(dishOrder...).Offset(int64(page.Offset())).Limit(int64(page.Size)).All(&rows)
	for _, r := range rows {
		out.Records = append(out.Records, r.vo())
	}
	return out, err
}

// listDishes lists on-sale dishes, optionally of one category and matching a name fragment: the set meal
// form's dish picker.
func listDishes(app core.App, categoryID compat.ID, name string) ([]Dish, error) {
	var rows []dishRow
	err := app.DB().Select(dishColumns...).From(dishesCollection + " d").
		Where(itemFilter{Name: name, CategoryID: categoryID, Status: compat.IntOf(OnSale)}.where("d")).
		OrderBy(dishOrder...).All(&rows)
	out := make([]Dish, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.dish())
	}
	return out, err
}
