package order

import (
	"fmt"
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

func bindRoutes(se *core.ServeEvent) {
	// A customer's orders and payments are on record in orders and payments; a request log row for each success
	// would only repeat them, on the busiest routes. Failures are still logged; staff actions are logged in full.
	u := se.Router.Group("/user/order").BindFunc(auth.RequireCustomer).Bind(apis.SkipSuccessActivityLog())
	u.POST("/submit", compat.Handle(submitAction))
	u.PUT("/payment", compat.Handle(paymentAction))
	u.GET("/historyOrders", compat.Handle(historyAction))
	u.GET("/orderDetail/{id}", compat.Handle(customerDetailAction))
	u.PUT("/cancel/{id}", compat.Handle(customerCancelAction))
	u.POST("/repetition/{id}", repetitionAction)
	u.GET("/reminder/{id}", compat.Handle(reminderAction))
	u.GET("/quote", compat.Handle(quoteAction)) // ours, for the storefront's checkout

	// Ours: the storefront reads it before the customer signs in.
	se.Router.GET("/user/shop/info", compat.Handle(func(e *core.RequestEvent) (any, error) { return Info(e.App) }))

	a := se.Router.Group("/admin/order").BindFunc(auth.RequireEmployee)
	a.GET("/conditionSearch", compat.Handle(searchAction))
	a.GET("/statistics", compat.Handle(func(e *core.RequestEvent) (any, error) { return Count(e.App) }))
	a.GET("/details/{id}", compat.Handle(staffDetailAction))
	a.GET("/actions", compat.Handle(func(e *core.RequestEvent) (any, error) { return StaffActionsByStatus(), nil })) // ours, for the console
	a.PUT("/confirm", compat.Handle(confirmAction))
	a.PUT("/rejection", compat.Handle(rejectAction))
	a.PUT("/cancel", compat.Handle(staffCancelAction))
	a.PUT("/delivery/{id}", compat.Handle(pathAction(Deliver)))
	a.PUT("/complete/{id}", compat.Handle(pathAction(CompleteOrder)))
}

// ---- customer ----

func submitAction(e *core.RequestEvent) (any, error) {
	var in SubmitInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	in.Channel = channelOf(e.Auth)
	return Submit(e.App, auth.AuthID(e), in)
}

func quoteAction(e *core.RequestEvent) (any, error) {
	return QuoteCart(e.App, auth.AuthID(e), compat.Query(e, "tableNo"))
}

func paymentAction(e *core.RequestEvent) (any, error) {
	var in PayInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return nil, err
	}
	return Pay(e.Request.Context(), e.App, auth.AuthID(e), in)
}

func historyAction(e *core.RequestEvent) (any, error) {
	page, err := compat.QueryPage(e)
	if err != nil {
		return nil, err
	}
	status, err := compat.QueryInt(e, "status") // the mini-program sends `status=` for all
	if err != nil {
		return nil, err
	}
	return History(e.App, auth.AuthID(e), page, status)
}

func customerDetailAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	return Find(e.App, id, auth.AuthID(e))
}

func customerCancelAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	return nil, CancelByCustomer(e.App, auth.AuthID(e), id)
}

// repetitionAction answers code 1 even when some items were skipped, naming them in msg.
func repetitionAction(e *core.RequestEvent) error {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return compat.WriteError(e, err)
	}
	skipped, err := Repeat(e.App, auth.AuthID(e), id)
	if err != nil {
		return compat.WriteError(e, err)
	}
	var msg *string
	if len(skipped) > 0 {
		m := fmt.Sprintf(MsgRepetitionSkippedFormat, strings.Join(skipped, "、"))
		msg = &m
	}
	return e.JSON(http.StatusOK, compat.Result{Code: 1, Msg: msg})
}

func reminderAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	return nil, Remind(e.App, auth.AuthID(e), id)
}

// ---- staff ----

func searchAction(e *core.RequestEvent) (any, error) {
	page, err := compat.QueryPage(e)
	if err != nil {
		return nil, err
	}
	f := SearchFilter{Number: strings.TrimSpace(compat.Query(e, "number")), Phone: strings.TrimSpace(compat.Query(e, "phone"))}
	if f.Status, err = compat.QueryInt(e, "status"); err != nil {
		return nil, err
	}
	if f.Begin, err = queryTime(e, "beginTime"); err != nil {
		return nil, err
	}
	if f.End, err = queryTime(e, "endTime"); err != nil {
		return nil, err
	}
	return Search(e.App, f, page)
}

// queryTime reads a `yyyy-MM-dd HH:mm:ss` query parameter in the shop's time zone; empty is the zero time.
func queryTime(e *core.RequestEvent, name string) (time.Time, error) {
	s := strings.TrimSpace(compat.Query(e, name))
	if s == "" {
		return time.Time{}, nil
	}
	t, err := compat.ParseTime(s)
	if err != nil {
		return time.Time{}, compat.Failf(MsgTimeParamInvalidFormat, name)
	}
	return t, nil
}

func staffDetailAction(e *core.RequestEvent) (any, error) {
	id, err := compat.PathID(e, "id")
	if err != nil {
		return nil, err
	}
	return Find(e.App, id, 0)
}

// staffInput is OrdersConfirmDTO, OrdersRejectionDTO and OrdersCancelDTO; confirm's status is ignored.
type staffInput struct {
	ID              compat.ID   `json:"id"`
	RejectionReason compat.Text `json:"rejectionReason"`
	CancelReason    compat.Text `json:"cancelReason"`
}

func decodeStaffInput(e *core.RequestEvent) (staffInput, error) {
	var in staffInput
	if err := compat.DecodeBody(e, &in); err != nil {
		return in, err
	}
	if in.ID == 0 {
		return in, compat.Fail(compat.MsgIDRequired)
	}
	return in, nil
}

func confirmAction(e *core.RequestEvent) (any, error) {
	in, err := decodeStaffInput(e)
	if err != nil {
		return nil, err
	}
	return nil, Confirm(e.App, in.ID)
}

func rejectAction(e *core.RequestEvent) (any, error) {
	in, err := decodeStaffInput(e)
	if err != nil {
		return nil, err
	}
	return nil, Reject(e.App, in.ID, strings.TrimSpace(in.RejectionReason.Value))
}

func staffCancelAction(e *core.RequestEvent) (any, error) {
	in, err := decodeStaffInput(e)
	if err != nil {
		return nil, err
	}
	return nil, CancelByStaff(e.App, in.ID, strings.TrimSpace(in.CancelReason.Value))
}

// pathAction adapts a staff step on the order of the path's id.
func pathAction(step func(core.App, compat.ID) error) compat.Action {
	return func(e *core.RequestEvent) (any, error) {
		id, err := compat.PathID(e, "id")
		if err != nil {
			return nil, err
		}
		return nil, step(e.App, id)
	}
}
