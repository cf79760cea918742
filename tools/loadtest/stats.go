package loadtest

import (
	"errors"
	"fmt"
	"io"
	"sort"
	"sync"
	"time"
)

// stats collects what the load saw: per operation the latency of every call and its errors by message.
type stats struct {
	mu  sync.Mutex
	ops map[string]*opStats
}

type opStats struct {
	latencies []time.Duration
	errors    map[string]int
}

func newStats() *stats { return &stats{ops: map[string]*opStats{}} }

// record notes one call of op that took d and ended with err.
func (s *stats) record(op string, d time.Duration, err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	o := s.ops[op]
	if o == nil {
		o = &opStats{errors: map[string]int{}}
		s.ops[op] = o
	}
	o.latencies = append(o.latencies, d)
	if err != nil {
		o.errors[errorKey(err)]++
	}
}

// errorKey groups errors by what a client would see: the envelope message or HTTP status, else the Go error.
func errorKey(err error) string {
	var ce *callError
	if errors.As(err, &ce) {
		return ce.msg
	}
	return err.Error()
}

// percentile returns the p-th percentile (0..100) of ds by nearest rank; ds must be sorted.
func percentile(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	i := int(float64(len(ds))*p/100+0.999999) - 1
	if i < 0 {
		i = 0
	}
	if i >= len(ds) {
		i = len(ds) - 1
	}
	return ds[i]
}

func sorted(ds []time.Duration) []time.Duration {
	out := append([]time.Duration(nil), ds...)
	sort.Slice(out, func(i, j int) bool { return out[i] < out[j] })
	return out
}

// print writes one line per operation, then its errors by message.
func (s *stats) print(w io.Writer, elapsed time.Duration) {
	s.mu.Lock()
	defer s.mu.Unlock()
	names := make([]string, 0, len(s.ops))
	for n := range s.ops {
		names = append(names, n)
	}
	sort.Strings(names)
	fmt.Fprintf(w, "%-16s %7s %9s %9s %9s %7s\n", "operation", "count", "per sec", "p50", "p99", "errors")
	for _, n := range names {
		o := s.ops[n]
		ls := sorted(o.latencies)
		failed := 0
		for _, c := range o.errors {
			failed += c
		}
		fmt.Fprintf(w, "%-16s %7d %9.1f %9s %9s %7d\n", n, len(ls), float64(len(ls))/elapsed.Seconds(),
			round(percentile(ls, 50)), round(percentile(ls, 99)), failed)
		msgs := make([]string, 0, len(o.errors))
		for m := range o.errors {
			msgs = append(msgs, m)
		}
		sort.Strings(msgs)
		for _, m := range msgs {
			fmt.Fprintf(w, "    %6d × %s\n", o.errors[m], m)
		}
	}
}

func round(d time.Duration) time.Duration {
	if d >= time.Millisecond {
		return d.Round(100 * time.Microsecond)
	}
	return d.Round(time.Microsecond)
}

// alertBook matches the new-order alerts the consoles receive with the payments that raised them.
type alertBook struct {
	mu       sync.Mutex
	paidAt   map[string]time.Time   // order number → when the pay call answered
	arrivals []map[string]time.Time // per console: content → first arrival
	last     time.Time              // when any alert last arrived
}

func newAlertBook(consoles int) *alertBook {
	b := &alertBook{paidAt: map[string]time.Time{}, arrivals: make([]map[string]time.Time, consoles)}
	for i := range b.arrivals {
		b.arrivals[i] = map[string]time.Time{}
	}
	return b
}

func alertContent(number string) string { return "订单号：" + number }

func (b *alertBook) paid(number string, at time.Time) {
	b.mu.Lock()
	b.paidAt[number] = at
	b.mu.Unlock()
}

func (b *alertBook) arrived(console int, a alertArrival) {
	b.mu.Lock()
	if _, seen := b.arrivals[console][a.content]; !seen {
		b.arrivals[console][a.content] = a.at
	}
	b.last = a.at
	b.mu.Unlock()
}

// quietSince tells whether no alert has arrived for d: payments cut off when the load stopped may still
// raise alerts on the server for a moment.
func (b *alertBook) quietSince(d time.Duration) bool {
	b.mu.Lock()
	defer b.mu.Unlock()
	return time.Since(b.last) >= d
}

// complete tells whether every paid order's alert reached every console.
func (b *alertBook) complete() bool {
	_, missing, _ := b.delays()
	return missing == 0
}

// delays lists, for every paid order and console, how long after the pay answer the alert arrived, and counts
// the alerts that never did. An alert may arrive before the pay answer does (the server raises it first);
// that counts as no delay, and early counts them.
func (b *alertBook) delays() (ds []time.Duration, missing, early int) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for number, paid := range b.paidAt {
		for _, got := range b.arrivals {
			at, ok := got[alertContent(number)]
			if !ok {
				missing++
				continue
			}
			if at.Before(paid) {
				early++
			}
			ds = append(ds, max(at.Sub(paid), 0))
		}
	}
	return ds, missing, early
}
