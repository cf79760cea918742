package alert

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/coder/websocket"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

// socketApp serves a fresh app with the alert module, whose sockets are pinged every pingEvery.
func socketApp(t *testing.T, pingEvery time.Duration) (core.App, string) {
	t.Helper()
	return socketAppAt(t, pingEvery, "")
}

// socketAppAt is socketApp with appURL as the application URL of the settings.
func socketAppAt(t *testing.T, pingEvery time.Duration, appURL string) (core.App, string) {
	t.Helper()
	app := apptest.New(t, auth.EnableAuthCache, func(app core.App) {
		if appURL != "" {
			app.Settings().Meta.AppURL = appURL
		}
		hub := newSocketHub(app, pingEvery)
		bindSocketHooks(app, hub)
		app.OnServe().BindFunc(func(se *core.ServeEvent) error {
			bindSocketRoute(se, hub)
			return se.Next()
		})
	})
	return app, apptest.Serve(t, app)
}

func cookie(token string) http.Header {
	return http.Header{"Cookie": {"token=" + token}}
}

func raiseFor(t *testing.T, app core.App, kind int, number string) compat.ID {
	t.Helper()
	customer, _ := apptest.Customer(t, app, "openid-"+number)
	col, _ := app.FindCollectionByNameOrId("orders")
	o := core.NewRecord(col)
	o.Set("number", number)
	o.Set("status", 2)
	o.Set("user", customer.Id)
	o.Set("amount", 5600)
	if err := app.Save(o); err != nil {
		t.Fatal(err)
	}
	if err := Raise(app, kind, compat.ParseID(o.Id), number); err != nil {
		t.Fatal(err)
	}
	return compat.ParseID(o.Id)
}

func expectFrame(t *testing.T, s *apptest.Socket, kind int, orderID compat.ID, number string) {
	t.Helper()
	s.ExpectAlert(t, kind, int64(orderID), number)
}

// The original app's handshake carries only its `token` cookie; other clients may send the token as a header or
// a query parameter. Every way in gets the same frames.
func TestSocketTakesTheStaffTokenFromCookieHeaderOrQuery(t *testing.T) {
	app, base := socketApp(t, time.Hour)
	_, tok := apptest.Employee(t, app, "alice", 1)
	byCookie, code := apptest.DialSocket(t, base, "k3j2h1", apptest.SocketOptions{Header: cookie(tok)})
	if byCookie == nil {
		t.Fatalf("cookie: HTTP %d", code)
	}
	byHeader, code := apptest.DialSocket(t, base, "a1", apptest.SocketOptions{Header: http.Header{"Token": {tok}}})
	if byHeader == nil {
		t.Fatalf("header: HTTP %d", code)
	}
	byQuery, code := apptest.DialSocket(t, base, "b2?token="+tok, apptest.SocketOptions{})
	if byQuery == nil {
		t.Fatalf("query: HTTP %d", code)
	}
	id := raiseFor(t, app, NewOrder, "1763900000001")
	for _, s := range []*apptest.Socket{byCookie, byHeader, byQuery} {
		expectFrame(t, s, NewOrder, id, "1763900000001")
	}
	id = raiseFor(t, app, Reminder, "1763900000002")
	expectFrame(t, byCookie, Reminder, id, "1763900000002")
}

// Refused before the upgrade: no token, a bad one, a customer's, a locked employee's, a page of another site.
func TestSocketRefusals(t *testing.T) {
	app, base := socketApp(t, time.Hour)
	_, staff := apptest.Employee(t, app, "alice", 1)
	_, locked := apptest.Employee(t, app, "bob", 0)
	_, customer := apptest.Customer(t, app, "o1")
	for name, c := range map[string]struct {
		opts apptest.SocketOptions
		want int
	}{
		"no token":           {apptest.SocketOptions{}, http.StatusUnauthorized},
		"a forged token":     {apptest.SocketOptions{Header: cookie(staff + "x")}, http.StatusUnauthorized},
		"a customer's token": {apptest.SocketOptions{Header: cookie(customer)}, http.StatusUnauthorized},
		"a locked employee":  {apptest.SocketOptions{Header: cookie(locked)}, http.StatusUnauthorized},
		"another site's page": {apptest.SocketOptions{Header: http.Header{
			"Cookie": {"token=" + staff}, "Origin": {"https://evil.example"}}}, http.StatusForbidden},
		"another port's page of another host": {apptest.SocketOptions{Header: http.Header{
			"Cookie": {"token=" + staff}, "Origin": {"http://shop.example:8080"}}}, http.StatusForbidden},
		"a page that is no web page": {apptest.SocketOptions{Header: http.Header{
			"Cookie": {"token=" + staff}, "Origin": {"null"}}}, http.StatusForbidden},
	} {
		if s, code := apptest.DialSocket(t, base, "x1", c.opts); s != nil || code != c.want {
			t.Errorf("%s: HTTP %d, want %d", name, code, c.want)
		}
	}
	// A plain GET with a good token is no handshake.
	status, _ := apptest.Raw(t, "GET", base+"/ws/x1", nil, "token", staff)
	if status < 400 || status >= 500 {
		t.Errorf("plain GET: HTTP %d", status)
	}
}

// The original app served as its nginx.conf does: the page is http://localhost, nginx on this machine passes
// the upstream's name as Host. Also a page on the server's own host or at the application URL.
func TestSocketOriginsThatMayListen(t *testing.T) {
	app, base := socketAppAt(t, time.Hour, "https://shop.example")
	_, tok := apptest.Employee(t, app, "alice", 1)
	for name, o := range map[string]apptest.SocketOptions{
		"the original app behind its nginx": {Host: "webservers", Header: http.Header{"Cookie": {"token=" + tok}, "Origin": {"http://localhost"}}},
		"the server's own host":             {Host: "orders.example:8090", Header: http.Header{"Cookie": {"token=" + tok}, "Origin": {"http://orders.example:8090"}}},
		"the application URL":               {Host: "10.0.0.5:8090", Header: http.Header{"Cookie": {"token=" + tok}, "Origin": {"https://shop.example"}}},
	} {
		if s, code := apptest.DialSocket(t, base, "x1", o); s == nil {
			t.Errorf("%s: HTTP %d", name, code)
		}
	}
}

// A loopback page is trusted only over a connection from this machine (a local browser or a local proxy): from
// elsewhere, http://localhost is somebody else's machine.
func TestSocketOriginRule(t *testing.T) {
	app, _ := socketAppAt(t, time.Hour, "https://shop.example")
	for _, c := range []struct {
		origin, host, remote string
		want                 bool
	}{
		{"", "anything", "203.0.113.9:5000", true},
		{"http://localhost", "webservers", "127.0.0.1:40000", true},
		{"http://127.0.0.1:8080", "webservers", "[::1]:40000", true},
		{"http://localhost", "webservers", "203.0.113.9:5000", false},
		{"https://shop.example", "10.0.0.5", "203.0.113.9:5000", true},
		{"http://shop.example", "10.0.0.5", "203.0.113.9:5000", false}, // not the application URL's scheme
		{"http://Orders.example", "orders.example", "203.0.113.9:5000", true},
		{"https://evil.example", "orders.example", "127.0.0.1:40000", false},
		{"http://localhost.evil.example", "orders.example", "127.0.0.1:40000", false},
		{"file://", "orders.example", "127.0.0.1:40000", false},
	} {
		r := httptest.NewRequest("GET", "/ws/x", nil)
		r.Host, r.RemoteAddr = c.host, c.remote
		if c.origin != "" {
			r.Header.Set("Origin", c.origin)
		}
		if got := socketOriginAllowed(app, r); got != c.want {
			t.Errorf("Origin %q, Host %q, from %s: %v, want %v", c.origin, c.host, c.remote, got, c.want)
		}
	}
}

// A customer's cancellation is for our console only: the original app has no type for it and would present it as
// a reminder.
func TestSocketCarriesNewOrdersAndRemindersOnly(t *testing.T) {
	app, base := socketApp(t, time.Hour)
	_, tok := apptest.Employee(t, app, "alice", 1)
	s, code := apptest.DialSocket(t, base, "x1", apptest.SocketOptions{Header: cookie(tok)})
	if s == nil {
		t.Fatalf("HTTP %d", code)
	}
	raiseFor(t, app, CustomerCancel, "1763900000001")
	id := raiseFor(t, app, NewOrder, "1763900000002")
	expectFrame(t, s, NewOrder, id, "1763900000002") // the cancellation did not come first
}

// Locking an employee, or changing their password, closes their sockets at once; others stay.
func TestSocketOfALockedEmployeeCloses(t *testing.T) {
	app, base := socketApp(t, time.Hour)
	alice, aliceTok := apptest.Employee(t, app, "alice", 1)
	bob, bobTok := apptest.Employee(t, app, "bob", 1)
	_, carolTok := apptest.Employee(t, app, "carol", 1)
	sa, _ := apptest.DialSocket(t, base, "a", apptest.SocketOptions{Header: cookie(aliceTok)})
	sb, _ := apptest.DialSocket(t, base, "b", apptest.SocketOptions{Header: cookie(bobTok)})
	sc, _ := apptest.DialSocket(t, base, "c", apptest.SocketOptions{Header: cookie(carolTok)})
	if sa == nil || sb == nil || sc == nil {
		t.Fatal("dial")
	}
	alice.Set("status", 0)
	if err := app.Save(alice); err != nil {
		t.Fatal(err)
	}
	bob.SetPassword("another-password")
	if err := app.Save(bob); err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]*apptest.Socket{"locked": sa, "new password": sb} {
		select {
		case <-s.Closed:
			if s.CloseStatus != websocket.StatusPolicyViolation {
				t.Errorf("%s: closed with %d", name, s.CloseStatus)
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s: socket still open", name)
		}
	}
	id := raiseFor(t, app, NewOrder, "1763900000003")
	expectFrame(t, sc, NewOrder, id, "1763900000003")
}

// The server pings; sockets per address are capped, and a socket whose peer went away frees its place.
func TestSocketPingsAndCap(t *testing.T) {
	app, base := socketApp(t, 20*time.Millisecond)
	_, tok := apptest.Employee(t, app, "alice", 1)
	var pings atomic.Int32
	first, _ := apptest.DialSocket(t, base, "p", apptest.SocketOptions{Header: cookie(tok), OnPing: func() { pings.Add(1) }})
	if first == nil {
		t.Fatal("dial")
	}
	for deadline := time.Now().Add(5 * time.Second); pings.Load() < 3; {
		if time.Now().After(deadline) {
			t.Fatalf("%d pings", pings.Load())
		}
		time.Sleep(10 * time.Millisecond)
	}

	for i := 1; i < MaxSocketsPerAddress; i++ {
		if s, code := apptest.DialSocket(t, base, fmt.Sprint(i), apptest.SocketOptions{Header: cookie(tok)}); s == nil {
			t.Fatalf("socket %d: HTTP %d", i+1, code)
		}
	}
	if s, code := apptest.DialSocket(t, base, "over", apptest.SocketOptions{Header: cookie(tok)}); s != nil || code != http.StatusTooManyRequests {
		t.Fatalf("socket over the cap: HTTP %d", code)
	}
	first.Conn.CloseNow() // the tab is gone without a goodbye
	for deadline := time.Now().Add(5 * time.Second); ; {
		if s, _ := apptest.DialSocket(t, base, "again", apptest.SocketOptions{Header: cookie(tok)}); s != nil {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the place of a closed socket was never freed")
		}
		time.Sleep(20 * time.Millisecond)
	}
}
