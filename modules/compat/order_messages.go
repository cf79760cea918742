package compat

// Messages of the order routes that the original has no constant for (it trusted the client, or answered such
// input with HTTP 500).
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
	// MsgMoneySubCent follows MsgBadRequest for an amount with a real part below one cent (68.705).
	MsgMoneySubCent = "金额最多保留两位小数"
	// MsgAmountChangedFormat tells the customer what the order costs now, e.g. ¥68.70.
	MsgAmountChangedFormat = "订单金额已变化（应付 ¥%s），请刷新后重新下单"
)
