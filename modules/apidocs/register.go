// Package apidocs serves the OpenAPI 3.1 document of the compat API at /docs/openapi.json and a viewer of it at
// /docs/. The document is made by Go code from the route table here and the very Go types the handlers decode
// and answer, and it names the message constants of each module: a renamed field or message changes the
// document with it, and its tests fail when a route is added or removed without it.
package apidocs

import (
	_ "embed"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

//go:embed viewer.html
var viewerPage []byte

// Register serves the document and its viewer (Redoc, vendored in ui/vendor and served at /vendor/).
func Register(app core.App) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		doc, err := Document()
		if err != nil {
			return err
		}
		se.Router.GET("/docs/openapi.json", func(e *core.RequestEvent) error {
			return e.Blob(http.StatusOK, "application/json", doc)
		})
		se.Router.GET("/docs/{$}", func(e *core.RequestEvent) error {
			// Redoc's sidebar shows its maker's logo from their CDN: pictures only from here keep the page
			// offline and free of third-party requests (the link's text stays).
			e.Response.Header().Set("Content-Security-Policy", "img-src 'self' data:")
			return e.Blob(http.StatusOK, "text/html; charset=utf-8", viewerPage)
		})
		se.Router.GET("/docs", func(e *core.RequestEvent) error {
			return e.Redirect(http.StatusFound, "/docs/")
		})
		return se.Next()
	})
}
