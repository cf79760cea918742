package config

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// A secret handed over as a file (Docker, systemd) reaches the settings without its line end.
func TestSecretsFromFiles(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	for _, name := range []string{"MYRESTAURANT_ADMIN_PASSWORD", "MYRESTAURANT_WECHAT_SECRET", "MYRESTAURANT_WECHATPAY_APIV3_KEY"} {
		t.Setenv(name, "") // whatever the machine running the tests has
	}
	t.Setenv("MYRESTAURANT_ADMIN_PASSWORD_FILE", write("admin", "s3cret pass\n"))
	t.Setenv("MYRESTAURANT_WECHAT_SECRET_FILE", write("wechat", "  app-secret\r\n"))
	t.Setenv("MYRESTAURANT_WECHATPAY_APIV3_KEY_FILE", write("apiv3", "0123456789abcdef0123456789abcdef\n"))
	cfg, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.AdminPassword != "s3cret pass" || cfg.WeChat.Secret != "app-secret" || cfg.Pay.APIv3Key != "0123456789abcdef0123456789abcdef" {
		t.Fatalf("read %q, %q, %q", cfg.AdminPassword, cfg.WeChat.Secret, cfg.Pay.APIv3Key)
	}
}

// Without a _FILE variable the secret is the variable itself, as before.
func TestSecretsFromVariables(t *testing.T) {
	for _, name := range []string{"MYRESTAURANT_ADMIN_PASSWORD_FILE", "MYRESTAURANT_WECHAT_SECRET_FILE", "MYRESTAURANT_WECHATPAY_APIV3_KEY_FILE"} {
		t.Setenv(name, "")
	}
	t.Setenv("MYRESTAURANT_ADMIN_PASSWORD", "pass")
	t.Setenv("MYRESTAURANT_WECHAT_SECRET", "app-secret")
	t.Setenv("MYRESTAURANT_WECHATPAY_APIV3_KEY", "key")
	cfg, err := FromEnv()
	if err != nil {
		t.Fatal(err)
	}
	if cfg.AdminPassword != "pass" || cfg.WeChat.Secret != "app-secret" || cfg.Pay.APIv3Key != "key" {
		t.Fatalf("read %q, %q, %q", cfg.AdminPassword, cfg.WeChat.Secret, cfg.Pay.APIv3Key)
	}
}

// A missing file or an ambiguous setting stops the start with the variable's name, instead of running with an
// empty secret (a random admin password, a login that always fails).
func TestSecretFileRefusals(t *testing.T) {
	t.Run("unreadable", func(t *testing.T) {
		t.Setenv("MYRESTAURANT_WECHAT_SECRET_FILE", filepath.Join(t.TempDir(), "missing"))
		if _, err := FromEnv(); err == nil || !strings.Contains(err.Error(), "MYRESTAURANT_WECHAT_SECRET_FILE") {
			t.Fatalf("error %v", err)
		}
	})
	t.Run("both set", func(t *testing.T) {
		p := filepath.Join(t.TempDir(), "admin")
		if err := os.WriteFile(p, []byte("from file"), 0o600); err != nil {
			t.Fatal(err)
		}
		t.Setenv("MYRESTAURANT_ADMIN_PASSWORD", "from env")
		t.Setenv("MYRESTAURANT_ADMIN_PASSWORD_FILE", p)
		if _, err := FromEnv(); err == nil || !strings.Contains(err.Error(), "MYRESTAURANT_ADMIN_PASSWORD") {
			t.Fatalf("error %v", err)
		}
	})
}
