package report

import (
	"testing"

	"myrestaurant/modules/order"
)

// The report module names the order statuses it counts instead of importing the order module; this keeps the
// copies equal to the state machine's (a test may import what the module itself must not).
func TestReportOrderStatusesAreTheOrderModules(t *testing.T) {
	for _, s := range []struct {
		name         string
		report, want int
	}{
		{"ToBeConfirmed", statusToBeConfirmed, order.ToBeConfirmed},
		{"Confirmed", statusConfirmed, order.Confirmed},
		{"Completed", statusCompleted, order.Completed},
		{"Cancelled", statusCancelled, order.Cancelled},
	} {
		if s.report != s.want {
			t.Errorf("report counts %s as status %d, the order module has %d", s.name, s.report, s.want)
		}
	}
}
