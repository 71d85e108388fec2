// Command loadgen fills a store with synthetic articles and serves it with
// the web server, for load measurements:
//
//	go run ./web/internal/loadgen/cmd/loadgen -db /tmp/load.db -fill -articles 100000 -stories 20000
//	go run ./web/internal/loadgen/cmd/loadgen -db /tmp/load.db -serve 127.0.0.1:8099
//	wrk -t2 -c16 -d30s --latency http://127.0.0.1:8099/
package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
	"github.com/crosscheck-news/crosscheck/web"
	"github.com/crosscheck-news/crosscheck/web/internal/loadgen"
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if err := run(ctx, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "loadgen:", err)
		os.Exit(1)
	}
}

func run(ctx context.Context, args []string) error {
	fs := flag.NewFlagSet("loadgen", flag.ContinueOnError)
	dbPath := fs.String("db", "load.db", "store `file`")
	fill := fs.Bool("fill", false, "fill the store with synthetic articles")
	articles := fs.Int("articles", 100000, "articles to write with -fill")
	stories := fs.Int("stories", 20000, "stories to spread them over")
	seed := fs.Uint64("seed", 1, "random seed")
	addr := fs.String("serve", "", "serve the store on this `address` after filling")
	noAnalyze := fs.Bool("no-analyze", false, "serve story pages without cross-checking (articles only)")
	if err := fs.Parse(args); err != nil {
		return err
	}
	log := slog.New(slog.NewTextHandler(os.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	db, err := sqlite.Open(ctx, *dbPath)
	if err != nil {
		return err
	}
	defer db.Close()
	if *fill {
		start := time.Now()
		err := loadgen.Fill(ctx, db, loadgen.Options{
			Articles: *articles, Stories: *stories, Seed: *seed,
			Progress: func(n int) {
				if n%10000 < 1000 {
					fmt.Fprintf(os.Stderr, "%d articles, %s\n", n, time.Since(start).Round(time.Second))
				}
			},
		})
		if err != nil {
			return err
		}
		fmt.Fprintf(os.Stderr, "filled %s with %d articles in %d stories in %s\n", *dbPath, *articles, *stories, time.Since(start).Round(time.Second))
	}
	if *addr == "" {
		return nil
	}
	p := &pipeline.Pipeline{
		Store: db,
		Extract: func(d *crosscheck.Document) (*crosscheck.Article, error) {
			return extract.Extract(d, extract.Options{})
		},
		Clusterer: story.NewClusterer(story.Options{}),
		Analyze:   analyze,
		Logger:    log,
	}
	if *noAnalyze {
		p.Analyze = nil
	}
	srv, err := web.New(web.Config{Articles: db, Stories: db, Reports: p, Ingester: p, Corrections: db, Catalog: db, Logger: log})
	if err != nil {
		return err
	}
	return srv.ListenAndServe(ctx, *addr)
}
