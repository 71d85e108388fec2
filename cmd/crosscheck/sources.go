package main

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/opml"
)

const sourcesUsage = `sources <add|import|export|list|remove|pause|resume> [flags] [arguments]

Manage the feeds and sites that 'crosscheck watch' and 'crosscheck serve --watch'
check for new reports. The sources live in the store, so a running watcher picks
up changes within seconds.

  add URL...           a feed URL, or a page whose feed it names (<link rel="alternate">)
  import FILE.opml     every feed of an OPML file (OPML 1.0 or 2.0, nested folders)
  export               the sources as OPML 2.0, on standard output (or -o FILE)
  list                 name, URL, status, last check, last new item, next check, error
  remove ID...         forget sources (their articles stay)
  pause ID...          stop checking sources
  resume ID...         check paused or failing sources again, at once`

const sourcesExamples = `  crosscheck sources add https://example.org/feed.xml --interval 10m
  crosscheck sources add https://example.org/ --name "Example Times"
  crosscheck sources import subscriptions.opml
  crosscheck sources list --format json
  crosscheck sources pause 3`

func (m *Main) runSources(ctx context.Context, args []string) error {
	if len(args) == 0 || args[0] == "-h" || args[0] == "--help" || args[0] == "help" {
		fmt.Fprintf(m.Stderr, "Usage: crosscheck %s\n\nExamples:\n%s\n\nRun 'crosscheck sources ACTION -h' for an action's flags.\n", sourcesUsage, sourcesExamples)
		if len(args) == 0 {
			return usagef("give an action: add, import, export, list, remove, pause or resume")
		}
		return nil
	}
	action, rest := args[0], args[1:]
	switch action {
	case "add":
		return m.sourcesAdd(ctx, rest)
	case "import":
		return m.sourcesImport(ctx, rest)
	case "export":
		return m.sourcesExport(ctx, rest)
	case "list", "ls":
		return m.sourcesList(ctx, rest)
	case "remove", "rm":
		return m.sourcesSet(ctx, "remove", rest)
	case "pause":
		return m.sourcesSet(ctx, "pause", rest)
	case "resume":
		return m.sourcesSet(ctx, "resume", rest)
	}
	return usagef("unknown action %q: use add, import, export, list, remove, pause or resume", action)
}

// openSources opens the store for source management.
func (m *Main) openSources(ctx context.Context, path string, create bool) (store, error) {
	db, err := openStore(ctx, path, create)
	if crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND,
			"no store at %s: add sources first ('crosscheck sources add URL'), or give --db", storeName(path))
	}
	return db, err
}

func (m *Main) sourcesAdd(ctx context.Context, args []string) error {
	fs := m.newFlagSet("sources add", "sources add [flags] URL...", `  crosscheck sources add https://example.org/feed.xml
  crosscheck sources add https://example.org/ --interval 30m --name "Example Times"`)
	dbPath := dbFlag(fs, storeUsageCreate)
	interval := fs.Duration("interval", 0, "time between checks, at least 1s (default: adapted to how often the source publishes)")
	name := fs.String("name", "", "a name for the source (default: the feed's title)")
	category := fs.String("category", "", "a folder for the source, as in an OPML file (\"World/Europe\")")
	urls, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(urls) == 0 {
		return usagef("give at least one feed or page URL")
	}
	if *name != "" && len(urls) > 1 {
		return usagef("--name names one source: give one URL with it")
	}
	db, err := m.openSources(ctx, *dbPath, true)
	if err != nil {
		return err
	}
	defer db.Close()
	failed := 0
	for _, u := range urls {
		s := &crosscheck.Source{URL: u, Name: *name, Category: *category, Interval: *interval}
		if err := db.AddSource(ctx, s); err != nil {
			if crosscheck.ErrorCode(err) != crosscheck.EINVALID {
				return err
			}
			fmt.Fprintf(m.Stderr, "error: %v\n", err)
			failed++
			continue
		}
		fmt.Fprintf(m.Stdout, "added source %d: %s\n", s.ID, s.URL)
	}
	if failed > 0 {
		return errPartial
	}
	fmt.Fprintln(m.Stderr, "Run 'crosscheck watch' (or 'crosscheck serve --watch') to check them; a page's feed is found on its first check.")
	return nil
}

func (m *Main) sourcesImport(ctx context.Context, args []string) error {
	fs := m.newFlagSet("sources import", "sources import [flags] FILE.opml...", `  crosscheck sources import subscriptions.opml
  crosscheck sources import --interval 15m feeds.opml`)
	dbPath := dbFlag(fs, storeUsageCreate)
	interval := fs.Duration("interval", 0, "time between checks for every imported source (default: adapted)")
	files, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return usagef("give an OPML file ('-' for standard input)")
	}
	db, err := m.openSources(ctx, *dbPath, true)
	if err != nil {
		return err
	}
	defer db.Close()
	added, known, bad := 0, 0, 0
	for _, file := range files {
		var r io.Reader = m.Stdin
		if file != "-" {
			f, err := os.Open(file)
			if err != nil {
				return crosscheck.Errorf(crosscheck.EINVALID, "%s: %v", file, err)
			}
			defer f.Close()
			r = f
		}
		feeds, err := opml.Parse(io.LimitReader(r, 64<<20))
		if err != nil {
			return crosscheck.Errorf(crosscheck.EINVALID, "%s: %v", file, err)
		}
		for _, f := range feeds {
			s := &crosscheck.Source{URL: f.URL, SiteURL: f.SiteURL, Name: f.Title, Category: f.Category, Interval: *interval}
			err := db.AddSource(ctx, s)
			switch {
			case err == nil:
				added++
			case crosscheck.ErrorCode(err) == crosscheck.EINVALID && strings.Contains(err.Error(), "watched already"):
				known++
			case crosscheck.ErrorCode(err) == crosscheck.EINVALID:
				bad++
				fmt.Fprintf(m.Stderr, "error: %s: %v\n", file, err)
			default:
				return err
			}
		}
	}
	fmt.Fprintf(m.Stderr, "imported %d sources, %d watched already, %d refused\n", added, known, bad)
	if bad > 0 {
		return errPartial
	}
	return nil
}

func (m *Main) sourcesExport(ctx context.Context, args []string) error {
	fs := m.newFlagSet("sources export", "sources export [flags]", `  crosscheck sources export > subscriptions.opml
  crosscheck sources export -o subscriptions.opml`)
	dbPath := dbFlag(fs, storeUsage)
	out := fs.String("o", "", "write to this file instead of standard output")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	db, err := m.openSources(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	list, err := db.Sources(ctx, crosscheck.SourceFilter{})
	if err != nil {
		return err
	}
	feeds := make([]opml.Feed, len(list))
	for i, s := range list {
		feeds[i] = opml.Feed{URL: s.URL, SiteURL: s.SiteURL, Title: s.Name, Category: s.Category}
	}
	w := m.Stdout
	if *out != "" {
		f, err := os.Create(*out)
		if err != nil {
			return fmt.Errorf("export: %w", err)
		}
		defer f.Close()
		w = f
	}
	return opml.Write(w, "crosscheck sources", feeds, time.Now())
}

func (m *Main) sourcesList(ctx context.Context, args []string) error {
	fs := m.newFlagSet("sources list", "sources list [flags]", `  crosscheck sources list
  crosscheck sources list --status failing
  crosscheck sources list --format json`)
	dbPath := dbFlag(fs, storeUsage)
	format := fs.String("format", "text", "text or json")
	status := fs.String("status", "", "only sources with this status: active, paused, failing or gone")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if *format != "text" && *format != "json" {
		return usagef("--format is text or json, not %q", *format)
	}
	db, err := m.openSources(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	var f crosscheck.SourceFilter
	if *status != "" {
		st := crosscheck.SourceStatus(*status)
		f.Status = &st
	}
	list, err := db.Sources(ctx, f)
	if err != nil {
		return err
	}
	if *format == "json" {
		views := []crosscheck.SourceView{}
		for _, s := range list {
			views = append(views, s.View())
		}
		enc := json.NewEncoder(m.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(views)
	}
	if len(list) == 0 {
		fmt.Fprintln(m.Stderr, "no sources: add some with 'crosscheck sources add URL' or 'crosscheck sources import FILE.opml'")
		return nil
	}
	now := time.Now()
	tw := tabwriter.NewWriter(m.Stdout, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tSTATUS\tNAME\tURL\tLAST CHECK\tLAST NEW\tNEXT CHECK\tITEMS\tERROR")
	for _, s := range list {
		next := "-"
		if s.Status == crosscheck.SourceActive {
			next = "due"
			if s.NextCheck.After(now) {
				next = "in " + ago(s.NextCheck.Sub(now))
			}
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\t%s\t%s\t%d\t%s\n", s.ID, s.Status, clip(s.Name, 30), s.URL,
			since(now, s.LastCheck), since(now, s.LastNew), next, s.Items, clip(s.LastError, 80))
	}
	return tw.Flush()
}

func since(now, t time.Time) string {
	if t.IsZero() {
		return "never"
	}
	return ago(now.Sub(t)) + " ago"
}

// ago formats a duration the way people say it: 40s, 5m, 3h, 2d.
func ago(d time.Duration) string {
	switch {
	case d < time.Minute:
		return fmt.Sprintf("%ds", int(d.Seconds()))
	case d < time.Hour:
		return fmt.Sprintf("%dm", int(d.Minutes()))
	case d < 48*time.Hour:
		return fmt.Sprintf("%dh", int(d.Hours()))
	}
	return fmt.Sprintf("%dd", int(d.Hours()/24))
}

func (m *Main) sourcesSet(ctx context.Context, action string, args []string) error {
	fs := m.newFlagSet("sources "+action, "sources "+action+" [flags] ID...", "  crosscheck sources "+action+" 3 4")
	dbPath := dbFlag(fs, storeUsage)
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) == 0 {
		return usagef("give the ID of at least one source ('crosscheck sources list' shows them)")
	}
	db, err := m.openSources(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer db.Close()
	failed := 0
	for _, raw := range ids {
		id, err := strconv.ParseInt(raw, 10, 64)
		if err != nil {
			return usagef("%q is not a source ID ('crosscheck sources list' shows them)", raw)
		}
		switch action {
		case "remove":
			err = db.RemoveSource(ctx, id)
		case "pause":
			err = db.SetSourceStatus(ctx, id, crosscheck.SourcePaused)
		case "resume":
			err = db.SetSourceStatus(ctx, id, crosscheck.SourceActive)
		}
		if err != nil {
			if crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND {
				fmt.Fprintf(m.Stderr, "error: %v\n", err)
				failed++
				continue
			}
			return err
		}
		past := map[string]string{"remove": "removed", "pause": "paused", "resume": "resumed"}[action]
		fmt.Fprintf(m.Stdout, "%s source %d\n", past, id)
	}
	if failed > 0 {
		return errPartial
	}
	return nil
}
