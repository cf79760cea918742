package realtime_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
)

// BenchmarkConfirmWithConsolesFollowingOrders measures what the consoles' live order lists cost the shop: a staff
// confirm over HTTP (one order update, sent to realtime subscribers while the request waits, and the end of its
// new-order alert) with no console open, and with consoles that follow the alerts only or also the order
// changes (staff/orders: one message per console and order change, encoded once).
//
//	go test -run '^$' -bench ConfirmWithConsolesFollowingOrders -benchtime 500x ./modules/realtime
func BenchmarkConfirmWithConsolesFollowingOrders(b *testing.B) {
	for _, c := range []struct {
		consoles int
		topics   []string
	}{{0, nil}, {5, []string{"alerts/*"}}, {5, []string{"alerts/*", "staff/orders"}}, {20, []string{"alerts/*", "staff/orders"}}} {
		b.Run(fmt.Sprintf("%d consoles %v", c.consoles, c.topics), func(b *testing.B) {
			app, base, staff := benchShop(b)
			ids := paidOrders(b, app, b.N)
			for range c.consoles {
				stream := apptest.Connect(b, base)
				if code := stream.Subscribe(b, base, staff, c.topics...); code != http.StatusNoContent {
					b.Fatalf("subscribe: HTTP %d", code)
				}
				go func() {
					for range stream.Events { // read as a browser would, so the server never waits on a full stream
					}
				}()
			}
			b.ResetTimer()
			for i := range b.N {
				r := apptest.Call(b, "PUT", base+"/admin/order/confirm", map[string]any{"id": json.Number(ids[i])}, "token", staff)
				if r.Code != 1 {
					b.Fatalf("confirm: HTTP %d %q", r.Status, r.Message())
				}
			}
		})
	}
}

// benchShop serves a shop with every module, without rate limits (one address sends everything here), and
// returns it with its address and a staff token.
func benchShop(b *testing.B) (core.App, string, string) {
	b.Helper()
	app := apptest.New(b, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			b.Fatal(err)
		}
	})
	s := app.Settings()
	s.RateLimits.Enabled = false
	if err := app.Save(s); err != nil {
		b.Fatal(err)
	}
	base := apptest.Serve(b, app)
	_, staff := apptest.Employee(b, app, "chef", 1)
	return app, base, staff
}
