package order

import (
	"sync"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/appstate"
)

// The staff's unfiltered order list shows how many orders there are. Counting a million orders reads a whole
// index (tens of milliseconds, on every page view), so the orders placed before today are counted once a day and
// kept; only today's are counted each time, from idx_orders_time. The app never removes orders or moves their
// time; when PocketBase's own API does, the kept count is dropped.

const totalKey = appstate.OrderTotal

type orderTotal struct {
	mu     sync.Mutex
	cutoff string // start of the UTC day the kept count ends at, as stored; "" when nothing is kept
	before int64  // orders placed before cutoff
}

func totalOf(app core.App) *orderTotal {
	return app.Store().GetOrSet(totalKey, func() any { return &orderTotal{} }).(*orderTotal)
}

// allOrders is how many orders there are.
func allOrders(app core.App) (int64, error) {
	t := totalOf(app)
	now := time.Now().UTC()
	cutoff := dbTime(time.Date(now.Year(), now.Month(), now.Day(), 0, 0, 0, 0, time.UTC))
	t.mu.Lock()
	if t.cutoff != cutoff {
		var before int64
		err := app.DB().Select("count(*)").From(OrdersCollection).
			Where(dbx.NewExp(colOrderTime+" < {:cutoff}", dbx.Params{"cutoff": cutoff})).Row(&before)
		if err != nil {
			t.mu.Unlock()
			return 0, err
		}
		t.cutoff, t.before = cutoff, before
	}
	before := t.before
	t.mu.Unlock()
	var today int64
	err := app.DB().Select("count(*)").From(OrdersCollection).
		Where(dbx.NewExp(colOrderTime+" >= {:cutoff}", dbx.Params{"cutoff": cutoff})).Row(&today)
	return before + today, err
}

// forgetTotal drops the kept count when an order is deleted or its time changes.
func forgetTotal(app core.App) {
	forget := func(app core.App) {
		t := totalOf(app)
		t.mu.Lock()
		t.cutoff = ""
		t.mu.Unlock()
	}
	app.OnRecordDelete(OrdersCollection).BindFunc(func(e *core.RecordEvent) error {
		err := e.Next()
		forget(e.App)
		return err
	})
	app.OnRecordUpdate(OrdersCollection).BindFunc(func(e *core.RecordEvent) error {
		moved := !asOrder(e.Record.Original()).OrderTime().Equal(asOrder(e.Record).OrderTime())
		err := e.Next()
		if moved {
			forget(e.App)
		}
		return err
	})
}
