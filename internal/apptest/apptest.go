// Package apptest builds fresh MyRestaurant test apps: PocketBase test apps with every migration applied,
// bcrypt cost lowered, and helpers for signed-in employees and customers. It imports no domain module (only compat
// and config), so a module's own tests can use it; tests register the modules they exercise.
package apptest

import (
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tests"
	"golang.org/x/crypto/bcrypt"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	_ "myrestaurant/pb_migrations"
)

var (
	templateOnce sync.Once
	templateDir  string
	templateErr  error
)

// template migrates one data dir per test process; every test app is a copy of it.
func template() (string, error) {
	templateOnce.Do(func() {
		removeStaleTemplates()
		templateDir, templateErr = os.MkdirTemp("", templatePrefix)
		if templateErr != nil {
			return
		}
		app := core.NewBaseApp(core.BaseAppConfig{DataDir: templateDir, EncryptionEnv: "pb_test_env"})
		if templateErr = app.Bootstrap(); templateErr != nil {
			return
		}
		defer app.ClearBootstrap()
		if templateErr = app.RunAllMigrations(); templateErr != nil {
			return
		}
		// Real deployments keep bcrypt's default cost; tests would spend most of their time hashing.
		for _, name := range []string{compat.EmployeesCollection, compat.UsersCollection} {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				templateErr = err
				return
			}
			c.Fields.GetByName("password").(*core.PasswordField).Cost = bcrypt.MinCost
			if templateErr = app.Save(c); templateErr != nil {
				return
			}
		}
	})
	return templateDir, templateErr
}

const templatePrefix = "myrestaurant-apptest-"

// removeStaleTemplates deletes the templates of earlier test processes: a test binary has no hook that runs
// after its last test, so each one leaves its template behind. An hour is far longer than any test run.
func removeStaleTemplates() {
	dirs, _ := filepath.Glob(filepath.Join(os.TempDir(), templatePrefix+"*"))
	for _, d := range dirs {
		if fi, err := os.Stat(d); err == nil && time.Since(fi.ModTime()) > time.Hour {
			os.RemoveAll(d)
		}
	}
}

// New returns a fresh migrated app, removed when the test ends. register wires the modules under test.
func New(t testing.TB, register ...func(app core.App)) *tests.TestApp {
	t.Helper()
	app := Factory(register...)(t)
	t.Cleanup(app.Cleanup)
	return app
}

// Factory adapts New to tests.ApiScenario.TestAppFactory. The scenario cleans the app up.
func Factory(register ...func(app core.App)) func(t testing.TB) *tests.TestApp {
	return FactoryWithConfig(nil, register...)
}

// FactoryWithConfig is Factory with a change to the app's configuration, e.g. its own DBConnect.
func FactoryWithConfig(configure func(*core.BaseAppConfig), register ...func(app core.App)) func(t testing.TB) *tests.TestApp {
	return func(t testing.TB) *tests.TestApp {
		t.Helper()
		dir, err := template()
		if err != nil {
			t.Fatalf("apptest: template: %v", err)
		}
		// The same pool and connections as production (main.go), so benchmarks measure what runs.
		cfg := core.BaseAppConfig{DataDir: dir, EncryptionEnv: "pb_test_env", DataMaxIdleConns: config.DataMaxIdleConns,
			DBConnect: config.DBConnect}
		if configure != nil {
			configure(&cfg)
		}
		app, err := tests.NewTestAppWithConfig(cfg)
		if err != nil {
			t.Fatalf("apptest: %v", err)
		}
		for _, r := range register {
			r(app)
		}
		return app
	}
}
