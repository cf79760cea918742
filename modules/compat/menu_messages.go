package compat

// Messages of the menu routes that the original has no constant for (it answered such input with HTTP 500
// or stored it as is).
const (
	MsgIDRequired           = "id不能为空"
	MsgNameRequired         = "名称不能为空"
	MsgNameTooLong          = "名称不能超过32个字符"
	MsgPriceRequired        = "价格不能为空"
	MsgPriceNegative        = "价格不能小于0"
	MsgSortOutOfRange       = "排序值超出范围"
	MsgImageTooLong         = "图片地址不能超过255个字符"
	MsgDescriptionTooLong   = "描述不能超过255个字符"
	MsgFlavorNameRequired   = "口味名称不能为空"
	MsgFlavorNameDuplicate  = "口味名称不能重复"
	MsgFlavorValueInvalid   = `口味数据应为字符串数组，如["不辣","微辣"]`
	MsgFlavorValueTooLong   = "口味数据不能超过255个字符"
	MsgTooManyFlavors       = "口味不能超过20种"
	MsgSetmealDishNotFound  = "套餐中的菜品不存在"
	MsgCopiesInvalid        = "菜品份数应为1到1000"
	MsgTooManySetmealDishes = "套餐菜品不能超过200个"
	MsgCategoryTypeInUse    = "分类下已有菜品或套餐，不能修改类型"
)
