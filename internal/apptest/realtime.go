package apptest

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"
	"time"

	"myrestaurant/internal/sse"
)

// Event is one server-sent event of PocketBase realtime.
type Event = sse.Event

// Stream is a live realtime connection to a server started by Serve.
type Stream struct {
	ClientID string
	Events   <-chan Event
	cancel   context.CancelFunc
}

// Close ends the connection.
func (s *Stream) Close() { s.cancel() }

// Next waits up to wait for the next event named name, skipping others.
func (s *Stream) Next(t testing.TB, name string, wait time.Duration) (Event, bool) {
	t.Helper()
	deadline := time.After(wait)
	for {
		select {
		case ev, ok := <-s.Events:
			if !ok {
				return Event{}, false
			}
			if ev.Name == name {
				return ev, true
			}
		case <-deadline:
			return Event{}, false
		}
	}
}

// Connect opens a realtime stream and waits for PocketBase's PB_CONNECT event.
func Connect(t testing.TB, base string) *Stream {
	t.Helper()
	s, status := TryConnect(t, base)
	if s == nil {
		t.Fatalf("realtime connect: HTTP %d", status)
	}
	return s
}

// TryConnect opens a realtime stream like Connect, or returns nil and the HTTP status when the server refuses it.
func TryConnect(t testing.TB, base string) (*Stream, int) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	req, _ := http.NewRequestWithContext(ctx, "GET", base+"/api/realtime", nil)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	if res.StatusCode != http.StatusOK {
		res.Body.Close()
		cancel()
		return nil, res.StatusCode
	}
	events := make(chan Event, 64)
	go func() {
		defer close(events)
		defer res.Body.Close()
		sse.Read(res.Body, func(ev Event) bool {
			select {
			case events <- ev:
				return true
			case <-ctx.Done():
				return false
			}
		})
	}()
	s := &Stream{Events: events, cancel: cancel}
	t.Cleanup(s.Close)
	ev, ok := s.Next(t, "PB_CONNECT", 5*time.Second)
	if !ok {
		t.Fatal("no PB_CONNECT event")
	}
	var connect struct {
		ClientID string `json:"clientId"`
	}
	json.Unmarshal([]byte(ev.Data), &connect)
	s.ClientID = connect.ClientID
	return s, res.StatusCode
}

// Subscribe sets the stream's subscriptions with token as Authorization and returns the HTTP status.
func (s *Stream) Subscribe(t testing.TB, base, token string, topics ...string) int {
	t.Helper()
	body, _ := json.Marshal(map[string]any{"clientId": s.ClientID, "subscriptions": topics})
	req, _ := http.NewRequest("POST", base+"/api/realtime", strings.NewReader(string(body)))
	req.Header.Set("Content-Type", "application/json")
	if token != "" {
		req.Header.Set("Authorization", token)
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

// RecordChange is a realtime event about a record: its action ("create", "update" or "delete") and fields.
type RecordChange struct {
	Action string         `json:"action"`
	Record map[string]any `json:"record"`
}

// NextChange waits up to wait for the next event of topic and reads it as a record change.
func (s *Stream) NextChange(t testing.TB, topic string, wait time.Duration) (RecordChange, bool) {
	t.Helper()
	ev, ok := s.Next(t, topic, wait)
	if !ok {
		return RecordChange{}, false
	}
	var c RecordChange
	if err := json.Unmarshal([]byte(ev.Data), &c); err != nil {
		t.Fatalf("realtime event of %s is not a record change: %s", topic, ev.Data)
	}
	return c, true
}
