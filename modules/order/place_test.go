package order

import (
	"errors"
	"fmt"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/hook"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
)

// quoteFor prices s's cart as a submit with the client's amount would, outside any transaction.
func (f *fixture) quoteFor(s shopper, amount int64) quote {
	f.t.Helper()
	in := submitInputOf(f.submitBody(s, amount))
	if err := in.check(); err != nil {
		f.t.Fatal(err)
	}
	q, err := quoteOrder(f.app, s.id, in)
	if err != nil {
		f.t.Fatal(err)
	}
	return q
}

func (f *fixture) count(query string) int {
	f.t.Helper()
	var n int
	if err := f.app.DB().NewQuery(query).Row(&n); err != nil {
		f.t.Fatal(err)
	}
	return n
}

func (f *fixture) ordersOf(s shopper) int {
	return f.count("SELECT count(*) FROM orders WHERE user = '" + s.id.String() + "'")
}

func (f *fixture) cartRows(s shopper) int {
	return f.count("SELECT count(*) FROM cart_items WHERE user = '" + s.id.String() + "'")
}

// Orders written in one group commit fail alone: a customer whose cart changed after pricing gets nothing
// written and keeps the cart, while the orders around it are placed complete.
func TestGroupedOrdersFailAlone(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	a, b, c := f.customer(), f.customer(), f.customer()
	qa, qb, qc := f.quoteFor(a, f.standardCart(a)), f.quoteFor(b, f.standardCart(b)), f.quoteFor(c, f.standardCart(c))
	f.fill(b, f.rice, 1) // after pricing: b's quote no longer matches the cart

	group := make([]placement, 3)
	for i, q := range []quote{qa, qb, qc} {
		group[i] = placement{quote: q, result: make(chan placeResult, 1)}
	}
	(&placer{app: f.app}).write(group)

	for i, s := range []shopper{a, b, c} {
		r := <-group[i].result
		if s == b {
			if !errors.Is(r.err, errQuoteStale) || f.ordersOf(b) != 0 || f.cartRows(b) != 2 {
				t.Fatalf("changed cart: %v, %d orders, %d cart rows left", r.err, f.ordersOf(b), f.cartRows(b))
			}
			continue
		}
		if r.err != nil || r.out.OrderNumber == "" {
			t.Fatalf("customer %d: %v", i, r.err)
		}
		details := f.count("SELECT count(*) FROM order_details WHERE `order` = '" + r.out.ID.String() + "'")
		if f.ordersOf(s) != 1 || details != 2 || f.cartRows(s) != 0 {
			t.Fatalf("customer %d: %d orders, %d details, %d cart rows", i, f.ordersOf(s), details, f.cartRows(s))
		}
	}
	// Submitting again prices the changed cart afresh.
	expect(t, "resubmit", f.submit(b, 2*chickenPrice+4*ricePrice+6*100+600), "")
}

// A price change committed between pricing and writing is not missed: the order is priced again inside the
// transaction, and the customer who saw the old total is told it changed.
func TestPriceChangeWhilePlacingIsNotMissed(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	q := f.quoteFor(s, f.standardCart(s))
	f.update("dishes", f.chicken, map[string]any{"price": chickenPrice + 100})

	_, err := placeOrder(f.app, q)
	newTotal := compat.Cents(2*(chickenPrice+100) + 3*ricePrice + 5*100 + 600)
	if compat.MessageOf(err) != fmt.Sprintf(MsgAmountChangedFormat, newTotal) || f.ordersOf(s) != 0 || f.cartRows(s) != 2 {
		t.Fatalf("placed at the old price: %v, %d orders, %d cart rows", err, f.ordersOf(s), f.cartRows(s))
	}
	// Without the client's amount the order is placed at the new price.
	q.in.Amount = compat.Money{}
	out, err := placeOrder(f.app, q)
	if err != nil || out.OrderAmount.Cents != 2*(chickenPrice+100)+3*ricePrice+5*100+600 {
		t.Fatalf("%v: amount %v", err, out.OrderAmount)
	}
}

func TestShopClosingWhilePlacingRefusesTheOrder(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	q := f.quoteFor(s, f.standardCart(s))
	if err := shop.SetStatus(f.app, shop.Closed); err != nil {
		t.Fatal(err)
	}
	if _, err := placeOrder(f.app, q); compat.MessageOf(err) != MsgShopClosed || f.ordersOf(s) != 0 {
		t.Fatalf("placed in a closed shop: %v", err)
	}
}

// A price read while a menu write is under way is never trusted, even once that write has committed.
func TestPriceWatch(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	w := priceWatchOf(f.app)
	before := w.stamp()
	if !before.settled || !w.holds(before) {
		t.Fatal("a quiet menu is not trusted")
	}
	var during priceStamp
	err := f.app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindRecordById("dishes", f.chicken.String())
		if err != nil {
			return err
		}
		r.Set("price", chickenPrice+1)
		if err := tx.Save(r); err != nil {
			return err
		}
		during = w.stamp() // what a submit pricing now would get: the old price, not yet committed
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if during.settled || w.holds(during) || w.holds(before) {
		t.Fatalf("trusted across a write: during %+v, before %+v", during, before)
	}
	if after := w.stamp(); !after.settled || !w.holds(after) {
		t.Fatalf("not trusted after the write committed: %+v", after)
	}
	// The write counts as finished only after every other "after" hook, the menu cache's included, has run.
	var unsettledInHooks int
	f.app.OnRecordAfterUpdateSuccess("dishes").Bind(&hook.Handler[*core.RecordEvent]{Priority: 999_999, Func: func(e *core.RecordEvent) error {
		if !w.stamp().settled {
			unsettledInHooks++
		}
		return e.Next()
	}})
	f.update("dishes", f.chicken, map[string]any{"price": chickenPrice + 2})
	if unsettledInHooks != 1 || !w.stamp().settled {
		t.Fatalf("finished before the other after hooks ran (%d) or never (%+v)", unsettledInHooks, w.stamp())
	}
	if s, err := menu.FindSellable(f.app, f.chicken, 0); err != nil || s.Price != chickenPrice+2 {
		t.Fatalf("settled with a stale price: %+v %v", s, err)
	}

	// A rolled-back write settles too.
	f.app.RunInTransaction(func(tx core.App) error {
		r, err := tx.FindRecordById("dishes", f.rice.String())
		if err != nil {
			return err
		}
		r.Set("price", ricePrice+1)
		if err := tx.Save(r); err != nil {
			return err
		}
		return errors.New("roll back")
	})
	if after := w.stamp(); !after.settled {
		t.Fatal("a rolled-back write left the watch unsettled")
	}
}
