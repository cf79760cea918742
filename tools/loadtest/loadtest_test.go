package loadtest_test

import (
	"context"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
	"myrestaurant/tools/loadtest"
)

// A short load against a real demo server places orders that all verify, and every console hears of each paid
// order.
func TestLoadAgainstDemoServer(t *testing.T) {
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true, AdminPassword: "load-pass"}); err != nil {
			t.Fatal(err)
		}
	})
	url := apptest.Serve(t, app)

	var out strings.Builder
	res, err := loadtest.Run(context.Background(), loadtest.Options{
		URL: url, AdminUser: "admin", AdminPassword: "load-pass",
		Customers: 4, Consoles: 2, Duration: 3 * time.Second, Scenario: loadtest.ScenarioAll,
	}, &out)
	t.Log("\n" + out.String())
	if err != nil {
		t.Fatal(err)
	}
	if res.Orders == 0 || res.Paid == 0 {
		t.Fatalf("no orders placed and paid: %+v", res)
	}
	if len(res.Mismatches) > 0 {
		t.Fatalf("verification mismatches: %v", res.Mismatches)
	}
	if res.AlertsArrived != res.AlertsWanted {
		t.Fatalf("%d of %d alerts arrived", res.AlertsArrived, res.AlertsWanted)
	}
}
