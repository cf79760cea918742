package compat_test

import (
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

// With the cache on, a changed account is seen at once: the cache never outlives a lock, a password change,
// a deletion or a new token secret.
func TestAuthCacheFollowsAccountChanges(t *testing.T) {
	app := apptest.New(t, compat.EnableAuthCache)
	emp, tok := apptest.Employee(t, app, "alice", 1)

	if r := compat.AuthRecord(app, tok); r == nil || r.Id != emp.Id {
		t.Fatal("valid token refused")
	}
	emp.Set("status", 0)
	if err := app.Save(emp); err != nil {
		t.Fatal(err)
	}
	if r := compat.AuthRecord(app, tok); r == nil || r.GetInt("status") != 0 {
		t.Fatal("lock not seen through the cache")
	}

	emp.SetPassword("another-pass")
	if err := app.Save(emp); err != nil {
		t.Fatal(err)
	}
	if compat.AuthRecord(app, tok) != nil {
		t.Fatal("token still accepted after a password change")
	}

	_, tok2 := apptest.Employee(t, app, "bob", 1)
	if compat.AuthRecord(app, tok2) == nil {
		t.Fatal("bob refused")
	}
	col, _ := app.FindCollectionByNameOrId("employees")
	col.AuthToken.Secret = "a-brand-new-secret-of-more-than-thirty-chars"
	if err := app.Save(col); err != nil {
		t.Fatal(err)
	}
	if compat.AuthRecord(app, tok2) != nil {
		t.Fatal("token still accepted after a new token secret")
	}

	_, tok3 := apptest.Customer(t, app, "o1")
	u := compat.AuthRecord(app, tok3)
	if u == nil {
		t.Fatal("customer refused")
	}
	rec, _ := app.FindRecordById("users", u.Id)
	if err := app.Delete(rec); err != nil {
		t.Fatal(err)
	}
	if compat.AuthRecord(app, tok3) != nil {
		t.Fatal("token of a deleted customer accepted")
	}
}
