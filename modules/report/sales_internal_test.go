package report

import "testing"

// A day read before a drop (an item edited from the dashboard) is not kept after it: the edit does not change
// the day's fingerprint, so the stale sales would be served until the next restart.
func TestSalesReadRacingADropIsNotKept(t *testing.T) {
	c := &salesCache{days: map[string]daySales{}}
	d := Day{From: "2024-05-01 16:00:00.000Z", To: "2024-05-02 16:00:00.000Z"}
	gen := c.generation()
	c.forgetAll() // the edit commits while the read is under way
	c.put(gen, d, "1:5:25", map[string]int64{"米饭": 3})
	if _, ok := c.get(d, "1:5:25"); ok {
		t.Fatal("kept sales read before a drop")
	}
	c.put(c.generation(), d, "1:5:25", map[string]int64{"米饭": 4})
	if s, ok := c.get(d, "1:5:25"); !ok || s["米饭"] != 4 {
		t.Fatalf("a fresh read was not kept: %v %v", s, ok)
	}
}
