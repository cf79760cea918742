package realtime

import (
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/appstate"
)

const streamsKey = appstate.RealtimeStreams

// maxSubscribeBody bounds a subscription request: MaxTopicsPerClient short topics fit many times over, while
// PocketBase alone would read and parse up to 32 MB (1,000 topics of 2,500 characters) before any check.
const maxSubscribeBody = 16 << 10

// Register limits the app's realtime topics, topics per client and streams per address, and sends the consoles
// the order changes they follow.
func Register(app core.App) {
	s := &streams{open: map[string]int{}}
	app.Store().Set(streamsKey, s)
	app.OnRealtimeConnectRequest().BindFunc(s.limitStreams)
	app.OnRealtimeSubscribeRequest().BindFunc(checkSubscriptions)
	app.OnRealtimeSubscribeRequest().BindFunc(s.uncountStaff)
	bindOrderChanges(app)
	subscribeBodyLimit := apis.BodyLimit(maxSubscribeBody)
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.BindFunc(func(e *core.RequestEvent) error {
			if e.Request.Method == http.MethodPost && e.Request.URL.Path == "/api/realtime" {
				return subscribeBodyLimit.Func(e)
			}
			return e.Next()
		})
		return se.Next()
	})
}
