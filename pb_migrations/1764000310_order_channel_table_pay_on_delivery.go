package migrations

import (
	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
	"github.com/pocketbase/pocketbase/tools/types"
)

// Orders say where they came from and for which table, and may be paid on delivery:
//   - channel: "miniprogram" (WeChat mini-program; orders from before this read as it when empty) or "web"
//     (the storefront in a browser);
//   - table_no: the table of a dine-in order, "" for delivery;
//   - pay_method 3: pay on delivery or at the counter (1 WeChat Pay, 2 Alipay as the original);
//   - shop.pay_on_delivery: whether the owner allows it, off until they turn it on.
func init() {
	m.Register(func(app core.App) error {
		orders, err := app.FindCollectionByNameOrId("orders")
		if err != nil {
			return err
		}
		orders.Fields.Add(text("channel", 16, false), text("table_no", 16, false))
		orders.Fields.GetByName("pay_method").(*core.NumberField).Max = types.Pointer(3.0)
		if err := app.Save(orders); err != nil {
			return err
		}
		shop, err := app.FindCollectionByNameOrId("shop")
		if err != nil {
			return err
		}
		shop.Fields.Add(&core.BoolField{Name: "pay_on_delivery"})
		return app.Save(shop)
	}, func(app core.App) error {
		orders, err := app.FindCollectionByNameOrId("orders")
		if err != nil {
			return err
		}
		orders.Fields.RemoveByName("channel")
		orders.Fields.RemoveByName("table_no")
		orders.Fields.GetByName("pay_method").(*core.NumberField).Max = types.Pointer(2.0)
		if err := app.Save(orders); err != nil {
			return err
		}
		shop, err := app.FindCollectionByNameOrId("shop")
		if err != nil {
			return err
		}
		shop.Fields.RemoveByName("pay_on_delivery")
		return app.Save(shop)
	})
}
