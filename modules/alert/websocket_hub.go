package alert

import (
	"context"
	"encoding/json"
	"sync"
	"time"

	"github.com/coder/websocket"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

// socketMessage is the original's WebSocket text frame.
type socketMessage struct {
	Type    int       `json:"type"`
	OrderID compat.ID `json:"orderId"`
	Content string    `json:"content"`
}

const (
	// socketQueue is how many frames may wait for a slow socket before it is dropped: staff see the alerts
	// they missed in the order list, and a stuck peer must not hold memory.
	socketQueue = 32
	// socketWriteTimeout bounds one frame or ping to a peer that stopped reading.
	socketWriteTimeout = 10 * time.Second
)

// socketHub holds the open alert sockets.
type socketHub struct {
	app       core.App
	pingEvery time.Duration

	mu        sync.Mutex
	sockets   map[*staffSocket]struct{}
	byAddress map[string]int
	stopped   bool
}

// staffSocket is one open alert socket of an employee.
type staffSocket struct {
	employeeID, token, address string
	send                       chan []byte
	drop                       chan struct{} // closed by cut, after the code is set
	cutOnce                    sync.Once
	cutCode                    websocket.StatusCode
	cutReason                  string
}

func newSocketHub(app core.App, pingEvery time.Duration) *socketHub {
	return &socketHub{app: app, pingEvery: pingEvery, sockets: map[*staffSocket]struct{}{}, byAddress: map[string]int{}}
}

// bindSocketHooks feeds the hub from the alerts as they are committed and cuts off employees who lose access.
func bindSocketHooks(app core.App, h *socketHub) {
	app.OnRecordAfterCreateSuccess(collection).BindFunc(func(e *core.RecordEvent) error {
		h.broadcast(e.Record)
		return e.Next()
	})
	app.OnRecordAfterUpdateSuccess(auth.EmployeesCollection).BindFunc(func(e *core.RecordEvent) error {
		h.recheck(e.Record.Id)
		return e.Next()
	})
	app.OnRecordAfterDeleteSuccess(auth.EmployeesCollection).BindFunc(func(e *core.RecordEvent) error {
		h.recheck(e.Record.Id)
		return e.Next()
	})
	app.OnTerminate().BindFunc(func(e *core.TerminateEvent) error {
		h.stop()
		return e.Next()
	})
}

// join registers a socket of the employee from address, or returns nil when the address has its fill.
func (h *socketHub) join(employeeID, token, address string) *staffSocket {
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.stopped || h.byAddress[address] >= MaxSocketsPerAddress {
		return nil
	}
	s := &staffSocket{employeeID: employeeID, token: token, address: address,
		send: make(chan []byte, socketQueue), drop: make(chan struct{})}
	h.sockets[s] = struct{}{}
	h.byAddress[address]++
	return s
}

// leave frees what join took.
func (h *socketHub) leave(s *staffSocket) {
	h.mu.Lock()
	defer h.mu.Unlock()
	if _, ok := h.sockets[s]; !ok {
		return
	}
	delete(h.sockets, s)
	if h.byAddress[s.address]--; h.byAddress[s.address] <= 0 {
		delete(h.byAddress, s.address)
	}
}

// broadcast sends a new-order or reminder alert to every socket. The original front end has no type for a
// customer's cancellation (it would show it as a reminder), so those stay on realtime, for our console.
func (h *socketHub) broadcast(alert *core.Record) {
	kind := alert.GetInt("type")
	if kind != NewOrder && kind != Reminder {
		return
	}
	frame, err := json.Marshal(socketMessage{Type: kind, OrderID: compat.ParseID(alert.GetString("order")), Content: alert.GetString("content")})
	if err != nil {
		return
	}
	h.mu.Lock()
	defer h.mu.Unlock()
	for s := range h.sockets {
		select {
		case s.send <- frame:
		default:
			s.cut(websocket.StatusTryAgainLater, "too slow")
		}
	}
}

// recheck closes the employee's sockets whose token no longer signs in an enabled employee: locked, deleted,
// or a password change that voided the token.
func (h *socketHub) recheck(employeeID string) {
	h.mu.Lock()
	var theirs []*staffSocket
	for s := range h.sockets {
		if s.employeeID == employeeID {
			theirs = append(theirs, s)
		}
	}
	h.mu.Unlock()
	for _, s := range theirs {
		r, err := h.app.FindAuthRecordByToken(s.token, core.TokenTypeAuth)
		if err != nil || !auth.IsEnabledEmployee(r) {
			s.cut(websocket.StatusPolicyViolation, "account locked or signed out")
		}
	}
}

// stop closes every socket when the server stops, and refuses new ones.
func (h *socketHub) stop() {
	h.mu.Lock()
	defer h.mu.Unlock()
	h.stopped = true
	for s := range h.sockets {
		s.cut(websocket.StatusGoingAway, "server stopping")
	}
}

// cut asks the socket's loop to close with code; the first reason wins.
func (s *staffSocket) cut(code websocket.StatusCode, reason string) {
	s.cutOnce.Do(func() {
		s.cutCode, s.cutReason = code, reason
		close(s.drop)
	})
}

// run writes the frames and the pings until the peer leaves, a ping goes unanswered or the socket is cut.
func (s *staffSocket) run(conn *websocket.Conn, pingEvery time.Duration) {
	defer conn.CloseNow()
	conn.SetReadLimit(4096)
	// The app sends nothing; reading answers its pings, takes its pongs and notices when it leaves.
	gone := conn.CloseRead(context.Background())
	ping := time.NewTicker(pingEvery)
	defer ping.Stop()
	for {
		select {
		case <-gone.Done():
			return
		case <-s.drop:
			conn.Close(s.cutCode, s.cutReason)
			return
		case frame := <-s.send:
			ctx, cancel := context.WithTimeout(context.Background(), socketWriteTimeout)
			err := conn.Write(ctx, websocket.MessageText, frame)
			cancel()
			if err != nil {
				return
			}
		case <-ping.C:
			ctx, cancel := context.WithTimeout(context.Background(), socketWriteTimeout)
			err := conn.Ping(ctx)
			cancel()
			if err != nil {
				return
			}
		}
	}
}
