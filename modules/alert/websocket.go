package alert

import (
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/coder/websocket"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/auth"
	"myrestaurant/modules/compat"
)

// GET /ws/{sid} is the alert socket of the original admin web app: right after sign-in it opens
// ws://localhost/ws/<random id> and plays a sound for every text frame {"type":1|2,"orderId":…,"content":…}.
// The frames are the alerts PocketBase realtime delivers (the same records, sent after they are committed), so
// the socket and the console never disagree. The sid only names the tab; the original ignored it and so do we.
//
// The original had no authentication. Here the handshake needs the token of an enabled employee, and a browser
// page must come from an allowed origin (socketOriginAllowed); anything else is refused with a plain HTTP error
// before the upgrade.

// MaxSocketsPerAddress bounds the alert sockets open from one client address. Behind a reverse proxy every
// browser has the proxy's address unless the proxy's forwarded-for header is trusted in the PocketBase settings.
const MaxSocketsPerAddress = 20

func bindSocketRoute(se *core.ServeEvent, hub *socketHub) {
	se.Router.GET("/ws/{sid}", hub.serve)
}

// socketEmployee is the enabled employee whose token the handshake carries, or nil. The original app keeps the
// token in its `token` cookie, which the browser sends with the handshake; other clients may use the `token`
// header (or `Authorization`) or the `token` query parameter.
func socketEmployee(e *core.RequestEvent) (employee *core.Record, token string) {
	token = auth.TokenFrom(e.Request, "Token")
	if token == "" {
		token = compat.Query(e, "token")
	}
	if token == "" {
		if c, err := e.Request.Cookie("token"); err == nil {
			token, _ = url.PathUnescape(c.Value) // js-cookie escapes what a cookie cannot hold
		}
	}
	r := auth.AuthRecord(e.App, strings.TrimSpace(token))
	if !auth.IsEnabledEmployee(r) {
		return nil, ""
	}
	return r, token
}

// socketOriginAllowed tells whether the page that opens the socket may listen to the alerts. A browser sends
// the staff cookie with a handshake from any page, so a page of another site must be refused. Allowed:
//
//   - no Origin: not a browser (a browser always sends one with a WebSocket handshake);
//   - the server's own host, as the request names it (the page and the socket served together);
//   - the application URL of the PocketBase settings (a page served elsewhere under the shop's public name);
//   - a loopback host (http://localhost, where the original app is served: its socket URL is fixed to
//     ws://localhost/ws/), when the connection itself comes from this machine: a browser here, or a proxy here
//     such as the original's nginx, which passes the upstream's name as Host.
func socketOriginAllowed(app core.App, r *http.Request) bool {
	origin := r.Header.Get("Origin")
	if origin == "" {
		return true
	}
	o, err := url.Parse(origin)
	if err != nil || o.Host == "" || (o.Scheme != "http" && o.Scheme != "https") {
		return false
	}
	if strings.EqualFold(o.Host, r.Host) {
		return true
	}
	if appURL, err := url.Parse(app.Settings().Meta.AppURL); err == nil && appURL.Host != "" &&
		strings.EqualFold(appURL.Scheme, o.Scheme) && strings.EqualFold(appURL.Host, o.Host) {
		return true
	}
	return isLoopbackHost(o.Hostname()) && isLoopbackAddress(r.RemoteAddr)
}

func isLoopbackHost(host string) bool {
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func isLoopbackAddress(remoteAddr string) bool {
	host, _, err := net.SplitHostPort(remoteAddr)
	if err != nil {
		host = remoteAddr
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// serve checks the handshake, then holds the socket until the peer leaves, the employee is locked or the
// server stops.
func (h *socketHub) serve(e *core.RequestEvent) error {
	employee, token := socketEmployee(e)
	if employee == nil {
		return e.UnauthorizedError("An enabled employee's token is required.", nil)
	}
	if !socketOriginAllowed(e.App, e.Request) {
		return e.ForbiddenError("This page's origin may not open the alert socket.", nil)
	}
	s := h.join(employee.Id, token, e.RealIP())
	if s == nil {
		return e.TooManyRequestsError("Too many alert sockets from this address.", nil)
	}
	defer h.leave(s)

	// PocketBase's server read and write timeouts would end the socket after minutes; the pings watch it instead.
	rc := http.NewResponseController(e.Response)
	_ = rc.SetReadDeadline(time.Time{})
	_ = rc.SetWriteDeadline(time.Time{})
	// The origin is checked above by the rule of this module, which the library's same-host rule cannot express.
	conn, err := websocket.Accept(e.Response, e.Request, &websocket.AcceptOptions{InsecureSkipVerify: true})
	if err != nil {
		return nil // Accept has answered the client (not a WebSocket handshake)
	}
	s.run(conn, h.pingEvery)
	return nil
}
