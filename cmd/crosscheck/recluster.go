package main

import (
	"context"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/story"
)

func (m *Main) runRecluster(ctx context.Context, args []string) error {
	fs := m.newFlagSet("recluster", "recluster [flags]", `  crosscheck recluster                rebuild every story in ./crosscheck.db
  crosscheck recluster --db news.db`)
	dbPath := dbFlag(fs, storeUsage)
	format := fs.String("format", "text", "the summary: text or json")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	a, err := m.openApp(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer a.Close()
	start := time.Now()
	_, total, err := a.db.Articles(ctx, articleCount)
	if err != nil {
		return err
	}
	bar := newProgress(m.Stderr, total, 100)
	n, err := a.pipeline.Recluster(ctx, story.NewClusterer(story.Options{}), func(done int, cur string, _ error) {
		bar.Update(done, cur)
	})
	bar.Done()
	if err != nil {
		return err
	}
	_, stories, err := a.db.Stories(ctx, storyCount)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(m.Stdout, map[string]any{"articles": n, "stories": stories, "seconds": time.Since(start).Seconds()})
	}
	fmt.Fprintf(m.Stderr, "placed %d articles into %d stories (%.1fs)\n", n, stories, time.Since(start).Seconds())
	return nil
}
