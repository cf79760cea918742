package report

import (
	"strconv"
	"strings"
)

// Double is a Java Double of the original's report objects: written with at least one decimal (0.0, 120.5,
// 0.6666666666666666), in lists and in JSON alike. Java switches to 1.0E7 style from ten million; we keep
// plain digits, as docs/compat-api.md §5 recommends.
type Double float64

func (d Double) String() string {
	s := strconv.FormatFloat(float64(d), 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}

func (d Double) MarshalJSON() ([]byte, error) { return []byte(d.String()), nil }

// yuan converts cents to the yuan amount the original's BigDecimal sums turn into as a double.
// Dividing two exactly representable numbers rounds once, so this is the double nearest the decimal sum.
func yuan(cents int64) Double { return Double(float64(cents) / 100) }

// ratio is a/b, or 0.0 when b is 0.
func ratio(a, b int64) Double {
	if b == 0 {
		return 0
	}
	return Double(float64(a) / float64(b))
}

func joinDates(days []Day) string {
	parts := make([]string, len(days))
	for i, d := range days {
		parts[i] = d.Date
	}
	return strings.Join(parts, ",")
}

func joinInts(values []int64) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = strconv.FormatInt(v, 10)
	}
	return strings.Join(parts, ",")
}

func joinDoubles(values []Double) string {
	parts := make([]string, len(values))
	for i, v := range values {
		parts[i] = v.String()
	}
	return strings.Join(parts, ",")
}
