package compat

import (
	"fmt"

	"github.com/pocketbase/pocketbase/core"
)

// Amounts of money are stored in integer cents (分); the compat API and the console speak yuan and convert, but
// PocketBase's record API, and so its dashboard, takes the stored number as it is. Someone who types a price
// there in yuan stores a hundredth of it: 78 for a ¥78 dish is ¥0.78, a delivery fee of 6 is ¥0.06. So an
// amount of 1 to 99 cents typed into the record API is refused with a message that says the unit. No legitimate
// price is lost: an amount under ¥1 (a ¥0.01 test dish, a ¥0.50 sauce) is entered in yuan in the console.

// MsgTypedCentsFormat takes the field, the amount typed, that amount in yuan, and the amount ×100.
const MsgTypedCentsFormat = "%s 的单位是分（cents）：%d 分 = ¥%s。若要 ¥%d.00 请填 %d；低于 ¥1 的金额请在管理台 /console/ 以元填写"

// RefuseYuanTypedAsCents binds, for records of collection created or changed through PocketBase's record API,
// the refusal of an amount of 1 to 99 cents in any of fields.
func RefuseYuanTypedAsCents(app core.App, collection string, fields ...string) {
	check := func(e *core.RecordRequestEvent) error {
		for _, f := range fields {
			cents := e.Record.GetInt(f)
			if cents < 1 || cents > 99 || (!e.Record.IsNew() && cents == e.Record.Original().GetInt(f)) {
				continue
			}
			return FieldError(f, fmt.Sprintf(MsgTypedCentsFormat, f, cents, Cents(int64(cents)), cents, cents*100))
		}
		return e.Next()
	}
	app.OnRecordCreateRequest(collection).BindFunc(check)
	app.OnRecordUpdateRequest(collection).BindFunc(check)
}
