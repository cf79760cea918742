package loadtest

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"time"

	"myrestaurant/internal/sse"
)

// client speaks the compat API as one user: the admin console (header `token`) or a mini-program customer
// (header `authentication`).
type client struct {
	base       string
	http       *http.Client
	authHeader string
	token      string
}

// callError is a failed call as a client sees it: the envelope's msg, or the HTTP status when there is none.
type callError struct{ msg string }

func (e *callError) Error() string { return e.msg }

// envelope is the compat {code,msg,data} answer.
type envelope struct {
	Code int             `json:"code"`
	Msg  *string         `json:"msg"`
	Data json.RawMessage `json:"data"`
}

// call sends body as JSON and decodes the envelope's data into out (when out is not nil). A code other than 1
// is an error carrying the envelope's message.
func (c *client) call(ctx context.Context, method, path string, body, out any) error {
	var reader io.Reader
	if body != nil {
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		reader = bytes.NewReader(b)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, reader)
	if err != nil {
		return err
	}
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	if c.token != "" {
		req.Header.Set(c.authHeader, c.token)
	}
	res, err := c.http.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	raw, err := io.ReadAll(res.Body)
	if err != nil {
		return err
	}
	var env envelope
	if res.StatusCode != http.StatusOK || json.Unmarshal(raw, &env) != nil {
		return &callError{msg: fmt.Sprintf("HTTP %d", res.StatusCode)}
	}
	if env.Code != 1 {
		msg := "code " + fmt.Sprint(env.Code)
		if env.Msg != nil {
			msg = *env.Msg
		}
		return &callError{msg: msg}
	}
	if out != nil && len(env.Data) > 0 {
		if err := json.Unmarshal(env.Data, out); err != nil {
			return fmt.Errorf("%s %s: decoding data: %w", method, path, err)
		}
	}
	return nil
}

// alertArrival is one alert a console received, stamped when its event was read.
type alertArrival struct {
	content string
	at      time.Time
}

// subscribeAlerts connects a staff console to PocketBase realtime as the admin web page does: it opens the SSE
// stream, waits for PB_CONNECT, subscribes the client id to `alerts/*` with the employee token, and then
// sends every created alert to arrivals until ctx ends.
func subscribeAlerts(ctx context.Context, httpc *http.Client, base, token string, arrivals chan<- alertArrival) error {
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, base+"/api/realtime", nil)
	if err != nil {
		return err
	}
	res, err := httpc.Do(req)
	if err != nil {
		return err
	}
	if res.StatusCode != http.StatusOK {
		res.Body.Close()
		return fmt.Errorf("realtime: HTTP %d", res.StatusCode)
	}
	events := readEvents(res.Body)
	first, ok := <-events
	if !ok || first.name != "PB_CONNECT" {
		res.Body.Close()
		return fmt.Errorf("realtime: no PB_CONNECT")
	}
	var connect struct {
		ClientID string `json:"clientId"`
	}
	if err := json.Unmarshal([]byte(first.data), &connect); err != nil {
		res.Body.Close()
		return fmt.Errorf("realtime: PB_CONNECT: %w", err)
	}
	if err := subscribe(ctx, httpc, base, token, connect.ClientID); err != nil {
		res.Body.Close()
		return err
	}
	go func() {
		defer res.Body.Close()
		for ev := range events {
			var msg struct {
				Action string `json:"action"`
				Record struct {
					Content string `json:"content"`
				} `json:"record"`
			}
			if ev.name != "alerts/*" || json.Unmarshal([]byte(ev.data), &msg) != nil || msg.Action != "create" {
				continue
			}
			// Keep reading after ctx ends, so the reader is never stuck on a full channel; the stream ends with ctx.
			select {
			case arrivals <- alertArrival{content: msg.Record.Content, at: ev.at}:
			case <-ctx.Done():
			}
		}
	}()
	return nil
}

func subscribe(ctx context.Context, httpc *http.Client, base, token, clientID string) error {
	body, _ := json.Marshal(map[string]any{"clientId": clientID, "subscriptions": []string{"alerts/*"}})
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, base+"/api/realtime", bytes.NewReader(body))
	if err != nil {
		return err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Authorization", token)
	res, err := httpc.Do(req)
	if err != nil {
		return err
	}
	res.Body.Close()
	if res.StatusCode != http.StatusNoContent && res.StatusCode != http.StatusOK {
		return fmt.Errorf("realtime subscribe: HTTP %d", res.StatusCode)
	}
	return nil
}

// sseEvent is one server-sent event and the time it was read.
type sseEvent struct {
	name, data string
	at         time.Time
}

// readEvents parses the SSE stream until it ends; the channel then closes.
func readEvents(body io.Reader) <-chan sseEvent {
	out := make(chan sseEvent, 64)
	go func() {
		defer close(out)
		sse.Read(body, func(ev sse.Event) bool {
			out <- sseEvent{name: ev.Name, data: ev.Data, at: time.Now()}
			return true
		})
	}()
	return out
}
