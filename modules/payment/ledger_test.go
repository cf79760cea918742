package payment_test

import (
	"encoding/json"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/payment"
)

// newOrder stores an unpaid order of a new customer, as the order module's submit would.
func newOrder(t *testing.T, app core.App, number string, cents int64) *core.Record {
	t.Helper()
	customer, _ := apptest.Customer(t, app, "openid-"+number)
	col, err := app.FindCollectionByNameOrId("orders")
	if err != nil {
		t.Fatal(err)
	}
	o := core.NewRecord(col)
	o.Set("number", number)
	o.Set("status", 1)
	o.Set("user", customer.Id)
	o.Set("pay_method", 1)
	o.Set("pay_status", 0)
	o.Set("amount", cents)
	if err := app.Save(o); err != nil {
		t.Fatal(err)
	}
	return o
}

func ledger(t *testing.T, app core.App, orderID string) []*core.Record {
	t.Helper()
	rows, err := app.FindAllRecords("payments", dbx.HashExp{"order": orderID})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

func TestConcurrentCallbacksRecordOnePayment(t *testing.T) {
	app := apptest.New(t)
	o := newOrder(t, app, "1763900000101", 2350)
	entry := payment.Entry{OrderID: o.Id, Provider: payment.ProviderWeChatPay, OutNo: "1763900000101",
		TransactionID: "4200000000000000000000000101", Amount: 2350, Raw: json.RawMessage(`{"trade_state":"SUCCESS"}`)}

	const callers = 5
	var wg sync.WaitGroup
	created := make([]bool, callers)
	errs := make([]error, callers)
	for i := range callers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[i] = app.RunInTransaction(func(tx core.App) error {
				var err error
				created[i], err = payment.RecordPayment(tx, entry)
				return err
			})
		}()
	}
	wg.Wait()
	n := 0
	for i := range callers {
		if errs[i] != nil {
			t.Fatalf("caller %d: %v", i, errs[i])
		}
		if created[i] {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("%d callers were told they recorded the payment, want 1", n)
	}
	rows := ledger(t, app, o.Id)
	if len(rows) != 1 {
		t.Fatalf("ledger has %d rows, want 1", len(rows))
	}
	r := rows[0]
	if r.GetString("kind") != "pay" || r.GetString("state") != "succeeded" || r.GetInt("amount") != 2350 ||
		r.GetString("provider") != "wechatpay" || r.GetString("out_no") != "1763900000101" ||
		r.GetString("transaction_id") != entry.TransactionID || r.GetString("raw") != `{"trade_state":"SUCCESS"}` {
		t.Fatalf("ledger row = %v", r.FieldsData())
	}
}

func TestPrepayBecomesThePayment(t *testing.T) {
	app := apptest.New(t)
	o := newOrder(t, app, "1763900000102", 990)
	pending := payment.Entry{OrderID: o.Id, Provider: payment.ProviderWeChatPay, OutNo: "1763900000102", Amount: 990}
	for range 2 { // the customer opens the pay sheet twice
		if err := payment.RecordPrepay(app, pending); err != nil {
			t.Fatal(err)
		}
	}
	if rows := ledger(t, app, o.Id); len(rows) != 1 || rows[0].GetString("state") != "pending" {
		t.Fatalf("after two prepays the ledger has %d rows", len(rows))
	}
	waiting, err := payment.PendingPrepays(app, payment.ProviderWeChatPay, time.Now().Add(time.Minute), 10)
	if err != nil || len(waiting) != 1 {
		t.Fatalf("pending prepays = %d, %v", len(waiting), err)
	}

	paid := pending
	paid.TransactionID = "4200000000000000000000000102"
	if created, err := payment.RecordPayment(app, paid); err != nil || !created {
		t.Fatalf("payment: %v %v", created, err)
	}
	rows := ledger(t, app, o.Id)
	if len(rows) != 1 || rows[0].GetString("state") != "succeeded" || rows[0].GetString("transaction_id") != paid.TransactionID {
		t.Fatalf("the prepay did not become the payment: %d rows", len(rows))
	}
	if got, err := payment.SucceededPayment(app, o.Id); err != nil || got == nil || got.Id != rows[0].Id {
		t.Fatalf("succeeded payment = %v %v", got, err)
	}
	if created, _ := payment.RecordPayment(app, paid); created {
		t.Fatal("the same transaction was recorded twice")
	}
	if waiting, _ := payment.PendingPrepays(app, payment.ProviderWeChatPay, time.Now().Add(time.Minute), 10); len(waiting) != 0 {
		t.Fatalf("a paid prepay is still pending")
	}
}

func TestClosePrepay(t *testing.T) {
	app := apptest.New(t)
	o := newOrder(t, app, "1763900000103", 500)
	if err := payment.RecordPrepay(app, payment.Entry{OrderID: o.Id, Provider: "wechatpay", OutNo: "1763900000103", Amount: 500}); err != nil {
		t.Fatal(err)
	}
	if n, err := payment.ClosePrepay(app, "wechatpay", "1763900000103"); err != nil || n != 1 {
		t.Fatalf("closed %d, %v", n, err)
	}
	if rows := ledger(t, app, o.Id); rows[0].GetString("state") != "failed" {
		t.Fatalf("state = %s", rows[0].GetString("state"))
	}
}

func TestRefundMovesFromPendingToFinalOnce(t *testing.T) {
	app := apptest.New(t)
	o := newOrder(t, app, "1763900000104", 1800)
	refund := payment.Entry{OrderID: o.Id, Provider: payment.ProviderWeChatPay, OutNo: "1763900000104",
		TransactionID: "50300000000000000000000104", Amount: 1800, State: payment.RefundLedgerState(payment.RefundProcessing)}
	steps := []struct {
		state   string
		changed bool
	}{
		{payment.StatePending, true},    // the refund answer: PROCESSING
		{payment.StatePending, false},   // asked again
		{payment.StateSucceeded, true},  // the refund callback
		{payment.StateSucceeded, false}, // the callback again
		{payment.StateFailed, false},    // a late contradicting one changes nothing
	}
	for i, s := range steps {
		refund.State = s.state
		changed, err := payment.RecordRefund(app, refund)
		if err != nil || changed != s.changed {
			t.Fatalf("step %d (%s): changed=%v err=%v, want %v", i, s.state, changed, err, s.changed)
		}
	}
	rows := ledger(t, app, o.Id)
	if len(rows) != 1 || rows[0].GetString("kind") != "refund" || rows[0].GetString("state") != "succeeded" {
		t.Fatalf("ledger = %d rows", len(rows))
	}
}
