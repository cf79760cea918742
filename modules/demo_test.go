package modules

import (
	"net/http"
	"testing"
)

// The demo pictures are linked where a browser on this machine reaches the server.
func TestServerBase(t *testing.T) {
	for addr, want := range map[string]string{
		"127.0.0.1:8090":  "http://127.0.0.1:8090",
		"0.0.0.0:8090":    "http://127.0.0.1:8090",
		":8090":           "http://127.0.0.1:8090",
		"[::]:8090":       "http://127.0.0.1:8090",
		"0.0.0.0:443":     "https://127.0.0.1",
		"shop.local:8080": "http://shop.local:8080",
	} {
		if got := serverBase(&http.Server{Addr: addr}); got != want {
			t.Errorf("%s: %s, want %s", addr, got, want)
		}
	}
}
