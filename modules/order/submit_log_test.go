package order

import (
	"fmt"
	"myrestaurant/modules/compat"
	"testing"
	"time"
)

// A submit refused because the customer's amount is not the server's total says why in the log: both amounts
// and the fees used, in cents. (A delivery fee typed as 6 instead of 600 in the dashboard looked like this.)
func TestRefusedAmountIsLoggedWithTheFees(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	f.app.Settings().Logs.MaxDays = 5 // test apps turn the log off
	s := f.customer()
	amount := f.standardCart(s)
	expect(t, "amount differs", f.submit(s, amount-1), fmt.Sprintf(MsgAmountChangedFormat, compat.Cents(amount)))

	var got struct {
		Client, Server, Food, Packing, PerItem, Delivery int64
	}
	query := f.app.AuxDB().NewQuery(`SELECT json_extract(data, '$.clientAmount') AS client, json_extract(data, '$.serverAmount') AS server,
		json_extract(data, '$.food') AS food, json_extract(data, '$.packing') AS packing,
		json_extract(data, '$.packingFeePerItem') AS per_item, json_extract(data, '$.deliveryFee') AS delivery
		FROM _logs WHERE message LIKE 'submit refused%'`)
	// The log is written in batches, every few seconds.
	var err error
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(100 * time.Millisecond) {
		if err = query.Row(&got.Client, &got.Server, &got.Food, &got.Packing, &got.PerItem, &got.Delivery); err == nil {
			break
		}
	}
	if err != nil {
		t.Fatalf("no log of the refused amount: %v", err)
	}
	want := struct{ Client, Server, Food, Packing, PerItem, Delivery int64 }{
		amount - 1, amount, 2*chickenPrice + 3*ricePrice, 5 * 100, 100, 600}
	if got != want {
		t.Fatalf("logged %+v, want %+v", got, want)
	}
}
