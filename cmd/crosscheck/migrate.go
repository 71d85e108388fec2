package main

import (
	"context"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
)

// dumper is a store that can be copied from; restorer one that can be
// copied into (both stores are both).
type dumper interface {
	// Dump hands everything stored to the sink, from one snapshot.
	Dump(ctx context.Context, sink storecore.Sink) error
}

type restorer interface {
	// Restore writes what fn sends to its sink in one transaction;
	// EINVALID when the store is not empty.
	Restore(ctx context.Context, fn func(storecore.Sink) error) error
}

func (m *Main) runMigrate(ctx context.Context, args []string) error {
	fs := m.newFlagSet("migrate", "migrate --from STORE --to STORE", `  crosscheck migrate --from crosscheck.db --to postgres://crosscheck:secret@db.example/news
  crosscheck migrate --from postgres://crosscheck@db.example/news --to backup.db

A store is a SQLite file or a postgres:// URL. Everything is copied: articles,
stories and the clusterer's state, corrections with their numbers, analysis
counts, watched sources with what they delivered; the target builds its own search index. The target must be empty (a
new file, or a database or schema without crosscheck tables or with an empty
store); the copy is one transaction, so an interrupted copy leaves it empty.
The source can be in use meanwhile: the copy reads one snapshot of it.`)
	from := fs.String("from", "", "the store to copy")
	to := fs.String("to", "", "the empty store to copy into (a SQLite file is created)")
	format := fs.String("format", "text", "the summary: text or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *from == "" || *to == "" {
		return usagef("give both --from and --to")
	}
	if *from == *to {
		return usagef("--from and --to name the same store")
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	src, err := openStore(ctx, *from, false)
	if err != nil {
		return err
	}
	defer src.Close()
	dst, err := openStore(ctx, *to, true)
	if err != nil {
		return err
	}
	defer dst.Close()
	d, ok1 := src.(dumper)
	r, ok2 := dst.(restorer)
	if !ok1 || !ok2 {
		return crosscheck.Errorf(crosscheck.EINVALID, "these stores cannot be copied")
	}
	_, total, err := src.Articles(ctx, articleCount)
	if err != nil {
		return err
	}
	start := time.Now()
	bar := newProgress(m.Stderr, total, 500)
	var c copyCounter
	err = r.Restore(ctx, func(sink storecore.Sink) error {
		c.Sink, c.progress = sink, func(n int) { bar.Update(n, "") }
		return d.Dump(ctx, &c)
	})
	bar.Done()
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	secs := time.Since(start).Seconds()
	if *format == "json" {
		return writeJSON(m.Stdout, map[string]any{"from": storeName(*from), "to": storeName(*to),
			"articles": c.articles, "stories": c.stories, "corrections": c.corrections, "sources": c.sources, "seconds": secs})
	}
	fmt.Fprintf(m.Stderr, "copied %d articles, %d stories, %d corrections and %d sources from %s to %s (%.1fs)\n",
		c.articles, c.stories, c.corrections, c.sources, storeName(*from), storeName(*to), secs)
	return nil
}

// copyCounter counts what passes to the sink it wraps.
type copyCounter struct {
	storecore.Sink
	progress                                func(articles int)
	articles, stories, corrections, sources int
}

func (c *copyCounter) Story(s *crosscheck.Story) error {
	c.stories++
	return c.Sink.Story(s)
}

func (c *copyCounter) Article(a *crosscheck.Article) error {
	c.articles++
	c.progress(c.articles)
	return c.Sink.Article(a)
}

func (c *copyCounter) Correction(x *crosscheck.Correction, emptied *crosscheck.Story) error {
	c.corrections++
	return c.Sink.Correction(x, emptied)
}

func (c *copyCounter) Source(s *crosscheck.Source, items []storecore.SeenItem) error {
	c.sources++
	return c.Sink.Source(s, items)
}
