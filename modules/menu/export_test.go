package menu

import "github.com/pocketbase/pocketbase/core"

// For the tests of package menu_test only.

// InvalidateMenuCache lets the cache tests and benchmarks start from an empty cache.
var InvalidateMenuCache = invalidateMenuCache

// MenuCacheSize is the number of cached lists.
func MenuCacheSize(app core.App) int {
	c := cacheOf(app)
	c.mu.RLock()
	defer c.mu.RUnlock()
	return len(c.entries)
}
