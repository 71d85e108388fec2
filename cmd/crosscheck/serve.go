package main

import (
	"context"
	"fmt"
	"log/slog"
	"net"
	"time"

	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/web"
)

func (m *Main) runServe(ctx context.Context, args []string) error {
	fs := m.newFlagSet("serve", "serve [flags]", `  crosscheck serve                           http://127.0.0.1:8080 over ./crosscheck.db
  crosscheck serve --addr :9000 --db news.db
  crosscheck serve --read-only               browsing and the read API only

The API is described at /api/openapi.json; metrics at /metrics; health at /healthz.`)
	addr := fs.String("addr", "127.0.0.1:8080", "address to listen on")
	dbPath := fs.String("db", defaultDB, "the store: a SQLite file (created when missing) or a postgres:// URL; $CROSSCHECK_DB sets the default")
	readOnly := fs.Bool("read-only", false, "serve browsing and the API without any ingest route")
	allowPrivate := fs.Bool("allow-private-fetch", false, "let 'add by URL' fetch loopback, private and link-local addresses (intranets)")
	maxUpload := fs.Int64("max-upload", 16<<20, "largest accepted upload or request body, in bytes")
	timeout := fs.Duration("timeout", 20*time.Second, "time limit for fetching one URL added from the web")
	allowed := fs.String("allowed-hosts", "", "host names and addresses the server answers to, comma-separated, \"*\" for any\n(default: the address it listens on and localhost; every address of the machine when listening on all)")
	format := fs.String("format", "text", "how to announce the address once listening: text (standard error) or json (standard output)")
	if _, err := parse(fs, args); err != nil {
		return err
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
		AllowedHosts:      hosts,
	}
	if !*readOnly {
		cfg.Ingester = a.pipeline
		cfg.Reader = ingest.New(ingest.Options{Timeout: *timeout, MaxBytes: *maxUpload, BlockPrivate: !*allowPrivate})
	}
	srv, err := web.New(cfg)
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
	return srv.ListenAndServe(ctx, *addr)
}
