package alert

import (
	"github.com/pocketbase/pocketbase/core"
)

// Register starts the heartbeat with the server, ends alerts whose order no longer needs them and serves the
// original admin web app's alert socket. Who may follow the alerts over realtime is the realtime module's rule
// (enabled employees only).
func Register(app core.App) {
	hub := newSocketHub(app, HeartbeatInterval)
	bindSocketHooks(app, hub)
	bindOrderRule(app)
	stop := make(chan struct{})
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		bindSocketRoute(se, hub)
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
