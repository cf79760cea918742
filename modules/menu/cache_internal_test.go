package menu

import (
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/compat"
)

// A read that started before an invalidation must not keep what it read after it.
func TestCacheReadRacingAnInvalidation(t *testing.T) {
	app := apptest.New(t)
	stale := []Category{{Name: "stale"}}

	// The change commits (and invalidates) while the read is querying.
	list, body, err := cachedRead(app, categoriesKey(compat.Int{}), func(core.App) ([]Category, error) {
		InvalidateMenuCache(app)
		return stale, nil
	})
	if err != nil || len(list) != 1 || len(body) == 0 {
		t.Fatalf("read: %v %v %s", err, list, body)
	}
	if n := MenuCacheSize(app); n != 0 {
		t.Fatalf("a read that raced an invalidation was kept (%d entries)", n)
	}

	// The next read keeps its list, and a later one is served from it.
	fresh := []Category{{Name: "fresh"}}
	cachedRead(app, categoriesKey(compat.Int{}), func(core.App) ([]Category, error) { return fresh, nil })
	got, _, _ := cachedRead(app, categoriesKey(compat.Int{}), func(core.App) ([]Category, error) {
		t.Fatal("a cached list was read again")
		return nil, nil
	})
	if got[0].Name != "fresh" {
		t.Fatalf("cached %v", got)
	}

	// The generation guard itself.
	c := cacheOf(app)
	_, gen, _ := c.lookup(dishesKey(1))
	c.invalidate()
	if c.store(dishesKey(1), gen, cachedList{value: fresh}) {
		t.Fatal("stored a list read before an invalidation")
	}
}

func TestCacheBound(t *testing.T) {
	app := apptest.New(t)
	c := cacheOf(app)
	for i := range maxCacheEntries + 10 {
		_, gen, _ := c.lookup(cacheKey{})
		c.store(dishesKey(compat.ID(i)), gen, cachedList{})
	}
	if n := MenuCacheSize(app); n != maxCacheEntries {
		t.Fatalf("cache size %d, want the bound %d", n, maxCacheEntries)
	}
}
