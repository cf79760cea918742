package order

// The order routes' messages: the original's exact texts (docs/compat-api.md §2.4) and ours, for input the
// original trusted or answered with HTTP 500, and for the limits the order module enforces.
const (
	// MsgOrderItemOffSaleFormat names the cart item that can no longer be ordered.
	MsgOrderItemOffSaleFormat = "%s已停售或不存在，请从购物车中移除后重新下单"
	// MsgRepetitionSkippedFormat lists the items of a past order that were not put back into the cart.
	MsgRepetitionSkippedFormat = "以下商品已停售，未加入购物车：%s"
	MsgPaymentUnavailable      = "暂未开通在线支付，请联系商家"
	MsgPaymentFailed           = "发起支付失败，请稍后重试"
	MsgPayMethodInvalid        = "支付方式不正确"
	MsgOrderNumberRequired     = "订单号不能为空"
	MsgRemarkTooLong           = "备注不能超过100个字符"
	MsgReasonTooLong           = "原因不能超过255个字符"
	MsgTablewareInvalid        = "餐具数量应为0到1000"
	MsgDeliveryStatusInvalid   = "配送方式不正确"
	MsgTimeParamInvalidFormat  = "参数 %s 格式应为yyyy-MM-dd HH:mm:ss"
	// MsgAmountChangedFormat tells the customer what the order costs now, e.g. ¥68.70.
	MsgAmountChangedFormat       = "订单金额已变化（应付 ¥%s），请刷新后重新下单"
	MsgCartEmpty                 = "购物车数据为空，不能下单"
	MsgAddressEmpty              = "用户地址为空，不能下单"
	MsgOrderStatusError          = "订单状态错误"
	MsgOrderNotFound             = "订单不存在"
	MsgOrderPaid                 = "该订单已支付"
	MsgShopClosed                = "本店已打烊，暂不接单"
	MsgAmountChanged             = "订单金额已变化，请刷新后重新下单"
	MsgOrderOutOfLimits          = "订单内容超出限制，请调整购物车后重新下单"
	MsgTooManyUnpaidOrdersFormat = "您已有%d笔待付款订单，请先支付或取消后再下单"
	MsgPaymentExpired            = "订单已超时，已自动取消，请重新下单"
	MsgTableNoInvalid            = "桌号无效，请重新扫描桌上的二维码"
	MsgPayOnDeliveryOff          = "本店暂不支持货到付款/到店付款，请选择在线支付"
)

// Messages of PocketBase's record API on orders (record_api_rules.go), read by the owner in the dashboard.
const (
	// MsgStatusChangeRefusedFormat takes the old and the new status and the statuses that are possible.
	MsgStatusChangeRefusedFormat = "订单状态不能从 %s 改为 %s；可以改为：%s（付款只能由支付平台确认）"
	MsgStatusChangeInBatch       = "批量请求不能修改订单状态，请逐单修改"
	// MsgOrderFieldFrozenFormat takes the field's name.
	MsgOrderFieldFrozenFormat  = "订单的 %s 在下单、支付或状态变化时确定，不能手工修改"
	MsgOrderDeleteRefused      = "只能删除已取消且从未付款的订单；其他订单是经营记录，请改为取消（状态 6）"
	MsgRecordAPICreateRefused  = "订单、订单明细和支付记录只能由顾客下单和支付产生，不能手工创建"
	MsgRecordAPIHistoryRefused = "订单明细和支付记录是经营记录，不能修改或删除"
)
