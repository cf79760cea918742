package modules

import (
	"fmt"
	"net"
	"net/http"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/config"
	"myrestaurant/modules/media"
	"myrestaurant/modules/menu"
	"myrestaurant/modules/shop"
)

// registerDemo makes `serve --demo` a shop one can try at once: a menu on first start, the shop open, and the
// mock WeChat login and payment (chosen by the customer and payment modules from cfg.Demo).
func registerDemo(app core.App, cfg *config.Config) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if !cfg.Demo {
			return se.Next()
		}
		fmt.Println("\n*** DEMO MODE: demo menu, mock WeChat login and mock payment. Never use --demo with real customers. ***")
		se.App.Logger().Warn("demo mode: mock WeChat login and mock payment are on")
		first, err := seedDemoMenu(se.App, media.PublicBase(se.App, serverBase(se.Server)))
		if err != nil {
			return err
		}
		if first {
			if err := shop.SetStatus(se.App, shop.Open); err != nil {
				return err
			}
		}
		return se.Next()
	})
}

// seedDemoMenu seeds the original's menu when there is none yet and says whether it did. Its pictures are
// linked at pictureBase.
func seedDemoMenu(app core.App, pictureBase string) (bool, error) {
	n, err := app.CountRecords("categories")
	if err != nil || n > 0 {
		return false, err
	}
	return true, menu.SeedDemo(app, pictureBase)
}

// serverBase is the address the server listens on, as a URL a browser on this machine can open: the demo
// menu's pictures are linked there unless an application URL is configured. (PocketBase gives every server a
// TLS configuration, so only the port tells HTTPS.)
func serverBase(s *http.Server) string {
	if s == nil {
		return "http://127.0.0.1:8090"
	}
	host, port, err := net.SplitHostPort(s.Addr)
	if err != nil {
		return "http://" + s.Addr
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "127.0.0.1"
	}
	if port == "443" || port == "https" {
		return "https://" + host
	}
	return "http://" + net.JoinHostPort(host, port)
}
