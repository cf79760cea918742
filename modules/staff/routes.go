package staff

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

func bindRoutes(se *core.ServeEvent) {
	se.Router.POST("/admin/employee/login", compat.Handle(loginAction))

	// Signing out and changing one's password: open to every employee, even one still on the initial password.
	own := se.Router.Group("/admin/employee").BindFunc(auth.RequireEmployeeSession)
	own.POST("/logout", compat.Handle(func(e *core.RequestEvent) (any, error) { return nil, signOut(e.App, auth.AuthID(e)) }))
	own.PUT("/editPassword", compat.Handle(editPasswordAction))

	g := se.Router.Group("/admin/employee").BindFunc(auth.RequireManager)
	g.POST("", compat.Handle(addAction))
	g.PUT("", compat.Handle(updateAction))
	g.GET("/page", compat.Handle(pageAction))
	g.POST("/status/{status}", compat.Handle(statusAction))
	g.GET("/{id}", compat.Handle(getAction))
}

func loginAction(e *core.RequestEvent) (any, error) {
	var in struct {
		Username compat.Text `json:"username"`
		Password compat.Text `json:"password"`
	}
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return login(e.App, in.Username.Value, in.Password.Value)
}

func addAction(e *core.RequestEvent) (any, error) {
	var in EmployeeInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	_, err := addEmployee(e.App, auth.AuthID(e), in)
	return nil, err
}

func updateAction(e *core.RequestEvent) (any, error) {
	var in EmployeeInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return nil, updateEmployee(e.App, auth.AuthID(e), in)
}

func pageAction(e *core.RequestEvent) (any, error) {
	page, err := compat.QueryPage(e)
	if err != nil {
		return nil, err
	}
	return pageEmployees(e.App, compat.Query(e, "name"), page)
}

func statusAction(e *core.RequestEvent) (any, error) {
	status, err := compat.PathStatus(e)
	if err != nil {
		return nil, err
	}
	id, err := compat.QueryID(e, "id")
	if err != nil {
		return nil, err
	}
	return nil, setEmployeeStatus(e.App, auth.AuthID(e), id, status)
}

func editPasswordAction(e *core.RequestEvent) (any, error) {
	var in struct {
		OldPassword compat.Text `json:"oldPassword"`
		NewPassword compat.Text `json:"newPassword"`
	}
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	// The employee is the one of the token; the body's empId is ignored.
	return nil, changePassword(e.App, auth.AuthID(e), in.OldPassword.Value, in.NewPassword.Value)
}

func getAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	r, err := findEmployee(e.App, id)
	if err != nil {
		return nil, err
	}
	return employeeOf(r), nil
}
