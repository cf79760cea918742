package e2e

import (
	"context"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/device"

	"myrestaurant/modules/config"
)

// A phone on 4G: 100 ms round trips, 5 Mbit/s down, 1.5 Mbit/s up, and a CPU four times slower than this
// machine's (Chromium's own throttling), for the mid-range phone the storefront is made for.
const (
	phoneLatency  = 100 * time.Millisecond
	phoneDownload = 5_000_000 / 8 // bytes per second
	phoneUpload   = 1_500_000 / 8
	phoneSlowdown = 4
)

// BenchmarkStorefrontFirstLoad4G is the time from opening /order/ with an empty cache to the menu with its
// pictures shown, on that phone. Each round empties the browser's cache and signs in again (with the same device
// key, so that the rounds are not new customers, whom the server limits per address).
//
//	go test -run '^$' -bench StorefrontFirstLoad4G -benchtime 10x ./ui/e2e
func BenchmarkStorefrontFirstLoad4G(b *testing.B) {
	chromium := findBrowser()
	if chromium == "" {
		b.Skip("no Chromium found")
	}
	_, base, _ := storefrontApp(b, config.Config{})
	ctx, _ := browser(b, chromium)
	must(b, chromedp.Run(ctx, chromedp.Emulate(device.IPhoneX), network.Enable(),
		network.EmulateNetworkConditions(false, float64(phoneLatency.Milliseconds()), phoneDownload, phoneUpload),
		emulation.SetCPUThrottlingRate(phoneSlowdown),
		chromedp.Navigate(base+"/order/"), chromedp.WaitVisible(".item", chromedp.ByQuery)))
	menuShown := evalTrue(`(() => { const imgs = [...document.querySelectorAll('.item img')].slice(0, 3); return imgs.length === 3 && imgs.every((i) => i.complete && i.naturalWidth > 0); })()`)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		must(b, chromedp.Run(ctx, network.ClearBrowserCache(),
			chromedp.Evaluate(`localStorage.removeItem('myrestaurant.storefront.token')`, nil), chromedp.Navigate("about:blank")))
		b.StartTimer()
		c, cancel := context.WithTimeout(ctx, 60*time.Second)
		err := chromedp.Run(c, chromedp.Navigate(base+"/order/"), menuShown)
		cancel()
		must(b, err)
	}
}

func must(b *testing.B, err error) {
	b.Helper()
	if err != nil {
		b.Fatal(err)
	}
}
