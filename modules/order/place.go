package order

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/appstate"
	"myrestaurant/modules/cart"
	"myrestaurant/modules/compat"
)

// Writing a quoted order. Orders that arrive while another transaction holds SQLite's one writer wait, and then
// go together into the next transaction, each in its own savepoint: SQLite writes and commits once for all of
// them (group commit), and one order's failure undoes only that order. The customer's answer comes after the
// commit, so an acknowledged order is on disk.

// maxOrdersPerCommit bounds a group, so one commit never keeps the writer for long.
const maxOrdersPerCommit = 64

// placer is the one goroutine of an app that writes submitted orders.
type placer struct {
	app      core.App
	requests chan placement
	quit     chan struct{}
	done     chan struct{} // closed when run has returned
	stopOnce sync.Once
}

type placement struct {
	quote  quote
	result chan placeResult
}

type placeResult struct {
	out SubmitResult
	err error
}

const placerKey = appstate.OrderPlacer

// startPlacer starts the app's order writer; stop ends it.
func startPlacer(app core.App) *placer {
	p := &placer{app: app, requests: make(chan placement), quit: make(chan struct{}), done: make(chan struct{})}
	app.Store().Set(placerKey, p)
	go p.run()
	return p
}

// stop ends the writer once the group it is writing, if any, has committed: the app closes its database next.
func (p *placer) stop() {
	p.stopOnce.Do(func() {
		close(p.quit)
		p.app.Store().Remove(placerKey)
	})
	<-p.done
}

// placeOrder writes a quoted order and its items and empties the cart, or returns errQuoteStale (the cart
// changed) or the business error of a new quote, and writes nothing.
func placeOrder(app core.App, q quote) (SubmitResult, error) {
	if app.IsTransactional() {
		// Already inside a transaction, which holds the one write connection the writer would wait for.
		var out SubmitResult
		err := app.RunInTransaction(func(tx core.App) error {
			var err error
			out, err = placeQuoted(tx, q)
			return err
		})
		return out, err
	}
	p, _ := app.Store().Get(placerKey).(*placer)
	if p == nil {
		// Said, rather than written another way that no test of the writer covers.
		return SubmitResult{}, errNoPlacer
	}
	result := make(chan placeResult, 1)
	select {
	case p.requests <- placement{quote: q, result: result}:
	case <-p.quit:
		return SubmitResult{}, errors.New("order: the server is stopping")
	}
	r := <-result
	return r.out, r.err
}

func (p *placer) run() {
	defer close(p.done)
	for {
		var group []placement
		select {
		case first := <-p.requests:
			group = append(group, first)
		case <-p.quit:
			return
		}
	gather:
		for len(group) < maxOrdersPerCommit {
			select {
			case next := <-p.requests:
				group = append(group, next)
			default:
				break gather
			}
		}
		p.write(group)
	}
}

// write places a group of orders in one transaction and answers each once it has committed.
func (p *placer) write(group []placement) {
	answered := false
	defer func() {
		// Whatever went wrong, the writer lives on and nobody waits for ever.
		if r := recover(); r != nil && !answered {
			for _, pl := range group {
				pl.result <- placeResult{err: fmt.Errorf("order: writing a group panicked: %v", r)}
			}
		}
	}()
	results := make([]placeResult, len(group))
	err := p.app.RunInTransaction(func(tx core.App) error {
		prepared := newPreparedTx(tx)
		defer prepared.close()
		for i, pl := range group {
			out, err := placeInSavepoint(prepared, pl.quote)
			if errors.Is(err, errSavepointLost) {
				return err
			}
			results[i] = placeResult{out, err}
		}
		return nil
	})
	answered = true
	for i, pl := range group {
		if err != nil {
			results[i] = placeResult{err: err}
		}
		pl.result <- results[i]
	}
}

// preparedTx is the transaction app of a group commit. The plain statements run for every order of the group
// (the savepoints, the cart checkout, the order and item inserts) are prepared once per group instead of once
// per order: preparing is a fifth of a submit's CPU. Only direct DB().NewQuery calls are shared; query builders
// (Select, RecordQuery, …) and every other method of the app are the transaction's own.
type preparedTx struct {
	core.App
	db *preparedBuilder
}

type preparedBuilder struct {
	dbx.Builder
	queries map[string]*dbx.Query
}

func newPreparedTx(tx core.App) *preparedTx {
	return &preparedTx{App: tx, db: &preparedBuilder{Builder: tx.DB(), queries: map[string]*dbx.Query{}}}
}

func (t *preparedTx) DB() dbx.Builder { return t.db }

// NewQuery returns the group's prepared statement for sql. Callers bind all its parameters every time.
func (b *preparedBuilder) NewQuery(sql string) *dbx.Query {
	q, ok := b.queries[sql]
	if !ok {
		q = b.Builder.NewQuery(sql).Prepare()
		b.queries[sql] = q
	}
	return q
}

func (t *preparedTx) close() {
	for _, q := range t.db.queries {
		q.Close()
	}
}

// errNoPlacer: an app without the writer is built wrong or is stopping.
var errNoPlacer = errors.New("order: no order writer (the app is stopping, or order.Register was not called)")

// errSavepointLost means an order could not be undone on its own; the whole group is rolled back.
var errSavepointLost = errors.New("order: could not roll back to the order's savepoint")

func placeInSavepoint(tx core.App, q quote) (out SubmitResult, err error) {
	if _, err := tx.DB().NewQuery("SAVEPOINT place_order").Execute(); err != nil {
		return SubmitResult{}, fmt.Errorf("%w: %w", errSavepointLost, err)
	}
	out, err = placeGuarded(tx, q)
	if err != nil {
		if _, rbErr := tx.DB().NewQuery("ROLLBACK TO place_order").Execute(); rbErr != nil {
			return SubmitResult{}, fmt.Errorf("%w: %w", errSavepointLost, rbErr)
		}
	}
	if _, relErr := tx.DB().NewQuery("RELEASE place_order").Execute(); relErr != nil {
		return SubmitResult{}, fmt.Errorf("%w: %w", errSavepointLost, relErr)
	}
	return out, err
}

// placeGuarded is placeQuoted with a panic turned into that order's error, so the writer goes on.
func placeGuarded(tx core.App, q quote) (out SubmitResult, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("order: placing panicked: %v", r)
		}
	}()
	return placeQuoted(tx, q)
}

// placeQuoted writes a quoted order inside tx.
func placeQuoted(tx core.App, q quote) (SubmitResult, error) {
	if w := priceWatchOf(tx); w == nil || !w.holds(q.prices) {
		// The shop or the menu changed (or was changing) since the price was read: price it again, now
		// that no other write can come between.
		fresh, err := quoteOrder(tx, q.userID, q.in)
		if err != nil {
			return SubmitResult{}, err
		}
		q = fresh
	}
	same, err := cart.Checkout(tx, q.userID, q.cart)
	if err != nil {
		return SubmitResult{}, err
	}
	if !same {
		return SubmitResult{}, errQuoteStale
	}
	id, number, err := insertOrder(tx, q)
	if err != nil {
		return SubmitResult{}, err
	}
	if err := insertDetails(tx, id, q.bill); err != nil {
		return SubmitResult{}, err
	}
	return SubmitResult{
		ID:          compat.ParseID(id),
		OrderNumber: number,
		OrderAmount: compat.Cents(q.bill.total()),
		OrderTime:   compat.TimeOf(q.now),
	}, nil
}

// insertOrderSQL writes a new order; its other columns (checkout, cancel and delivery times and reasons) keep
// their defaults. insertOrder binds every column named here.
var insertOrderSQL = func() string {
	columns := []string{colID, colNumber, colStatus, colUser, colAddressBook, colOrderTime, colPayMethod, colPayStatus,
		colAmount, colRemark, colPhone, colAddress, colUserName, colConsignee, colEstimatedDeliveryTime, colDeliveryStatus,
		colPackAmount, colDeliveryFee, colTablewareNumber, colTablewareStatus, colChannel, colTableNo, colCreated, colUpdated}
	names, values := make([]string, len(columns)), make([]string, len(columns))
	for i, c := range columns {
		names[i], values[i] = "[["+c+"]]", "{:"+c+"}"
	}
	return "INSERT INTO {{" + OrdersCollection + "}} (" + strings.Join(names, ", ") + ") VALUES (" + strings.Join(values, ", ") + ")"
}()

// insertOrder writes the order with one plain INSERT, as insertDetails writes its items: every value is checked or
// cut to its column above, and a new order is unpaid, so nothing listens for it yet (the staff hear of it when it
// is paid, through the state machine, which saves through the record). It returns the order's id and number.
func insertOrder(tx core.App, q quote) (id, number string, err error) {
	in, b, d := q.in, q.bill, q.delivery
	now := dbTime(q.now)
	params := dbx.Params{
		colStatus:                PendingPayment,
		colUser:                  q.userID.String(),
		colAddressBook:           d.AddressID,
		colOrderTime:             now,
		colPayMethod:             in.PayMethod.Value,
		colPayStatus:             Unpaid,
		colAmount:                b.total(),
		colRemark:                in.Remark.Value,
		colPhone:                 d.Phone,
		colAddress:               truncate(d.ProvinceName+d.CityName+d.DistrictName+d.Detail, 255),
		colUserName:              truncate(d.CustomerName, 32),
		colConsignee:             truncate(d.Consignee, 50),
		colEstimatedDeliveryTime: "",
		colDeliveryStatus:        in.DeliveryStatus.Value,
		colPackAmount:            b.packAmount(),
		colDeliveryFee:           b.delivery,
		colTablewareNumber:       in.TablewareNumber.Value,
		colTablewareStatus:       in.TablewareStatus.Value,
		colChannel:               in.Channel,
		colTableNo:               in.TableNo.Value,
		colCreated:               now,
		colUpdated:               now,
	}
	if !in.EstimatedDeliveryTime.IsZero() {
		params[colEstimatedDeliveryTime] = dbTime(in.EstimatedDeliveryTime.Time)
	}
	if err := checkColumns(tx, OrdersCollection, params); err != nil {
		return "", "", err
	}
	insert := tx.DB().NewQuery(insertOrderSQL)

	// The numbers of this process never repeat; a clash means another process (or a clock set back after a
	// restart) used the number, so draw past it. The id is random, as PocketBase draws it; a clash draws again.
	for attempt := 0; ; attempt++ {
		id, number = compat.NewID().String(), numbers.next(q.now)
		params[colID], params[colNumber] = id, number
		_, err = insert.Bind(params).Execute()
		if err == nil {
			return id, number, nil
		}
		if attempt == 9 {
			return "", "", err
		}
		switch {
		case strings.Contains(err.Error(), "UNIQUE constraint failed: "+OrdersCollection+"."+colNumber):
			numbers.skipPast(number)
		case strings.Contains(err.Error(), "UNIQUE constraint failed: "+OrdersCollection+"."+colID):
		default:
			return "", "", err
		}
	}
}

// insertDetails writes the order's items in one plain INSERT: every value comes from the menu and the cart and is
// held to the collection's rules (checkColumns), and nothing listens for new items of an unpaid order (the sales
// report's hook cares about completed orders only).
func insertDetails(tx core.App, orderID string, b bill) error {
	var sql strings.Builder
	sql.WriteString("INSERT INTO {{" + DetailsCollection + "}} ([[" + colID + "]], [[" + colDetailOrder + "]]")
	for _, c := range detailColumns {
		sql.WriteString(", [[" + c + "]]")
	}
	sql.WriteString(") VALUES ")
	params := dbx.Params{colDetailOrder: orderID}
	rows := make([]dbx.Params, len(b.lines))
	for i, l := range b.lines {
		if i > 0 {
			sql.WriteString(", ")
		}
		rows[i] = dbx.Params{
			colDetailName:       truncate(l.sellable.Name, 32),
			colDetailImage:      l.sellable.Image,
			colDetailDishID:     l.sellable.DishID.String(),
			colDetailSetmealID:  l.sellable.SetmealID.String(),
			colDetailDishFlavor: l.item.DishFlavor.Value,
			colDetailNumber:     l.item.Number,
			colDetailAmount:     l.sellable.Price,
		}
		n := strconv.Itoa(i)
		sql.WriteString("({:id" + n + "}, {:" + colDetailOrder + "}")
		for _, c := range detailColumns {
			sql.WriteString(", {:" + c + n + "}")
			params[c+n] = rows[i][c]
		}
		sql.WriteString(")")
	}
	if err := checkColumns(tx, DetailsCollection, rows...); err != nil {
		return err
	}
	// Random ids, as PocketBase draws them; a clash with an existing item (about one in 10^9 per item at a
	// million items) draws again.
	for attempt := 0; ; attempt++ {
		for i := range b.lines {
			params["id"+strconv.Itoa(i)] = compat.NewID().String()
		}
		_, err := tx.DB().NewQuery(sql.String()).Bind(params).Execute()
		if err == nil || attempt == 2 || !strings.Contains(err.Error(), "UNIQUE constraint failed: "+DetailsCollection+"."+colID) {
			return err
		}
	}
}

// detailColumns are the columns of an item insertDetails fills from the line, in the order of its INSERT.
var detailColumns = []string{colDetailName, colDetailImage, colDetailDishID, colDetailSetmealID, colDetailDishFlavor,
	colDetailNumber, colDetailAmount}

// numberSource hands out order numbers: epoch milliseconds followed by a three-digit sequence (16 digits),
// strictly increasing within the process, so they sort by time and two submits never draw the same one.
type numberSource struct{ last atomic.Int64 }

var numbers numberSource

func (s *numberSource) next(now time.Time) string {
	for {
		last := s.last.Load()
		n := max(last+1, now.UnixMilli()*1000)
		if s.last.CompareAndSwap(last, n) {
			return strconv.FormatInt(n, 10)
		}
	}
}

// skipPast makes every later number greater than used.
func (s *numberSource) skipPast(used string) {
	n, err := strconv.ParseInt(used, 10, 64)
	if err != nil {
		return
	}
	for {
		last := s.last.Load()
		if last >= n || s.last.CompareAndSwap(last, n) {
			return
		}
	}
}
