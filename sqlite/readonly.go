package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// OpenReadOnly opens an existing store for reading only (serve
// --read-only): nothing is written, no migration is applied, and every
// write method fails with EINVALID. The store's directory need not be
// writable: when SQLite cannot make its shared-memory file there, the
// file is opened as immutable (no other process can be writing to it
// then, since writing needs the same files).
//
// Errors: ENOTFOUND when there is no store at path; EINVALID when the
// store needs a migration (open it once for writing to upgrade it).
func OpenReadOnly(ctx context.Context, path string) (*DB, error) {
	if path == "" || path == ":memory:" || strings.HasPrefix(path, "file:") {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "open store %s: give the file name of an existing store", path)
	}
	if !isFile(path) {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "open store %s: no such store", path)
	}
	db := &DB{path: path, Now: time.Now, maxRanked: defaultMaxRanked, maxStoryMatches: defaultMaxStoryMatches}
	var err error
	// A directory without write permission bits (a read-only mount, an
	// archive) cannot hold a writer's files: open immutable at once,
	// writing nothing there even as root. Elsewhere, try a plain
	// read-only open first, which sees another process's writes.
	modes := []bool{false, true}
	if fi, err := os.Stat(filepath.Dir(path)); err == nil && fi.Mode().Perm()&0o222 == 0 {
		modes = []bool{true}
	}
	for _, immutable := range modes {
		if db.reader != nil {
			db.reader.Close()
		}
		if db.reader, err = sql.Open("sqlite", readOnlyDSN(path, immutable)); err != nil {
			return nil, fmt.Errorf("open store: %w", err)
		}
		if err = db.checkMigrations(ctx); err == nil || crosscheck.ErrorCode(err) == crosscheck.EINVALID {
			break
		}
	}
	if err != nil {
		db.reader.Close()
		return nil, openError(path, err)
	}
	db.reader.SetMaxOpenConns(max(4, 2*runtime.GOMAXPROCS(0)))
	db.reader.SetMaxIdleConns(max(4, 2*runtime.GOMAXPROCS(0)))
	return db, nil
}

func isFile(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.Mode().IsRegular()
}

func readOnlyDSN(path string, immutable bool) string {
	d := dsn(path, "deferred", true)
	// journal_mode(WAL) would try to write the header: drop it.
	d = strings.Replace(d, "&_pragma=journal_mode%28WAL%29", "", 1)
	d += "&mode=ro"
	if immutable {
		d += "&immutable=1"
	}
	return d
}

// checkMigrations fails unless every embedded migration is applied.
func (db *DB) checkMigrations(ctx context.Context) error {
	applied := map[string]bool{}
	rows, err := db.reader.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return err
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return err
		}
		applied[n] = true
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	names, _ := fs.Glob(migrationFS, "migrations/*.sql")
	for _, n := range names {
		if !applied[n] {
			return crosscheck.Errorf(crosscheck.EINVALID,
				"open store %s read-only: it needs upgrading (%s): run any command that writes to it once, e.g. 'crosscheck optimize --db %s'", db.path, strings.TrimPrefix(n, "migrations/"), db.path)
		}
	}
	return nil
}

// errReadOnly is returned by the write methods of a store opened read-only.
func errReadOnly(op string) error {
	return crosscheck.Errorf(crosscheck.EINVALID, "%s: the store is open read-only", op)
}

func openReader(dsn string) (*sql.DB, error) { return sql.Open("sqlite", dsn) }
