package order

import (
	"fmt"
	"reflect"
	"slices"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// The order rules hold from PocketBase's own record API too: the dashboard at /_/ (a superuser) sends
// PATCH /api/collections/orders/records/{id} with the whole form, and the batch API the same per record.
// Request hooks fire only for those API requests; the state machine's own saves (app.Save) never pass here.
//
//   - A change of status runs the staff step of the state machine that goes from the old status to the new one
//     (2→3 confirm, 3→4 delivery, 4→5 complete, →6 cancel or, from 2 with a rejection reason, reject), with its
//     timestamps, refund and ledger; any other change of status is refused with the steps that are possible.
//     Payment (1→2) is only ever confirmed by the payment provider. In a batch a status change is refused: a
//     refund would call the provider while the batch's transaction holds the database.
//   - What the order was sold for and how it was paid never changes (frozenOrderFields).
//   - Orders, their items and payments are never created through the API, items and payments never changed
//     or deleted; an order may be deleted only when it was cancelled without ever being paid (a test order).

// frozenOrderFields are set when the order is placed, paid or moved, and never by hand.
var frozenOrderFields = []string{
	colNumber, colUser, colAddressBook, colOrderTime, colCheckoutTime, colPayMethod, colPayStatus, colAmount,
	colPackAmount, colDeliveryFee, colCancelTime, colDeliveryTime, colCreated,
}

// StatusLabels are the words the original admin shows for each status (the dashboard's messages and its order
// overview use them).
var StatusLabels = map[int]string{
	PendingPayment: "待付款", ToBeConfirmed: "待接单", Confirmed: "待派送", DeliveryInProgress: "派送中",
	Completed: "已完成", Cancelled: "已取消",
}

func statusLabel(s int) string {
	if l, ok := StatusLabels[s]; ok {
		return fmt.Sprintf("%d %s", s, l)
	}
	return fmt.Sprint(s)
}

func bindRecordAPIRules(app core.App) {
	app.OnRecordUpdateRequest(OrdersCollection).BindFunc(updateOrderByAPI)
	app.OnRecordDeleteRequest(OrdersCollection).BindFunc(deleteOrderByAPI)
	app.OnRecordCreateRequest(OrdersCollection, DetailsCollection, paymentsCollection).BindFunc(func(e *core.RecordRequestEvent) error {
		return compat.FieldError("", MsgRecordAPICreateRefused)
	})
	app.OnRecordUpdateRequest(DetailsCollection, paymentsCollection).BindFunc(func(e *core.RecordRequestEvent) error {
		return compat.FieldError("", MsgRecordAPIHistoryRefused)
	})
	app.OnRecordDeleteRequest(DetailsCollection, paymentsCollection).BindFunc(func(e *core.RecordRequestEvent) error {
		return compat.FieldError("", MsgRecordAPIHistoryRefused)
	})
}

const paymentsCollection = "payments"

func updateOrderByAPI(e *core.RecordRequestEvent) error {
	before := asOrder(e.Record.Original())
	changed := changedFields(e.Record)
	for _, f := range changed {
		if slices.Contains(frozenOrderFields, f) {
			return compat.FieldError(f, fmt.Sprintf(MsgOrderFieldFrozenFormat, f))
		}
	}
	if !slices.Contains(changed, colStatus) {
		return e.Next()
	}
	from, to := before.Status(), e.Record.GetInt(colStatus)
	step := apiStep(from, to, slices.Contains(changed, colRejectionReason))
	if step == nil {
		return compat.FieldError(colStatus, fmt.Sprintf(MsgStatusChangeRefusedFormat, statusLabel(from), statusLabel(to), possibleSteps(from)))
	}
	if e.App.IsTransactional() {
		return compat.FieldError(colStatus, MsgStatusChangeInBatch)
	}
	// The step commits on its own; the rest of the form is saved after it. So the form is checked first: a
	// field it cannot save refuses the whole edit before the order has moved.
	if err := e.App.Validate(e.Record); err != nil {
		return err
	}
	id := compat.ParseID(e.Record.Id)
	if err := step(e.App, id, e.Record); err != nil {
		return compat.FieldError(colStatus, compat.MessageOf(err))
	}
	e.App.Logger().Info("order moved from the dashboard", "order", before.Number(), "from", from, "to", to,
		"by", actor(e.RequestEvent))
	// The step saved the order; what else the form changed (a remark, a phone, a reason the step did not take)
	// is saved on top of that.
	now, err := e.App.FindRecordById(OrdersCollection, e.Record.Id)
	if err != nil {
		return err
	}
	for _, f := range changed {
		if f != colStatus {
			now.Set(f, e.Record.Get(f))
		}
	}
	e.Record = now
	return e.Next()
}

// apiStep is the staff step from one status to another, run with the reasons of the submitted record.
func apiStep(from, to int, rejecting bool) func(app core.App, id compat.ID, r *core.Record) error {
	if to == Cancelled && rejecting && slices.Contains(reject.from, from) {
		return func(app core.App, id compat.ID, r *core.Record) error {
			return Reject(app, id, strings.TrimSpace(r.GetString(colRejectionReason)))
		}
	}
	for _, a := range staffActions {
		if a.t.to != to || !slices.Contains(a.t.from, from) || a.t.name == reject.name {
			continue
		}
		switch a.t.name {
		case confirm.name:
			return func(app core.App, id compat.ID, _ *core.Record) error { return Confirm(app, id) }
		case deliver.name:
			return func(app core.App, id compat.ID, _ *core.Record) error { return Deliver(app, id) }
		case complete.name:
			return func(app core.App, id compat.ID, _ *core.Record) error { return CompleteOrder(app, id) }
		case staffCancel.name:
			return func(app core.App, id compat.ID, r *core.Record) error {
				return CancelByStaff(app, id, strings.TrimSpace(r.GetString(colCancelReason)))
			}
		}
	}
	return nil
}

// possibleSteps names the statuses an order in status from may be moved to from the dashboard.
func possibleSteps(from int) string {
	var to []int
	for _, a := range staffActions {
		if slices.Contains(a.t.from, from) && !slices.Contains(to, a.t.to) {
			to = append(to, a.t.to)
		}
	}
	if len(to) == 0 {
		return "无（订单已结束）"
	}
	names := make([]string, len(to))
	for i, s := range to {
		names[i] = statusLabel(s)
	}
	return strings.Join(names, "、")
}

func deleteOrderByAPI(e *core.RecordRequestEvent) error {
	o := asOrder(e.Record)
	if o.Status() != Cancelled || o.PayStatus() != Unpaid {
		return compat.FieldError("", MsgOrderDeleteRefused)
	}
	e.App.Logger().Info("order deleted from the dashboard", "order", o.Number(), "by", actor(e.RequestEvent))
	return e.Next()
}

// changedFields names the fields whose submitted value differs from the stored one. The dashboard sends every
// field of its form, so what was sent says nothing; what differs does.
func changedFields(r *core.Record) []string {
	var out []string
	orig := r.Original()
	for _, f := range r.Collection().Fields {
		name := f.GetName()
		if name == colUpdated {
			continue
		}
		if !reflect.DeepEqual(r.GetRaw(name), orig.GetRaw(name)) {
			out = append(out, name)
		}
	}
	return out
}

// actor names who sent an API request, for the log: a superuser's email or an employee's username.
func actor(e *core.RequestEvent) string {
	switch {
	case e.Auth == nil:
		return ""
	case e.Auth.IsSuperuser():
		return "superuser " + e.Auth.Email()
	default:
		return e.Auth.Collection().Name + " " + e.Auth.GetString("username") + " " + e.Auth.Id
	}
}
