package compat_test

import (
	"encoding/json"
	"math"
	"strconv"
	"strings"
	"testing"
	"time"

	"myrestaurant/modules/clock"
	"myrestaurant/modules/compat"
)

// The fuzz targets of the compat JSON types, which decode every compat request body. Their seed corpora run as
// ordinary tests; to fuzz one:
//
//	go test -run '^$' -fuzz FuzzMoney -fuzztime 30s ./modules/compat
//
// Properties: decoding never panics; whatever decodes re-encodes and decodes again to the same value; money never
// exceeds MaxMoneyCents in either direction, is never further than MoneyNoise from the number sent, and a
// JavaScript sum of prices always reads as its exact cents.

// jsonSeeds are JSON texts every target starts from: the shapes the original's clients send and the usual abuse.
var jsonSeeds = []string{
	`0`, `1`, `-1`, `56`, `"56"`, `56.5`, `"56.50"`, `0.01`, `"-0.01"`, `1.500`, `99999999.99`, `100000000`,
	`"99999999.999"`, `1e3`, `"1e3"`, `1.0`, `3e2`, `9007199254740993`, `9223372036854775807`, `-9223372036854775808`,
	`18446744073709551616`, `1e400`, `-0`, `"  7 "`, `""`, `" "`, `null`, `true`, `false`, `"abc"`, `{}`, `[]`, `"."`,
	`"-"`, `"+5"`, `"-+5"`, `"1.2.3"`, `"0x10"`, `"Inf"`, `"NaN"`, `"１２"`, `"\u0000"`, `"' OR 1=1 --"`,
	`"2026-11-23 12:30"`, `"2026-11-23 12:30:59"`, `"2026-11-23"`, `"2026-11-23T12:30:00Z"`, `"2026-11-23T12:30:00+23:59"`,
	`"0000-01-01T00:00:00+23:59"`, `"9999-12-31T23:59:59-23:59"`, `"2026-02-30"`, `"1988-09-11 00:30"`, `"1900-01-01 00:00"`,
	`"100000000000001"`, `100000000000001`, `"763900000000001"`,
	`68.69999999999999`, `15.600000000000001`, `"47.400000000000006"`, `68.705`, `0.30000000000000004`, `99999999.98999999`,
}

func addJSONSeeds(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add([]byte(s))
	}
}

// roundTrip decodes raw into a fresh *T; when that works it encodes the value and decodes it again.
func roundTrip[T any](t *testing.T, raw []byte) (first, second T, ok bool) {
	t.Helper()
	if err := json.Unmarshal(raw, &first); err != nil {
		return first, second, false
	}
	out, err := json.Marshal(first)
	if err != nil {
		t.Fatalf("%q decoded to %+v, which does not encode: %v", raw, first, err)
	}
	if err := json.Unmarshal(out, &second); err != nil {
		t.Fatalf("%q decoded to %+v, encoded as %s, which does not decode: %v", raw, first, out, err)
	}
	return first, second, true
}

func FuzzMoney(f *testing.F) {
	addJSONSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		var direct compat.Money
		_ = direct.UnmarshalJSON(raw) // called directly, on bytes json.Unmarshal would never hand it: must not panic
		first, second, ok := roundTrip[compat.Money](t, raw)
		if !ok {
			return
		}
		if first.Cents > compat.MaxMoneyCents || first.Cents < -compat.MaxMoneyCents {
			t.Fatalf("%q decoded to %d cents, beyond MaxMoneyCents", raw, first.Cents)
		}
		if first != second {
			t.Fatalf("%q decoded to %+v but its encoding decodes to %+v", raw, first, second)
		}
	})
}

func FuzzParseMoney(f *testing.F) {
	for _, s := range []string{"56", "56.5", "56.50", "0.01", "-0.01", "+1", "-+1", ".5", "5.", ".", "-", "", " 12 ",
		"1.234", "1.2300", "99999999.99", "100000000", "999999999999", "9999999999999", "00000000000001", "1e3", "1_000",
		"０", "1.2.3", "--1", "-0", "9223372036854775807", "68.69999999999999", "68.705", "-0.30000000000000004",
		"1." + strings.Repeat("0", 50) + "1"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		c, err := compat.ParseMoney(s)
		if err != nil {
			return
		}
		if c > compat.MaxMoneyCents || c < -compat.MaxMoneyCents {
			t.Fatalf("ParseMoney(%q) = %d, beyond MaxMoneyCents", s, c)
		}
		if v, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			if off := math.Abs(v*100 - float64(c)); off > 2*compat.MoneyNoise*float64(max(c, -c, 100)) {
				t.Fatalf("ParseMoney(%q) = %d cents, %g cents away", s, c, off)
			}
		}
		text := compat.Cents(c).String()
		again, err := compat.ParseMoney(text)
		if err != nil || again != c {
			t.Fatalf("ParseMoney(%q) = %d, written %q, read back %d, %v", s, c, text, again, err)
		}
	})
}

// FuzzMoneyFromJavaScript sums prices as the mini-program does (Σ number × price in doubles, printed as
// JavaScript prints a number) and requires the exact cents back.
func FuzzMoneyFromJavaScript(f *testing.F) {
	f.Add(int64(1990), uint16(3), int64(220), uint16(3))
	f.Add(int64(1280), uint16(3), int64(1), uint16(999))
	f.Add(int64(99999999), uint16(9999), int64(3), uint16(7))
	f.Fuzz(func(t *testing.T, price1 int64, n1 uint16, price2 int64, n2 uint16) {
		price1, price2 = max(price1, -price1)%1_000_000_00, max(price2, -price2)%1_000_000_00
		sum := float64(n1)*(float64(price1)/100) + float64(n2)*(float64(price2)/100)
		want := int64(n1)*price1 + int64(n2)*price2
		if want > compat.MaxMoneyCents || price1 < 0 || price2 < 0 {
			return
		}
		text := strconv.FormatFloat(sum, 'f', -1, 64)
		if got, err := compat.ParseMoney(text); err != nil || got != want {
			t.Fatalf("%d × %d + %d × %d cents summed in doubles is %s, read as %d, %v; want %d", n1, price1, n2, price2, text, got, err, want)
		}
	})
}

func FuzzInt(f *testing.F) {
	addJSONSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		var direct compat.Int
		_ = direct.UnmarshalJSON(raw)
		first, second, ok := roundTrip[compat.Int](t, raw)
		if ok && first != second {
			t.Fatalf("%q decoded to %+v but its encoding decodes to %+v", raw, first, second)
		}
		if n, err := compat.ParseInt(string(raw)); err == nil && n.Valid {
			if back, err := compat.ParseInt(string(mustJSON(t, n))); err != nil || back != n {
				t.Fatalf("ParseInt(%q) = %+v, read back %+v, %v", raw, n, back, err)
			}
		}
	})
}

func FuzzText(f *testing.F) {
	addJSONSeeds(f)
	f.Add([]byte(`"\ud800"`))
	f.Add([]byte("\"\xff\xfe\""))
	f.Add([]byte(`"` + strings.Repeat("长", 1000) + `"`))
	f.Fuzz(func(t *testing.T, raw []byte) {
		var direct compat.Text
		_ = direct.UnmarshalJSON(raw)
		first, second, ok := roundTrip[compat.Text](t, raw)
		if ok && first != second {
			t.Fatalf("%q decoded to %+v but its encoding decodes to %+v", raw, first, second)
		}
	})
}

func FuzzID(f *testing.F) {
	addJSONSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		var direct compat.ID
		_ = direct.UnmarshalJSON(raw)
		first, second, ok := roundTrip[compat.ID](t, raw)
		if !ok {
			return
		}
		if first < 0 {
			t.Fatalf("%q decoded to the negative id %d", raw, first)
		}
		if first != second {
			t.Fatalf("%q decoded to %d but its encoding decodes to %d", raw, first, second)
		}
		// The id a route looks records up by is the one the client sent.
		if first > 0 && compat.ParseID(first.String()) != first {
			t.Fatalf("%q: id %d written %q reads back %d", raw, first, first.String(), compat.ParseID(first.String()))
		}
	})
}

func FuzzTime(f *testing.F) {
	addJSONSeeds(f)
	f.Fuzz(func(t *testing.T, raw []byte) {
		var direct compat.Time
		_ = direct.UnmarshalJSON(raw)
		var probe compat.Time
		if json.Unmarshal(raw, &probe) == nil {
			refuseOutOfRangeYear(t, probe.Time)
		}
		first, second, ok := roundTrip[compat.Time](t, raw)
		if !ok {
			return
		}
		// The compat API writes minutes: a second round trip must change nothing, and a time given to the
		// minute must come back as the same instant.
		if !mustTimeEqualText(t, first, second) {
			t.Fatalf("%q decoded to %v, written %s, read back as %v (%s)", raw, first.Time, mustJSON(t, first), second.Time, mustJSON(t, second))
		}
		var s string
		if json.Unmarshal(raw, &s) == nil {
			if _, err := time.ParseInLocation("2006-01-02 15:04", strings.TrimSpace(s), clock.Zone()); err == nil && !first.Equal(second.Time) {
				t.Fatalf("%q is a minute but came back as %v, not %v", raw, second.Time, first.Time)
			}
		}
	})
}

func FuzzParseTime(f *testing.F) {
	for _, s := range jsonSeeds {
		f.Add(strings.Trim(s, `"`))
	}
	f.Fuzz(func(t *testing.T, s string) {
		v, err := compat.ParseTime(s)
		if err != nil {
			return
		}
		refuseOutOfRangeYear(t, v)
		text := v.In(clock.Zone()).Format("2006-01-02 15:04")
		back, err := compat.ParseTime(text)
		if err != nil {
			t.Fatalf("ParseTime(%q) = %v, written %q, which does not parse: %v", s, v, text, err)
		}
		if got := back.In(clock.Zone()).Format("2006-01-02 15:04"); got != text {
			t.Fatalf("ParseTime(%q) written %q reads back as %q", s, text, got)
		}
	})
}

// refuseOutOfRangeYear fails when ParseTime accepted a time whose year in the shop's zone is outside 0000-9999
// (an RFC 3339 time with an extreme offset: "0000-01-01T00:00:00+23:59" is -0001-12-31 in Asia/Shanghai): the
// compat API would write "-0001-12-31 08:06", which neither it nor the clients read back.
func refuseOutOfRangeYear(t *testing.T, v time.Time) {
	t.Helper()
	if y := v.In(clock.Zone()).Year(); !v.IsZero() && (y < 0 || y > 9999) {
		t.Fatalf("ParseTime accepted a time whose year in the shop zone is %d, which it writes unreadably", y)
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustTimeEqualText(t *testing.T, a, b compat.Time) bool {
	return string(mustJSON(t, a)) == string(mustJSON(t, b))
}
