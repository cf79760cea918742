package security_test

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"
)

// The actors of the native API matrix.
type actor int

const (
	guest actor = iota
	customer
	employee
	lockedEmployee // a token issued before the employee was locked: still a valid PocketBase token
	actors
)

func (a actor) String() string {
	return [...]string{"guest", "customer", "employee", "locked employee"}[a]
}

// What an actor may read of a collection through the native API.
type readAccess int

const (
	readNone     readAccess = iota // lists nothing (or is refused), views nothing
	readOwn                        // lists and views only their own records
	readAll                        // lists and views every record
	readViewOnly                   // may view a record by id but not list the collection
)

// access is DESIGN.md §4's rule of one collection, per actor.
type access struct {
	collection             string
	read                   [actors]readAccess
	create, update, delete [actors]bool
	target                 func(w *world) string // a record the actor does not own (bob's, for customers' data)
	change                 map[string]any        // an update that would matter
}

var (
	nobody    = [actors]bool{}
	employees = [actors]bool{employee: true}
	menuRead  = [actors]readAccess{readAll, readAll, readAll, readAll}
	ownRead   = [actors]readAccess{readNone, readOwn, readNone}
	staffRead = [actors]readAccess{readNone, readNone, readAll}
)

func first(collection string) func(w *world) string {
	return func(w *world) string {
		r, err := w.app.FindFirstRecordByFilter(collection, "id != ''")
		if err != nil {
			w.t.Fatalf("no %s record to attack: %v", collection, err)
		}
		return r.Id
	}
}

var nativeRules = []access{
	{collection: "categories", read: menuRead, create: employees, update: employees, delete: employees,
		target: first("categories"), change: map[string]any{"sort": 99}},
	{collection: "dishes", read: menuRead, create: employees, update: employees, delete: employees,
		target: first("dishes"), change: map[string]any{"description": "changed through the native API"}},
	{collection: "dish_flavors", read: menuRead, create: employees, update: employees, delete: employees,
		target: first("dish_flavors"), change: map[string]any{"name": "改过的口味"}},
	{collection: "setmeals", read: menuRead, create: employees, update: employees, delete: employees,
		target: first("setmeals"), change: map[string]any{"description": "changed through the native API"}},
	{collection: "setmeal_dishes", read: menuRead, create: employees, update: employees, delete: employees,
		target: first("setmeal_dishes"), change: map[string]any{"copies": 7}},
	{collection: "address_book", read: ownRead, create: nobody, update: nobody, delete: nobody,
		target: func(w *world) string { return w.bob.address.String() }, change: map[string]any{"detail": "hacked"}},
	{collection: "cart_items", read: ownRead, create: nobody, update: nobody, delete: nobody,
		target: func(w *world) string { return w.bob.cartItem.String() }, change: map[string]any{"number": 99}},
	{collection: "orders", read: [actors]readAccess{readNone, readOwn, readAll}, create: nobody, update: nobody, delete: nobody,
		target: func(w *world) string { return w.bob.order.String() }, change: map[string]any{"status": 5, "amount": 1}},
	{collection: "order_details", read: [actors]readAccess{readNone, readOwn, readAll}, create: nobody, update: nobody, delete: nobody,
		target: func(w *world) string { return w.bob.detail.String() }, change: map[string]any{"amount": 1}},
	{collection: "payments", read: [actors]readAccess{}, create: nobody, update: nobody, delete: nobody,
		target: first("payments"), change: map[string]any{"state": "failed"}},
	{collection: "alerts", read: staffRead, create: nobody, update: employees, delete: nobody,
		target: first("alerts"), change: map[string]any{"acknowledged": true}},
	{collection: "shop", read: menuRead, create: nobody, update: employees, delete: nobody,
		target: first("shop"), change: map[string]any{"name": "改名的店"}},
	{collection: "users", read: ownRead, create: nobody, update: nobody, delete: nobody,
		target: func(w *world) string { return w.bob.id.String() }, change: map[string]any{"name": "hacked"}},
	{collection: "employees", read: staffRead, create: nobody, update: nobody, delete: nobody,
		target: func(w *world) string { return w.staffID.String() }, change: map[string]any{"name": "hacked"}},
	{collection: "images", read: [actors]readAccess{readViewOnly, readViewOnly, readViewOnly, readViewOnly}, create: nobody, update: nobody, delete: nobody,
		target: first("images"), change: map[string]any{"uploaded_by": ""}},
}

// list is PocketBase's list answer.
type list struct {
	TotalItems int              `json:"totalItems"`
	Items      []map[string]any `json:"items"`
}

// Every collection through /api/collections/<name>/records, as guest, customer and employee: list, view,
// create, update and delete against DESIGN.md §4. A refused write must leave the data as it was.
func TestNativeAPIFollowsTheCollectionRules(t *testing.T) {
	w := newWorld(t)
	w.ok("GET", fmt.Sprintf("/user/order/reminder/%d", w.alice.order), nil, "authentication", w.alice.token) // an alert
	w.uploadPNG(t)                                                                                           // an image
	tokens := [actors]string{guest: "", customer: w.alice.token, employee: w.staff, lockedEmployee: w.lockedStaff}

	cases := 0
	for _, rule := range nativeRules {
		records := w.base + "/api/collections/" + rule.collection + "/records"
		for a := guest; a < actors; a++ {
			auth := []string{}
			if tokens[a] != "" {
				auth = []string{"Authorization", tokens[a]}
			}
			target := rule.target(w)
			name := func(op string) string { return fmt.Sprintf("%s/%s/%s", rule.collection, a, op) }

			t.Run(name("list"), func(t *testing.T) {
				res := send(t, "GET", records+"?perPage=500", nil, auth...)
				w.checkList(t, rule.collection, rule.read[a], res)
			})
			t.Run(name("view another's record"), func(t *testing.T) {
				res := send(t, "GET", records+"/"+target, nil, auth...)
				mayView := rule.read[a] == readAll || rule.read[a] == readViewOnly
				if mayView != (res.status == http.StatusOK) {
					t.Errorf("may view: %v, got %s", mayView, res)
				}
			})
			var created string
			t.Run(name("create"), func(t *testing.T) {
				before := w.count(rule.collection)
				res := send(t, "POST", records, w.copyOf(rule.collection, target), auth...)
				if rule.create[a] {
					var r struct{ ID string }
					json.Unmarshal(res.body, &r)
					if res.status != http.StatusOK || r.ID == "" {
						t.Fatalf("allowed create refused: %s", res)
					}
					created = r.ID
					return
				}
				if res.status < 400 || res.status >= 500 || w.count(rule.collection) != before {
					t.Errorf("create not refused: %s", res)
				}
			})
			t.Run(name("update another's record"), func(t *testing.T) {
				before := w.rawSnapshot(rule.collection, target)
				res := send(t, "PATCH", records+"/"+target, rule.change, auth...)
				if rule.update[a] {
					if res.status != http.StatusOK {
						t.Errorf("allowed update refused: %s", res)
					}
					return
				}
				if res.status < 400 || res.status >= 500 || w.rawSnapshot(rule.collection, target) != before {
					t.Errorf("update not refused: %s", res)
				}
			})
			t.Run(name("delete"), func(t *testing.T) {
				if rule.delete[a] {
					if created == "" {
						t.Skip("nothing created to delete")
					}
					if res := send(t, "DELETE", records+"/"+created, nil, auth...); res.status != http.StatusNoContent {
						t.Errorf("allowed delete refused: %s", res)
					}
					return
				}
				res := send(t, "DELETE", records+"/"+target, nil, auth...)
				if res.status < 400 || res.status >= 500 || w.rawSnapshot(rule.collection, target) == "" {
					t.Errorf("delete not refused: %s", res)
				}
			})
			cases += 5
		}
	}
	t.Logf("%d collections × %d actors × 5 operations = %d cases", len(nativeRules), actors, cases)
}

// The rules' finer points: a customer edits their profile but never their openid; staff acknowledge an alert
// but change nothing else of it; a crafted filter does not widen a customer's list.
func TestNativeAPIFinePoints(t *testing.T) {
	w := newWorld(t)
	w.ok("GET", fmt.Sprintf("/user/order/reminder/%d", w.alice.order), nil, "authentication", w.alice.token)
	users := w.base + "/api/collections/users/records/" + w.alice.id.String()
	alice := []string{"Authorization", w.alice.token}

	t.Run("a customer renames themself", func(t *testing.T) {
		if res := send(t, "PATCH", users, map[string]any{"name": "新名字"}, alice...); res.status != http.StatusOK {
			t.Errorf("refused: %s", res)
		}
	})
	t.Run("a customer cannot change their openid", func(t *testing.T) {
		res := send(t, "PATCH", users, map[string]any{"openid": "openid-bob-2"}, alice...)
		r, _ := w.app.FindRecordById("users", w.alice.id.String())
		if res.status < 400 || r.GetString("openid") != "openid-alice" {
			t.Errorf("openid changed: %s, now %q", res, r.GetString("openid"))
		}
	})
	t.Run("staff cannot rewrite an alert", func(t *testing.T) {
		alert, err := w.app.FindFirstRecordByFilter("alerts", "id != ''")
		if err != nil {
			t.Fatal(err)
		}
		before := w.rawSnapshot("alerts", alert.Id)
		res := send(t, "PATCH", w.base+"/api/collections/alerts/records/"+alert.Id,
			map[string]any{"content": "伪造的提醒", "type": 1}, "Authorization", w.staff)
		if res.status < 400 || w.rawSnapshot("alerts", alert.Id) != before {
			t.Errorf("alert rewritten: %s", res)
		}
	})
	for _, filter := range []string{"id != '' || 1 = 1", "user != @request.auth.id", "(user = '' || user != '')", "user ~ '%'"} {
		t.Run("a crafted filter shows only her own orders: "+filter, func(t *testing.T) {
			res := send(t, "GET", w.base+"/api/collections/orders/records?filter="+url.QueryEscape(filter), nil, alice...)
			if res.status == http.StatusOK {
				w.checkList(t, "orders", readOwnOrNothing, res)
			}
		})
	}
}

// readOwnOrNothing is readOwn that may also come back empty, for filters that exclude her own records.
const readOwnOrNothing readAccess = -1

// checkList compares a list answer with the access the actor has.
func (w *world) checkList(t *testing.T, collection string, want readAccess, res response) {
	t.Helper()
	if res.status != http.StatusOK {
		if want == readNone || want == readViewOnly {
			return // refused outright: fine
		}
		t.Fatalf("list refused: %s", res)
	}
	var l list
	if err := json.Unmarshal(res.body, &l); err != nil {
		t.Fatalf("not a list: %s", res)
	}
	switch want {
	case readNone, readViewOnly:
		if len(l.Items) != 0 {
			t.Errorf("lists %d records, want none", len(l.Items))
		}
	case readAll:
		if n := w.count(collection); int64(l.TotalItems) != n {
			t.Errorf("lists %d of %d records", l.TotalItems, n)
		}
	case readOwn, readOwnOrNothing:
		if want == readOwn && len(l.Items) == 0 {
			t.Errorf("lists none of her own records")
		}
		for _, item := range l.Items {
			if !w.alices(collection, item) {
				t.Errorf("lists a record that is not hers: %v", item)
			}
		}
	}
	if want != readAll && (strings.Contains(string(res.body), w.bob.secrets) || strings.Contains(string(res.body), w.bob.orderNumber)) {
		t.Errorf("the list leaks bob's data: %s", res)
	}
}

// alices says whether a listed record belongs to alice.
func (w *world) alices(collection string, item map[string]any) bool {
	switch collection {
	case "users":
		return item["id"] == w.alice.id.String()
	case "order_details":
		o, err := w.app.FindRecordById("orders", fmt.Sprint(item["order"]))
		return err == nil && o.GetString("user") == w.alice.id.String()
	default:
		return item["user"] == w.alice.id.String()
	}
}

// copyOf is a valid create body: the stored fields of record id, with names made unique.
func (w *world) copyOf(collection, id string) map[string]any {
	w.t.Helper()
	r, err := w.app.FindRecordById(collection, id)
	if err != nil {
		w.t.Fatal(err)
	}
	body := map[string]any{}
	for k, v := range r.FieldsData() {
		switch k {
		case "id", "created", "updated", core.FieldNameTokenKey, core.FieldNamePassword:
			continue
		}
		body[k] = v
	}
	if name, ok := body["name"].(string); ok {
		body["name"] = name + "副本"
	}
	if _, ok := body["username"]; ok {
		body["username"] = "copied-employee"
		body["password"], body["passwordConfirm"] = "secret-123", "secret-123"
	}
	if _, ok := body["openid"]; ok {
		body["openid"] = "openid-copied"
	}
	return body
}

// rawSnapshot is snapshot for any id.
func (w *world) rawSnapshot(collection, id string) string {
	r, err := w.app.FindRecordById(collection, id)
	if err != nil {
		return ""
	}
	raw, _ := json.Marshal(r.FieldsData())
	return string(raw)
}
