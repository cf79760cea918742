// Package ui holds the browser apps embedded in the binary: the staff console at /console/, the customers'
// storefront at /order/, the modules they share at /shared/ and the vendored libraries at /vendor/.
package ui

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"
)

//go:embed console shared storefront vendor
var files embed.FS

// Register serves the console at /console/, the storefront at /order/, their shared modules at /shared/, the
// vendored libraries at /vendor/, and sends / to the console. All but the console are gzipped and revalidated by
// content: customers open the storefront on phones over mobile networks, where what it downloads is what they
// wait for.
func Register(app core.App) {
	console, _ := fs.Sub(files, "console")
	storefront, _ := fs.Sub(files, "storefront")
	shared, _ := fs.Sub(files, "shared")
	vendor, _ := fs.Sub(files, "vendor")
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		se.Router.GET("/console/{path...}", apis.Static(console, true))
		se.Router.GET("/order/{path...}", apis.Static(storefront, true)).Bind(apis.Gzip()).BindFunc(revalidated(storefront))
		se.Router.GET("/shared/{path...}", apis.Static(shared, false)).Bind(apis.Gzip()).BindFunc(revalidated(shared))
		se.Router.GET("/vendor/{path...}", apis.Static(vendor, false)).Bind(apis.Gzip()).BindFunc(revalidated(vendor))
		se.Router.GET("/{$}", func(e *core.RequestEvent) error {
			return e.Redirect(http.StatusFound, "/console/")
		})
		return se.Next()
	})
}
