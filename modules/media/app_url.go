package media

import (
	"fmt"
	"os"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// pocketBaseDefaultAppURL is the application URL PocketBase starts with (its unexported default settings): it
// means nobody configured one.
const pocketBaseDefaultAppURL = "http://localhost:8090"

// appURL is the public URL the operator set in the dashboard (Settings → Application URL), without a trailing
// slash; ok is false while it is still PocketBase's default.
func appURL(app core.App) (base string, ok bool) {
	base = strings.TrimRight(strings.TrimSpace(app.Settings().Meta.AppURL), "/")
	if base == "" || base == strings.TrimRight(pocketBaseDefaultAppURL, "/") {
		return "", false
	}
	return base, true
}

// warnWithoutAppURL says at start that picture URLs will follow each request's Host header, which a client
// chooses, until an application URL is configured.
func warnWithoutAppURL(app core.App) {
	if _, ok := appURL(app); ok {
		return
	}
	const msg = "no application URL is set (dashboard: Settings → Application URL): picture URLs follow each upload request's Host header"
	app.Logger().Warn(msg)
	fmt.Fprintln(os.Stderr, "MyRestaurant: warning: "+msg)
}

// appURLAction is GET /admin/common/appUrl: the configured application URL without a trailing slash, or ""
// while none is set (the console then uses the address it was opened at).
func appURLAction(e *core.RequestEvent) (any, error) {
	base, _ := appURL(e.App)
	return base, nil
}
