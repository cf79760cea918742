package modules

import (
	"fmt"
	"io"
	"strings"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/config"
	"myrestaurant/modules/customer"
	"myrestaurant/modules/media"
	"myrestaurant/modules/payment"
)

// printStartSummary tells the operator, on the terminal once the server listens, what is on and off and what to
// set: the log table says it too, but nobody reads that before the first customer cannot pay.
func printStartSummary(app core.App, cfg *config.Config, out io.Writer) {
	app.OnServe().BindFunc(func(se *core.ServeEvent) error {
		if err := se.Next(); err != nil {
			return err
		}
		fmt.Fprint(out, StartSummary(se.App, cfg))
		return nil
	})
}

// StartSummary is the start summary of app run with cfg.
func StartSummary(app core.App, cfg *config.Config) string {
	var b strings.Builder
	row := func(what, state, todo string) {
		fmt.Fprintf(&b, "  %-16s %s", what, state)
		if todo != "" {
			fmt.Fprintf(&b, " — %s", todo)
		}
		b.WriteString("\n")
	}
	b.WriteString("\nMyRestaurant:\n")
	if cfg.Demo {
		row("demo mode", "ON", "mock login and payment, never with real customers; start without --demo and MYRESTAURANT_DEMO for production")
	} else {
		row("demo mode", "off", "")
	}

	missingLogin := customer.MissingLoginSettings(cfg)
	switch {
	case cfg.Demo:
		row("WeChat login", "mock (demo)", "")
	case len(missingLogin) == 0:
		row("WeChat login", "on", "")
	default:
		row("WeChat login", "OFF", "customers cannot sign in; set "+strings.Join(missingLogin, ", "))
	}

	switch missing := payment.MissingSettings(cfg); {
	case len(missing) == 0:
		row("WeChat Pay", "on", "")
	case cfg.Demo:
		row("WeChat Pay", "mock (demo)", "")
	default:
		row("WeChat Pay", "OFF", "orders cannot be paid; set "+strings.Join(missing, ", "))
	}

	if base, ok := media.AppURL(app); ok {
		row("application URL", base, "")
	} else {
		row("application URL", "not set", "picture links follow each request's Host header; set it in the dashboard (/_/ → Settings → Application URL)")
	}
	b.WriteString("  (all settings: README, \"Configure it\")\n\n")
	return b.String()
}
