package alert

import (
	"testing"
	"time"

	"myrestaurant/internal/apptest"
)

func TestHeartbeatReachesAlertSubscribers(t *testing.T) {
	app := apptest.New(t, Register)
	base := apptest.Serve(t, app)
	_, tok := apptest.Employee(t, app, "alice", 1)
	s := apptest.Connect(t, base)
	if code := s.Subscribe(t, base, tok, "alerts/*"); code != 204 {
		t.Fatalf("subscribe: %d", code)
	}
	stop := make(chan struct{})
	defer close(stop)
	go sendHeartbeats(app, 10*time.Millisecond, stop)
	if _, ok := s.Next(t, "heartbeat", 5*time.Second); !ok {
		t.Fatal("no heartbeat")
	}
}
