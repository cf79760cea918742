package apptest

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

// Serve starts app on a real server on 127.0.0.1, as `serve` would, and returns its base URL.
// Concurrency tests use it: requests run in parallel goroutines exactly as from real clients.
// The serve hooks see the server with the address it listens on, as under `serve`.
func Serve(t testing.TB, app core.App) string {
	t.Helper()
	router, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	var handler http.Handler
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		handler.ServeHTTP(w, r)
	}))
	srv.Config.Addr = srv.Listener.Addr().String()
	se := &core.ServeEvent{App: app, Router: router, Server: srv.Config}
	err = app.OnServe().Trigger(se, func(e *core.ServeEvent) error {
		mux, err := e.Router.BuildMux()
		handler = mux
		return err
	})
	if err != nil {
		srv.Listener.Close()
		t.Fatal(err)
	}
	srv.Start()
	t.Cleanup(srv.Close)
	return srv.URL
}

// Reply is a decoded compat envelope.
type Reply struct {
	Status int             // HTTP status
	Code   int             `json:"code"`
	Msg    *string         `json:"msg"`
	Data   json.RawMessage `json:"data"`
}

// Message is msg, or "" when null.
func (r Reply) Message() string {
	if r.Msg == nil {
		return ""
	}
	return *r.Msg
}

// Call sends a compat request to a server started by Serve. headers are name/value pairs such as
// "token", tok. body is marshalled to JSON unless it is a string or bytes, which are sent as they are.
func Call(t testing.TB, method, url string, body any, headers ...string) Reply {
	t.Helper()
	status, raw := Raw(t, method, url, body, headers...)
	reply := Reply{Status: status}
	if len(raw) > 0 && status == http.StatusOK {
		if err := json.Unmarshal(raw, &reply); err != nil {
			t.Fatalf("%s %s: not an envelope: %s", method, url, raw)
		}
	}
	return reply
}

// Raw sends a request like Call and returns the HTTP status and the body as they are.
func Raw(t testing.TB, method, url string, body any, headers ...string) (int, []byte) {
	t.Helper()
	var rd io.Reader
	switch b := body.(type) {
	case nil:
	case string:
		rd = strings.NewReader(b)
	case []byte:
		rd = bytes.NewReader(b)
	default:
		raw, err := json.Marshal(b)
		if err != nil {
			t.Fatal(err)
		}
		rd = bytes.NewReader(raw)
	}
	req, err := http.NewRequest(method, url, rd)
	if err != nil {
		t.Fatal(err)
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	raw, _ := io.ReadAll(res.Body)
	return res.StatusCode, raw
}

// Native sends a request to PocketBase's own API (/api/…) like Raw and returns the HTTP status and, for an
// error, the message of PocketBase's error answer (what the dashboard shows).
func Native(t testing.TB, method, url string, body any, headers ...string) (int, string) {
	t.Helper()
	status, raw := Raw(t, method, url, body, headers...)
	var answer struct {
		Message string `json:"message"`
	}
	if status >= 400 {
		json.Unmarshal(raw, &answer)
	}
	return status, answer.Message
}
