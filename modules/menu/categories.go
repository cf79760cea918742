package menu

import (
	"database/sql"
	"errors"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/sqlite"
)

func findCategory(app core.App, id compat.ID) (*core.Record, error) {
	if id == 0 {
		return nil, compat.Fail(MsgCategoryNotFound)
	}
	r, err := app.FindRecordById(categoriesCollection, id.String())
	if errors.Is(err, sql.ErrNoRows) {
		return nil, compat.Fail(MsgCategoryNotFound)
	}
	return r, err
}

// requireCategoryOfType checks that a dish (DishCategory) or set meal (SetmealCategory) may go into the
// category. A disabled category is fine: staff fill a new category before they enable it.
func requireCategoryOfType(app core.App, id compat.ID, categoryType int) error {
	if id == 0 {
		return compat.Fail(MsgCategoryDisabledOrWrong)
	}
	r, err := app.FindRecordById(categoriesCollection, id.String())
	if errors.Is(err, sql.ErrNoRows) || (err == nil && r.GetInt("type") != categoryType) {
		return compat.Fail(MsgCategoryDisabledOrWrong)
	}
	return err
}

// countIn counts the records of collection whose field equals value.
func countIn(app core.App, collection, field, value string) (int64, error) {
	return app.CountRecords(collection, dbx.HashExp{field: value})
}

// addCategory creates a category. New categories start disabled, as in the original, so that staff can fill
// them before customers see them.
func addCategory(app core.App, by compat.ID, in CategoryInput) (*core.Record, error) {
	categoryType, err := checkCategoryType(in.Type)
	if err != nil {
		return nil, err
	}
	name, err := checkName(in.Name)
	if err != nil {
		return nil, err
	}
	sort, err := checkSort(in.Sort)
	if err != nil {
		return nil, err
	}
	col, err := app.FindCachedCollectionByNameOrId(categoriesCollection)
	if err != nil {
		return nil, err
	}
	r := core.NewRecord(col)
	r.Set("type", categoryType)
	r.Set("name", name)
	r.Set("sort", sort)
	r.Set("status", OffSale)
	r.Set("created_by", by.String())
	r.Set("updated_by", by.String())
	return r, compat.Save(app, r)
}

// updateCategory changes the non-null fields of in. The type cannot change while dishes or set meals use
// the category: they would end up in a category of the wrong kind.
func updateCategory(app core.App, by compat.ID, in CategoryInput) error {
	if in.ID == 0 {
		return compat.Fail(compat.MsgIDRequired)
	}
	return app.RunInTransaction(func(tx core.App) error {
		r, err := findCategory(tx, in.ID)
		if err != nil {
			return err
		}
		if in.Type.Valid {
			categoryType, err := checkCategoryType(in.Type)
			if err != nil {
				return err
			}
			if categoryType != r.GetInt("type") {
				used, err := categoryInUse(tx, r.Id)
				if err != nil {
					return err
				}
				if used {
					return compat.Fail(MsgCategoryTypeInUse)
				}
				r.Set("type", categoryType)
			}
		}
		if in.Name.Valid {
			name, err := checkName(in.Name)
			if err != nil {
				return err
			}
			r.Set("name", name)
		}
		if in.Sort.Valid {
			sort, err := checkSort(in.Sort)
			if err != nil {
				return err
			}
			r.Set("sort", sort)
		}
		r.Set("updated_by", by.String())
		return compat.Save(tx, r)
	})
}

func categoryInUse(app core.App, id string) (bool, error) {
	n, err := countIn(app, dishesCollection, "category", id)
	if err != nil || n > 0 {
		return n > 0, err
	}
	n, err = countIn(app, setmealsCollection, "category", id)
	return n > 0, err
}

// deleteCategory deletes a category that no dish and no set meal uses.
func deleteCategory(app core.App, id compat.ID) error {
	return app.RunInTransaction(func(tx core.App) error {
		r, err := findCategory(tx, id)
		if err != nil {
			return err
		}
		if n, err := countIn(tx, dishesCollection, "category", r.Id); err != nil {
			return err
		} else if n > 0 {
			return compat.Fail(MsgCategoryHasDish)
		}
		if n, err := countIn(tx, setmealsCollection, "category", r.Id); err != nil {
			return err
		} else if n > 0 {
			return compat.Fail(MsgCategoryHasSetmeal)
		}
		return tx.Delete(r)
	})
}

// setCategoryStatus enables (1) or disables (0) a category. A disabled category hides its dishes and set
// meals from customers; they keep their own status.
func setCategoryStatus(app core.App, by compat.ID, id compat.ID, status int) error {
	r, err := findCategory(app, id)
	if err != nil {
		return err
	}
	r.Set("status", status)
	r.Set("updated_by", by.String())
	return compat.Save(app, r)
}

// categoryFilter selects categories: Name is a fragment, Type and Status are exact when Valid.
type categoryFilter struct {
	Name   string
	Type   compat.Int
	Status compat.Int
}

func (f categoryFilter) where() dbx.Expression {
	conds := []dbx.Expression{dbx.NewExp("1=1")}
	if name := strings.TrimSpace(f.Name); name != "" {
		conds = append(conds, sqlite.Contains("c.name", name))
	}
	if f.Type.Valid {
		conds = append(conds, dbx.HashExp{"c.type": f.Type.Value})
	}
	if f.Status.Valid {
		conds = append(conds, dbx.HashExp{"c.status": f.Status.Value})
	}
	return dbx.And(conds...)
}

var categoryOrder = []string{"c.sort ASC", "c.created DESC", "c.rowid DESC"}

// pageCategories is the admin category page: by sort, then newest first.
func pageCategories(app core.App, f categoryFilter, page compat.Page) (compat.PageResult[Category], error) {
	out := compat.PageResult[Category]{Records: []Category{}}
	where := f.where()
	if err := app.DB().Select("COUNT(*)").From(categoriesCollection + " c").Where(where).Row(&out.Total); err != nil {
		return out, err
	}
	var rows []categoryRow
	err := app.DB().Select(categoryColumns...).From(categoriesCollection + " c").Where(where).
		OrderBy(categoryOrder...).Offset(int64(page.Offset())).Limit(int64(page.Size)).All(&rows)
	for _, r := range rows {
		out.Records = append(out.Records, r.category())
	}
	return out, err
}

// listCategories lists the enabled categories, optionally of one type: the admin dropdowns and the
// customer menu use it.
func listCategories(app core.App, categoryType compat.Int) ([]Category, error) {
	var rows []categoryRow
	err := app.DB().Select(categoryColumns...).From(categoriesCollection + " c").
		Where(categoryFilter{Type: categoryType, Status: compat.IntOf(OnSale)}.where()).
		OrderBy(categoryOrder...).All(&rows)
	out := make([]Category, 0, len(rows))
	for _, r := range rows {
		out = append(out, r.category())
	}
	return out, err
}
