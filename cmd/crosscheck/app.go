package main

import (
	"context"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/check"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
)

// defaultDB is the store used when --db is not given.
const defaultDB = "crosscheck.db"

// app is the wired pipeline over one open store.
type app struct {
	db       *sqlite.DB
	pipeline *pipeline.Pipeline
}

// openApp opens (creating when needed) the store at path and wires the stages.
func (m *Main) openApp(ctx context.Context, path string, create bool) (*app, error) {
	if !create {
		if _, err := os.Stat(path); err != nil {
			return nil, crosscheck.Errorf(crosscheck.ENOTFOUND,
				"no store at %s: run 'crosscheck ingest PATH...' first, or give --db", path)
		}
	}
	if dir := filepath.Dir(path); dir != "" {
		if err := os.MkdirAll(dir, 0o755); err != nil {
			return nil, fmt.Errorf("create store folder: %w", err)
		}
	}
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
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
