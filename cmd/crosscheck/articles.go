package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/report"
	"github.com/crosscheck-news/crosscheck/sqlite"
)

// listFormat checks a listing's --format value.
func listFormat(f string) error {
	if f != "text" && f != "json" {
		return usagef("unknown format %q: choose text or json", f)
	}
	return nil
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// dateFlag parses "YYYY-MM-DD" or RFC 3339 into a *time.Time (nil when empty).
func dateFlag(name, v string) (*time.Time, error) {
	if v == "" {
		return nil, nil
	}
	for _, layout := range []string{time.DateOnly, time.RFC3339} {
		if t, err := time.Parse(layout, v); err == nil {
			return &t, nil
		}
	}
	return nil, usagef("--%s %q: give a date as YYYY-MM-DD", name, v)
}

func strFlag(v string) *string {
	if v == "" {
		return nil
	}
	return &v
}

// listFlags are the flags every listing shares: the store, the format, an
// outlet, a date range and paging.
type listFlags struct {
	db             *string
	format, outlet string
	sinceS, untilS string
	since, until   *time.Time
	limit, offset  int
}

func (l *listFlags) register(fs *flag.FlagSet, what string, limit int) {
	l.db = dbFlag(fs, storeUsage)
	fs.StringVar(&l.format, "format", "text", "output: text or json")
	fs.StringVar(&l.outlet, "outlet", "", "only those from this outlet")
	fs.StringVar(&l.sinceS, "since", "", "only "+what+" on or after this date (YYYY-MM-DD)")
	fs.StringVar(&l.untilS, "until", "", "only "+what+" before this date (YYYY-MM-DD)")
	fs.IntVar(&l.limit, "limit", limit, fmt.Sprintf("at most this many, up to %d (as the HTTP API)", crosscheck.ListMax))
	fs.IntVar(&l.offset, "offset", 0, "skip this many")
}

// check validates the format and parses the dates.
func (l *listFlags) check() (err error) {
	if err := listFormat(l.format); err != nil {
		return err
	}
	if l.limit < 1 || l.limit > crosscheck.ListMax {
		return usagef("--limit %d: give 1 to %d, and --offset for the next page", l.limit, crosscheck.ListMax)
	}
	if l.offset < 0 {
		return usagef("--offset %d: give 0 or more", l.offset)
	}
	if l.since, err = dateFlag("since", l.sinceS); err != nil {
		return err
	}
	l.until, err = dateFlag("until", l.untilS)
	return err
}

// articleRow is an article as listings show it.
type articleRow struct {
	ID          string `json:"id"`
	Outlet      string `json:"outlet"`
	Published   string `json:"published"`
	Title       string `json:"title"`
	Author      string `json:"author"`
	Source      string `json:"source"`
	StoryID     string `json:"story_id,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

func rowsOf(arts []*crosscheck.Article) []articleRow {
	rows := make([]articleRow, 0, len(arts))
	for _, a := range arts {
		rows = append(rows, rowOf(a))
	}
	return rows
}

func rowOf(a *crosscheck.Article) articleRow {
	return articleRow{ID: a.ID, Outlet: a.Outlet, Published: report.FormatPublished(a), Title: a.Title,
		Author: a.Author, Source: a.Source, StoryID: a.StoryID, DuplicateOf: a.DuplicateOf}
}

func printArticles(w io.Writer, arts []*crosscheck.Article) {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tOUTLET\tPUBLISHED\tTITLE")
	for _, a := range arts {
		p := report.FormatPublished(a)
		if len(p) > 10 {
			p = p[:10]
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\n", a.ID, clip(report.OutletLabel(a).String(), 32), orDash(p), orDash(clip(a.Title, 70)))
	}
	tw.Flush()
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

func clip(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

func (m *Main) runArticles(ctx context.Context, args []string) error {
	fs := m.newFlagSet("articles", "articles [flags]", `  crosscheck articles
  crosscheck articles --outlet Reuters --since 2025-09-01 --format json`)
	var lf listFlags
	lf.register(fs, "articles published", crosscheck.ListDefault)
	storyID := fs.String("story", "", "only this story's articles")
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := lf.check(); err != nil {
		return err
	}
	f := crosscheck.ArticleFilter{Outlet: strFlag(lf.outlet), Since: lf.since, Until: lf.until,
		Limit: lf.limit, Offset: lf.offset}
	a, err := m.openApp(ctx, *lf.db, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if *storyID != "" {
		// An unknown story is an error, not an empty list.
		id, err := a.db.ResolveID(ctx, "story", *storyID)
		if err != nil {
			return err
		}
		f.StoryID = &id
	}
	arts, total, err := a.db.Articles(ctx, f)
	if err != nil {
		return err
	}
	if lf.format == "json" {
		return writeJSON(m.Stdout, map[string]any{"total": total, "articles": rowsOf(arts)})
	}
	printArticles(m.Stdout, arts)
	if total > len(arts) {
		fmt.Fprintf(m.Stderr, "%d of %d articles shown; use --limit and --offset for more\n", len(arts), total)
	}
	return nil
}

func (m *Main) runShow(ctx context.Context, args []string) error {
	fs := m.newFlagSet("show", "show [flags] ARTICLE-ID", `  crosscheck show 3f2a9c0d1b2e
  crosscheck show --format json 3f2a9c0d1b2e`)
	dbPath := dbFlag(fs, storeUsage)
	format := fs.String("format", "text", "output: text or json")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usagef("give one article ID (see 'crosscheck articles')")
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	a, err := m.openApp(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer a.Close()
	id, err := a.db.ResolveID(ctx, "article", ids[0])
	if err != nil {
		return err
	}
	art, err := a.db.Article(ctx, id)
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(m.Stdout, art)
	}
	w := m.Stdout
	field := func(k, v string) {
		if v != "" {
			fmt.Fprintf(w, "%-11s %s\n", k+":", v)
		}
	}
	field("ID", art.ID)
	field("Title", art.Title)
	field("Outlet", report.OutletLabel(art).String())
	field("Author", art.Author)
	field("Credit", art.Credit)
	field("Published", report.FormatPublished(art))
	field("Modified", report.FormatModified(art))
	field("Language", art.Language)
	field("Source", art.Source)
	if art.URL != art.Source {
		field("URL", art.URL)
	}
	field("Story", art.StoryID)
	field("Duplicate of", art.DuplicateOf)
	field("Correction", art.Correction)
	fmt.Fprintf(w, "%-11s %d paragraphs, %d sentences\n\n", "Body:", len(art.Paragraphs), len(art.Sentences))
	fmt.Fprintln(w, art.Text)
	return nil
}

func (m *Main) runSearch(ctx context.Context, args []string) error {
	fs := m.newFlagSet("search", "search [flags] QUERY...", `  crosscheck search witkoff paris
  crosscheck search '"security guarantees"' --format json`)
	dbPath := dbFlag(fs, storeUsage)
	format := fs.String("format", "text", "output: text or json")
	limit := fs.Int("limit", crosscheck.ListDefault, "at most this many results")
	color := fs.String("color", "auto", "mark the matches in colour: auto (on a terminal), always or never")
	words, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(words) == 0 {
		return usagef("give words to search for")
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	a, err := m.openApp(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer a.Close()
	hits, err := a.db.Search(ctx, strings.Join(words, " "), *limit)
	if err != nil {
		return err
	}
	if *format == "json" {
		if hits == nil {
			hits = []crosscheck.SearchHit{}
		}
		return writeJSON(m.Stdout, map[string]any{"hits": hits})
	}
	if len(hits) == 0 {
		fmt.Fprintln(m.Stderr, "no matches")
		return nil
	}
	paint := useColor(*color, m.Stdout)
	for _, h := range hits {
		fmt.Fprintf(m.Stdout, "%s  %s  %s\n    %s\n", h.Article.ID, report.OutletLabel(h.Article), orDash(clip(h.Article.Title, 70)), markMatches(clip(h.Snippet, 160), paint))
	}
	return nil
}

// markMatches shows the search matches of a snippet: bold yellow on a
// terminal, and plain text (the markers removed) anywhere else.
func markMatches(snippet string, color bool) string {
	on, off := "", ""
	if color {
		on, off = "\x1b[1;33m", "\x1b[0m"
	}
	return strings.NewReplacer(sqlite.HighlightStart, on, sqlite.HighlightEnd, off).Replace(snippet)
}
