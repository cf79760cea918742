package cart

// Messages of the cart that the original has no constant for.
const (
	MsgCartChooseItem    = "请选择菜品或套餐"
	MsgDishFlavorTooLong = "口味信息过长"

	// The limits of one cart, which submit checks again for the whole order.
	MsgCartItemLimitFormat    = "每种商品最多点%d份"
	MsgCartTooManyItemsFormat = "购物车最多放%d种商品"
	MsgOrderTotalLimitFormat  = "单笔订单金额不能超过%d元，请分开下单"
)
