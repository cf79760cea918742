package compat

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"

	validation "github.com/pocketbase/ozzo-validation/v4"
)

// validationTemplates renders the codes of PocketBase's field validators and of ozzo-validation in Chinese;
// the params are the ones those validators set (max, min, threshold, …). A code not listed here is shown
// as invalidValueMessage rather than in English.
var validationTemplates = map[string]func(p map[string]any) string{
	"validation_required":                  func(map[string]any) string { return "不能为空" },
	"validation_nil_or_not_empty_required": func(map[string]any) string { return "不能为空" },
	"validation_not_nil_required":          func(map[string]any) string { return "不能为空" },
	"validation_empty":                     func(map[string]any) string { return "必须为空" },
	"validation_nil":                       func(map[string]any) string { return "必须为空" },
	"validation_length_empty_required":     func(map[string]any) string { return "必须为空" },
	"validation_max_text_constraint":       func(p map[string]any) string { return "长度不能超过" + param(p, "max") + "个字符" },
	"validation_min_text_constraint":       func(p map[string]any) string { return "长度不能少于" + param(p, "min") + "个字符" },
	"validation_length_too_long":           func(p map[string]any) string { return "长度不能超过" + param(p, "max") },
	"validation_length_too_short":          func(p map[string]any) string { return "长度不能少于" + param(p, "min") },
	"validation_length_invalid":            func(p map[string]any) string { return "长度应为" + param(p, "min") },
	"validation_length_out_of_range": func(p map[string]any) string {
		return "长度应在" + param(p, "min") + "到" + param(p, "max") + "之间"
	},
	"validation_max_number_constraint":           func(p map[string]any) string { return "不能大于" + param(p, "max") },
	"validation_min_number_constraint":           func(p map[string]any) string { return "不能小于" + param(p, "min") },
	"validation_max_less_equal_than_required":    func(p map[string]any) string { return "不能大于" + param(p, "threshold") },
	"validation_max_less_than_required":          func(p map[string]any) string { return "应小于" + param(p, "threshold") },
	"validation_min_greater_equal_than_required": func(p map[string]any) string { return "不能小于" + param(p, "threshold") },
	"validation_min_greater_than_required":       func(p map[string]any) string { return "应大于" + param(p, "threshold") },
	"validation_only_int_constraint":             func(map[string]any) string { return "必须是整数" },
	"validation_not_a_number":                    func(map[string]any) string { return "不是有效的数字" },
	"validation_invalid_format":                  func(map[string]any) string { return "格式不正确" },
	"validation_match_invalid":                   func(map[string]any) string { return "格式不正确" },
	"validation_invalid_json":                    func(map[string]any) string { return "必须是有效的JSON" },
	"validation_invalid_url":                     func(map[string]any) string { return "必须是有效的网址" },
	"validation_is_email":                        func(map[string]any) string { return "必须是有效的邮箱地址" },
	"validation_in_invalid":                      func(map[string]any) string { return "取值不正确" },
	"validation_not_in_invalid":                  func(map[string]any) string { return "取值不正确" },
	"validation_invalid_value":                   func(map[string]any) string { return "取值不正确" },
	"validation_values_mismatch":                 func(map[string]any) string { return "两次输入不一致" },
	"validation_not_unique":                      func(map[string]any) string { return MsgAlreadyExists },
	"validation_too_many_values":                 func(p map[string]any) string { return "最多选择" + param(p, "maxSelect") + "项" },
	"validation_not_enough_values":               func(p map[string]any) string { return "至少选择" + param(p, "minSelect") + "项" },
	"validation_missing_rel_records":             func(map[string]any) string { return "关联的数据不存在" },
}

// validationMessage renders PocketBase field errors as one Chinese line naming each field,
// e.g. `数据校验失败：name 长度不能超过32个字符`.
func validationMessage(err error) (string, bool) {
	var verrs validation.Errors
	if !errors.As(err, &verrs) || len(verrs) == 0 {
		return "", false
	}
	return MsgValidationFailed + strings.Join(fieldMessages("", verrs), "；"), true
}

func fieldMessages(prefix string, verrs validation.Errors) []string {
	parts := make([]string, 0, len(verrs))
	for _, field := range sortedKeys(verrs) {
		var nested validation.Errors
		if errors.As(verrs[field], &nested) {
			parts = append(parts, fieldMessages(prefix+field+".", nested)...)
			continue
		}
		parts = append(parts, prefix+field+" "+fieldMessage(verrs[field]))
	}
	return parts
}

func fieldMessage(err error) string {
	var ve validation.Error
	if errors.As(err, &ve) {
		if render, ok := validationTemplates[ve.Code()]; ok {
			return render(ve.Params())
		}
	}
	return invalidValueMessage
}

func sortedKeys(m validation.Errors) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// param renders a validator's parameter; PocketBase's number limits are float64, shown without exponent (1000000).
func param(p map[string]any, key string) string {
	if f, ok := p[key].(float64); ok {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return fmt.Sprint(p[key])
}
