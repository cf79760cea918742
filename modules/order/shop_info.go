package order

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/shop"
)

// ShopInfo is what the storefront shows before anyone signs in: the shop, whether it is open, its fees and how
// its customers may pay. It lives with the orders because how to pay is the order module's to know.
type ShopInfo struct {
	Name          string       `json:"name"`
	Phone         string       `json:"phone"`
	Address       string       `json:"address"`
	Status        int          `json:"status"`
	DeliveryFee   compat.Money `json:"deliveryFee"`
	PackingFee    compat.Money `json:"packingFee"` // per item
	PayOnDelivery bool         `json:"payOnDelivery"`
	OnlinePay     string       `json:"onlinePay"` // OnlinePayMock, OnlinePayWeChatNative or "" (none)
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
	info := ShopInfo{Name: s.Name, Phone: s.Phone, Address: s.Address, Status: s.Status, DeliveryFee: s.DeliveryFee,
		PackingFee: s.PackingFee, PayOnDelivery: s.PayOnDelivery}
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
