package customer

import (
	"sync"
	"time"
)

// New browser customers are limited per client address, on top of PocketBase's rate limit rule for the route
// (which counts every sign-in, 30 a minute): a returning customer signs in freely, but one address cannot fill the
// users collection with throw-away customers. PocketBase's limiter counts requests by route only and offers no
// call for "one more of this kind", so this is a small fixed-window counter of its own. A restaurant's guest
// Wi-Fi puts its dine-in customers behind one address: the window is short, so a busy lunch is not refused.
const (
	NewCustomersPerAddress = 20
	NewCustomersWindow     = 10 * time.Minute
	// maxTrackedAddresses bounds the memory a flood of addresses can take; when full, expired windows go first,
	// and if none has expired the counter starts again empty.
	maxTrackedAddresses = 10_000
)

type newCustomerLimit struct {
	mu      sync.Mutex
	now     func() time.Time
	windows map[string]addressWindow
}

type addressWindow struct {
	start time.Time
	count int
}

// newNewCustomerLimit counts by now: the app's clock (clock.Now), so tests that set the clock move the windows too.
func newNewCustomerLimit(now func() time.Time) *newCustomerLimit {
	return &newCustomerLimit{now: now, windows: map[string]addressWindow{}}
}

// allow counts one new customer for address and tells whether it is within the limit.
func (l *newCustomerLimit) allow(address string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	w, ok := l.windows[address]
	if !ok || now.Sub(w.start) >= NewCustomersWindow {
		if !ok && len(l.windows) >= maxTrackedAddresses {
			l.forgetExpired(now)
		}
		w = addressWindow{start: now}
	}
	if w.count >= NewCustomersPerAddress {
		return false
	}
	w.count++
	l.windows[address] = w
	return true
}

func (l *newCustomerLimit) forgetExpired(now time.Time) {
	for a, w := range l.windows {
		if now.Sub(w.start) >= NewCustomersWindow {
			delete(l.windows, a)
		}
	}
	if len(l.windows) >= maxTrackedAddresses {
		l.windows = map[string]addressWindow{}
	}
}
