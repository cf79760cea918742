package appstate

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// A key written out where the store is used would be per-app state this package does not list.
func TestEveryStoreKeyIsNamedHere(t *testing.T) {
	literalKey := regexp.MustCompile(`Store\(\)\.\w+\(\s*"`)
	var found int
	err := filepath.WalkDir("../..", func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(path, ".go") {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		found++
		if loc := literalKey.FindIndex(b); loc != nil {
			t.Errorf("%s: a store key written out (%s…): name it in package appstate", path, b[loc[0]:loc[1]])
		}
		return nil
	})
	if err != nil || found < 50 {
		t.Fatalf("read %d Go files of the repository: %v", found, err)
	}
}
