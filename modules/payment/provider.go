// Package payment takes customers' money and gives it back: the mock provider of the demo and WeChat Pay API v3
// (JSAPI prepay, refunds, order query, verified callbacks), the `payments` ledger, and the /notify routes.
//
// It does not import the order module: a confirmed payment or refund is reported through the callbacks that the
// order module provides (order.PaymentCallbacks, handed to Register by modules.Register), and the ledger
// functions take the order module's transaction.
package payment

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"myrestaurant/modules/config"
)

// Provider names, stored in payments.provider. Cash is no Provider: it is money staff take on delivery or at the
// counter, recorded when they complete the order.
const (
	ProviderMock      = "mock"
	ProviderWeChatPay = "wechatpay"
	ProviderCash      = "cash"
)

// Trade states of WeChat Pay's order query and pay callback.
const (
	TradeSuccess    = "SUCCESS"
	TradeRefund     = "REFUND"
	TradeNotPay     = "NOTPAY"
	TradeClosed     = "CLOSED"
	TradeRevoked    = "REVOKED"
	TradePaying     = "USERPAYING"
	TradePayError   = "PAYERROR"
	TradeNotCreated = "NOTEXIST" // our name for a query answered ORDER_NOT_EXIST: the customer never reached the pay sheet
)

// Refund states of WeChat Pay's refund answer and refund callback.
const (
	RefundSuccess    = "SUCCESS"
	RefundProcessing = "PROCESSING"
	RefundClosed     = "CLOSED"
	RefundAbnormal   = "ABNORMAL"
)

// Provider is a way to take payments. Both implementations are safe for concurrent use.
type Provider interface {
	// Name is "mock" or "wechatpay", as stored in the ledger.
	Name() string
	// Prepay opens a payment for an order and returns what the mini-program passes to wx.requestPayment, or for
	// a Native payment the code URL to show as a QR code.
	// WeChat Pay answers an order that is already paid with an error matching ErrOrderPaid.
	Prepay(ctx context.Context, o Order) (ClientParams, error)
	// Refund gives money back. The result may still be PROCESSING; the refund callback reports the end.
	Refund(ctx context.Context, r Refund) (RefundResult, error)
	// Query asks the provider for the state of a payment, for reconciliation.
	Query(ctx context.Context, outTradeNo string) (QueryResult, error)
	// ParsePayNotification verifies and decrypts a pay callback. A forged, stale or malformed one gives an
	// error matching ErrBadNotification.
	ParsePayNotification(r *http.Request) (Notification, error)
	// ParseRefundNotification does the same for a refund callback.
	ParseRefundNotification(r *http.Request) (RefundNotification, error)
}

// Order is what a customer pays for.
type Order struct {
	OutTradeNo  string    // our order number
	Amount      int64     // cents
	Description string    // shown on the customer's bill
	OpenID      string    // the payer's openid in our mini-program; "" for a browser customer
	Native      bool      // pay by scanning a QR code (WeChat Pay's Native mode): a browser customer has no openid
	Expires     time.Time // when the customer may no longer pay; zero for the provider's default
}

// ClientParams are the parameters of wx.requestPayment, with the JSON names the original mini-program reads.
type ClientParams struct {
	TimeStamp  string `json:"timeStamp"`
	NonceStr   string `json:"nonceStr"`
	PackageStr string `json:"packageStr"`
	SignType   string `json:"signType"`
	PaySign    string `json:"paySign"`
	// CodeURL is the weixin:// link of a Native payment, shown as a QR code for the customer to scan. Ours.
	CodeURL string `json:"codeUrl,omitempty"`

	// PaidNow says the provider took the money already (the mock provider). Paid then describes the payment
	// exactly as a pay callback would, and the caller handles it as one, e.g. by calling its own onPaid.
	PaidNow bool         `json:"-"`
	Paid    Notification `json:"-"`
}

// Notification is a confirmed pay callback (or the mock provider's instant payment).
type Notification struct {
	Provider      string
	OutTradeNo    string // our order number
	TransactionID string // the provider's id of the payment; the ledger is idempotent on it
	Amount        int64  // cents the customer paid (amount.total)
	TradeState    string // SUCCESS for a pay callback
	Raw           json.RawMessage
}

// Refund asks for money back.
type Refund struct {
	OutTradeNo  string // the order number that was paid
	OutRefundNo string // our id of this refund; asking again with the same one refunds once
	Amount      int64  // cents to give back
	Total       int64  // cents the order was paid
	Reason      string // optional, shown to the customer
}

// RefundResult is the provider's answer to a refund request.
type RefundResult struct {
	Provider    string
	OutRefundNo string
	RefundID    string // the provider's id of the refund; the ledger is idempotent on it
	Status      string // SUCCESS, PROCESSING, CLOSED or ABNORMAL
	Amount      int64  // cents refunded
	Raw         json.RawMessage
}

// RefundNotification is a verified refund callback.
type RefundNotification struct {
	Provider      string
	OutTradeNo    string
	OutRefundNo   string
	RefundID      string
	TransactionID string // of the payment refunded
	Status        string // SUCCESS, CLOSED or ABNORMAL
	Amount        int64  // cents refunded
	Raw           json.RawMessage
}

// QueryResult is the provider's view of a payment.
type QueryResult struct {
	OutTradeNo    string
	TransactionID string // empty until paid
	TradeState    string // SUCCESS, NOTPAY, CLOSED, REFUND, ... or NOTEXIST
	Amount        int64  // cents of the order
	Raw           json.RawMessage
}

// Paid reports the query as the notification a pay callback would have brought, for reconciliation.
func (q QueryResult) Paid(provider string) (Notification, bool) {
	if q.TradeState != TradeSuccess || q.TransactionID == "" {
		return Notification{}, false
	}
	return Notification{Provider: provider, OutTradeNo: q.OutTradeNo, TransactionID: q.TransactionID,
		Amount: q.Amount, TradeState: q.TradeState, Raw: q.Raw}, true
}

// ErrBadNotification is the error of a callback that is forged, stale, for someone else or unreadable.
var ErrBadNotification = errors.New("payment: bad notification")

// ErrBadResponse is the error of a provider answer that fails its signature check or cannot be read.
var ErrBadResponse = errors.New("payment: bad response from provider")

// APIError is an error answer of WeChat Pay, e.g. {"code":"ORDERPAID","message":"该订单已支付"}.
type APIError struct {
	Status  int
	Code    string `json:"code"`
	Message string `json:"message"`
}

func (e *APIError) Error() string {
	return fmt.Sprintf("wechatpay: HTTP %d %s: %s", e.Status, e.Code, e.Message)
}

// Is matches errors by code, so errors.Is(err, ErrOrderPaid) works on any answer with that code.
func (e *APIError) Is(target error) bool {
	t, ok := target.(*APIError)
	return ok && t.Code != "" && t.Code == e.Code
}

// ErrOrderPaid is WeChat Pay's answer to a prepay of an order already paid; the order module shows 该订单已支付.
var ErrOrderPaid = &APIError{Code: "ORDERPAID"}

// New chooses the provider: WeChat Pay when it is fully configured, the mock in demo mode, otherwise an error
// naming the missing settings.
func New(cfg *config.Config) (Provider, error) {
	missing := missingSettings(cfg)
	if len(missing) == 0 {
		return newWeChatPay(cfg)
	}
	if cfg.Demo {
		return mockProvider{}, nil
	}
	return nil, fmt.Errorf("payment: WeChat Pay is not configured (missing %s); set them, or run with --demo for mock payments",
		strings.Join(missing, ", "))
}

func missingSettings(cfg *config.Config) []string {
	var missing []string
	for _, s := range []struct{ env, value string }{
		{"MYRESTAURANT_WECHAT_APPID", cfg.WeChat.AppID},
		{"MYRESTAURANT_WECHATPAY_MCHID", cfg.Pay.MchID},
		{"MYRESTAURANT_WECHATPAY_SERIAL_NO", cfg.Pay.SerialNo},
		{"MYRESTAURANT_WECHATPAY_PRIVATE_KEY_FILE", cfg.Pay.PrivateKeyFile},
		{"MYRESTAURANT_WECHATPAY_APIV3_KEY", cfg.Pay.APIv3Key},
		{"MYRESTAURANT_WECHATPAY_PLATFORM_KEY_FILE", cfg.Pay.PlatformKeyFile},
		{"MYRESTAURANT_WECHATPAY_PLATFORM_SERIAL", cfg.Pay.PlatformSerial},
		{"MYRESTAURANT_WECHATPAY_NOTIFY_URL", cfg.Pay.NotifyURL},
	} {
		if strings.TrimSpace(s.value) == "" {
			missing = append(missing, s.env)
		}
	}
	return missing
}
