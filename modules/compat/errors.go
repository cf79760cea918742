package compat

import (
	"errors"
	"fmt"
	"sort"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
)

// The exact messages of the original (CONTRACT.md §2.4) and the few of our own.
const (
	MsgPasswordError           = "密码错误"
	MsgAccountNotFound         = "账号不存在"
	MsgAccountLocked           = "账号被锁定"
	MsgAlreadyExists           = "已存在"
	MsgUnknownError            = "未知错误"
	MsgCategoryHasSetmeal      = "当前分类关联了套餐,不能删除"
	MsgCategoryHasDish         = "当前分类关联了菜品,不能删除"
	MsgCartEmpty               = "购物车数据为空，不能下单"
	MsgAddressEmpty            = "用户地址为空，不能下单"
	MsgLoginFailed             = "登录失败"
	MsgUploadFailed            = "文件上传失败"
	MsgSetmealEnableFailed     = "套餐内包含未启售菜品，无法启售"
	MsgPasswordEditFailed      = "密码修改失败"
	MsgDishOnSale              = "起售中的菜品不能删除"
	MsgSetmealOnSale           = "起售中的套餐不能删除"
	MsgDishInSetmeal           = "当前菜品关联了套餐,不能删除"
	MsgOrderStatusError        = "订单状态错误"
	MsgOrderNotFound           = "订单不存在"
	MsgNoDefaultAddress        = "没有查询到默认地址"
	MsgOrderPaid               = "该订单已支付"
	MsgBadRequest              = "请求数据格式错误"
	MsgNotFound                = "数据不存在"
	MsgCategoryNotFound        = "分类不存在"
	MsgDishNotFound            = "菜品不存在"
	MsgSetmealNotFound         = "套餐不存在"
	MsgEmployeeNotFound        = "员工不存在"
	MsgAddressNotFound         = "地址不存在"
	MsgTooManyRequests         = "操作过于频繁，请稍后再试"
	MsgShopClosed              = "本店已打烊，暂不接单"
	MsgAmountChanged           = "订单金额已变化，请刷新后重新下单"
	MsgItemOffSale             = "商品已停售或不存在"
	MsgReportRangeInvalid      = "开始日期不能晚于结束日期"
	MsgReportRangeTooLong      = "统计区间不能超过一年"
	MsgReportDateMissing       = "请选择开始日期和结束日期"
	MsgReportDateInvalid       = "日期格式不正确，应为yyyy-MM-dd"
	MsgStatusInvalid           = "状态值不正确"
	MsgCategoryTypeInvalid     = "分类类型不正确"
	MsgUploadNotImage          = "只能上传jpg、jpeg、png、gif、webp格式的图片"
	MsgUploadTooLarge          = "图片大小不能超过2MB"
	MsgCannotDisableSelf       = "不能禁用当前登录的账号"
	MsgNewPasswordInvalid      = "新密码长度应为6到72个字符"
	MsgCategoryDisabledOrWrong = "所选分类不存在或类型不符"
	MsgCartChooseItem          = "请选择菜品或套餐"
	MsgDishFlavorTooLong       = "口味信息过长"
	MsgAddressIDRequired       = "地址id不能为空"
	MsgAddressPhoneRequired    = "手机号不能为空"
)

// Error is a business error: the client sees Msg with code 0.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Fail returns a business error with msg.
func Fail(msg string) error { return &Error{Msg: msg} }

// Failf returns a business error with a formatted message.
func Failf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// Save stores a record and maps its validation failures to the messages a client understands:
// a unique-index clash becomes `'<value>'已存在` as in the original; other field errors name the field.
func Save(app core.App, r *core.Record) error {
	err := app.Save(r)
	if err == nil {
		return nil
	}
	var verrs validation.Errors
	if errors.As(err, &verrs) {
		for _, field := range sortedKeys(verrs) {
			var ve validation.Error
			if errors.As(verrs[field], &ve) && ve.Code() == "validation_not_unique" {
				return Failf("'%s'%s", r.GetString(field), MsgAlreadyExists)
			}
		}
	}
	return err
}

// validationMessage renders PocketBase field errors as one readable line, e.g. `name: Must be no more than 32 character(s).`
func validationMessage(err error) (string, bool) {
	var verrs validation.Errors
	if !errors.As(err, &verrs) || len(verrs) == 0 {
		return "", false
	}
	parts := make([]string, 0, len(verrs))
	for _, field := range sortedKeys(verrs) {
		parts = append(parts, field+": "+verrs[field].Error())
	}
	return "数据校验失败：" + strings.Join(parts, "; "), true
}

func sortedKeys(m validation.Errors) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
