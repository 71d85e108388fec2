package postgres_test

import (
	"testing"

	"github.com/crosscheck-news/crosscheck/postgres"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

// open opens a store in a new schema of the test server, closed when the
// test ends.
func open(tb testing.TB) *postgres.DB {
	tb.Helper()
	db, err := postgres.Open(tb.Context(), pgtest.URL(tb))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() {
		if err := db.Close(); err != nil {
			tb.Error(err)
		}
	})
	return db
}

// TestStore runs the store suite, the same as the SQLite store's.
func TestStore(t *testing.T) {
	storetest.Run(t, func(t *testing.T) storetest.Store { return open(t) })
}
