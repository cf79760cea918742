package order

import (
	"context"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/appstate"
	"myrestaurant/modules/clock"
	"myrestaurant/modules/payment"
)

// The scheduled jobs. Each is a plain function of the app and the time it runs at (clock.Now(app) when cron
// calls it), so tests call them directly with any time.

// PaymentWindow is how long an order waits for payment before it is cancelled.
const PaymentWindow = 15 * time.Minute

// TimeoutReason is the cancel reason of an order nobody paid in time.
const TimeoutReason = "订单超时，自动取消"

// jobBatch bounds the orders one job handles per query; a job keeps going until none are left.
const jobBatch = 200

// CancelUnpaid cancels the orders still waiting for payment PaymentWindow after they were placed. A payment
// that arrives afterwards is refunded (markPaid).
func CancelUnpaid(app core.App, now time.Time) error {
	moved, err := moveAll(app, timeout, dbx.NewExp(colOrderTime+" < {:t}", dbx.Params{"t": dbTime(now.Add(-PaymentWindow))}),
		func(tx core.App, id string) (*Order, bool, error) {
			return timeout.apply(tx, id, timeoutFields(now))
		})
	if len(moved) > 0 {
		app.Logger().Info("cancelled unpaid orders", "count", len(moved), "orders", moved)
	}
	return err
}

// CompleteDelivered completes the orders still out for delivery that were placed before today (in the shop's
// time zone); run daily at 01:00 it closes what the riders forgot to.
func CompleteDelivered(app core.App, now time.Time) error {
	moved, err := moveAll(app, complete, dbx.NewExp(colOrderTime+" < {:t}", dbx.Params{"t": dbTime(startOfDay(now))}),
		func(tx core.App, id string) (*Order, bool, error) {
			return completeIn(tx, id, now)
		})
	if len(moved) > 0 {
		app.Logger().Info("completed orders left in delivery", "count", len(moved), "orders", moved)
	}
	return err
}

// moveAll runs step (which applies t) on every order in one of t.from that matches where, one short transaction
// per order so a customer's submit never waits long behind a job, and returns the numbers of the orders it moved
// (for the log). Orders that moved meanwhile are skipped by the guard. An order that cannot be moved is logged and
// passed over, so it never holds up the others; the error returned names how many there were.
func moveAll(app core.App, t transition, where dbx.Expression, step func(tx core.App, orderID string) (*Order, bool, error)) ([]string, error) {
	from := make([]any, len(t.from))
	for i, s := range t.from {
		from[i] = s
	}
	var moved []string
	failed := 0
	// Pages follow (order_time, id), so an order left behind is not read again in this run.
	var afterTime, afterID string
	for {
		var page []struct {
			ID        string `db:"id"`
			OrderTime string `db:"order_time"`
		}
		q := app.DB().Select(colID, colOrderTime).From(OrdersCollection).Where(dbx.In(colStatus, from...)).AndWhere(where)
		if afterID != "" {
			q.AndWhere(dbx.NewExp("("+colOrderTime+" > {:after} OR ("+colOrderTime+" = {:after} AND "+colID+" > {:afterId}))",
				dbx.Params{"after": afterTime, "afterId": afterID}))
		}
		if err := q.OrderBy(colOrderTime+" ASC", colID+" ASC").Limit(jobBatch).All(&page); err != nil {
			return moved, err
		}
		for _, o := range page {
			err := app.RunInTransaction(func(tx core.App) error {
				order, ok, err := step(tx, o.ID)
				if ok {
					moved = append(moved, order.Number())
				}
				return err
			})
			if err != nil {
				failed++
				app.Logger().Error("an order job could not move an order; it goes on with the others", "job", t.name,
					"order", o.ID, "error", err)
			}
		}
		if len(page) < jobBatch {
			break
		}
		afterTime, afterID = page[len(page)-1].OrderTime, page[len(page)-1].ID
	}
	if failed > 0 {
		return moved, fmt.Errorf("order: %s: %d orders could not be moved (logged)", t.name, failed)
	}
	return moved, nil
}

// Reconciliation looks at payments opened at least this long ago whose callback has not arrived.
const reconcileAfter = time.Minute

// abandonPrepayAfter is when an unanswered payment of an order no longer waiting for it is given up: WeChat Pay's
// prepay ids live two hours.
const abandonPrepayAfter = 3 * time.Hour

// ReconcilePayments asks the provider about payments opened but never confirmed by a callback (a lost callback
// must not leave a paid order unpaid): a paid one is marked paid (or refunded when its order was cancelled
// meanwhile), one that cannot be paid any more is closed. It also retries the refunds owed on cancelled orders.
func ReconcilePayments(app core.App, now time.Time) error {
	provider := providerOf(app)
	if provider == nil {
		return nil
	}
	prepays, err := payment.PendingPrepays(app, provider.Name(), now.Add(-reconcileAfter), 100)
	if err != nil {
		return err
	}
	for _, p := range prepays {
		if err := reconcilePrepay(app, provider, p, now); err != nil {
			app.Logger().Error("reconciling a payment failed", "order", p.GetString("out_no"), "error", err)
		}
	}
	var owed []string
	err = app.DB().Select(colID).From(OrdersCollection).
		Where(dbx.HashExp{colStatus: Cancelled, colPayStatus: Paid}).Limit(100).Column(&owed)
	if err != nil {
		return err
	}
	for _, id := range owed {
		if err := refundIfOwed(app, id); err != nil {
			app.Logger().Error("refund owed on a cancelled order failed", "order", id, "error", err)
		}
	}
	return nil
}

func reconcilePrepay(app core.App, provider payment.Provider, prepay *core.Record, now time.Time) error {
	number := prepay.GetString("out_no")
	ctx, cancel := context.WithTimeout(context.Background(), refundTimeout)
	defer cancel()
	q, err := provider.Query(ctx, number)
	if err != nil {
		return err
	}
	if n, ok := q.Paid(provider.Name()); ok {
		_, err := markPaid(app, n)
		return err
	}
	order, err := app.FindRecordById(OrdersCollection, prepay.GetString("order"))
	if err != nil {
		return err
	}
	if asOrder(order).Status() == PendingPayment {
		return nil // the customer may still pay; the timeout job cancels the order otherwise
	}
	switch q.TradeState {
	case payment.TradeClosed, payment.TradeRevoked, payment.TradePayError, payment.TradeNotCreated:
	default:
		if now.Sub(prepay.GetDateTime("created").Time()) < abandonPrepayAfter {
			return nil
		}
	}
	return app.RunInTransaction(func(tx core.App) error {
		_, err := payment.ClosePrepay(tx, provider.Name(), number)
		return err
	})
}

const schedulerKey = appstate.OrderScheduler

// orderJobs are the scheduled jobs, run by PocketBase's cron (app.Cron()), so the dashboard lists them under
// Settings → Crons, where a superuser can also run one at once. Every job is safe to run at any time.
var orderJobs = []struct {
	id, spec string
	job      func(core.App, time.Time) error
}{
	{"myrestaurant_cancel_unpaid_orders", "* * * * *", CancelUnpaid},
	{"myrestaurant_complete_delivered_orders", "0 1 * * *", CompleteDelivered},
	{"myrestaurant_reconcile_payments", "*/5 * * * *", ReconcilePayments},
}

// scheduler puts the jobs on the app's cron in the shop's time zone; a run still going when the next is due is
// skipped. PocketBase's cron has one zone for all its jobs, so its own (automatic backups, log clean-up) follow
// the shop's zone too: a backup at 03:00 is at 03:00 shop time.
type scheduler struct {
	app     core.App
	mu      sync.Mutex
	zoneNow *time.Location // nil while stopped
	shut    bool           // the app is terminating: never start again
	busy    []*atomic.Bool // per job: a run is going
}

func (s *scheduler) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.zoneNow != nil || s.shut {
		return nil
	}
	zone := clock.Zone()
	s.app.Cron().SetTimezone(zone)
	if s.busy == nil {
		for range orderJobs {
			s.busy = append(s.busy, new(atomic.Bool))
		}
	}
	for i, j := range orderJobs {
		if err := s.app.Cron().Add(j.id, j.spec, s.run(j.id, j.job, s.busy[i])); err != nil {
			return err
		}
	}
	s.zoneNow = zone
	return nil
}

func (s *scheduler) run(name string, job func(core.App, time.Time) error, busy *atomic.Bool) func() {
	return func() {
		if !busy.CompareAndSwap(false, true) {
			s.app.Logger().Debug("order job still running; this run is skipped", "job", name)
			return
		}
		defer busy.Store(false)
		if err := job(s.app, clock.Now(s.app)); err != nil {
			s.app.Logger().Error("order job failed", "job", name, "error", err)
		}
	}
}

// followZone moves the schedule to the shop's time zone when staff have changed it, so the daily job keeps
// running at 01:00 shop time. It does nothing when the schedule is stopped.
func (s *scheduler) followZone() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.zoneNow == nil {
		return nil
	}
	s.zoneNow = clock.Zone()
	s.app.Cron().SetTimezone(s.zoneNow)
	return nil
}

// zone is the time zone the schedule runs in, or nil when it is stopped.
func (s *scheduler) zone() *time.Location {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.zoneNow
}

// shutdown stops the schedule for good, when the app terminates.
func (s *scheduler) shutdown() {
	s.mu.Lock()
	s.shut = true
	s.mu.Unlock()
	s.stop()
}

// stop takes the jobs off the cron and waits a little for a running one to finish.
func (s *scheduler) stop() {
	s.mu.Lock()
	stopped := s.zoneNow == nil
	s.zoneNow = nil
	s.mu.Unlock()
	if stopped {
		return
	}
	for _, j := range orderJobs {
		s.app.Cron().Remove(j.id)
	}
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if !slices.ContainsFunc(s.busy, (*atomic.Bool).Load) {
			return
		}
	}
}
