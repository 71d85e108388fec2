package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/watch"
	"github.com/crosscheck-news/crosscheck/web"
	"github.com/prometheus/client_golang/prometheus"
	"github.com/prometheus/client_golang/prometheus/collectors"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := m.newFlagSet("serve", "serve [flags]", `  crosscheck serve                           http://127.0.0.1:8080 over ./crosscheck.db
  crosscheck serve --addr :9000 --db news.db
  crosscheck serve --read-only               browsing and the read API only
  crosscheck serve --watch                   also check the sources ('crosscheck sources') and add their news

The API is described at /api/openapi.json; metrics at /metrics; health at /healthz.`)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dbPath := dbFlag(fs, storeUsageCreate)
	readOnly := fs.Bool("read-only", false, "serve browsing and the API without any ingest route")
	allowPrivate := fs.Bool("allow-private-fetch", false, "let 'add by URL' (and --watch) fetch loopback, private and link-local addresses (intranets)")
	watchOn := fs.Bool("watch", false, "also watch the sources in the store and ingest their new items; pages update themselves")
	var wf watchFlags
	wf.register(fs, true)
	maxUpload := fs.Int64("max-upload", 16<<20, "largest accepted upload or request body, in bytes")
	timeout := fs.Duration("timeout", 20*time.Second, "time limit for fetching one URL added from the web")
	allowed := fs.String("allowed-hosts", "", "host names and addresses the server answers to, comma-separated, \"*\" for any\n(default: the address it listens on and localhost; every address of the machine when listening on all)")
	format := fs.String("format", "text", "how to announce the address once listening: text (standard error) or json (standard output)")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *watchOn && *readOnly {
		return usagef("--watch adds articles: it cannot go with --read-only")
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	hosts, err := hostList(*allowed)
	if err != nil {
		return err
	}
	var a *app
	if *readOnly {
		a, err = m.openAppReadOnly(ctx, *dbPath)
	} else {
		a, err = m.openApp(ctx, *dbPath, true)
	}
	if err != nil {
		return err
	}
	defer a.Close()
	// Serving logs a line per request: info level.
	logger := slog.New(slog.NewTextHandler(m.Stderr, &slog.HandlerOptions{Level: slog.LevelInfo}))
	a.pipeline.Logger = logger
	cfg := web.Config{
		Articles:          a.db,
		Stories:           a.db,
		Reports:           a.pipeline,
		Logger:            logger,
		ReadOnly:          *readOnly,
		AllowPrivateFetch: *allowPrivate,
		MaxUploadBytes:    *maxUpload,
		Corrections:       a.db,
		Catalog:           a.db,
		Sources:           a.db,
		AllowedHosts:      hosts,
	}
	var w *watch.Watcher
	var srv *web.Server
	if *watchOn {
		wf.allowPrivate = *allowPrivate
		o := wf.options(a, logger)
		o.OnChange = func(ids []string) { srv.StoriesChanged(ids) }
		if w, err = watch.New(o); err != nil {
			return err
		}
		cfg.Registry = prometheus.NewRegistry()
		cfg.Registry.MustRegister(collectors.NewGoCollector(), collectors.NewProcessCollector(collectors.ProcessCollectorOpts{}), w.Collector())
		cfg.WebSub = w.Handler()
	}
	if !*readOnly {
		cfg.Ingester = a.pipeline
		cfg.Reader = ingest.New(ingest.Options{Timeout: *timeout, MaxBytes: *maxUpload, BlockPrivate: !*allowPrivate})
	}
	srv, err = web.New(cfg)
	if err != nil {
		return err
	}
	// The address is told once the server listens, so a script that waits
	// for it can connect at once (and learns the port of --addr :0).
	srv.OnListen = func(ad net.Addr) {
		if *format == "json" {
			writeJSON(m.Stdout, map[string]any{"url": "http://" + ad.String(), "store": storeName(*dbPath)})
			return
		}
		fmt.Fprintf(m.Stderr, "crosscheck: serving %s on http://%s (Ctrl-C to stop)\n", storeName(*dbPath), ad)
	}
	if w == nil {
		return srv.ListenAndServe(ctx, *addr)
	}
	return m.serveAndWatch(ctx, srv, w, *addr)
}

// serveAndWatch runs the web server and the watcher until ctx ends or
// either fails.
func (m *Main) serveAndWatch(ctx context.Context, srv *web.Server, w *watch.Watcher, addr string) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	watched := make(chan error, 1)
	go func() {
		err := w.Run(ctx)
		if err != nil {
			cancel()
		}
		watched <- err
	}()
	fmt.Fprintln(m.Stderr, "crosscheck: watching the sources in the store ('crosscheck sources list' shows them)")
	err := srv.ListenAndServe(ctx, addr)
	cancel()
	return errors.Join(err, <-watched)
}
