package order

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
)

// Run with a fixed count, e.g.:
//   go test ./modules/order/ -run '^$' -bench . -benchtime 2000x
// Each benchmark reports orders (or payments) per second, p50 and p99 latency and errors.

// benchCart is 1 宫保鸡丁, 2 米饭 and 1 set meal: three cart rows, three order details.
func benchCart(f *fixture, s shopper) int64 {
	f.fill(s, f.chicken, 1, f.rice, 2, f.setmeal, 1)
	return chickenPrice + 2*ricePrice + setmealPrice + 4*100 + 600
}

// submitRounds interleaves the two sides of BenchmarkSubmit, so that a noisy, shared machine slows both alike.
const submitRounds = 5

// BenchmarkSubmit compares order submits over HTTP (customers posting /user/order/submit to a real server on
// 127.0.0.1, with PocketBase's request log on as in production) with the raw SQLite transaction rate of the same
// writes — one order, three details, three cart rows deleted, as plain SQL in app.RunInTransaction without
// reading, pricing or HTTP — run alternately in rounds. It reports both rates, their ratio, and the submits'
// latency and errors.
func BenchmarkSubmit(b *testing.B) {
	for _, workers := range []int{8, 32} {
		b.Run(fmt.Sprintf("customers=%d", workers), func(b *testing.B) {
			f := newFixture(b, mockProvider(b))
			f.app.Settings().Logs.MaxDays = 5 // PocketBase's default request log, which test apps turn off
			shoppers := make([]shopper, b.N)
			amounts := make([]int64, b.N)
			for i := range shoppers {
				shoppers[i] = f.customer()
				amounts[i] = benchCart(f, shoppers[i])
			}
			client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: workers}}
			raw := newRawSubmits(b, b.N)

			var lat []time.Duration
			var errs, rawErrs int
			var took, rawTook time.Duration
			b.ResetTimer()
			for round := range submitRounds {
				from, to := b.N*round/submitRounds, b.N*(round+1)/submitRounds
				l, e, d := runConcurrently(to-from, workers, func(i int) error {
					s := shoppers[from+i]
					return postJSON(client, f.base+"/user/order/submit", f.submitBody(s, amounts[from+i]), "authentication", s.token)
				})
				lat, errs, took = append(lat, l...), errs+e, took+d
				_, e, d = runConcurrently(to-from, workers, func(i int) error { return raw.submit(from + i) })
				rawErrs, rawTook = rawErrs+e, rawTook+d
			}
			b.StopTimer()
			if rawErrs > 0 {
				b.Fatalf("%d raw transactions failed", rawErrs)
			}
			report(b, "orders/s", lat, errs, took)
			rate, rawRate := float64(b.N)/took.Seconds(), float64(b.N)/rawTook.Seconds()
			b.ReportMetric(rawRate, "raw-orders/s")
			b.ReportMetric(100*rate/rawRate, "%-of-raw")
		})
	}
}

// rawSubmits is the baseline of BenchmarkSubmit: n carts of three rows, each emptied into an order by plain SQL.
type rawSubmits struct {
	app  core.App
	base int64
}

func newRawSubmits(b *testing.B, n int) *rawSubmits {
	r := &rawSubmits{app: apptest.New(b), base: time.Now().UnixNano()}
	for i := 0; i < n; i++ {
		for j := 0; j < 3; j++ {
			_, err := r.app.DB().NewQuery("INSERT INTO cart_items (id, user, name, number, amount) VALUES ({:id}, {:user}, 'x', 1, 100)").
				Bind(dbx.Params{"id": rawID(r.base, i*3+j), "user": rawID(r.base+1, i)}).Execute()
			if err != nil {
				b.Fatal(err)
			}
		}
	}
	return r
}

func (r *rawSubmits) submit(i int) error {
	return r.app.RunInTransaction(func(tx core.App) error {
		orderID := rawID(r.base+2, i)
		now := dbTime(time.Now())
		_, err := tx.DB().NewQuery("INSERT INTO orders (id, number, status, user, order_time, pay_method, pay_status, amount, created, updated) " +
			"VALUES ({:id}, {:number}, 1, {:user}, {:now}, 1, 0, 12900, {:now}, {:now})").
			Bind(dbx.Params{"id": orderID, "number": strconv.FormatInt(r.base+int64(i), 10), "user": rawID(r.base+1, i), "now": now}).Execute()
		if err != nil {
			return err
		}
		for j := 0; j < 3; j++ {
			_, err := tx.DB().NewQuery("INSERT INTO order_details (id, `order`, name, number, amount) VALUES ({:id}, {:order}, 'x', 1, 100)").
				Bind(dbx.Params{"id": rawID(r.base+3, i*3+j), "order": orderID}).Execute()
			if err != nil {
				return err
			}
		}
		_, err = tx.DB().NewQuery("DELETE FROM cart_items WHERE user = {:user}").Bind(dbx.Params{"user": rawID(r.base+1, i)}).Execute()
		return err
	})
}

// rawID is a 15-digit id unique per (seed, i).
func rawID(seed int64, i int) string {
	return fmt.Sprintf("%d%06d", 100000000+seed%900000000, i)
}

// BenchmarkPaymentToAlert measures the time from a customer's payment request (mock provider) to the new-order
// alert arriving at an employee subscribed to alerts/* over SSE.
func BenchmarkPaymentToAlert(b *testing.B) {
	f := newFixture(b, mockProvider(b))
	s := f.customer()
	orders := make([]placed, b.N)
	for i := range orders {
		amount := benchCart(f, s)
		res, err := Submit(f.app, s.id, submitInputOf(f.submitBody(s, amount)))
		if err != nil {
			b.Fatal(err)
		}
		orders[i] = placed{id: res.ID, number: res.OrderNumber}
	}
	stream := apptest.Connect(b, f.base)
	if code := stream.Subscribe(b, f.base, f.staff, "alerts/*"); code != http.StatusNoContent {
		b.Fatalf("subscribe: %d", code)
	}
	client := &http.Client{}
	lat := make([]time.Duration, 0, b.N)
	errs := 0
	b.ResetTimer()
	start := time.Now()
	for _, o := range orders {
		t0 := time.Now()
		if err := postJSON(client, f.base+"/user/order/payment", map[string]any{"orderNumber": o.number, "payMethod": 1},
			"authentication", s.token, "PUT"); err != nil {
			errs++
			continue
		}
		ev, ok := stream.Next(b, "alerts/*", 5*time.Second)
		if !ok {
			errs++
			continue
		}
		var msg struct {
			Record struct {
				Type  int    `json:"type"`
				Order string `json:"order"`
			} `json:"record"`
		}
		json.Unmarshal([]byte(ev.Data), &msg)
		if msg.Record.Type != alert.NewOrder || msg.Record.Order != o.id.String() {
			errs++
			continue
		}
		lat = append(lat, time.Since(t0))
	}
	elapsed := time.Since(start)
	b.StopTimer()
	report(b, "payments/s", lat, errs, elapsed)
}

// submitInputOf decodes a submit body as the route would.
func submitInputOf(body map[string]any) SubmitInput {
	raw, _ := json.Marshal(body)
	var in SubmitInput
	json.Unmarshal(raw, &in)
	return in
}

// runConcurrently calls do(0..n-1) from workers goroutines and returns each call's latency, the failures and
// the wall time.
func runConcurrently(n, workers int, do func(i int) error) ([]time.Duration, int, time.Duration) {
	lat := make([]time.Duration, n)
	var next, failed atomic.Int64
	var wg sync.WaitGroup
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= n {
					return
				}
				t0 := time.Now()
				if err := do(i); err != nil {
					failed.Add(1)
				}
				lat[i] = time.Since(t0)
			}
		}()
	}
	wg.Wait()
	return lat, int(failed.Load()), time.Since(start)
}

func report(b *testing.B, rate string, lat []time.Duration, errs int, elapsed time.Duration) {
	if len(lat) == 0 {
		b.Fatalf("no successful calls, %d errors", errs)
	}
	b.ReportMetric(float64(b.N)/elapsed.Seconds(), rate)
	b.ReportMetric(percentile(lat, 0.50), "p50-ms")
	b.ReportMetric(percentile(lat, 0.99), "p99-ms")
	b.ReportMetric(float64(errs), "errors")
	b.ReportMetric(0, "ns/op")
}

// percentile is the p-th latency of lat (sorted in place), in milliseconds; 0 when lat is empty.
func percentile(lat []time.Duration, p float64) float64 {
	if len(lat) == 0 {
		return 0
	}
	slices.Sort(lat)
	return float64(lat[int(p*float64(len(lat)-1))].Microseconds()) / 1000
}

// postJSON sends a compat request (POST unless a method follows the headers) and fails unless it answers code 1.
func postJSON(client *http.Client, url string, body any, header, value string, method ...string) error {
	m := "POST"
	if len(method) > 0 {
		m = method[0]
	}
	return requestJSON(client, m, url, body, header, value, nil)
}

// requestJSON sends a compat request, fails unless it answers code 1, and decodes its data into out (if not nil).
func requestJSON(client *http.Client, method, url string, body any, header, value string, out any) error {
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, url, rd)
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set(header, value)
	res, err := client.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	var env struct {
		Code int             `json:"code"`
		Msg  *string         `json:"msg"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(raw, &env); err != nil || env.Code != 1 {
		return fmt.Errorf("%s %s: HTTP %d: %s", method, url, res.StatusCode, raw)
	}
	if out != nil {
		return json.Unmarshal(env.Data, out)
	}
	return nil
}
