package loadtest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"myrestaurant/modules/compat"
)

// Options is what the loadtest command's flags set.
type Options struct {
	URL           string
	AdminUser     string
	AdminPassword string
	Customers     int
	Consoles      int
	Duration      time.Duration
	Scenario      string // menu, order, staff or all
	ServerPID     int    // when > 0, the server's process on this machine: its CPU and memory are reported
}

// Scenarios the command accepts.
const (
	ScenarioMenu  = "menu"
	ScenarioOrder = "order"
	ScenarioStaff = "staff"
	ScenarioAll   = "all"
)

// Result is what a run found.
type Result struct {
	Orders        int      // orders whose submit answered code 1
	Paid          int      // of those, orders whose payment answered code 1
	AlertsWanted  int      // paid orders × consoles
	AlertsArrived int      // alerts the consoles received for paid orders
	Mismatches    []string // orders the verification found wrong
}

// alertGrace is how long the run waits after the load for the last alerts to arrive.
const alertGrace = 5 * time.Second

// alertQuiet is how long no alert must arrive before the consoles hang up.
const alertQuiet = 300 * time.Millisecond

// customer is one signed-in mini-program user with a default address.
type customer struct {
	*client
	addressID compat.ID
}

// menuDish is a dish on sale that customers put in their carts.
type menuDish struct {
	ID         compat.ID `json:"id"`
	CategoryID compat.ID `json:"categoryId"`
	Status     int       `json:"status"`
}

// submitted is an order whose submit answered code 1, and what it should hold.
type submitted struct {
	id     compat.ID
	number string
	lines  int
	amount int64 // cents
}

// run is one load run's shared state.
type run struct {
	opts       Options
	httpc      *http.Client
	admin      *client
	customers  []*customer
	fees       struct{ delivery, packing int64 }
	categories []compat.ID
	dishes     []menuDish
	stats      *stats
	alerts     *alertBook

	mu     sync.Mutex
	orders []submitted
}

// Run drives the server at opts.URL with the workloads of opts.Scenario for opts.Duration, writes the figures
// to w, verifies the orders placed and returns what it found. An error means the run could not be set up.
func Run(ctx context.Context, opts Options, w io.Writer) (Result, error) {
	switch opts.Scenario {
	case ScenarioMenu, ScenarioOrder, ScenarioStaff, ScenarioAll:
	default:
		return Result{}, fmt.Errorf("unknown scenario %q (menu, order, staff or all)", opts.Scenario)
	}
	if opts.Customers < 1 && opts.Scenario != ScenarioStaff {
		return Result{}, errors.New("--customers must be at least 1")
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.MaxIdleConnsPerHost = 2*opts.Customers + opts.Consoles + 8
	r := &run{
		opts:   opts,
		httpc:  &http.Client{Transport: transport},
		stats:  newStats(),
		alerts: newAlertBook(opts.Consoles),
	}
	defer transport.CloseIdleConnections()
	if err := r.setup(ctx); err != nil {
		return Result{}, err
	}

	consoleCtx, stopConsoles := context.WithCancel(ctx)
	defer stopConsoles()
	if err := r.startConsoles(consoleCtx); err != nil {
		return Result{}, err
	}

	loadCtx, stopLoad := context.WithTimeout(ctx, opts.Duration)
	defer stopLoad()
	cpuBefore, cpuErr := serverCPU(opts.ServerPID)
	started := time.Now()
	r.runWorkloads(loadCtx)
	elapsed := time.Since(started)
	cpuAfter, _ := serverCPU(opts.ServerPID)

	// Give the last alerts a moment; stop once all have come and the stream has gone quiet, so the consoles do
	// not hang up on alerts of payments the end of the load cut off.
	for deadline := time.Now().Add(alertGrace); (!r.alerts.complete() || !r.alerts.quietSince(alertQuiet)) &&
		time.Now().Before(deadline); {
		time.Sleep(50 * time.Millisecond)
	}
	stopConsoles()

	res := Result{Orders: len(r.orders), Paid: len(r.alerts.paidAt)}
	delays, missing, early := r.alerts.delays()
	res.AlertsWanted = res.Paid * opts.Consoles
	res.AlertsArrived = res.AlertsWanted - missing

	fmt.Fprintf(w, "load: %s for %s, %d customers, %d consoles, against %s\n",
		opts.Scenario, elapsed.Round(time.Millisecond), len(r.customers), opts.Consoles, opts.URL)
	r.stats.print(w, elapsed)
	if opts.ServerPID > 0 {
		if cpuErr != nil {
			return Result{}, fmt.Errorf("--server-pid: %w", cpuErr)
		}
		rss, err := serverRSS(opts.ServerPID)
		if err != nil {
			return Result{}, fmt.Errorf("--server-pid: %w", err)
		}
		cpu := cpuAfter - cpuBefore
		fmt.Fprintf(w, "server: %s CPU over the load (%.0f%% of one core), %.2f ms per paid order (%d); RSS after the load %d MB\n",
			cpu.Round(10*time.Millisecond), 100*cpu.Seconds()/elapsed.Seconds(),
			float64(cpu.Microseconds())/1000/float64(max(res.Paid, 1)), res.Paid, rss>>20)
	}
	if opts.Consoles > 0 {
		ds := sorted(delays)
		fmt.Fprintf(w, "alerts: %d paid orders × %d consoles: %d arrived (%d before the pay answer), %d missing; "+
			"delay after pay answer p50 %s p99 %s\n", res.Paid, opts.Consoles, res.AlertsArrived, early, missing,
			round(percentile(ds, 50)), round(percentile(ds, 99)))
	}

	res.Mismatches = r.verify(ctx)
	fmt.Fprintf(w, "verify: %d orders checked, %d mismatches\n", res.Orders, len(res.Mismatches))
	for _, m := range res.Mismatches {
		fmt.Fprintln(w, "  MISMATCH", m)
	}
	return res, nil
}

// timed runs call as operation op and records its latency and error.
func (r *run) timed(op string, call func() error) error {
	start := time.Now()
	err := call()
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err // the run ended during the call; not a failure of the server
	}
	r.stats.record(op, time.Since(start), err)
	return err
}

// setup signs the admin in, opens the shop, reads the fees and the menu, and signs every customer in with an
// empty cart and a default address.
func (r *run) setup(ctx context.Context) error {
	r.admin = &client{base: r.opts.URL, http: r.httpc, authHeader: "token"}
	var login struct {
		Token string `json:"token"`
	}
	err := r.admin.call(ctx, "POST", "/admin/employee/login",
		map[string]string{"username": r.opts.AdminUser, "password": r.opts.AdminPassword}, &login)
	if err != nil {
		return fmt.Errorf("admin login: %w", err)
	}
	r.admin.token = login.Token
	if err := r.admin.call(ctx, "PUT", "/admin/shop/1", nil, nil); err != nil {
		return fmt.Errorf("opening the shop: %w", err)
	}
	var settings struct {
		DeliveryFee compat.Money `json:"deliveryFee"`
		PackingFee  compat.Money `json:"packingFee"`
	}
	if err := r.admin.call(ctx, "GET", "/admin/shop/settings", nil, &settings); err != nil {
		return fmt.Errorf("shop settings: %w", err)
	}
	r.fees.delivery, r.fees.packing = settings.DeliveryFee.Cents, settings.PackingFee.Cents

	customers := r.opts.Customers
	if r.opts.Scenario == ScenarioStaff {
		customers = 0
	}
	for i := range customers {
		c, err := r.signIn(ctx, i)
		if err != nil {
			return fmt.Errorf("customer %d: %w", i, err)
		}
		r.customers = append(r.customers, c)
	}
	if len(r.customers) > 0 {
		if err := r.readMenu(ctx, r.customers[0]); err != nil {
			return fmt.Errorf("reading the menu: %w", err)
		}
		if len(r.dishes) == 0 && r.opts.Scenario != ScenarioMenu {
			return errors.New("the menu has no dish on sale: start the server with --demo or add dishes")
		}
	}
	return nil
}

func (r *run) signIn(ctx context.Context, i int) (*customer, error) {
	c := &customer{client: &client{base: r.opts.URL, http: r.httpc, authHeader: "authentication"}}
	var login struct {
		Token string `json:"token"`
	}
	if err := c.call(ctx, "POST", "/user/user/login", map[string]string{"code": "load-" + strconv.Itoa(i)}, &login); err != nil {
		if strings.Contains(err.Error(), "HTTP 429") {
			return nil, fmt.Errorf("login: %w: the server allows 30 customer sign-ins a minute from one address; "+
				"use fewer --customers or raise the rule \"POST /user/user/login\" in the dashboard (Settings › Rate limits)", err)
		}
		return nil, fmt.Errorf("login: %w", err)
	}
	c.token = login.Token
	// A customer of an earlier run may have left items in the cart.
	if err := c.call(ctx, "DELETE", "/user/shoppingCart/clean", nil, nil); err != nil {
		return nil, fmt.Errorf("cleaning the cart: %w", err)
	}
	address := map[string]any{
		"consignee": "压测" + strconv.Itoa(i), "phone": "13800000000", "sex": "0",
		"provinceCode": "11", "provinceName": "北京市", "cityCode": "1101", "cityName": "市辖区",
		"districtCode": "110101", "districtName": "东城区", "detail": "压测路" + strconv.Itoa(i) + "号", "label": "1",
	}
	if err := c.call(ctx, "POST", "/user/addressBook", address, nil); err != nil {
		return nil, fmt.Errorf("adding an address: %w", err)
	}
	var list []struct {
		ID compat.ID `json:"id"`
	}
	if err := c.call(ctx, "GET", "/user/addressBook/list", nil, &list); err != nil || len(list) == 0 {
		return nil, fmt.Errorf("listing addresses: %v", err)
	}
	c.addressID = list[len(list)-1].ID
	if err := c.call(ctx, "PUT", "/user/addressBook/default", map[string]any{"id": c.addressID}, nil); err != nil {
		return nil, fmt.Errorf("setting the default address: %w", err)
	}
	return c, nil
}

// readMenu notes the categories and the dishes on sale, as the mini-program's menu page loads them.
func (r *run) readMenu(ctx context.Context, c *customer) error {
	var categories []struct {
		ID   compat.ID `json:"id"`
		Type int       `json:"type"`
	}
	if err := c.call(ctx, "GET", "/user/category/list", nil, &categories); err != nil {
		return err
	}
	for _, cat := range categories {
		if cat.Type != 1 {
			continue
		}
		r.categories = append(r.categories, cat.ID)
		var dishes []menuDish
		if err := c.call(ctx, "GET", "/user/dish/list?categoryId="+cat.ID.String(), nil, &dishes); err != nil {
			return err
		}
		for _, d := range dishes {
			if d.Status == 1 {
				r.dishes = append(r.dishes, d)
			}
		}
	}
	return nil
}

// startConsoles connects the staff consoles to the alerts; each one's arrivals go to the alert book.
func (r *run) startConsoles(ctx context.Context) error {
	for i := range r.opts.Consoles {
		arrivals := make(chan alertArrival, 256)
		if err := subscribeAlerts(ctx, r.httpc, r.opts.URL, r.admin.token, arrivals); err != nil {
			return fmt.Errorf("console %d: %w", i, err)
		}
		go func() {
			for {
				select {
				case a := <-arrivals:
					r.alerts.arrived(i, a)
				case <-ctx.Done():
					return
				}
			}
		}()
	}
	return nil
}

// runWorkloads runs the scenario's workers until ctx ends: per customer a menu reader and an orderer, and two
// staff members querying orders.
func (r *run) runWorkloads(ctx context.Context) {
	s := r.opts.Scenario
	var wg sync.WaitGroup
	worker := func(step func(context.Context)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for ctx.Err() == nil {
				step(ctx)
			}
		}()
	}
	for _, c := range r.customers {
		if s == ScenarioMenu || s == ScenarioAll {
			worker(func(ctx context.Context) { r.browse(ctx, c) })
		}
		if s == ScenarioOrder || s == ScenarioAll {
			worker(func(ctx context.Context) { r.order(ctx, c) })
		}
	}
	if s == ScenarioStaff || s == ScenarioAll {
		for range 2 {
			worker(r.queryOrders)
		}
	}
	wg.Wait()
}

// browse reads the category list and one category's dishes.
func (r *run) browse(ctx context.Context, c *customer) {
	if r.timed("menu.categories", func() error { return c.call(ctx, "GET", "/user/category/list", nil, nil) }) != nil ||
		len(r.categories) == 0 {
		return
	}
	id := r.categories[rand.IntN(len(r.categories))]
	r.timed("menu.dishes", func() error {
		return c.call(ctx, "GET", "/user/dish/list?categoryId="+id.String(), nil, nil)
	})
}

// order goes the mini-program's way from cart to paid order: add one to three dishes, read the cart, submit with
// the total the mini-program shows, pay.
func (r *run) order(ctx context.Context, c *customer) {
	for range 1 + rand.IntN(3) {
		d := r.dishes[rand.IntN(len(r.dishes))]
		if r.timed("cart.add", func() error {
			return c.call(ctx, "POST", "/user/shoppingCart/add", map[string]any{"dishId": d.ID}, nil)
		}) != nil {
			return
		}
	}
	var cart []struct {
		Number int          `json:"number"`
		Amount compat.Money `json:"amount"` // unit price
	}
	if r.timed("cart.list", func() error { return c.call(ctx, "GET", "/user/shoppingCart/list", nil, &cart) }) != nil {
		return
	}
	amount, items := r.fees.delivery, int64(0)
	for _, line := range cart {
		amount += (line.Amount.Cents + r.fees.packing) * int64(line.Number)
		items += int64(line.Number)
	}
	body := map[string]any{
		"addressBookId": c.addressID, "payMethod": 1, "remark": "",
		"estimatedDeliveryTime": time.Now().Add(time.Hour).In(compat.Zone()).Format("2006-01-02 15:04:05"),
		"deliveryStatus":        1, "tablewareNumber": 0, "tablewareStatus": 1,
		"packAmount": compat.Cents(r.fees.packing * items), "amount": compat.Cents(amount),
	}
	var placed struct {
		ID          compat.ID `json:"id"`
		OrderNumber string    `json:"orderNumber"`
	}
	if r.timed("order.submit", func() error { return c.call(ctx, "POST", "/user/order/submit", body, &placed) }) != nil {
		// Start the next order from an empty cart.
		c.call(context.WithoutCancel(ctx), "DELETE", "/user/shoppingCart/clean", nil, nil)
		return
	}
	r.mu.Lock()
	r.orders = append(r.orders, submitted{id: placed.ID, number: placed.OrderNumber, lines: len(cart), amount: amount})
	r.mu.Unlock()
	pay := map[string]any{"orderNumber": placed.OrderNumber, "payMethod": 1}
	if r.timed("order.pay", func() error { return c.call(ctx, "PUT", "/user/order/payment", pay, nil) }) == nil {
		r.alerts.paid(placed.OrderNumber, time.Now())
	}
}

// queryOrders is a staff member refreshing the order list and the order counts.
func (r *run) queryOrders(ctx context.Context) {
	r.timed("staff.search", func() error {
		return r.admin.call(ctx, "GET", "/admin/order/conditionSearch?page=1&pageSize=10", nil, nil)
	})
	r.timed("staff.statistics", func() error { return r.admin.call(ctx, "GET", "/admin/order/statistics", nil, nil) })
}
