// Package sqlite holds the SQL helpers the modules share: reads prepared once per app for the hottest paths, and
// LIKE searches escaped the way SQLite needs.
package sqlite

import (
	"database/sql"
	"fmt"
	"regexp"
	"sync"

	"github.com/pocketbase/dbx"
	"github.com/pocketbase/pocketbase/core"

	"myrestaurant/modules/appstate"
)

// Hot reads are the few statements that every request of a busy path runs (pricing an order reads the shop, the
// address and the cart). SQLite spends much of a short query preparing it, so outside a transaction a hot read
// runs a statement prepared once per app on PocketBase's read pool (database/sql prepares it again on each pooled
// connection the first time it runs there). Inside a transaction it runs on the transaction, so it sees the
// transaction's own writes.
//
// A hot read names its parameters as dbx does ({:name}) and its tables and columns plainly (no {{ }} or [[ ]]).

// HotRows runs a hot read and returns its rows; the caller closes them.
func HotRows(app core.App, query string, params dbx.Params) (*sql.Rows, error) {
	if app.IsTransactional() {
		rows, err := app.DB().NewQuery(query).Bind(params).Rows()
		if err != nil {
			return nil, err
		}
		return rows.Rows, nil
	}
	s, err := hotStatementsOf(app).prepared(app, query)
	if err != nil {
		return nil, err
	}
	args := make([]any, len(s.params))
	for i, name := range s.params {
		v, ok := params[name]
		if !ok {
			return nil, fmt.Errorf("compat: hot read without parameter %q", name)
		}
		args[i] = v
	}
	return s.stmt.Query(args...)
}

// HotRow runs a hot read of one row into dest, or returns sql.ErrNoRows.
func HotRow(app core.App, query string, params dbx.Params, dest ...any) error {
	rows, err := HotRows(app, query, params)
	if err != nil {
		return err
	}
	defer rows.Close()
	if !rows.Next() {
		if err := rows.Err(); err != nil {
			return err
		}
		return sql.ErrNoRows
	}
	if err := rows.Scan(dest...); err != nil {
		return err
	}
	return rows.Close()
}

const hotStatementsKey = appstate.HotStatements

type hotStatements struct {
	mu      sync.Mutex
	byQuery map[string]*hotStatement
}

type hotStatement struct {
	db     *sql.DB // the pool it was prepared on: a new pool (a restored backup) prepares again
	stmt   *sql.Stmt
	params []string // the names of its ? placeholders, in order
}

var hotParam = regexp.MustCompile(`\{:(\w+)\}`)

func hotStatementsOf(app core.App) *hotStatements {
	return app.Store().GetOrSet(hotStatementsKey, func() any {
		return &hotStatements{byQuery: map[string]*hotStatement{}}
	}).(*hotStatements)
}

func (h *hotStatements) prepared(app core.App, query string) (*hotStatement, error) {
	pool, ok := app.ConcurrentDB().(*dbx.DB)
	if !ok {
		return nil, fmt.Errorf("compat: the read pool is a %T", app.ConcurrentDB())
	}
	db := pool.DB()
	h.mu.Lock()
	defer h.mu.Unlock()
	if s, ok := h.byQuery[query]; ok && s.db == db {
		return s, nil
	}
	var params []string
	positional := hotParam.ReplaceAllStringFunc(query, func(m string) string {
		params = append(params, hotParam.FindStringSubmatch(m)[1])
		return "?"
	})
	stmt, err := db.Prepare(positional)
	if err != nil {
		return nil, err
	}
	s := &hotStatement{db: db, stmt: stmt, params: params}
	h.byQuery[query] = s
	return s, nil
}
