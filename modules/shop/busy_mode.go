package shop

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/compat"
)

// SetBusyMode turns busy mode on (1) or off (0). Like opening and closing, it is the counter's switch in a
// rush, so staff may use it; the other settings are the managers'.
func SetBusyMode(app core.App, on int) error {
	if on != 0 && on != 1 {
		return compat.Fail(compat.MsgStatusInvalid)
	}
	r, err := record(app)
	if err != nil {
		return err
	}
	r.Set("busy_mode", on == 1)
	return compat.Save(app, r)
}

func setBusyModeAction(e *core.RequestEvent) (any, error) {
	on, err := compat.PathStatus(e)
	if err != nil {
		return nil, err
	}
	return nil, SetBusyMode(e.App, on)
}
