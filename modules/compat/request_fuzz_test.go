package compat_test

import (
	"net/http/httptest"
	"net/url"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// FuzzQuery: compat.Query reads a parameter exactly as net/url's parsed query would, for any raw query.
func FuzzQuery(f *testing.F) {
	for _, seed := range []struct{ raw, name string }{
		{"categoryId=1", "categoryId"},
		{"page=1&pageSize=10&name=%E8%8F%9C", "name"},
		{"name=a+b&name=second", "name"},
		{"n%61me=escaped-key", "name"},
		{"name=bad%zz&name=good", "name"},
		{"a=1;name=2&name=3", "name"},
		{"name", "name"},
		{"=x&name=", "name"},
		{"&&name=%2B%26%3D&", "name"},
		{"beginTime=2026-11-23+00%3A00%3A00", "beginTime"},
		{"&=0", ""}, // found by fuzzing: an empty pair is no parameter
	} {
		f.Add(seed.raw, seed.name)
	}
	f.Fuzz(func(t *testing.T, raw, name string) {
		req := httptest.NewRequest("GET", "/x", nil)
		req.URL.RawQuery = raw
		want, _ := url.ParseQuery(raw) // on a bad pair it still returns every good one, as Request.URL.Query does
		e := &core.RequestEvent{}
		e.Request = req
		if got := compat.Query(e, name); got != want.Get(name) {
			t.Fatalf("Query(%q, %q) = %q, net/url says %q", raw, name, got, want.Get(name))
		}
	})
}
