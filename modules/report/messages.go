package report

// Messages of the report date range (ours: the original answered a bad range with HTTP 500).
const (
	MsgReportRangeInvalid = "开始日期不能晚于结束日期"
	MsgReportRangeTooLong = "统计区间不能超过一年"
	MsgReportDateMissing  = "请选择开始日期和结束日期"
	MsgReportDateInvalid  = "日期格式不正确，应为yyyy-MM-dd"
)
