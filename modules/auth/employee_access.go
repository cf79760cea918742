package auth

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// Roles of employees (their `role` field). Managers run the shop: employees, shop settings, the menu and its
// prices, reports. Staff work the orders and put dishes and set meals on and off sale. An employee without a
// role is staff.
const (
	RoleManager = "manager"
	RoleStaff   = "staff"
)

// MustChangePasswordField marks an employee still on the initial password (set whenever the password is set to
// it): such an employee may only change the password or sign out.
const MustChangePasswordField = "must_change_password"

// access is what a route asks of the signed-in employee beyond being enabled.
type access int

const (
	accessEmployee access = iota // any role, initial password replaced (RequireEmployee)
	accessManager                // a manager, initial password replaced (RequireManager)
	accessSession                // any enabled employee, even on the initial password (RequireEmployeeSession)
)

const accessKey = "myrestaurant.employeeAccess"

// RequireManager guards the routes only managers may use. Anyone else signed in gets code 0 with a message (the
// original front end shows it); a bad token is 401 as for RequireEmployee.
func RequireManager(e *core.RequestEvent) error {
	e.Set(accessKey, accessManager)
	return RequireEmployee(e)
}

// RequireEmployeeSession guards the only routes an employee on the initial password may use: changing the
// password and signing out.
func RequireEmployeeSession(e *core.RequestEvent) error {
	e.Set(accessKey, accessSession)
	return RequireEmployee(e)
}

func accessOf(e *core.RequestEvent) access {
	a, _ := e.Get(accessKey).(access)
	return a
}

// employeeMayAct says why an enabled employee may not use a route that asks for a.
func employeeMayAct(r *core.Record, a access) error {
	if a != accessSession && r.GetBool(MustChangePasswordField) {
		return compat.Fail(compat.MsgChangeInitialPassword)
	}
	if a == accessManager && !IsManager(r) {
		return compat.Fail(compat.MsgManagersOnly)
	}
	return nil
}

// IsManager tells whether an employee record has the manager role.
func IsManager(r *core.Record) bool { return r.GetString("role") == RoleManager }
