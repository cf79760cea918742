package compat_test

import (
	"database/sql"
	"errors"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

func TestHotReads(t *testing.T) {
	app := apptest.New(t)
	user, _ := apptest.Customer(t, app, "openid-hot")
	const byID = "SELECT name FROM users WHERE id = {:id}"
	nameOf := func(app core.App, id string) (string, error) {
		var name string
		err := compat.HotRow(app, byID, dbx.Params{"id": id}, &name)
		return name, err
	}

	user.Set("name", "张三")
	if err := app.Save(user); err != nil {
		t.Fatal(err)
	}
	for range 2 { // prepared once, then reused
		if name, err := nameOf(app, user.Id); err != nil || name != "张三" {
			t.Fatalf("read %q, %v", name, err)
		}
	}
	if _, err := nameOf(app, "nobody"); !errors.Is(err, sql.ErrNoRows) {
		t.Fatalf("missing row: %v", err)
	}
	if err := compat.HotRow(app, byID, nil, new(string)); err == nil {
		t.Fatal("a missing parameter was not refused")
	}

	// Inside a transaction a hot read sees the transaction's own writes; outside, only what has committed.
	err := app.RunInTransaction(func(tx core.App) error {
		if _, err := tx.DB().NewQuery("UPDATE users SET name = '李四' WHERE id = {:id}").Bind(dbx.Params{"id": user.Id}).Execute(); err != nil {
			return err
		}
		if name, err := nameOf(tx, user.Id); err != nil || name != "李四" {
			t.Errorf("inside the transaction: %q, %v", name, err)
		}
		if name, err := nameOf(app, user.Id); err != nil || name != "张三" {
			t.Errorf("outside, before the commit: %q, %v", name, err)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if name, err := nameOf(app, user.Id); err != nil || name != "李四" {
		t.Fatalf("after the commit: %q, %v", name, err)
	}
}
