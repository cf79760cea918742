package backoffice_test

import (
	"testing"

	"myrestaurant/internal/apptest"
)

// A dish edited in the dashboard is the owner's edit, not the last employee's; one edited by an employee's SDK
// client on the record API is that employee's.
func TestDashboardEditsAreTheirSenders(t *testing.T) {
	app := apptest.New(t, register)
	base := apptest.Serve(t, app)
	_, owner := apptest.Superuser(t, app, "owner@example.com")
	alice, aliceTok := apptest.Employee(t, app, "alice", 1)
	bob, _ := apptest.Employee(t, app, "bob", 1)
	category := save(t, app, "categories", map[string]any{"name": "热菜", "type": 1, "status": 1})
	dish := save(t, app, "dishes", map[string]any{"name": "水煮鱼", "category": category.Id, "price": 5600, "status": 1,
		"created_by": bob.Id, "updated_by": bob.Id})
	edit := func(tok string, price int) {
		t.Helper()
		st, raw := apptest.Raw(t, "PATCH", base+"/api/collections/dishes/records/"+dish.Id, map[string]any{"price": price, "updated_by": bob.Id},
			"Authorization", tok)
		if st != 200 {
			t.Fatalf("edit: HTTP %d %s", st, raw)
		}
	}
	updatedBy := func() string {
		r, err := app.FindRecordById("dishes", dish.Id)
		if err != nil {
			t.Fatal(err)
		}
		return r.GetString("updated_by")
	}

	edit(owner, 5800)
	if got := updatedBy(); got != "" {
		t.Fatalf("the owner's edit is recorded as employee %s's", got)
	}
	edit(aliceTok, 6000)
	if got := updatedBy(); got != alice.Id {
		t.Fatalf("alice's edit is recorded as %q's", got)
	}
}
