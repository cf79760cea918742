package compat_test

import (
	"encoding/json"
	"net/http"
	"regexp"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
)

// Staff can create categories through PocketBase's own API; the ids stay 15-digit numbers there too.
func TestNativeAPICreatesOnlyNumericIDs(t *testing.T) {
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{}); err != nil {
			t.Fatal(err)
		}
	})
	base := apptest.Serve(t, app)
	_, staff := apptest.Employee(t, app, "ids-staff", 1)
	create := func(name, id string) (int, string) {
		body := map[string]any{"name": name, "type": 1}
		if id != "" {
			body["id"] = id
		}
		status, raw := apptest.Raw(t, "POST", base+"/api/collections/categories/records", body, "Authorization", staff)
		var rec struct {
			ID string `json:"id"`
		}
		json.Unmarshal(raw, &rec)
		return status, rec.ID
	}
	for _, bad := range []string{"abcdefghijklmno", "0123456789012345"[:15], "12345678901234a"} {
		if status, _ := create("分类"+bad, bad); status != http.StatusBadRequest {
			t.Errorf("id %q: HTTP %d, want 400", bad, status)
		}
	}
	if status, id := create("自选编号", "123456789012345"); status != http.StatusOK || id != "123456789012345" {
		t.Errorf("a 15-digit id: HTTP %d id %q", status, id)
	}
	status, id := create("自动编号", "")
	if status != http.StatusOK || !regexp.MustCompile(`^[1-9][0-9]{14}$`).MatchString(id) {
		t.Errorf("a generated id: HTTP %d id %q", status, id)
	}
}

// New ids of the order path are 15-digit numbers that only grow, even when many are drawn at once.
func TestNewIDsGrowAndNeverRepeat(t *testing.T) {
	const workers, each = 8, 2000
	ids := make(chan []compat.ID, workers)
	for range workers {
		go func() {
			got := make([]compat.ID, each)
			for i := range got {
				got[i] = compat.NewID()
			}
			ids <- got
		}()
	}
	seen := map[compat.ID]bool{}
	for range workers {
		got := <-ids
		for i, id := range got {
			if !regexp.MustCompile(`^[1-9][0-9]{14}$`).MatchString(id.String()) {
				t.Fatalf("id %s is not 15 digits", id)
			}
			if i > 0 && id <= got[i-1] {
				t.Fatalf("id %s after %s", id, got[i-1])
			}
			if seen[id] {
				t.Fatalf("id %s drawn twice", id)
			}
			seen[id] = true
		}
	}
	before := compat.NewID()
	time.Sleep(2 * time.Millisecond)
	if after := compat.NewID(); after <= before {
		t.Fatalf("id %s drawn later is not above %s", after, before)
	}
}
