package staff

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
)

// An employee added in the dashboard at /_/ starts as one added by the back office does: enabled, and staff
// unless a role is chosen. The dashboard's form sends only the fields the owner touched (its number input shows
// an untouched status as 0 without sending it), so a status or role left out is the default, and one typed in
// is kept: an owner may still add a locked employee by entering 0.
func bindRecordAPIDefaults(app core.App) {
	app.OnRecordCreateRequest(auth.EmployeesCollection).BindFunc(func(e *core.RecordRequestEvent) error {
		info, err := e.RequestInfo()
		if err != nil {
			return err
		}
		if blank(info.Body["status"]) {
			e.Record.Set("status", auth.EmployeeEnabled)
		}
		if blank(info.Body["role"]) {
			e.Record.Set("role", auth.RoleStaff)
		}
		return e.Next()
	})
}

// blank: a form value that was not sent, or sent empty.
func blank(v any) bool {
	switch v := v.(type) {
	case nil:
		return true
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case []string:
		return len(v) == 0
	}
	return false
}
