package sqlite_test

import (
	"fmt"
	"os"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

// BenchmarkLarge measures the web's queries on a store of 100,000 articles
// in 20,000 stories. It needs CROSSCHECK_BENCH_LARGE=path/to/file.db: the
// store is built there when missing (minutes) and reused afterwards.
//
//	CROSSCHECK_BENCH_LARGE=/tmp/large.db go test ./sqlite -run X -bench Large
func BenchmarkLarge(b *testing.B) {
	path := os.Getenv("CROSSCHECK_BENCH_LARGE")
	if path == "" {
		b.Skip("set CROSSCHECK_BENCH_LARGE to a store file to build or reuse")
	}
	const articles, stories = 100_000, 20_000
	_, statErr := os.Stat(path)
	ctx := b.Context()
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	if os.IsNotExist(statErr) {
		start := time.Now()
		for i := 0; i < articles; i += 1000 {
			as := storetest.Corpus(i, 1000)
			var ps []crosscheck.Placement
			ss := map[string]*crosscheck.Story{}
			for j, a := range as {
				k := i + j
				a.Published = base.Add(time.Duration(k) * 5 * time.Minute)
				if k%100 == 0 {
					a.Text += " The zephyrine."
				}
				sid := fmt.Sprintf("s%05d", k/(articles/stories))
				ps = append(ps, crosscheck.Placement{Article: a.ContentHash, Story: sid})
				s := ss[sid]
				if s == nil {
					s = &crosscheck.Story{ID: sid, Title: a.Title, EventDate: a.Published.Truncate(24 * time.Hour), Created: a.Published}
					ss[sid] = s
				}
				s.Articles++
				s.Updated = a.Published
				s.Outlets = append(s.Outlets, a.Outlet)
			}
			res, err := db.AddArticles(ctx, as)
			if err != nil {
				b.Fatal(err)
			}
			for j := range ps {
				ps[j].Article = res[j].ID
			}
			var list []*crosscheck.Story
			for _, s := range ss {
				list = append(list, s)
			}
			if err := db.SavePlacements(ctx, list, nil, ps); err != nil {
				b.Fatal(err)
			}
		}
		if err := db.Optimize(ctx); err != nil {
			b.Fatal(err)
		}
		b.Logf("built %d articles in %v", articles, time.Since(start))
	}
	if n, err := db.CountArticles(ctx); err != nil || n < articles {
		b.Fatalf("%d articles (%v): delete %s and rebuild", n, err, path)
	}
	outlet := "Valley Times"
	query := "zephyrine"
	common := "harbour"
	since := base.Add(200 * 24 * time.Hour)
	until := since.Add(7 * 24 * time.Hour)
	story := "s10000"
	// Ingest into the full store: new content on every run.
	b.Run("add/batch of 100", func(b *testing.B) {
		first := 1_000_000 + int(time.Now().UnixNano()%1_000_000_000)
		batches := make([][]*crosscheck.Article, b.N)
		for i := range batches {
			batches[i] = storetest.Corpus(first+i*100, 100)
		}
		b.ReportAllocs()
		b.ResetTimer()
		for i := 0; i < b.N; i++ {
			if _, err := db.AddArticles(ctx, batches[i]); err != nil {
				b.Fatal(err)
			}
		}
		b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "articles/s")
	})
	for _, bc := range []struct {
		name string
		fn   func() (int, error)
	}{
		{"stories/first page", func() (int, error) {
			ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Limit: 50})
			return len(ss), err
		}},
		{"stories/page 200", func() (int, error) {
			ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Offset: 10_000, Limit: 50})
			return len(ss), err
		}},
		{"stories/outlet", func() (int, error) {
			ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Outlet: &outlet, Limit: 50})
			return len(ss), err
		}},
		{"stories/week", func() (int, error) {
			ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Since: &since, Until: &until, Limit: 50})
			return len(ss), err
		}},
		{"stories/query rare", func() (int, error) {
			ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Query: &query, Limit: 50})
			return len(ss), err
		}},
		{"stories/query common", func() (int, error) {
			ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Query: &common, Limit: 50})
			return len(ss), err
		}},
		{"articles/of story", func() (int, error) {
			as, err := db.ArticlesByStory(ctx, story)
			return len(as), err
		}},
		{"articles/first page heads", func() (int, error) {
			as, _, err := db.ArticleHeads(ctx, crosscheck.ArticleFilter{Limit: 50})
			return len(as), err
		}},
		{"articles/outlet page heads", func() (int, error) {
			as, _, err := db.ArticleHeads(ctx, crosscheck.ArticleFilter{Outlet: &outlet, Offset: 500, Limit: 50})
			return len(as), err
		}},
		{"articles/week page heads", func() (int, error) {
			as, _, err := db.ArticleHeads(ctx, crosscheck.ArticleFilter{Since: &since, Until: &until, Limit: 50})
			return len(as), err
		}},
		{"search/rare", func() (int, error) {
			hs, err := db.Search(ctx, query, 20)
			return len(hs), err
		}},
		{"search/common", func() (int, error) {
			hs, err := db.Search(ctx, "harbour strike", 20)
			return len(hs), err
		}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			b.ReportAllocs()
			var worst time.Duration
			for i := 0; i < b.N; i++ {
				start := time.Now()
				n, err := bc.fn()
				if err != nil || n == 0 {
					b.Fatalf("%d results, %v", n, err)
				}
				worst = max(worst, time.Since(start))
			}
			b.ReportMetric(float64(worst.Microseconds())/1000, "max-ms")
		})
	}
}
