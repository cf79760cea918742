package payment

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
)

// mockProvider is the demo's payment: the customer pays at once and refunds go through at once. New returns it
// only in demo mode. It takes no callbacks, so nobody can mark an order paid through /notify.
type mockProvider struct{}

func (mockProvider) Name() string { return ProviderMock }

// Prepay answers empty client parameters, as the original's common fork bypass does, and reports the payment
// as made, with the synthetic transaction id mock-<order number>.
func (mockProvider) Prepay(_ context.Context, o Order) (ClientParams, error) {
	if o.OutTradeNo == "" {
		return ClientParams{}, fmt.Errorf("payment: prepay without an order number")
	}
	txID := "mock-" + o.OutTradeNo
	raw, _ := json.Marshal(map[string]any{
		"out_trade_no": o.OutTradeNo, "transaction_id": txID, "trade_state": TradeSuccess,
		"amount": map[string]any{"total": o.Amount, "currency": "CNY"},
	})
	return ClientParams{
		PaidNow: true,
		Paid: Notification{Provider: ProviderMock, OutTradeNo: o.OutTradeNo, TransactionID: txID,
			Amount: o.Amount, TradeState: TradeSuccess, Raw: raw},
	}, nil
}

func (mockProvider) Refund(_ context.Context, r Refund) (RefundResult, error) {
	if r.OutRefundNo == "" {
		return RefundResult{}, fmt.Errorf("payment: refund without a refund number")
	}
	id := "mock-refund-" + r.OutRefundNo
	raw, _ := json.Marshal(map[string]any{
		"out_trade_no": r.OutTradeNo, "out_refund_no": r.OutRefundNo, "refund_id": id, "status": RefundSuccess,
		"amount": map[string]any{"refund": r.Amount, "total": r.Total, "currency": "CNY"},
	})
	return RefundResult{Provider: ProviderMock, OutRefundNo: r.OutRefundNo, RefundID: id, Status: RefundSuccess,
		Amount: r.Amount, Raw: raw}, nil
}

// Query knows nothing: a mock payment is recorded the moment it is made, so reconciliation finds it unpaid.
func (mockProvider) Query(_ context.Context, outTradeNo string) (QueryResult, error) {
	return QueryResult{OutTradeNo: outTradeNo, TradeState: TradeNotPay}, nil
}

func (mockProvider) ParsePayNotification(*http.Request) (Notification, error) {
	return Notification{}, fmt.Errorf("%w: the mock provider takes no callbacks", ErrBadNotification)
}

func (mockProvider) ParseRefundNotification(*http.Request) (RefundNotification, error) {
	return RefundNotification{}, fmt.Errorf("%w: the mock provider takes no callbacks", ErrBadNotification)
}
