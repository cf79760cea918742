// Package backup tests that a backup PocketBase takes while customers order can be restored and holds every
// order acknowledged before it began.
package backup

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/internal/apptest"
	"myrestaurant/modules"
	"myrestaurant/modules/config"
)

const adminPassword = "backup-admin-pass"

func register(t *testing.T) func(core.App) {
	return func(app core.App) {
		if err := modules.Register(app, &config.Config{Demo: true, AdminPassword: adminPassword}); err != nil {
			t.Fatal(err)
		}
	}
}

// client is a compat API client safe to use from many goroutines (apptest.Call fails the test, which only
// the test's own goroutine may do).
type client struct {
	base string
	auth []string
	http *http.Client
}

func (c client) call(method, path string, body any) (code int, data json.RawMessage, msg string, err error) {
	raw, _ := json.Marshal(body)
	req, _ := http.NewRequest(method, c.base+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	for i := 0; i+1 < len(c.auth); i += 2 {
		req.Header.Set(c.auth[i], c.auth[i+1])
	}
	res, err := c.http.Do(req)
	if err != nil {
		return 0, nil, "", err
	}
	defer res.Body.Close()
	b, _ := io.ReadAll(res.Body)
	var env struct {
		Code int             `json:"code"`
		Msg  *string         `json:"msg"`
		Data json.RawMessage `json:"data"`
	}
	if err := json.Unmarshal(b, &env); err != nil {
		return 0, nil, "", fmt.Errorf("%s %s: HTTP %d %s", method, path, res.StatusCode, b)
	}
	if env.Msg != nil {
		msg = *env.Msg
	}
	return env.Code, env.Data, msg, nil
}

// ack is an answer with code 1 and when the customer had it.
type ack struct {
	orderID string
	paid    bool
	at      time.Time
}

// customer signs in, keeps one address and orders a dish and pays for it until stop is closed. It reports
// every submit and every payment answered code 1, with the time of the answer.
func customer(base string, n int, dishID string, stop <-chan struct{}, acks chan<- ack, count *atomic.Int64, errs chan<- error) {
	c := client{base: base, http: &http.Client{Timeout: 30 * time.Second}}
	code, data, msg, err := c.call("POST", "/user/user/login", map[string]string{"code": fmt.Sprintf("backup-customer-%d", n)})
	if err != nil || code != 1 {
		errs <- fmt.Errorf("login: %d %s %v", code, msg, err)
		return
	}
	var login struct{ Token string }
	json.Unmarshal(data, &login)
	c.auth = []string{"authentication", login.Token}
	if code, _, msg, err := c.call("POST", "/user/addressBook", map[string]string{"consignee": "顾客", "phone": "13800138000", "sex": "0", "detail": "中关村大街1号"}); err != nil || code != 1 {
		errs <- fmt.Errorf("address: %d %s %v", code, msg, err)
		return
	}
	_, data, _, _ = c.call("GET", "/user/addressBook/list", nil)
	var addresses []struct{ ID json.Number }
	json.Unmarshal(data, &addresses)
	if len(addresses) == 0 {
		errs <- fmt.Errorf("no address: %s", data)
		return
	}
	for {
		select {
		case <-stop:
			return
		default:
		}
		if code, _, msg, err := c.call("POST", "/user/shoppingCart/add", map[string]any{"dishId": dishID, "dishFlavor": "微辣"}); err != nil || code != 1 {
			errs <- fmt.Errorf("cart: %d %s %v", code, msg, err)
			return
		}
		code, data, msg, err := c.call("POST", "/user/order/submit", map[string]any{"addressBookId": addresses[0].ID, "payMethod": 1,
			"estimatedDeliveryTime": "2030-01-01 12:00:00", "deliveryStatus": 1, "tablewareNumber": 1, "tablewareStatus": 0, "amount": "63.00"})
		if err != nil || code != 1 {
			errs <- fmt.Errorf("submit: %d %s %v", code, msg, err)
			return
		}
		var placed struct {
			ID          json.Number
			OrderNumber string
		}
		json.Unmarshal(data, &placed)
		acks <- ack{orderID: placed.ID.String(), at: time.Now()}
		count.Add(1)
		code, _, msg, err = c.call("PUT", "/user/order/payment", map[string]any{"orderNumber": placed.OrderNumber, "payMethod": 1})
		if err != nil || code != 1 {
			errs <- fmt.Errorf("pay: %d %s %v", code, msg, err)
			return
		}
		acks <- ack{orderID: placed.ID.String(), paid: true, at: time.Now()}
	}
}

// TestBackupTakenWhileCustomersOrderRestoresEveryAcknowledgedOrder takes a backup through PocketBase while 8
// customers submit and pay over HTTP, unzips it into a fresh data folder as PocketBase's restore does, serves
// that folder, and finds there every order acknowledged before the backup began, with its items, and every
// payment acknowledged before it began, in the order and in the payments ledger.
func TestBackupTakenWhileCustomersOrderRestoresEveryAcknowledgedOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("orders for a few seconds")
	}
	app := apptest.New(t, register(t))
	base := apptest.Serve(t, app)
	dish, err := app.FindFirstRecordByData("dishes", "name", "老坛酸菜鱼")
	if err != nil {
		t.Fatal(err)
	}

	orders := startOrdering(base, dish.Id, 8)
	// Customers are ordering (however slow the machine) ...
	waitFor(t, func() bool { return orders.placed.Load() >= 20 })
	began := time.Now()
	if err := app.CreateBackup(context.Background(), "during-orders.zip"); err != nil {
		t.Fatal(err)
	}
	took := time.Since(began)
	// ... and go on ordering after it.
	after := orders.placed.Load()
	waitFor(t, func() bool { return orders.placed.Load() >= after+8 })
	acks := orders.finish(t)

	submitted, paid := map[string]bool{}, map[string]bool{}
	var later int
	for _, a := range acks {
		switch {
		case !a.at.Before(began):
			later++
		case a.paid:
			paid[a.orderID] = true
		default:
			submitted[a.orderID] = true
		}
	}
	if len(submitted) < 20 || later == 0 {
		t.Fatalf("the backup must be taken amid orders: %d acknowledged before it, %d after", len(submitted), later)
	}
	t.Logf("backup took %v; %d orders and %d payments acknowledged before it, %d answers after it began",
		took, len(submitted), len(paid), later)

	// Restore: unzip into a new data folder, as PocketBase's RestoreBackup does before it swaps the folders.
	restored := t.TempDir()
	unzip(t, filepath.Join(app.DataDir(), core.LocalBackupsDirName, "during-orders.zip"), restored)
	for _, f := range []string{"data.db", "auxiliary.db"} {
		if _, err := os.Stat(filepath.Join(restored, f)); err != nil {
			t.Fatalf("the backup lacks %s: %v", f, err)
		}
	}
	app2, staff := restoredShop(t, restored)
	for id := range submitted {
		code, data, msg, err := staff.call("GET", "/admin/order/details/"+id, nil)
		if err != nil || code != 1 {
			t.Errorf("order %s acknowledged before the backup is not restored: %d %s %v", id, code, msg, err)
			continue
		}
		var o struct {
			Amount          float64
			PayStatus       int
			OrderDetailList []struct {
				Name   string
				Number int
			}
		}
		json.Unmarshal(data, &o)
		if o.Amount != 63 || len(o.OrderDetailList) != 1 || o.OrderDetailList[0].Name != "老坛酸菜鱼" || o.OrderDetailList[0].Number != 1 {
			t.Errorf("order %s restored without its items or amount: %s", id, data)
		}
		if paid[id] {
			if o.PayStatus != 1 {
				t.Errorf("order %s was paid before the backup, restored unpaid: %s", id, data)
			}
			n, err := app2.CountRecords("payments", dbx.HashExp{"order": id, "kind": "pay", "state": "succeeded"})
			if err != nil || n != 1 {
				t.Errorf("order %s: %d payments in the restored ledger (%v), want 1", id, n, err)
			}
		}
	}
}

// ordering is customers ordering in parallel until finish.
type ordering struct {
	stop   chan struct{}
	acks   chan ack
	errs   chan error
	wg     sync.WaitGroup
	placed atomic.Int64 // orders acknowledged so far
}

func startOrdering(base, dishID string, customers int) *ordering {
	o := &ordering{stop: make(chan struct{}), acks: make(chan ack, 100_000), errs: make(chan error, 100)}
	for n := range customers {
		o.wg.Add(1)
		go func() { defer o.wg.Done(); customer(base, n, dishID, o.stop, o.acks, &o.placed, o.errs) }()
	}
	return o
}

// finish stops the customers, fails the test on any error they met, and returns every acknowledgement.
func (o *ordering) finish(t *testing.T) []ack {
	close(o.stop)
	o.wg.Wait()
	close(o.acks)
	close(o.errs)
	for err := range o.errs {
		t.Error(err)
	}
	var all []ack
	for a := range o.acks {
		all = append(all, a)
	}
	return all
}

// restoredShop serves a restored data folder and returns its app and a client signed in as its admin.
func restoredShop(t *testing.T, dir string) (core.App, client) {
	t.Helper()
	app := apptest.FactoryWithConfig(func(c *core.BaseAppConfig) { c.DataDir = dir }, register(t))(t)
	t.Cleanup(app.Cleanup)
	staff := client{base: apptest.Serve(t, app), http: &http.Client{Timeout: 30 * time.Second}}
	code, data, msg, err := staff.call("POST", "/admin/employee/login", map[string]string{"username": "admin", "password": adminPassword})
	if err != nil || code != 1 {
		t.Fatalf("sign-in on the restored server: %d %s %v", code, msg, err)
	}
	var login struct{ Token string }
	json.Unmarshal(data, &login)
	staff.auth = []string{"token", login.Token}
	return app, staff
}

// waitFor waits until cond holds, at most a minute.
func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); !cond(); time.Sleep(10 * time.Millisecond) {
		if time.Now().After(deadline) {
			t.Fatal("the customers stopped ordering")
		}
	}
}

func unzip(t *testing.T, archive, dir string) {
	t.Helper()
	zr, err := zip.OpenReader(archive)
	if err != nil {
		t.Fatal(err)
	}
	defer zr.Close()
	for _, f := range zr.File {
		path := filepath.Join(dir, filepath.FromSlash(f.Name))
		if f.FileInfo().IsDir() {
			os.MkdirAll(path, 0o755)
			continue
		}
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		r, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		w, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := io.Copy(w, r); err != nil {
			t.Fatal(err)
		}
		r.Close()
		w.Close()
	}
}
