package backoffice_test

import (
	"fmt"
	"net/http"
	"os"
	"strconv"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
	"myrestaurant/internal/history"
	"myrestaurant/modules/backoffice"
)

// BenchmarkOrderOverview measures what the dashboard asks of the order overview on a shop with a long history
// (MYRESTAURANT_BENCH_ORDERS orders, default 50,000), over HTTP as a superuser: a page of its list (unsorted, and
// newest first as README links it; no total) and the total it shows under the list, each beside the same request
// on the orders collection itself.
//
//	MYRESTAURANT_BENCH_ORDERS=1000000 go test -run '^$' -bench OrderOverview -timeout 30m ./modules/backoffice
func BenchmarkOrderOverview(b *testing.B) {
	n := 50_000
	if s := os.Getenv("MYRESTAURANT_BENCH_ORDERS"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil {
			b.Fatal(err)
		}
	}
	app := apptest.New(b, register)
	start := time.Now()
	seeded, err := history.Seed(app, history.Options{Orders: n, Now: time.Now()})
	if err != nil {
		b.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "seeded %s in %s\n", seeded, time.Since(start).Round(time.Millisecond))
	base := apptest.Serve(b, app)
	_, owner := apptest.Superuser(b, app, "owner@example.com")
	for _, c := range []struct{ name, url string }{
		{"overview page", "/api/collections/" + backoffice.OverviewCollection + "/records?page=1&perPage=30&skipTotal=1"},
		{"overview page 100", "/api/collections/" + backoffice.OverviewCollection + "/records?page=100&perPage=30&skipTotal=1"},
		{"overview newest first", "/api/collections/" + backoffice.OverviewCollection + "/records?page=1&perPage=30&skipTotal=1&sort=-order_time"},
		{"orders newest first", "/api/collections/orders/records?page=1&perPage=30&skipTotal=1&sort=-order_time"},
		{"overview total", "/api/collections/" + backoffice.OverviewCollection + "/records?page=1&perPage=1&fields=id"},
		{"orders total", "/api/collections/orders/records?page=1&perPage=1&fields=id"},
	} {
		b.Run(c.name, func(b *testing.B) {
			for range b.N {
				req, _ := http.NewRequest("GET", base+c.url, nil)
				req.Header.Set("Authorization", owner)
				res, err := http.DefaultClient.Do(req)
				if err != nil || res.StatusCode != 200 {
					b.Fatalf("%v %v", err, res)
				}
				res.Body.Close()
			}
		})
	}
}
