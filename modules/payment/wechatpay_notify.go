package payment

import (
	"crypto/aes"
	"crypto/cipher"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"strings"
)

// notifyEnvelope is the outer JSON of a WeChat Pay v3 callback; the business data is the encrypted resource.
type notifyEnvelope struct {
	ID           string `json:"id"`
	EventType    string `json:"event_type"`
	ResourceType string `json:"resource_type"`
	Resource     struct {
		Algorithm      string `json:"algorithm"`
		Ciphertext     string `json:"ciphertext"`
		AssociatedData string `json:"associated_data"`
		Nonce          string `json:"nonce"`
		OriginalType   string `json:"original_type"`
	} `json:"resource"`
}

// ParsePayNotification verifies a TRANSACTION.SUCCESS callback and decrypts the transaction in it.
func (w *weChatPay) ParsePayNotification(r *http.Request) (Notification, error) {
	plain, err := w.openNotification(r, "transaction", func(event string) bool { return event == "TRANSACTION.SUCCESS" })
	if err != nil {
		return Notification{}, err
	}
	var tx struct {
		AppID         string     `json:"appid"`
		MchID         string     `json:"mchid"`
		OutTradeNo    string     `json:"out_trade_no"`
		TransactionID string     `json:"transaction_id"`
		TradeState    string     `json:"trade_state"`
		Amount        amountJSON `json:"amount"`
	}
	if err := json.Unmarshal(plain, &tx); err != nil {
		return Notification{}, fmt.Errorf("%w: transaction is not JSON", ErrBadNotification)
	}
	if err := w.ours(tx.AppID, tx.MchID); err != nil {
		return Notification{}, err
	}
	if tx.OutTradeNo == "" || tx.TransactionID == "" || tx.TradeState == "" {
		return Notification{}, fmt.Errorf("%w: transaction lacks out_trade_no, transaction_id or trade_state", ErrBadNotification)
	}
	return Notification{Provider: ProviderWeChatPay, OutTradeNo: tx.OutTradeNo, TransactionID: tx.TransactionID,
		Amount: tx.Amount.Total, TradeState: tx.TradeState, Raw: plain}, nil
}

// ParseRefundNotification verifies a REFUND.* callback and decrypts the refund in it.
func (w *weChatPay) ParseRefundNotification(r *http.Request) (RefundNotification, error) {
	plain, err := w.openNotification(r, "refund", func(event string) bool { return strings.HasPrefix(event, "REFUND.") })
	if err != nil {
		return RefundNotification{}, err
	}
	var rf struct {
		MchID         string     `json:"mchid"`
		OutTradeNo    string     `json:"out_trade_no"`
		TransactionID string     `json:"transaction_id"`
		OutRefundNo   string     `json:"out_refund_no"`
		RefundID      string     `json:"refund_id"`
		RefundStatus  string     `json:"refund_status"`
		Amount        amountJSON `json:"amount"`
	}
	if err := json.Unmarshal(plain, &rf); err != nil {
		return RefundNotification{}, fmt.Errorf("%w: refund is not JSON", ErrBadNotification)
	}
	if err := w.ours("", rf.MchID); err != nil {
		return RefundNotification{}, err
	}
	if rf.OutRefundNo == "" || rf.RefundID == "" || rf.RefundStatus == "" {
		return RefundNotification{}, fmt.Errorf("%w: refund lacks out_refund_no, refund_id or refund_status", ErrBadNotification)
	}
	return RefundNotification{Provider: ProviderWeChatPay, OutTradeNo: rf.OutTradeNo, OutRefundNo: rf.OutRefundNo,
		RefundID: rf.RefundID, TransactionID: rf.TransactionID, Status: rf.RefundStatus, Amount: rf.Amount.Refund,
		Raw: plain}, nil
}

// openNotification reads a callback, checks its signature, its event and resource type, and decrypts the resource.
func (w *weChatPay) openNotification(r *http.Request, originalType string, wantEvent func(string) bool) ([]byte, error) {
	body, err := readLimited(r.Body)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadNotification, err)
	}
	if err := w.verify(r.Header, body); err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadNotification, err)
	}
	var env notifyEnvelope
	if err := json.Unmarshal(body, &env); err != nil {
		return nil, fmt.Errorf("%w: body is not JSON", ErrBadNotification)
	}
	if !wantEvent(env.EventType) {
		return nil, fmt.Errorf("%w: unexpected event %q", ErrBadNotification, env.EventType)
	}
	if env.Resource.OriginalType != "" && env.Resource.OriginalType != originalType {
		return nil, fmt.Errorf("%w: resource is a %q, expected a %q", ErrBadNotification, env.Resource.OriginalType, originalType)
	}
	plain, err := decryptResource(w.apiV3Key, env.Resource.Algorithm, env.Resource.Nonce, env.Resource.AssociatedData, env.Resource.Ciphertext)
	if err != nil {
		return nil, fmt.Errorf("%w: %v", ErrBadNotification, err)
	}
	return plain, nil
}

// ours refuses a callback for another merchant or app; the signature alone proves only that WeChat sent it.
func (w *weChatPay) ours(appID, mchID string) error {
	if mchID != "" && mchID != w.mchID {
		return fmt.Errorf("%w: for merchant %s", ErrBadNotification, mchID)
	}
	if appID != "" && appID != w.appID {
		return fmt.Errorf("%w: for app %s", ErrBadNotification, appID)
	}
	return nil
}

// decryptResource opens an AEAD_AES_256_GCM resource: key = APIv3 key, nonce and associated data as given,
// ciphertext base64 with the 16-byte tag at its end.
func decryptResource(key []byte, algorithm, nonce, associatedData, ciphertext string) ([]byte, error) {
	if algorithm != "AEAD_AES_256_GCM" {
		return nil, fmt.Errorf("unsupported algorithm %q", algorithm)
	}
	if nonce == "" {
		return nil, errors.New("resource has no nonce")
	}
	sealed, err := base64.StdEncoding.DecodeString(ciphertext)
	if err != nil {
		return nil, errors.New("ciphertext is not base64")
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	gcm, err := cipher.NewGCMWithNonceSize(block, len(nonce))
	if err != nil {
		return nil, err
	}
	plain, err := gcm.Open(nil, []byte(nonce), sealed, []byte(associatedData))
	if err != nil {
		return nil, errors.New("resource does not decrypt with our APIv3 key")
	}
	return plain, nil
}
