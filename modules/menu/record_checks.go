package menu

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/media"
)

// The checks of the menu routes that the customer menu depends on hold however a record is saved: the console,
// the dashboard at /_/ or a manager's SDK client on PocketBase's record API. A flavor whose options are not a
// JSON list of strings would be served to the mini-program, which cannot parse it. A dish's or set meal's
// picture link follows its image URL, and the other way round (media.LinkPictures).
func bindRecordChecks(app core.App) {
	app.OnRecordValidate(flavorsCollection).BindFunc(func(e *core.RecordEvent) error {
		if strings.TrimSpace(e.Record.GetString("name")) == "" {
			return compat.FieldError("name", MsgFlavorNameRequired)
		}
		value := e.Record.GetString("value")
		if e.Record.IsNew() || value != e.Record.Original().GetString("value") {
			if err := checkFlavorValue(strings.TrimSpace(value)); err != nil {
				return compat.FieldError("value", compat.MessageOf(err))
			}
		}
		return e.Next()
	})
	compat.RefuseYuanTypedAsCents(app, dishesCollection, "price")
	compat.RefuseYuanTypedAsCents(app, setmealsCollection, "price")
	media.LinkPictures(app, dishesCollection)
	media.LinkPictures(app, setmealsCollection)
}
