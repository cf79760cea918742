package order

import (
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
	"myrestaurant/modules/customer"
	"myrestaurant/modules/shop"
)

// PriceQuote is what the customer's cart costs now, in the parts the storefront's checkout shows: the server's
// own sums (bill), so the amount the customer sees is the one submit checks. Ours; the mini-program sums the cart
// itself.
type PriceQuote struct {
	DishAmount  compat.Money `json:"dishAmount"`  // the food at today's prices
	PackAmount  int64        `json:"packAmount"`  // the packing fee in whole yuan, as the order's packAmount
	PackingFee  compat.Money `json:"packingFee"`  // the packing fee exactly
	DeliveryFee compat.Money `json:"deliveryFee"` // 0.00 for a table
	Amount      compat.Money `json:"amount"`      // what submit expects as its amount
	Items       []QuoteItem  `json:"items"`
}

// QuoteItem is one line of the cart at today's price.
type QuoteItem struct {
	Name       string       `json:"name"`
	DishID     compat.ID    `json:"dishId"`
	SetmealID  compat.ID    `json:"setmealId"`
	DishFlavor compat.Text  `json:"dishFlavor"`
	Number     int          `json:"number"`
	Amount     compat.Money `json:"amount"` // unit price
	Image      string       `json:"image"`
}

// QuoteCart prices the customer's cart as submit would, for delivery or for the table tableNo (""), with the same
// refusals: an empty cart, an item off sale (named), an order over the limits.
func QuoteCart(app core.App, userID compat.ID, tableNo string) (PriceQuote, error) {
	tableNo, err := cleanTableNo(tableNo)
	if err != nil {
		return PriceQuote{}, err
	}
	s, err := shop.Load(app)
	if err != nil {
		return PriceQuote{}, err
	}
	items, err := cart.Items(app, userID)
	if err != nil {
		return PriceQuote{}, err
	}
	if len(items) == 0 {
		return PriceQuote{}, compat.Fail(MsgCartEmpty)
	}
	b, err := priceCart(app, items, s, tableNo)
	if err != nil {
		return PriceQuote{}, err
	}
	q := PriceQuote{DishAmount: compat.Cents(b.food), PackAmount: b.packAmount(), PackingFee: compat.Cents(b.packing),
		DeliveryFee: compat.Cents(b.delivery), Amount: compat.Cents(b.total()), Items: make([]QuoteItem, len(b.lines))}
	for i, l := range b.lines {
		q.Items[i] = QuoteItem{Name: l.sellable.Name, DishID: l.sellable.DishID, SetmealID: l.sellable.SetmealID,
			DishFlavor: l.item.DishFlavor, Number: l.item.Number, Amount: compat.Cents(l.sellable.Price), Image: l.sellable.Image}
	}
	return q, nil
}

// channelOf is where a signed-in customer orders from: the storefront for a browser's customer.
func channelOf(user *core.Record) string {
	if customer.IsBrowserCustomer(user) {
		return ChannelWeb
	}
	return ChannelMiniProgram
}
