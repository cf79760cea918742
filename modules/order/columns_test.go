package order

import (
	"testing"

	"github.com/pocketbase/dbx"

	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
)

// The plain-SQL order insert holds to the collection's own field rules even when what it is given got past every
// earlier check: a value the collection refuses refuses the order (clear message), and nothing is written.
func TestPlacingHoldsToTheCollectionsFieldRules(t *testing.T) {
	f := newFixture(t, nil)
	for _, c := range []struct {
		name  string
		spoil func(q *quote)
	}{
		{"an amount past the orders.amount limit", func(q *quote) { q.bill.delivery = 99_999_999_999 }},
		{"a line count past order_details.number", func(q *quote) { q.bill.lines[0].item.Number = 10_000 }},
		{"a negative unit price", func(q *quote) { q.bill.lines[0].sellable.Price = -1 }},
		{"a pay method the column does not know", func(q *quote) { q.in.PayMethod = compat.IntOf(7) }},
	} {
		t.Run(c.name, func(t *testing.T) {
			s := f.customer()
			f.standardCart(s)
			q, err := quoteOrder(f.app, s.id, SubmitInput{AddressBookID: s.address})
			if err != nil {
				t.Fatal(err)
			}
			c.spoil(&q)
			_, err = placeOrder(f.app, q)
			if err == nil || err.Error() != MsgOrderOutOfLimits {
				t.Fatalf("placed: %v, want %q", err, MsgOrderOutOfLimits)
			}
			if n, _ := f.app.CountRecords(OrdersCollection, dbx.HashExp{"user": s.id.String()}); n != 0 {
				t.Errorf("%d orders written", n)
			}
			if items, _ := cart.Items(f.app, s.id); len(items) != 2 {
				t.Errorf("the cart lost its rows: %d left", len(items))
			}
		})
	}
}
