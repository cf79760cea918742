package alert

import "github.com/pocketbase/pocketbase/core"

// For the tests of package alert_test only.

// Open lists the alerts nobody has acknowledged yet, oldest first, as the console asks for them through the
// native API.
func Open(app core.App) ([]*core.Record, error) {
	return app.FindRecordsByFilter(collection, "acknowledged = false", "created", 500, 0)
}

// The order statuses order_rule.go reads, for comparing with the order module's.
const (
	OrderToBeConfirmed = orderToBeConfirmed
	OrderCompleted     = orderCompleted
	OrderCancelled     = orderCancelled
)
