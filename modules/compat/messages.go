package compat

// Messages of the plumbing itself: request decoding, sign-in checks, stored-record validation and the
// unknown error. A module's own messages live in that module's messages.go; the exact texts of the
// original (docs/compat-api.md §2.4) keep their wording wherever they live.
const (
	MsgAlreadyExists = "已存在"
	MsgUnknownError  = "未知错误"
	MsgBadRequest    = "请求数据格式错误"
	MsgIDRequired    = "id不能为空"
	// MsgStatusInvalid answers a 0/1 status that is neither (PathStatus and the modules' status fields).
	MsgStatusInvalid = "状态值不正确"
	MsgBodyTooLarge  = "请求数据过大"

	// MsgValidationFailed starts the line that lists a stored record's field errors (validation_messages.go).
	MsgValidationFailed = "数据校验失败："
	invalidValueMessage = "取值不正确"

	// Sign-in checks of the employee auth middleware (employee_access.go).
	MsgChangeInitialPassword = "请先修改初始密码：点击右上角的修改密码，设置新密码后重新登录"
	MsgManagersOnly          = "权限不足：只有店长可以进行此操作"

	// Request decoding: the formats take the field or parameter name.
	msgFieldTypeFormat     = "字段 %s 类型不正确"
	msgJSONSyntax          = "JSON 语法错误"
	msgFieldType           = "字段类型不正确"
	msgParamNotIntFormat   = "参数 %s 必须是整数"
	msgParamInvalidFormat  = "参数 %s 不正确"
	msgParamRequiredFormat = "参数 %s 不能为空"
	msgParamTooManyFormat  = "参数 %s 过多"
	// MsgFieldTooLongFormat refuses a too long text field of a request; it takes the field's Chinese name and
	// its limit.
	MsgFieldTooLongFormat = "%s不能超过%d个字符"
)

// MsgMoneySubCent follows MsgBadRequest for an amount with a real part below one cent (68.705).
const MsgMoneySubCent = "金额最多保留两位小数"
