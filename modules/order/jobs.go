package order

import (
	"context"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/robfig/cron/v3"

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
	n, err := moveAll(app, timeout, dbx.NewExp(colOrderTime+" < {:t}", dbx.Params{"t": dbTime(now.Add(-PaymentWindow))}),
		func(tx core.App, id string) (bool, error) {
			_, moved, err := timeout.apply(tx, id, timeoutFields(now))
			return moved, err
		})
	if n > 0 {
		app.Logger().Info("cancelled unpaid orders", "count", n)
	}
	return err
}

// CompleteDelivered completes the orders still out for delivery that were placed before today (in the shop's
// time zone); run daily at 01:00 it closes what the riders forgot to.
func CompleteDelivered(app core.App, now time.Time) error {
	n, err := moveAll(app, complete, dbx.NewExp(colOrderTime+" < {:t}", dbx.Params{"t": dbTime(startOfDay(now))}),
		func(tx core.App, id string) (bool, error) {
			_, moved, err := completeIn(tx, id, now)
			return moved, err
		})
	if n > 0 {
		app.Logger().Info("completed orders left in delivery", "count", n)
	}
	return err
}

// moveAll runs step (which applies t) on every order in one of t.from that matches where, one short transaction
// per order so a customer's submit never waits long behind a job. Orders that moved meanwhile are skipped by the guard. An order
// that cannot be moved is logged and passed over, so it never holds up the others; the error returned names how
// many there were.
func moveAll(app core.App, t transition, where dbx.Expression, step func(tx core.App, orderID string) (bool, error)) (int, error) {
	from := make([]any, len(t.from))
	for i, s := range t.from {
		from[i] = s
	}
	moved, failed := 0, 0
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
				ok, err := step(tx, o.ID)
				if ok {
					moved++
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

// scheduler runs the jobs with cron in the shop's time zone; a run still going when the next is due is skipped.
type scheduler struct {
	app  core.App
	mu   sync.Mutex
	cron *cron.Cron
	shut bool // the app is terminating: never start again
}

func (s *scheduler) start() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron != nil || s.shut {
		return nil
	}
	logger := cronLogger{s.app.Logger()}
	c := cron.New(cron.WithLocation(clock.Zone()), cron.WithLogger(logger),
		cron.WithChain(cron.Recover(logger), cron.SkipIfStillRunning(logger)))
	for _, j := range []struct {
		spec, name string
		job        func(core.App, time.Time) error
	}{
		{"* * * * *", "cancel unpaid orders", CancelUnpaid},
		{"0 1 * * *", "complete delivered orders", CompleteDelivered},
		{"*/5 * * * *", "reconcile payments", ReconcilePayments},
	} {
		if _, err := c.AddFunc(j.spec, s.run(j.name, j.job)); err != nil {
			return err
		}
	}
	c.Start()
	s.cron = c
	return nil
}

func (s *scheduler) run(name string, job func(core.App, time.Time) error) func() {
	return func() {
		if err := job(s.app, clock.Now(s.app)); err != nil {
			s.app.Logger().Error("order job failed", "job", name, "error", err)
		}
	}
}

// followZone restarts the schedule in the shop's time zone when staff have changed it, so the daily job keeps
// running at 01:00 shop time. It does nothing when the schedule is stopped or already in that zone.
func (s *scheduler) followZone() error {
	s.mu.Lock()
	stale := s.cron != nil && s.cron.Location().String() != clock.Zone().String()
	s.mu.Unlock()
	if !stale {
		return nil
	}
	s.stop()
	return s.start()
}

// zone is the time zone the schedule runs in, or nil when it is stopped.
func (s *scheduler) zone() *time.Location {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.cron == nil {
		return nil
	}
	return s.cron.Location()
}

// shutdown stops the schedule for good, when the app terminates.
func (s *scheduler) shutdown() {
	s.mu.Lock()
	s.shut = true
	s.mu.Unlock()
	s.stop()
}

// stop ends the schedule and waits a little for a running job to finish.
func (s *scheduler) stop() {
	s.mu.Lock()
	c := s.cron
	s.cron = nil
	s.mu.Unlock()
	if c == nil {
		return
	}
	select {
	case <-c.Stop().Done():
	case <-time.After(10 * time.Second):
	}
}

// cronLogger sends cron's own messages to the app's log; its per-run chatter is debug level.
type cronLogger struct{ l *slog.Logger }

func (c cronLogger) Info(msg string, kv ...any) { c.l.Debug("cron: "+msg, kv...) }

func (c cronLogger) Error(err error, msg string, kv ...any) {
	c.l.Error("cron: "+msg, append(kv, "error", err)...)
}
