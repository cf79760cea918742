package shop

// Messages of the shop settings (ours).
const (
	MsgFeeOutOfRange = "费用应在0到1000元之间"
	// MsgTimeZoneInvalidFormat takes the refused name.
	MsgTimeZoneInvalidFormat = "时区 %q 不正确，应为如 Asia/Shanghai 的名称"
)
