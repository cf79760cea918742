package compat

// Messages of the limits that keep one customer from hurting the shop: the size of a cart and an order, open
// unpaid orders, saved addresses, and the payment window. The formats take the limit.
const (
	MsgCartItemLimitFormat       = "每种商品最多点%d份"
	MsgCartTooManyItemsFormat    = "购物车最多放%d种商品"
	MsgOrderTotalLimitFormat     = "单笔订单金额不能超过%d元，请分开下单"
	MsgOrderOutOfLimits          = "订单内容超出限制，请调整购物车后重新下单"
	MsgTooManyUnpaidOrdersFormat = "您已有%d笔待付款订单，请先支付或取消后再下单"
	MsgTooManyAddressesFormat    = "最多保存%d个收货地址，请先删除不用的地址"
	MsgPaymentExpired            = "订单已超时，已自动取消，请重新下单"
)
