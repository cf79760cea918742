package order

// staffActions are the order buttons of the staff screens, by the names the console uses, with the transition
// each runs: the console offers an action only where its transition may start.
var staffActions = []struct {
	name string
	t    transition
}{
	{"confirm", confirm}, {"reject", reject}, {"delivery", deliver}, {"complete", complete}, {"cancel", staffCancel},
}

// StaffActionsByStatus is, for every order status, what staff may do to an order in it, read from the state
// machine so that the console never offers what the server refuses. A status without actions is absent.
func StaffActionsByStatus() map[int][]string {
	out := map[int][]string{}
	for _, a := range staffActions {
		for _, from := range a.t.from {
			out[from] = append(out[from], a.name)
		}
	}
	return out
}
