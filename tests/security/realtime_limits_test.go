package security_test

import (
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/realtime"
)

// Realtime offers only the topics our clients use, to those who may follow them: PB_CONNECT (the JS SDK's connect
// callback) to anyone, the staff alerts and order changes to enabled employees, an order to its customer (and staff).
// Nothing else, no query-string variants, a few topics per client.
func TestRealtimeOffersOnlyOurTopicsToTheirReaders(t *testing.T) {
	w := newWorld(t)
	alicesOrder, bobsOrder := "orders/"+w.alice.order.String(), "orders/"+w.bob.order.String()
	cases := []struct {
		who, token string
		topics     []string
		want       int
	}{
		{"guest", "", []string{"PB_CONNECT"}, http.StatusNoContent},
		{"guest", "", []string{"PB_CONNECT", "orders/*"}, http.StatusForbidden},
		{"guest", "", []string{"orders"}, http.StatusForbidden},
		{"guest", "", []string{alicesOrder}, http.StatusForbidden},
		{"guest", "", []string{"cart_items/*"}, http.StatusForbidden},
		{"guest", "", []string{"dishes/*"}, http.StatusForbidden}, // public, but no client of ours follows it
		{"guest", "", []string{"alerts/*"}, http.StatusForbidden},
		{"guest", "", []string{"users/*"}, http.StatusForbidden},
		{"customer", w.alice.token, []string{"PB_CONNECT", alicesOrder}, http.StatusNoContent},
		{"customer", w.alice.token, []string{bobsOrder}, http.StatusForbidden},
		{"customer", w.alice.token, []string{"orders/*"}, http.StatusForbidden},
		{"customer", w.alice.token, []string{alicesOrder + `?options={"query":{"n":"1"}}`}, http.StatusForbidden},
		{"customer", w.alice.token, []string{"orders/100000000000000"}, http.StatusForbidden}, // no such order
		{"customer", w.alice.token, []string{"alerts/*"}, http.StatusForbidden},
		{"customer", w.alice.token, []string{"address_book/*"}, http.StatusForbidden},
		{"employee", w.staff, []string{"PB_CONNECT", "alerts/*"}, http.StatusNoContent}, // the console's
		{"employee", w.staff, []string{alicesOrder, bobsOrder}, http.StatusNoContent},
		{"employee", w.staff, []string{"alerts/*?options={}"}, http.StatusForbidden},
		{"employee", w.staff, []string{"orders/*"}, http.StatusForbidden},
		{"employee", w.staff, []string{"staff/orders"}, http.StatusNoContent}, // the console's live order lists
		{"customer", w.alice.token, []string{"staff/orders"}, http.StatusForbidden},
		{"guest", "", []string{"staff/orders"}, http.StatusForbidden},
		{"locked employee", w.lockedStaff, []string{"staff/orders"}, http.StatusForbidden},
		{"locked employee", w.lockedStaff, []string{"alerts/*"}, http.StatusForbidden},
		{"locked employee", w.lockedStaff, []string{alicesOrder}, http.StatusForbidden},
	}
	for _, c := range cases {
		stream := apptest.Connect(t, w.base)
		if got := stream.Subscribe(t, w.base, c.token, c.topics...); got != c.want {
			t.Errorf("%s subscribing to %v: HTTP %d, want %d", c.who, c.topics, got, c.want)
		}
		stream.Close()
	}

	// A few topics per client, whoever asks.
	many := []string{"PB_CONNECT"}
	for range realtime.MaxTopicsPerClient {
		many = append(many, alicesOrder)
	}
	stream := apptest.Connect(t, w.base)
	if got := stream.Subscribe(t, w.base, w.alice.token, many...); got != http.StatusBadRequest {
		t.Errorf("%d topics: HTTP %d, want 400", len(many), got)
	}
}

// The attack of issue 13: 20 anonymous clients from one address, each asking for 1,000 long topics on orders that
// differ only in their query string. Few of them get a stream and none holds a subscription. Staff consoles on the
// same address, signed in before, do not count against it.
func TestRealtimeFloodFromOneAddressHoldsNothing(t *testing.T) {
	w := newWorld(t)
	for i := range realtime.MaxStreamsPerAddress + 2 {
		console := apptest.Connect(t, w.base)
		if got := console.Subscribe(t, w.base, w.staff, "PB_CONNECT", "alerts/*"); got != http.StatusNoContent {
			t.Fatalf("console %d subscribe: HTTP %d", i, got)
		}
	}
	var open []*apptest.Stream
	refused := 0
	for i := range 20 {
		stream, status := apptest.TryConnect(t, w.base)
		if stream == nil {
			if status != http.StatusTooManyRequests {
				t.Fatalf("stream %d refused with HTTP %d, want 429", i, status)
			}
			refused++
			continue
		}
		open = append(open, stream)
		topics := make([]string, 1000)
		for j := range topics {
			topics[j] = fmt.Sprintf(`orders/*?options={"query":{"n":"%d"},"headers":{"pad":"%s"}}`, j, strings.Repeat("x", 2000))
		}
		if got := stream.Subscribe(t, w.base, "", topics...); got != http.StatusRequestEntityTooLarge {
			t.Errorf("client %d: 1,000 topics of 2,000 characters: HTTP %d, want 413", i, got)
		}
	}
	if len(open) != realtime.MaxStreamsPerAddress || refused != 20-realtime.MaxStreamsPerAddress {
		t.Errorf("one address held %d streams (%d refused), want %d", len(open), refused, realtime.MaxStreamsPerAddress)
	}
	held := 0
	for _, c := range w.app.SubscriptionsBroker().Clients() {
		held += len(c.Subscriptions())
	}
	if want := 2 * (realtime.MaxStreamsPerAddress + 2); held != want {
		t.Errorf("%d subscriptions held, want only the consoles' %d", held, want)
	}
}

// Streams given back when clients leave: the address may open as many again, and the broker forgets them.
func TestRealtimeStreamsAreGivenBackWhenClientsLeave(t *testing.T) {
	w := newWorld(t)
	for round := range 2 {
		var open []*apptest.Stream
		deadline := time.Now().Add(5 * time.Second)
		for len(open) < realtime.MaxStreamsPerAddress {
			stream, status := apptest.TryConnect(t, w.base)
			if stream == nil {
				if status != http.StatusTooManyRequests || time.Now().After(deadline) {
					t.Fatalf("round %d: stream %d refused: HTTP %d", round, len(open)+1, status)
				}
				time.Sleep(20 * time.Millisecond) // the server has not yet seen the last round's streams close
				continue
			}
			open = append(open, stream)
		}
		if stream, status := apptest.TryConnect(t, w.base); stream != nil || status != http.StatusTooManyRequests {
			t.Fatalf("round %d: a stream past the limit: HTTP %d", round, status)
		}
		for _, s := range open {
			s.Close()
		}
	}
	deadline := time.Now().Add(5 * time.Second)
	for w.app.SubscriptionsBroker().TotalClients() > 0 {
		if time.Now().After(deadline) {
			t.Fatalf("%d realtime clients still held after everyone left", w.app.SubscriptionsBroker().TotalClients())
		}
		time.Sleep(20 * time.Millisecond)
	}
}
