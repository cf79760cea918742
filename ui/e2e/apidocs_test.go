package e2e

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
	"myrestaurant/ui"
)

// TestAPIDocsRenderEveryRouteOffline opens /docs/ in Chromium: the vendored viewer loads from this server only
// and shows the operations of the document, the customer's order submit among them.
func TestAPIDocsRenderEveryRouteOffline(t *testing.T) {
	path := requireBrowser(t)
	app := apptest.New(t, func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true}); err != nil {
			t.Fatal(err)
		}
		ui.Register(app)
	})
	base := apptest.Serve(t, app)
	ctx, errs := browser(t, path)
	var operations int
	run(t, ctx, "open the API docs",
		chromedp.Navigate(base+"/docs/"),
		evalTrue(`document.body.innerText.includes('/user/order/submit') && document.body.innerText.includes('Order the cart')`),
		chromedp.Evaluate(`document.querySelectorAll('[data-section-id^="operation/"]').length`, &operations))
	var png []byte
	run(t, ctx, "screenshot", chromedp.CaptureScreenshot(&png))
	savePNG(t, "apidocs", png)
	if operations < 70 {
		t.Errorf("the viewer shows %d operations, want every documented route", operations)
	}
	for _, e := range errs.all() {
		// The viewer's logo from its maker's CDN is refused by the page's Content-Security-Policy, on purpose.
		if !strings.Contains(e, "cdn.redoc.ly") {
			t.Errorf("the page reported an error: %s", e)
		}
	}
}

// savePNG writes a screenshot of the visible page under test-artifacts (the docs page is too tall for shot's
// full-page capture).
func savePNG(t *testing.T, name string, png []byte) {
	if err := os.MkdirAll(artifacts, 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(artifacts, name+".png"), png, 0o644); err != nil {
		t.Fatal(err)
	}
}
