// Package wechatpaytest is a local fake of WeChat Pay API v3 for tests: it checks the signatures of our requests
// with the merchant public key, keeps the orders it was asked to prepay, answers prepay, refund and query signed
// with its own platform key, and builds signed, encrypted callbacks. Its Config points payment.New at it.
package wechatpaytest

import (
	"bytes"
	"crypto"
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"encoding/pem"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"myrestaurant/modules/config"
)

// Settings of the fake merchant.
const (
	AppID          = "wxfakeapp00000001"
	MchID          = "1900000001"
	MerchantSerial = "5157F09EFDC096DE15EBE81A47057A7232F1B8E1"
	PlatformSerial = "PUB_KEY_ID_0119000000012025010100000000000001"
)

// Fake is a running fake WeChat Pay server.
type Fake struct {
	URL      string
	Config   *config.Config // complete WeChat Pay settings pointing at the fake
	APIv3Key string

	MerchantKey *rsa.PrivateKey // what the merchant signs with; tests check paySign with its public half
	PlatformKey *rsa.PrivateKey // what the fake signs answers and callbacks with

	mu       sync.Mutex
	orders   map[string]*Order
	refunds  map[string]map[string]any
	tamper   bool
	refundSt string
	rejected []string
	seq      int
}

// Order is what the fake knows of a prepaid order.
type Order struct {
	OutTradeNo, Description, OpenID, NotifyURL, PrepayID string // OpenID "" for a Native order
	CodeURL                                              string // of a Native order
	Total                                                int64
	TradeState                                           string // NOTPAY, SUCCESS or REFUND
	TransactionID                                        string
	TimeExpire                                           time.Time // zero when prepay named none
}

var (
	keysOnce                 sync.Once
	merchantKey, platformKey *rsa.PrivateKey
	keysErr                  error
)

// keys generates the two RSA keys once per test process; generating them takes most of a fake's start-up.
func keys() (*rsa.PrivateKey, *rsa.PrivateKey, error) {
	keysOnce.Do(func() {
		if merchantKey, keysErr = rsa.GenerateKey(rand.Reader, 2048); keysErr != nil {
			return
		}
		platformKey, keysErr = rsa.GenerateKey(rand.Reader, 2048)
	})
	return merchantKey, platformKey, keysErr
}

// New starts a fake, writes the merchant private key (PKCS#8) and the platform public key to PEM files in a
// temporary folder, and stops the server when the test ends.
func New(t testing.TB) *Fake {
	t.Helper()
	mk, pk, err := keys()
	if err != nil {
		t.Fatal(err)
	}
	f := &Fake{MerchantKey: mk, PlatformKey: pk, APIv3Key: randomHex(16), orders: map[string]*Order{},
		refunds: map[string]map[string]any{}, refundSt: "SUCCESS"}
	mux := http.NewServeMux()
	mux.HandleFunc("POST /v3/pay/transactions/jsapi", f.checked(f.jsapi))
	mux.HandleFunc("POST /v3/pay/transactions/native", f.checked(f.native))
	mux.HandleFunc("GET /v3/pay/transactions/out-trade-no/{no}", f.checked(f.query))
	mux.HandleFunc("POST /v3/refund/domestic/refunds", f.checked(f.refund))
	srv := httptest.NewServer(mux)
	t.Cleanup(srv.Close)
	f.URL = srv.URL

	dir := t.TempDir()
	keyDER, err := x509.MarshalPKCS8PrivateKey(mk)
	if err != nil {
		t.Fatal(err)
	}
	pubDER, err := x509.MarshalPKIXPublicKey(&pk.PublicKey)
	if err != nil {
		t.Fatal(err)
	}
	keyFile, pubFile := filepath.Join(dir, "apiclient_key.pem"), filepath.Join(dir, "pub_key.pem")
	writePEM(t, keyFile, "PRIVATE KEY", keyDER)
	writePEM(t, pubFile, "PUBLIC KEY", pubDER)
	f.Config = &config.Config{
		WeChat: config.WeChat{AppID: AppID},
		Pay: config.Pay{
			MchID: MchID, SerialNo: MerchantSerial, PrivateKeyFile: keyFile, APIv3Key: f.APIv3Key,
			PlatformKeyFile: pubFile, PlatformSerial: PlatformSerial,
			NotifyURL:       "https://shop.example.com/notify/paySuccess",
			RefundNotifyURL: "https://shop.example.com/notify/refundSuccess",
			APIBase:         srv.URL,
		},
	}
	return f
}

func writePEM(t testing.TB, file, kind string, der []byte) {
	t.Helper()
	if err := os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

// TamperAnswers makes the fake change its answers after signing them, as a man in the middle would.
func (f *Fake) TamperAnswers(on bool) { f.mu.Lock(); f.tamper = on; f.mu.Unlock() }

// RefundsProcessing makes refunds answer PROCESSING instead of SUCCESS.
func (f *Fake) RefundsProcessing(on bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.refundSt = "SUCCESS"
	if on {
		f.refundSt = "PROCESSING"
	}
}

// Rejected lists the requests whose signature the fake refused.
func (f *Fake) Rejected() []string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return append([]string(nil), f.rejected...)
}

// Order returns a copy of what the fake knows of an order number.
func (f *Fake) Order(outTradeNo string) (Order, bool) {
	f.mu.Lock()
	defer f.mu.Unlock()
	o, ok := f.orders[outTradeNo]
	if !ok {
		return Order{}, false
	}
	return *o, true
}

// Pay makes the customer pay a prepaid order and returns its transaction id and the callback WeChat Pay sends.
func (f *Fake) Pay(t testing.TB, outTradeNo string) (transactionID string, body []byte, header http.Header) {
	t.Helper()
	f.mu.Lock()
	o, ok := f.orders[outTradeNo]
	if !ok {
		f.mu.Unlock()
		t.Fatalf("wechatpaytest: order %s was never prepaid", outTradeNo)
	}
	if o.TradeState != "SUCCESS" {
		f.seq++
		o.TradeState, o.TransactionID = "SUCCESS", fmt.Sprintf("42000000%020d", f.seq)
	}
	o2 := *o
	f.mu.Unlock()
	body, header = f.PayNotification(t, o2.OutTradeNo, o2.TransactionID, o2.Total)
	return o2.TransactionID, body, header
}

// PayNotification builds a signed TRANSACTION.SUCCESS callback for any order, paid or not.
func (f *Fake) PayNotification(t testing.TB, outTradeNo, transactionID string, total int64) ([]byte, http.Header) {
	t.Helper()
	return f.Notification(t, "TRANSACTION.SUCCESS", "transaction", map[string]any{
		"appid": AppID, "mchid": MchID, "out_trade_no": outTradeNo, "transaction_id": transactionID,
		"trade_type": "JSAPI", "trade_state": "SUCCESS", "trade_state_desc": "支付成功", "bank_type": "OTHERS",
		"success_time": time.Now().Format(time.RFC3339), "payer": map[string]string{"openid": "o-payer"},
		"amount": map[string]any{"total": total, "payer_total": total, "currency": "CNY", "payer_currency": "CNY"},
	})
}

// RefundNotification builds a signed REFUND.<status> callback.
func (f *Fake) RefundNotification(t testing.TB, outTradeNo, outRefundNo, refundID, status string, refund, total int64) ([]byte, http.Header) {
	t.Helper()
	return f.Notification(t, "REFUND."+status, "refund", map[string]any{
		"mchid": MchID, "out_trade_no": outTradeNo, "transaction_id": "4200000000000000000000000001",
		"out_refund_no": outRefundNo, "refund_id": refundID, "refund_status": status,
		"success_time": time.Now().Format(time.RFC3339), "user_received_account": "支付用户零钱",
		"amount": map[string]any{"total": total, "refund": refund, "payer_total": total, "payer_refund": refund},
	})
}

// Notification encrypts resource with the APIv3 key and signs the callback body with the platform key, now.
func (f *Fake) Notification(t testing.TB, eventType, originalType string, resource any) ([]byte, http.Header) {
	t.Helper()
	plain, err := json.Marshal(resource)
	if err != nil {
		t.Fatal(err)
	}
	nonce := randomHex(6)
	body, err := json.Marshal(map[string]any{
		"id": "EV-" + randomHex(8), "create_time": time.Now().Format(time.RFC3339),
		"resource_type": "encrypt-resource", "event_type": eventType, "summary": "通知",
		"resource": map[string]string{
			"original_type": originalType, "algorithm": "AEAD_AES_256_GCM",
			"ciphertext":      f.Encrypt(t, plain, nonce, originalType),
			"associated_data": originalType, "nonce": nonce,
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	return body, f.Sign(t, body, PlatformSerial, time.Now())
}

// Encrypt seals plaintext as WeChat Pay does: AES-256-GCM with the APIv3 key, base64 of ciphertext and tag.
func (f *Fake) Encrypt(t testing.TB, plaintext []byte, nonce, associatedData string) string {
	t.Helper()
	block, err := aes.NewCipher([]byte(f.APIv3Key))
	if err != nil {
		t.Fatal(err)
	}
	gcm, err := cipher.NewGCMWithNonceSize(block, len(nonce))
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(gcm.Seal(nil, []byte(nonce), plaintext, []byte(associatedData)))
}

// Sign returns the Wechatpay-* headers of body signed with the platform key at ts, claiming serial.
func (f *Fake) Sign(t testing.TB, body []byte, serial string, ts time.Time) http.Header {
	t.Helper()
	h, err := f.sign(body, serial, ts)
	if err != nil {
		t.Fatal(err)
	}
	return h
}

func (f *Fake) sign(body []byte, serial string, ts time.Time) (http.Header, error) {
	stamp, nonce := strconv.FormatInt(ts.Unix(), 10), randomHex(16)
	sum := sha256.Sum256([]byte(stamp + "\n" + nonce + "\n" + string(body) + "\n"))
	sig, err := rsa.SignPKCS1v15(rand.Reader, f.PlatformKey, crypto.SHA256, sum[:])
	if err != nil {
		return nil, err
	}
	h := http.Header{}
	h.Set("Content-Type", "application/json")
	h.Set("Wechatpay-Serial", serial)
	h.Set("Wechatpay-Timestamp", stamp)
	h.Set("Wechatpay-Nonce", nonce)
	h.Set("Wechatpay-Signature", base64.StdEncoding.EncodeToString(sig))
	return h, nil
}

// Post sends a callback to url and returns the HTTP status and the reply body.
func Post(t testing.TB, url string, body []byte, header http.Header) (int, string) {
	t.Helper()
	req, err := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	for k, v := range header {
		req.Header[k] = v
	}
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer res.Body.Close()
	reply, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(reply)
}

// ---- the server ----

type handler func(r *http.Request, body []byte) (status int, answer any)

// checked verifies the merchant's request signature before handling, and signs the answer.
func (f *Fake) checked(h handler) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		status, answer := http.StatusUnauthorized, any(apiError("SIGN_ERROR", "签名错误"))
		if err := f.checkSignature(r, body); err != nil {
			f.mu.Lock()
			f.rejected = append(f.rejected, r.Method+" "+r.URL.Path+": "+err.Error())
			f.mu.Unlock()
		} else {
			status, answer = h(r, body)
		}
		raw, _ := json.Marshal(answer)
		header, err := f.sign(raw, PlatformSerial, time.Now())
		if err != nil {
			http.Error(w, err.Error(), http.StatusInternalServerError)
			return
		}
		f.mu.Lock()
		if f.tamper {
			raw = append(raw, ' ') // still the same JSON, no longer what was signed
		}
		f.mu.Unlock()
		for k, v := range header {
			w.Header()[k] = v
		}
		w.WriteHeader(status)
		_, _ = w.Write(raw)
	}
}

func (f *Fake) checkSignature(r *http.Request, body []byte) error {
	auth := r.Header.Get("Authorization")
	scheme, params, ok := strings.Cut(auth, " ")
	if !ok || scheme != "WECHATPAY2-SHA256-RSA2048" {
		return fmt.Errorf("authorization scheme %q", scheme)
	}
	p := map[string]string{}
	for _, kv := range strings.Split(params, ",") {
		k, v, _ := strings.Cut(strings.TrimSpace(kv), "=")
		p[k] = strings.Trim(v, `"`)
	}
	if p["mchid"] != MchID || p["serial_no"] != MerchantSerial || p["nonce_str"] == "" {
		return fmt.Errorf("authorization params %v", p)
	}
	ts, err := strconv.ParseInt(p["timestamp"], 10, 64)
	if err != nil || time.Since(time.Unix(ts, 0)).Abs() > 5*time.Minute {
		return fmt.Errorf("timestamp %q", p["timestamp"])
	}
	sig, err := base64.StdEncoding.DecodeString(p["signature"])
	if err != nil {
		return err
	}
	msg := r.Method + "\n" + r.URL.RequestURI() + "\n" + p["timestamp"] + "\n" + p["nonce_str"] + "\n" + string(body) + "\n"
	sum := sha256.Sum256([]byte(msg))
	return rsa.VerifyPKCS1v15(&f.MerchantKey.PublicKey, crypto.SHA256, sum[:], sig)
}

func apiError(code, message string) map[string]string {
	return map[string]string{"code": code, "message": message}
}

type amount struct {
	Total    int64  `json:"total"`
	Refund   int64  `json:"refund"`
	Currency string `json:"currency"`
}

func (f *Fake) jsapi(_ *http.Request, body []byte) (int, any) {
	return f.prepay(body, false)
}

// native is a Native prepay: the same order without a payer, answered with the code URL the customer scans.
func (f *Fake) native(_ *http.Request, body []byte) (int, any) {
	return f.prepay(body, true)
}

func (f *Fake) prepay(body []byte, native bool) (int, any) {
	var in struct {
		AppID       string `json:"appid"`
		MchID       string `json:"mchid"`
		Description string `json:"description"`
		OutTradeNo  string `json:"out_trade_no"`
		NotifyURL   string `json:"notify_url"`
		Amount      amount `json:"amount"`
		Payer       *struct {
			OpenID string `json:"openid"`
		} `json:"payer"`
		TimeExpire string `json:"time_expire"` // rfc3339, as WeChat Pay's API v3 takes it
	}
	if err := json.Unmarshal(body, &in); err != nil {
		return http.StatusBadRequest, apiError("PARAM_ERROR", err.Error())
	}
	var expires time.Time
	if in.TimeExpire != "" {
		var err error
		if expires, err = time.Parse(time.RFC3339, in.TimeExpire); err != nil {
			return http.StatusBadRequest, apiError("PARAM_ERROR", "time_expire "+in.TimeExpire)
		}
	}
	// JSAPI needs the payer; Native has none (the customer is whoever scans the code).
	payerOK := in.Payer != nil && in.Payer.OpenID != ""
	if native {
		payerOK = in.Payer == nil
	}
	if in.AppID != AppID || in.MchID != MchID || in.Description == "" || in.OutTradeNo == "" || in.NotifyURL == "" ||
		in.Amount.Total <= 0 || in.Amount.Currency != "CNY" || !payerOK {
		return http.StatusBadRequest, apiError("PARAM_ERROR", "参数错误 "+string(body))
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if o, ok := f.orders[in.OutTradeNo]; ok && o.TradeState != "NOTPAY" {
		return http.StatusForbidden, apiError("ORDERPAID", "该订单已支付")
	}
	o := &Order{OutTradeNo: in.OutTradeNo, Description: in.Description, NotifyURL: in.NotifyURL,
		Total: in.Amount.Total, TradeState: "NOTPAY", PrepayID: "wx" + randomHex(14), TimeExpire: expires}
	if native {
		o.CodeURL = "weixin://wxpay/bizpayurl?pr=" + randomHex(8)
		f.orders[in.OutTradeNo] = o
		return http.StatusOK, map[string]string{"code_url": o.CodeURL}
	}
	o.OpenID = in.Payer.OpenID
	f.orders[in.OutTradeNo] = o
	return http.StatusOK, map[string]string{"prepay_id": o.PrepayID}
}

func (f *Fake) query(r *http.Request, _ []byte) (int, any) {
	if r.URL.Query().Get("mchid") != MchID {
		return http.StatusBadRequest, apiError("PARAM_ERROR", "mchid")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	o, ok := f.orders[r.PathValue("no")]
	if !ok {
		return http.StatusNotFound, apiError("ORDER_NOT_EXIST", "订单不存在")
	}
	answer := map[string]any{"appid": AppID, "mchid": MchID, "out_trade_no": o.OutTradeNo, "trade_state": o.TradeState,
		"trade_state_desc": o.TradeState, "amount": map[string]any{"total": o.Total, "currency": "CNY"}}
	if o.TransactionID != "" {
		answer["transaction_id"] = o.TransactionID
		answer["payer"] = map[string]string{"openid": o.OpenID}
	}
	return http.StatusOK, answer
}

func (f *Fake) refund(_ *http.Request, body []byte) (int, any) {
	var in struct {
		OutTradeNo  string `json:"out_trade_no"`
		OutRefundNo string `json:"out_refund_no"`
		NotifyURL   string `json:"notify_url"`
		Amount      amount `json:"amount"`
	}
	if err := json.Unmarshal(body, &in); err != nil || in.OutRefundNo == "" || in.Amount.Currency != "CNY" {
		return http.StatusBadRequest, apiError("PARAM_ERROR", "参数错误")
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if prior, ok := f.refunds[in.OutRefundNo]; ok {
		return http.StatusOK, prior
	}
	o, ok := f.orders[in.OutTradeNo]
	if !ok || o.TransactionID == "" {
		return http.StatusNotFound, apiError("RESOURCE_NOT_EXISTS", "订单不存在")
	}
	if in.Amount.Total != o.Total || in.Amount.Refund <= 0 || in.Amount.Refund > o.Total {
		return http.StatusBadRequest, apiError("PARAM_ERROR", "退款金额错误")
	}
	f.seq++
	answer := map[string]any{"refund_id": fmt.Sprintf("50300000%020d", f.seq), "out_refund_no": in.OutRefundNo,
		"transaction_id": o.TransactionID, "out_trade_no": o.OutTradeNo, "channel": "ORIGINAL",
		"user_received_account": "支付用户零钱", "create_time": time.Now().Format(time.RFC3339), "status": f.refundSt,
		"amount": map[string]any{"total": o.Total, "refund": in.Amount.Refund, "payer_total": o.Total,
			"payer_refund": in.Amount.Refund, "currency": "CNY"}}
	if f.refundSt == "SUCCESS" {
		o.TradeState = "REFUND"
	}
	f.refunds[in.OutRefundNo] = answer
	return http.StatusOK, answer
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
