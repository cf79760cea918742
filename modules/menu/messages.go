package menu

// Messages of categories, dishes and set meals.
const (
	// The original's exact texts (docs/compat-api.md §2.4).
	MsgCategoryHasSetmeal  = "当前分类关联了套餐,不能删除"
	MsgCategoryHasDish     = "当前分类关联了菜品,不能删除"
	MsgSetmealEnableFailed = "套餐内包含未启售菜品，无法启售"
	MsgDishOnSale          = "起售中的菜品不能删除"
	MsgSetmealOnSale       = "起售中的套餐不能删除"
	MsgDishInSetmeal       = "当前菜品关联了套餐,不能删除"

	// Ours: the original answered such input with HTTP 500 or stored it as is.
	MsgCategoryNotFound        = "分类不存在"
	MsgDishNotFound            = "菜品不存在"
	MsgSetmealNotFound         = "套餐不存在"
	MsgItemOffSale             = "商品已停售或不存在"
	MsgCategoryTypeInvalid     = "分类类型不正确"
	MsgCategoryDisabledOrWrong = "所选分类不存在或类型不符"
	MsgNameRequired            = "名称不能为空"
	MsgNameTooLong             = "名称不能超过32个字符"
	MsgPriceRequired           = "价格不能为空"
	MsgPriceNegative           = "价格不能小于0"
	MsgSortOutOfRange          = "排序值超出范围"
	MsgImageTooLong            = "图片地址不能超过255个字符"
	MsgDescriptionTooLong      = "描述不能超过255个字符"
	MsgFlavorNameRequired      = "口味名称不能为空"
	MsgFlavorNameDuplicate     = "口味名称不能重复"
	MsgFlavorValueInvalid      = `口味数据应为字符串数组，如["不辣","微辣"]`
	MsgFlavorValueTooLong      = "口味数据不能超过255个字符"
	MsgTooManyFlavors          = "口味不能超过20种"
	MsgSetmealDishNotFound     = "套餐中的菜品不存在"
	MsgCopiesInvalid           = "菜品份数应为1到1000"
	MsgTooManySetmealDishes    = "套餐菜品不能超过200个"
	MsgCategoryTypeInUse       = "分类下已有菜品或套餐，不能修改类型"
)
