package order

import (
	"encoding/json"
	"strconv"
	"strings"
	"time"

	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

// View is the OrderVO JSON of the contract: the Orders row plus orderDishes (only in the staff search) and
// orderDetailList (everywhere else). Exactly the original's fields; packAmount and tablewareNumber are never null.
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
	TablewareNumber       int          `json:"tablewareNumber"`
	TablewareStatus       int          `json:"tablewareStatus"`
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

// viewOf reads an orders record, without its details.
func viewOf(r *core.Record) View {
	return View{
		ID:                    compat.ParseID(r.Id),
		Number:                r.GetString("number"),
		Status:                r.GetInt("status"),
		UserID:                compat.ParseID(r.GetString("user")),
		AddressBookID:         compat.ParseID(r.GetString("address_book")),
		OrderTime:             timeOf(r, "order_time"),
		CheckoutTime:          timeOf(r, "checkout_time"),
		PayMethod:             r.GetInt("pay_method"),
		PayStatus:             r.GetInt("pay_status"),
		Amount:                compat.Cents(int64(r.GetInt("amount"))),
		Remark:                textOf(r, "remark"),
		UserName:              textOf(r, "user_name"),
		Phone:                 textOf(r, "phone"),
		Address:               textOf(r, "address"),
		Consignee:             textOf(r, "consignee"),
		CancelReason:          textOf(r, "cancel_reason"),
		RejectionReason:       textOf(r, "rejection_reason"),
		CancelTime:            timeOf(r, "cancel_time"),
		EstimatedDeliveryTime: timeOf(r, "estimated_delivery_time"),
		DeliveryStatus:        r.GetInt("delivery_status"),
		DeliveryTime:          timeOf(r, "delivery_time"),
		PackAmount:            r.GetInt("pack_amount"),
		TablewareNumber:       r.GetInt("tableware_number"),
		TablewareStatus:       r.GetInt("tableware_status"),
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
func textOf(r *core.Record, field string) compat.Text {
	s := r.GetString(field)
	return compat.Text{Value: s, Valid: s != ""}
}

func timeOf(r *core.Record, field string) compat.Time {
	return compat.TimeOf(r.GetDateTime(field).Time())
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
