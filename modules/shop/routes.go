package shop

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

func bindRoutes(se *core.ServeEvent) {
	// The mini-program reads these before it signs in.
	se.Router.GET("/user/shop/status", compat.Handle(statusAction))
	se.Router.GET("/user/shop/phone", compat.Handle(phoneAction))

	// Staff open and close the shop; its settings are the managers'.
	admin := se.Router.Group("/admin/shop").BindFunc(auth.RequireEmployee)
	admin.GET("/status", compat.Handle(statusAction))
	admin.PUT("/{status}", compat.Handle(setStatusAction))
	admin.PUT("/busyMode/{status}", compat.Handle(setBusyModeAction)) // ours, for the console
	admin.GET("/settings", compat.Handle(settingsAction))
	se.Router.Group("/admin/shop").BindFunc(auth.RequireManager).PUT("/settings", compat.Handle(updateSettingsAction))
}

func statusAction(e *core.RequestEvent) (any, error) {
	s, err := Load(e.App)
	return s.Status, err
}

func phoneAction(e *core.RequestEvent) (any, error) {
	s, err := Load(e.App)
	return s.Phone, err
}

func setStatusAction(e *core.RequestEvent) (any, error) {
	// The original admin also sends the bare number as the body; the path is what counts.
	status, err := compat.PathStatus(e)
	if err != nil {
		return nil, err
	}
	return nil, SetStatus(e.App, status)
}

func settingsAction(e *core.RequestEvent) (any, error) {
	return Load(e.App)
}

func updateSettingsAction(e *core.RequestEvent) (any, error) {
	var in SettingsInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return Update(e.App, in)
}
