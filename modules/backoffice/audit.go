package backoffice

import (
	"github.com/pocketbase/pocketbase/core"
)

// Menu records and employees carry the original's audit fields created_by/updated_by, relations to the employee
// who made the change; our routes fill them. An edit through PocketBase's record API is its sender's: an
// employee's SDK client names that employee, and the owner in the dashboard (a superuser, who is no employee)
// leaves them empty instead of keeping the last employee's name on a change that employee never made. The
// request log names the superuser (authId) and the log line below says what they changed.
func bindAudit(app core.App) {
	stamp := func(e *core.RecordRequestEvent) error {
		if e.Record.Collection().Fields.GetByName("updated_by") == nil {
			return e.Next()
		}
		by := ""
		if e.Auth != nil && !e.Auth.IsSuperuser() {
			by = e.Auth.Id
		}
		e.Record.Set("updated_by", by)
		if e.Record.IsNew() {
			e.Record.Set("created_by", by)
		}
		if err := e.Next(); err != nil {
			return err
		}
		if e.Auth != nil && e.Auth.IsSuperuser() {
			e.App.Logger().Info("dashboard edit", "collection", e.Record.Collection().Name, "record", e.Record.Id,
				"superuser", e.Auth.Email())
		}
		return nil
	}
	app.OnRecordCreateRequest().BindFunc(stamp)
	app.OnRecordUpdateRequest().BindFunc(stamp)
}
