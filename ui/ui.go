// Package ui holds the browser apps embedded in the binary: the staff console at /console/ and the vendored
// libraries they share at /vendor/.
package ui

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

//go:embed console vendor
var files embed.FS

// Register serves the console at /console/, the shared libraries at /vendor/, and sends / to the console.
func Register(app core.App) {
	console, _ := fs.Sub(files, "console")
	vendor, _ := fs.Sub(files, "vendor")
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/console/{path...}", apis.Static(console, true))
		se.Router.GET("/vendor/{path...}", apis.Static(vendor, false))
		se.Router.GET("/{$}", func(e *core.RequestEvent) error {
			return e.Redirect(http.StatusFound, "/console/")
		})
		return se.Next()
	})
}
