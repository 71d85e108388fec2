package main

import (
	"cmp"
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/check"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/postgres"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
	"github.com/crosscheck-news/crosscheck/watch"
	"github.com/crosscheck-news/crosscheck/web"
)

// defaultDB is the store used when --db is not given: $CROSSCHECK_DB, or
// crosscheck.db in the working directory.
var defaultDB = cmp.Or(os.Getenv("CROSSCHECK_DB"), "crosscheck.db")

// The --db flag's help.
const (
	storeUsage       = "the `store`: a SQLite file or a postgres:// URL; $CROSSCHECK_DB sets the default"
	storeUsageCreate = "the `store`: a SQLite file (created when missing) or a postgres:// URL; $CROSSCHECK_DB sets the default"
)

// dbFlag defines a command's --db flag, defaultDB by default. Its -h shows
// the default with a URL's password hidden: CROSSCHECK_DB often holds one.
func dbFlag(fs *flag.FlagSet, usage string) *string {
	v := dbValue(defaultDB)
	fs.Var(&v, "db", usage)
	return (*string)(&v)
}

// dbValue is a --db value; it prints as storeName does.
type dbValue string

func (v *dbValue) String() string     { return storeName(string(*v)) }
func (v *dbValue) Set(s string) error { *v = dbValue(s); return nil }

// store is what the commands need of a store; the sqlite and postgres
// packages both provide it.
type store interface {
	pipeline.Store
	pipeline.CorrectionReplayer
	web.Corrector
	web.Catalog
	web.ChangeFeed
	watch.Store
	crosscheck.SourceService
	// Optimize tunes the store after a large ingest; Vacuum gives back
	// free space.
	Optimize(ctx context.Context) error
	Vacuum(ctx context.Context) error
	Close() error
}

// app is the wired pipeline over one open store.
type app struct {
	db       store
	pipeline *pipeline.Pipeline
}

// openStore opens the store a --db value names: a postgres:// URL is a
// PostgreSQL database, anything else a SQLite file, created when missing
// if create is set.
func openStore(ctx context.Context, db string, create bool) (store, error) {
	if postgres.IsURL(db) && create {
		return postgres.Open(ctx, db)
	}
	if postgres.IsURL(db) {
		return postgres.OpenExisting(ctx, db)
	}
	if !create {
		if _, err := os.Stat(db); err != nil {
			return nil, crosscheck.Errorf(crosscheck.ENOTFOUND,
				"no store at %s: run 'crosscheck ingest PATH...' first, or give --db", db)
		}
	}
	if dir := filepath.Dir(db); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create store folder: %w", err)
		}
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", db, err)
	}
	return s, nil
}

// storeName is a --db value as messages show it: a URL's password hidden.
func storeName(db string) string {
	if postgres.IsURL(db) {
		return postgres.Redact(db)
	}
	return db
}

// openApp opens (creating when needed) the store db names and wires the stages.
func (m *Main) openApp(ctx context.Context, path string, create bool) (*app, error) {
	db, err := openStore(ctx, path, create)
	if err != nil {
		return nil, err
	}
	p := &pipeline.Pipeline{
		Store: db,
		Extract: func(doc *crosscheck.Document) (*crosscheck.Article, error) {
			// Warnings name the input: a page read only in part says so.
			var log *slog.Logger
			if m.Logger != nil {
				log = m.Logger.With("input", doc.Source)
			}
			return extract.Extract(doc, extract.Options{Logger: log})
		},
		Clusterer: story.NewClusterer(story.Options{}),
		Analyze: func(s *crosscheck.Story, arts []*crosscheck.Article) *crosscheck.StoryReport {
			return check.Analyze(s, arts, check.Options{})
		},
		Logger: m.Logger,
	}
	if err := p.Load(ctx); err != nil {
		db.Close()
		return nil, err
	}
	return &app{db: db, pipeline: p}, nil
}

func (a *app) Close() error { return a.db.Close() }

// newReader makes the input reader with the command's fetch settings.
func newReader(opts ingest.Options) *ingest.Reader { return ingest.New(opts) }
