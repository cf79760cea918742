package customer

import (
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/wechat"
)

func bindRoutes(se *core.ServeEvent, sessions wechat.Sessions, newCustomers *newCustomerLimit) {
	se.Router.POST("/user/user/login", compat.Handle(func(e *core.RequestEvent) (any, error) {
		var in struct {
			Code compat.Text `json:"code"`
		}
		if err := compat.DecodeBody(e, &in); err != nil {
			return nil, err
		}
		return Login(e.Request.Context(), e.App, sessions, in.Code.Value)
	}))
	se.Router.POST("/user/user/browser-login", compat.Handle(func(e *core.RequestEvent) (any, error) {
		var in struct {
			DeviceKey compat.Text `json:"deviceKey"`
		}
		if err := compat.DecodeBody(e, &in); err != nil {
			return nil, err
		}
		return BrowserLogin(e.App, newCustomers, e.RealIP(), in.DeviceKey.Value)
	}))

	g := se.Router.Group("/user/addressBook").BindFunc(auth.RequireCustomer)
	g.GET("/list", compat.Handle(listAction))
	g.POST("", compat.Handle(addAction))
	g.PUT("", compat.Handle(updateAction))
	g.GET("/default", compat.Handle(defaultAction))
	g.PUT("/default", compat.Handle(setDefaultAction))
	g.GET("/{id}", compat.Handle(getAction))
	g.DELETE("", compat.Handle(deleteAction))
	// The mini-program deletes with `DELETE /user/addressBook/?id=N`.
	g.DELETE("/{$}", compat.Handle(deleteAction))
}

func listAction(e *core.RequestEvent) (any, error) {
	return listAddresses(e.App, auth.AuthID(e))
}

func addAction(e *core.RequestEvent) (any, error) {
	var in AddressInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	_, err := addAddress(e.App, auth.AuthID(e), in)
	return nil, err
}

func updateAction(e *core.RequestEvent) (any, error) {
	var in AddressInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return nil, updateAddress(e.App, auth.AuthID(e), in)
}

func defaultAction(e *core.RequestEvent) (any, error) {
	return defaultAddress(e.App, auth.AuthID(e))
}

func setDefaultAction(e *core.RequestEvent) (any, error) {
	var in struct {
		ID compat.ID `json:"id"`
	}
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return nil, setDefaultAddress(e.App, auth.AuthID(e), in.ID)
}

func getAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	r, err := FindOwnAddress(e.App, auth.AuthID(e), id)
	if err != nil {
		return nil, err
	}
	return AddressOf(r), nil
}

// deleteAction reads the id from the query string, as the original does, or else from the body, which the
// mini-program sends as well.
func deleteAction(e *core.RequestEvent) (any, error) {
	var id compat.ID
	if strings.TrimSpace(compat.Query(e, "id")) != "" {
		var err error
		if id, err = compat.QueryID(e, "id"); err != nil {
			return nil, err
		}
	} else {
		var in struct {
			ID compat.ID `json:"id"`
		}
		if err := compat.DecodeBody(e, &in); err != nil {
			return nil, err
		}
		if in.ID == 0 {
			return nil, compat.Fail(MsgAddressIDRequired)
		}
		id = in.ID
	}
	return nil, deleteAddress(e.App, auth.AuthID(e), id)
}
