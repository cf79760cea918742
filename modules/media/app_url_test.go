package media_test

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/media"
)

// The console builds the storefront's QR code on the application URL, so the route must say whether one is set.
func TestAppURLRoute(t *testing.T) {
	app := apptest.New(t, func(app core.App) { media.Register(app) })
	base := apptest.Serve(t, app)
	_, staff := apptest.EmployeeWithRole(t, app, "bob", 1, auth.RoleStaff)

	if r := apptest.Call(t, "GET", base+"/admin/common/appUrl", nil); r.Status != 401 {
		t.Errorf("without a token: HTTP %d, want 401", r.Status)
	}
	// PocketBase's default address means nobody configured one.
	if r := apptest.Call(t, "GET", base+"/admin/common/appUrl", nil, "token", staff); r.Code != 1 || string(r.Data) != `""` {
		t.Errorf("default application URL: code %d data %s, want \"\"", r.Code, r.Data)
	}
	app.Settings().Meta.AppURL = " https://shop.example/ "
	if r := apptest.Call(t, "GET", base+"/admin/common/appUrl", nil, "token", staff); r.Code != 1 || string(r.Data) != `"https://shop.example"` {
		t.Errorf("configured application URL: code %d data %s", r.Code, r.Data)
	}
}
