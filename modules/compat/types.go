package compat

import (
	"bytes"
	"encoding/json"
	"errors"
	"math"
	"strconv"
	"strings"
	"time"

	"myrestaurant/modules/clock"
)

// The original's clients send numbers as strings from text inputs ("price":"56", "sort":"3") and strings as
// numbers (the address label 1/2/3). The types below read both; they are the only JSON types for ids, money,
// times and lenient numbers in the compat API.

var errNotNumber = errors.New("not a number")

// rawScalar returns the text of a JSON number or string token, and whether it was null or an empty string.
func rawScalar(b []byte) (text string, empty bool, err error) {
	b = bytes.TrimSpace(b)
	if len(b) == 0 || string(b) == "null" {
		return "", true, nil
	}
	if b[0] == '"' {
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return "", false, err
		}
		s = strings.TrimSpace(s)
		return s, s == "", nil
	}
	if b[0] == '-' || (b[0] >= '0' && b[0] <= '9') {
		return string(b), false, nil
	}
	return "", false, errNotNumber
}

// parseInt reads a whole number, also written as 3.0 or 3e2.
func parseInt(s string) (int64, error) {
	if n, err := strconv.ParseInt(s, 10, 64); err == nil {
		return n, nil
	}
	f, err := strconv.ParseFloat(s, 64)
	if err != nil || f != math.Trunc(f) || math.Abs(f) > 1<<53 {
		return 0, errNotNumber
	}
	return int64(f), nil
}

// ID is a record id of the compat collections: 15 digits, written as a JSON number, read from a number or a
// string. Zero means absent and is written as null.
type ID int64

// ParseID reads a record id; anything that is not a positive integer gives 0.
func ParseID(s string) ID {
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 {
		return 0
	}
	return ID(n)
}

// NewID is a fresh id for the rows the order path writes (orders, their items, payments, alerts): 15 digits,
// growing with time (see record_ids.go).
func NewID() ID { return nextTimeOrderedID() }

// String is the id as PocketBase stores it, or "" for the zero id.
func (id ID) String() string {
	if id <= 0 {
		return ""
	}
	return strconv.FormatInt(int64(id), 10)
}

func (id ID) MarshalJSON() ([]byte, error) {
	if id == 0 {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatInt(int64(id), 10)), nil
}

func (id *ID) UnmarshalJSON(b []byte) error {
	s, empty, err := rawScalar(b)
	if err != nil {
		return err
	}
	if empty {
		*id = 0
		return nil
	}
	n, err := parseInt(s)
	if err != nil || n < 0 {
		return errors.New("invalid id")
	}
	*id = ID(n)
	return nil
}

// Int is a lenient integer: a JSON number or numeric string. Valid is false for null, "" or an absent field,
// which is what the original's partial updates test for.
type Int struct {
	Value int64
	Valid bool
}

// IntOf returns a valid Int.
func IntOf(n int64) Int { return Int{Value: n, Valid: true} }

func (n Int) MarshalJSON() ([]byte, error) {
	if !n.Valid {
		return []byte("null"), nil
	}
	return []byte(strconv.FormatInt(n.Value, 10)), nil
}

func (n *Int) UnmarshalJSON(b []byte) error {
	s, empty, err := rawScalar(b)
	if err != nil {
		return err
	}
	if empty {
		*n = Int{}
		return nil
	}
	v, err := parseInt(s)
	if err != nil {
		return err
	}
	*n = Int{Value: v, Valid: true}
	return nil
}

// ParseInt reads a lenient integer from a query-string value; "" is not Valid.
func ParseInt(s string) (Int, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Int{}, nil
	}
	v, err := parseInt(s)
	if err != nil {
		return Int{}, err
	}
	return IntOf(v), nil
}

// Text is a lenient string: a JSON string, or a number kept as its text. Valid is false for null or absent.
type Text struct {
	Value string
	Valid bool
}

func (t Text) MarshalJSON() ([]byte, error) {
	if !t.Valid {
		return []byte("null"), nil
	}
	return json.Marshal(t.Value)
}

func (t *Text) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*t = Text{}
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return err
		}
		*t = Text{Value: s, Valid: true}
	case string(b) == "true" || string(b) == "false":
		*t = Text{Value: string(b), Valid: true}
	default:
		if _, err := strconv.ParseFloat(string(b), 64); err != nil {
			return errors.New("expected a string")
		}
		*t = Text{Value: string(b), Valid: true}
	}
	return nil
}

// MaxMoneyCents is the largest amount the original's decimal(10,2) columns hold.
const MaxMoneyCents = 99_999_999_99

// Money is an amount in integer cents, written as a number with two decimals (56.00) and read from a
// number or numeric string: a whole number of cents, or within floating-point noise of one (see ParseMoney).
// Valid is false for null or absent.
type Money struct {
	Cents int64
	Valid bool
}

// Cents returns a valid Money.
func Cents(c int64) Money { return Money{Cents: c, Valid: true} }

func (m Money) String() string {
	c := m.Cents
	sign := ""
	if c < 0 {
		sign, c = "-", -c
	}
	return sign + strconv.FormatInt(c/100, 10) + "." + twoDigits(c%100)
}

func twoDigits(n int64) string {
	if n < 10 {
		return "0" + strconv.FormatInt(n, 10)
	}
	return strconv.FormatInt(n, 10)
}

func (m Money) MarshalJSON() ([]byte, error) {
	if !m.Valid {
		return []byte("null"), nil
	}
	return []byte(m.String()), nil
}

func (m *Money) UnmarshalJSON(b []byte) error {
	s, empty, err := rawScalar(b)
	if err != nil {
		return err
	}
	if empty {
		*m = Money{}
		return nil
	}
	c, err := ParseMoney(s)
	if err != nil {
		return err
	}
	*m = Cents(c)
	return nil
}

// ErrSubCent refuses an amount with a real part below one cent (68.705); the client sees MsgMoneySubCent.
var ErrSubCent = errors.New("amount has a part below one cent")

// MoneyNoise is how far, relative to the amount, a client's number may lie from a whole cent and still be read
// as that cent: floating-point noise, not a sub-cent part. JavaScript clients sum prices in IEEE doubles
// (3 × 19.90 + 9 gives 68.69999999999999), whose error is about 1e-16 of the amount per addition, so a sum of
// thousands of prices stays far below 1e-12; a third decimal that a person writes is at least 1e-11 of the
// largest amount (0.001 of 99999999.99). Below 1 yuan the allowance stays that of 1 yuan (1e-10 cents).
const MoneyNoise = 1e-12

// ParseMoney reads a decimal amount such as "56", "56.5" or "-0.01" into cents. More than two decimals are
// read only when the rest is floating-point noise within MoneyNoise of a whole cent (68.69999999999999 is 68.70,
// 15.600000000000001 is 15.60); a real sub-cent part (68.705) gives ErrSubCent. Exponents and amounts beyond
// MaxMoneyCents are refused rather than rounded.
func ParseMoney(s string) (int64, error) {
	s = strings.TrimSpace(s)
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(strings.TrimPrefix(s, "-"), "+")
	whole, frac, _ := strings.Cut(s, ".")
	frac = strings.TrimRight(frac, "0")
	if whole == "" && frac == "" || !allDigits(whole) || !allDigits(frac) || len(whole) > 12 || len(frac) > 40 {
		return 0, errors.New("invalid amount")
	}
	var c int64
	if whole != "" {
		c, _ = strconv.ParseInt(whole, 10, 64)
	}
	c *= 100
	if frac != "" {
		f, _ := strconv.ParseInt((frac + "0")[:2], 10, 64)
		c += f
	}
	if len(frac) > 2 {
		// The part beyond the cent, in cents: 0.999999999999 for 68.69999999999999.
		rest, _ := strconv.ParseFloat("0."+frac[2:], 64)
		up := rest >= 0.5
		if up {
			rest = 1 - rest
			c++
		}
		if rest > MoneyNoise*float64(max(c, 100)) {
			return 0, ErrSubCent
		}
	}
	if c > MaxMoneyCents {
		return 0, errors.New("amount too large")
	}
	if neg {
		c = -c
	}
	return c, nil
}

func allDigits(s string) bool {
	for _, r := range s {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// Time is a moment written as `yyyy-MM-dd HH:mm` in the shop's time zone, or null when zero.
// It reads `yyyy-MM-dd HH:mm`, `yyyy-MM-dd HH:mm:ss` and `yyyy-MM-dd` in the shop's zone.
type Time struct{ time.Time }

// TimeOf wraps t.
func TimeOf(t time.Time) Time { return Time{t} }

const (
	minuteLayout = "2006-01-02 15:04"
	secondLayout = "2006-01-02 15:04:05"
	DateLayout   = "2006-01-02"
)

func (t Time) MarshalJSON() ([]byte, error) {
	if t.IsZero() {
		return []byte("null"), nil
	}
	return []byte(`"` + t.In(clock.Zone()).Format(minuteLayout) + `"`), nil
}

func (t *Time) UnmarshalJSON(b []byte) error {
	s, empty, err := rawScalar(b)
	if err != nil {
		return err
	}
	if empty {
		*t = Time{}
		return nil
	}
	v, err := ParseTime(s)
	if err != nil {
		return err
	}
	*t = Time{v}
	return nil
}

// ParseTime reads the date-time formats of the contract in the shop's time zone.
func ParseTime(s string) (time.Time, error) {
	s = strings.TrimSpace(s)
	for _, layout := range []string{secondLayout, minuteLayout, DateLayout, time.RFC3339} {
		if v, err := time.ParseInLocation(layout, s, clock.Zone()); err == nil {
			// An RFC 3339 offset can push a year out of four digits in the shop's zone, which no client reads.
			if y := v.In(clock.Zone()).Year(); y < 1 || y > 9999 {
				break
			}
			return v, nil
		}
	}
	return time.Time{}, errors.New("invalid time")
}
