package staff

import (
	"regexp"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

// AdminUsername is the first manager, created at first start: nobody else may lock it, demote it or edit it.
const AdminUsername = "admin"

func isAdmin(r *core.Record) bool { return r.GetString("username") == AdminUsername }

// roleOf is the employee's role; an employee without one is staff.
func roleOf(r *core.Record) string {
	if auth.IsManager(r) {
		return auth.RoleManager
	}
	return auth.RoleStaff
}

// validUsername checks a username against the pattern of the collection's username field (letters, digits,
// _ . - and Chinese characters, see pb_migrations), so that the compat API answers the same rule with a message.
func validUsername(app core.App, s string) bool {
	col, err := app.FindCachedCollectionByNameOrId(auth.EmployeesCollection)
	if err != nil {
		return false
	}
	f, ok := col.Fields.GetByName("username").(*core.TextField)
	if !ok || f.Pattern == "" {
		return true
	}
	match, err := regexp.MatchString(f.Pattern, s)
	return err == nil && match
}

// signOut ends the employee's sessions: a new token key voids every token signed with the old one (PocketBase
// signs auth tokens with the record's token key), on every device, and the compat auth cache forgets them.
func signOut(app core.App, id compat.ID) error {
	r, err := findEmployee(app, id)
	if err != nil {
		return err
	}
	r.RefreshTokenKey()
	return app.Save(r)
}
