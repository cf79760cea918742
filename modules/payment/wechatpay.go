package payment

import (
	"bytes"
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/big"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"myrestaurant/modules/config"
)

// The WeChat Pay API v3 endpoints we use, relative to cfg.Pay.APIBase.
const (
	pathJSAPI  = "/v3/pay/transactions/jsapi"
	pathNative = "/v3/pay/transactions/native"
	pathRefund = "/v3/refund/domestic/refunds"
	pathQuery  = "/v3/pay/transactions/out-trade-no/"
)

const (
	authScheme = "WECHATPAY2-SHA256-RSA2048"
	// signatureWindow is how far a signed answer or callback's Wechatpay-Timestamp may be from our clock;
	// older ones are replays.
	signatureWindow = 5 * time.Minute
	maxBodyBytes    = 1 << 20
	requestTimeout  = 15 * time.Second
)

// weChatPay is the WeChat Pay API v3 client, written on the standard library (no SDK is reachable here).
type weChatPay struct {
	appID, mchID, serialNo string
	key                    *rsa.PrivateKey // merchant API key: signs requests and paySign
	platformKey            *rsa.PublicKey  // WeChat Pay's key: verifies answers and callbacks
	platformSerial         string
	apiV3Key               []byte // decrypts callback resources
	notifyURL, refundURL   string
	base                   string
	client                 *http.Client
	now                    func() time.Time
}

func newWeChatPay(cfg *config.Config) (*weChatPay, error) {
	p := cfg.Pay
	if len(p.APIv3Key) != 32 {
		return nil, fmt.Errorf("payment: MYRESTAURANT_WECHATPAY_APIV3_KEY must be 32 bytes, it is %d", len(p.APIv3Key))
	}
	key, err := loadPrivateKey(p.PrivateKeyFile)
	if err != nil {
		return nil, err
	}
	platformKey, certSerial, err := loadPlatformKey(p.PlatformKeyFile)
	if err != nil {
		return nil, err
	}
	if certSerial != "" && !sameSerial(certSerial, p.PlatformSerial) {
		return nil, fmt.Errorf("payment: MYRESTAURANT_WECHATPAY_PLATFORM_SERIAL is %s but the platform certificate's serial is %s",
			p.PlatformSerial, certSerial)
	}
	base := strings.TrimRight(p.APIBase, "/")
	if base == "" {
		base = "https://api.mch.weixin.qq.com"
	}
	return &weChatPay{
		appID: cfg.WeChat.AppID, mchID: p.MchID, serialNo: p.SerialNo,
		key: key, platformKey: platformKey, platformSerial: strings.TrimSpace(p.PlatformSerial),
		apiV3Key: []byte(p.APIv3Key), notifyURL: p.NotifyURL, refundURL: p.RefundNotifyURL, base: base,
		client: &http.Client{Timeout: requestTimeout}, now: time.Now,
	}, nil
}

func (w *weChatPay) Name() string { return ProviderWeChatPay }

type amountJSON struct {
	Total       int64  `json:"total,omitempty"`
	Refund      int64  `json:"refund,omitempty"`
	PayerTotal  int64  `json:"payer_total,omitempty"`
	PayerRefund int64  `json:"payer_refund,omitempty"`
	Currency    string `json:"currency,omitempty"`
}

// Prepay places a JSAPI order and signs the client parameters with the merchant key, or places a Native order
// and answers its code URL.
func (w *weChatPay) Prepay(ctx context.Context, o Order) (ClientParams, error) {
	switch {
	case o.OutTradeNo == "" || len(o.OutTradeNo) > 32:
		return ClientParams{}, fmt.Errorf("payment: order number %q must be 1 to 32 characters", o.OutTradeNo)
	case o.Amount <= 0:
		return ClientParams{}, fmt.Errorf("payment: order %s: amount %d must be positive", o.OutTradeNo, o.Amount)
	case o.OpenID == "" && !o.Native:
		return ClientParams{}, fmt.Errorf("payment: order %s: the payer has no openid", o.OutTradeNo)
	}
	desc := o.Description
	if desc == "" {
		desc = "订单" + o.OutTradeNo
	}
	req := map[string]any{
		"appid": w.appID, "mchid": w.mchID, "description": truncate(desc, 127),
		"out_trade_no": o.OutTradeNo, "notify_url": w.notifyURL,
		"amount": amountJSON{Total: o.Amount, Currency: "CNY"},
	}
	if !o.Expires.IsZero() {
		req["time_expire"] = o.Expires.Format(time.RFC3339)
	}
	if o.Native {
		return w.prepayNative(ctx, o, req)
	}
	req["payer"] = map[string]string{"openid": o.OpenID}
	var res struct {
		PrepayID string `json:"prepay_id"`
	}
	if _, err := w.call(ctx, http.MethodPost, pathJSAPI, req, &res); err != nil {
		return ClientParams{}, err
	}
	if res.PrepayID == "" {
		return ClientParams{}, fmt.Errorf("%w: prepay answered no prepay_id", ErrBadResponse)
	}
	params := ClientParams{
		TimeStamp:  strconv.FormatInt(w.now().Unix(), 10),
		NonceStr:   randomString(digits),
		PackageStr: "prepay_id=" + res.PrepayID,
		SignType:   "RSA",
	}
	sign, err := w.sign(w.appID + "\n" + params.TimeStamp + "\n" + params.NonceStr + "\n" + params.PackageStr + "\n")
	if err != nil {
		return ClientParams{}, err
	}
	params.PaySign = sign
	return params, nil
}

// prepayNative places a Native order: WeChat Pay answers a weixin:// code URL for the customer to scan.
func (w *weChatPay) prepayNative(ctx context.Context, o Order, req map[string]any) (ClientParams, error) {
	var res struct {
		CodeURL string `json:"code_url"`
	}
	if _, err := w.call(ctx, http.MethodPost, pathNative, req, &res); err != nil {
		return ClientParams{}, err
	}
	if !strings.HasPrefix(res.CodeURL, "weixin://") {
		return ClientParams{}, fmt.Errorf("%w: native prepay of %s answered code_url %q", ErrBadResponse, o.OutTradeNo, res.CodeURL)
	}
	return ClientParams{CodeURL: res.CodeURL}, nil
}

// Refund asks for a domestic refund. WeChat refunds an out_refund_no once, so retrying is safe.
func (w *weChatPay) Refund(ctx context.Context, r Refund) (RefundResult, error) {
	if r.OutTradeNo == "" || r.OutRefundNo == "" || r.Amount <= 0 || r.Total < r.Amount {
		return RefundResult{}, fmt.Errorf("payment: bad refund %+v", r)
	}
	req := map[string]any{
		"out_trade_no": r.OutTradeNo, "out_refund_no": r.OutRefundNo,
		"amount": amountJSON{Refund: r.Amount, Total: r.Total, Currency: "CNY"},
	}
	if r.Reason != "" {
		req["reason"] = truncate(r.Reason, 80)
	}
	if w.refundURL != "" {
		req["notify_url"] = w.refundURL
	}
	var res struct {
		RefundID    string     `json:"refund_id"`
		OutRefundNo string     `json:"out_refund_no"`
		Status      string     `json:"status"`
		Amount      amountJSON `json:"amount"`
	}
	raw, err := w.call(ctx, http.MethodPost, pathRefund, req, &res)
	if err != nil {
		return RefundResult{}, err
	}
	if res.RefundID == "" || res.Status == "" {
		return RefundResult{}, fmt.Errorf("%w: refund answered no refund_id or status", ErrBadResponse)
	}
	return RefundResult{Provider: ProviderWeChatPay, OutRefundNo: res.OutRefundNo, RefundID: res.RefundID,
		Status: res.Status, Amount: res.Amount.Refund, Raw: raw}, nil
}

// Query looks a payment up by our order number. An order WeChat never saw is TradeNotCreated, not an error.
func (w *weChatPay) Query(ctx context.Context, outTradeNo string) (QueryResult, error) {
	if outTradeNo == "" {
		return QueryResult{}, errors.New("payment: query without an order number")
	}
	path := pathQuery + url.PathEscape(outTradeNo) + "?mchid=" + url.QueryEscape(w.mchID)
	var res struct {
		OutTradeNo    string     `json:"out_trade_no"`
		TransactionID string     `json:"transaction_id"`
		TradeState    string     `json:"trade_state"`
		Amount        amountJSON `json:"amount"`
	}
	raw, err := w.call(ctx, http.MethodGet, path, nil, &res)
	var apiErr *APIError
	if errors.As(err, &apiErr) && apiErr.Code == "ORDER_NOT_EXIST" {
		return QueryResult{OutTradeNo: outTradeNo, TradeState: TradeNotCreated}, nil
	}
	if err != nil {
		return QueryResult{}, err
	}
	if res.OutTradeNo != outTradeNo || res.TradeState == "" {
		return QueryResult{}, fmt.Errorf("%w: query of %s answered order %q state %q", ErrBadResponse, outTradeNo, res.OutTradeNo, res.TradeState)
	}
	return QueryResult{OutTradeNo: res.OutTradeNo, TransactionID: res.TransactionID, TradeState: res.TradeState,
		Amount: res.Amount.Total, Raw: raw}, nil
}

// call sends a signed request and checks the signature of a successful answer before decoding it into out.
// An error answer becomes an *APIError; when it carries a signature that signature must hold, but WeChat's own
// SDKs accept unsigned error answers, and an error changes nothing on our side.
func (w *weChatPay) call(ctx context.Context, method, path string, body, out any) (json.RawMessage, error) {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return nil, err
		}
	}
	req, err := http.NewRequestWithContext(ctx, method, w.base+path, bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	auth, err := w.authorization(method, req.URL.RequestURI(), payload)
	if err != nil {
		return nil, err
	}
	req.Header.Set("Authorization", auth)
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "MyRestaurant")
	req.Header.Set("Wechatpay-Serial", w.platformSerial)
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	res, err := w.client.Do(req)
	if err != nil {
		return nil, fmt.Errorf("wechatpay: %s %s: %w", method, path, err)
	}
	defer res.Body.Close()
	raw, err := readLimited(res.Body)
	if err != nil {
		return nil, fmt.Errorf("wechatpay: %s %s: %w", method, path, err)
	}
	ok := res.StatusCode >= 200 && res.StatusCode < 300
	if ok || res.Header.Get("Wechatpay-Signature") != "" {
		if err := w.verify(res.Header, raw); err != nil {
			return nil, fmt.Errorf("%w: %s %s: %v", ErrBadResponse, method, path, err)
		}
	}
	if !ok {
		apiErr := &APIError{Status: res.StatusCode}
		if json.Unmarshal(raw, apiErr) != nil || apiErr.Code == "" {
			apiErr.Code, apiErr.Message = "HTTP_"+strconv.Itoa(res.StatusCode), truncate(string(raw), 200)
		}
		return nil, apiErr
	}
	if out != nil && len(raw) > 0 {
		if err := json.Unmarshal(raw, out); err != nil {
			return nil, fmt.Errorf("%w: %s %s: %v", ErrBadResponse, method, path, err)
		}
	}
	return raw, nil
}

// authorization signs "METHOD\nURI\ntimestamp\nnonce\nbody\n" with the merchant key.
func (w *weChatPay) authorization(method, uri string, body []byte) (string, error) {
	ts := strconv.FormatInt(w.now().Unix(), 10)
	nonce := randomString(alphanumerics)
	sig, err := w.sign(method + "\n" + uri + "\n" + ts + "\n" + nonce + "\n" + string(body) + "\n")
	if err != nil {
		return "", err
	}
	return fmt.Sprintf(`%s mchid="%s",nonce_str="%s",signature="%s",timestamp="%s",serial_no="%s"`,
		authScheme, w.mchID, nonce, sig, ts, w.serialNo), nil
}

// sign is base64(SHA256withRSA(message)) with the merchant key.
func (w *weChatPay) sign(message string) (string, error) {
	sum := sha256.Sum256([]byte(message))
	sig, err := rsa.SignPKCS1v15(rand.Reader, w.key, crypto.SHA256, sum[:])
	if err != nil {
		return "", fmt.Errorf("payment: signing: %w", err)
	}
	return base64.StdEncoding.EncodeToString(sig), nil
}

// verify checks WeChat Pay's signature of an answer or callback: the serial names our platform key, the timestamp
// is fresh, and the signature over "timestamp\nnonce\nbody\n" holds. WeChat sometimes sends deliberately wrong
// signatures (WECHATPAY/SIGNTEST/...) to probe that merchants check them; those fail here like any forgery.
func (w *weChatPay) verify(h http.Header, body []byte) error {
	serial := strings.TrimSpace(h.Get("Wechatpay-Serial"))
	ts := strings.TrimSpace(h.Get("Wechatpay-Timestamp"))
	nonce := strings.TrimSpace(h.Get("Wechatpay-Nonce"))
	signature := strings.TrimSpace(h.Get("Wechatpay-Signature"))
	if serial == "" || ts == "" || nonce == "" || signature == "" {
		return errors.New("missing Wechatpay-Serial, -Timestamp, -Nonce or -Signature")
	}
	if !sameSerial(serial, w.platformSerial) {
		return fmt.Errorf("signed with key %s, we trust %s", serial, w.platformSerial)
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil {
		return fmt.Errorf("bad Wechatpay-Timestamp %q", ts)
	}
	if age := w.now().Sub(time.Unix(sec, 0)); age >= signatureWindow || age <= -signatureWindow {
		return fmt.Errorf("Wechatpay-Timestamp %s is %s from now", ts, age.Round(time.Second))
	}
	sig, err := base64.StdEncoding.DecodeString(signature)
	if err != nil {
		return errors.New("Wechatpay-Signature is not base64")
	}
	sum := sha256.Sum256([]byte(ts + "\n" + nonce + "\n" + string(body) + "\n"))
	if err := rsa.VerifyPKCS1v15(w.platformKey, crypto.SHA256, sum[:], sig); err != nil {
		return errors.New("signature does not match")
	}
	return nil
}

func readLimited(r io.Reader) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(r, maxBodyBytes+1))
	if err != nil {
		return nil, err
	}
	if len(raw) > maxBodyBytes {
		return nil, errors.New("body too large")
	}
	return raw, nil
}

const (
	digits        = "0123456789"
	alphanumerics = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
)

// randomString is 32 random characters of alphabet, for nonces.
func randomString(alphabet string) string {
	b := make([]byte, 32)
	size := big.NewInt(int64(len(alphabet)))
	for i := range b {
		n, err := rand.Int(rand.Reader, size)
		if err != nil {
			panic(err) // crypto/rand does not fail on supported platforms
		}
		b[i] = alphabet[n.Int64()]
	}
	return string(b)
}

// truncate cuts s to at most n bytes without splitting a character; WeChat limits fields in bytes.
func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}
