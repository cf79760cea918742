package alert

import (
	"github.com/pocketbase/pocketbase/core"
)

// Register guards alert subscriptions and starts the heartbeat with the server.
func Register(app core.App) {
	app.OnRealtimeSubscribeRequest().BindFunc(refuseAlertsToNonStaff)
	stop := make(chan struct{})
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		go sendHeartbeats(se.App, HeartbeatInterval, stop)
		return se.Next()
	})
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		select {
		case <-stop:
		default:
			close(stop)
		}
		return e.Next()
	})
}
