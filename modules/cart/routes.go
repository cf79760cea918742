package cart

import (
	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

func bindRoutes(se *core.ServeEvent) {
	// Every order is three or more cart requests: only their failures go to the request log (as the menu reads).
	g := se.Router.Group("/user/shoppingCart").BindFunc(auth.RequireCustomer).Bind(apis.SkipSuccessActivityLog())
	g.POST("/add", compat.Handle(addAction))
	g.GET("/list", compat.Handle(listAction))
	g.POST("/sub", compat.Handle(subAction))
	g.DELETE("/clean", compat.Handle(cleanAction))
}

// cartInput is ShoppingCartDTO.
type cartInput struct {
	DishID     compat.ID   `json:"dishId"`
	SetmealID  compat.ID   `json:"setmealId"`
	DishFlavor compat.Text `json:"dishFlavor"`
}

func (in cartInput) selector() selector {
	s := selector{dishID: in.DishID, setmealID: in.SetmealID}
	if in.DishFlavor.Valid {
		s.flavor = &in.DishFlavor.Value
	}
	return s
}

func decodeSelector(e *core.RequestEvent) (selector, error) {
	var in cartInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return selector{}, err
	}
	return in.selector(), nil
}

func addAction(e *core.RequestEvent) (any, error) {
	s, err := decodeSelector(e)
	if err != nil {
		return nil, err
	}
	return nil, add(e.App, auth.AuthID(e), s, 1)
}

func subAction(e *core.RequestEvent) (any, error) {
	s, err := decodeSelector(e)
	if err != nil {
		return nil, err
	}
	return nil, sub(e.App, auth.AuthID(e), s)
}

func listAction(e *core.RequestEvent) (any, error) {
	return Items(e.App, auth.AuthID(e))
}

func cleanAction(e *core.RequestEvent) (any, error) {
	return nil, Clear(e.App, auth.AuthID(e))
}
