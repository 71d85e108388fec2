package main

import (
	"context"
	"fmt"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
	"unicode"

	"github.com/crosscheck-news/crosscheck"
)

func (m *Main) runStories(ctx context.Context, args []string) error {
	fs := m.newFlagSet("stories", "stories [flags]", `  crosscheck stories
  crosscheck stories --since 2025-09-01 --outlet Reuters
  crosscheck stories --query "ceasefire" --format json`)
	var lf listFlags
	lf.register(fs, "stories of events", crosscheck.ListDefault)
	query := fs.String("query", "", "only stories with an article matching this full-text query")
	sort := fs.String("sort", crosscheck.SortLatest, "order: "+strings.Join(crosscheck.StorySorts, ", "))
	if _, err := parse(fs, args); err != nil {
		return err
	}
	if err := lf.check(); err != nil {
		return err
	}
	if !slices.Contains(crosscheck.StorySorts, *sort) {
		return usagef("--sort %q: choose %s", *sort, strings.Join(crosscheck.StorySorts, ", "))
	}
	f := crosscheck.StoryFilter{Outlet: strFlag(lf.outlet), Query: strFlag(*query), Since: lf.since, Until: lf.until,
		Limit: lf.limit, Offset: lf.offset, Sort: *sort}
	a, err := m.openApp(ctx, *lf.db, false)
	if err != nil {
		return err
	}
	defer a.Close()
	if f.Outlet != nil {
		// As the web list: "Pravda" finds "Pravda.Ru".
		all, err := a.db.Outlets(ctx)
		if err != nil {
			return err
		}
		f.Outlets = looseOutlets(all, *f.Outlet)
		f.Outlet = nil
	}
	stories, total, err := a.db.Stories(ctx, f)
	if err != nil {
		return err
	}
	if lf.format == "json" {
		if stories == nil {
			stories = []*crosscheck.Story{}
		}
		return writeJSON(m.Stdout, map[string]any{"total": total, "stories": stories})
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tEVENT DATE\tARTICLES\tOUTLETS\tUPDATED\tTITLE")
	for _, s := range stories {
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\t%s\n", s.ID, day(s.EventDate), s.Articles, len(s.Outlets),
			day(s.Updated), clip(s.Title, 60))
	}
	tw.Flush()
	if total > len(stories) {
		fmt.Fprintf(m.Stderr, "%d of %d stories shown; use --limit and --offset for more\n", len(stories), total)
	}
	return nil
}

func day(t time.Time) string {
	if t.IsZero() {
		return "-"
	}
	return t.Format(time.DateOnly)
}

func (m *Main) runStory(ctx context.Context, args []string) error {
	fs := m.newFlagSet("story", "story [flags] STORY-ID", `  crosscheck story s-3f2a9c0d1b2e
  crosscheck story --format json s-3f2a9c0d1b2e`)
	dbPath := dbFlag(fs, storeUsage)
	format := fs.String("format", "text", "output: text or json")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(ids) != 1 {
		return usagef("give one story ID (see 'crosscheck stories')")
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	a, err := m.openApp(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer a.Close()
	id, err := a.db.ResolveID(ctx, "story", ids[0])
	if err != nil {
		return err
	}
	s, err := a.db.Story(ctx, id)
	if err != nil {
		return err
	}
	arts, _, err := a.db.Articles(ctx, crosscheck.ArticleFilter{StoryID: &s.ID})
	if err != nil {
		return err
	}
	if *format == "json" {
		return writeJSON(m.Stdout, map[string]any{"story": s, "articles": rowsOf(arts)})
	}
	w := m.Stdout
	fmt.Fprintf(w, "%s\n%s\n", s.Title, strings.Repeat("=", min(len([]rune(s.Title)), 100)))
	fmt.Fprintf(w, "Story:      %s\nEvent date: %s\n", s.ID, day(s.EventDate))
	if len(s.Places) > 0 {
		fmt.Fprintf(w, "Places:     %s\n", strings.Join(s.Places, ", "))
	}
	if len(s.Entities) > 0 {
		fmt.Fprintf(w, "Entities:   %s\n", strings.Join(s.Entities, ", "))
	}
	if len(s.Outlets) > 0 {
		fmt.Fprintf(w, "Outlets:    %s\n", strings.Join(s.Outlets, ", "))
	}
	fmt.Fprintf(w, "Articles:   %d\n\n", s.Articles)
	printArticles(w, arts)
	return nil
}

func (m *Main) runReport(ctx context.Context, args []string) error {
	fs := m.newFlagSet("report", "report [flags] [STORY-ID...]", `  crosscheck report s-3f2a9c0d1b2e            one story
  crosscheck report --format html -o r.html    the 10 newest stories as one HTML file
  crosscheck report --format json --limit 0    every story, as JSON`)
	dbPath := dbFlag(fs, storeUsage)
	format := fs.String("format", "text", "output: text, markdown, html or json")
	out := fs.String("o", "", "write the report to this file instead of standard output")
	limit := fs.Int("limit", 10, "without story IDs: the newest this many stories (0: all)")
	width := fs.Int("width", 100, "line width of the text format")
	color := fs.String("color", "auto", "colour in the text format: auto, always or never")
	ids, err := parse(fs, args)
	if err != nil {
		return err
	}
	if err := checkFormat(*format); err != nil {
		return err
	}
	a, err := m.openApp(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer a.Close()
	for i, id := range ids {
		if ids[i], err = a.db.ResolveID(ctx, "story", id); err != nil {
			return err
		}
	}
	if len(ids) == 0 {
		stories, _, err := a.db.Stories(ctx, crosscheck.StoryFilter{Limit: *limit})
		if err != nil {
			return err
		}
		for _, s := range stories {
			ids = append(ids, s.ID)
		}
	}
	r, err := a.pipeline.Report(ctx, ids)
	if err != nil {
		return err
	}
	return m.writeReport(r, *format, *out, *width, *color)
}

// Filters that only count.
var (
	articleCount = crosscheck.ArticleFilter{Limit: 1}
	storyCount   = crosscheck.StoryFilter{Limit: 1}
)

// looseOutlets returns the known outlets whose name holds q, ignoring case
// and punctuation.
func looseOutlets(all []crosscheck.OutletCount, q string) []string {
	key := func(s string) string {
		return strings.Map(func(r rune) rune {
			if unicode.IsLetter(r) || unicode.IsNumber(r) {
				return unicode.ToLower(r)
			}
			return -1
		}, s)
	}
	k := key(q)
	out := []string{}
	for _, o := range all {
		if k != "" && strings.Contains(key(o.Outlet), k) {
			out = append(out, o.Outlet)
		}
	}
	return out
}
