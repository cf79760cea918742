package payment

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
)

// notifyReply is the answer WeChat Pay expects from a callback: SUCCESS, or FAIL to have it sent again.
type notifyReply struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

var notifyOK = notifyReply{Code: "SUCCESS", Message: "SUCCESS"}

func bindRoutes(se *core.ServeEvent, provider Provider, cb Callbacks) {
	// The original maps the pay callback for any method; WeChat POSTs.
	se.Router.Any("/notify/paySuccess", func(e *core.RequestEvent) error {
		n, err := provider.ParsePayNotification(e.Request)
		if err != nil {
			return refuse(e, "pay", err)
		}
		if n.TradeState != TradeSuccess {
			e.App.Logger().Info("pay callback without success acknowledged", "out_trade_no", n.OutTradeNo, "trade_state", n.TradeState)
			return e.JSON(http.StatusOK, notifyOK)
		}
		if cb.OnPaid == nil {
			return failed(e, "pay", n.OutTradeNo, errors.New("no handler for payments is registered"))
		}
		if err := cb.OnPaid(e.App, n); err != nil {
			return failed(e, "pay", n.OutTradeNo, err)
		}
		return e.JSON(http.StatusOK, notifyOK)
	})
	se.Router.Any("/notify/refundSuccess", func(e *core.RequestEvent) error {
		n, err := provider.ParseRefundNotification(e.Request)
		if err != nil {
			return refuse(e, "refund", err)
		}
		if cb.OnRefunded != nil {
			if err := cb.OnRefunded(e.App, n); err != nil {
				return failed(e, "refund", n.OutTradeNo, err)
			}
		}
		return e.JSON(http.StatusOK, notifyOK)
	})
}

// refuse answers a callback that is not WeChat Pay's own (or not readable) and changes nothing.
func refuse(e *core.RequestEvent, kind string, err error) error {
	e.App.Logger().Warn("refused a "+kind+" callback", "remote", e.RealIP(), "error", err)
	status, msg := http.StatusUnauthorized, "签名验证失败"
	if !errors.Is(err, ErrBadNotification) {
		status, msg = http.StatusBadRequest, "通知无法读取"
	}
	return e.JSON(status, notifyReply{Code: "FAIL", Message: msg})
}

// failed answers a verified callback we could not handle yet; WeChat Pay sends it again later.
func failed(e *core.RequestEvent, kind, outTradeNo string, err error) error {
	e.App.Logger().Error("handling a "+kind+" callback failed; WeChat Pay will retry", "out_trade_no", outTradeNo, "error", err)
	return e.JSON(http.StatusInternalServerError, notifyReply{Code: "FAIL", Message: "处理失败，请稍后重试"})
}
