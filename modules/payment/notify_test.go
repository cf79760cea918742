package payment_test

import (
	"bytes"
	"context"
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/config"
	"myrestaurant/modules/payment"
	"myrestaurant/modules/payment/wechatpaytest"
)

// calls records what the callbacks received.
type calls struct {
	mu       sync.Mutex
	paid     []payment.Notification
	refunded []payment.RefundNotification
	fail     error // set before serving
}

func (c *calls) callbacks() payment.Callbacks {
	return payment.Callbacks{
		OnPaid: func(_ core.App, n payment.Notification) error {
			c.mu.Lock()
			defer c.mu.Unlock()
			if c.fail != nil {
				return c.fail
			}
			c.paid = append(c.paid, n)
			return nil
		},
		OnRefunded: func(_ core.App, n payment.RefundNotification) error {
			c.mu.Lock()
			defer c.mu.Unlock()
			c.refunded = append(c.refunded, n)
			return nil
		},
	}
}

func (c *calls) paidCount() int { c.mu.Lock(); defer c.mu.Unlock(); return len(c.paid) }

// notifyServer serves the payment routes of a fresh app with a WeChat Pay provider pointed at a fake.
func notifyServer(t *testing.T) (*wechatpaytest.Fake, payment.Provider, *calls, string) {
	t.Helper()
	fake, p := wechatPay(t)
	c := &calls{}
	app := apptest.New(t, func(app core.App) { payment.Register(app, p, c.callbacks()) })
	return fake, p, c, apptest.Serve(t, app)
}

func TestValidPayCallbackReachesTheOrderModule(t *testing.T) {
	fake, p, c, base := notifyServer(t)
	if _, err := p.Prepay(context.Background(), order("1763900000301", 2350)); err != nil {
		t.Fatal(err)
	}
	txID, body, header := fake.Pay(t, "1763900000301")
	status, reply := wechatpaytest.Post(t, base+"/notify/paySuccess", body, header)
	if status != http.StatusOK || reply != `{"code":"SUCCESS","message":"SUCCESS"}` {
		t.Fatalf("reply %d %s", status, reply)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.paid) != 1 {
		t.Fatalf("onPaid called %d times", len(c.paid))
	}
	n := c.paid[0]
	if n.OutTradeNo != "1763900000301" || n.TransactionID != txID || n.Amount != 2350 || n.TradeState != "SUCCESS" ||
		n.Provider != "wechatpay" || !strings.Contains(string(n.Raw), txID) {
		t.Fatalf("notification = %+v", n)
	}
}

func TestForgedPayCallbacksAreRefused(t *testing.T) {
	fake, _, c, base := notifyServer(t)
	body, header := fake.PayNotification(t, "1763900000302", "4200000000000000000000000302", 2350)

	tamperedCiphertext := func() []byte {
		var env map[string]any
		_ = json.Unmarshal(body, &env)
		res := env["resource"].(map[string]any)
		sealed, _ := base64.StdEncoding.DecodeString(res["ciphertext"].(string))
		sealed[3] ^= 1 // still base64, still the right length; GCM's tag no longer matches
		res["ciphertext"] = base64.StdEncoding.EncodeToString(sealed)
		out, _ := json.Marshal(env)
		return out
	}()
	otherKeyResource := func() []byte {
		var env map[string]any
		_ = json.Unmarshal(body, &env)
		res := env["resource"].(map[string]any)
		block, _ := aes.NewCipher([]byte(strings.Repeat("k", 32)))
		gcm, _ := cipher.NewGCM(block)
		plain := `{"out_trade_no":"1763900000302","transaction_id":"x","trade_state":"SUCCESS"}`
		res["ciphertext"] = base64.StdEncoding.EncodeToString(gcm.Seal(nil, []byte(res["nonce"].(string)), []byte(plain), []byte("transaction")))
		out, _ := json.Marshal(env)
		return out
	}()
	refundBody, _ := fake.RefundNotification(t, "1763900000302", "1763900000302", "503", "SUCCESS", 2350, 2350)

	for _, s := range []struct {
		name   string
		body   []byte
		header http.Header
	}{
		{"body changed after signing", bytes.Replace(body, []byte("TRANSACTION.SUCCESS"), []byte("TRANSACTION.SUCCESS "), 1), header},
		{"signature of another body", body, fake.Sign(t, []byte(`{}`), wechatpaytest.PlatformSerial, time.Now())},
		{"wrong serial", body, fake.Sign(t, body, "PUB_KEY_ID_SOMEONE_ELSE", time.Now())},
		{"stale timestamp", body, fake.Sign(t, body, wechatpaytest.PlatformSerial, time.Now().Add(-6*time.Minute))},
		{"timestamp from the future", body, fake.Sign(t, body, wechatpaytest.PlatformSerial, time.Now().Add(6*time.Minute))},
		{"no signature headers", body, http.Header{"Content-Type": {"application/json"}}},
		{"tampered ciphertext, signed", tamperedCiphertext, fake.Sign(t, tamperedCiphertext, wechatpaytest.PlatformSerial, time.Now())},
		{"encrypted with another APIv3 key, signed", otherKeyResource, fake.Sign(t, otherKeyResource, wechatpaytest.PlatformSerial, time.Now())},
		{"a refund callback at the pay URL", refundBody, fake.Sign(t, refundBody, wechatpaytest.PlatformSerial, time.Now())},
		{"not JSON, signed", []byte("hello"), fake.Sign(t, []byte("hello"), wechatpaytest.PlatformSerial, time.Now())},
	} {
		t.Run(s.name, func(t *testing.T) {
			status, reply := wechatpaytest.Post(t, base+"/notify/paySuccess", s.body, s.header)
			if status != http.StatusUnauthorized || !strings.Contains(reply, `"code":"FAIL"`) {
				t.Fatalf("reply %d %s, want 401 FAIL", status, reply)
			}
		})
	}
	if n := c.paidCount(); n != 0 {
		t.Fatalf("onPaid was called %d times for forged callbacks", n)
	}
	// The genuine one still goes through, and through any method, as the original maps it.
	req, _ := http.NewRequest(http.MethodPut, base+"/notify/paySuccess", bytes.NewReader(body))
	req.Header = header
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusOK || c.paidCount() != 1 {
		t.Fatalf("genuine callback: %d, onPaid %d", res.StatusCode, c.paidCount())
	}
}

func TestFailingCallbackAsksWeChatToRetry(t *testing.T) {
	fake, _, c, base := notifyServer(t)
	c.fail = errors.New("database is locked")
	body, header := fake.PayNotification(t, "1763900000303", "4200000000000000000000000303", 100)
	status, reply := wechatpaytest.Post(t, base+"/notify/paySuccess", body, header)
	if status != http.StatusInternalServerError || !strings.Contains(reply, `"code":"FAIL"`) || strings.Contains(reply, "locked") {
		t.Fatalf("reply %d %s, want 500 FAIL without internals", status, reply)
	}
}

func TestRefundCallback(t *testing.T) {
	fake, _, c, base := notifyServer(t)
	body, header := fake.RefundNotification(t, "1763900000304", "1763900000304", "50300000000000000000000304", "SUCCESS", 1800, 1800)
	status, reply := wechatpaytest.Post(t, base+"/notify/refundSuccess", body, header)
	if status != http.StatusOK || reply != `{"code":"SUCCESS","message":"SUCCESS"}` {
		t.Fatalf("reply %d %s", status, reply)
	}
	c.mu.Lock()
	if len(c.refunded) != 1 {
		t.Fatalf("onRefunded called %d times", len(c.refunded))
	}
	n := c.refunded[0]
	c.mu.Unlock()
	if n.OutTradeNo != "1763900000304" || n.OutRefundNo != "1763900000304" || n.RefundID != "50300000000000000000000304" ||
		n.Status != "SUCCESS" || n.Amount != 1800 || n.Provider != "wechatpay" {
		t.Fatalf("refund notification = %+v", n)
	}
	// A pay callback at the refund URL is not a refund.
	payBody, payHeader := fake.PayNotification(t, "1763900000304", "4200000000000000000000000304", 1800)
	if status, _ := wechatpaytest.Post(t, base+"/notify/refundSuccess", payBody, payHeader); status != http.StatusUnauthorized {
		t.Fatalf("pay callback at the refund URL: %d", status)
	}
}

func TestMockProviderTakesNoCallbacks(t *testing.T) {
	p, err := payment.New(&config.Config{Demo: true})
	if err != nil {
		t.Fatal(err)
	}
	c := &calls{}
	app := apptest.New(t, func(app core.App) { payment.Register(app, p, c.callbacks()) })
	base := apptest.Serve(t, app)
	status, _ := wechatpaytest.Post(t, base+"/notify/paySuccess",
		[]byte(`{"resource":{"ciphertext":"x"}}`), http.Header{"Content-Type": {"application/json"}})
	if status != http.StatusUnauthorized || c.paidCount() != 0 {
		t.Fatalf("mock accepted a callback: %d", status)
	}
}

// The whole path as the order module will wire it: a callback delivered twice records one payment.
func TestRepeatedCallbackRecordsOnePayment(t *testing.T) {
	fake, p := wechatPay(t)
	var app core.App
	var orderID string
	var created atomic.Int32
	onPaid := func(app core.App, n payment.Notification) error {
		return app.RunInTransaction(func(tx core.App) error {
			ok, err := payment.RecordPayment(tx, payment.Entry{OrderID: orderID, Provider: n.Provider, OutNo: n.OutTradeNo,
				TransactionID: n.TransactionID, Amount: n.Amount, Raw: n.Raw})
			if ok {
				created.Add(1)
			}
			return err
		})
	}
	testApp := apptest.New(t, func(a core.App) { payment.Register(a, p, payment.Callbacks{OnPaid: onPaid}) })
	app = testApp
	orderID = newOrder(t, app, "1763900000305", 2350).Id
	base := apptest.Serve(t, testApp)
	if _, err := p.Prepay(context.Background(), order("1763900000305", 2350)); err != nil {
		t.Fatal(err)
	}
	_, body, header := fake.Pay(t, "1763900000305")
	for range 2 {
		if status, reply := wechatpaytest.Post(t, base+"/notify/paySuccess", body, header); status != http.StatusOK {
			t.Fatalf("reply %d %s", status, reply)
		}
	}
	rows, _ := app.FindAllRecords("payments", dbx.HashExp{"order": orderID})
	if created.Load() != 1 || len(rows) != 1 {
		t.Fatalf("created %d times, %d rows", created.Load(), len(rows))
	}
	if strings.Contains(rows[0].GetString("raw"), "ciphertext") {
		t.Fatal("the ledger keeps the encrypted envelope instead of the transaction")
	}
}
