// Package auth is the auth middleware of the compat API: which token a route takes (token, authentication or
// Authorization), whose it is, the cache of verified tokens, and the employee roles and initial-password rule.
package auth

import (
	"net/http"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/apis"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// The two kinds of account and the collections that hold them.
const (
	EmployeesCollection = "employees"
	UsersCollection     = "users"
)

// EmployeeEnabled is the status of an employee who may sign in; 0 is locked.
const EmployeeEnabled = 1

// IsEnabledEmployee tells whether r is an employee who may sign in (not locked); nil is not.
func IsEnabledEmployee(r *core.Record) bool {
	return r != nil && r.Collection().Name == EmployeesCollection && r.GetInt("status") == EmployeeEnabled
}

// RequireEmployee guards the /admin routes staff and managers both use: a PocketBase auth token of an enabled
// employee, from the `token` header of the original admin front end or from `Authorization` (the PocketBase JS
// SDK), who has replaced the initial password (employee_access.go).
func RequireEmployee(e *core.RequestEvent) error {
	return requireAuth(e, "Token", EmployeesCollection) // canonical: Header.Get then allocates nothing
}

// RequireCustomer guards the /user routes: a PocketBase auth token of a customer, from the `authentication`
// header of the original mini-program or from `Authorization`.
func RequireCustomer(e *core.RequestEvent) error {
	return requireAuth(e, "Authentication", UsersCollection)
}

// requireAuth answers 401 with an empty body, as the original does, for a missing, bad or expired token, a
// token of the wrong kind of account, or a locked employee. The token is checked against the stored record
// on every request, so a password change or a lock takes effect at once.
func requireAuth(e *core.RequestEvent, header, collection string) error {
	record := AuthRecord(e.App, TokenFrom(e.Request, header))
	if record == nil || record.Collection().Name != collection {
		return e.NoContent(http.StatusUnauthorized)
	}
	if collection == EmployeesCollection && !IsEnabledEmployee(record) {
		return e.NoContent(http.StatusUnauthorized)
	}
	e.Auth = record
	if collection == EmployeesCollection {
		// The request log names the employee who acted, not only their id.
		e.Set(apis.RequestEventKeyLogMeta, map[string]any{"employee": record.GetString("username")})
		if err := employeeMayAct(record, accessOf(e)); err != nil {
			return compat.WriteError(e, err)
		}
	}
	return e.Next()
}

// TokenFrom reads a token from the compat header, falling back to `Authorization` with or without "Bearer ".
func TokenFrom(r *http.Request, header string) string {
	if t := strings.TrimSpace(r.Header.Get(header)); t != "" {
		return t
	}
	t := strings.TrimSpace(r.Header.Get("Authorization"))
	if len(t) > 7 && strings.EqualFold(t[:7], "Bearer ") {
		t = strings.TrimSpace(t[7:])
	}
	return t
}

// AuthRecord returns the account of a valid auth token, or nil. The record may be shared with other requests:
// read it, never change it (load a fresh copy from the database to edit an account).
func AuthRecord(app core.App, token string) *core.Record {
	if token == "" {
		return nil
	}
	cache := authCacheOf(app)
	var gen uint64
	if cache != nil {
		if r := cache.get(token, time.Now()); r != nil {
			return r
		}
		gen = cache.generation()
	}
	record, err := app.FindAuthRecordByToken(token, core.TokenTypeAuth)
	if err != nil {
		return nil
	}
	if cache != nil {
		cache.put(token, record, gen)
	}
	return record
}

// AuthID is the id of the signed-in account of a guarded route.
func AuthID(e *core.RequestEvent) compat.ID {
	if e.Auth == nil {
		return 0
	}
	return compat.ParseID(e.Auth.Id)
}
