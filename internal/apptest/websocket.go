package apptest

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"strings"
	"testing"
	"time"

	"github.com/coder/websocket"
)

// Socket is a WebSocket client of the alert socket /ws/{sid}, as the original admin web app opens it.
type Socket struct {
	Conn   *websocket.Conn
	Frames <-chan SocketFrame // closed when the socket closes
	Closed <-chan struct{}
	// CloseStatus is the close code the server sent, valid once Closed is closed.
	CloseStatus websocket.StatusCode
}

// SocketFrame is one text frame of the alert socket.
type SocketFrame struct {
	Type    int    `json:"type"`
	OrderID int64  `json:"orderId"`
	Content string `json:"content"`
	Raw     string `json:"-"`
}

// SocketOptions are what a client may add to the handshake.
type SocketOptions struct {
	Header http.Header // e.g. Cookie: token=…, Origin
	Host   string      // the Host header, as a proxy in front would set it
	OnPing func()      // called for every ping the server sends
}

// DialSocket opens base's /ws/<sid> (base as Serve returns it). On a refused handshake it returns the HTTP
// status and no socket.
func DialSocket(t testing.TB, base, sid string, o SocketOptions) (*Socket, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	opts := &websocket.DialOptions{HTTPHeader: o.Header, Host: o.Host}
	if o.OnPing != nil {
		opts.OnPingReceived = func(context.Context, []byte) bool { o.OnPing(); return true }
	}
	conn, res, err := websocket.Dial(ctx, "ws"+strings.TrimPrefix(base, "http")+"/ws/"+sid, opts)
	if err != nil {
		if res == nil {
			t.Fatalf("apptest: dial the alert socket: %v", err)
		}
		return nil, res.StatusCode
	}
	frames := make(chan SocketFrame, 64)
	closed := make(chan struct{})
	s := &Socket{Conn: conn, Frames: frames, Closed: closed}
	go func() {
		defer close(closed)
		defer close(frames)
		for {
			_, data, err := conn.Read(context.Background())
			if err != nil {
				s.CloseStatus = websocket.CloseStatus(err)
				return
			}
			f := SocketFrame{Raw: string(data)}
			json.Unmarshal(data, &f)
			frames <- f
		}
	}()
	t.Cleanup(func() { conn.CloseNow() })
	return s, http.StatusSwitchingProtocols
}

// Next waits up to wait for the next frame.
func (s *Socket) Next(t testing.TB, wait time.Duration) (SocketFrame, bool) {
	t.Helper()
	select {
	case f, ok := <-s.Frames:
		return f, ok
	case <-time.After(wait):
		return SocketFrame{}, false
	}
}

// Close closes the socket as a browser tab does.
func (s *Socket) Close() { s.Conn.Close(websocket.StatusNormalClosure, "") }

// ExpectAlert fails the test unless the next frame, within 5 s, is exactly the original's alert frame of kind
// about the order.
func (s *Socket) ExpectAlert(t testing.TB, kind int, orderID int64, number string) {
	t.Helper()
	f, ok := s.Next(t, 5*time.Second)
	if !ok {
		t.Fatalf("no frame of type %d", kind)
	}
	want := fmt.Sprintf(`{"type":%d,"orderId":%d,"content":"订单号：%s"}`, kind, orderID, number)
	if f.Raw != want {
		t.Fatalf("frame %s, want %s", f.Raw, want)
	}
}
