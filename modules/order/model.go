package order

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

// View is the OrderVO JSON of the contract: the Orders row plus orderDishes (only in the staff search) and
// orderDetailList (everywhere else). The original's fields, packAmount and tablewareNumber never null, and three of
// ours the original clients ignore: deliveryFee, channel and tableNo.
type View struct {
	ID                    compat.ID    `json:"id"`
	Number                string       `json:"number"`
	Status                int          `json:"status"`
	UserID                compat.ID    `json:"userId"`
	AddressBookID         compat.ID    `json:"addressBookId"`
	OrderTime             compat.Time  `json:"orderTime"`
	CheckoutTime          compat.Time  `json:"checkoutTime"`
	PayMethod             int          `json:"payMethod"`
	PayStatus             int          `json:"payStatus"`
	Amount                compat.Money `json:"amount"`
	Remark                compat.Text  `json:"remark"`
	UserName              compat.Text  `json:"userName"`
	Phone                 compat.Text  `json:"phone"`
	Address               compat.Text  `json:"address"`
	Consignee             compat.Text  `json:"consignee"`
	CancelReason          compat.Text  `json:"cancelReason"`
	RejectionReason       compat.Text  `json:"rejectionReason"`
	CancelTime            compat.Time  `json:"cancelTime"`
	EstimatedDeliveryTime compat.Time  `json:"estimatedDeliveryTime"`
	DeliveryStatus        int          `json:"deliveryStatus"`
	DeliveryTime          compat.Time  `json:"deliveryTime"`
	PackAmount            int          `json:"packAmount"`
	DeliveryFee           compat.Money `json:"deliveryFee"` // ours: the original's was a fixed ¥6 its screens assumed
	TablewareNumber       int          `json:"tablewareNumber"`
	TablewareStatus       int          `json:"tablewareStatus"`
	Channel               string       `json:"channel"` // ours: "miniprogram" or "web"
	TableNo               string       `json:"tableNo"` // ours: the table of a dine-in order, "" for delivery
	OrderDishes           *string      `json:"orderDishes"`
	OrderDetailList       DetailList   `json:"orderDetailList"`
}

// DetailList is written as null when nil: PocketBase writes JSON with encoding/json/v2, which would write a nil
// slice as [], and the staff search must show orderDetailList null as the original does.
type DetailList []Detail

func (l DetailList) MarshalJSON() ([]byte, error) {
	if l == nil {
		return []byte("null"), nil
	}
	return json.Marshal([]Detail(l))
}

// Detail is the OrderDetail JSON of the contract. Amount is the unit price.
type Detail struct {
	ID         compat.ID    `json:"id"`
	Name       string       `json:"name"`
	OrderID    compat.ID    `json:"orderId"`
	DishID     compat.ID    `json:"dishId"`
	SetmealID  compat.ID    `json:"setmealId"`
	DishFlavor compat.Text  `json:"dishFlavor"`
	Number     int          `json:"number"`
	Amount     compat.Money `json:"amount"`
	Image      string       `json:"image"`
}

// viewOf reads an order, without its details.
func viewOf(o *Order) View {
	return View{
		ID:                    compat.ParseID(o.Id),
		Number:                o.Number(),
		Status:                o.Status(),
		UserID:                compat.ParseID(o.UserID()),
		AddressBookID:         compat.ParseID(o.AddressBookID()),
		OrderTime:             compat.TimeOf(o.OrderTime()),
		CheckoutTime:          compat.TimeOf(o.CheckoutTime()),
		PayMethod:             o.PayMethod(),
		PayStatus:             o.PayStatus(),
		Amount:                compat.Cents(o.Amount()),
		Remark:                textOf(o.Remark()),
		UserName:              textOf(o.UserName()),
		Phone:                 textOf(o.Phone()),
		Address:               textOf(o.Address()),
		Consignee:             textOf(o.Consignee()),
		CancelReason:          textOf(o.CancelReason()),
		RejectionReason:       textOf(o.RejectionReason()),
		CancelTime:            compat.TimeOf(o.CancelTime()),
		EstimatedDeliveryTime: compat.TimeOf(o.EstimatedDeliveryTime()),
		DeliveryStatus:        o.DeliveryStatus(),
		DeliveryTime:          compat.TimeOf(o.DeliveryTime()),
		PackAmount:            o.PackAmount(),
		DeliveryFee:           compat.Cents(o.DeliveryFee()),
		TablewareNumber:       o.TablewareNumber(),
		TablewareStatus:       o.TablewareStatus(),
		Channel:               o.Channel(),
		TableNo:               o.TableNo(),
	}
}

// orderDishes is the staff list's summary of an order's items, e.g. `宫保鸡丁*3;米饭*2;`.
func orderDishes(details []Detail) *string {
	var b strings.Builder
	for _, d := range details {
		b.WriteString(d.Name)
		b.WriteString("*")
		b.WriteString(strconv.Itoa(d.Number))
		b.WriteString(";")
	}
	s := b.String()
	return &s
}

// textOf is null for an empty column, as the original's unset varchar columns are.
func textOf(s string) compat.Text {
	return compat.Text{Value: s, Valid: s != ""}
}

// SubmitResult is the OrderSubmitVO of the contract.
type SubmitResult struct {
	ID          compat.ID    `json:"id"`
	OrderNumber string       `json:"orderNumber"`
	OrderAmount compat.Money `json:"orderAmount"`
	OrderTime   compat.Time  `json:"orderTime"`
}

// Statistics is the OrderStatisticsVO of the contract: how many orders wait in each kitchen state.
type Statistics struct {
	ToBeConfirmed      int `json:"toBeConfirmed"`
	Confirmed          int `json:"confirmed"`
	DeliveryInProgress int `json:"deliveryInProgress"`
}

// startOfDay is midnight of t's day in the shop's time zone.
func startOfDay(t time.Time) time.Time {
	t = t.In(clock.Zone())
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}
