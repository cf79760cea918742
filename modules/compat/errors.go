package compat

import (
	"errors"
	"fmt"

	validation "github.com/pocketbase/ozzo-validation/v4"
	"github.com/pocketbase/pocketbase/core"
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
