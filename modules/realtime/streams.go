package realtime

import (
	"sync"

	"myrestaurant/modules/auth"

	"github.com/pocketbase/pocketbase/core"
)

// MaxStreamsPerAddress is how many realtime streams one client address may hold open at once before they
// subscribe as staff. A stream opens unauthenticated (browsers cannot send a token with it) and becomes a staff
// stream when an enabled employee subscribes with it; staff streams stop counting, so the consoles of a restaurant
// behind one router are never refused, while guests and customers (whose clients follow an order or two) are held
// to a few streams per address.
const MaxStreamsPerAddress = 10

// streams counts the open realtime streams per client address. An address is forgotten when its last counted
// stream closes or turns into a staff stream, so the map holds only addresses that are connected now.
type streams struct {
	mu   sync.Mutex
	open map[string]int
}

// slot is one counted stream; free gives it back once, whichever of the stream's end or its staff subscription
// comes first.
type slot struct {
	once sync.Once
	s    *streams
	addr string
}

func (sl *slot) free() { sl.once.Do(func() { sl.s.release(sl.addr) }) }

const slotKey = "myrestaurant.realtime.slot"

// limitStreams refuses a new stream from an address that already holds MaxStreamsPerAddress, and counts the
// stream while it lasts (the connect hook returns when the stream ends).
func (s *streams) limitStreams(e *core.RealtimeConnectRequestEvent) error {
	addr := e.RealIP()
	if !s.take(addr) {
		return e.TooManyRequestsError("Too many realtime connections from this address.", nil)
	}
	sl := &slot{s: s, addr: addr}
	defer sl.free()
	e.Client.Set(slotKey, sl)
	return e.Next()
}

// uncountStaff stops counting a stream once an enabled employee (or a superuser, in the dashboard) has subscribed
// with it.
func (s *streams) uncountStaff(e *core.RealtimeSubscribeRequestEvent) error {
	if err := e.Next(); err != nil {
		return err
	}
	if sl, ok := e.Client.Get(slotKey).(*slot); ok && (auth.IsEnabledEmployee(e.Auth) || e.HasSuperuserAuth()) {
		sl.free()
	}
	return nil
}

func (s *streams) take(addr string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.open[addr] >= MaxStreamsPerAddress {
		return false
	}
	s.open[addr]++
	return true
}

func (s *streams) release(addr string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.open[addr]--; s.open[addr] <= 0 {
		delete(s.open, addr)
	}
}

// count is how many counted streams addr holds now.
func (s *streams) count(addr string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.open[addr]
}

// addresses is how many client addresses hold counted streams now.
func (s *streams) addresses() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return len(s.open)
}
