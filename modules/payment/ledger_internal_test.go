package payment

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
)

// The lookup before an insert spares the common repeat a failed INSERT; the unique index is what makes a repeat
// harmless when two writers pass that lookup together. This exercises the index on its own.
func TestUniqueIndexRefusesASecondRowForATransaction(t *testing.T) {
	app := apptest.New(t)
	customer, _ := apptest.Customer(t, app, "openid-unique")
	col, _ := app.FindCollectionByNameOrId("orders")
	o := core.NewRecord(col)
	o.Set("number", "1763900000201")
	o.Set("status", 1)
	o.Set("user", customer.Id)
	if err := app.Save(o); err != nil {
		t.Fatal(err)
	}
	e := Entry{OrderID: o.Id, Provider: ProviderWeChatPay, OutNo: "1763900000201", TransactionID: "42-unique", Amount: 1, State: StateSucceeded}
	err := app.RunInTransaction(func(tx core.App) error {
		if created, err := insert(tx, KindPay, e); err != nil || !created {
			t.Fatalf("first insert: %v %v", created, err)
		}
		if created, err := insert(tx, KindPay, e); err != nil || created {
			t.Fatalf("second insert: created=%v err=%v, want false and no error", created, err)
		}
		// The transaction goes on after the refused statement.
		e.TransactionID = "42-other"
		if created, err := insert(tx, KindPay, e); err != nil || !created {
			t.Fatalf("insert after the clash: %v %v", created, err)
		}
		// Refunds and payments, and providers, have separate id spaces; rows without an id are not unique.
		e.TransactionID = "42-unique"
		if created, err := insert(tx, KindRefund, e); err != nil || !created {
			t.Fatalf("refund with the same id: %v %v", created, err)
		}
		e.TransactionID, e.State = "", StatePending
		for range 2 {
			if created, err := insert(tx, KindPay, e); err != nil || !created {
				t.Fatalf("pending row: %v %v", created, err)
			}
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if n, _ := app.CountRecords("payments"); n != 5 {
		t.Fatalf("payments = %d, want 5", n)
	}
}
