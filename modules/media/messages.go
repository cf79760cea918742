package media

// Messages of picture uploads. MsgUploadFailed is the original's exact text (docs/compat-api.md §2.4).
const (
	MsgUploadFailed   = "文件上传失败"
	MsgUploadNotImage = "只能上传jpg、jpeg、png、gif、webp格式的图片"
	MsgUploadTooLarge = "图片大小不能超过2MB"
)
