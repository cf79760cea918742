// Package ui holds the browser apps embedded in the binary: the staff console at /console/, the customers'
// storefront at /order/, and the vendored libraries they share at /vendor/.
package ui

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

//go:embed console storefront vendor
var files embed.FS

// Register serves the console at /console/, the storefront at /order/, the shared libraries at /vendor/, and
// sends / to the console. The storefront and the libraries are gzipped and revalidated by content: customers open
// the storefront on phones over mobile networks, where what it downloads is what they wait for.
func Register(app core.App) {
	console, _ := fs.Sub(files, "console")
	storefront, _ := fs.Sub(files, "storefront")
	vendor, _ := fs.Sub(files, "vendor")
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/console/{path...}", apis.Static(console, true))
		se.Router.GET("/order/{path...}", apis.Static(storefront, true)).Bind(apis.Gzip()).BindFunc(revalidated(storefront))
		se.Router.GET("/vendor/{path...}", apis.Static(vendor, false)).Bind(apis.Gzip()).BindFunc(revalidated(vendor))
		se.Router.GET("/{$}", func(e *core.RequestEvent) error {
			return e.Redirect(http.StatusFound, "/console/")
		})
		return se.Next()
	})
}
