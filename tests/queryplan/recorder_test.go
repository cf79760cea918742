package queryplan_test

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"slices"
	"strings"
	"sync"

	"github.com/pocketbase/dbx"
	"modernc.org/sqlite"

	"myrestaurant/modules/config"
)

// The recorder sits between database/sql and the SQLite driver, so it sees every statement the app runs, however
// it is sent: PocketBase's record queries, dbx builders, prepared statements held by the app (compat's hot reads,
// the order insert), plain database/sql calls.

// statement is one distinct SQL text the app ran, with the arguments of its first run and the step of the
// scripted day that ran it first.
type statement struct {
	file string // the database file: data.db or auxiliary.db
	sql  string
	args []driver.NamedValue
	step string
}

type recorder struct {
	mu    sync.Mutex
	step  string
	seen  map[string]bool
	stmts []statement
	runs  map[string]int // statements run per step, repeated ones included
}

func newRecorder() *recorder { return &recorder{seen: map[string]bool{}, runs: map[string]int{}} }

// at names the step of the day the following statements belong to.
func (r *recorder) at(step string) {
	r.mu.Lock()
	r.step = step
	r.mu.Unlock()
}

func (r *recorder) note(file, query string, args []driver.NamedValue) {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.step == "" { // before the day: the app's setup
		return
	}
	r.runs[r.step]++
	key := file + "\x00" + query
	if r.seen[key] {
		return
	}
	r.seen[key] = true
	r.stmts = append(r.stmts, statement{file: file, sql: query, args: slices.Clone(args), step: r.step})
}

func (r *recorder) runsIn(step string) int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.runs[step]
}

func (r *recorder) statements() []statement {
	r.mu.Lock()
	defer r.mu.Unlock()
	return slices.Clone(r.stmts)
}

// connect is a core.BaseAppConfig.DBConnect that opens the app's databases as production does, through the
// recorder.
func (r *recorder) connect(dbPath string) (*dbx.DB, error) {
	file := dbPath[strings.LastIndexAny(dbPath, `/\`)+1:]
	db := sql.OpenDB(recordingConnector{dsn: config.DSN(dbPath), file: file, rec: r})
	return dbx.NewFromDB(db, "sqlite"), nil
}

type recordingConnector struct {
	dsn, file string
	rec       *recorder
}

func (c recordingConnector) Connect(context.Context) (driver.Conn, error) {
	conn, err := (&sqlite.Driver{}).Open(c.dsn)
	if err != nil {
		return nil, err
	}
	return &recordingConn{Conn: conn, c: c}, nil
}

func (c recordingConnector) Driver() driver.Driver { return &sqlite.Driver{} }

// recordingConn passes everything to the driver's connection and notes each statement's SQL.
type recordingConn struct {
	driver.Conn
	c recordingConnector
}

func (rc *recordingConn) note(query string, args []driver.NamedValue) {
	rc.c.rec.note(rc.c.file, query, args)
}

func (rc *recordingConn) PrepareContext(ctx context.Context, query string) (driver.Stmt, error) {
	s, err := rc.Conn.(driver.ConnPrepareContext).PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	return &recordingStmt{Stmt: s, conn: rc, query: query}, nil
}

func (rc *recordingConn) Prepare(query string) (driver.Stmt, error) {
	return rc.PrepareContext(context.Background(), query)
}

func (rc *recordingConn) ExecContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Result, error) {
	rc.note(query, args)
	return rc.Conn.(driver.ExecerContext).ExecContext(ctx, query, args)
}

func (rc *recordingConn) QueryContext(ctx context.Context, query string, args []driver.NamedValue) (driver.Rows, error) {
	rc.note(query, args)
	return rc.Conn.(driver.QueryerContext).QueryContext(ctx, query, args)
}

func (rc *recordingConn) BeginTx(ctx context.Context, opts driver.TxOptions) (driver.Tx, error) {
	return rc.Conn.(driver.ConnBeginTx).BeginTx(ctx, opts)
}

func (rc *recordingConn) ResetSession(ctx context.Context) error {
	if r, ok := rc.Conn.(driver.SessionResetter); ok {
		return r.ResetSession(ctx)
	}
	return nil
}

func (rc *recordingConn) IsValid() bool {
	v, ok := rc.Conn.(driver.Validator)
	return !ok || v.IsValid()
}

type recordingStmt struct {
	driver.Stmt
	conn  *recordingConn
	query string
}

func (s *recordingStmt) ExecContext(ctx context.Context, args []driver.NamedValue) (driver.Result, error) {
	s.conn.note(s.query, args)
	return s.Stmt.(driver.StmtExecContext).ExecContext(ctx, args)
}

func (s *recordingStmt) QueryContext(ctx context.Context, args []driver.NamedValue) (driver.Rows, error) {
	s.conn.note(s.query, args)
	return s.Stmt.(driver.StmtQueryContext).QueryContext(ctx, args)
}
