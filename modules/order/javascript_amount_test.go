package order

import (
	"encoding/json"
	"fmt"
	"strconv"
	"testing"

	"myrestaurant/modules/compat"
)

// The mini-program sums its cart in IEEE doubles (Σ number × amount, + 6 delivery, + 1 packing per item) and
// submits the result as is. These are its bodies for carts whose prices have jiao or fen.
func TestSubmitTakesTheMiniProgramsFloatingPointAmount(t *testing.T) {
	for _, c := range []struct {
		price  int64 // cents
		amount string
	}{
		{1990, "68.69999999999999"},  // 3 × 19.90
		{220, "15.600000000000001"},  // 3 × 2.20
		{1280, "47.400000000000006"}, // 3 × 12.80
	} {
		t.Run(c.amount, func(t *testing.T) {
			if got := miniProgramTotal(float64(c.price)/100, 3); got != c.amount {
				t.Fatalf("the mini-program would send %s, not %s", got, c.amount)
			}
			f := newFixture(t, mockProvider(t))
			f.update("dishes", f.rice, map[string]any{"price": c.price})
			s := f.customer()
			f.fill(s, f.rice, 3)
			body := f.submitBody(s, 0)
			body["amount"] = json.Number(c.amount)
			expect(t, "submit", f.customerCall(s, "POST", "/user/order/submit", body), "")
			res, _ := History(f.app, s.id, compat.Page{Page: 1, Size: 1}, compat.Int{})
			if want := 3*c.price + 600 + 300; res.Records[0].Amount.Cents != want {
				t.Fatalf("order amount %s, want %s", res.Records[0].Amount, compat.Cents(want))
			}
		})
	}
}

// A real part below one cent is not noise: it is refused, saying why, and nothing is ordered.
func TestSubmitRefusesASubCentAmount(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	f.update("dishes", f.rice, map[string]any{"price": 1990})
	s := f.customer()
	f.fill(s, f.rice, 3)
	body := f.submitBody(s, 0)
	body["amount"] = json.Number("68.705")
	expect(t, "submit", f.customerCall(s, "POST", "/user/order/submit", body), compat.MsgBadRequest+"："+compat.MsgMoneySubCent)
	body["amount"] = json.Number("68.69")
	expect(t, "submit", f.customerCall(s, "POST", "/user/order/submit", body), fmt.Sprintf(MsgAmountChangedFormat, "68.70"))
	if n := f.ordersOf(s); n != 0 {
		t.Fatalf("%d orders placed", n)
	}
}

// miniProgramTotal is the mini-program's computOrderInfo for one cart row, printed as JavaScript prints a number.
func miniProgramTotal(price float64, number int) string {
	total := 0.0
	total += float64(number) * price
	total = total + 6 + float64(number)
	return strconv.FormatFloat(total, 'f', -1, 64)
}
