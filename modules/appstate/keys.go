// Package appstate names every value the modules keep in a PocketBase app's Store(): state that belongs to one
// app (the server, or one test app among many in a test process) rather than to the process. A value is put
// there by its owner's Register, or made on first use (GetOrSet); only the owner reads it.
//
// Each key says what is missing when an app has no value under it, so that a reader knows what an app built
// without one module's Register (as most tests build theirs) does instead.
//
// Not here: values kept per request (compat's access level, e.Set) or per realtime client (realtime's stream
// slot, Client.Set), and the shop's time zone, which is still per process (clock.Zone).
package appstate

const (
	// Clock is the app's clock (compat.SetClock). Absent: the wall clock; tests set one to move time.
	Clock = "myrestaurant.clock"
	// AuthCache is the cache of verified auth tokens (compat.EnableAuthCache). Absent: every request verifies
	// its token against the database, as PocketBase does; correct, only slower.
	AuthCache = "myrestaurant.authCache"
	// HotStatements are compat's prepared statements of the hottest reads, made on first use.
	HotStatements = "myrestaurant.compat.hotStatements"

	// MenuCache is the cache of the customers' menu lists, made on first use; menu's record hooks empty it.
	MenuCache = "myrestaurant.menu.cache"

	// OrderProvider is how orders are paid (order.Register, when payments are configured). Absent: paying
	// answers that online payment is off, and cancelled paid orders are not refunded online.
	OrderProvider = "myrestaurant.order.provider"
	// OrderPlacer is the writer that places orders in group commits (order.Register, removed when the app
	// terminates). Absent: submitting an order fails with an error rather than writing without it.
	OrderPlacer = "myrestaurant.order.placer"
	// OrderPriceWatch counts the writes to shop and menu (order.Register). Absent: no price is trusted outside
	// the write transaction, so every submit prices its cart again inside it.
	OrderPriceWatch = "myrestaurant.order.priceWatch"
	// OrderScheduler is the order jobs' scheduler (order.Register); only the order tests read it, to watch
	// the jobs follow the shop's time zone.
	OrderScheduler = "myrestaurant.order.scheduler"
	// OrderTotal is the kept count of past orders for the staff's order list, made on first use.
	OrderTotal = "myrestaurant.order.total"
	// OrderReminders is when each order was last reminded, made on first use.
	OrderReminders = "myrestaurant.order.reminders"

	// RealtimeStreams counts the realtime streams per client address (realtime.Register, whose hooks hold it
	// themselves); only the realtime tests read it from the store.
	RealtimeStreams = "myrestaurant.realtime.streams"

	// ReportSales is the cache of past days' item sales, made on first use; report's record hooks drop it.
	ReportSales = "myrestaurant.report.sales"
)
