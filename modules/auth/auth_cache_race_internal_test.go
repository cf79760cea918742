package auth

import (
	"testing"
	"time"

	"github.com/golang-jwt/jwt/v5"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/security"
)

// A token verified just before a sign-out or a lock emptied the cache must not be put back by that slower
// request: it would then be accepted until it expires.
func TestAuthCacheDropsATokenVerifiedBeforeAClear(t *testing.T) {
	tok, err := security.NewJWT(jwt.MapClaims{"id": "1"}, "key-of-the-test-token-0123456789", time.Hour)
	if err != nil {
		t.Fatal(err)
	}
	record := core.NewRecord(core.NewBaseCollection("employees"))
	c := &authCache{tokens: map[string]cachedAuth{}}

	gen := c.generation() // a request starts verifying the token
	c.clear()             // meanwhile the employee signs out
	c.put(tok, record, gen)
	if c.get(tok, time.Now()) != nil {
		t.Fatal("a token verified before the clear was cached after it")
	}

	c.put(tok, record, c.generation())
	if c.get(tok, time.Now()) == nil {
		t.Fatal("a token verified after the clear was not cached")
	}
}
