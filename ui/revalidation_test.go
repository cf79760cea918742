package ui_test

import (
	"io"
	"net/http"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/ui"
)

func get(t *testing.T, url string, header ...string) *http.Response {
	t.Helper()
	req, err := http.NewRequest("GET", url, nil)
	if err != nil {
		t.Fatal(err)
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	// A transport that leaves compression to us, so the test sees what went over the wire.
	res, err := (&http.Transport{DisableCompression: true}).RoundTrip(req)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { res.Body.Close() })
	return res
}

// A phone that has the storefront's files asks whether they changed and gets "not modified" without the bytes;
// what it downloads is gzipped.
func TestStorefrontFilesAreGzippedAndRevalidated(t *testing.T) {
	app := apptest.New(t, func(app core.App) { ui.Register(app) })
	base := apptest.Serve(t, app)
	for _, path := range []string{"/order/", "/order/menu.js", "/shared/element.js", "/vendor/pocketbase.es.mjs"} {
		first := get(t, base+path, "Accept-Encoding", "gzip")
		tag := first.Header.Get("ETag")
		if first.StatusCode != 200 || tag == "" || first.Header.Get("Content-Encoding") != "gzip" || first.Header.Get("Cache-Control") != "no-cache" {
			t.Fatalf("%s: %d, ETag %q, Content-Encoding %q, Cache-Control %q", path, first.StatusCode, tag,
				first.Header.Get("Content-Encoding"), first.Header.Get("Cache-Control"))
		}
		again := get(t, base+path, "Accept-Encoding", "gzip", "If-None-Match", tag)
		body, _ := io.ReadAll(again.Body)
		if again.StatusCode != http.StatusNotModified || len(body) != 0 {
			t.Errorf("%s with its ETag: %d and %d bytes, want 304 and none", path, again.StatusCode, len(body))
		}
		if other := get(t, base+path, "If-None-Match", `W/"0"`); other.StatusCode != 200 {
			t.Errorf("%s with another ETag: %d, want the file", path, other.StatusCode)
		}
	}
	// Another screen's address serves the app, which draws that screen.
	if res := get(t, base+"/order/checkout"); res.StatusCode != 200 || res.Header.Get("Content-Type") != "text/html; charset=utf-8" {
		t.Errorf("/order/checkout: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
}
