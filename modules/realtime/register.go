package realtime

import "github.com/pocketbase/pocketbase/core"

const streamsKey = "myrestaurant.realtime.streams"

// Register limits the app's realtime topics, topics per client and streams per address.
func Register(app core.App) {
	s := &streams{open: map[string]int{}}
	app.Store().Set(streamsKey, s)
	app.OnRealtimeConnectRequest().BindFunc(s.limitStreams)
	app.OnRealtimeSubscribeRequest().BindFunc(checkSubscriptions)
	app.OnRealtimeSubscribeRequest().BindFunc(s.uncountStaff)
}
