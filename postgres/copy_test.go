package postgres_test

import (
	"path/filepath"
	"reflect"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

// record keeps what a Dump sends.
type record struct {
	stories     []crosscheck.Story
	states      []storecore.StoryState
	articles    []crosscheck.Article
	corrections []crosscheck.Correction
	emptied     []*crosscheck.Story
	corrected   []string
	counts      []crosscheck.StoryCounts
	rev         int64
	sources     []crosscheck.Source
	items       [][]storecore.SeenItem
}

func (r *record) Source(s *crosscheck.Source, items []storecore.SeenItem) error {
	r.sources = append(r.sources, *s)
	r.items = append(r.items, items)
	return nil
}

func (r *record) Story(s *crosscheck.Story) error { r.stories = append(r.stories, *s); return nil }
func (r *record) StoryState(st storecore.StoryState) error {
	r.states = append(r.states, st)
	return nil
}
func (r *record) Article(a *crosscheck.Article) error {
	r.articles = append(r.articles, *a)
	return nil
}
func (r *record) Correction(c *crosscheck.Correction, e *crosscheck.Story) error {
	r.corrections = append(r.corrections, *c)
	r.emptied = append(r.emptied, e)
	return nil
}
func (r *record) Corrected(id string) error             { r.corrected = append(r.corrected, id); return nil }
func (r *record) Counts(c crosscheck.StoryCounts) error { r.counts = append(r.counts, c); return nil }
func (r *record) Revision(int64) error                  { return nil }

// TestMigrateRoundTrip copies a SQLite store to PostgreSQL and back: the
// three dumps are the same, and the copies search and dedupe as the
// original.
func TestMigrateRoundTrip(t *testing.T) {
	ctx := t.Context()
	pg := open(t)
	src, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer src.Close()
	as := storetest.Corpus(0, 30)
	msk := time.FixedZone("MSK", 3*3600)
	for i, a := range as {
		a.Published = time.Date(2025, 9, 1+i%20, 10, i, 0, 0, msk)
		if i%3 == 0 { // modified later, and credited to an agency
			a.Modified, a.ModifiedDateOnly, a.Credit = a.Published.Add(26*time.Hour), i%2 == 0, "Reuters"
		}
	}
	copyOf := storetest.NewArticle("copy.txt", "Copy", "Other Outlet", storetest.Paragraphs(1, 6, 80))
	as = append(as, copyOf)
	if _, err := src.AddArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	stories := []*crosscheck.Story{{ID: "s-1", Title: "One", Outlets: []string{"North Wire"}, Articles: 2, EventDate: time.Date(2025, 9, 1, 0, 0, 0, 0, time.UTC)}, {ID: "s-2", Title: "Two", Articles: 2}}
	if err := src.SavePlacements(ctx, stories, map[string][]byte{"s-1": []byte("state one"), "s-2": {}},
		[]crosscheck.Placement{{Article: as[0].ID, Story: "s-1"}, {Article: as[1].ID, Story: "s-1"}, {Article: as[2].ID, Story: "s-2"}, {Article: as[3].ID, Story: "s-2"}}); err != nil {
		t.Fatal(err)
	}
	for _, c := range []*crosscheck.Correction{
		{Kind: crosscheck.CorrectArticle, Article: as[0].ID, Fields: []crosscheck.FieldChange{{Field: "title", After: "Renamed"}}},
		{Kind: crosscheck.CorrectMerge, Story: "s-2", Target: "s-1", Note: "same event"},
	} {
		if err := src.Correct(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	if err := src.SaveStoryCounts(ctx, crosscheck.StoryCounts{Story: "s-1", Articles: 4, Claims: 3, Conflicts: 1}); err != nil {
		t.Fatal(err)
	}
	feed := &crosscheck.Source{URL: "https://a.example/feed", Name: "A", Interval: time.Hour}
	if err := src.AddSource(ctx, feed); err != nil {
		t.Fatal(err)
	}
	feed.HTTP.ETag, feed.LastCheck = `"v1"`, time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	if err := src.SaveSourceCheck(ctx, feed, []string{"g:1", "l:https://a.example/2"}); err != nil {
		t.Fatal(err)
	}

	if err := pg.Restore(ctx, func(sink storecore.Sink) error { return src.Dump(ctx, sink) }); err != nil {
		t.Fatal(err)
	}
	back, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "b.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer back.Close()
	if err := back.Restore(ctx, func(sink storecore.Sink) error { return pg.Dump(ctx, sink) }); err != nil {
		t.Fatal(err)
	}
	var want, mid, got record
	for _, d := range []struct {
		name string
		dump func(storecore.Sink) error
		r    *record
	}{
		{"sqlite", func(s storecore.Sink) error { return src.Dump(ctx, s) }, &want},
		{"postgres", func(s storecore.Sink) error { return pg.Dump(ctx, s) }, &mid},
		{"sqlite again", func(s storecore.Sink) error { return back.Dump(ctx, s) }, &got},
	} {
		if err := d.dump(d.r); err != nil {
			t.Fatalf("dump %s: %v", d.name, err)
		}
	}
	if len(want.articles) != len(as) || len(want.corrections) != 2 || want.emptied[1] == nil || len(want.sources) != 1 || len(want.items[0]) != 2 {
		t.Fatalf("source dump: %d articles, %d corrections", len(want.articles), len(want.corrections))
	}
	for name, r := range map[string]record{"postgres": mid, "sqlite again": got} {
		if !reflect.DeepEqual(r, want) {
			t.Errorf("%s differs from the source:\n got %+v\nwant %+v", name, r.stories, want.stories)
			for i := range min(len(r.articles), len(want.articles)) {
				if !reflect.DeepEqual(r.articles[i], want.articles[i]) {
					t.Errorf("article %d:\n got %+v\nwant %+v", i, r.articles[i], want.articles[i])
					break
				}
			}
		}
	}
	// The copies search, dedupe and continue the correction numbers.
	for name, s := range map[string]storetest.Store{"postgres": pg, "sqlite again": back} {
		if hits, err := s.Search(ctx, "title:renamed", 5); err != nil || len(hits) != 1 {
			t.Errorf("%s: search finds %d (%v)", name, len(hits), err)
		}
		res, err := s.AddArticles(ctx, storetest.Corpus(0, 2))
		if err != nil || !res[0].Duplicate || !res[1].Duplicate {
			t.Errorf("%s: re-adding: %+v (%v)", name, res, err)
		}
		c := &crosscheck.Correction{Kind: crosscheck.CorrectArticle, Article: as[5].ID, Fields: []crosscheck.FieldChange{{Field: "author", After: "Someone"}}}
		if err := s.Correct(ctx, c); err != nil || c.ID != 3 {
			t.Errorf("%s: a new correction is number %d (%v), want 3", name, c.ID, err)
		}
	}
	// A store that is not empty is refused.
	err = pg.Restore(ctx, func(sink storecore.Sink) error { return src.Dump(ctx, sink) })
	if crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("restore into a full store: %v, want EINVALID", err)
	}
}
