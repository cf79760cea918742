package compat

// Messages of employee accounts, roles and passwords (ours; the original has no roles).
const (
	MsgChangeInitialPassword = "请先修改初始密码：点击右上角的修改密码，设置新密码后重新登录"
	MsgManagersOnly          = "权限不足：只有店长可以进行此操作"
	MsgPasswordTooWeak       = "新密码过于简单，请换一个（不能是初始密码、重复字符、连续数字或字母、常见密码或账号本身）"
	MsgPasswordUnchanged     = "新密码不能与原密码相同"
	MsgUsernameInvalid       = "账号只能包含字母、数字、汉字和 _ . -"
	MsgRoleInvalid           = "角色应为manager（店长）或staff（店员）"
	MsgAdminProtected        = "admin 账号只能由本人修改，不能被禁用或降级"
	MsgCannotDemoteSelf      = "不能取消自己的店长角色"
)
