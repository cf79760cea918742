package apidocs_test

import (
	"encoding/json"
	"net/http"
	"reflect"
	"regexp"
	"sort"
	"strings"
	"testing"
	"unsafe"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/apidocs"
	"myrestaurant/modules/config"
)

// demoApp is a test app with every module, as `serve --demo` wires it (demo mode registers the WeChat Pay
// callbacks too, through the mock provider).
func demoApp(t *testing.T) core.App {
	app := apptest.New(t, func(app core.App) {
		cfg := &config.Config{Demo: true, AdminPassword: demoAdminPassword}
		if err := modules.Register(app, cfg); err != nil {
			t.Fatal(err)
		}
	})
	return app
}

const demoAdminPassword = "demo-admin-pass"

// registeredRoutes runs the serve hooks and lists "METHOD /path" of every route under /admin, /user and /notify.
func registeredRoutes(t *testing.T, app core.App) []string {
	r, err := apis.NewRouter(app)
	if err != nil {
		t.Fatal(err)
	}
	se := &core.ServeEvent{App: app, Router: r, Server: &http.Server{Addr: "127.0.0.1:0"}}
	if err := app.OnServe().Trigger(se, func(*core.ServeEvent) error { return nil }); err != nil {
		t.Fatal(err)
	}
	var keys []string
	walkRoutes(r.RouterGroup, "", func(method, path string) {
		if !strings.HasPrefix(path, "/admin/") && !strings.HasPrefix(path, "/user/") && !strings.HasPrefix(path, "/notify/") {
			return
		}
		if method == "" {
			method = "POST" // a route for any method (WeChat Pay's callbacks) is documented with the method its caller uses
		}
		path = strings.TrimSuffix(path, "{$}") // "/user/addressBook/{$}" is the path "/user/addressBook/"
		keys = append(keys, method+" "+path)
	})
	sort.Strings(keys)
	return keys
}

// walkRoutes visits every route of a PocketBase router group. The group keeps its routes in an unexported field
// (tools/router/group.go: children, of *Route and *RouterGroup), which only the router itself reads.
func walkRoutes(g *router.RouterGroup[*core.RequestEvent], prefix string, visit func(method, path string)) {
	field := reflect.ValueOf(g).Elem().FieldByName("children")
	children := reflect.NewAt(field.Type(), unsafe.Pointer(field.UnsafeAddr())).Elem().Interface().([]any)
	for _, c := range children {
		switch c := c.(type) {
		case *router.RouterGroup[*core.RequestEvent]:
			walkRoutes(c, prefix+c.Prefix, visit)
		case *router.Route[*core.RequestEvent]:
			visit(c.Method, prefix+c.Path)
		}
	}
}

func TestDocumentNamesExactlyTheRegisteredRoutes(t *testing.T) {
	registered := registeredRoutes(t, demoApp(t))
	if len(registered) < 70 {
		t.Fatalf("found only %d routes: the router walk is broken", len(registered))
	}
	documented := apidocs.RouteKeys()
	missing, extra := difference(registered, documented), difference(documented, registered)
	if len(missing) > 0 || len(extra) > 0 {
		t.Errorf("the API document (modules/apidocs/routes_*.go) is out of date.\n"+
			"Registered but not documented (add them):\n  %s\nDocumented but not registered (remove or fix them):\n  %s",
			strings.Join(missing, "\n  "), strings.Join(extra, "\n  "))
	}
	seen := map[string]bool{}
	for _, k := range documented {
		if seen[k] {
			t.Errorf("documented twice: %s", k)
		}
		seen[k] = true
	}
}

// difference is what a has and b lacks.
func difference(a, b []string) []string {
	in := map[string]bool{}
	for _, x := range b {
		in[x] = true
	}
	var out []string
	for _, x := range a {
		if !in[x] {
			out = append(out, x)
		}
	}
	return out
}

// The document is what /docs/openapi.json serves: OpenAPI 3.1, every $ref names a component, every operation
// has its own id, and every path parameter is declared.
func TestDocumentIsServedAndConsistent(t *testing.T) {
	base := apptest.Serve(t, demoApp(t))
	status, raw := apptest.Raw(t, "GET", base+"/docs/openapi.json", nil)
	if status != 200 {
		t.Fatalf("HTTP %d", status)
	}
	var doc map[string]any
	if err := json.Unmarshal(raw, &doc); err != nil {
		t.Fatal(err)
	}
	if doc["openapi"] != "3.1.0" {
		t.Errorf("openapi %v", doc["openapi"])
	}
	components := doc["components"].(map[string]any)["schemas"].(map[string]any)
	var walk func(v any)
	walk = func(v any) {
		switch v := v.(type) {
		case map[string]any:
			if ref, ok := v["$ref"].(string); ok {
				if _, found := components[strings.TrimPrefix(ref, "#/components/schemas/")]; !found {
					t.Errorf("unresolved $ref %s", ref)
				}
			}
			for _, x := range v {
				walk(x)
			}
		case []any:
			for _, x := range v {
				walk(x)
			}
		}
	}
	walk(doc)
	ids := map[string]bool{}
	for path, item := range doc["paths"].(map[string]any) {
		for method, op := range item.(map[string]any) {
			op := op.(map[string]any)
			id := op["operationId"].(string)
			if ids[id] {
				t.Errorf("operationId %s twice", id)
			}
			ids[id] = true
			declared := map[string]bool{}
			params, _ := op["parameters"].([]any)
			for _, p := range params {
				if p := p.(map[string]any); p["in"] == "path" {
					declared[p["name"].(string)] = true
				}
			}
			for _, m := range regexp.MustCompile(`\{([^}]+)\}`).FindAllStringSubmatch(path, -1) {
				if !declared[m[1]] {
					t.Errorf("%s %s: path parameter %s not declared", method, path, m[1])
				}
			}
		}
	}
	if status, page := apptest.Raw(t, "GET", base+"/docs/", nil); status != 200 || !strings.Contains(string(page), "/vendor/redoc.standalone.js") {
		t.Errorf("/docs/: HTTP %d", status)
	}
}
