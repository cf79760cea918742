package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The fields added for the storefront and busy hours say in the dashboard what they mean, as every other code
// does (see 1764000200_dashboard_help_and_columns.go, which ran before these fields existed), and so do the
// orders' and the shop's remaining text fields.
var storefrontFieldHelp = map[string]map[string]string{
	"orders": {
		"channel":   "下单渠道: miniprogram 微信小程序 · web 网页点餐 (the storefront at /order/). Empty on orders from before: the mini-program.",
		"table_no":  "桌号 table of a dine-in order (from /order/?table=…); empty for delivery. A table order has no address and no delivery fee.",
		"consignee": "收货人 consignee, copied from the address when the order was placed.",
		"phone":     "收货人电话 the consignee's phone, copied from the address.",
		"address":   "收货地址 delivery address, copied from the address book when the order was placed (later edits of the address leave it as it was).",
		"remark":    "备注 the customer's remark, printed on the kitchen ticket.",
	},
	"shop": {
		"name":            "店名 shop name, shown to customers and on tickets.",
		"phone":           "店铺电话 shown to customers (联系商家).",
		"address":         "店铺地址 shown to customers.",
		"pay_on_delivery": "货到付款/到店付款: on lets customers order unpaid and pay on delivery or at the counter; completing the order records the cash payment. Off by default.",
		"busy_mode":       "忙时模式: on accepts paid orders at once (their alerts still ring) and the console that switched it on prints their tickets.",
	},
}

func init() {
	m.Register(func(app core.App) error {
		for name, fields := range storefrontFieldHelp {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			for field, help := range fields {
				if err := setHelp(c, field, help); err != nil {
					return err
				}
			}
			if err := app.Save(c); err != nil {
				return err
			}
		}
		return nil
	}, nil)
}
