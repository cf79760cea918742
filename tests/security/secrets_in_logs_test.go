package security_test

import (
	"encoding/json"
	"io"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
)

// The generated admin password is printed once on the terminal and stored nowhere else: PocketBase's log table
// is shown in the dashboard and kept in every backup. The start also warns that no application URL is set.
func TestGeneratedAdminPasswordIsOnlyPrinted(t *testing.T) {
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{}); err != nil {
			t.Fatal(err)
		}
	})
	app.Settings().Logs.MaxDays = 7 // PocketBase's test apps keep no logs; a real server does
	printed := captureStdout(t, func() { apptest.Serve(t, app) })
	m := regexp.MustCompile(`created employee "admin" with password (\S+)`).FindStringSubmatch(printed)
	if m == nil {
		t.Fatalf("the generated password was not printed: %q", printed)
	}
	password := m[1]
	admin, err := app.FindFirstRecordByData("employees", "username", "admin")
	if err != nil || !admin.ValidatePassword(password) {
		t.Fatalf("the printed password is not admin's: %v", err)
	}

	logs := waitForLogs(t, app, "created employee admin", "no application URL is set")
	for _, l := range logs {
		raw, _ := json.Marshal(l)
		if strings.Contains(string(raw), password) {
			t.Errorf("the admin password is in the log table: %s", raw)
		}
	}
}

// captureStdout returns what f prints on standard output.
func captureStdout(t *testing.T, f func()) string {
	t.Helper()
	r, wr, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = wr
	done := make(chan string)
	go func() { b, _ := io.ReadAll(r); done <- string(b) }()
	func() {
		defer func() { os.Stdout = saved }()
		f()
	}()
	wr.Close()
	return <-done
}

// waitForLogs waits until PocketBase has written a log entry containing each of messages (it writes them in
// batches every few seconds) and returns every entry.
func waitForLogs(t *testing.T, app core.App, messages ...string) []*core.Log {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var logs []*core.Log
		if err := app.LogQuery().All(&logs); err != nil {
			t.Fatal(err)
		}
		missing := ""
		for _, want := range messages {
			found := false
			for _, l := range logs {
				found = found || strings.Contains(l.Message, want)
			}
			if !found {
				missing = want
			}
		}
		if missing == "" {
			return logs
		}
		if time.Now().After(deadline) {
			for _, l := range logs {
				t.Log(l.Message)
			}
			t.Fatalf("no log entry %q after 10 s", missing)
		}
		time.Sleep(200 * time.Millisecond)
	}
}
