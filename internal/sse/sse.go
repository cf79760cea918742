// Package sse reads a stream of server-sent events as PocketBase's realtime API writes them, for the clients
// the tests and the load test run against a real server.
package sse

import (
	"bufio"
	"io"
	"strings"
)

// Event is one named server-sent event.
type Event struct {
	Name string
	Data string
}

// Read calls each for every named event of r, in order, until the stream ends or each answers false.
func Read(r io.Reader, each func(Event) bool) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	var ev Event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event:"):
			ev.Name = strings.TrimSpace(strings.TrimPrefix(line, "event:"))
		case strings.HasPrefix(line, "data:"):
			ev.Data += strings.TrimPrefix(line, "data:")
		case line == "":
			if ev.Name != "" && !each(ev) {
				return
			}
			ev = Event{}
		}
	}
}
