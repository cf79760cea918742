package cart

// Messages of the cart that the original has no constant for; the cart and order limits are the order
// module's (compat/order_messages.go).
const (
	MsgCartChooseItem    = "请选择菜品或套餐"
	MsgDishFlavorTooLong = "口味信息过长"
)
