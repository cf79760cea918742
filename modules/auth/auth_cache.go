package auth

import (
	"sync"
	"time"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"

	"myrestaurant/modules/appstate"
)

const authCacheKey = appstate.AuthCache

// maxCachedTokens bounds the cache; when it is full it starts again empty.
const maxCachedTokens = 10_000

// maxCacheAge bounds how long a token stays verified without a look at its account: a change made by another
// process (the `employee reset-password` command while the server runs) reaches no hook of this one, and acts
// at the latest this much later.
const maxCacheAge = time.Minute

// authCache remembers verified tokens, so a request does not read its account from the database again. It is
// emptied whenever any account or the account collections change, so a lock, a password change, a deletion or
// a new token secret still acts on the very next request.
type authCache struct {
	mu     sync.RWMutex
	tokens map[string]cachedAuth
	// gen counts the clears: a token verified before a clear (a sign-out, a lock) must not be put back after it.
	gen uint64
}

type cachedAuth struct {
	record  *core.Record
	expires time.Time
}

// EnableAuthCache turns the cache on for app and binds the hooks that keep it true. Without it every request
// verifies its token against the database.
func EnableAuthCache(app core.App) {
	c := &authCache{tokens: map[string]cachedAuth{}}
	app.Store().Set(authCacheKey, c)
	forget := func(e *core.RecordEvent) error {
		c.clear()
		return e.Next()
	}
	app.OnRecordAfterUpdateSuccess(EmployeesCollection, UsersCollection).BindFunc(forget)
	app.OnRecordAfterDeleteSuccess(EmployeesCollection, UsersCollection).BindFunc(forget)
	// A new token secret set in the dashboard voids every token of the collection.
	app.OnCollectionAfterUpdateSuccess(EmployeesCollection, UsersCollection).BindFunc(func(e *core.CollectionEvent) error {
		c.clear()
		return e.Next()
	})
}

func authCacheOf(app core.App) *authCache {
	c, _ := app.Store().Get(authCacheKey).(*authCache)
	return c
}

func (c *authCache) get(token string, now time.Time) *core.Record {
	c.mu.RLock()
	a, ok := c.tokens[token]
	c.mu.RUnlock()
	if !ok || !now.Before(a.expires) {
		return nil
	}
	// Shared, not copied: a clone per request cost more than the rest of the auth check. Handlers only read
	// e.Auth; a change to an account goes through the database and empties the cache.
	return a.record
}

// generation is read before a token is verified and handed to put.
func (c *authCache) generation() uint64 {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return c.gen
}

func (c *authCache) put(token string, r *core.Record, gen uint64) {
	claims, err := security.ParseUnverifiedJWT(token)
	if err != nil {
		return
	}
	exp, ok := claims["exp"].(float64)
	if !ok {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if gen != c.gen {
		return // the account changed while the token was being verified: verify again next time
	}
	if len(c.tokens) >= maxCachedTokens {
		c.tokens = map[string]cachedAuth{}
	}
	expires := time.Unix(int64(exp), 0)
	if limit := time.Now().Add(maxCacheAge); expires.After(limit) {
		expires = limit
	}
	c.tokens[token] = cachedAuth{record: r.Clone(), expires: expires}
}

func (c *authCache) clear() {
	c.mu.Lock()
	c.tokens = map[string]cachedAuth{}
	c.gen++
	c.mu.Unlock()
}
