package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
)

// fetchFlags are the URL-fetching settings shared by ingest and analyze.
type fetchFlags struct {
	timeout   time.Duration
	maxBytes  int64
	noItemGet bool
}

func (f *fetchFlags) register(fs interface {
	DurationVar(*time.Duration, string, time.Duration, string)
	Int64Var(*int64, string, int64, string)
	BoolVar(*bool, string, bool, string)
}) {
	fs.DurationVar(&f.timeout, "timeout", 20*time.Second, "time limit for fetching one URL")
	fs.Int64Var(&f.maxBytes, "max-size", 10<<20, "largest input accepted, in bytes (files and downloads)")
	fs.BoolVar(&f.noItemGet, "no-item-pages", false, "do not fetch the page of a feed item that carries only a summary")
}

func (f *fetchFlags) options() ingest.Options {
	return ingest.Options{Timeout: f.timeout, MaxBytes: f.maxBytes, SkipItemPages: f.noItemGet}
}

func (m *Main) runIngest(ctx context.Context, args []string) error {
	fs := m.newFlagSet("ingest", "ingest [flags] PATH|URL|- ...", `  crosscheck ingest reports/                  every .txt, .html, .jsonl and feed file below reports/
  crosscheck ingest https://example.org/feed.xml   a feed: each item becomes an article
  crosscheck ingest --db news.db a.txt b.html  a chosen store
  cat article.txt | crosscheck ingest -        standard input`)
	dbPath := dbFlag(fs, storeUsageCreate)
	format := fs.String("format", "text", "the summary: text (on standard error) or json (on standard output)")
	var ff fetchFlags
	ff.register(fs)
	inputs, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(inputs) == 0 {
		return usagef("give at least one file, directory, URL or - (standard input)")
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	a, err := m.openApp(ctx, *dbPath, true)
	if err != nil {
		return err
	}
	defer a.Close()
	sum, err := m.ingest(ctx, a, inputs, ff.options())
	if *format == "json" {
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		if jerr := enc.Encode(sum); jerr != nil {
			return jerr
		}
	}
	if err != nil {
		return err
	}
	if sum.Failed > 0 {
		return errPartial
	}
	return nil
}

// ingest runs one batch with a progress bar, prints each failure as it
// happens and a summary line at the end, all on standard error.
func (m *Main) ingest(ctx context.Context, a *app, inputs []string, opts ingest.Options) (pipeline.Summary, error) {
	start := time.Now()
	bar := newProgress(m.Stderr, countInputs(inputs), 20)
	opts.Stdin = m.Stdin
	r := newReader(opts)
	sum, err := a.pipeline.Ingest(ctx, r.All(ctx, inputs), func(done int, current string, err error) {
		if err != nil {
			bar.Println("error: " + oneLine(err.Error()))
		}
		bar.Update(done, current)
	})
	bar.Done()
	line := fmt.Sprintf("ingested %d, duplicates %d, near duplicates %d, copies %d, failed %d, stories touched %d (%.1fs)",
		sum.Ingested, sum.Duplicates, sum.NearDuplicates, sum.Copies, sum.Failed, len(sum.Stories), time.Since(start).Seconds())
	fmt.Fprintln(m.Stderr, line)
	return sum, err
}
