package postgres

import (
	"context"
	"embed"
	"errors"
	"fmt"
	"hash/fnv"
	"io/fs"
	"net/url"
	"sort"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	"github.com/jackc/pgx/v5/pgxpool"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// Caps on the work of one query, as in the SQLite store (see Search and
// Stories).
const (
	defaultMaxRanked       = 2000
	defaultMaxStoryMatches = 20_000
)

// Compile-time checks that DB implements the store interfaces.
var (
	_ crosscheck.ArticleService = (*DB)(nil)
	_ crosscheck.StoryService   = (*DB)(nil)
)

// DB is the store: a pool of connections to one PostgreSQL database. It is
// safe for concurrent use, by goroutines and by processes on any machine.
type DB struct {
	pool *pgxpool.Pool
	url  string // for messages, without the password

	// Now returns the current time; it stamps Article.Ingested. Tests may
	// replace it before the first write.
	Now func() time.Time

	// storiesLock is the advisory lock key that serialises changes to
	// stories and placements (see doc.go); derived from the schema, so
	// that stores in two schemas of one database do not wait for each
	// other.
	storiesLock int64

	maxRanked       int
	maxStoryMatches int
}

// IsURL reports whether a --db value names a PostgreSQL database
// (postgres:// or postgresql://) rather than a SQLite file.
func IsURL(s string) bool {
	return strings.HasPrefix(s, "postgres://") || strings.HasPrefix(s, "postgresql://")
}

// Open connects to the database at the postgres:// URL, applies pending
// schema migrations (one process at a time: they hold an advisory lock)
// and returns the store. The URL takes libpq's parameters, e.g.
// ?sslmode=disable, ?pool_max_conns=8, or ?search_path=team to keep the
// store in its own schema. Close the DB when done.
//
// Errors: EINVALID for a malformed URL, for a database that cannot be
// reached or refuses the login (the message says which), and for a store
// written by a newer crosscheck.
func Open(ctx context.Context, rawURL string) (*DB, error) {
	return open(ctx, rawURL, true)
}

// OpenExisting is Open for a store that must exist already: it creates no
// tables in a database that has none (a mistyped database name, a command
// that only reads), but still upgrades an older store.
//
// Errors: ENOTFOUND when the database holds no crosscheck store; as Open
// otherwise.
func OpenExisting(ctx context.Context, rawURL string) (*DB, error) {
	return open(ctx, rawURL, false)
}

func open(ctx context.Context, rawURL string, create bool) (*DB, error) {
	shown := Redact(rawURL)
	cfg, err := pgxpool.ParseConfig(rawURL)
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "open store %s: %v: give a URL such as postgres://user:password@host:5432/dbname", shown, err)
	}
	if !strings.Contains(rawURL, "pool_max_conns") {
		// Reads run in parallel, EachArticle holds a connection while its
		// caller writes, and a server process serves many requests.
		cfg.MaxConns = 8
	}
	if cfg.ConnConfig.ConnectTimeout == 0 {
		cfg.ConnConfig.ConnectTimeout = 10 * time.Second
	}
	if _, ok := cfg.ConnConfig.RuntimeParams["application_name"]; !ok {
		cfg.ConnConfig.RuntimeParams["application_name"] = "crosscheck"
	}
	// pgx prepares every statement, and the server plans a prepared
	// statement once for all its parameters after a few runs: right for
	// lookups, which then skip planning (a third of a story page's time),
	// wrong for a full-text search, whose best plan depends on the words.
	// Searches therefore carry their query in their text (tsLiteral).
	pool, err := pgxpool.NewWithConfig(ctx, cfg)
	if err != nil {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "open store %s: %v", shown, err)
	}
	db := &DB{pool: pool, url: shown, Now: time.Now, maxRanked: defaultMaxRanked, maxStoryMatches: defaultMaxStoryMatches}
	if err := pool.Ping(ctx); err != nil {
		pool.Close()
		return nil, openError(shown, err)
	}
	var schema string
	if err := pool.QueryRow(ctx, `SELECT coalesce(current_schema(), '')`).Scan(&schema); err != nil {
		pool.Close()
		return nil, openError(shown, err)
	}
	if schema == "" {
		pool.Close()
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "open store %s: no schema to create tables in: check search_path, or create the schema first", shown)
	}
	db.storiesLock = lockKey("stories", schema)
	if !create {
		var exists bool
		if err := pool.QueryRow(ctx, `SELECT to_regclass('migrations') IS NOT NULL`).Scan(&exists); err != nil {
			pool.Close()
			return nil, openError(shown, err)
		}
		if !exists {
			pool.Close()
			return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no store in %s (schema %s): run 'crosscheck ingest PATH...' first, or check --db", shown, schema)
		}
	}
	if err := db.migrate(ctx, migrationFS, lockKey("migrate", schema)); err != nil {
		pool.Close()
		return nil, openError(shown, err)
	}
	return db, nil
}

// lockKey is an advisory lock key: a hash of its name and the schema.
func lockKey(name, schema string) int64 {
	h := fnv.New64a()
	h.Write([]byte("crosscheck/" + name + "/" + schema))
	return int64(h.Sum64())
}

// Redact is the URL with its password hidden, for messages.
func Redact(raw string) string {
	u, err := url.Parse(raw)
	if err != nil || u.User == nil {
		return raw
	}
	if _, ok := u.User.Password(); ok {
		u.User = url.UserPassword(u.User.Username(), "xxxxx")
	}
	return u.String()
}

// openError says what to do about the failures a user can fix.
func openError(shown string, err error) error {
	var e *crosscheck.Error
	var pe *pgconn.PgError
	switch {
	case errors.As(err, &e):
		return err
	case errors.As(err, &pe) && pe.Code == "28P01":
		return crosscheck.Errorf(crosscheck.EINVALID, "open store %s: the server refused the password: check the user and password in the URL", shown)
	case errors.As(err, &pe) && pe.Code == "3D000":
		return crosscheck.Errorf(crosscheck.EINVALID, "open store %s: %s: create it first (createdb NAME, or CREATE DATABASE)", shown, pe.Message)
	case errors.As(err, &pe) && (pe.Code == "42501" || pe.Code == "28000"):
		return crosscheck.Errorf(crosscheck.EINVALID, "open store %s: %s: the user needs to own the database or schema (GRANT CREATE)", shown, pe.Message)
	case errors.As(err, &pe):
		return fmt.Errorf("open store %s: %w", shown, err)
	case errors.Is(err, context.Canceled), errors.Is(err, context.DeadlineExceeded):
		return fmt.Errorf("open store %s: %w", shown, err)
	}
	return crosscheck.Errorf(crosscheck.EINVALID, "open store %s: cannot reach the database server (%v): is PostgreSQL running there, and is the host and port right?", shown, err)
}

// Close closes every connection of the pool.
func (db *DB) Close() error {
	db.pool.Close()
	return nil
}

// URL returns the URL the store was opened with, password hidden.
func (db *DB) URL() string { return db.url }

// migrate applies the migrations of fsys not yet recorded in the
// migrations table, each in its own transaction with its record, in file
// name order, holding an advisory lock so that processes starting together
// apply each once.
func (db *DB) migrate(ctx context.Context, fsys fs.FS, key int64) error {
	conn, err := db.pool.Acquire(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Release()
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	sort.Strings(names)
	// An up-to-date store needs no lock and no DDL, so a role that may
	// only read can open it.
	if pending, err := pendingMigrations(ctx, conn.Conn(), names); err == nil && len(pending) == 0 {
		return nil
	}
	if _, err := conn.Exec(ctx, `SELECT pg_advisory_lock($1)`, key); err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Exec(context.WithoutCancel(ctx), `SELECT pg_advisory_unlock($1)`, key)
	if _, err := conn.Exec(ctx, `CREATE TABLE IF NOT EXISTS migrations (name text PRIMARY KEY, applied timestamptz NOT NULL)`); err != nil {
		return fmt.Errorf("migrate: create migrations table: %w", err)
	}
	known := map[string]bool{}
	for _, n := range names {
		known[n] = true
	}
	rows, err := conn.Query(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	applied, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	done := map[string]bool{}
	for _, n := range applied {
		if !known[n] {
			return crosscheck.Errorf(crosscheck.EINVALID, "the store has migration %s, unknown to this crosscheck: it was written by a newer version; upgrade crosscheck", n)
		}
		done[n] = true
	}
	for _, name := range names {
		if done[name] {
			continue
		}
		buf, err := fs.ReadFile(fsys, name)
		if err != nil {
			return err
		}
		err = pgx.BeginFunc(ctx, conn, func(tx pgx.Tx) error {
			// Simple protocol: a file holds many statements.
			if _, err := tx.Exec(ctx, string(buf), pgx.QueryExecModeSimpleProtocol); err != nil {
				return err
			}
			_, err := tx.Exec(ctx, `INSERT INTO migrations (name, applied) VALUES ($1, now())`, name)
			return err
		})
		if err != nil {
			return fmt.Errorf("migrate %s: %w", name, err)
		}
	}
	return nil
}

// pendingMigrations returns the names not recorded as applied; an error
// when the migrations table is missing or a migration is unknown.
func pendingMigrations(ctx context.Context, conn *pgx.Conn, names []string) ([]string, error) {
	rows, err := conn.Query(ctx, `SELECT name FROM migrations`)
	if err != nil {
		return nil, err
	}
	applied, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, err
	}
	done := map[string]bool{}
	for _, n := range applied {
		done[n] = true
	}
	var pending []string
	for _, n := range names {
		if !done[n] {
			pending = append(pending, n)
		}
	}
	if len(applied) > len(names)-len(pending) {
		return nil, errors.New("unknown migrations")
	}
	return pending, nil
}

// Migrations returns the names of the applied migrations, in order.
func (db *DB) Migrations(ctx context.Context) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT name FROM migrations ORDER BY name`)
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	names, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("migrations: %w", err)
	}
	return names, nil
}

// Optimize refreshes the planner's statistics and cleans up dead rows and
// the full-text index's pending list. Worth running after a large ingest;
// other readers and writers go on meanwhile.
func (db *DB) Optimize(ctx context.Context) error {
	if _, err := db.pool.Exec(ctx, `VACUUM (ANALYZE) articles, article_search, article_lsh, add_claims, stories, story_outlets, story_states, story_analysis`, pgx.QueryExecModeSimpleProtocol); err != nil {
		return fmt.Errorf("optimize: %w", err)
	}
	return nil
}

// Vacuum returns the space of deleted rows to the operating system: VACUUM
// FULL, which rewrites the tables and locks each while it runs.
func (db *DB) Vacuum(ctx context.Context) error {
	if _, err := db.pool.Exec(ctx, `VACUUM (FULL, ANALYZE)`, pgx.QueryExecModeSimpleProtocol); err != nil {
		return fmt.Errorf("vacuum: %w", err)
	}
	return nil
}

// querier is what reads and writes need: the pool or a transaction.
type querier interface {
	Exec(ctx context.Context, sql string, args ...any) (pgconn.CommandTag, error)
	Query(ctx context.Context, sql string, args ...any) (pgx.Rows, error)
	QueryRow(ctx context.Context, sql string, args ...any) pgx.Row
}

// update runs fn in a transaction, committing when fn returns nil. A
// transaction that PostgreSQL aborted to break a deadlock, or for a
// serialization failure, is run again (fn must start afresh each time).
// Its error is wrapped with op unless it is an *crosscheck.Error.
func (db *DB) update(ctx context.Context, op string, fn func(tx pgx.Tx) error) error {
	for attempt := 0; ; attempt++ {
		err := pgx.BeginFunc(ctx, db.pool, fn)
		if err != nil && retryable(err) && attempt < 5 && ctx.Err() == nil {
			time.Sleep(time.Duration(attempt+1) * 10 * time.Millisecond)
			continue
		}
		return wrap(op, err)
	}
}

// updateStories is update holding the stories lock: every change to
// stories, placements and corrections is made by one transaction at a
// time, across processes, as SQLite's single writer does.
func (db *DB) updateStories(ctx context.Context, op string, fn func(tx pgx.Tx) error) error {
	return db.update(ctx, op, func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `SELECT pg_advisory_xact_lock($1)`, db.storiesLock); err != nil {
			return err
		}
		return fn(tx)
	})
}

// retryable reports a deadlock or serialization failure.
func retryable(err error) bool {
	var pe *pgconn.PgError
	return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001")
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

// nullTime is t for a timestamptz parameter: NULL for the zero time, else
// UTC to the microsecond.
func nullTime(t time.Time) any {
	if t.IsZero() {
		return nil
	}
	return t.UTC().Truncate(time.Microsecond)
}

// decTime is a scanned nullable timestamptz in UTC; zero for NULL.
func decTime(t *time.Time) time.Time {
	if t == nil {
		return time.Time{}
	}
	return t.UTC()
}

// nonNil is l, or an empty list for nil (a text[] column is never NULL).
func nonNil(l []string) []string {
	if l == nil {
		return []string{}
	}
	return l
}
