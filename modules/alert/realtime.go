package alert

import (
	"strings"
	"time"

	"myrestaurant/modules/auth"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/subscriptions"
)

// HeartbeatInterval is below the 60 s idle timeout of common reverse proxies.
const HeartbeatInterval = 25 * time.Second

// refuseAlertsToNonStaff answers 403 when anyone but an enabled employee subscribes to alerts. PocketBase would
// only filter the events by the collection's rules; refusing tells a misconfigured client at once.
func refuseAlertsToNonStaff(e *core.RealtimeSubscribeRequestEvent) error {
	for _, s := range e.Subscriptions {
		if s != collection && !strings.HasPrefix(s, collection+"/") && !strings.HasPrefix(s, collection+"?") {
			continue
		}
		if !isEnabledEmployee(e.Auth) {
			return e.ForbiddenError("Only staff may subscribe to alerts.", nil)
		}
	}
	return e.Next()
}

func isEnabledEmployee(r *core.Record) bool {
	return r != nil && r.Collection().Name == auth.EmployeesCollection && r.GetInt("status") == auth.EmployeeEnabled
}

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
