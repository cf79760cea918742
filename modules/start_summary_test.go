package modules

import (
	"bytes"
	"regexp"
	"strings"
	"testing"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/config"
)

// summaryRow finds the state and advice the summary gives for one setting.
func summaryRow(t *testing.T, summary, what string) string {
	t.Helper()
	m := regexp.MustCompile(`(?m)^  ` + regexp.QuoteMeta(what) + ` +(.*)$`).FindStringSubmatch(summary)
	if m == nil {
		t.Fatalf("no %q row in the summary:\n%s", what, summary)
	}
	return m[1]
}

func TestStartSummaryOfAnUnconfiguredServerSaysWhatToSet(t *testing.T) {
	app := apptest.New(t)
	s := StartSummary(app, &config.Config{})
	for what, want := range map[string][]string{
		"demo mode":       {"off"},
		"WeChat login":    {"OFF", "MYRESTAURANT_WECHAT_APPID", "MYRESTAURANT_WECHAT_SECRET"},
		"WeChat Pay":      {"OFF", "MYRESTAURANT_WECHATPAY_MCHID", "MYRESTAURANT_WECHATPAY_APIV3_KEY", "MYRESTAURANT_WECHATPAY_NOTIFY_URL"},
		"application URL": {"not set", "Settings → Application URL"},
	} {
		row := summaryRow(t, s, what)
		for _, w := range want {
			if !strings.Contains(row, w) {
				t.Errorf("%s: %q lacks %q", what, row, w)
			}
		}
	}
}

func TestStartSummaryInDemoModeSaysMock(t *testing.T) {
	s := StartSummary(apptest.New(t), &config.Config{Demo: true})
	if row := summaryRow(t, s, "demo mode"); !strings.HasPrefix(row, "ON") {
		t.Errorf("demo mode: %q", row)
	}
	for _, what := range []string{"WeChat login", "WeChat Pay"} {
		if row := summaryRow(t, s, what); row != "mock (demo)" {
			t.Errorf("%s: %q", what, row)
		}
	}
}

func TestStartSummaryOfAConfiguredServerAsksForNothing(t *testing.T) {
	app := apptest.New(t)
	app.Settings().Meta.AppURL = "https://shop.example/"
	if err := app.Save(app.Settings()); err != nil {
		t.Fatal(err)
	}
	cfg := &config.Config{
		WeChat: config.WeChat{AppID: "wx1", Secret: "s"},
		Pay: config.Pay{MchID: "m", SerialNo: "n", PrivateKeyFile: "k", APIv3Key: "v", PlatformKeyFile: "p",
			PlatformSerial: "ps", NotifyURL: "https://shop.example/notify/paySuccess"},
	}
	s := StartSummary(app, cfg)
	for what, want := range map[string]string{"demo mode": "off", "WeChat login": "on", "WeChat Pay": "on", "application URL": "https://shop.example"} {
		if row := summaryRow(t, s, what); row != want {
			t.Errorf("%s: %q, want %q", what, row, want)
		}
	}
}

// The summary goes to the terminal once the server listens.
func TestStartSummaryIsPrintedWhenTheServerStarts(t *testing.T) {
	var out bytes.Buffer
	app := apptest.New(t, func(app core.App) { printStartSummary(app, &config.Config{}, &out) })
	apptest.Serve(t, app)
	if !strings.Contains(out.String(), "WeChat Pay") || strings.Count(out.String(), "MyRestaurant:") != 1 {
		t.Errorf("printed at start:\n%s", out.String())
	}
}
