package loadtest

import (
	"context"
	"fmt"
	"net/url"

	"myrestaurant/modules/compat"
)

// verify checks, as the admin, every order whose submit answered code 1: it exists exactly once under its
// number, with one detail row per cart line submitted and the amount the customer was shown. It returns one
// line per problem.
func (r *run) verify(ctx context.Context) []string {
	var problems []string
	seen := map[compat.ID]string{}
	for _, o := range r.orders {
		if other, dup := seen[o.id]; dup {
			problems = append(problems, fmt.Sprintf("order %s: submit answered id %s, already given to order %s", o.number, o.id, other))
			continue
		}
		seen[o.id] = o.number
		if p := r.verifyOrder(ctx, o); p != "" {
			problems = append(problems, fmt.Sprintf("order %s (id %s): %s", o.number, o.id, p))
		}
	}
	return problems
}

func (r *run) verifyOrder(ctx context.Context, o submitted) string {
	var details struct {
		Number          string       `json:"number"`
		Amount          compat.Money `json:"amount"`
		OrderDetailList []struct {
			Number int `json:"number"`
		} `json:"orderDetailList"`
	}
	if err := r.admin.call(ctx, "GET", "/admin/order/details/"+o.id.String(), nil, &details); err != nil {
		return "details: " + err.Error()
	}
	switch {
	case details.Number != o.number:
		return fmt.Sprintf("details show number %q", details.Number)
	case len(details.OrderDetailList) != o.lines:
		return fmt.Sprintf("%d detail rows, %d cart lines submitted", len(details.OrderDetailList), o.lines)
	case details.Amount.Cents != o.amount:
		return fmt.Sprintf("amount %s, submitted %s", details.Amount, compat.Cents(o.amount))
	}
	var page struct {
		Records []struct {
			Number string `json:"number"`
		} `json:"records"`
	}
	q := "/admin/order/conditionSearch?page=1&pageSize=100&number=" + url.QueryEscape(o.number)
	if err := r.admin.call(ctx, "GET", q, nil, &page); err != nil {
		return "search: " + err.Error()
	}
	n := 0
	for _, rec := range page.Records {
		if rec.Number == o.number {
			n++
		}
	}
	if n != 1 {
		return fmt.Sprintf("the staff search finds %d orders with this number", n)
	}
	return ""
}
