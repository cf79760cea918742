// Package order is the heart of the shop: customers submit and pay orders, staff move them through the
// kitchen and delivery, scheduled jobs cancel unpaid and complete forgotten ones, and payments and refunds are
// recorded in the ledger. Every change of an order's status goes through the state machine in this file.
package order

import (
	"database/sql"
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// OrdersCollection and DetailsCollection hold the orders and their items.
const (
	OrdersCollection  = "orders"
	DetailsCollection = "order_details"
)

// Order statuses (docs/compat-api.md §3).
const (
	PendingPayment     = 1 // 待付款
	ToBeConfirmed      = 2 // 待接单: paid, waiting for the kitchen
	Confirmed          = 3 // 已接单
	DeliveryInProgress = 4 // 派送中
	Completed          = 5 // 已完成
	Cancelled          = 6 // 已取消
)

// Pay statuses. An order that is Cancelled and still Paid owes the customer a refund (refundIfOwed).
const (
	Unpaid   = 0
	Paid     = 1
	Refunded = 2
)

// transition is a change of status that is allowed from some statuses only.
type transition struct {
	name string
	from []int
	to   int
}

// The only ways an order's status changes.
var (
	pay            = transition{"pay", []int{PendingPayment}, ToBeConfirmed}
	confirm        = transition{"confirm", []int{ToBeConfirmed}, Confirmed}
	reject         = transition{"reject", []int{ToBeConfirmed}, Cancelled}
	staffCancel    = transition{"staff cancel", []int{PendingPayment, ToBeConfirmed, Confirmed, DeliveryInProgress}, Cancelled}
	customerCancel = transition{"customer cancel", []int{PendingPayment, ToBeConfirmed}, Cancelled}
	timeout        = transition{"timeout", []int{PendingPayment}, Cancelled}
	deliver        = transition{"delivery", []int{Confirmed}, DeliveryInProgress}
	complete       = transition{"complete", []int{DeliveryInProgress}, Completed}
	// paymentMismatch cancels an unpaid order whose payment did not match its amount; the money is given back.
	paymentMismatch = transition{"payment mismatch", []int{PendingPayment}, Cancelled}
	// choosePayOnDelivery sends an order to the kitchen unpaid: the customer pays on delivery or at the counter,
	// and completing it marks it paid (completeIn).
	choosePayOnDelivery = transition{"pay on delivery", []int{PendingPayment}, ToBeConfirmed}
)

// apply moves the order from one of t.from to t.to inside tx and then sets its other fields with set (nil: none).
// The status changes by one guarded UPDATE, so of two transitions racing for the same order (two staff clicking, a job and a
// payment) exactly one wins; moved is false when the order was in none of t.from (or does not exist).
// The fields are saved through the record, so hooks and realtime subscribers see the change after commit.
func (t transition) apply(tx core.App, orderID string, set func(*Order)) (order *Order, moved bool, err error) {
	from := make([]string, len(t.from))
	for i, s := range t.from {
		from[i] = strconv.Itoa(s)
	}
	res, err := tx.NonconcurrentDB().NewQuery(fmt.Sprintf(
		"UPDATE %s SET %s = {:to} WHERE %s = {:id} AND %s IN (%s)",
		OrdersCollection, colStatus, colID, colStatus, strings.Join(from, ","),
	)).Bind(dbx.Params{"to": t.to, "id": orderID}).Execute()
	if err != nil {
		return nil, false, fmt.Errorf("order %s: %s: %w", orderID, t.name, err)
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return nil, false, err
	}
	r, err := tx.FindRecordById(OrdersCollection, orderID)
	if err != nil {
		return nil, false, err
	}
	order = asOrder(r)
	if set != nil {
		set(order)
	}
	if err := tx.Save(order.Record); err != nil {
		return nil, false, fmt.Errorf("order %s: %s: %w", orderID, t.name, err)
	}
	return order, true, nil
}

// setPayStatus changes pay_status from one value to another with the same guard, e.g. Paid → Refunded once.
func setPayStatus(tx core.App, orderID string, from, to int) (bool, error) {
	res, err := tx.NonconcurrentDB().NewQuery(
		"UPDATE " + OrdersCollection + " SET " + colPayStatus + " = {:to} WHERE " + colID + " = {:id} AND " + colPayStatus + " = {:from}",
	).Bind(dbx.Params{"to": to, "from": from, "id": orderID}).Execute()
	if err != nil {
		return false, err
	}
	n, err := res.RowsAffected()
	if err != nil || n != 1 {
		return false, err
	}
	// Saved again through the record so that realtime subscribers of the order see the change.
	r, err := tx.FindRecordById(OrdersCollection, orderID)
	if err != nil {
		return false, err
	}
	return true, tx.Save(r)
}

// ErrNotFound is the answer for an order that does not exist or, to a customer, is someone else's.
var ErrNotFound = compat.Fail(MsgOrderNotFound)

// ErrWrongStatus is the answer for a transition the order's status does not allow.
var ErrWrongStatus = compat.Fail(MsgOrderStatusError)

// findOrder returns the order with id; with a customer id it must be theirs. Otherwise ErrNotFound.
func findOrder(app core.App, id compat.ID, customerID compat.ID) (*Order, error) {
	if id == 0 {
		return nil, ErrNotFound
	}
	r, err := app.FindRecordById(OrdersCollection, id.String())
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	o := asOrder(r)
	if customerID != 0 && o.UserID() != customerID.String() {
		return nil, ErrNotFound
	}
	return o, nil
}

// change runs t on the order with id in its own transaction, for staff (customerID 0) or for the customer who
// owns it: `订单不存在` when it is missing or someone else's, `订单状态错误` when its status does not allow t.
// before is the order as it was, after as it is now; callers use them for refunds and alerts after commit.
func change(app core.App, id, customerID compat.ID, t transition, set func(*Order)) (before, after *Order, err error) {
	return changeBy(app, id, customerID, func(tx core.App, orderID string) (*Order, bool, error) {
		return t.apply(tx, orderID, set)
	})
}

// changeBy is change with a step that applies a transition and may write more in the same transaction.
func changeBy(app core.App, id, customerID compat.ID, step func(tx core.App, orderID string) (*Order, bool, error)) (before, after *Order, err error) {
	err = app.RunInTransaction(func(tx core.App) error {
		r, err := findOrder(tx, id, customerID)
		if err != nil {
			return err
		}
		before = r
		var moved bool
		after, moved, err = step(tx, r.Id)
		if err != nil {
			return err
		}
		if !moved {
			return ErrWrongStatus
		}
		return nil
	})
	if err != nil {
		return nil, nil, err
	}
	return before, after, nil
}
