package report

import "github.com/pocketbase/pocketbase/core"

// ForgetSales empties the top-10 sales cache, for tests and the cold benchmarks.
func ForgetSales(app core.App) { salesCacheOf(app).forgetAll() }

// CachedSalesDays is the number of days the top-10 sales cache holds.
func CachedSalesDays(app core.App) int {
	c := salesCacheOf(app)
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.days)
}
