package compat

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/pocketbase/pocketbase/core"
)

// MaxBodyBytes bounds a compat JSON body; the largest real one (a set meal with its dishes) is a few KB.
const MaxBodyBytes = 1 << 20

// DecodeBody reads the JSON body into dst. Unknown fields are ignored, as in the original; an empty body
// leaves dst as it is. Malformed JSON, wrong types and oversized bodies give a business error.
func DecodeBody(e *core.RequestEvent, dst any) error {
	body, err := io.ReadAll(http.MaxBytesReader(e.Response, e.Request.Body, MaxBodyBytes))
	if err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			return Fail(MsgBodyTooLarge)
		}
		return Fail(MsgBadRequest)
	}
	if len(strings.TrimSpace(string(body))) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, dst); err != nil {
		return Failf("%s：%s", MsgBadRequest, describeJSONError(err))
	}
	return nil
}

func describeJSONError(err error) string {
	if errors.Is(err, ErrSubCent) {
		return MsgMoneySubCent
	}
	var typeErr *json.UnmarshalTypeError
	if errors.As(err, &typeErr) && typeErr.Field != "" {
		return fmt.Sprintf(msgFieldTypeFormat, typeErr.Field)
	}
	var syntaxErr *json.SyntaxError
	if errors.As(err, &syntaxErr) {
		return msgJSONSyntax
	}
	return msgFieldType
}

// Query is the first value of a query parameter, as e.Request.URL.Query().Get(name) gives it, without
// parsing the whole query into a map: it runs on every menu read.
func Query(e *core.RequestEvent, name string) string {
	rest := e.Request.URL.RawQuery
	for rest != "" {
		var pair string
		pair, rest, _ = strings.Cut(rest, "&")
		if pair == "" {
			continue // "a=1&&b=2": net/url skips empty pairs
		}
		if strings.Contains(pair, ";") {
			continue // url.ParseQuery refuses these pairs too
		}
		key, value, _ := strings.Cut(pair, "=")
		if key, err := url.QueryUnescape(key); err != nil || key != name {
			continue
		}
		value, err := url.QueryUnescape(value)
		if err != nil {
			continue
		}
		return value
	}
	return ""
}

// QueryInt reads a lenient integer query parameter; empty is not Valid.
func QueryInt(e *core.RequestEvent, name string) (Int, error) {
	n, err := ParseInt(Query(e, name))
	if err != nil {
		return Int{}, Failf(msgParamNotIntFormat, name)
	}
	return n, nil
}

// QueryID reads a record id from the query string; a missing or malformed one is a business error.
func QueryID(e *core.RequestEvent, name string) (ID, error) {
	return requireID(Query(e, name), name)
}

// PathID reads a record id from the path.
func PathID(e *core.RequestEvent, name string) (ID, error) {
	return requireID(e.Request.PathValue(name), name)
}

func requireID(s, name string) (ID, error) {
	id := ParseID(s)
	if id == 0 {
		return 0, Failf(msgParamInvalidFormat, name)
	}
	return id, nil
}

// QueryIDs reads a comma-separated id list such as `ids=1,2,3`.
func QueryIDs(e *core.RequestEvent, name string) ([]ID, error) {
	raw := strings.TrimSpace(Query(e, name))
	if raw == "" {
		return nil, Failf(msgParamRequiredFormat, name)
	}
	parts := strings.Split(raw, ",")
	if len(parts) > 1000 {
		return nil, Failf(msgParamTooManyFormat, name)
	}
	ids := make([]ID, 0, len(parts))
	for _, p := range parts {
		id, err := requireID(p, name)
		if err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// PathStatus reads the 0/1 status path parameter of the status routes.
func PathStatus(e *core.RequestEvent) (int, error) {
	n, err := ParseInt(e.Request.PathValue("status"))
	if err != nil || !n.Valid || (n.Value != 0 && n.Value != 1) {
		return 0, Fail(MsgStatusInvalid)
	}
	return int(n.Value), nil
}

// MaxPageSize caps pageSize; the original admin asks for at most 1000 rows (the set meal dish picker).
const MaxPageSize = 1000

// Page is the paging of a list request.
type Page struct {
	Page, Size int
}

// Offset is the number of rows before the page.
func (p Page) Offset() int { return (p.Page - 1) * p.Size }

// QueryPage reads `page` and `pageSize`: missing or non-positive values fall back to 1 and 10, and the
// size is capped at MaxPageSize.
func QueryPage(e *core.RequestEvent) (Page, error) {
	page, err := QueryInt(e, "page")
	if err != nil {
		return Page{}, err
	}
	size, err := QueryInt(e, "pageSize")
	if err != nil {
		return Page{}, err
	}
	p := Page{Page: 1, Size: 10}
	if page.Valid && page.Value > 0 && page.Value < 1<<31/MaxPageSize {
		p.Page = int(page.Value)
	}
	if size.Valid && size.Value > 0 {
		p.Size = int(min(size.Value, MaxPageSize))
	}
	return p, nil
}
