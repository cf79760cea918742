package order

import (
	"fmt"
	"net/http"
	"os"
	"runtime"
	"strconv"
	"sync"
	"syscall"
	"testing"
	"time"

	"myrestaurant/internal/history"
)

// BenchmarkOrderPath runs the whole order path over HTTP, on an empty shop and on one with years of history, side
// by side in alternating rounds (a noisy, shared machine slows both alike). One full order is: three cart adds,
// submit, pay (mock provider: the order is paid and the new-order alert raised), the customer's order history,
// the staff's confirm, delivery and completion, and the staff's order page. Each customer runs its orders one
// after another; PocketBase's request log is on, as in production.
//
// MYRESTAURANT_BENCH_ORDERS sets the history's size: orders with their items, payments, refunds and alerts
// (default 50,000 so that `go test -bench .` stays quick; 1000000 for a busy restaurant's three years):
//
//	MYRESTAURANT_BENCH_ORDERS=1000000 go test -run '^$' -bench OrderPath -benchtime 4000x -timeout 30m ./modules/order
//
// It reports both rates, their ratio, pay p50/p99 on each, and the process's CPU per full order (server and
// load generator together, as they share the process).
func BenchmarkOrderPath(b *testing.B) {
	const customers = 8
	size := 50_000
	if s := os.Getenv("MYRESTAURANT_BENCH_ORDERS"); s != "" {
		var err error
		if size, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	empty := newPathShop(b, 0, customers)
	busy := newPathShop(b, size, customers)
	b.ResetTimer()
	for round := range submitRounds {
		n := b.N*(round+1)/submitRounds - b.N*round/submitRounds
		empty.run(n)
		busy.run(n)
	}
	b.StopTimer()
	for _, s := range []*pathShop{empty, busy} {
		if s.errs > 0 {
			b.Fatalf("%d of %d orders failed on the shop with %d past orders; first: %v", s.errs, b.N, s.size, s.firstErr)
		}
	}
	rate, busyRate := float64(b.N)/empty.took.Seconds(), float64(b.N)/busy.took.Seconds()
	b.ReportMetric(rate, "orders/s")
	b.ReportMetric(busyRate, "busy-orders/s")
	b.ReportMetric(100*busyRate/rate, "%-of-empty")
	b.ReportMetric(percentile(empty.pay, 0.50), "pay-p50-ms")
	b.ReportMetric(percentile(empty.pay, 0.99), "pay-p99-ms")
	b.ReportMetric(percentile(busy.pay, 0.50), "busy-pay-p50-ms")
	b.ReportMetric(percentile(busy.pay, 0.99), "busy-pay-p99-ms")
	b.ReportMetric(float64(empty.cpu.Microseconds())/1000/float64(b.N), "cpu-ms/order")
	b.ReportMetric(float64(busy.cpu.Microseconds())/1000/float64(b.N), "busy-cpu-ms/order")
	b.ReportMetric(0, "ns/op")
}

// benchCartAmount is what one 宫保鸡丁, one 米饭 and one set meal cost with packing and delivery.
const benchCartAmount = chickenPrice + ricePrice + setmealPrice + 3*100 + 600

// pathShop is one served shop the path runs on, with its customers and what the runs measured.
type pathShop struct {
	f         *fixture
	size      int
	shoppers  []shopper
	amount    int64 // what the customer's cart costs
	client    *http.Client
	pay       []time.Duration
	took, cpu time.Duration
	errs      int
	firstErr  error
}

func newPathShop(b *testing.B, size, customers int) *pathShop {
	f := newFixture(b, mockProvider(b))
	if size > 0 {
		start := time.Now()
		seeded, err := history.Seed(f.app, history.Options{Orders: size, Now: time.Now(), Ledger: true})
		if err != nil {
			b.Fatal(err)
		}
		fmt.Fprintf(os.Stderr, "seeded %s in %s\n", seeded, time.Since(start).Round(time.Millisecond))
	}
	f.app.Settings().Logs.MaxDays = 5 // PocketBase's default request log, which test apps turn off
	s := &pathShop{f: f, size: size, client: &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 2 * customers}}}
	for range customers {
		s.shoppers = append(s.shoppers, f.customer())
	}
	s.amount = benchCartAmount
	runtime.GC()
	return s
}

// run places n full orders, spread over the customers, and adds what it measured.
func (s *pathShop) run(n int) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	cpu0 := processCPU()
	start := time.Now()
	for w, sh := range s.shoppers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < n; i += len(s.shoppers) {
				pay, err := s.fullOrder(sh)
				mu.Lock()
				if err != nil {
					if s.errs++; s.firstErr == nil {
						s.firstErr = err
					}
				} else {
					s.pay = append(s.pay, pay)
				}
				mu.Unlock()
			}
		}()
	}
	wg.Wait()
	s.took += time.Since(start)
	s.cpu += processCPU() - cpu0
}

// fullOrder runs the path once for the customer and returns how long the payment took.
func (s *pathShop) fullOrder(sh shopper) (time.Duration, error) {
	f, c := s.f, s.client
	customer := func(method, path string, body, out any) error {
		return requestJSON(c, method, f.base+path, body, "authentication", sh.token, out)
	}
	staff := func(method, path string, body any) error {
		return requestJSON(c, method, f.base+path, body, "token", f.staff, nil)
	}
	for _, item := range []map[string]any{{"dishId": f.chicken}, {"dishId": f.rice}, {"setmealId": f.setmeal}} {
		if err := customer("POST", "/user/shoppingCart/add", item, nil); err != nil {
			return 0, err
		}
	}
	var o struct {
		ID          int64  `json:"id"`
		OrderNumber string `json:"orderNumber"`
	}
	if err := customer("POST", "/user/order/submit", f.submitBody(sh, s.amount), &o); err != nil {
		return 0, err
	}
	t0 := time.Now()
	if err := customer("PUT", "/user/order/payment", map[string]any{"orderNumber": o.OrderNumber, "payMethod": 1}, nil); err != nil {
		return 0, err
	}
	pay := time.Since(t0)
	if err := customer("GET", "/user/order/historyOrders?page=1&pageSize=10", nil, nil); err != nil {
		return 0, err
	}
	id := strconv.FormatInt(o.ID, 10)
	for _, step := range []struct{ method, path string }{
		{"PUT", "/admin/order/confirm"}, {"PUT", "/admin/order/delivery/" + id}, {"PUT", "/admin/order/complete/" + id},
		{"GET", "/admin/order/conditionSearch?page=1&pageSize=10"},
	} {
		var body any
		if step.path == "/admin/order/confirm" {
			body = map[string]any{"id": o.ID}
		}
		if err := staff(step.method, step.path, body); err != nil {
			return 0, err
		}
	}
	return pay, nil
}

// processCPU is the CPU time the process has used, user and system.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
