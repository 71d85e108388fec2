package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/watch"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
	"github.com/prometheus/client_golang/prometheus/promhttp"
)

// watchFlags are the watcher's settings, shared by watch and serve --watch.
type watchFlags struct {
	allowPrivate bool
	hostGap      time.Duration
	minInterval  time.Duration
	maxInterval  time.Duration
	timeout      time.Duration
	maxBytes     int64
	concurrency  int
	maxFailures  int
	publicURL    string
	noItemPages  bool
}

func (f *watchFlags) register(fs *flag.FlagSet, forServe bool) {
	if !forServe { // serve has its own, covering both
		fs.BoolVar(&f.allowPrivate, "allow-private-fetch", false, "fetch sources on loopback, private and link-local addresses (local feeds, intranets)")
	}
	fs.DurationVar(&f.hostGap, "host-gap", watch.DefaultHostGap, "least time between two requests to the same host")
	fs.DurationVar(&f.minInterval, "min-interval", watch.DefaultMinInterval, "shortest adapted time between checks of a source")
	fs.DurationVar(&f.maxInterval, "max-interval", watch.DefaultMaxInterval, "longest adapted time between checks of a source")
	fs.DurationVar(&f.timeout, "fetch-timeout", 20*time.Second, "time limit for one request of the watcher")
	fs.Int64Var(&f.maxBytes, "max-size", 10<<20, "largest feed or page accepted, in bytes")
	fs.IntVar(&f.concurrency, "concurrency", watch.DefaultConcurrency, "sources checked at once (one request at a time per host anyway)")
	fs.IntVar(&f.maxFailures, "max-failures", watch.DefaultMaxFailures, "failed checks in a row before a source is set failing")
	fs.StringVar(&f.publicURL, "public-url", "", "this server's address as WebSub hubs reach it (e.g. https://news.example.org); enables WebSub push")
	fs.BoolVar(&f.noItemPages, "no-item-pages", false, "use the feed's summary instead of fetching the page of an item that carries only one")
}

func (f *watchFlags) options(a *app, logger *slog.Logger) watch.Options {
	return watch.Options{
		Store: a.db, Ingester: a.pipeline, Logger: logger,
		AllowPrivate: f.allowPrivate, HostGap: f.hostGap, MinInterval: f.minInterval, MaxInterval: f.maxInterval,
		Timeout: f.timeout, MaxBytes: f.maxBytes, Concurrency: f.concurrency, MaxFailures: f.maxFailures,
		PublicURL: f.publicURL, SkipItemPages: f.noItemPages,
	}
}

func (m *Main) runWatch(ctx context.Context, args []string) error {
	fs := m.newFlagSet("watch", "watch [flags]", `  crosscheck sources import feeds.opml && crosscheck watch
  crosscheck watch --db news.db --host-gap 2s
  crosscheck watch --public-url https://news.example.org --addr :8081   WebSub push
  crosscheck serve --watch                    the same, with the web UI in one process

Each source is checked when due; new items go through the same stages as
'crosscheck ingest'. Stop with Ctrl-C: the next run resumes from the store.`)
	dbPath := dbFlag(fs, storeUsageCreate)
	addr := fs.String("addr", "", "listen here for WebSub callbacks (/websub/), /metrics and /api/sources; needed with --public-url")
	quiet := fs.Bool("quiet", false, "log failures only, not each check that found something")
	var wf watchFlags
	wf.register(fs, false)
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if wf.publicURL != "" && *addr == "" {
		return usagef("--public-url needs --addr: where hubs' callbacks arrive")
	}
	a, err := m.openApp(ctx, *dbPath, true)
	if err != nil {
		return err
	}
	defer a.Close()
	level := slog.LevelInfo
	if *quiet {
		level = slog.LevelWarn
	}
	logger := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: level}))
	a.pipeline.Logger = logger
	w, err := watch.New(wf.options(a, logger))
	if err != nil {
		return err
	}
	all, err := a.db.Sources(ctx, crosscheck.SourceFilter{})
	if err != nil {
		return err
	}
	if len(all) == 0 {
		fmt.Fprintln(m.Stderr, "crosscheck watch: no sources yet; add some with 'crosscheck sources add URL' (the watcher picks them up while running)")
	}
	fmt.Fprintf(m.Stderr, "crosscheck: watching %d sources in %s (Ctrl-C to stop)\n", len(all), storeName(*dbPath))
	if *addr == "" {
		return w.Run(ctx)
	}
	reg := prometheus.NewRegistry()
	reg.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), w.Collector())
	mux := http.NewServeMux()
	mux.Handle("/websub/", w.Handler())
	mux.Handle("GET /metrics", promhttp.HandlerFor(reg, promhttp.HandlerOpts{}))
	mux.HandleFunc("GET /api/sources", func(rw http.ResponseWriter, r *http.Request) {
		rw.Header().Set("Content-Type", "application/json; charset=utf-8")
		enc := json.NewEncoder(rw)
		enc.SetIndent("", "  ")
		enc.Encode(map[string]any{"items": w.Sources()})
	})
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w", *addr, err)
	}
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second, ReadTimeout: time.Minute}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	fmt.Fprintf(m.Stderr, "crosscheck: WebSub callbacks and /metrics on http://%s\n", ln.Addr())
	runErr := w.Run(ctx)
	shut, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	srv.Shutdown(shut)
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return runErr
}
