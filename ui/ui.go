// Package ui is the staff console, embedded in the binary and served at /console/.
package ui

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

//go:embed console
var files embed.FS

// Register serves the console at /console/ and sends / there.
func Register(app core.App) {
	console, _ := fs.Sub(files, "console")
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/console/{path...}", apis.Static(console, true))
		se.Router.GET("/{$}", func(e *core.RequestEvent) error {
			return e.Redirect(http.StatusFound, "/console/")
		})
		return se.Next()
	})
}
