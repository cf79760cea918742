package compat

import (
	"encoding/json"
	"errors"
	"testing"
	"time"
)

func TestMoney(t *testing.T) {
	for in, want := range map[string]int64{
		`56`: 5600, `"56"`: 5600, `56.5`: 5650, `"0.01"`: 1, `12.30`: 1230, `"-3.2"`: -320, `1.500`: 150, `99999999.99`: 9999999999,
	} {
		var m Money
		if err := json.Unmarshal([]byte(in), &m); err != nil || !m.Valid || m.Cents != want {
			t.Errorf("%s → %+v, %v; want %d", in, m, err, want)
		}
	}
	for _, in := range []string{`"abc"`, `1.234`, `"1e3"`, `100000000`, `true`, `{}`, `"1.2.3"`, `"."`} {
		var m Money
		if err := json.Unmarshal([]byte(in), &m); err == nil {
			t.Errorf("%s accepted as %+v", in, m)
		}
	}
	var m Money
	if err := json.Unmarshal([]byte(`null`), &m); err != nil || m.Valid {
		t.Errorf("null: %+v", m)
	}
	for c, want := range map[int64]string{5600: "56.00", 1: "0.01", 0: "0.00", -150: "-1.50", 1234567: "12345.67"} {
		b, _ := json.Marshal(struct{ P Money }{Cents(c)})
		if string(b) != `{"P":`+want+`}` {
			t.Errorf("%d → %s", c, b)
		}
	}
}

func TestLenientNumbersAndIDs(t *testing.T) {
	var v struct {
		Sort  Int  `json:"sort"`
		Label Text `json:"label"`
		ID    ID   `json:"id"`
		Empty Int  `json:"empty"`
	}
	if err := json.Unmarshal([]byte(`{"sort":"3","label":1,"id":"123456789012345","empty":"","unknown":[1,2]}`), &v); err != nil {
		t.Fatal(err)
	}
	if v.Sort != IntOf(3) || v.Label.Value != "1" || v.ID != 123456789012345 || v.Empty.Valid {
		t.Fatalf("%+v", v)
	}
	if err := json.Unmarshal([]byte(`{"sort":"three"}`), &v); err == nil {
		t.Error("non-numeric sort accepted")
	}
	if err := json.Unmarshal([]byte(`{"sort":3.5}`), &v); err == nil {
		t.Error("fractional sort accepted")
	}
	if err := json.Unmarshal([]byte(`{"id":-5}`), &v); err == nil {
		t.Error("negative id accepted")
	}
	b, _ := json.Marshal(struct {
		A ID
		B ID
	}{123456789012345, 0})
	if string(b) != `{"A":123456789012345,"B":null}` {
		t.Errorf("ids: %s", b)
	}
	if ParseID("0") != 0 || ParseID("x") != 0 || ParseID(" 42 ") != 42 {
		t.Error("ParseID")
	}
}

func TestTimeInShopZone(t *testing.T) {
	// 16:30 UTC on 1 May is 00:30 on 2 May in Shanghai.
	b, _ := json.Marshal(TimeOf(time.Date(2024, 5, 1, 16, 30, 59, 0, time.UTC)))
	if string(b) != `"2024-05-02 00:30"` {
		t.Fatalf("marshal: %s", b)
	}
	b, _ = json.Marshal(Time{})
	if string(b) != "null" {
		t.Fatalf("zero: %s", b)
	}
	for _, in := range []string{`"2024-05-02 00:30"`, `"2024-05-02 00:30:00"`} {
		var v Time
		if err := json.Unmarshal([]byte(in), &v); err != nil || !v.Equal(time.Date(2024, 5, 1, 16, 30, 0, 0, time.UTC)) {
			t.Errorf("%s → %v %v", in, v, err)
		}
	}
	var v Time
	if err := json.Unmarshal([]byte(`"02/05/2024"`), &v); err == nil {
		t.Error("foreign format accepted")
	}
}

// JavaScript clients send sums of prices with floating-point noise; a real third decimal is refused.
func TestMoneyFromJavaScript(t *testing.T) {
	for in, want := range map[string]int64{
		`68.69999999999999`: 6870, `15.600000000000001`: 1560, `47.400000000000006`: 4740, `"68.69999999999999"`: 6870,
		`0.30000000000000004`: 30, `-0.30000000000000004`: -30, `99999999.98999999`: 9999999999, `1.0000000000000000000000001`: 100,
	} {
		var m Money
		if err := json.Unmarshal([]byte(in), &m); err != nil || m.Cents != want {
			t.Errorf("%s → %+v, %v; want %d cents", in, m, err, want)
		}
	}
	for _, in := range []string{`68.705`, `68.701`, `0.001`, `99999999.991`, `68.7000001`, `"1.0049"`} {
		var m Money
		if err := json.Unmarshal([]byte(in), &m); !errors.Is(err, ErrSubCent) {
			t.Errorf("%s → %+v, %v; want ErrSubCent", in, m, err)
		}
	}
}
