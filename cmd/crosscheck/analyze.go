package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/report"
)

func (m *Main) runAnalyze(ctx context.Context, args []string) error {
	fs := m.newFlagSet("analyze", "analyze [flags] PATH|URL|- ...", `  crosscheck analyze examples/                     the bundled example event
  crosscheck analyze --format json reports/ > r.json   the report for other tools
  crosscheck analyze --format html -o r.html a.txt b.html https://example.org/c
  crosscheck analyze --db kept.db reports/         keep the store instead of a temporary one`)
	format := fs.String("format", "text", "output: text, markdown, html or json")
	out := fs.String("o", "", "write the report to this file instead of standard output")
	dbPath := fs.String("db", "", "store to use and keep (default: a temporary store, removed afterwards)")
	width := fs.Int("width", 100, "line width of the text format")
	color := fs.String("color", "auto", "colour in the text format: auto, always or never")
	var ff fetchFlags
	ff.register(fs)
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usagef("give at least one file, directory, URL or - (standard input)")
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	path := *dbPath
	if path == "" {
		dir, err := os.MkdirTemp("", "crosscheck-")
		if err != nil {
			return fmt.Errorf("make temporary store: %w", err)
		}
		defer os.RemoveAll(dir)
		path = filepath.Join(dir, "analyze.db")
	}
	a, err := m.openApp(ctx, path, true)
	if err != nil {
		return err
	}
	defer a.Close()
	sum, err := m.ingest(ctx, a, inputs, ff.options())
	if err != nil {
		return err
	}
	if sum.Ingested+sum.Duplicates == 0 {
		return crosscheck.Errorf(crosscheck.EINVALID, "no article could be read from the inputs; see the errors above")
	}
	ids, err := storiesOf(ctx, a, sum)
	if err != nil {
		return err
	}
	r, err := a.pipeline.Report(ctx, ids)
	if err != nil {
		return err
	}
	if err := m.writeReport(r, *format, *out, *width, *color); err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errPartial
	}
	return nil
}

// storiesOf returns the stories holding the batch's articles (duplicates
// of stored articles included), newest event first.
func storiesOf(ctx context.Context, a *app, sum pipeline.Summary) ([]string, error) {
	seen := map[string]bool{}
	var stories []*crosscheck.Story
	for _, id := range sum.Articles {
		art, err := a.db.Article(ctx, id)
		if err != nil {
			return nil, err
		}
		if art.StoryID == "" || seen[art.StoryID] {
			continue
		}
		seen[art.StoryID] = true
		s, err := a.db.Story(ctx, art.StoryID)
		if err != nil {
			return nil, err
		}
		stories = append(stories, s)
	}
	sort.SliceStable(stories, func(i, j int) bool { return newer(stories[i], stories[j]) })
	ids := make([]string, len(stories))
	for i, s := range stories {
		ids[i] = s.ID
	}
	return ids, nil
}

// newer orders stories newest event first, then largest first.
func newer(a, b *crosscheck.Story) bool {
	da, db := a.EventDate, b.EventDate
	if da.IsZero() {
		da = a.Updated
	}
	if db.IsZero() {
		db = b.Updated
	}
	if !da.Equal(db) {
		return da.After(db)
	}
	return a.Articles > b.Articles
}

func checkFormat(f string) error {
	switch f {
	case "text", "json", "markdown", "md", "html":
		return nil
	}
	return usagef("unknown format %q: choose text, markdown, html or json", f)
}

// writeReport renders r to the named file or standard output.
func (m *Main) writeReport(r *crosscheck.Report, format, out string, width int, color string) error {
	if format == "md" {
		format = "markdown"
	}
	w := m.Stdout
	if out != "" {
		f, err := os.Create(out)
		if err != nil {
			return fmt.Errorf("write report: %w", err)
		}
		defer f.Close()
		w = f
	}
	opts := report.TextOptions{Width: width, Color: useColor(color, w)}
	if tw, ok := w.(*termWriter); ok && opts.Color {
		w = tw.withColor() // the report's own colours pass
	}
	if err := report.Write(w, r, format, opts); err != nil {
		return fmt.Errorf("write report: %w", err)
	}
	if f, ok := w.(*os.File); ok && out != "" {
		return f.Close()
	}
	return nil
}
