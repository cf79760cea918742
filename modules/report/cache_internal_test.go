package report

import "github.com/pocketbase/pocketbase/core"

// ForgetSales empties the top-10 sales cache, for tests and the cold benchmarks.
func ForgetSales(app core.App) { salesCacheOf(app).forgetAll() }
