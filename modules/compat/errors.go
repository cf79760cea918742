package compat

import (
	"errors"
	"fmt"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
	"github.com/pocketbase/pocketbase/tools/router"
)

// Error is a business error: the client sees Msg with code 0.
type Error struct{ Msg string }

func (e *Error) Error() string { return e.Msg }

// Fail returns a business error with msg.
func Fail(msg string) error { return &Error{Msg: msg} }

// Failf returns a business error with a formatted message.
func Failf(format string, args ...any) error { return &Error{Msg: fmt.Sprintf(format, args...)} }

// Save stores a record and maps its validation failures to the messages a client understands:
// a unique-index clash becomes `'<value>'已存在` as in the original; MessageOf renders other field errors
// in Chinese, naming each field (validation_messages.go).
func Save(app core.App, r *core.Record) error {
	err := app.Save(r)
	if err == nil {
		return nil
	}
	var verrs validation.Errors
	if errors.As(err, &verrs) {
		for _, field := range sortedKeys(verrs) {
			var ve validation.Error
			if errors.As(verrs[field], &ve) && ve.Code() == "validation_not_unique" {
				return Failf("'%s'%s", r.GetString(field), MsgAlreadyExists)
			}
		}
	}
	return err
}

// FieldError refuses one field of a record with msg, from whichever API saves it: PocketBase's record API
// answers 400 with msg as its message (the dashboard shows it, and under the field), our routes code 0 with msg.
func FieldError(field, msg string) error {
	var data any
	if field != "" {
		data = validation.Errors{field: validation.NewError("myrestaurant_rule", msg)}
	}
	err := router.NewBadRequestError("", data)
	err.Message = msg // as written: NewBadRequestError would end it with an English full stop
	return err
}
