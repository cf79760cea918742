package order

import (
	"testing"
	"time"

	"myrestaurant/modules/compat"
)

// The staff's unfiltered order list counts every order, those of earlier days (kept between page views) and
// today's, and follows deletions and moved order times made through PocketBase.
func TestUnfilteredOrderListCountsEveryOrder(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	old := f.rawOrder(s, Completed, Paid)
	older := f.rawOrder(s, Cancelled, Paid)
	f.update(OrdersCollection, old.id, map[string]any{"order_time": time.Now().Add(-48 * time.Hour)})
	f.update(OrdersCollection, older.id, map[string]any{"order_time": time.Now().AddDate(0, -1, 0)})
	f.place(s)
	total := func() int64 {
		t.Helper()
		p, err := Search(f.app, SearchFilter{}, compat.Page{Page: 1, Size: 10})
		if err != nil {
			t.Fatal(err)
		}
		if int64(len(p.Records)) != min(p.Total, 10) {
			t.Fatalf("%d records on the page of %d orders", len(p.Records), p.Total)
		}
		return p.Total
	}
	if n := total(); n != 3 {
		t.Fatalf("total %d, want 3", n)
	}
	f.place(s)
	if n := total(); n != 4 {
		t.Fatalf("after an order today: total %d, want 4", n)
	}
	r, err := f.app.FindRecordById(OrdersCollection, older.id.String())
	if err != nil {
		t.Fatal(err)
	}
	if err := f.app.Delete(r); err != nil {
		t.Fatal(err)
	}
	if n := total(); n != 3 {
		t.Fatalf("after deleting an old order: total %d, want 3", n)
	}
	// An order whose time moves between earlier days and today is still counted once.
	f.update(OrdersCollection, old.id, map[string]any{"order_time": time.Now()})
	if n := total(); n != 3 {
		t.Fatalf("after moving an order to today: total %d, want 3", n)
	}
	f.update(OrdersCollection, old.id, map[string]any{"order_time": time.Now().Add(-72 * time.Hour)})
	if n := total(); n != 3 {
		t.Fatalf("after moving it back: total %d, want 3", n)
	}
}
