package main

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"
)

// The crash test runs the real server as a child process: this test binary started again with
// MYRESTAURANT_CRASHTEST_ARGS set runs main() with those arguments instead of the tests.
func TestMain(m *testing.M) {
	if args := os.Getenv("MYRESTAURANT_CRASHTEST_ARGS"); args != "" {
		os.Args = append([]string{os.Args[0]}, strings.Fields(args)...)
		main()
		return
	}
	os.Exit(m.Run())
}

type crashServer struct {
	t    *testing.T
	dir  string
	addr string
	cmd  *exec.Cmd
	log  bytes.Buffer
}

func (s *crashServer) start() {
	s.t.Helper()
	s.cmd = exec.Command(os.Args[0])
	s.cmd.Env = append(os.Environ(),
		"MYRESTAURANT_CRASHTEST_ARGS=serve --dir "+s.dir+" --http "+s.addr,
		"MYRESTAURANT_DEMO=1", "MYRESTAURANT_ADMIN_PASSWORD=crash-pass")
	s.log.Reset()
	s.cmd.Stdout, s.cmd.Stderr = &s.log, &s.log
	if err := s.cmd.Start(); err != nil {
		s.t.Fatal(err)
	}
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if res, err := http.Get("http://" + s.addr + "/api/health"); err == nil {
			res.Body.Close()
			if res.StatusCode == 200 {
				return
			}
		}
		time.Sleep(20 * time.Millisecond)
	}
	s.cmd.Process.Kill()
	s.t.Fatalf("server did not start cleanly:\n%s", s.log.String())
}

func (s *crashServer) kill() {
	s.cmd.Process.Kill() // SIGKILL: no shutdown hook runs
	s.cmd.Wait()
}

type crashClient struct {
	base string
	http *http.Client
}

// call sends a compat request and returns the envelope's code and data; a dead server gives an error.
func (c crashClient) call(method, path string, body any, headers ...string) (int, json.RawMessage, error) {
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(headers); i += 2 {
		req.Header.Set(headers[i], headers[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, err
	}
	defer res.Body.Close()
	b, err := io.ReadAll(res.Body)
	if err != nil {
		return 0, nil, err
	}
	var env struct {
		Code int             `json:"code"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return 0, nil, fmt.Errorf("HTTP %d %s", res.StatusCode, b)
	}
	return env.Code, env.Data, nil
}

type ackedOrder struct {
	ID     json.Number
	Amount float64
}

// TestCrashRecovery kills the server with SIGKILL while customers submit orders, several times, and restarts it
// on the same data: every order whose submit was answered code 1 is there, complete, afterwards, no order is
// without its items, and the server starts cleanly every time.
func TestCrashRecovery(t *testing.T) {
	if testing.Short() {
		t.Skip("starts and kills the real server several times")
	}
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := l.Addr().String()
	l.Close()
	srv := &crashServer{t: t, dir: t.TempDir(), addr: addr}
	srv.start()
	c := crashClient{base: "http://" + addr, http: &http.Client{Timeout: 5 * time.Second}}

	// Four customers, each with an address; the demo menu's first dish.
	type customer struct{ token, address string }
	var customers []customer
	for i := range 4 {
		code, data, err := c.call("POST", "/user/user/login", map[string]string{"code": fmt.Sprintf("crash-%d", i)})
		if err != nil || code != 1 {
			t.Fatalf("login: %v %s", err, data)
		}
		var login struct{ Token string }
		json.Unmarshal(data, &login)
		auth := []string{"authentication", login.Token}
		c.call("POST", "/user/addressBook", map[string]any{"consignee": "顾客", "phone": "13800000000", "detail": "一号路"}, auth...)
		_, data, _ = c.call("GET", "/user/addressBook/list", nil, auth...)
		var addrs []struct{ ID json.Number }
		json.Unmarshal(data, &addrs)
		if len(addrs) == 0 {
			t.Fatal("no address")
		}
		customers = append(customers, customer{login.Token, addrs[0].ID.String()})
	}
	_, data, _ := c.call("GET", "/user/category/list?type=1", nil, "authentication", customers[0].token)
	var cats []struct{ ID json.Number }
	json.Unmarshal(data, &cats)
	_, data, _ = c.call("GET", "/user/dish/list?categoryId="+cats[0].ID.String(), nil, "authentication", customers[0].token)
	var dishes []struct {
		ID    json.Number
		Price float64
	}
	json.Unmarshal(data, &dishes)
	if len(dishes) == 0 {
		t.Fatal("demo menu has no dish")
	}
	dish := dishes[0]
	amount := dish.Price + 1 + 6 // one item, ¥1 packing, ¥6 delivery: the demo shop's fees

	var (
		mu    sync.Mutex
		acked []ackedOrder
	)
	order := func(ctx context.Context, cu customer) {
		auth := []string{"authentication", cu.token}
		for ctx.Err() == nil {
			if _, _, err := c.call("DELETE", "/user/shoppingCart/clean", nil, auth...); err != nil {
				return
			}
			if code, _, err := c.call("POST", "/user/shoppingCart/add", map[string]any{"dishId": dish.ID}, auth...); err != nil || code != 1 {
				return
			}
			code, data, err := c.call("POST", "/user/order/submit", map[string]any{
				"addressBookId": cu.address, "payMethod": 1, "deliveryStatus": 1, "tablewareNumber": 0, "tablewareStatus": 1,
				"packAmount": 1, "amount": amount, "estimatedDeliveryTime": time.Now().Add(time.Hour).Format("2006-01-02 15:04:05"),
			}, auth...)
			if err != nil {
				return
			}
			if code == 1 {
				var o struct{ ID json.Number }
				json.Unmarshal(data, &o)
				mu.Lock()
				acked = append(acked, ackedOrder{ID: o.ID, Amount: amount})
				mu.Unlock()
			}
		}
	}

	const rounds = 4
	for round := range rounds {
		ctx, cancel := context.WithCancel(context.Background())
		var wg sync.WaitGroup
		for _, cu := range customers {
			wg.Go(func() { order(ctx, cu) })
		}
		time.Sleep(time.Duration(600+200*round) * time.Millisecond)
		srv.kill()
		cancel()
		wg.Wait()
		srv.start() // must come up cleanly on the data the kill left behind
	}
	defer srv.kill()

	if len(acked) == 0 {
		t.Fatal("no order was acknowledged")
	}
	code, data, err := c.call("POST", "/admin/employee/login", map[string]string{"username": "admin", "password": "crash-pass"})
	if err != nil || code != 1 {
		t.Fatalf("admin login: %v", err)
	}
	var admin struct{ Token string }
	json.Unmarshal(data, &admin)
	staff := []string{"token", admin.Token}
	for _, o := range acked {
		code, data, err := c.call("GET", "/admin/order/details/"+o.ID.String(), nil, staff...)
		var got struct {
			Amount          float64
			OrderDetailList []struct{ Number int }
		}
		json.Unmarshal(data, &got)
		if err != nil || code != 1 || got.Amount != o.Amount || len(got.OrderDetailList) != 1 || got.OrderDetailList[0].Number != 1 {
			t.Errorf("acknowledged order %s after the crashes: code %d, %s", o.ID, code, data)
		}
	}
	// No order at all (acknowledged or cut off mid-answer) may exist without its items.
	_, data, _ = c.call("GET", "/admin/order/conditionSearch?page=1&pageSize=1000", nil, staff...)
	var page struct {
		Total   int
		Records []struct {
			ID          json.Number
			OrderDishes string
		}
	}
	json.Unmarshal(data, &page)
	for _, r := range page.Records {
		if r.OrderDishes == "" {
			t.Errorf("order %s has no items", r.ID)
		}
	}
	if page.Total < len(acked) {
		t.Errorf("%d orders stored, %d acknowledged", page.Total, len(acked))
	}
	t.Logf("%d rounds of SIGKILL: %d acknowledged orders all present and complete; %d stored", rounds, len(acked), page.Total)
}
