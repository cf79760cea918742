package customer

import (
	"fmt"
	"testing"
	"time"
)

// The limit counts per address in windows of NewCustomersWindow: a full window refuses until it ends, and
// addresses never seen again do not stay in memory past maxTrackedAddresses.
func TestNewCustomerLimitWindows(t *testing.T) {
	now := time.Date(2026, 1, 1, 12, 0, 0, 0, time.UTC)
	l := newNewCustomerLimit(func() time.Time { return now })
	for i := range NewCustomersPerAddress {
		if !l.allow("a") {
			t.Fatalf("new customer %d refused", i+1)
		}
	}
	if l.allow("a") {
		t.Fatal("one more than the limit allowed")
	}
	if !l.allow("b") {
		t.Fatal("another address refused")
	}
	now = now.Add(NewCustomersWindow - time.Second)
	if l.allow("a") {
		t.Fatal("allowed before the window ended")
	}
	now = now.Add(time.Second)
	if !l.allow("a") {
		t.Fatal("refused after the window ended")
	}

	for i := range maxTrackedAddresses {
		l.allow(fmt.Sprint("flood-", i))
	}
	if len(l.windows) > maxTrackedAddresses {
		t.Fatalf("%d addresses tracked, at most %d", len(l.windows), maxTrackedAddresses)
	}
	// Once they have expired, a full table makes room by dropping them, not the windows still running.
	now = now.Add(NewCustomersWindow)
	for i := 0; len(l.windows) < maxTrackedAddresses; i++ {
		l.allow(fmt.Sprint("later-", i))
	}
	if _, ok := l.windows["flood-9999"]; !ok {
		t.Fatal("the last address of the flood should still be tracked until the table is full")
	}
	now = now.Add(time.Minute)
	l.allow("one more")
	_, expiredKept := l.windows["flood-9999"]
	if expiredKept || l.windows["later-0"].count != 1 || l.windows["one more"].count != 1 {
		t.Fatalf("after the sweep: %d addresses, expired kept %v, later-0 %+v", len(l.windows), expiredKept, l.windows["later-0"])
	}
}
