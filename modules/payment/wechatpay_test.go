package payment_test

import (
	"context"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/base64"
	"encoding/json"
	"encoding/pem"
	"errors"
	"math/big"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"myrestaurant/modules/config"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/payment/wechatpaytest"
)

func wechatPay(t *testing.T) (*wechatpaytest.Fake, payment.Provider) {
	t.Helper()
	fake := wechatpaytest.New(t)
	p, err := payment.New(fake.Config)
	if err != nil {
		t.Fatal(err)
	}
	if p.Name() != payment.ProviderWeChatPay {
		t.Fatalf("provider = %s, want wechatpay", p.Name())
	}
	t.Cleanup(func() {
		if r := fake.Rejected(); len(r) > 0 {
			t.Errorf("the fake WeChat Pay refused our signatures: %v", r)
		}
	})
	return fake, p
}

func order(no string, cents int64) payment.Order {
	return payment.Order{OutTradeNo: no, Amount: cents, Description: "MyRestaurant 外卖订单", OpenID: "o-customer-1"}
}

func TestPrepayGivesParamsTheMiniProgramCanPayWith(t *testing.T) {
	fake, p := wechatPay(t)
	params, err := p.Prepay(context.Background(), order("1763900000001", 2350))
	if err != nil {
		t.Fatal(err)
	}
	placed, ok := fake.Order("1763900000001")
	if !ok || placed.Total != 2350 || placed.OpenID != "o-customer-1" || placed.Description != "MyRestaurant 外卖订单" ||
		placed.NotifyURL != fake.Config.Pay.NotifyURL {
		t.Fatalf("WeChat Pay got %+v", placed)
	}
	if params.PaidNow || params.PackageStr != "prepay_id="+placed.PrepayID || params.SignType != "RSA" || len(params.NonceStr) != 32 {
		t.Fatalf("params = %+v", params)
	}
	if _, err := strconv.ParseInt(params.TimeStamp, 10, 64); err != nil {
		t.Fatalf("timeStamp %q is not epoch seconds", params.TimeStamp)
	}
	// wx.requestPayment checks paySign with the merchant's public key over appid, timeStamp, nonceStr, package.
	sig, err := base64.StdEncoding.DecodeString(params.PaySign)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256([]byte(wechatpaytest.AppID + "\n" + params.TimeStamp + "\n" + params.NonceStr + "\n" + params.PackageStr + "\n"))
	if err := rsa.VerifyPKCS1v15(&fake.MerchantKey.PublicKey, crypto.SHA256, sum[:], sig); err != nil {
		t.Fatalf("paySign does not verify: %v", err)
	}
	raw, _ := json.Marshal(params)
	for _, key := range []string{`"timeStamp"`, `"nonceStr"`, `"packageStr"`, `"signType":"RSA"`, `"paySign"`} {
		if !strings.Contains(string(raw), key) {
			t.Errorf("client params JSON %s lacks %s", raw, key)
		}
	}
}

func TestPrepayOfAPaidOrderIsOrderPaid(t *testing.T) {
	fake, p := wechatPay(t)
	ctx := context.Background()
	if _, err := p.Prepay(ctx, order("1763900000002", 100)); err != nil {
		t.Fatal(err)
	}
	fake.Pay(t, "1763900000002")
	_, err := p.Prepay(ctx, order("1763900000002", 100))
	if !errors.Is(err, payment.ErrOrderPaid) {
		t.Fatalf("second prepay: %v, want ErrOrderPaid", err)
	}
}

func TestQueryFollowsThePayment(t *testing.T) {
	fake, p := wechatPay(t)
	ctx := context.Background()
	q, err := p.Query(ctx, "1763900000003")
	if err != nil || q.TradeState != payment.TradeNotCreated {
		t.Fatalf("before prepay: %+v %v", q, err)
	}
	if _, err := p.Prepay(ctx, order("1763900000003", 990)); err != nil {
		t.Fatal(err)
	}
	q, err = p.Query(ctx, "1763900000003")
	if err != nil || q.TradeState != payment.TradeNotPay || q.TransactionID != "" {
		t.Fatalf("after prepay: %+v %v", q, err)
	}
	if _, ok := q.Paid(p.Name()); ok {
		t.Fatal("an unpaid order reads as paid")
	}
	txID, _, _ := fake.Pay(t, "1763900000003")
	q, err = p.Query(ctx, "1763900000003")
	if err != nil || q.TradeState != payment.TradeSuccess || q.TransactionID != txID || q.Amount != 990 {
		t.Fatalf("after pay: %+v %v", q, err)
	}
	n, ok := q.Paid(p.Name())
	if !ok || n.TransactionID != txID || n.OutTradeNo != "1763900000003" || n.Amount != 990 || n.Provider != "wechatpay" {
		t.Fatalf("reconciled notification = %+v", n)
	}
}

func TestRefund(t *testing.T) {
	fake, p := wechatPay(t)
	ctx := context.Background()
	if _, err := p.Prepay(ctx, order("1763900000004", 1800)); err != nil {
		t.Fatal(err)
	}
	fake.Pay(t, "1763900000004")
	req := payment.Refund{OutTradeNo: "1763900000004", OutRefundNo: "1763900000004", Amount: 1800, Total: 1800, Reason: "用户取消"}
	r, err := p.Refund(ctx, req)
	if err != nil {
		t.Fatal(err)
	}
	if r.Status != payment.RefundSuccess || r.RefundID == "" || r.Amount != 1800 || r.OutRefundNo != "1763900000004" {
		t.Fatalf("refund = %+v", r)
	}
	again, err := p.Refund(ctx, req)
	if err != nil || again.RefundID != r.RefundID {
		t.Fatalf("asking again refunds again: %+v %v", again, err)
	}
	if q, _ := p.Query(ctx, "1763900000004"); q.TradeState != payment.TradeRefund {
		t.Fatalf("after refund the payment is %s", q.TradeState)
	}

	fake.RefundsProcessing(true)
	if _, err := p.Prepay(ctx, order("1763900000005", 500)); err != nil {
		t.Fatal(err)
	}
	fake.Pay(t, "1763900000005")
	r, err = p.Refund(ctx, payment.Refund{OutTradeNo: "1763900000005", OutRefundNo: "R1763900000005", Amount: 200, Total: 500})
	if err != nil || r.Status != payment.RefundProcessing || payment.RefundLedgerState(r.Status) != payment.StatePending {
		t.Fatalf("processing refund = %+v %v", r, err)
	}
}

func TestAnswersWithABadSignatureAreRejected(t *testing.T) {
	fake, p := wechatPay(t)
	ctx := context.Background()
	fake.TamperAnswers(true)
	if _, err := p.Prepay(ctx, order("1763900000006", 100)); !errors.Is(err, payment.ErrBadResponse) {
		t.Fatalf("prepay with a tampered answer: %v", err)
	}
	if _, err := p.Query(ctx, "1763900000006"); !errors.Is(err, payment.ErrBadResponse) {
		t.Fatalf("query with a tampered answer: %v", err)
	}
}

func TestAnswersSignedByAnotherKeyAreRejected(t *testing.T) {
	fake, _ := wechatPay(t)
	cfg := *fake.Config
	cfg.Pay.PlatformKeyFile = filepath.Join(t.TempDir(), "not-the-platform.pem")
	writePEM(t, cfg.Pay.PlatformKeyFile, "PUBLIC KEY", must(x509.MarshalPKIXPublicKey(&fake.MerchantKey.PublicKey)))
	p, err := payment.New(&cfg)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Prepay(context.Background(), order("1763900000007", 100)); !errors.Is(err, payment.ErrBadResponse) {
		t.Fatalf("an answer signed by a key we do not trust was accepted: %v", err)
	}
}

func TestKeyFormats(t *testing.T) {
	fake, _ := wechatPay(t)
	dir := t.TempDir()

	// A PKCS#1 merchant key signs as well as WeChat's PKCS#8 apiclient_key.pem.
	pkcs1 := *fake.Config
	pkcs1.Pay.PrivateKeyFile = filepath.Join(dir, "pkcs1.pem")
	writePEM(t, pkcs1.Pay.PrivateKeyFile, "RSA PRIVATE KEY", x509.MarshalPKCS1PrivateKey(fake.MerchantKey))
	p, err := payment.New(&pkcs1)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := p.Prepay(context.Background(), order("1763900000009", 100)); err != nil {
		t.Fatalf("prepay signed with a PKCS#1 key: %v", err)
	}

	// A platform certificate instead of the public key: its serial must be the configured one.
	tmpl := &x509.Certificate{SerialNumber: big.NewInt(0x5157F09EFD), Subject: pkix.Name{CommonName: "Tenpay.com Root CA"},
		NotBefore: time.Now().Add(-time.Hour), NotAfter: time.Now().Add(24 * time.Hour)}
	certDER := must(x509.CreateCertificate(rand.Reader, tmpl, tmpl, &fake.PlatformKey.PublicKey, fake.PlatformKey))
	cert := *fake.Config
	cert.Pay.PlatformKeyFile = filepath.Join(dir, "wechatpay_cert.pem")
	writePEM(t, cert.Pay.PlatformKeyFile, "CERTIFICATE", certDER)
	cert.Pay.PlatformSerial = "5157f09efd"
	if _, err := payment.New(&cert); err != nil {
		t.Fatalf("platform certificate: %v", err)
	}
	cert.Pay.PlatformSerial = "1234"
	if _, err := payment.New(&cert); err == nil || !strings.Contains(err.Error(), "5157F09EFD") {
		t.Fatalf("platform certificate with another serial: %v", err)
	}

	notKey := *fake.Config
	notKey.Pay.PrivateKeyFile = filepath.Join(dir, "garbage.pem")
	if err := os.WriteFile(notKey.Pay.PrivateKeyFile, []byte("not a key"), 0o600); err != nil {
		t.Fatal(err)
	}
	if _, err := payment.New(&notKey); err == nil {
		t.Fatal("a file that is not PEM was accepted as the private key")
	}
}

func writePEM(t *testing.T, file, kind string, der []byte) {
	t.Helper()
	if err := os.WriteFile(file, pem.EncodeToMemory(&pem.Block{Type: kind, Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
}

func must[T any](v T, err error) T {
	if err != nil {
		panic(err)
	}
	return v
}

func TestNewChoosesTheProvider(t *testing.T) {
	if _, err := payment.New(&config.Config{}); err == nil ||
		!strings.Contains(err.Error(), "MYRESTAURANT_WECHATPAY_MCHID") || !strings.Contains(err.Error(), "MYRESTAURANT_WECHAT_APPID") {
		t.Fatalf("unconfigured, not demo: %v", err)
	}
	partial := &config.Config{WeChat: config.WeChat{AppID: "wx1"}, Pay: config.Pay{MchID: "1", NotifyURL: "https://x/notify/paySuccess"}}
	_, err := payment.New(partial)
	if err == nil || strings.Contains(err.Error(), "MCHID") || !strings.Contains(err.Error(), "MYRESTAURANT_WECHATPAY_APIV3_KEY") {
		t.Fatalf("partial settings: %v", err)
	}
	if p, err := payment.New(&config.Config{Demo: true}); err != nil || p.Name() != payment.ProviderMock {
		t.Fatalf("demo: %v %v", p, err)
	}
	fake := wechatpaytest.New(t)
	demo := *fake.Config
	demo.Demo = true
	if p, err := payment.New(&demo); err != nil || p.Name() != payment.ProviderWeChatPay {
		t.Fatalf("configured demo: %v %v", p, err)
	}
	short := *fake.Config
	short.Pay.APIv3Key = "too-short"
	if _, err := payment.New(&short); err == nil || !strings.Contains(err.Error(), "32 bytes") {
		t.Fatalf("short APIv3 key: %v", err)
	}
	missingFile := *fake.Config
	missingFile.Pay.PrivateKeyFile = filepath.Join(t.TempDir(), "nope.pem")
	if _, err := payment.New(&missingFile); err == nil {
		t.Fatal("a missing key file was accepted")
	}
}

func TestMockPaysAtOnce(t *testing.T) {
	p, err := payment.New(&config.Config{Demo: true})
	if err != nil {
		t.Fatal(err)
	}
	params, err := p.Prepay(context.Background(), order("1763900000008", 4200))
	if err != nil {
		t.Fatal(err)
	}
	if !params.PaidNow || params.Paid.TransactionID != "mock-1763900000008" || params.Paid.Amount != 4200 ||
		params.Paid.OutTradeNo != "1763900000008" || params.Paid.TradeState != payment.TradeSuccess || params.Paid.Provider != "mock" {
		t.Fatalf("mock prepay = %+v", params)
	}
	raw, _ := json.Marshal(params)
	if string(raw) != `{"timeStamp":"","nonceStr":"","packageStr":"","signType":"","paySign":""}` {
		t.Fatalf("mock client params = %s", raw)
	}
	r, err := p.Refund(context.Background(), payment.Refund{OutTradeNo: "1763900000008", OutRefundNo: "1763900000008", Amount: 4200, Total: 4200})
	if err != nil || r.Status != payment.RefundSuccess || r.RefundID == "" {
		t.Fatalf("mock refund = %+v %v", r, err)
	}
}

// The order's payment deadline goes to WeChat Pay as time_expire, so the customer cannot pay after it.
func TestPrepayTellsWeChatPayTheDeadline(t *testing.T) {
	fake, p := wechatPay(t)
	o := order("1763900000009", 100)
	o.Expires = time.Date(2026, 3, 1, 12, 15, 0, 0, time.FixedZone("CST", 8*3600))
	if _, err := p.Prepay(context.Background(), o); err != nil {
		t.Fatal(err)
	}
	placed, _ := fake.Order("1763900000009")
	if !placed.TimeExpire.Equal(o.Expires) {
		t.Fatalf("time_expire %v, want %v", placed.TimeExpire, o.Expires)
	}
}
