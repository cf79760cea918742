package order

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/shop"
)

// busyAccept is busy mode accepting a paid order (待接单 → 已接单): confirm's step under its own name, so that a
// log or an error says who took the order. It is no staff button (staffActions).
var busyAccept = transition{"busy mode accept", []int{ToBeConfirmed}, Confirmed}

// acceptIfBusy accepts the order just paid inside tx when the shop's busy mode is on, and returns it as it is
// now. In the payment's own transaction, so that no console ever sees the order waiting; the new-order alert is
// raised after commit all the same, so consoles ring and the one that prints tickets prints it.
func acceptIfBusy(tx core.App, paid *Order) (*Order, error) {
	s, err := shop.Load(tx)
	if err != nil || !s.BusyMode {
		return paid, err
	}
	accepted, moved, err := busyAccept.apply(tx, paid.Id, nil)
	if err != nil || !moved {
		return paid, err
	}
	return accepted, nil
}
