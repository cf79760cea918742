package shop

import (
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// The checks of PUT /admin/shop/settings hold however the shop record is saved: the console, the dashboard at
// /_/ or a manager's SDK client on PocketBase's record API. Only changed values are checked, so a record saved
// before a check existed can still be opened and closed.
func bindRecordChecks(app core.App) {
	app.OnRecordValidate(Collection).BindFunc(func(e *core.RecordEvent) error {
		changed := func(field string) bool {
			return e.Record.IsNew() || e.Record.Get(field) != e.Record.Original().Get(field)
		}
		if changed("time_zone") {
			if err := checkTimeZone(e.Record.GetString("time_zone")); err != nil {
				return compat.FieldError("time_zone", compat.MessageOf(err))
			}
		}
		for _, fee := range []string{"delivery_fee", "packing_fee"} {
			if changed(fee) && !feeInRange(int64(e.Record.GetInt(fee))) {
				return compat.FieldError(fee, MsgFeeOutOfRange+"（单位：分，100000 = ¥1000.00）")
			}
		}
		return e.Next()
	})
	compat.RefuseYuanTypedAsCents(app, Collection, "delivery_fee", "packing_fee")
}

// checkTimeZone accepts an IANA zone name such as Asia/Shanghai.
func checkTimeZone(name string) error {
	if _, err := time.LoadLocation(name); err != nil || strings.TrimSpace(name) != name || name == "" || name == "Local" {
		return compat.Failf(MsgTimeZoneInvalidFormat, name)
	}
	return nil
}

// feeInRange: a fee is ¥0 to ¥1000.
func feeInRange(cents int64) bool { return cents >= 0 && cents <= 100_000 }
