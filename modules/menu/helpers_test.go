package menu_test

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/types"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/menu"
)

func register(app core.App) { menu.Register(app) }

// shop is a fresh app on a real server with a signed-in employee and customer.
type shop struct {
	t             testing.TB
	app           *tests.TestApp
	base          string
	employee      *core.Record
	adminToken    string
	customerToken string
	saved         int
}

func newShop(t testing.TB) *shop {
	t.Helper()
	app := apptest.New(t, register)
	s := &shop{t: t, app: app, base: apptest.Serve(t, app)}
	s.employee, s.adminToken = apptest.Employee(t, app, "boss", 1)
	_, s.customerToken = apptest.Customer(t, app, "openid-1")
	return s
}

func (s *shop) admin(method, path string, body any) apptest.Reply {
	s.t.Helper()
	return apptest.Call(s.t, method, s.base+path, body, "token", s.adminToken)
}

func (s *shop) customer(method, path string) apptest.Reply {
	s.t.Helper()
	return apptest.Call(s.t, method, s.base+path, nil, "authentication", s.customerToken)
}

// ok fails the test unless r is a success, and decodes its data into out (if not nil).
func (s *shop) ok(r apptest.Reply, out any) {
	s.t.Helper()
	if r.Status != 200 || r.Code != 1 {
		s.t.Fatalf("want success, got HTTP %d code %d msg %q", r.Status, r.Code, r.Message())
	}
	if out != nil {
		if err := json.Unmarshal(r.Data, out); err != nil {
			s.t.Fatalf("data %s: %v", r.Data, err)
		}
	}
}

// fails checks that r is a business error whose message contains msg.
func (s *shop) fails(r apptest.Reply, msg string) {
	s.t.Helper()
	if r.Status != 200 || r.Code != 0 || !strings.Contains(r.Message(), msg) {
		s.t.Fatalf("want code 0 with %q, got HTTP %d code %d msg %q", msg, r.Status, r.Code, r.Message())
	}
}

func (s *shop) save(collection string, fields map[string]any) *core.Record {
	s.t.Helper()
	col, err := s.app.FindCollectionByNameOrId(collection)
	if err != nil {
		s.t.Fatal(err)
	}
	r := core.NewRecord(col)
	r.Load(fields)
	// One second apart, after anything created so far, so that newest-first lists have a certain order.
	if col.Fields.GetByName("created") != nil {
		s.saved++
		r.SetRaw("created", types.NowDateTime().Add(time.Duration(s.saved)*time.Second))
	}
	if err := s.app.Save(r); err != nil {
		s.t.Fatalf("save %s: %v", collection, err)
	}
	return r
}

func (s *shop) category(name string, kind, status int) compat.ID {
	return compat.ParseID(s.save("categories", map[string]any{"name": name, "type": kind, "status": status}).Id)
}

func (s *shop) dish(name string, category compat.ID, price int64, status int, flavors ...string) compat.ID {
	r := s.save("dishes", map[string]any{"name": name, "category": category.String(), "price": price, "status": status})
	for i := 0; i+1 < len(flavors); i += 2 {
		s.save("dish_flavors", map[string]any{"dish": r.Id, "name": flavors[i], "value": flavors[i+1]})
	}
	return compat.ParseID(r.Id)
}

func (s *shop) setmeal(name string, category compat.ID, price int64, status int, dishes ...compat.ID) compat.ID {
	r := s.save("setmeals", map[string]any{"name": name, "category": category.String(), "price": price, "status": status})
	for _, d := range dishes {
		dish := s.record("dishes", d)
		s.save("setmeal_dishes", map[string]any{"setmeal": r.Id, "dish": d.String(),
			"name": dish.GetString("name"), "price": dish.GetInt("price"), "copies": 1})
	}
	return compat.ParseID(r.Id)
}

func (s *shop) record(collection string, id compat.ID) *core.Record {
	s.t.Helper()
	r, err := s.app.FindRecordById(collection, id.String())
	if err != nil {
		s.t.Fatalf("find %s %s: %v", collection, id, err)
	}
	return r
}

func (s *shop) exists(collection string, id compat.ID) bool {
	_, err := s.app.FindRecordById(collection, id.String())
	return err == nil
}

func (s *shop) count(collection string) int64 {
	s.t.Helper()
	n, err := s.app.CountRecords(collection)
	if err != nil {
		s.t.Fatal(err)
	}
	return n
}

func (s *shop) findByName(collection, name string) *core.Record {
	s.t.Helper()
	r, err := s.app.FindFirstRecordByData(collection, "name", name)
	if err != nil {
		s.t.Fatalf("find %s %q: %v", collection, name, err)
	}
	return r
}

// flavorsOf is the dish's flavors as "name=value" in their order.
func (s *shop) flavorsOf(dish compat.ID) []string {
	s.t.Helper()
	var vo menu.DishVO
	s.ok(s.admin("GET", "/admin/dish/"+dish.String(), nil), &vo)
	out := []string{}
	for _, f := range vo.Flavors {
		out = append(out, f.Name+"="+f.Value)
	}
	return out
}

// status is the HTTP status of a plain request (for the native API, whose bodies are not envelopes).
func (s *shop) status(method, path string, body any, headers ...string) int {
	s.t.Helper()
	var rd io.Reader
	if body != nil {
		raw, _ := json.Marshal(body)
		rd = bytes.NewReader(raw)
	}
	req, _ := http.NewRequest(method, s.base+path, rd)
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		s.t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func (s *shop) me() compat.ID { return compat.ParseID(s.employee.Id) }
