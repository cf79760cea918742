package staff

// Messages of employee sign-in, accounts, roles and passwords. The first four are the original's exact
// texts (docs/compat-api.md §2.4); the rest are ours (the original has no roles and trusted its input).
const (
	MsgPasswordError      = "密码错误"
	MsgAccountNotFound    = "账号不存在"
	MsgAccountLocked      = "账号被锁定"
	MsgPasswordEditFailed = "密码修改失败"

	MsgEmployeeNotFound = "员工不存在"

	MsgCannotDisableSelf  = "不能禁用当前登录的账号"
	MsgNewPasswordInvalid = "新密码长度应为6到72个字符"
	MsgPasswordTooWeak    = "新密码过于简单，请换一个（不能是初始密码、重复字符、连续数字或字母、常见密码或账号本身）"
	MsgPasswordUnchanged  = "新密码不能与原密码相同"
	MsgUsernameInvalid    = "账号只能包含字母、数字、汉字和 _ . -"
	MsgRoleInvalid        = "角色应为manager（店长）或staff（店员）"
	MsgAdminProtected     = "admin 账号只能由本人修改，不能被禁用或降级"
	MsgCannotDemoteSelf   = "不能取消自己的店长角色"
	MsgUsernameRequired   = "账号不能为空"
	MsgNameRequired       = "员工姓名不能为空"
	MsgSexInvalid         = "性别应为1（男）或0（女）"
	MsgEmployeeIDRequired = "员工id不能为空"
)
