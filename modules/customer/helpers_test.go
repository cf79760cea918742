package customer_test

import (
	"context"
	"encoding/json"
	"net/http"
	"strings"
	"testing"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"github.com/pocketbase/pocketbase/tools/logger"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/config"
	"myrestaurant/modules/customer"
)

var demo = &config.Config{Demo: true}

// start serves a fresh app with the customer module wired with cfg.
func start(t *testing.T, cfg *config.Config) (*tests.TestApp, string) {
	t.Helper()
	app := apptest.New(t, func(app core.App) { customer.Register(app, cfg) })
	// Test apps keep no logs; these tests read what a failed login logs.
	app.Settings().Logs.MaxDays = 1
	return app, apptest.Serve(t, app)
}

// raw sends a request and returns the HTTP status and body as they are.
func raw(t *testing.T, method, url, body string, headers ...string) (int, string) {
	t.Helper()
	status, b := apptest.Raw(t, method, url, body, headers...)
	return status, string(b)
}

// decode reads a reply's data into v.
func decode(t *testing.T, r apptest.Reply, v any) {
	t.Helper()
	if r.Status != http.StatusOK || r.Code != 1 {
		t.Fatalf("want success, got HTTP %d code %d %q", r.Status, r.Code, r.Message())
	}
	if err := json.Unmarshal(r.Data, v); err != nil {
		t.Fatalf("data %s: %v", r.Data, err)
	}
}

// wantOK fails unless r is a success.
func wantOK(t *testing.T, what string, r apptest.Reply) {
	t.Helper()
	if r.Status != http.StatusOK || r.Code != 1 {
		t.Fatalf("%s: want success, got HTTP %d code %d %q", what, r.Status, r.Code, r.Message())
	}
}

// wantFail fails unless r is a code 0 envelope (never an HTTP error) whose message contains msg.
func wantFail(t *testing.T, what string, r apptest.Reply, msg string) {
	t.Helper()
	if r.Status != http.StatusOK || r.Code != 0 || !strings.Contains(r.Message(), msg) {
		t.Fatalf("%s: want code 0 %q, got HTTP %d code %d %q", what, msg, r.Status, r.Code, r.Message())
	}
}

// logReasons flushes the app's log and returns the "reason" of every entry with message.
func logReasons(t *testing.T, app core.App, message string) []string {
	t.Helper()
	h, ok := app.Logger().Handler().(*logger.BatchHandler)
	if !ok {
		t.Fatalf("unexpected log handler %T", app.Logger().Handler())
	}
	if err := h.WriteAll(context.WithValue(context.Background(), logger.BlockKey, true)); err != nil {
		t.Fatal(err)
	}
	var logs []*core.Log
	if err := app.LogQuery().AndWhere(dbx.HashExp{"message": message}).All(&logs); err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, l := range logs {
		if s, ok := l.Data["reason"].(string); ok {
			out = append(out, s)
		}
	}
	return out
}
