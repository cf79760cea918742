package payment_test

import (
	"bytes"
	"crypto"
	"crypto/rand"
	"crypto/rsa"
	"crypto/sha256"
	"encoding/base64"
	"errors"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"testing"
	"time"

	"myrestaurant/modules/payment"
	"myrestaurant/modules/payment/wechatpaytest"
)

// How a fuzz case signs the callback it sends.
const (
	signAsGiven      = iota // the fuzzed headers as they are: a forgery unless they happen to hold a real signature
	signWithPlatform        // signed by the platform key: may be accepted, must never panic
	signThenTamper          // signed by the platform key, then one byte of the body changed: must be refused
	signWithMerchant        // a well-formed signature by the wrong key (the merchant's): must be refused
	signModes
)

// FuzzParsePayNotification feeds arbitrary bodies and Wechatpay-* headers to the WeChat Pay callback parser.
// Properties: it never panics; whatever it accepts carries a signature of the platform key over exactly the
// body received, with our platform serial and a fresh timestamp; an accepted notification names an order, a
// transaction and a trade state.
//
//	go test -run '^$' -fuzz FuzzParsePayNotification -fuzztime 30s ./modules/payment
func FuzzParsePayNotification(f *testing.F) {
	fake := wechatpaytest.New(f)
	p, err := payment.New(fake.Config)
	if err != nil {
		f.Fatal(err)
	}

	valid, header := fake.PayNotification(f, "1763900000401", "4200000000000000000000000401", 2350)
	refund, refundHeader := fake.RefundNotification(f, "1763900000401", "R1", "5030000001", "SUCCESS", 100, 2350)
	seed := func(body []byte, h http.Header, mode uint8) {
		f.Add(body, h.Get("Wechatpay-Serial"), h.Get("Wechatpay-Timestamp"), h.Get("Wechatpay-Nonce"),
			h.Get("Wechatpay-Signature"), mode)
	}
	for mode := uint8(0); mode < signModes; mode++ {
		seed(valid, header, mode)
		seed(refund, refundHeader, mode)
	}
	now := strconv.FormatInt(time.Now().Unix(), 10)
	for _, body := range []string{"", "{}", "null", "[]", `{"resource":{}}`, `{"event_type":"TRANSACTION.SUCCESS"}`,
		`{"event_type":"TRANSACTION.SUCCESS","resource":{"algorithm":"AEAD_AES_256_GCM","nonce":"n","ciphertext":"!!"}}`,
		`{"event_type":"TRANSACTION.SUCCESS","resource":{"algorithm":"AEAD_AES_256_GCM","nonce":"","ciphertext":""}}`,
		`{"event_type":"TRANSACTION.SUCCESS","resource":{"algorithm":"AEAD_AES_256_GCM","nonce":"0123456789ab","ciphertext":"AAAA"}}`,
		"\x00\xff", strings.Repeat("{", 10000)} {
		for mode := uint8(0); mode < signModes; mode++ {
			f.Add([]byte(body), wechatpaytest.PlatformSerial, now, "nonce", "c2lnbmF0dXJl", mode)
		}
	}
	f.Add(valid, "WECHATPAY/SIGNTEST/"+wechatpaytest.PlatformSerial, now, "n", "WECHATPAY/SIGNTEST/AAAA", uint8(signAsGiven))
	f.Add(valid, wechatpaytest.PlatformSerial, "-99999999999999999999", "n", "", uint8(signAsGiven))

	f.Fuzz(func(t *testing.T, body []byte, serial, ts, nonce, signature string, mode uint8) {
		mode %= signModes
		sent := body
		h := http.Header{}
		h.Set("Content-Type", "application/json")
		h.Set("Wechatpay-Serial", serial)
		h.Set("Wechatpay-Timestamp", ts)
		h.Set("Wechatpay-Nonce", nonce)
		h.Set("Wechatpay-Signature", signature)
		switch mode {
		case signWithPlatform, signThenTamper:
			h = fake.Sign(t, body, wechatpaytest.PlatformSerial, time.Now())
			if mode == signThenTamper {
				sent = tamper(body)
			}
		case signWithMerchant:
			h = fake.Sign(t, body, wechatpaytest.PlatformSerial, time.Now())
			h.Set("Wechatpay-Signature", signBy(t, fake.MerchantKey, h, body))
		}

		req := httptest.NewRequest(http.MethodPost, "/notify/paySuccess", bytes.NewReader(sent))
		for k, v := range h {
			req.Header[k] = v
		}
		n, err := p.ParsePayNotification(req)
		if err != nil {
			if !errors.Is(err, payment.ErrBadNotification) {
				t.Fatalf("refusal is not ErrBadNotification: %v", err)
			}
			return
		}
		switch mode {
		case signThenTamper:
			t.Fatalf("accepted a body changed after signing: %q", sent)
		case signWithMerchant:
			t.Fatalf("accepted a body signed by the merchant key: %q", sent)
		}
		if !signedByPlatform(fake, h, sent) {
			t.Fatalf("accepted a callback not signed by the platform key: headers %v body %q", h, sent)
		}
		if n.OutTradeNo == "" || n.TransactionID == "" || n.TradeState == "" {
			t.Fatalf("accepted an empty notification %+v", n)
		}
	})
}

// tamper changes one byte of body (or appends one to an empty body).
func tamper(body []byte) []byte {
	out := append([]byte(nil), body...)
	if len(out) == 0 {
		return []byte{' '}
	}
	out[len(out)/2] ^= 0x01
	return out
}

// signBy signs the callback message of h and body with key.
func signBy(t *testing.T, key *rsa.PrivateKey, h http.Header, body []byte) string {
	sum := sha256.Sum256([]byte(h.Get("Wechatpay-Timestamp") + "\n" + h.Get("Wechatpay-Nonce") + "\n" + string(body) + "\n"))
	sig, err := rsa.SignPKCS1v15(rand.Reader, key, crypto.SHA256, sum[:])
	if err != nil {
		t.Fatal(err)
	}
	return base64.StdEncoding.EncodeToString(sig)
}

// signedByPlatform is the oracle, written independently of the parser: the headers claim our platform key,
// carry a timestamp within five minutes, and a platform-key signature over exactly this body.
func signedByPlatform(fake *wechatpaytest.Fake, h http.Header, body []byte) bool {
	serial := strings.TrimSpace(h.Get("Wechatpay-Serial"))
	ts := strings.TrimSpace(h.Get("Wechatpay-Timestamp"))
	nonce := strings.TrimSpace(h.Get("Wechatpay-Nonce"))
	if !strings.EqualFold(strings.TrimLeft(serial, "0"), strings.TrimLeft(wechatpaytest.PlatformSerial, "0")) {
		return false
	}
	sec, err := strconv.ParseInt(ts, 10, 64)
	if err != nil || time.Since(time.Unix(sec, 0)).Abs() > 5*time.Minute {
		return false
	}
	sig, err := base64.StdEncoding.DecodeString(strings.TrimSpace(h.Get("Wechatpay-Signature")))
	if err != nil {
		return false
	}
	sum := sha256.Sum256([]byte(ts + "\n" + nonce + "\n" + string(body) + "\n"))
	return rsa.VerifyPKCS1v15(&fake.PlatformKey.PublicKey, crypto.SHA256, sum[:], sig) == nil
}
