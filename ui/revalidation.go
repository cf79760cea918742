package ui

import (
	"crypto/sha256"
	"encoding/hex"
	"io/fs"
	"path"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// revalidated tags every file of fsys with an ETag of its content and asks browsers to check it on each use:
// embedded files carry no modification time, so without a tag a browser cannot ask whether a file changed and
// downloads everything again on every visit. A returning customer's phone then gets "304 Not Modified" for each
// file it holds, and a new binary's files are picked up at once.
func revalidated(fsys fs.FS) func(*core.RequestEvent) error {
	tags := map[string]string{}
	_ = fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(fsys, p)
		if err != nil {
			return err
		}
		sum := sha256.Sum256(b)
		// Weak: the same tag serves the gzipped and the plain bytes.
		tags[p] = `W/"` + hex.EncodeToString(sum[:12]) + `"`
		return nil
	})
	return func(e *core.RequestEvent) error {
		name := strings.TrimPrefix(path.Clean("/"+e.Request.PathValue("path")), "/")
		if name == "" {
			name = "index.html"
		}
		if tag, ok := tags[name]; ok {
			e.Response.Header().Set("ETag", tag)
			e.Response.Header().Set("Cache-Control", "no-cache")
		}
		return e.Next()
	}
}
