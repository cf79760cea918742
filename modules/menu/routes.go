package menu

import (
	"net/http"
	"strings"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

func bindRoutes(se *core.ServeEvent) {
	// Managers edit the menu; staff read it and put dishes and set meals on and off sale.
	categories := se.Router.Group("/admin/category").BindFunc(auth.RequireManager)
	categories.POST("", compat.Handle(addCategoryAction))
	categories.PUT("", compat.Handle(updateCategoryAction))
	categories.DELETE("", compat.Handle(deleteCategoryAction))
	categories.POST("/status/{status}", compat.Handle(categoryStatusAction))
	categoryReads := se.Router.Group("/admin/category").BindFunc(auth.RequireEmployee)
	categoryReads.GET("/page", compat.Handle(pageCategoriesAction))
	categoryReads.GET("/list", compat.Handle(listCategoriesAction))

	dishes := se.Router.Group("/admin/dish").BindFunc(auth.RequireManager)
	dishes.POST("", compat.Handle(addDishAction))
	dishes.PUT("", compat.Handle(updateDishAction))
	dishes.DELETE("", compat.Handle(deleteDishesAction))
	dishSales := se.Router.Group("/admin/dish").BindFunc(auth.RequireEmployee)
	dishSales.GET("/page", compat.Handle(pageDishesAction))
	dishSales.GET("/list", compat.Handle(listDishesAction))
	dishSales.POST("/status/{status}", compat.Handle(saleStatusAction(dishesCollection, MsgDishNotFound)))
	dishSales.GET("/{id}", compat.Handle(getDishAction))

	setmeals := se.Router.Group("/admin/setmeal").BindFunc(auth.RequireManager)
	setmeals.POST("", compat.Handle(addSetmealAction))
	setmeals.PUT("", compat.Handle(updateSetmealAction))
	setmeals.DELETE("", compat.Handle(deleteSetmealsAction))
	setmealSales := se.Router.Group("/admin/setmeal").BindFunc(auth.RequireEmployee)
	setmealSales.GET("/page", compat.Handle(pageSetmealsAction))
	setmealSales.POST("/status/{status}", compat.Handle(saleStatusAction(setmealsCollection, MsgSetmealNotFound)))
	setmealSales.GET("/{id}", compat.Handle(getSetmealAction))

	// The menu reads are most of the mini-program's traffic: a request log row each would cost more than
	// serving them, so only their failures are logged.
	se.Router.Group("/user/category").BindFunc(auth.RequireCustomer).
		GET("/list", cachedBody(customerCategoriesBody)).Bind(apis.SkipSuccessActivityLog())
	se.Router.Group("/user/dish").BindFunc(auth.RequireCustomer).
		GET("/list", cachedBody(customerDishesBody)).Bind(apis.SkipSuccessActivityLog())
	customerSetmealRoutes := se.Router.Group("/user/setmeal").BindFunc(auth.RequireCustomer)
	customerSetmealRoutes.GET("/list", cachedBody(customerSetmealsBody)).Bind(apis.SkipSuccessActivityLog())
	customerSetmealRoutes.GET("/dish/{id}", compat.Handle(setmealDishItemsAction))
}

// optionalQueryID reads an id filter: empty means no filter, anything else must be an id.
func optionalQueryID(e *core.RequestEvent, name string) (compat.ID, error) {
	if strings.TrimSpace(compat.Query(e, name)) == "" {
		return 0, nil
	}
	return compat.QueryID(e, name)
}

// ---- categories ----

func addCategoryAction(e *core.RequestEvent) (any, error) {
	var in CategoryInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	_, err := addCategory(e.App, auth.AuthID(e), in)
	return nil, err
}

func updateCategoryAction(e *core.RequestEvent) (any, error) {
	var in CategoryInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return nil, updateCategory(e.App, auth.AuthID(e), in)
}

func deleteCategoryAction(e *core.RequestEvent) (any, error) {
	id, err := compat.QueryID(e, "id")
	if err != nil {
		return nil, err
	}
	return nil, deleteCategory(e.App, id)
}

func pageCategoriesAction(e *core.RequestEvent) (any, error) {
	page, err := compat.QueryPage(e)
	if err != nil {
		return nil, err
	}
	categoryType, err := compat.QueryInt(e, "type")
	if err != nil {
		return nil, err
	}
	return pageCategories(e.App, categoryFilter{Name: compat.Query(e, "name"), Type: categoryType}, page)
}

func listCategoriesAction(e *core.RequestEvent) (any, error) {
	categoryType, err := compat.QueryInt(e, "type")
	if err != nil {
		return nil, err
	}
	return listCategories(e.App, categoryType)
}

func categoryStatusAction(e *core.RequestEvent) (any, error) {
	status, err := compat.PathStatus(e)
	if err != nil {
		return nil, err
	}
	id, err := compat.QueryID(e, "id")
	if err != nil {
		return nil, err
	}
	return nil, setCategoryStatus(e.App, auth.AuthID(e), id, status)
}

// ---- dishes ----

func addDishAction(e *core.RequestEvent) (any, error) {
	var in DishInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	_, err := addDish(e.App, auth.AuthID(e), in)
	return nil, err
}

func updateDishAction(e *core.RequestEvent) (any, error) {
	var in DishInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return nil, updateDish(e.App, auth.AuthID(e), in)
}

func deleteDishesAction(e *core.RequestEvent) (any, error) {
	ids, err := compat.QueryIDs(e, "ids")
	if err != nil {
		return nil, err
	}
	return nil, deleteDishes(e.App, ids)
}

// queryItemPage reads the paging and filters of the dish and set meal pages.
func queryItemPage(e *core.RequestEvent) (compat.Page, itemFilter, error) {
	page, err := compat.QueryPage(e)
	if err != nil {
		return page, itemFilter{}, err
	}
	categoryID, err := optionalQueryID(e, "categoryId")
	if err != nil {
		return page, itemFilter{}, err
	}
	status, err := compat.QueryInt(e, "status")
	if err != nil {
		return page, itemFilter{}, err
	}
	return page, itemFilter{Name: compat.Query(e, "name"), CategoryID: categoryID, Status: status}, nil
}

func pageDishesAction(e *core.RequestEvent) (any, error) {
	page, f, err := queryItemPage(e)
	if err != nil {
		return nil, err
	}
	return pageDishes(e.App, f, page)
}

func listDishesAction(e *core.RequestEvent) (any, error) {
	categoryID, err := optionalQueryID(e, "categoryId")
	if err != nil {
		return nil, err
	}
	return listDishes(e.App, categoryID, compat.Query(e, "name"))
}

// dishStatusAction takes one id, or the comma list the admin front end's batch button sends.

func getDishAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	return getDish(e.App, id)
}

// ---- set meals ----

func addSetmealAction(e *core.RequestEvent) (any, error) {
	var in SetmealInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	_, err := addSetmeal(e.App, auth.AuthID(e), in)
	return nil, err
}

func updateSetmealAction(e *core.RequestEvent) (any, error) {
	var in SetmealInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return nil, updateSetmeal(e.App, auth.AuthID(e), in)
}

func deleteSetmealsAction(e *core.RequestEvent) (any, error) {
	ids, err := compat.QueryIDs(e, "ids")
	if err != nil {
		return nil, err
	}
	return nil, deleteSetmeals(e.App, ids)
}

func pageSetmealsAction(e *core.RequestEvent) (any, error) {
	page, f, err := queryItemPage(e)
	if err != nil {
		return nil, err
	}
	return pageSetmeals(e.App, f, page)
}

// setmealStatusAction takes one id, or a comma list like the dish route.

func getSetmealAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	return getSetmeal(e.App, id)
}

// ---- the customer's menu ----

// cachedBody answers with the cached response bytes of a menu list, skipping a JSON encoding per request.
func cachedBody(read func(e *core.RequestEvent) ([]byte, error)) func(e *core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		body, err := read(e)
		if err != nil {
			return compat.WriteError(e, err)
		}
		return e.Blob(http.StatusOK, "application/json", body)
	}
}

func customerCategoriesBody(e *core.RequestEvent) ([]byte, error) {
	categoryType, err := compat.QueryInt(e, "type")
	if err != nil {
		return nil, err
	}
	_, body, err := customerCategories(e.App, categoryType)
	return body, err
}

func customerDishesBody(e *core.RequestEvent) ([]byte, error) {
	categoryID, err := compat.QueryID(e, "categoryId")
	if err != nil {
		return nil, err
	}
	_, body, err := customerDishes(e.App, categoryID)
	return body, err
}

func customerSetmealsBody(e *core.RequestEvent) ([]byte, error) {
	categoryID, err := compat.QueryID(e, "categoryId")
	if err != nil {
		return nil, err
	}
	_, body, err := customerSetmeals(e.App, categoryID)
	return body, err
}

func setmealDishItemsAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	return setmealDishItems(e.App, id)
}

// saleStatusAction is POST /admin/dish/status/{status}?id=… and its set meal twin.
func saleStatusAction(collection, notFound string) compat.Action {
	return func(e *core.RequestEvent) (any, error) {
		status, err := compat.PathStatus(e)
		if err != nil {
			return nil, err
		}
		ids, err := compat.QueryIDs(e, "id")
		if err != nil {
			return nil, err
		}
		return nil, setSaleStatus(e.App, collection, notFound, auth.AuthID(e), ids, status)
	}
}
