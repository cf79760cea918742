package queryplan_test

import (
	"database/sql"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// growingTables grow with the shop's history: a statement that reads one of them whole gets slower every day.
// PocketBase's own tables that grow (request logs, auth origins, OTPs, MFAs, external auths) are included: the
// app's paths must not scan them either.
var growingTables = map[string]bool{
	"orders": true, "order_details": true, "payments": true, "alerts": true, "users": true, "address_book": true,
	"cart_items": true,
	"_logs":      true, "_authOrigins": true, "_otps": true, "_mfas": true, "_externalAuths": true,
}

// allowedScans are the full scans a reviewer accepted, each for its reason. Anything else fails.
var allowedScans = []struct {
	table  string
	sql    *regexp.Regexp
	reason string
}{
	{"orders", regexp.MustCompile("^SELECT `orders`\\.\\* FROM `orders` ORDER BY `order_time` DESC, `number` DESC LIMIT " + `\d+`),
		"the unfiltered staff order list walks idx_orders_time newest first and stops after one page"},
	{"orders", regexp.MustCompile(`\bphone LIKE \? ESCAPE '\\'`),
		"a staff search for part of a phone number (the last digits, as the original's LIKE '%...%'), typed by hand"},
}

func allowed(f fullScan) bool {
	for _, a := range allowedScans {
		if a.table == f.table && a.sql.MatchString(f.stmt.sql) {
			return true
		}
	}
	return false
}

// fullScan is one statement that reads a growing table whole.
type fullScan struct {
	table, detail string
	stmt          statement
}

func (f fullScan) String() string {
	return fmt.Sprintf("%s (%s) in step %q:\n    %s", f.table, f.detail, f.stmt.step, f.stmt.sql)
}

var scanDetail = regexp.MustCompile(`^SCAN (\S+)`)

// fullScans runs EXPLAIN QUERY PLAN on every recorded statement, with the arguments it ran with, in the app's
// data folder, and returns the full scans of growing tables.
func fullScans(t testing.TB, dataDir string, stmts []statement) []fullScan {
	t.Helper()
	dbs := map[string]*sql.DB{}
	defer func() {
		for _, db := range dbs {
			db.Close()
		}
	}()
	var scans []fullScan
	for _, s := range stmts {
		db := dbs[s.file]
		if db == nil {
			var err error
			if db, err = sql.Open("sqlite", filepath.Join(dataDir, s.file)); err != nil {
				t.Fatal(err)
			}
			dbs[s.file] = db
		}
		details, err := plan(db, s)
		if err != nil {
			t.Errorf("EXPLAIN QUERY PLAN failed in step %q: %v\n    %s", s.step, err, s.sql)
			continue
		}
		aliases := tableAliases(s.sql)
		for _, d := range details {
			m := scanDetail.FindStringSubmatch(d)
			if m == nil {
				continue
			}
			table := m[1]
			if real, ok := aliases[table]; ok {
				table = real
			}
			if f := (fullScan{table: table, detail: d, stmt: s}); growingTables[table] && !allowed(f) {
				scans = append(scans, f)
			}
		}
	}
	return scans
}

func plan(db *sql.DB, s statement) ([]string, error) {
	args := make([]any, len(s.args))
	for i, a := range s.args {
		if a.Name != "" {
			args[i] = sql.Named(a.Name, a.Value)
		} else {
			args[i] = a.Value
		}
	}
	rows, err := db.Query("EXPLAIN QUERY PLAN "+s.sql, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var details []string
	for rows.Next() {
		var id, parent, unused int
		var detail string
		if err := rows.Scan(&id, &parent, &unused, &detail); err != nil {
			return nil, err
		}
		details = append(details, detail)
	}
	return details, rows.Err()
}

// tableRef is a table after FROM or JOIN, with its alias if one follows.
var tableRef = regexp.MustCompile("(?i)\\b(?:FROM|JOIN|UPDATE|INTO)\\s+[`\"\\[]?(\\w+)[`\"\\]]?(?:\\s+(?:AS\\s+)?[`\"\\[]?(\\w+)[`\"\\]]?)?")

var notAlias = map[string]bool{"WHERE": true, "JOIN": true, "LEFT": true, "INNER": true, "CROSS": true, "ON": true,
	"ORDER": true, "GROUP": true, "LIMIT": true, "SET": true, "USING": true, "INDEXED": true, "NOT": true,
	"VALUES": true, "SELECT": true, "DEFAULT": true, "RETURNING": true, "UNION": true, "HAVING": true, "WINDOW": true}

// tableAliases maps the aliases a statement gives its tables (FROM orders o) to the tables' names; EXPLAIN QUERY
// PLAN names a table by its alias.
func tableAliases(query string) map[string]string {
	out := map[string]string{}
	for _, m := range tableRef.FindAllStringSubmatch(query, -1) {
		if m[2] != "" && !notAlias[strings.ToUpper(m[2])] {
			out[m[2]] = m[1]
		}
	}
	return out
}
