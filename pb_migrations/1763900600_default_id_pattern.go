package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// PocketBase checks a new record's id for a case-insensitive duplicate (`id = {:id} COLLATE NOCASE`) whenever a
// collection's id pattern is not its default ^[a-z0-9]+$. No index serves that comparison, so every record created
// through PocketBase read its whole table first: one full scan of payments per payment, of alerts per alert.
// Digits have no case, so the check can never find anything for our ids. The compat collections therefore declare
// PocketBase's default pattern, which skips it; they keep generating 15-digit numbers (autogenerate pattern,
// min and max 15), and compat.RequireNumericIDs refuses any other id a client sends, so the ids stay what the
// compat API writes as numbers.
const pocketBaseIDPattern = `^[a-z0-9]+$`

func init() {
	m.Register(func(app core.App) error {
		return setIDPattern(app, pocketBaseIDPattern)
	}, func(app core.App) error {
		return setIDPattern(app, idPattern)
	})
}

func setIDPattern(app core.App, pattern string) error {
	for _, name := range append([]string{"users"}, compatCollections...) {
		c, err := app.FindCollectionByNameOrId(name)
		if err != nil {
			return err
		}
		id := c.Fields.GetByName("id").(*core.TextField)
		if id.AutogeneratePattern != idAutoPattern {
			continue // the shop record keeps PocketBase's own ids
		}
		id.Pattern = pattern
		if err := app.Save(c); err != nil {
			return err
		}
	}
	return nil
}
