package alert

import (
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/subscriptions"
)

// HeartbeatInterval is below the 60 s idle timeout of common reverse proxies.
const HeartbeatInterval = 25 * time.Second

// sendHeartbeats keeps idle SSE streams open behind proxies until stop is closed.
func sendHeartbeats(app core.App, every time.Duration, stop <-chan struct{}) {
	t := time.NewTicker(every)
	defer t.Stop()
	for {
		select {
		case <-stop:
			return
		case <-t.C:
			msg := subscriptions.Message{Name: "heartbeat", Data: []byte(`{}`)}
			for _, c := range app.SubscriptionsBroker().Clients() {
				if c.HasSubscription(collection + "/*") {
					c.Send(msg)
				}
			}
		}
	}
}
