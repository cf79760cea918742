package customer

// Messages of customer sign-in and the address book. The first two are the original's exact texts
// (docs/compat-api.md §2.4); the rest are ours.
const (
	MsgLoginFailed      = "登录失败"
	MsgNoDefaultAddress = "没有查询到默认地址"

	MsgAddressNotFound = "地址不存在"

	MsgAddressIDRequired      = "地址id不能为空"
	MsgAddressPhoneRequired   = "手机号不能为空"
	MsgTooManyAddressesFormat = "最多保存%d个收货地址，请先删除不用的地址"

	MsgDeviceKeyInvalid    = "设备标识无效，请刷新页面重试"
	MsgTooManyNewCustomers = "新顾客注册过于频繁，请稍后再试"
)
