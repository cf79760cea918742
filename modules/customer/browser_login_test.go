package customer_test

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"net/http"
	"strings"
	"sync"
	"testing"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/config"
	"myrestaurant/modules/customer"
)

// deviceKey is a key as the storefront makes it: 32 random bytes in base64url, here numbered for the test.
func deviceKey(n int) string {
	return fmt.Sprintf("%043d", n)[:43]
}

func browserLogin(t *testing.T, base string, body any, headers ...string) apptest.Reply {
	t.Helper()
	return apptest.Call(t, http.MethodPost, base+"/user/user/browser-login", body, headers...)
}

func TestBrowserLoginRegistersACustomerPerDeviceKey(t *testing.T) {
	// Not demo: a browser customer needs no WeChat settings at all.
	app, base := start(t, &config.Config{})
	key := "Zk3_-" + strings.Repeat("a", 38)

	var first customer.LoginResult
	decode(t, browserLogin(t, base, map[string]string{"deviceKey": key}), &first)
	if first.ID == 0 || first.Token == "" || first.OpenID != "" {
		t.Fatalf("login: %+v", first)
	}
	// The token opens the customer routes in the mini-program's header.
	wantOK(t, "address list", apptest.Call(t, "GET", base+"/user/addressBook/list", nil, "authentication", first.Token))

	var again customer.LoginResult
	decode(t, browserLogin(t, base, map[string]string{"deviceKey": key}), &again)
	if again.ID != first.ID {
		t.Fatalf("the same key signed in as customer %d, first was %d", again.ID, first.ID)
	}
	var other customer.LoginResult
	decode(t, browserLogin(t, base, map[string]string{"deviceKey": key + "b"}), &other)
	if other.ID == first.ID {
		t.Fatal("another key signed in as the same customer")
	}

	// Only the key's hash is stored, and the API never shows it, not even to its owner.
	user, err := app.FindRecordById("users", first.ID.String())
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(key))
	if got := user.GetString(customer.DeviceKeyHashField); got != hex.EncodeToString(sum[:]) {
		t.Fatalf("stored %q, want the key's SHA-256", got)
	}
	status, body := raw(t, "GET", base+"/api/collections/users/records/"+first.ID.String(), "", "Authorization", first.Token)
	if status != http.StatusOK || strings.Contains(body, customer.DeviceKeyHashField) || strings.Contains(body, user.GetString(customer.DeviceKeyHashField)) {
		t.Fatalf("own record: %d %s", status, body)
	}
	// Nor may a customer change it through the native API (they would take over the customer of that key).
	raw(t, "PATCH", base+"/api/collections/users/records/"+first.ID.String(),
		`{"device_key_hash":"`+strings.Repeat("0", 64)+`"}`, "Authorization", first.Token, "Content-Type", "application/json")
	if user, _ = app.FindRecordById("users", first.ID.String()); user.GetString(customer.DeviceKeyHashField) != hex.EncodeToString(sum[:]) {
		t.Fatal("a customer changed their device key hash through the native API")
	}
	again = customer.LoginResult{}
	decode(t, browserLogin(t, base, map[string]string{"deviceKey": key}), &again)
	if again.ID != first.ID {
		t.Fatal("the key no longer signs in its customer")
	}
}

func TestBrowserLoginRefusesBadKeys(t *testing.T) {
	for _, c := range []struct {
		name, body, msg string
	}{
		{"no key", `{}`, customer.MsgDeviceKeyInvalid},
		{"empty body", ``, customer.MsgDeviceKeyInvalid},
		{"null key", `{"deviceKey":null}`, customer.MsgDeviceKeyInvalid},
		{"too short", `{"deviceKey":"` + strings.Repeat("a", 42) + `"}`, customer.MsgDeviceKeyInvalid},
		{"too long", `{"deviceKey":"` + strings.Repeat("a", 129) + `"}`, customer.MsgDeviceKeyInvalid},
		{"standard base64 padding", `{"deviceKey":"` + strings.Repeat("a", 43) + `="}`, customer.MsgDeviceKeyInvalid},
		{"spaces", `{"deviceKey":"` + strings.Repeat("a ", 30) + `"}`, customer.MsgDeviceKeyInvalid},
		{"an object", `{"deviceKey":{"a":1}}`, compat.MsgBadRequest},
		{"malformed JSON", `{"deviceKey":`, compat.MsgBadRequest},
	} {
		t.Run(c.name, func(t *testing.T) {
			app, base := start(t, demo)
			wantFail(t, c.name, browserLogin(t, base, c.body), c.msg)
			if n, _ := app.CountRecords("users"); n != 0 {
				t.Fatalf("a refused login registered %d customers", n)
			}
		})
	}
}

// One address may create only so many customers in a while; customers it made before still sign in, and other
// addresses are not affected.
func TestBrowserLoginLimitsNewCustomersPerAddress(t *testing.T) {
	app, base := start(t, demo)
	s := app.Settings()
	s.TrustedProxy.Headers = []string{"X-Forwarded-For"}
	if err := app.Save(s); err != nil {
		t.Fatal(err)
	}
	from := func(address string) []string { return []string{"X-Forwarded-For", address} }
	for i := range customer.NewCustomersPerAddress {
		wantOK(t, fmt.Sprintf("new customer %d", i+1), browserLogin(t, base, map[string]string{"deviceKey": deviceKey(i)}, from("203.0.113.7")...))
	}
	wantFail(t, "one more new customer", browserLogin(t, base, map[string]string{"deviceKey": deviceKey(1000)}, from("203.0.113.7")...),
		customer.MsgTooManyNewCustomers)
	wantOK(t, "a known customer from the same address", browserLogin(t, base, map[string]string{"deviceKey": deviceKey(0)}, from("203.0.113.7")...))
	wantOK(t, "a new customer from another address", browserLogin(t, base, map[string]string{"deviceKey": deviceKey(1000)}, from("198.51.100.9")...))
	if n, _ := app.CountRecords("users"); n != customer.NewCustomersPerAddress+1 {
		t.Fatalf("customers = %d, want %d", n, customer.NewCustomersPerAddress+1)
	}
}

func TestConcurrentFirstBrowserLoginsMakeOneCustomer(t *testing.T) {
	app, base := start(t, demo)
	const logins = 8
	replies := make([]apptest.Reply, logins)
	var wg sync.WaitGroup
	ready := make(chan struct{})
	for i := range logins {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-ready
			replies[i] = browserLogin(t, base, map[string]string{"deviceKey": deviceKey(7)})
		}()
	}
	close(ready)
	wg.Wait()
	var first customer.LoginResult
	for _, r := range replies {
		var res customer.LoginResult
		decode(t, r, &res)
		if first.ID == 0 {
			first = res
		}
		if res.ID != first.ID {
			t.Fatalf("logins got different customers: %d and %d", first.ID, res.ID)
		}
	}
	if n, _ := app.CountRecords("users"); n != 1 {
		t.Fatalf("customers = %d, want 1", n)
	}
}
