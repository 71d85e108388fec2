package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// defaultMaxStoryMatches bounds the articles the story list's query
// filter maps to stories: past it, the newest.
const defaultMaxStoryMatches = 20_000

// busyTimeout is how long a connection waits for another process's lock
// (the CLI ingesting while the web server reads) before failing.
const busyTimeout = 10 * time.Second

// Compile-time checks that DB implements the store interfaces.
var (
	_ crosscheck.ArticleService = (*DB)(nil)
	_ crosscheck.StoryService   = (*DB)(nil)
	_ crosscheck.StoryService   = (*Tx)(nil)
)

// DB is the store: one SQLite file in WAL mode. It is safe for concurrent
// use. Writes go through a single connection (SQLite has one writer at a
// time anyway, and queuing in Go avoids busy errors); reads use a pool and see
// the last committed state while a write is in progress.
type DB struct {
	path   string
	writer *sql.DB
	reader *sql.DB

	// Now returns the current time; it stamps Article.Ingested. Tests may
	// replace it before the first write.
	Now func() time.Time

	stories *storiesLock // serialises changes to stories across writers

	maxRanked       int // see Search
	maxStoryMatches int // see Stories

	stmtMu sync.Mutex
	stmts  map[string]*sql.Stmt // writer statements prepared once (see prepared)
}

// Open opens the store at path, creating the file and its directory's
// database when missing, and applies pending schema migrations. Close the
// DB when done.
func Open(ctx context.Context, path string) (*DB, error) {
	if path == "" {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "open store: no path given: pass a file name such as crosscheck.db")
	}
	if path == ":memory:" || strings.HasPrefix(path, "file:") {
		// The reader and writer pools would each get their own database.
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "open store %s: give a plain file name (in-memory and URI stores are not supported)", path)
	}
	if dir := filepath.Dir(path); !isDir(dir) {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "open store %s: directory %s does not exist: create it or choose another path", path, dir)
	}
	db := &DB{path: path, Now: time.Now, maxRanked: defaultMaxRanked, maxStoryMatches: defaultMaxStoryMatches,
		stories: newStoriesLock(path)}
	var err error
	// The writer takes the write lock at BEGIN so that two processes never
	// deadlock upgrading read transactions.
	if db.writer, err = sql.Open("sqlite", dsn(path, "immediate", false)); err != nil {
		return nil, fmt.Errorf("open store: %w", err)
	}
	db.writer.SetMaxOpenConns(1)
	db.writer.SetConnMaxIdleTime(0)
	db.writer.SetConnMaxLifetime(0)
	if err := db.setUp(ctx); err != nil {
		db.writer.Close()
		db.stories.close()
		return nil, openError(path, err)
	}
	if db.reader, err = sql.Open("sqlite", dsn(path, "deferred", true)); err != nil {
		db.writer.Close()
		return nil, fmt.Errorf("open store: %w", err)
	}
	// Enough readers for every core and some waiting on I/O; more would
	// only add page caches.
	db.reader.SetMaxOpenConns(max(4, 2*runtime.GOMAXPROCS(0)))
	db.reader.SetMaxIdleConns(max(4, 2*runtime.GOMAXPROCS(0)))
	return db, nil
}

// setUp opens the writer's connection, which turns a new store to WAL
// mode, and applies pending migrations. Two processes creating a store at
// once would both change its journal mode, and SQLite refuses the second
// at once (SQLITE_BUSY, which its busy handler does not wait out; one
// start in thirty failed so). So a new store (no file, or an empty one) is
// set up under the stories lock, and an open refused so tries again under
// it, after the one setting the store up. An existing store is in WAL mode
// already and migrations wait for the write lock: other opens take no
// lock, and never wait for a long re-clustering.
func (db *DB) setUp(ctx context.Context) error {
	fi, err := os.Stat(db.path)
	locked := false
	if err != nil || fi.Size() == 0 {
		if locked, err = db.stories.lock(ctx); err != nil {
			return err
		}
	}
	err = db.writer.PingContext(ctx)
	if err == nil {
		err = db.migrate(ctx)
	}
	if err != nil && !locked && strings.Contains(err.Error(), "SQLITE_BUSY") {
		if locked, err = db.stories.lock(ctx); err != nil {
			return err
		}
		if err = db.writer.PingContext(ctx); err == nil {
			err = db.migrate(ctx)
		}
	}
	if locked {
		db.stories.unlock()
	}
	return err
}

func isDir(path string) bool {
	fi, err := os.Stat(path)
	return err == nil && fi.IsDir()
}

// openError says what to do about the failures a user can fix.
func openError(path string, err error) error {
	var e *crosscheck.Error
	switch {
	case errors.As(err, &e):
		return err
	case strings.Contains(err.Error(), "file is not a database"):
		return crosscheck.Errorf(crosscheck.EINVALID, "open store %s: the file is not a crosscheck store (not SQLite): choose another path", path)
	}
	return fmt.Errorf("open store %s: %w", path, err)
}

// dsn builds a modernc.org/sqlite data source name with the pragmas every
// connection needs.
func dsn(path, txlock string, readOnly bool) string {
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", busyTimeout.Milliseconds()))
	q.Add("_pragma", "foreign_keys(1)")
	q.Add("_pragma", "journal_mode(WAL)")
	// NORMAL in WAL mode survives application crashes; a power loss may
	// drop the last transactions but never corrupts the file.
	q.Add("_pragma", "synchronous(NORMAL)")
	// Sorts and temporary indexes go to memory, not temp files.
	q.Add("_pragma", "temp_store(MEMORY)")
	if readOnly {
		// 16 MB of page cache per reader (the default is 2 MB): the
		// indexes the story list and search walk stay in memory.
		q.Add("_pragma", "cache_size(-16000)")
		q.Add("_pragma", "query_only(1)")
	} else {
		// The writer inserts at random places in the hash-keyed indexes
		// (content hash, ID, near-duplicate bands): with 64 MB of cache
		// they stay in memory on a store of 100,000 articles, which
		// tripled ingest speed there (263 -> 890 articles/s). Checkpoints
		// every 10,000 pages (40 MB of WAL) write a page changed by
		// several batches once.
		q.Add("_pragma", "cache_size(-64000)")
		q.Add("_pragma", "wal_autocheckpoint(10000)")
	}
	q.Set("_txlock", txlock)
	return "file:" + (&url.URL{Path: path}).EscapedPath() + "?" + q.Encode()
}

// Close checkpoints the write-ahead log and closes the store.
func (db *DB) Close() error {
	var errs []error
	if db.reader != nil {
		errs = append(errs, db.reader.Close())
	}
	if db.writer != nil {
		// Fold the WAL back into the main file so the store is one file at
		// rest; failure here is harmless (the WAL is replayed on open).
		_, _ = db.writer.Exec(`PRAGMA wal_checkpoint(TRUNCATE)`)
		errs = append(errs, db.writer.Close())
	}
	if db.stories != nil {
		errs = append(errs, db.stories.close())
	}
	if err := errors.Join(errs...); err != nil {
		return fmt.Errorf("close store: %w", err)
	}
	return nil
}

// Path returns the file name the store was opened with.
func (db *DB) Path() string { return db.path }

// migrate applies the embedded migrations not yet recorded in the
// migrations table, each in its own transaction with its record, in file
// name order. Re-running it applies nothing twice.
func (db *DB) migrate(ctx context.Context) error {
	return db.migrateFS(ctx, migrationFS)
}

// migrateFS is migrate with the migrations of fsys (tests apply a prefix).
func (db *DB) migrateFS(ctx context.Context, fsys fs.FS) error {
	if _, err := db.writer.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS migrations (name TEXT PRIMARY KEY, applied INTEGER NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: create migrations table: %w", err)
	}
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	var applied []string
	rows, err := db.writer.QueryContext(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for rows.Next() {
		var n string
		if err := rows.Scan(&n); err != nil {
			rows.Close()
			return fmt.Errorf("migrate: %w", err)
		}
		applied = append(applied, n)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	for _, n := range applied {
		if !known[n] {
			return crosscheck.Errorf(crosscheck.EINVALID, "the store has migration %s, unknown to this crosscheck: it was written by a newer version; upgrade crosscheck", n)
		}
	}
	for _, name := range names {
		if err := db.migrateFile(ctx, fsys, name); err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

func (db *DB) migrateFile(ctx context.Context, fsys fs.FS, name string) error {
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM migrations WHERE name = ?`, name).Scan(&n); err != nil {
		return err
	}
	if n != 0 {
		return nil
	}
	buf, err := fs.ReadFile(fsys, name)
	if err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, string(buf)); err != nil {
		return err
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO migrations (name, applied) VALUES (?, ?)`, name, time.Now().UnixMicro()); err != nil {
		return err
	}
	return tx.Commit()
}

// Migrations returns the names of the applied migrations, in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	defer rows.Close()
	var names []string
	for rows.Next() {
		var s string
		if err := rows.Scan(&s); err != nil {
			return nil, fmt.Errorf("migrations: %w", err)
		}
		names = append(names, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return names, nil
}

// Checkpoint copies the write-ahead log into the main file and truncates
// it. Long ingests call it now and then to keep the WAL small; it is also
// done by Close.
func (db *DB) Checkpoint(ctx context.Context) error {
	if db.writer == nil {
		return errReadOnly("checkpoint")
	}
	if _, err := db.writer.ExecContext(ctx, `PRAGMA wal_checkpoint(TRUNCATE)`); err != nil {
		return fmt.Errorf("checkpoint: %w", err)
	}
	return nil
}

// Optimize merges the full-text index's segments and refreshes the query
// planner's statistics. Worth running after a large ingest; it takes a
// while on a big store and blocks other writers meanwhile.
func (db *DB) Optimize(ctx context.Context) error {
	if db.writer == nil {
		return errReadOnly("optimize")
	}
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('optimize')`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	if _, err := db.writer.ExecContext(ctx, `PRAGMA optimize`); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// Vacuum rebuilds the file to reclaim free pages. It needs as much free
// disk as the store's size and blocks every writer while it runs.
func (db *DB) Vacuum(ctx context.Context) error {
	if db.writer == nil {
		return errReadOnly("vacuum")
	}
	if _, err := db.writer.ExecContext(ctx, `VACUUM`); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	return nil
}

// Tx is a write transaction. Its methods are the store's write and read
// methods run on the transaction, so a caller that makes many small writes
// (the clusterer placing a batch of articles) pays for one commit.
// A Tx must not be used after the function given to Update returns.
type Tx struct {
	db *DB
	tx *sql.Tx
}

// Update runs fn in a write transaction, committing when fn returns nil and
// rolling back otherwise (or when ctx is cancelled). It holds the stories
// lock meanwhile (see storiesLock), as every change to stories must.
func (db *DB) Update(ctx context.Context, fn func(tx *Tx) error) error {
	return db.write(ctx, "write", true, func(tx *sql.Tx) error { return fn(&Tx{db: db, tx: tx}) })
}

// update runs fn in a write transaction (see Update), wrapping its error
// with op unless it is already an *crosscheck.Error.
func (db *DB) update(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	return wrap(op, db.write(ctx, op, true, fn))
}

// updateArticles is update for a change that leaves stories alone
// (storing articles, feed sources): it does not wait for the stories lock,
// so it runs while another writer places a batch.
func (db *DB) updateArticles(ctx context.Context, op string, fn func(tx *sql.Tx) error) error {
	return wrap(op, db.write(ctx, op, false, fn))
}

// write runs fn in a write transaction, holding the stories lock first if
// lockStories is set (the lock is always taken before SQLite's write lock,
// never the other way round, so two writers cannot deadlock).
func (db *DB) write(ctx context.Context, op string, lockStories bool, fn func(tx *sql.Tx) error) error {
	if db.writer == nil {
		return errReadOnly(op)
	}
	if lockStories {
		held, err := db.stories.lock(ctx)
		if err != nil {
			return err
		}
		if held {
			defer db.stories.unlock()
		}
	}
	tx, err := db.writer.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin: %w", err)
	}
	defer tx.Rollback()
	if err := fn(tx); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit: %w", err)
	}
	return nil
}

// querier is what reads need: the reader pool or a transaction.
type querier interface {
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
	QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error)
	QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row
}

// eachRow runs a query with args and calls fn for each row.
func eachRow(ctx context.Context, q querier, query string, fn func(*sql.Rows) error, args ...any) error {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		if err := fn(rows); err != nil {
			return err
		}
	}
	return rows.Err()
}

// wrap prefixes err with op. An *crosscheck.Error is returned as is: its
// message is for the user and already says what to do.
func wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	var e *crosscheck.Error
	if errors.As(err, &e) {
		return err
	}
	return fmt.Errorf("%s: %w", op, err)
}

// encTime is t as unix microseconds, nil for the zero time.
func encTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UnixMicro()
}

// decTime is the inverse of encTime, in UTC.
func decTime(v sql.NullInt64) time.Time {
	if !v.Valid {
		return time.Time{}
	}
	return time.UnixMicro(v.Int64).UTC()
}
