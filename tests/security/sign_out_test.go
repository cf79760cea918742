package security_test

import (
	"encoding/json"
	"net/http"
	"testing"
)

// Signing out ends the session at once, for the compat API (with its token cache) and for the native API, on
// every device of that employee: logout renews the employee's token key.
func TestLogoutEndsTheSession(t *testing.T) {
	w := newWorld(t)
	adminPass := adminPasswordOf(t, w)
	tablet, _, _ := w.login("admin", adminPass)
	phone, _, _ := w.login("admin", adminPass)
	page := "/admin/employee/page?page=1&pageSize=10"
	// Used once first, so the token sits in the auth cache when the session ends.
	w.ok("GET", page, nil, "token", tablet)
	w.ok("GET", page, nil, "token", phone)
	w.ok("POST", "/admin/employee/logout", nil, "token", tablet)

	for name, tok := range map[string]string{"the signed-out token": tablet, "the same employee's other device": phone} {
		if res := send(t, "GET", w.base+page, nil, "token", tok); res.status != http.StatusUnauthorized {
			t.Errorf("%s on the compat API: %s", name, res)
		}
		res := send(t, "GET", w.base+"/api/collections/orders/records", nil, "Authorization", tok)
		var list struct {
			Items []any `json:"items"`
		}
		json.Unmarshal(res.body, &list)
		if len(list.Items) != 0 {
			t.Errorf("%s on the native API lists %d orders", name, len(list.Items))
		}
	}
	// Other employees stay signed in, and the employee signs in again.
	w.ok("GET", page, nil, "token", w.staff)
	again, _, _ := w.login("admin", adminPass)
	w.ok("GET", page, nil, "token", again)
}
