package order

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/alert"
	"myrestaurant/modules/payment"
)

func TestPayWithMockMarksTheOrderPaid(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	o := f.place(s)

	r := f.pay(s, o)
	expect(t, "pay", r, "")
	var vo map[string]any
	json.Unmarshal(r.Data, &vo)
	if len(vo) != 5 || vo["nonceStr"] != "" || vo["paySign"] != "" || vo["timeStamp"] != "" || vo["signType"] != "" || vo["packageStr"] != "" {
		t.Fatalf("OrderPaymentVO: %s", r.Data)
	}
	got := f.order(o.id)
	if got.Status() != ToBeConfirmed || got.PayStatus() != Paid || got.CheckoutTime().IsZero() {
		t.Fatalf("after pay: %d/%d", got.Status(), got.PayStatus())
	}
	if l := f.ledger(o.id); !slices.Equal(l, []string{fmt.Sprintf("pay/succeeded/%d", o.amount)}) {
		t.Fatalf("ledger %v", l)
	}
	if a := f.alerts(o.id); !slices.Equal(a, []int{alert.NewOrder}) {
		t.Fatalf("alerts %v", a)
	}
	expect(t, "pay again", f.pay(s, o), MsgOrderPaid)
	if a := f.alerts(o.id); len(a) != 1 {
		t.Fatalf("alerts after paying twice: %v", a)
	}
}

func TestPayRefusals(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s, other := f.customer(), f.customer()
	o := f.place(s)
	pay := func(who shopper, body map[string]any) apptest.Reply {
		return f.customerCall(who, "PUT", "/user/order/payment", body)
	}
	expect(t, "someone else's", pay(other, map[string]any{"orderNumber": o.number, "payMethod": 1}), MsgOrderNotFound)
	expect(t, "unknown number", pay(s, map[string]any{"orderNumber": "123", "payMethod": 1}), MsgOrderNotFound)
	expect(t, "no number", pay(s, map[string]any{"payMethod": 1}), MsgOrderNumberRequired)
	expect(t, "pay method", pay(s, map[string]any{"orderNumber": o.number, "payMethod": 9}), MsgPayMethodInvalid)
	expect(t, "cancel", f.customerCall(s, "PUT", path("/user/order/cancel/%d", o.id), nil), "")
	expect(t, "cancelled", f.pay(s, o), MsgOrderStatusError)
	if l := f.ledger(o.id); len(l) != 0 {
		t.Fatalf("refused payments left %v", l)
	}
}

func TestPaymentsOff(t *testing.T) {
	f := newFixture(t, nil)
	s := f.customer()
	o := f.place(s) // ordering works without payments
	expect(t, "pay", f.pay(s, o), MsgPaymentUnavailable)
	res, err := http.Post(f.base+"/notify/paySuccess", "application/json", strings.NewReader("{}"))
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNotFound {
		t.Fatalf("/notify without payments: HTTP %d", res.StatusCode)
	}
}

func mockPaid(o placed, amount int64) payment.Notification {
	return payment.Notification{Provider: payment.ProviderMock, OutTradeNo: o.number, TransactionID: "mock-" + o.number,
		Amount: amount, TradeState: payment.TradeSuccess}
}

// Five identical callbacks at once record one payment, move the order once and raise one alert.
func TestConcurrentCallbacksRecordOnePayment(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	o := f.place(s)
	var wg sync.WaitGroup
	moved := make([]bool, 5)
	errs := make([]error, 5)
	for i := range moved {
		wg.Add(1)
		go func() {
			defer wg.Done()
			moved[i], errs[i] = markPaid(f.app, mockPaid(o, o.amount))
		}()
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		t.Fatal(err)
	}
	if n := len(slices.DeleteFunc(slices.Clone(moved), func(b bool) bool { return !b })); n != 1 {
		t.Fatalf("%d calls moved the order", n)
	}
	if l := f.ledger(o.id); !slices.Equal(l, []string{fmt.Sprintf("pay/succeeded/%d", o.amount)}) {
		t.Fatalf("ledger %v", l)
	}
	if a := f.alerts(o.id); !slices.Equal(a, []int{alert.NewOrder}) {
		t.Fatalf("alerts %v", a)
	}
	if r := f.order(o.id); r.Status() != ToBeConfirmed || r.PayStatus() != Paid {
		t.Fatalf("order %d/%d", r.Status(), r.PayStatus())
	}
}

// Money that arrives after the timeout cancelled the order is recorded and given back.
func TestPaymentAfterTimeoutIsRefunded(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	o := f.place(s)
	if err := CancelUnpaid(f.app, time.Now().Add(PaymentWindow+time.Minute)); err != nil {
		t.Fatal(err)
	}
	moved, err := markPaid(f.app, mockPaid(o, o.amount))
	if err != nil || moved {
		t.Fatalf("moved %v err %v", moved, err)
	}
	r := f.order(o.id)
	if r.Status() != Cancelled || r.PayStatus() != Refunded || r.CancelReason() != TimeoutReason {
		t.Fatalf("order %d/%d %q", r.Status(), r.PayStatus(), r.CancelReason())
	}
	want := []string{fmt.Sprintf("pay/succeeded/%d", o.amount), fmt.Sprintf("refund/succeeded/%d", o.amount)}
	if l := f.ledger(o.id); !slices.Equal(l, want) {
		t.Fatalf("ledger %v", l)
	}
	if a := f.alerts(o.id); len(a) != 0 {
		t.Fatalf("alerts for a cancelled order: %v", a)
	}
	// The same callback again changes nothing.
	if _, err := markPaid(f.app, mockPaid(o, o.amount)); err != nil {
		t.Fatal(err)
	}
	if l := f.ledger(o.id); !slices.Equal(l, want) {
		t.Fatalf("ledger after a repeat %v", l)
	}
}

// The timeout job racing a payment leaves each order paid, or cancelled and refunded: never both, never neither.
func TestTimeoutRacingPayment(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	later := time.Now().Add(PaymentWindow + time.Minute)
	outcomes := map[string]int{}
	for round := 0; round < 12; round++ {
		o := f.place(s)
		var wg sync.WaitGroup
		var payErr, jobErr error
		wg.Add(2)
		go func() { defer wg.Done(); _, payErr = markPaid(f.app, mockPaid(o, o.amount)) }()
		go func() { defer wg.Done(); jobErr = CancelUnpaid(f.app, later) }()
		wg.Wait()
		if payErr != nil || jobErr != nil {
			t.Fatal(payErr, jobErr)
		}
		r := f.order(o.id)
		state := fmt.Sprintf("%d/%d %v", r.Status(), r.PayStatus(), f.ledger(o.id))
		paid := fmt.Sprintf("2/1 [pay/succeeded/%d]", o.amount)
		refunded := fmt.Sprintf("6/2 [pay/succeeded/%d refund/succeeded/%d]", o.amount, o.amount)
		switch state {
		case paid:
			outcomes["paid"]++
		case refunded:
			outcomes["refunded"]++
		default:
			t.Fatalf("round %d: %s", round, state)
		}
	}
	t.Logf("outcomes: %v", outcomes)
}

func TestPaymentOfTheWrongAmountIsRefunded(t *testing.T) {
	f := newFixture(t, mockProvider(t))
	s := f.customer()
	o := f.place(s)
	if _, err := markPaid(f.app, mockPaid(o, 1)); err != nil {
		t.Fatal(err)
	}
	r := f.order(o.id)
	if r.Status() != Cancelled || r.PayStatus() != Refunded {
		t.Fatalf("order %d/%d", r.Status(), r.PayStatus())
	}
	if l := f.ledger(o.id); !slices.Equal(l, []string{"pay/succeeded/1", "refund/succeeded/1"}) {
		t.Fatalf("ledger %v", l)
	}
}

// fakeWeChat stands in for WeChat Pay: prepay does not pay, callbacks carry a test signature, and queries and
// refunds answer what the test sets.
type fakeWeChat struct {
	mu          sync.Mutex
	trades      map[string]payment.QueryResult // by order number
	failRefunds int                            // refunds to fail before one goes through
	prepayErr   error                          // what prepay answers; nil for client parameters
	refundState string                         // status of refunds that go through; SUCCESS when empty
	expires     time.Time                      // the deadline of the last prepay
}

func newFakeWeChat() *fakeWeChat { return &fakeWeChat{trades: map[string]payment.QueryResult{}} }

func (*fakeWeChat) Name() string { return payment.ProviderWeChatPay }

func (w *fakeWeChat) Prepay(_ context.Context, o payment.Order) (payment.ClientParams, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.expires = o.Expires
	if w.prepayErr != nil {
		return payment.ClientParams{}, w.prepayErr
	}
	return payment.ClientParams{TimeStamp: "1700000000", NonceStr: "nonce", PackageStr: "prepay_id=wx" + o.OutTradeNo,
		SignType: "RSA", PaySign: "signature"}, nil
}

func (w *fakeWeChat) Refund(_ context.Context, r payment.Refund) (payment.RefundResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if w.failRefunds > 0 {
		w.failRefunds--
		return payment.RefundResult{}, errors.New("wechatpay: connection reset")
	}
	status := w.refundState
	if status == "" {
		status = payment.RefundSuccess
	}
	return payment.RefundResult{Provider: payment.ProviderWeChatPay, OutRefundNo: r.OutRefundNo, RefundID: "refund-" + r.OutRefundNo,
		Status: status, Amount: r.Amount}, nil
}

func (w *fakeWeChat) Query(_ context.Context, number string) (payment.QueryResult, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	if q, ok := w.trades[number]; ok {
		return q, nil
	}
	return payment.QueryResult{OutTradeNo: number, TradeState: payment.TradeNotPay}, nil
}

func (w *fakeWeChat) setTrade(q payment.QueryResult) {
	w.mu.Lock()
	defer w.mu.Unlock()
	w.trades[q.OutTradeNo] = q
}

// A callback is a JSON body {out_trade_no, transaction_id, amount} with the header X-Test-Signature: ok.
func (*fakeWeChat) ParsePayNotification(r *http.Request) (payment.Notification, error) {
	if r.Header.Get("X-Test-Signature") != "ok" {
		return payment.Notification{}, payment.ErrBadNotification
	}
	var n struct {
		OutTradeNo    string `json:"out_trade_no"`
		TransactionID string `json:"transaction_id"`
		Amount        int64  `json:"amount"`
	}
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &n); err != nil {
		return payment.Notification{}, err
	}
	return payment.Notification{Provider: payment.ProviderWeChatPay, OutTradeNo: n.OutTradeNo, TransactionID: n.TransactionID,
		Amount: n.Amount, TradeState: payment.TradeSuccess, Raw: body}, nil
}

func (*fakeWeChat) ParseRefundNotification(r *http.Request) (payment.RefundNotification, error) {
	if r.Header.Get("X-Test-Signature") != "ok" {
		return payment.RefundNotification{}, payment.ErrBadNotification
	}
	var n struct {
		OutTradeNo string `json:"out_trade_no"`
		RefundID   string `json:"refund_id"`
		Status     string `json:"refund_status"`
		Amount     int64  `json:"amount"`
	}
	body, _ := io.ReadAll(r.Body)
	if err := json.Unmarshal(body, &n); err != nil {
		return payment.RefundNotification{}, err
	}
	return payment.RefundNotification{Provider: payment.ProviderWeChatPay, OutTradeNo: n.OutTradeNo, OutRefundNo: n.OutTradeNo,
		RefundID: n.RefundID, Status: n.Status, Amount: n.Amount, Raw: body}, nil
}

func notify(t *testing.T, f *fixture, route, signature string, body any) int {
	t.Helper()
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest("POST", f.base+route, strings.NewReader(string(raw)))
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("X-Test-Signature", signature)
	res, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	res.Body.Close()
	return res.StatusCode
}

func TestWeChatPayCallbacks(t *testing.T) {
	wx := newFakeWeChat()
	f := newFixture(t, wx)
	s := f.customer()
	o := f.place(s)

	r := f.pay(s, o)
	expect(t, "prepay", r, "")
	if !strings.Contains(string(r.Data), `"packageStr":"prepay_id=wx`+o.number+`"`) {
		t.Fatalf("client params: %s", r.Data)
	}
	if got := f.order(o.id); got.Status() != PendingPayment {
		t.Fatal("a prepay alone marked the order paid")
	}
	if l := f.ledger(o.id); !slices.Equal(l, []string{fmt.Sprintf("pay/pending/%d", o.amount)}) {
		t.Fatalf("ledger after prepay %v", l)
	}
	cb := map[string]any{"out_trade_no": o.number, "transaction_id": "4200001", "amount": o.amount}
	if code := notify(t, f, "/notify/paySuccess", "forged", cb); code != http.StatusUnauthorized {
		t.Fatalf("forged callback: HTTP %d", code)
	}
	if f.order(o.id).Status() != PendingPayment {
		t.Fatal("a forged callback paid the order")
	}
	for i := 0; i < 2; i++ { // WeChat Pay repeats callbacks
		if code := notify(t, f, "/notify/paySuccess", "ok", cb); code != http.StatusOK {
			t.Fatalf("callback: HTTP %d", code)
		}
	}
	if got := f.order(o.id); got.Status() != ToBeConfirmed || got.PayStatus() != Paid {
		t.Fatalf("after callback %d/%d", got.Status(), got.PayStatus())
	}
	if l := f.ledger(o.id); !slices.Equal(l, []string{fmt.Sprintf("pay/succeeded/%d", o.amount)}) {
		t.Fatalf("ledger %v", l)
	}
	if a := f.alerts(o.id); !slices.Equal(a, []int{alert.NewOrder}) {
		t.Fatalf("alerts %v", a)
	}

	// A refund WeChat Pay is still processing marks the order refunded; its callback records the outcome.
	wx.refundState = payment.RefundProcessing
	expect(t, "reject", f.staffCall("PUT", "/admin/order/rejection", map[string]any{"id": o.id, "rejectionReason": "餐厅已打烊，暂时无法接单"}), "")
	if got := f.order(o.id); got.Status() != Cancelled || got.PayStatus() != Refunded {
		t.Fatalf("after reject %d/%d", got.Status(), got.PayStatus())
	}
	refund := map[string]any{"out_trade_no": o.number, "refund_id": "refund-" + o.number, "refund_status": "SUCCESS", "amount": o.amount}
	if code := notify(t, f, "/notify/refundSuccess", "ok", refund); code != http.StatusOK {
		t.Fatalf("refund callback: HTTP %d", code)
	}
	want := []string{fmt.Sprintf("pay/succeeded/%d", o.amount), fmt.Sprintf("refund/succeeded/%d", o.amount)}
	if l := f.ledger(o.id); !slices.Equal(l, want) {
		t.Fatalf("ledger after refund callback %v", l)
	}
}

func TestPrepayErrors(t *testing.T) {
	wx := newFakeWeChat()
	f := newFixture(t, wx)
	s := f.customer()
	o := f.place(s)
	wx.prepayErr = errors.New("wechatpay: timeout")
	expect(t, "provider down", f.pay(s, o), MsgPaymentFailed)
	wx.prepayErr = fmt.Errorf("wechatpay: %w", &payment.APIError{Status: 400, Code: "ORDERPAID", Message: "该订单已支付"})
	expect(t, "paid at WeChat, callback pending", f.pay(s, o), MsgOrderPaid)
	if f.order(o.id).Status() != PendingPayment {
		t.Fatal("a refused prepay changed the order")
	}
}

func TestReconciliation(t *testing.T) {
	wx := newFakeWeChat()
	f := newFixture(t, wx)
	s := f.customer()
	later := time.Now().Add(2 * time.Minute)

	// A callback that never came: the query finds the payment.
	lost := f.place(s)
	expect(t, "prepay", f.pay(s, lost), "")
	wx.setTrade(payment.QueryResult{OutTradeNo: lost.number, TransactionID: "4200002", TradeState: payment.TradeSuccess, Amount: lost.amount})

	// An order cancelled while its payment was open, which WeChat Pay then closed.
	closed := f.place(s)
	expect(t, "prepay", f.pay(s, closed), "")
	expect(t, "cancel", f.customerCall(s, "PUT", path("/user/order/cancel/%d", closed.id), nil), "")
	wx.setTrade(payment.QueryResult{OutTradeNo: closed.number, TradeState: payment.TradeClosed})

	// A paid order cancelled by staff whose refund failed the first time.
	owed := f.place(s)
	if _, err := markPaid(f.app, payment.Notification{Provider: payment.ProviderWeChatPay, OutTradeNo: owed.number,
		TransactionID: "4200003", Amount: owed.amount, TradeState: payment.TradeSuccess}); err != nil {
		t.Fatal(err)
	}
	wx.failRefunds = 1
	expect(t, "staff cancel", f.staffCall("PUT", "/admin/order/cancel", map[string]any{"id": owed.id, "cancelReason": "骑手不足无法配送"}), "")
	if got := f.order(owed.id); got.Status() != Cancelled || got.PayStatus() != Paid {
		t.Fatalf("refund failed: %d/%d", got.Status(), got.PayStatus())
	}

	if err := ReconcilePayments(f.app, later); err != nil {
		t.Fatal(err)
	}
	if got := f.order(lost.id); got.Status() != ToBeConfirmed || got.PayStatus() != Paid {
		t.Fatalf("lost callback: %d/%d", got.Status(), got.PayStatus())
	}
	if a := f.alerts(lost.id); !slices.Equal(a, []int{alert.NewOrder}) {
		t.Fatalf("lost callback alerts %v", a)
	}
	if l := f.ledger(closed.id); !slices.Equal(l, []string{fmt.Sprintf("pay/failed/%d", closed.amount)}) {
		t.Fatalf("closed payment ledger %v", l)
	}
	if got := f.order(owed.id); got.PayStatus() != Refunded {
		t.Fatalf("owed refund not retried: pay_status %d", got.PayStatus())
	}
	// Nothing is left to do.
	before := fmt.Sprint(f.ledger(lost.id), f.ledger(closed.id), f.ledger(owed.id))
	if err := ReconcilePayments(f.app, later); err != nil {
		t.Fatal(err)
	}
	if after := fmt.Sprint(f.ledger(lost.id), f.ledger(closed.id), f.ledger(owed.id)); after != before {
		t.Fatalf("second run changed the ledger:\n%s\n%s", before, after)
	}
}
