package config

import (
	"strconv"

	"github.com/pocketbase/dbx"
)

// DataPageCacheKiB bounds the page cache of each SQLite connection. PocketBase gives every connection 32 MB, and
// the read pool keeps up to DataMaxIdleConns of them: on a database of a few hundred MB (a million orders) the
// caches fill, and 64 connections could hold 2 GB between them, far beyond a 512 MB machine. SQLite reads a page
// it has not cached from the operating system's file cache, which all connections share and the kernel gives back
// under memory pressure, so a small cache per connection costs a few microseconds per miss and bounds the pool to
// 64 × 2 MB.
const DataPageCacheKiB = 2000

// DBConnect opens PocketBase's databases as core.DefaultDBConnect does, with the page cache bounded to
// DataPageCacheKiB per connection.
func DBConnect(dbPath string) (*dbx.DB, error) {
	return dbx.Open("sqlite", DSN(dbPath))
}

// DSN is the modernc SQLite data source DBConnect opens dbPath with: PocketBase's pragmas (core.DefaultDBConnect),
// of which only cache_size differs. busy_timeout must come first.
func DSN(dbPath string) string {
	return dbPath + "?_pragma=busy_timeout(10000)&_pragma=journal_mode(WAL)&_pragma=journal_size_limit(200000000)" +
		"&_pragma=synchronous(NORMAL)&_pragma=foreign_keys(ON)&_pragma=temp_store(MEMORY)" +
		"&_pragma=cache_size(-" + strconv.Itoa(DataPageCacheKiB) + ")&_defensive=1"
}
