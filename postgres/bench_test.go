package postgres_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/crosscheck-news/crosscheck/postgres"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
	"github.com/jackc/pgx/v5"
)

// benchStore is what the side-by-side benchmark uses of either store.
type benchStore interface {
	storetest.Store
	CountArticles(ctx context.Context) (int, error)
	Close() error
}

// BenchmarkSideBySide measures both stores in one run on the same 100,000
// articles in 20,000 stories: adding batches of text articles, the story
// list's first page, a story page (the story and its articles), and
// full-text search, with the 50th and 95th percentile of each. It needs
// CROSSCHECK_BENCH_LARGE=dir (the SQLite store is built there once, in
// minutes, and copied into the schema bench_large of
// $CROSSCHECK_TEST_POSTGRES; both are reused afterwards).
//
//	CROSSCHECK_BENCH_LARGE=/tmp/bench go test ./postgres -run X -bench SideBySide -benchtime 200x
func BenchmarkSideBySide(b *testing.B) {
	dir := os.Getenv("CROSSCHECK_BENCH_LARGE")
	if dir == "" {
		b.Skip("set CROSSCHECK_BENCH_LARGE to a folder for the 100,000-article stores")
	}
	if !pgtest.Available() {
		b.Skip(pgtest.SkipMessage)
	}
	ctx := b.Context()
	lite, err := largeSQLite(b, filepath.Join(dir, "large.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer lite.Close()
	pg, err := largePostgres(b, lite)
	if err != nil {
		b.Fatal(err)
	}
	defer pg.Close()
	for _, st := range []struct {
		name string
		db   benchStore
	}{{"sqlite", lite}, {"postgres", pg}} {
		db := st.db
		b.Run(st.name+"/add batch of 100", func(b *testing.B) {
			first := 1_000_000 + int(time.Now().UnixNano()%1_000_000_000)
			batches := make([][]*crosscheck.Article, b.N)
			for i := range batches {
				batches[i] = storetest.Corpus(first+i*100, 100)
			}
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, err := db.AddArticles(ctx, batches[i]); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.N*100)/b.Elapsed().Seconds(), "articles/s")
		})
		rng := rand.New(rand.NewPCG(1, 2))
		common, rare := "harbour strike", "zephyrine"
		for _, bc := range []struct {
			name string
			fn   func() (int, error)
		}{
			{"story list first page", func() (int, error) {
				ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Limit: 50})
				return len(ss), err
			}},
			{"story page", func() (int, error) {
				id := fmt.Sprintf("s%05d", rng.IntN(20_000))
				s, err := db.Story(ctx, id)
				if err != nil {
					return 0, err
				}
				as, _, err := db.Articles(ctx, crosscheck.ArticleFilter{StoryID: &s.ID})
				return len(as), err
			}},
			{"story list query", func() (int, error) {
				ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Query: &rare, Limit: 50})
				return len(ss), err
			}},
			{"search rare", func() (int, error) {
				hs, err := db.Search(ctx, rare, 20)
				return len(hs), err
			}},
			{"search common", func() (int, error) {
				hs, err := db.Search(ctx, common, 20)
				return len(hs), err
			}},
		} {
			b.Run(st.name+"/"+bc.name, func(b *testing.B) {
				times := make([]time.Duration, 0, b.N)
				for i := 0; i < b.N; i++ {
					start := time.Now()
					n, err := bc.fn()
					if err != nil || n == 0 {
						b.Fatalf("%d results, %v", n, err)
					}
					times = append(times, time.Since(start))
				}
				slices.Sort(times)
				pct := func(p float64) float64 {
					return float64(times[int(p*float64(len(times)-1))].Microseconds()) / 1000
				}
				b.ReportMetric(pct(0.5), "p50-ms")
				b.ReportMetric(pct(0.95), "p95-ms")
			})
		}
	}
}

// The large store: 100,000 articles, 20,000 stories of five, one article
// in a hundred with a rare word.
const largeArticles, largeStories = 100_000, 20_000

func largeSQLite(b *testing.B, path string) (*sqlite.DB, error) {
	ctx := b.Context()
	_, statErr := os.Stat(path)
	db, err := sqlite.Open(ctx, path)
	if err != nil {
		return nil, err
	}
	if os.IsNotExist(statErr) {
		start := time.Now()
		base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
		for i := 0; i < largeArticles; i += 1000 {
			as := storetest.Corpus(i, 1000)
			ss := map[string]*crosscheck.Story{}
			var ps []crosscheck.Placement
			for j, a := range as {
				k := i + j
				a.Published = base.Add(time.Duration(k) * 5 * time.Minute)
				if k%100 == 0 {
					a.Text += " The zephyrine."
				}
				sid := fmt.Sprintf("s%05d", k/(largeArticles/largeStories))
				s := ss[sid]
				if s == nil {
					s = &crosscheck.Story{ID: sid, Title: a.Title, EventDate: a.Published.Truncate(24 * time.Hour), Created: a.Published}
					ss[sid] = s
				}
				s.Articles++
				s.Updated = a.Published
				s.Outlets = append(s.Outlets, a.Outlet)
				ps = append(ps, crosscheck.Placement{Story: sid})
			}
			res, err := db.AddArticles(ctx, as)
			if err != nil {
				return nil, err
			}
			for j := range ps {
				ps[j].Article = res[j].ID
			}
			var list []*crosscheck.Story
			for _, s := range ss {
				list = append(list, s)
			}
			if err := db.SavePlacements(ctx, list, nil, ps); err != nil {
				return nil, err
			}
		}
		if err := db.Optimize(ctx); err != nil {
			return nil, err
		}
		b.Logf("built the SQLite store of %d articles in %v", largeArticles, time.Since(start))
	}
	if n, err := db.CountArticles(ctx); err != nil || n < largeArticles {
		db.Close()
		return nil, fmt.Errorf("%d articles in %s (%v): delete it to rebuild", n, path, err)
	}
	return db, nil
}

// largePostgres copies the SQLite store into the schema bench_large, once.
func largePostgres(b *testing.B, lite *sqlite.DB) (*postgres.DB, error) {
	ctx := b.Context()
	base := os.Getenv(pgtest.EnvVar)
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		return nil, err
	}
	_, err = conn.Exec(ctx, `CREATE SCHEMA IF NOT EXISTS bench_large`)
	conn.Close(ctx)
	if err != nil {
		return nil, err
	}
	u := base + "?search_path=bench_large"
	if slices.Contains([]byte(base), '?') {
		u = base + "&search_path=bench_large"
	}
	db, err := postgres.Open(ctx, u)
	if err != nil {
		return nil, err
	}
	if n, err := db.CountArticles(ctx); err != nil || n >= largeArticles {
		return db, err
	}
	start := time.Now()
	if err := db.Restore(ctx, func(sink storecore.Sink) error { return lite.Dump(ctx, sink) }); err != nil {
		db.Close()
		return nil, err
	}
	if err := db.Optimize(ctx); err != nil {
		db.Close()
		return nil, err
	}
	b.Logf("copied the store into PostgreSQL in %v", time.Since(start))
	return db, nil
}

// BenchmarkAddArticles adds batches of 100 distinct articles of about 3 KB
// of text to a growing store, as the SQLite store's benchmark of the same
// name does, and reports articles per second.
func BenchmarkAddArticles(b *testing.B) {
	const batch = 100
	db := open(b)
	ctx := b.Context()
	first := 0
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		b.StopTimer()
		as := storetest.Corpus(first, batch)
		first += batch
		b.StartTimer()
		if _, err := db.AddArticles(ctx, as); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N*batch)/b.Elapsed().Seconds(), "articles/s")
}
