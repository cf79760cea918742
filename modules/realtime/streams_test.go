package realtime

import (
	"testing"
	"time"

	"myrestaurant/internal/apptest"
)

// The per-address count forgets an address when its streams close, and a staff stream gives its place back when
// it subscribes: what the server remembers of clients is only who is connected now.
func TestStreamCountsForgetClientsThatLeft(t *testing.T) {
	app := apptest.New(t, Register)
	base := apptest.Serve(t, app)
	s := app.Store().Get(streamsKey).(*streams)
	_, staff := apptest.Employee(t, app, "chef", 1)

	console := apptest.Connect(t, base)
	var guests []*apptest.Stream
	for range 3 {
		guests = append(guests, apptest.Connect(t, base))
	}
	if got := s.count("127.0.0.1"); got != 4 {
		t.Fatalf("%d streams counted, want 4", got)
	}
	if code := console.Subscribe(t, base, staff, "PB_CONNECT", "alerts/*"); code != 204 {
		t.Fatalf("console subscribe: %d", code)
	}
	if got := s.count("127.0.0.1"); got != 3 {
		t.Fatalf("%d streams counted after the console signed in, want 3", got)
	}
	for _, g := range guests {
		g.Close()
	}
	console.Close()
	deadline := time.Now().Add(5 * time.Second)
	for s.addresses() > 0 || app.SubscriptionsBroker().TotalClients() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("after everyone left: %d addresses counted, %d clients held", s.addresses(), app.SubscriptionsBroker().TotalClients())
		}
		time.Sleep(10 * time.Millisecond)
	}
}
