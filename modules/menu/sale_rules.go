package menu

import (
	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// The rules of what may be on sale, as record hooks, so they hold however the menu is changed: our routes, the
// PocketBase dashboard, or an employee's SDK client on the native API.
//
//   - A set meal is sold whole: stopping a dish stops every set meal that contains it.
//   - A set meal on sale holds only dishes on sale: starting one with a stopped dish, or putting a stopped dish
//     into one that is on sale, is refused with `套餐内包含未启售菜品，无法启售`.

func bindSaleRules(app core.App) {
	app.OnRecordUpdate(dishesCollection).BindFunc(func(e *core.RecordEvent) error {
		stopping := e.Record.Original().GetInt("status") == OnSale && e.Record.GetInt("status") != OnSale
		if !stopping {
			return e.Next()
		}
		if !e.App.IsTransactional() {
			// The dish and its set meals stop together or not at all: save it again inside a transaction, which
			// comes back here. (Swapping e.App for the transaction instead would leak the finished transaction
			// into the "after" hooks.)
			return e.App.RunInTransaction(func(tx core.App) error { return tx.Save(e.Record) })
		}
		if err := e.Next(); err != nil {
			return err
		}
		// The set meals are stopped by whoever stopped the dish.
		return stopSetmealsWith(e.App, compat.ParseID(e.Record.GetString("updated_by")), e.Record.Id)
	})

	startsOnSale := func(e *core.RecordEvent) error {
		if e.Record.GetInt("status") == OnSale && (e.Record.IsNew() || e.Record.Original().GetInt("status") != OnSale) {
			stopped, err := hasStoppedDish(e.App, e.Record.Id)
			if err != nil {
				return err
			}
			if stopped {
				return compat.Fail(MsgSetmealEnableFailed)
			}
		}
		return e.Next()
	}
	app.OnRecordCreate(setmealsCollection).BindFunc(startsOnSale)
	app.OnRecordUpdate(setmealsCollection).BindFunc(startsOnSale)

	joinsOnSale := func(e *core.RecordEvent) error {
		var row struct {
			Setmeal int `db:"setmeal_status"`
			Dish    int `db:"dish_status"`
		}
		err := e.App.DB().NewQuery("SELECT (SELECT status FROM {{" + setmealsCollection + "}} WHERE id = {:setmeal}) AS setmeal_status, " +
			"(SELECT status FROM {{" + dishesCollection + "}} WHERE id = {:dish}) AS dish_status").
			Bind(dbx.Params{"setmeal": e.Record.GetString("setmeal"), "dish": e.Record.GetString("dish")}).One(&row)
		if err != nil {
			return err
		}
		if row.Setmeal == OnSale && row.Dish != OnSale {
			return compat.Fail(MsgSetmealEnableFailed)
		}
		return e.Next()
	}
	app.OnRecordCreate(setmealDishesCollection).BindFunc(joinsOnSale)
	app.OnRecordUpdate(setmealDishesCollection).BindFunc(joinsOnSale)
}

// setSaleStatus starts (1) or stops (0) the sale of dishes or set meals, all or none. The rules above do the
// rest: stopping a dish stops its set meals, and a set meal with a stopped dish cannot start.
func setSaleStatus(app core.App, collection, notFound string, by compat.ID, ids []compat.ID, status int) error {
	return app.RunInTransaction(func(tx core.App) error {
		records, err := findAll(tx, collection, ids, notFound)
		if err != nil {
			return err
		}
		for _, r := range records {
			r.Set("status", status)
			r.Set("updated_by", by.String())
			if err := compat.Save(tx, r); err != nil {
				return err
			}
		}
		return nil
	})
}

// stopSetmealsWith stops every on-sale set meal that contains the dish, with audit: a set meal cannot be
// sold without one of its dishes.
func stopSetmealsWith(tx core.App, by compat.ID, dishID string) error {
	var setmeals []*core.Record
	err := tx.RecordQuery(setmealsCollection).
		Where(dbx.HashExp{"status": OnSale}).
		AndWhere(dbx.Exists(dbx.NewExp(
			"SELECT 1 FROM "+setmealDishesCollection+" sd WHERE sd.setmeal = "+setmealsCollection+".id AND sd.dish = {:dish}",
			dbx.Params{"dish": dishID}))).
		All(&setmeals)
	if err != nil {
		return err
	}
	for _, s := range setmeals {
		s.Set("status", OffSale)
		s.Set("updated_by", by.String())
		if err := tx.Save(s); err != nil {
			return err
		}
	}
	return nil
}

// hasStoppedDish tells whether any dish of the set meal is off sale.
func hasStoppedDish(app core.App, setmealID string) (bool, error) {
	var n int
	err := app.DB().Select("COUNT(*)").From(setmealDishesCollection+" sd").
		InnerJoin(dishesCollection+" d", dbx.NewExp("d.id = sd.dish")).
		Where(dbx.HashExp{"sd.setmeal": setmealID}).AndWhere(dbx.Not(dbx.HashExp{"d.status": OnSale})).
		Row(&n)
	return n > 0, err
}
