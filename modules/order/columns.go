package order

import (
	"context"
	"fmt"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// checkColumns holds values about to be written with plain SQL to the rules their collection's fields state
// (limits, lengths, patterns), with PocketBase's own field validators: a plain INSERT skips them, and a row that
// breaks them could never be saved through a record again (its order could not be paid, cancelled or timed out).
// The rules are read from the collection each time, so they cannot drift from what the collection says. Relation
// fields hold ids read in the same transaction, and the primary key is guarded by its unique index, so neither
// is looked up again. A value that breaks a rule refuses the whole order with a clear message; the cause is logged.
func checkColumns(app core.App, collection string, rows ...dbx.Params) error {
	col, err := app.FindCachedCollectionByNameOrId(collection)
	if err != nil {
		return err
	}
	r := core.NewRecord(col)
	for _, row := range rows {
		for name, value := range row {
			f := col.Fields.GetByName(name)
			if f == nil {
				return fmt.Errorf("order: %s has no field %q", collection, name)
			}
			switch f.Type() {
			case core.FieldTypeRelation, core.FieldTypeAutodate:
				continue
			}
			if tf, ok := f.(*core.TextField); ok && tf.PrimaryKey {
				continue
			}
			prepared, err := f.PrepareValue(r, value)
			if err == nil {
				r.SetRaw(name, prepared)
				err = f.ValidateValue(context.Background(), app, r)
			}
			if err != nil {
				app.Logger().Error("an order broke a rule of its collection and was refused", "collection", collection,
					"field", name, "value", value, "error", err)
				return compat.Fail(MsgOrderOutOfLimits)
			}
		}
	}
	return nil
}
