package realtime_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
)

// BenchmarkConfirmUnderSubscriptionFlood measures a staff confirm (PUT /admin/order/confirm over HTTP, whose order
// update PocketBase broadcasts to realtime subscribers while the request waits) on a quiet shop and while 20
// anonymous clients from one address try to hold 1,000 subscriptions each: long topics on the orders collection
// that differ only in their query string, the attack of issue 13.
//
//	go test -run '^$' -bench ConfirmUnderSubscriptionFlood -benchtime 200x ./modules/realtime
func BenchmarkConfirmUnderSubscriptionFlood(b *testing.B) {
	for _, flood := range []struct{ clients, topics int }{{0, 0}, {20, 1000}} {
		name := "quiet"
		if flood.clients > 0 {
			name = fmt.Sprintf("%d clients x %d subscriptions", flood.clients, flood.topics)
		}
		b.Run(name, func(b *testing.B) {
			app, base, staff := benchShop(b)
			ids := paidOrders(b, app, b.N)

			held := 0
			for i := range flood.clients {
				stream, _ := apptest.TryConnect(b, base)
				if stream == nil {
					continue // refused: the cap on streams per address
				}
				topics := make([]string, flood.topics)
				for j := range topics {
					topics[j] = fmt.Sprintf(`orders/*?options={"query":{"n":"%d-%d","pad":"%s"}}`, i, j, strings.Repeat("x", 1000))
				}
				if stream.Subscribe(b, base, "", topics...) == http.StatusNoContent {
					held += len(topics)
				}
			}
			b.ResetTimer()
			for i := range b.N {
				r := apptest.Call(b, "PUT", base+"/admin/order/confirm", map[string]any{"id": json.Number(ids[i])}, "token", staff)
				if r.Code != 1 {
					b.Fatalf("confirm: HTTP %d %q", r.Status, r.Message())
				}
			}
			b.ReportMetric(float64(held), "subscriptions-held")
		})
	}
}

// paidOrders stores n orders waiting for the kitchen.
func paidOrders(b *testing.B, app core.App, n int) []string {
	b.Helper()
	customer, _ := apptest.Customer(b, app, "openid-bench")
	col, err := app.FindCollectionByNameOrId("orders")
	if err != nil {
		b.Fatal(err)
	}
	ids := make([]string, n)
	for i := range ids {
		o := core.NewRecord(col)
		o.Set("number", fmt.Sprint(1763900000000000+i))
		o.Set("status", 2)
		o.Set("pay_status", 1)
		o.Set("pay_method", 1)
		o.Set("user", customer.Id)
		o.Set("amount", 5600)
		if err := app.Save(o); err != nil {
			b.Fatal(err)
		}
		ids[i] = o.Id
	}
	return ids
}
