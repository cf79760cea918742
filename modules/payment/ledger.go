package payment

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"github.com/pocketbase/dbx"
	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/modules/compat"
)

// The `payments` ledger: every pay and refund is a row. The order module calls these functions inside its own
// transaction (pass the tx app), so the ledger row and the order's new state commit together or not at all.
const (
	ledgerCollection = "payments"

	KindPay    = "pay"
	KindRefund = "refund"

	StatePending   = "pending"
	StateSucceeded = "succeeded"
	StateFailed    = "failed"
)

// Entry is one ledger row to record.
type Entry struct {
	OrderID       string // id of the orders record
	Provider      string // "mock", "wechatpay" or "cash"
	OutNo         string // our number: out_trade_no of a payment, out_refund_no of a refund
	TransactionID string // the provider's id: transaction_id of a payment, refund_id of a refund
	Amount        int64  // cents
	State         string // for refunds: RefundLedgerState of the provider's status; payments are always succeeded
	Raw           json.RawMessage
}

// RecordPrepay notes that a payment was opened with the provider and is not confirmed yet, so reconciliation can
// find it (PendingPrepays). Opening the same order again with the same provider records nothing more.
func RecordPrepay(tx core.App, e Entry) error {
	if e.OrderID == "" || e.Provider == "" || e.OutNo == "" {
		return fmt.Errorf("payment: prepay entry needs order, provider and out_no: %+v", e)
	}
	existing, err := findOne(tx, dbx.HashExp{"order": e.OrderID, "provider": e.Provider, "kind": KindPay, "out_no": e.OutNo, "state": StatePending})
	if err != nil || existing != nil {
		return err
	}
	e.TransactionID, e.State = "", StatePending
	_, err = insert(tx, KindPay, e)
	return err
}

// RecordPayment records a succeeded payment once per provider transaction id: a second call with the same id,
// concurrent or later, returns created=false and changes nothing (the unique index on provider, kind and
// transaction_id decides). The caller marks the order paid only when created is true. A pending prepay of the
// same order number becomes this payment.
func RecordPayment(tx core.App, e Entry) (created bool, err error) {
	if e.OrderID == "" || e.Provider == "" || e.TransactionID == "" {
		return false, fmt.Errorf("payment: payment entry needs order, provider and transaction id: %+v", e)
	}
	if e.Amount < 0 {
		return false, fmt.Errorf("payment: negative amount %d", e.Amount)
	}
	e.State = StateSucceeded
	if dup, err := findByTransaction(tx, e.Provider, KindPay, e.TransactionID); err != nil || dup != nil {
		return false, err
	}
	pending, err := findOne(tx, dbx.HashExp{"order": e.OrderID, "provider": e.Provider, "kind": KindPay, "out_no": e.OutNo, "state": StatePending, "transaction_id": ""})
	if err != nil {
		return false, err
	}
	if pending == nil {
		return insert(tx, KindPay, e)
	}
	setEntry(pending, e)
	return saveOnce(tx, pending)
}

// RecordRefund records a refund once per provider refund id. A refund first recorded as pending (the provider
// answered PROCESSING) moves to its final state when a later call brings one. changed says whether the ledger
// changed: the caller acts (e.g. sets the order's pay_status to refunded) only when it did.
func RecordRefund(tx core.App, e Entry) (changed bool, err error) {
	if e.OrderID == "" || e.Provider == "" || e.TransactionID == "" {
		return false, fmt.Errorf("payment: refund entry needs order, provider and refund id: %+v", e)
	}
	switch e.State {
	case StatePending, StateSucceeded, StateFailed:
	case "":
		e.State = StateSucceeded
	default:
		return false, fmt.Errorf("payment: unknown ledger state %q", e.State)
	}
	existing, err := findByTransaction(tx, e.Provider, KindRefund, e.TransactionID)
	if err != nil {
		return false, err
	}
	if existing == nil {
		return insert(tx, KindRefund, e)
	}
	if existing.GetString("state") != StatePending || e.State == StatePending {
		return false, nil
	}
	existing.Set("state", e.State)
	if len(e.Raw) > 0 {
		existing.Set("raw", e.Raw)
	}
	return true, tx.Save(existing)
}

// RefundLedgerState maps a provider's refund status to the ledger state.
func RefundLedgerState(status string) string {
	switch status {
	case RefundSuccess:
		return StateSucceeded
	case RefundProcessing:
		return StatePending
	default:
		return StateFailed
	}
}

// ClosePrepay marks the pending prepays of an order number failed, e.g. when reconciliation finds the order
// closed or never paid and the order was cancelled. It returns how many it closed.
func ClosePrepay(tx core.App, provider, outNo string) (int, error) {
	records, err := tx.FindAllRecords(ledgerCollection, dbx.HashExp{"provider": provider, "kind": KindPay, "out_no": outNo, "state": StatePending})
	if err != nil {
		return 0, err
	}
	for _, r := range records {
		r.Set("state", StateFailed)
		if err := tx.Save(r); err != nil {
			return 0, err
		}
	}
	return len(records), nil
}

// PendingPrepays lists the prepays of provider still pending that were opened before `before`, oldest first,
// for the reconciliation job.
func PendingPrepays(app core.App, provider string, before time.Time, limit int) ([]*core.Record, error) {
	b, err := types.ParseDateTime(before)
	if err != nil {
		return nil, err
	}
	return app.FindRecordsByFilter(ledgerCollection,
		"provider = {:provider} && kind = 'pay' && state = 'pending' && created < {:before}",
		"created", limit, 0, dbx.Params{"provider": provider, "before": b.String()})
}

// SucceededPayment is the succeeded payment of an order, or nil: which provider took the money and how much,
// which a refund needs.
func SucceededPayment(app core.App, orderID string) (*core.Record, error) {
	return findOne(app, dbx.HashExp{"order": orderID, "kind": KindPay, "state": StateSucceeded})
}

// findByTransaction looks a transaction id up in idx_payments_transaction. That index is partial (empty ids, of
// pending prepays, are not unique), and SQLite uses a partial index only when the query repeats its condition:
// it cannot tell that a bound parameter is never empty.
func findByTransaction(app core.App, provider, kind, transactionID string) (*core.Record, error) {
	return findOne(app, dbx.HashExp{"provider": provider, "kind": kind, "transaction_id": transactionID},
		dbx.NewExp("transaction_id != ''"))
}

func findOne(app core.App, where ...dbx.Expression) (*core.Record, error) {
	records, err := app.FindAllRecords(ledgerCollection, where...)
	if err != nil || len(records) == 0 {
		return nil, err
	}
	return records[0], nil
}

func insert(tx core.App, kind string, e Entry) (bool, error) {
	col, err := tx.FindCachedCollectionByNameOrId(ledgerCollection)
	if err != nil {
		return false, err
	}
	r := core.NewRecord(col)
	r.Id = compat.NewID().String() // growing with time, as orders' (see compat.NewID)
	r.Set("order", e.OrderID)
	r.Set("kind", kind)
	setEntry(r, e)
	return saveOnce(tx, r)
}

func setEntry(r *core.Record, e Entry) {
	r.Set("provider", e.Provider)
	r.Set("out_no", e.OutNo)
	r.Set("transaction_id", e.TransactionID)
	r.Set("amount", e.Amount)
	r.Set("state", e.State)
	if len(e.Raw) > 0 {
		r.Set("raw", e.Raw)
	}
}

// saveOnce saves r; a clash on the unique transaction index means another call recorded it first.
func saveOnce(tx core.App, r *core.Record) (bool, error) {
	err := tx.Save(r)
	if err == nil {
		return true, nil
	}
	if isUniqueClash(err) {
		return false, nil
	}
	return false, err
}

func isUniqueClash(err error) bool {
	var verrs validation.Errors
	if errors.As(err, &verrs) {
		for _, fieldErr := range verrs {
			var ve validation.Error
			if errors.As(fieldErr, &ve) && ve.Code() == "validation_not_unique" {
				return true
			}
		}
	}
	return strings.Contains(strings.ToLower(err.Error()), "unique constraint failed")
}
