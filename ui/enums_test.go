package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"maps"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// The console's enums.js copies numbers the server defines in Go; these tests keep the copy equal to the source.

func TestConsoleEnumsAreTheServers(t *testing.T) {
	js := consoleEnums(t)
	for _, c := range []struct {
		numbers, labels string // the objects in enums.js
		goDir, goMember string // the Go package and one constant of the group they copy
	}{
		{"OrderStatus", "orderStatusLabels", "../modules/order", "PendingPayment"},
		{"AlertType", "alertTypeLabels", "../modules/alert", "NewOrder"},
		{"CategoryType", "categoryTypeLabels", "../modules/menu", "DishCategory"},
		{"SaleStatus", "", "../modules/menu", "OnSale"},
		{"PayStatus", "payStatusLabels", "../modules/order", "Unpaid"},
		{"PayMethod", "payMethodLabels", "../modules/order", "PayWeChat"},
	} {
		t.Run(c.numbers, func(t *testing.T) {
			want := goConstGroup(t, c.goDir, c.goMember)
			if got := js.objects[c.numbers]; !maps.Equal(got, want) {
				t.Errorf("enums.js %s = %v, %s has %v", c.numbers, got, c.goDir, want)
			}
			if c.labels == "" { // the screens word sale status per action (启售/停售, 已启售/已停售), not by one label
				return
			}
			if got, want := slices.Sorted(maps.Keys(js.labels[c.labels])), slices.Sorted(maps.Keys(want)); !slices.Equal(got, want) {
				t.Errorf("enums.js %s labels %v, want a label for each of %v", c.labels, got, want)
			}
		})
	}
}

// enums is what enums.js declares: objects of names and numbers, and label objects keyed by those names.
type enums struct {
	objects map[string]map[string]int  // OrderStatus -> PendingPayment -> 1
	labels  map[string]map[string]bool // orderStatusLabels -> PendingPayment
}

var (
	jsObject = regexp.MustCompile(`(?s)export const (\w+) = Object\.freeze\(\{(.*?)\}\);`)
	jsNumber = regexp.MustCompile(`^\s*(\w+): (\d+),?\s*$`)
	jsLabel  = regexp.MustCompile(`^\s*\[\w+\.(\w+)\]: '[^']+',?\s*$`)
)

// consoleEnums reads enums.js as embedded in the binary. It accepts only the plain form the file is written in,
// so a line it cannot read fails the test instead of being skipped.
func consoleEnums(t *testing.T) enums {
	t.Helper()
	src, err := fs.ReadFile(files, "console/enums.js")
	if err != nil {
		t.Fatal(err)
	}
	e := enums{objects: map[string]map[string]int{}, labels: map[string]map[string]bool{}}
	for _, m := range jsObject.FindAllSubmatch(src, -1) {
		name := string(m[1])
		for _, line := range strings.Split(string(m[2]), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			if n := jsNumber.FindStringSubmatch(line); n != nil {
				if e.objects[name] == nil {
					e.objects[name] = map[string]int{}
				}
				e.objects[name][n[1]], _ = strconv.Atoi(n[2])
			} else if l := jsLabel.FindStringSubmatch(line); l != nil {
				if e.labels[name] == nil {
					e.labels[name] = map[string]bool{}
				}
				e.labels[name][l[1]] = true
			} else {
				t.Fatalf("enums.js %s: cannot read %q", name, line)
			}
		}
	}
	return e
}

// goConstGroup returns the names and values of the const ( … ) group in the Go package in dir that declares member.
func goConstGroup(t *testing.T, dir, member string) map[string]int {
	t.Helper()
	paths, err := filepath.Glob(filepath.Join(dir, "*.go"))
	if err != nil || len(paths) == 0 {
		t.Fatalf("no Go files in %s: %v", dir, err)
	}
	fset := token.NewFileSet()
	for _, path := range paths {
		file, err := parser.ParseFile(fset, path, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		{
			for _, decl := range file.Decls {
				group, ok := decl.(*ast.GenDecl)
				if !ok || group.Tok != token.CONST {
					continue
				}
				consts := map[string]int{}
				for _, spec := range group.Specs {
					v := spec.(*ast.ValueSpec)
					for i, name := range v.Names {
						if i >= len(v.Values) {
							continue
						}
						lit, ok := v.Values[i].(*ast.BasicLit)
						if !ok || lit.Kind != token.INT {
							continue
						}
						consts[name.Name], _ = strconv.Atoi(lit.Value)
					}
				}
				if _, ok := consts[member]; ok {
					return consts
				}
			}
		}
	}
	t.Fatalf("no const group declaring %s in %s", member, dir)
	return nil
}
