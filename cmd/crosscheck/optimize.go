package main

import (
	"context"
	"fmt"
	"time"
)

func (m *Main) runOptimize(ctx context.Context, args []string) error {
	fs := m.newFlagSet("optimize", "optimize [flags]", `  crosscheck optimize                 after a large ingest
  crosscheck optimize --vacuum        also rewrite the file to give back free space`)
	dbPath := dbFlag(fs, storeUsage)
	vacuum := fs.Bool("vacuum", false, "also rewrite the store file compactly (slow on a large store)")
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
	if err := a.db.Optimize(ctx); err != nil {
		return err
	}
	if *vacuum {
		if err := a.db.Vacuum(ctx); err != nil {
			return err
		}
	}
	if *format == "json" {
		return writeJSON(m.Stdout, map[string]any{"store": storeName(*dbPath), "vacuum": *vacuum, "seconds": time.Since(start).Seconds()})
	}
	fmt.Fprintf(m.Stderr, "optimized %s (%.1fs)\n", storeName(*dbPath), time.Since(start).Seconds())
	return nil
}
