package order

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/payment"
	"myrestaurant/modules/shop"
)

// ShopInfo is what the storefront shows before anyone signs in: the shop's settings (whether it is open, its fees,
// whether it takes payment on delivery) and how its customers may pay online. It lives with the orders because
// how to pay is the order module's to know.
type ShopInfo struct {
	shop.Settings
	OnlinePay string `json:"onlinePay"` // OnlinePayMock, OnlinePayWeChatNative or "" (none)
}

// How a browser customer pays online (ShopInfo.OnlinePay).
const (
	OnlinePayMock         = "mock"          // the demo: paid at once
	OnlinePayWeChatNative = "wechat-native" // WeChat Pay's Native mode: a QR code to scan
)

// Info reads the shop for the storefront.
func Info(app core.App) (ShopInfo, error) {
	s, err := shop.Load(app)
	if err != nil {
		return ShopInfo{}, err
	}
	info := ShopInfo{Settings: s}
	if p := providerOf(app); p != nil {
		switch p.Name() {
		case payment.ProviderMock:
			info.OnlinePay = OnlinePayMock
		case payment.ProviderWeChatPay:
			info.OnlinePay = OnlinePayWeChatNative
		}
	}
	return info, nil
}
