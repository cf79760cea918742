package staff

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
)

// ensureAdmin creates the employee "admin" when there is no employee at all. Its password is the configured
// one, or a random one that is printed once: there is no fixed default password.
func ensureAdmin(app core.App, password string) (created bool, usedPassword string, err error) {
	n, err := app.CountRecords(auth.EmployeesCollection)
	if err != nil || n > 0 {
		return false, "", err
	}
	if password == "" {
		password = randomPassword()
	}
	col, err := app.FindCollectionByNameOrId(auth.EmployeesCollection)
	if err != nil {
		return false, "", err
	}
	r := core.NewRecord(col)
	r.Set("username", AdminUsername)
	r.Set("name", "管理员")
	r.Set("phone", "13812312312")
	r.Set("sex", "1")
	r.Set("status", auth.EmployeeEnabled)
	r.Set("role", auth.RoleManager)
	r.SetPassword(password)
	if err := app.Save(r); err != nil {
		return false, "", err
	}
	return true, password, nil
}
