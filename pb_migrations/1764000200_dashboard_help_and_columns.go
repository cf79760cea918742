package migrations

import (
	"fmt"
	"reflect"
	"slices"

	"github.com/pocketbase/pocketbase/core"
	m "github.com/pocketbase/pocketbase/migrations"
)

// The dashboard at /_/ shows a field's help under its input, lists a collection's columns in its field order, and
// names a related record by the related collection's presentable fields. So every money field says its unit,
// every code its meanings (sex means opposite things for addresses and employees), the columns an owner looks
// for come first, and a customer shows by name. Columns keep their names: the code reads them.

// centsHelp is the help of a money field stored in cents.
func centsHelp(what string) string {
	return what + "，单位：分 (cents)。7800 = ¥78.00；填 78 是 ¥0.78。"
}

var fieldHelp = map[string]map[string]string{
	"orders": {
		"number":                  "订单号 (order number), set when the order is placed; never changes.",
		"status":                  "订单状态: 1 待付款 unpaid · 2 待接单 to confirm · 3 待派送 confirmed · 4 派送中 delivering · 5 已完成 done · 6 已取消 cancelled. One step at a time (2→3→4→5, or →6): each runs the console's action, with its refund; other jumps are refused.",
		"amount":                  centsHelp("实付金额 total paid (food + packing + delivery)") + "下单后不能修改。",
		"pay_status":              "支付状态: 0 未支付 unpaid · 1 已支付 paid · 2 已退款 refunded. Set by payments and refunds only.",
		"pay_method":              "支付方式: 1 微信支付 WeChat Pay · 2 支付宝 Alipay (unused) · 3 货到付款/到店付款 pay on delivery or at the counter.",
		"delivery_fee":            centsHelp("配送费 delivery fee of this order"),
		"pack_amount":             "打包费 packing fee of this order, 单位：元 (whole yuan, as the original system stores it): 5 = ¥5. Unlike every other amount, NOT cents.",
		"order_time":              "下单时间 (stored in UTC; the dashboard shows your browser's time on hover, order_overview shows the shop's time).",
		"checkout_time":           "付款时间 (UTC).",
		"cancel_time":             "取消时间 (UTC).",
		"delivery_time":           "送达时间 (UTC), set when the order is completed.",
		"estimated_delivery_time": "预计送达时间 chosen by the customer (UTC).",
		"delivery_status":         "配送方式: 1 立即送出 deliver now · 0 选择具体时间 at the chosen time.",
		"tableware_status":        "餐具: 1 按餐量提供 by meal quantity · 0 选择具体数量 the number in tableware_number.",
		"tableware_number":        "餐具数量 (when tableware_status is 0).",
		"user":                    "下单的顾客 customer.",
		"address_book":            "下单时所选地址簿记录的 id; the address itself is copied into consignee, phone and address.",
		"user_name":               "顾客昵称 at the time of the order.",
		"cancel_reason":           "取消原因: set it together with status 6.",
		"rejection_reason":        "拒单原因: set it together with status 6 on an order to confirm (2) to reject it.",
	},
	"order_details": {
		"amount":     centsHelp("单价 unit price"),
		"number":     "份数 quantity.",
		"dish_id":    "菜品 id at the time of the order (plain id: the order keeps what was sold).",
		"setmeal_id": "套餐 id at the time of the order.",
	},
	"payments": {
		"amount": centsHelp("金额 amount paid or refunded"),
		"kind":   "pay 付款 · refund 退款.",
		"state":  "pending 待确认 · succeeded 成功 · failed 失败.",
	},
	"dishes": {
		"price":  centsHelp("价格 price"),
		"status": "1 起售 on sale · 0 停售 off sale.",
		"image":  "图片 picture: the URL the console's upload returns (a path such as /api/files/… or a full URL).",
	},
	"setmeals": {
		"price":  centsHelp("价格 price"),
		"status": "1 起售 on sale · 0 停售 off sale.",
		"image":  "图片 picture: the URL the console's upload returns (a path such as /api/files/… or a full URL).",
	},
	"setmeal_dishes": {
		"price":  centsHelp("菜品单价 the dish's price, copied when the set meal is saved"),
		"copies": "份数 copies of the dish in the set meal.",
	},
	"cart_items": {
		"amount": centsHelp("单价 unit price"),
	},
	"categories": {
		"type":   "分类类型: 1 菜品分类 dish category · 2 套餐分类 set meal category.",
		"status": "1 启用 enabled · 0 禁用 disabled.",
		"sort":   "排序 smaller first.",
	},
	"dish_flavors": {
		"value": `口味选项 options: a JSON list of strings, e.g. ["不辣","微辣","中辣"].`,
	},
	"shop": {
		"status":       "1 营业中 open · 0 打烊中 closed.",
		"delivery_fee": centsHelp("配送费 delivery fee per order") + "600 = ¥6.00.",
		"packing_fee":  centsHelp("打包费 packing fee per item") + "100 = ¥1.00.",
		"time_zone":    "时区 IANA time zone name, e.g. Asia/Shanghai (not \"Beijing\" or \"UTC+8\").",
	},
	"employees": {
		"status": "1 启用 enabled · 0 锁定 locked (cannot sign in). Left empty when adding: enabled.",
		"sex":    "性别 as the admin web app's employee form: 1 男 male · 0 女 female (the opposite of addresses).",
		"role":   "manager 经理 (everything) · staff 员工 (orders, on/off sale, open/close). Left empty when adding: staff.",
	},
	"address_book": {
		"sex":        "性别 as the mini-program's address form: 0 先生 Mr · 1 女士 Ms (the opposite of employees).",
		"label":      "标签: 1 公司 work · 2 家 home · 3 学校 school · else 其他 other.",
		"is_default": "默认地址 the customer's default address.",
	},
	"users": {
		"openid": "微信 openid of the mini-program customer (sign-in identity).",
		"sex":    "性别: not filled by the mini-program.",
	},
	"alerts": {
		"type": "提醒类型: 1 新订单 new order · 2 催单 reminder · 3 用户取消 customer cancelled.",
	},
}

// firstColumns are the fields each list starts with, after id, in this order; the others follow as they were.
var firstColumns = map[string][]string{
	"orders": {"number", "status", "amount", "consignee", "phone", "address", "order_time", "pay_status", "pay_method",
		"remark", "delivery_fee", "pack_amount", "estimated_delivery_time"},
	// A mini-program customer has an openid and nothing else until they set a name or phone.
	"users":     {"openid", "created", "name", "phone"},
	"dishes":    {"name", "price", "status", "category", "image", "description"},
	"setmeals":  {"name", "price", "status", "category", "image", "description"},
	"employees": {"username", "name", "role", "status", "phone"},
}

func init() {
	m.Register(func(app core.App) error {
		names := make([]string, 0, len(fieldHelp))
		for name := range fieldHelp {
			names = append(names, name)
		}
		slices.Sort(names)
		for _, name := range names {
			c, err := app.FindCollectionByNameOrId(name)
			if err != nil {
				return err
			}
			for field, help := range fieldHelp[name] {
				if err := setHelp(c, field, help); err != nil {
					return err
				}
			}
			if first, ok := firstColumns[name]; ok {
				putFirst(c, first...)
			}
			if name == "users" {
				// A customer in an order shows by name (and openid when nameless), not by id.
				c.Fields.GetByName("name").(*core.TextField).Presentable = true
			}
			if err := app.Save(c); err != nil {
				return fmt.Errorf("%s: %w", name, err)
			}
		}
		return nil
	}, nil)
}

// setHelp sets the dashboard's help text of a field. Every field type has a Help, but no method sets it.
func setHelp(c *core.Collection, name, help string) error {
	f := c.Fields.GetByName(name)
	if f == nil {
		return fmt.Errorf("%s.%s: no such field", c.Name, name)
	}
	h := reflect.ValueOf(f).Elem().FieldByName("Help")
	if !h.IsValid() || h.Kind() != reflect.String {
		return fmt.Errorf("%s.%s: no help", c.Name, name)
	}
	h.SetString(help)
	return nil
}

// putFirst moves the named fields right after id, in the order given.
func putFirst(c *core.Collection, names ...string) {
	out := core.FieldsList{c.Fields.GetByName("id")}
	for _, n := range names {
		if f := c.Fields.GetByName(n); f != nil {
			out = append(out, f)
		}
	}
	for _, f := range c.Fields {
		if f.GetName() != "id" && !slices.Contains(names, f.GetName()) {
			out = append(out, f)
		}
	}
	c.Fields = out
}
