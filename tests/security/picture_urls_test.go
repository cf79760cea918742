package security_test

import (
	"strings"
	"testing"
)

// A picture's URL is built on the configured application URL whenever there is one: a client's Host header must
// not put another site into the menu. Without one it can only follow the request (and the start warns).
func TestPictureURLsFollowTheApplicationURL(t *testing.T) {
	w := newWorld(t)
	for _, configured := range []string{"https://localhost:8090", "https://shop.example.com/", "http://192.168.1.20:8090"} {
		w.app.Settings().Meta.AppURL = configured
		r := envelope(t, "upload", w.upload(t, "dish.png", tinyPNG, "token", w.staff, "Host", "evil.example.com"))
		var url string
		jsonString(r.Data, &url)
		if want := strings.TrimRight(configured, "/") + "/api/files/"; r.Code != 1 || !strings.HasPrefix(url, want) {
			t.Errorf("application URL %s: picture URL %q (code %d %s), want it under %s", configured, url, r.Code, r.Message(), want)
		}
	}
	w.app.Settings().Meta.AppURL = "http://localhost:8090" // PocketBase's default: nobody configured one
	r := envelope(t, "upload", w.upload(t, "dish.png", tinyPNG, "token", w.staff, "Host", "shop.lan:8090"))
	var url string
	jsonString(r.Data, &url)
	if !strings.HasPrefix(url, "http://shop.lan:8090/api/files/") {
		t.Errorf("without an application URL: %q", url)
	}
}
