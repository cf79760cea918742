package ui

import (
	"io/fs"
	"path"
	"regexp"
	"strings"
	"testing"
)

var (
	jsExport      = regexp.MustCompile(`(?m)^export (?:async )?(?:function|const|let|class) (\w+)`)
	jsExportList  = regexp.MustCompile(`(?m)^export \{([^}]*)\}`)
	jsNamedImport = regexp.MustCompile(`(?m)^import \{([^}]*)\} from '\./([\w.]+)';`)
)

// The console is plain ES modules without a bundler, so nothing strips what no module uses: an export nobody
// imports is dead code that reads as if something needed it.
func TestEveryConsoleExportIsImported(t *testing.T) {
	modules, err := fs.Glob(files, "console/*.js")
	if err != nil || len(modules) == 0 {
		t.Fatalf("no console modules: %v", err)
	}
	imported := map[string]bool{} // "orders.js openOrder"
	exported := map[string][]string{}
	for _, name := range modules {
		src, err := fs.ReadFile(files, name)
		if err != nil {
			t.Fatal(err)
		}
		file := path.Base(name)
		for _, m := range jsExport.FindAllSubmatch(src, -1) {
			exported[file] = append(exported[file], string(m[1]))
		}
		for _, m := range jsExportList.FindAllSubmatch(src, -1) {
			exported[file] = append(exported[file], names(string(m[1]), false)...)
		}
		for _, m := range jsNamedImport.FindAllSubmatch(src, -1) {
			for _, n := range names(string(m[1]), true) {
				imported[string(m[2])+" "+n] = true
			}
		}
	}
	if len(exported["orders.js"]) == 0 {
		t.Fatal("found no exports in orders.js: the patterns no longer match how the modules are written")
	}
	for file, list := range exported {
		for _, n := range list {
			if !imported[file+" "+n] {
				t.Errorf("%s exports %s, which no console module imports", file, n)
			}
		}
	}
}

// names splits an import or export list ("a, b as c") into the names other modules import by: the first of
// each pair in an import list, the last in an export list.
func names(list string, importList bool) []string {
	var out []string
	for _, part := range strings.Split(list, ",") {
		f := strings.Fields(part)
		switch {
		case len(f) == 0:
		case importList:
			out = append(out, f[0])
		default:
			out = append(out, f[len(f)-1])
		}
	}
	return out
}
