package compat

import (
	"regexp"
	"sync/atomic"
	"time"

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

// Ids that grow with time keep the big tables fast: a new row's id goes to the last page of the table's primary
// key index, which stays in the cache, instead of to a random page of an index that, after a million orders, is
// larger than any cache, where each insert reads a page and writes it back whole to the WAL. (The original's
// ids were auto-increment numbers too.) They are 1 followed by the milliseconds since 2025 and two digits of
// sequence, which keeps 15 digits for two centuries; more than 100 ids in one millisecond borrow the next one,
// so they never repeat within a process, and a restart continues from the clock, which is past every id made.
var lastID atomic.Int64

const idEpochMillis = 1735689600000 // 2025-01-01T00:00:00Z

func nextTimeOrderedID() ID {
	floor := 1e14 + (time.Now().UnixMilli()-idEpochMillis)*100
	for {
		last := lastID.Load()
		next := max(last+1, floor)
		if lastID.CompareAndSwap(last, next) {
			return ID(next)
		}
	}
}
