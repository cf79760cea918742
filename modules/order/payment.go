package order

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/alert"
	"myrestaurant/modules/appstate"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/shop"
)

// The glue between orders and the payment module: opening a payment, marking an order paid when the money
// arrives (callback, mock or reconciliation), and giving money back for cancelled orders.

const providerKey = appstate.OrderProvider

// providerOf is the payment provider Register was given, or nil when payments are not configured.
func providerOf(app core.App) payment.Provider {
	p, _ := app.Store().Get(providerKey).(payment.Provider)
	return p
}

// refundTimeout bounds one refund request to the provider.
const refundTimeout = 30 * time.Second

// PayInput is the OrdersPaymentDTO of the contract.
type PayInput struct {
	OrderNumber compat.Text `json:"orderNumber"`
	PayMethod   compat.Int  `json:"payMethod"`
}

// Pay opens the payment of the customer's order for its real amount and returns what the mini-program passes
// to wx.requestPayment; a customer without an openid (the storefront's) gets a Native payment's codeUrl instead.
// The order must be the customer's and wait for payment. With the mock provider the money is taken at once and
// the order is marked paid exactly as a callback would. Pay method 3 sends the order to the kitchen to be paid on
// delivery (payOnDelivery), with or without an online provider.
func Pay(ctx context.Context, app core.App, userID compat.ID, in PayInput) (payment.ClientParams, error) {
	provider := providerOf(app)
	if provider == nil && in.PayMethod.Value != PayOnDelivery {
		return payment.ClientParams{}, compat.Fail(MsgPaymentUnavailable)
	}
	number := strings.TrimSpace(in.OrderNumber.Value)
	if number == "" {
		return payment.ClientParams{}, compat.Fail(MsgOrderNumberRequired)
	}
	if v := in.PayMethod.Value; in.PayMethod.Valid && v != PayWeChat && v != PayAlipay && v != PayOnDelivery {
		return payment.ClientParams{}, compat.Fail(MsgPayMethodInvalid)
	}
	order, err := findByNumber(app, number)
	if err != nil {
		return payment.ClientParams{}, err
	}
	if order.UserID() != userID.String() {
		return payment.ClientParams{}, ErrNotFound
	}
	if order.PayStatus() == Paid {
		return payment.ClientParams{}, compat.Fail(MsgOrderPaid)
	}
	if order.Status() == Cancelled && order.CancelReason() == TimeoutReason {
		return payment.ClientParams{}, compat.Fail(MsgPaymentExpired)
	}
	if order.Status() != PendingPayment || order.PayStatus() != Unpaid {
		return payment.ClientParams{}, ErrWrongStatus
	}
	if deadline := paymentDeadline(order); !clock.Now(app).Before(deadline) {
		return payment.ClientParams{}, expire(app, order)
	}
	if in.PayMethod.Value == PayOnDelivery {
		return payment.ClientParams{}, payOnDelivery(app, userID, order)
	}
	user, err := app.FindRecordById(auth.UsersCollection, userID.String())
	if err != nil {
		return payment.ClientParams{}, err
	}
	description := "外卖订单"
	if s, err := shop.Load(app); err == nil && s.Name != "" {
		description = truncate(s.Name, 100) + "订单"
	}
	amount := order.Amount()
	// Noted before asking the provider, so reconciliation finds a payment whose callback never arrives.
	err = app.RunInTransaction(func(tx core.App) error {
		return payment.RecordPrepay(tx, payment.Entry{OrderID: order.Id, Provider: provider.Name(), OutNo: number, Amount: amount})
	})
	if err != nil {
		return payment.ClientParams{}, err
	}
	params, err := provider.Prepay(ctx, payment.Order{OutTradeNo: number, Amount: amount, Description: description,
		OpenID: user.GetString("openid"), Native: user.GetString("openid") == "", Expires: paymentDeadline(order)})
	if errors.Is(err, payment.ErrOrderPaid) {
		return payment.ClientParams{}, compat.Fail(MsgOrderPaid)
	}
	if err != nil {
		app.Logger().Error("prepay failed", "order", number, "provider", provider.Name(), "error", err)
		return payment.ClientParams{}, compat.Fail(MsgPaymentFailed)
	}
	if params.PaidNow {
		if _, err := markPaid(app, params.Paid); err != nil {
			return payment.ClientParams{}, err
		}
	}
	return params, nil
}

// findByNumber returns the order with the number, or ErrNotFound.
func findByNumber(app core.App, number string) (*Order, error) {
	r, err := app.FindFirstRecordByData(OrdersCollection, colNumber, number)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, ErrNotFound
	}
	if err != nil {
		return nil, err
	}
	return asOrder(r), nil
}

// markPaid handles a confirmed payment, from the pay callback, the mock provider or reconciliation. In one
// transaction it records the payment in the ledger, once per provider transaction id (a repeated or concurrent
// call changes nothing), and moves the order from 待付款 to 待接单. Money that arrives for an order already
// cancelled (the 15-minute timeout won the race) or of the wrong amount is kept on record and refunded. After
// commit the new-order alert is raised, only by the call that moved the order. moved says whether it did.
func markPaid(app core.App, n payment.Notification) (moved bool, err error) {
	var order *Order
	err = app.RunInTransaction(func(tx core.App) error {
		o, err := findByNumber(tx, n.OutTradeNo)
		if err != nil {
			return fmt.Errorf("payment %s for unknown order %q: %w", n.TransactionID, n.OutTradeNo, err)
		}
		order = o
		created, err := payment.RecordPayment(tx, payment.Entry{OrderID: o.Id, Provider: n.Provider, OutNo: n.OutTradeNo,
			TransactionID: n.TransactionID, Amount: n.Amount, Raw: n.Raw})
		if err != nil || !created {
			return err
		}
		now := clock.Now(tx)
		amountOK := n.Amount == o.Amount()
		if o.Status() == PendingPayment && !now.Before(paymentDeadline(o)) {
			// Too late: the order is cancelled as the time-out job would have, and the money is given back below.
			if _, _, err := timeout.apply(tx, o.Id, timeoutFields(now)); err != nil {
				return err
			}
			_, err := setPayStatus(tx, o.Id, Unpaid, Paid)
			return err
		}
		switch {
		case o.Status() == PendingPayment && amountOK:
			paidOrder, ok, err := pay.apply(tx, o.Id, func(o *Order) {
				o.SetPayStatus(Paid)
				o.SetCheckoutTime(now)
				if o.PayMethod() == PayOnDelivery { // submitted for pay on delivery, then paid online after all
					o.SetPayMethod(PayWeChat)
				}
			})
			if ok {
				order, moved = paidOrder, true
				order, err = acceptIfBusy(tx, order)
			}
			return err
		case o.PayStatus() == Unpaid:
			if !amountOK {
				tx.Logger().Error("payment amount differs from the order's; refunding it", "order", n.OutTradeNo,
					"paid", n.Amount, "amount", o.Amount())
				if _, _, err := paymentMismatch.apply(tx, o.Id, func(o *Order) {
					o.SetCancelReason("支付金额与订单金额不符，已自动退款")
					o.SetCancelTime(now)
				}); err != nil {
					return err
				}
			}
			// Cancelled before the money came: paid now, and owed back (refundIfOwed after commit).
			_, err := setPayStatus(tx, o.Id, Unpaid, Paid)
			return err
		default:
			tx.Logger().Error("a second payment for an order already paid; refund it by hand in the merchant platform",
				"order", n.OutTradeNo, "transaction", n.TransactionID, "amount", n.Amount)
			return nil
		}
	})
	if err != nil {
		return false, err
	}
	if moved {
		if err := alert.Raise(app, alert.NewOrder, compat.ParseID(order.Id), order.Number()); err != nil {
			app.Logger().Error("new-order alert failed", "order", order.Number(), "error", err)
		}
	}
	return moved, refundIfOwed(app, order.Id)
}

// refundIfOwed gives the money of a cancelled, paid order back through the provider that took it, records the
// refund in the ledger and marks the order refunded. The provider is asked outside any transaction (it may be a
// slow network call); asking twice is harmless because the refund number is the order number, which providers
// refund once. A refund that fails leaves the order cancelled and paid, and reconciliation asks again.
func refundIfOwed(app core.App, orderID string) error {
	r, err := app.FindRecordById(OrdersCollection, orderID)
	if err != nil {
		return err
	}
	o := asOrder(r)
	if o.Status() != Cancelled || o.PayStatus() != Paid {
		return nil
	}
	number := o.Number()
	provider := providerOf(app)
	providerName, amount := "", o.Amount()
	if provider != nil {
		providerName = provider.Name()
	}
	paid, err := payment.SucceededPayment(app, o.Id)
	if err != nil {
		return err
	}
	if paid != nil {
		providerName, amount = paid.GetString("provider"), int64(paid.GetInt("amount"))
	}
	if amount <= 0 {
		return app.RunInTransaction(func(tx core.App) error {
			_, err := setPayStatus(tx, o.Id, Paid, Refunded)
			return err
		})
	}
	if provider == nil || provider.Name() != providerName {
		return fmt.Errorf("order %s: a refund is owed through %q, which is not the configured provider", number, providerName)
	}
	reason := o.RejectionReason()
	if reason == "" {
		reason = o.CancelReason()
	}
	ctx, cancel := context.WithTimeout(context.Background(), refundTimeout)
	defer cancel()
	res, err := provider.Refund(ctx, payment.Refund{OutTradeNo: number, OutRefundNo: number, Amount: amount,
		Total: amount, Reason: truncate(reason, 80)})
	if err != nil {
		return fmt.Errorf("order %s: refund: %w", number, err)
	}
	state := payment.RefundLedgerState(res.Status)
	err = app.RunInTransaction(func(tx core.App) error {
		if _, err := payment.RecordRefund(tx, payment.Entry{OrderID: o.Id, Provider: res.Provider, OutNo: res.OutRefundNo,
			TransactionID: res.RefundID, Amount: res.Amount, State: state, Raw: res.Raw}); err != nil {
			return err
		}
		if state == payment.StateFailed {
			return nil
		}
		_, err := setPayStatus(tx, o.Id, Paid, Refunded)
		return err
	})
	if err == nil && state == payment.StateFailed {
		err = fmt.Errorf("order %s: the provider refused the refund (%s); refund it by hand", number, res.Status)
	}
	return err
}

// onRefunded records the final state of a refund the provider reported by callback.
func onRefunded(app core.App, n payment.RefundNotification) error {
	o, err := findByNumber(app, n.OutTradeNo)
	if err != nil {
		return fmt.Errorf("refund %s for unknown order %q: %w", n.RefundID, n.OutTradeNo, err)
	}
	state := payment.RefundLedgerState(n.Status)
	return app.RunInTransaction(func(tx core.App) error {
		changed, err := payment.RecordRefund(tx, payment.Entry{OrderID: o.Id, Provider: n.Provider, OutNo: n.OutRefundNo,
			TransactionID: n.RefundID, Amount: n.Amount, State: state, Raw: n.Raw})
		if err != nil || !changed {
			return err
		}
		if state == payment.StateFailed {
			tx.Logger().Error("a refund failed; refund it by hand in the merchant platform", "order", n.OutTradeNo,
				"refund", n.RefundID, "status", n.Status)
			return nil
		}
		_, err = setPayStatus(tx, o.Id, Paid, Refunded)
		return err
	})
}
