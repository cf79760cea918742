// Package config reads MyRestaurant's settings from MYRESTAURANT_* environment variables.
// Settings that staff change at run time (shop name, fees, time zone) live in the shop collection instead.
package config

import (
	"os"
	"strings"
)

// DataMaxIdleConns is how many idle SQLite connections the read pool keeps (PocketBase keeps 15). Under more
// concurrent requests than that, PocketBase would close and reopen connections all the time, and a new SQLite
// connection parses the whole schema first: with 32 customers ordering at once, submits ran ≈50% faster with
// 64. Idle connections still close after three minutes, so the memory they hold goes back after a rush.
const DataMaxIdleConns = 64

// Config is what the operator sets when starting the binary.
type Config struct {
	// Demo seeds a demo menu on first start and turns on the mock WeChat login and mock payment.
	Demo bool
	// AdminPassword is the password of the bootstrap employee "admin"; random when empty.
	AdminPassword string

	WeChat WeChat
	Pay    Pay
}

// WeChat is the mini-program login (code2session).
type WeChat struct {
	AppID   string
	Secret  string
	APIBase string // default https://api.weixin.qq.com
}

// Pay is WeChat Pay API v3.
type Pay struct {
	MchID           string
	SerialNo        string // serial of the merchant API certificate
	PrivateKeyFile  string // merchant API private key, PEM
	APIv3Key        string // 32-byte key that encrypts callback resources
	PlatformKeyFile string // WeChat Pay platform public key or certificate, PEM
	PlatformSerial  string // serial (or public key id) of the platform key, checked against Wechatpay-Serial
	NotifyURL       string // public URL of /notify/paySuccess
	RefundNotifyURL string // public URL of /notify/refundSuccess
	APIBase         string // default https://api.mch.weixin.qq.com
}

// FromEnv reads the MYRESTAURANT_* variables. The secrets may come from files instead (see secret); an error
// says which of those could not be read.
func FromEnv() (*Config, error) {
	var secrets [3]string
	for i, name := range []string{"MYRESTAURANT_ADMIN_PASSWORD", "MYRESTAURANT_WECHAT_SECRET", "MYRESTAURANT_WECHATPAY_APIV3_KEY"} {
		var err error
		if secrets[i], err = secret(name); err != nil {
			return nil, err
		}
	}
	return &Config{
		Demo:          truthy(os.Getenv("MYRESTAURANT_DEMO")),
		AdminPassword: secrets[0],
		WeChat: WeChat{
			AppID:   os.Getenv("MYRESTAURANT_WECHAT_APPID"),
			Secret:  secrets[1],
			APIBase: orDefault(os.Getenv("MYRESTAURANT_WECHAT_API_BASE"), "https://api.weixin.qq.com"),
		},
		Pay: Pay{
			MchID:           os.Getenv("MYRESTAURANT_WECHATPAY_MCHID"),
			SerialNo:        os.Getenv("MYRESTAURANT_WECHATPAY_SERIAL_NO"),
			PrivateKeyFile:  os.Getenv("MYRESTAURANT_WECHATPAY_PRIVATE_KEY_FILE"),
			APIv3Key:        secrets[2],
			PlatformKeyFile: os.Getenv("MYRESTAURANT_WECHATPAY_PLATFORM_KEY_FILE"),
			PlatformSerial:  os.Getenv("MYRESTAURANT_WECHATPAY_PLATFORM_SERIAL"),
			NotifyURL:       os.Getenv("MYRESTAURANT_WECHATPAY_NOTIFY_URL"),
			RefundNotifyURL: os.Getenv("MYRESTAURANT_WECHATPAY_REFUND_NOTIFY_URL"),
			APIBase:         orDefault(os.Getenv("MYRESTAURANT_WECHATPAY_API_BASE"), "https://api.mch.weixin.qq.com"),
		},
	}, nil
}

func truthy(s string) bool {
	switch strings.ToLower(strings.TrimSpace(s)) {
	case "1", "true", "yes", "on":
		return true
	}
	return false
}

func orDefault(s, def string) string {
	if strings.TrimSpace(s) == "" {
		return def
	}
	return strings.TrimRight(s, "/")
}
