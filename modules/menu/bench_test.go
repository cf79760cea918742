package menu_test

import (
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

// benchMenu is a 20-category, 200-dish menu (two flavors a dish) behind the real router, without a network.
type benchMenu struct {
	app                       *tests.TestApp
	mux                       http.Handler
	adminToken, customerToken string
	category                  compat.ID
}

func newBenchMenu(b *testing.B) *benchMenu {
	b.Helper()
	app := apptest.New(b, compat.EnableAuthCache, register) // as in production (modules.Register)
	app.Settings().Logs.MaxDays = 5                         // PocketBase's default request log, which test apps turn off
	m := &benchMenu{app: app}
	_, m.adminToken = apptest.Employee(b, app, "boss", 1)
	_, m.customerToken = apptest.Customer(b, app, "openid-1")
	err := app.RunInTransaction(func(tx core.App) error {
		save := func(collection string, fields map[string]any) (string, error) {
			col, err := tx.FindCachedCollectionByNameOrId(collection)
			if err != nil {
				return "", err
			}
			r := core.NewRecord(col)
			r.Load(fields)
			return r.Id, tx.Save(r)
		}
		for c := range 20 {
			cat, err := save("categories", map[string]any{"name": fmt.Sprintf("分类%02d", c), "type": 1, "status": 1, "sort": c})
			if err != nil {
				return err
			}
			if c == 0 {
				m.category = compat.ParseID(cat)
			}
			for d := range 10 {
				dish, err := save("dishes", map[string]any{"name": fmt.Sprintf("菜品%02d-%02d", c, d), "category": cat,
					"price": 1000 + d*100, "status": 1, "description": "原料：草鱼，黄豆芽，莲藕", "image": "/api/files/x/y.png"})
				if err != nil {
					return err
				}
				for _, f := range [][2]string{{"辣度", `["不辣","微辣","中辣","重辣"]`}, {"忌口", `["不要葱","不要蒜","不要香菜","不要辣"]`}} {
					if _, err := save("dish_flavors", map[string]any{"dish": dish, "name": f[0], "value": f[1]}); err != nil {
						return err
					}
				}
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	router, err := apis.NewRouter(app)
	if err != nil {
		b.Fatal(err)
	}
	err = app.OnServe().Trigger(&core.ServeEvent{App: app, Router: router}, func(e *core.ServeEvent) error {
		m.mux, err = e.Router.BuildMux()
		return err
	})
	if err != nil {
		b.Fatal(err)
	}
	return m
}

// get serves one request and returns the response body.
func (m *benchMenu) get(b *testing.B, h http.Handler, url, header, token string) []byte {
	req := httptest.NewRequest("GET", url, nil)
	if header != "" {
		req.Header.Set(header, token)
	}
	rec := httptest.NewRecorder()
	h.ServeHTTP(rec, req)
	if rec.Code != 200 {
		b.Fatalf("%s: HTTP %d", url, rec.Code)
	}
	return rec.Body.Bytes()
}

// serveLoopback serves h on 127.0.0.1 and GETs url from 16 concurrent keep-alive clients.
func serveLoopback(b *testing.B, h http.Handler, url, header, token string) {
	srv := httptest.NewServer(h)
	defer srv.Close()
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.SetParallelism(8) // 8 per core
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			req, _ := http.NewRequest("GET", srv.URL+url, nil)
			if header != "" {
				req.Header.Set(header, token)
			}
			res, err := client.Do(req)
			if err != nil {
				b.Error(err)
				return
			}
			n, _ := io.Copy(io.Discard, res.Body)
			res.Body.Close()
			if res.StatusCode != 200 || n < 100 {
				b.Errorf("HTTP %d, %d bytes", res.StatusCode, n)
				return
			}
		}
	})
	reportRate(b)
}

func reportRate(b *testing.B) {
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
}

func BenchmarkAdminDishPage(b *testing.B) {
	m := newBenchMenu(b)
	for _, c := range []struct{ name, query string }{
		{"first page of 10", "page=1&pageSize=10"},
		{"all 200", "page=1&pageSize=200"},
		{"by name and category", "page=1&pageSize=10&name=菜品00&categoryId=" + m.category.String()},
	} {
		b.Run(c.name, func(b *testing.B) {
			url := "/admin/dish/page?" + strings.ReplaceAll(c.query, "菜品", "%E8%8F%9C%E5%93%81")
			if body := m.get(b, m.mux, url, "token", m.adminToken); !strings.Contains(string(body), `"categoryName":"分类`) {
				b.Fatalf("unexpected page: %.200s", body)
			}
			for b.Loop() {
				m.get(b, m.mux, url, "token", m.adminToken)
			}
			reportRate(b)
		})
	}
}

// BenchmarkCustomerDishList compares GET /user/dish/list (10 dishes with flavors) served from the menu cache,
// read from the database on every request, and the same cached bytes from a bare net/http handler (the
// ceiling: no routing, no auth, no database).
func BenchmarkCustomerDishList(b *testing.B) {
	m := newBenchMenu(b)
	url := "/user/dish/list?categoryId=" + m.category.String()
	body := m.get(b, m.mux, url, "authentication", m.customerToken)
	if !strings.Contains(string(body), `"flavors":[{`) {
		b.Fatalf("unexpected list: %.200s", body)
	}

	b.Run("cached", func(b *testing.B) {
		for b.Loop() {
			m.get(b, m.mux, url, "authentication", m.customerToken)
		}
		reportRate(b)
	})
	b.Run("uncached", func(b *testing.B) {
		for b.Loop() {
			menu.InvalidateMenuCache(m.app)
			m.get(b, m.mux, url, "authentication", m.customerToken)
		}
		reportRate(b)
	})
	b.Run("plain net/http, same bytes", func(b *testing.B) {
		plain := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write(body)
		})
		for b.Loop() {
			m.get(b, plain, url, "", "")
		}
		reportRate(b)
	})
	// Over loopback TCP, as the mini-program reads it: a real server and 16 keep-alive clients on the same
	// cores for both handlers, so the ratio includes what a real request costs everywhere else.
	b.Run("loopback cached", func(b *testing.B) { serveLoopback(b, m.mux, url, "authentication", m.customerToken) })
	b.Run("loopback plain net/http, same bytes", func(b *testing.B) {
		serveLoopback(b, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "application/json")
			w.Write(body)
		}), url, "", "")
	})
	// Without HTTP: what the cache saves on the data path alone.
	b.Run("function cached", func(b *testing.B) {
		for b.Loop() {
			menu.CustomerDishes(m.app, m.category)
		}
		reportRate(b)
	})
	b.Run("function uncached", func(b *testing.B) {
		for b.Loop() {
			menu.InvalidateMenuCache(m.app)
			menu.CustomerDishes(m.app, m.category)
		}
		reportRate(b)
	})
}
