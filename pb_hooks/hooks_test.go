package pbhooks_test

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/plugins/jsvm"

	"myrestaurant/internal/apptest"
)

// The JS hooks shipped in this folder load and work against a real app.
func TestHealthHook(t *testing.T) {
	app := apptest.New(t, func(app core.App) {
		jsvm.MustRegister(app, jsvm.Config{HooksDir: ".", MigrationsDir: t.TempDir(), TypesDir: t.TempDir()})
	})
	base := apptest.Serve(t, app)

	health := func() map[string]any {
		res, err := http.Get(base + "/api/myrestaurant/health")
		if err != nil {
			t.Fatal(err)
		}
		defer res.Body.Close()
		if res.StatusCode != 200 {
			t.Fatalf("status %d", res.StatusCode)
		}
		var body map[string]any
		json.NewDecoder(res.Body).Decode(&body)
		return body
	}
	if b := health(); b["status"] != "ok" || b["shopOpen"] != false {
		t.Fatalf("closed shop: %v", b)
	}
	shop, _ := app.FindFirstRecordByFilter("shop", "id != ''")
	shop.Set("status", 1)
	if err := app.Save(shop); err != nil {
		t.Fatal(err)
	}
	if b := health(); b["shopOpen"] != true {
		t.Fatalf("open shop: %v", b)
	}
}
