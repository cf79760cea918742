package compat

import (
	"regexp"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
)

// The compat collections generate 15-digit numeric ids, which the compat API writes as JSON numbers. Their id
// field declares PocketBase's default pattern (a wider one would make PocketBase look for a case-insensitive
// duplicate id with a full table scan on every insert; see migration 1763900600), so this hook keeps the ids a
// client may choose, through PocketBase's own record API, numeric.
const numericIDAutogenerate = `[1-9][0-9]{14}`

var numericIDPattern = regexp.MustCompile(`^` + numericIDAutogenerate + `$`)

// RequireNumericIDs refuses new records of the compat collections whose id is not a 15-digit number, with the
// error PocketBase gives for an id that does not match the pattern.
func RequireNumericIDs(app core.App) {
	app.OnRecordValidate().BindFunc(func(e *core.RecordEvent) error {
		// After the field validators, which generate a missing id.
		if err := e.Next(); err != nil || !e.Record.IsNew() || numericIDPattern.MatchString(e.Record.Id) {
			return err
		}
		if id, ok := e.Record.Collection().Fields.GetByName(core.FieldNameId).(*core.TextField); ok &&
			id.AutogeneratePattern == numericIDAutogenerate {
			return validation.Errors{core.FieldNameId: validation.NewError("validation_invalid_format", "Invalid value format.")}
		}
		return nil
	})
}
