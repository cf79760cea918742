package payment_test

import (
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"myrestaurant/modules/payment"
)

// A browser customer has no openid: the payment is a Native order, whose code URL the storefront shows as a QR
// code for WeChat to scan; paying it is confirmed by the same callback as a JSAPI payment.
func TestNativePrepayGivesACodeURLToScan(t *testing.T) {
	fake, p := wechatPay(t)
	o := order("1763900000002", 1990)
	o.OpenID, o.Native = "", true
	params, err := p.Prepay(context.Background(), o)
	if err != nil {
		t.Fatal(err)
	}
	placed, ok := fake.Order("1763900000002")
	if !ok || placed.Total != 1990 || placed.OpenID != "" || placed.CodeURL == "" {
		t.Fatalf("WeChat Pay got %+v", placed)
	}
	if params.PaidNow || params.CodeURL != placed.CodeURL || !strings.HasPrefix(params.CodeURL, "weixin://") ||
		params.PackageStr != "" || params.PaySign != "" {
		t.Fatalf("params = %+v", params)
	}
	raw, _ := json.Marshal(params)
	if !strings.Contains(string(raw), `"codeUrl":"weixin://`) {
		t.Fatalf("client params JSON %s lacks codeUrl", raw)
	}
	// Paying it again after the customer scanned is refused as WeChat Pay refuses it.
	fake.Pay(t, "1763900000002")
	if _, err := p.Prepay(context.Background(), o); !errors.Is(err, payment.ErrOrderPaid) {
		t.Fatalf("prepay of a paid order: %v", err)
	}
	// A JSAPI payment still needs the payer.
	o2 := order("1763900000003", 100)
	o2.OpenID = ""
	if _, err := p.Prepay(context.Background(), o2); err == nil {
		t.Fatal("a JSAPI prepay without openid was sent")
	}
	// The mini-program's JSAPI answer carries no codeUrl.
	jsapi, err := p.Prepay(context.Background(), order("1763900000004", 100))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ = json.Marshal(jsapi)
	if strings.Contains(string(raw), "codeUrl") {
		t.Fatalf("JSAPI params %s", raw)
	}
}
