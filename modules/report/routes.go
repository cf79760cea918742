package report

import (
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

func bindRoutes(se *core.ServeEvent) {
	// Reports and the export are the managers'; the workspace (today at a glance) is everyone's.
	r := se.Router.Group("/admin/report").BindFunc(auth.RequireManager)
	r.GET("/turnoverStatistics", compat.Handle(periodAction(Turnover)))
	r.GET("/userStatistics", compat.Handle(periodAction(Users)))
	r.GET("/ordersStatistics", compat.Handle(periodAction(Orders)))
	r.GET("/top10", compat.Handle(periodAction(Top10)))
	r.GET("/export", exportHandler)

	w := se.Router.Group("/admin/workspace").BindFunc(auth.RequireEmployee)
	w.GET("/businessData", compat.Handle(appAction(BusinessToday)))
	w.GET("/overviewOrders", compat.Handle(appAction(OrdersOverview)))
	w.GET("/overviewDishes", compat.Handle(appAction(DishesOverview)))
	w.GET("/overviewSetmeals", compat.Handle(appAction(SetmealsOverview)))
}

// periodAction adapts a report of the begin..end query period.
func periodAction[T any](report func(core.App, Period) (T, error)) compat.Action {
	return func(e *core.RequestEvent) (any, error) {
		p, err := ParsePeriod(compat.Query(e, "begin"), compat.Query(e, "end"))
		if err != nil {
			return nil, err
		}
		return report(e.App, p)
	}
}

func appAction[T any](figures func(core.App) (T, error)) compat.Action {
	return func(e *core.RequestEvent) (any, error) { return figures(e.App) }
}

// exportHandler answers the workbook's raw bytes, no envelope; a failure before any byte is written is a
// code 0 envelope like every other route.
func exportHandler(e *core.RequestEvent) error {
	b, err := ExportWorkbook(e.App)
	if err != nil {
		return compat.WriteError(e, err)
	}
	e.Response.Header().Set("Content-Disposition", ExportContentDisposition())
	e.Response.Header().Set("Cache-Control", "no-store")
	return e.Blob(http.StatusOK, XLSXContentType, b)
}
