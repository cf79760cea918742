package sse

import (
	"strings"
	"testing"
)

// Events end at a blank line; a comment or a nameless event is skipped, and data lines of one event join.
func TestReadSplitsNamedEvents(t *testing.T) {
	stream := ": ping\n\nevent: PB_CONNECT\ndata:{\"clientId\":\"a\"}\n\ndata: nameless\n\nid: 2\nevent:alerts/*\ndata:{\"x\":\ndata:1}\n\n"
	var got []Event
	Read(strings.NewReader(stream), func(ev Event) bool { got = append(got, ev); return true })
	want := []Event{{"PB_CONNECT", `{"clientId":"a"}`}, {"alerts/*", `{"x":1}`}}
	if len(got) != len(want) || got[0] != want[0] || got[1] != want[1] {
		t.Fatalf("events %q, want %q", got, want)
	}
	got = nil
	Read(strings.NewReader(stream), func(ev Event) bool { got = append(got, ev); return false })
	if len(got) != 1 {
		t.Fatalf("reading went on after each answered false: %q", got)
	}
}
