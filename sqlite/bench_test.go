package sqlite_test

import (
	"fmt"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

// BenchmarkAddArticles adds batches of 100 distinct articles of about 3 KB
// of plain text each (with paragraph and sentence spans) to a growing store
// and reports articles per second.
func BenchmarkAddArticles(b *testing.B) {
	const batch = 100
	db := open(b)
	ctx := b.Context()
	// Generating text is not the store's cost: make it beforehand.
	corpus := storetest.Corpus(0, batch*min(b.N, 200))
	size := 0
	for _, a := range corpus {
		size += len(a.Text)
	}
	b.ReportAllocs()
	b.SetBytes(int64(size / len(corpus) * batch))
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		// Past the pregenerated corpus, reuse it under other IDs with
		// one changed word so every article is new content.
		as := make([]*crosscheck.Article, batch)
		for j := range as {
			k := (i*batch + j) % len(corpus)
			a := *corpus[k]
			if i*batch+j >= len(corpus) {
				a.Text = fmt.Sprintf("%d %s", i*batch+j, a.Text[len(fmt.Sprint(i*batch+j))+1:])
			}
			as[j] = &a
		}
		if _, err := db.AddArticles(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}

// fill adds n generated articles in batches of 500.
func fill(b *testing.B, db *sqlite.DB, n int) {
	b.Helper()
	for i := 0; i < n; i += 500 {
		if _, err := db.AddArticles(b.Context(), storetest.Corpus(i, min(500, n-i))); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSearch runs queries over 10,000 articles, top 20: a word in 1%
// of them, and two words that the generated text puts in nearly every
// article (the worst case: every match is ranked).
func BenchmarkSearch(b *testing.B) {
	db := open(b)
	fill(b, db, 10_000)
	var rare []*crosscheck.Article
	for i, a := range storetest.Corpus(20_000, 100) {
		a.Text += fmt.Sprintf(" The zephyrine %d.", i)
		rare = append(rare, a)
	}
	if _, err := db.AddArticles(b.Context(), rare); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct{ name, query string }{
		{"rare word", "zephyrine"},
		{"common words", "harbour strike"},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				hits, err := db.Search(b.Context(), bc.query, 20)
				if err != nil || len(hits) == 0 {
					b.Fatalf("%d hits, %v", len(hits), err)
				}
			}
		})
	}
}

// BenchmarkStories pages through 20,000 stories (a 100,000-article store
// has about that many) the way the web's list does: first page, an outlet,
// a time window.
func BenchmarkStories(b *testing.B) {
	db := open(b)
	ctx := b.Context()
	outlets := []string{"Harbour Gazette", "Valley Times", "North Wire", "Coast Radio", "Lake Post"}
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	err := db.Update(ctx, func(tx *sqlite.Tx) error {
		for i := range 20_000 {
			s := &crosscheck.Story{
				ID: fmt.Sprintf("s%05d", i), Title: fmt.Sprintf("Story %d", i),
				Outlets:  []string{outlets[i%5], outlets[(i+2)%5]},
				Articles: 5, Created: base.Add(time.Duration(i) * time.Hour),
				Updated: base.Add(time.Duration(i+3) * time.Hour),
			}
			if i%3 != 0 {
				s.EventDate = base.Add(time.Duration(i) * time.Hour).Truncate(24 * time.Hour)
			}
			if err := tx.SaveStory(ctx, s); err != nil {
				return err
			}
		}
		return nil
	})
	if err != nil {
		b.Fatal(err)
	}
	outlet := "Valley Times"
	since := base.Add(10_000 * time.Hour)
	until := since.Add(30 * 24 * time.Hour)
	for _, bc := range []struct {
		name string
		f    crosscheck.StoryFilter
	}{
		{"first page", crosscheck.StoryFilter{Limit: 50}},
		{"page 100", crosscheck.StoryFilter{Offset: 5000, Limit: 50}},
		{"outlet", crosscheck.StoryFilter{Outlet: &outlet, Limit: 50}},
		{"window", crosscheck.StoryFilter{Since: &since, Until: &until, Limit: 50}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				ss, _, err := db.Stories(ctx, bc.f)
				if err != nil || len(ss) == 0 {
					b.Fatalf("%d stories, %v", len(ss), err)
				}
			}
		})
	}
}
