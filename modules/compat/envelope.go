// Package compat is the wire format of the sky-take-out compatible REST API that every module shares: the
// {code,msg,data} envelope and business errors, the lenient JSON types (ids, numbers, money, times) and request
// decoding (docs/compat-api.md §1). It imports no module but the clock (times are written in the shop's zone).
package compat

import (
	"errors"
	"net/http"

	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Result is the envelope of every compat response. All three keys are always present, as in the original.
type Result struct {
	Code int     `json:"code"`
	Msg  *string `json:"msg"`
	Data any     `json:"data"`
}

// PageResult is the paged list the original returns inside data.
type PageResult[T any] struct {
	Total   int64 `json:"total"`
	Records []T   `json:"records"`
}

// Action is the shape of a compat handler: it returns the data of a successful answer or an error.
type Action func(e *core.RequestEvent) (any, error)

// Handle turns an Action into a route handler that writes the envelope. A business error becomes
// code 0 with its message; anything unexpected is logged and answered as code 0 `未知错误`,
// so a client never sees an HTTP 500 from a compat route.
func Handle(action Action) func(e *core.RequestEvent) error {
	return func(e *core.RequestEvent) error {
		data, err := action(e)
		if err != nil {
			return WriteError(e, err)
		}
		return e.JSON(http.StatusOK, Result{Code: 1, Data: data})
	}
}

// WriteError answers err as a code 0 envelope.
func WriteError(e *core.RequestEvent, err error) error {
	msg := MessageOf(err)
	if msg == MsgUnknownError {
		e.App.Logger().Error("compat request failed", "method", e.Request.Method, "path", e.Request.URL.Path, "error", err)
	}
	return e.JSON(http.StatusOK, Result{Code: 0, Msg: &msg})
}

// MessageOf returns the message a client sees for err.
func MessageOf(err error) string {
	var be *Error
	if errors.As(err, &be) {
		return be.Msg
	}
	var ae *router.ApiError
	if errors.As(err, &ae) && ae.Status < 500 {
		return ae.Message
	}
	if msg, ok := validationMessage(err); ok {
		return msg
	}
	return MsgUnknownError
}
