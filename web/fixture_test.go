package web

import (
	"context"
	"log/slog"
	"net/http/httptest"
	"os"
	"path/filepath"
	"sort"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
)

// parisDir is the five reports of one event, read at test time.
const parisDir = "../../shared/corpora/paris-2025-09-04"

// fixture is a real server over a real store in a temp dir.
type fixture struct {
	db   *sqlite.DB
	pipe *pipeline.Pipeline
	srv  *Server
	http *httptest.Server
}

type fixtureOptions struct {
	readOnly   bool
	paris      bool
	maxUpload  int64
	allowLocal bool
}

func newFixture(t testing.TB, o fixtureOptions) *fixture {
	t.Helper()
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "crosscheck.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	p := &pipeline.Pipeline{
		Store: db,
		Extract: func(d *crosscheck.Document) (*crosscheck.Article, error) {
			return extract.Extract(d, extract.Options{})
		},
		Clusterer: story.NewClusterer(story.Options{}),
		Analyze:   analyze,
	}
	if o.paris {
		files := parisFiles(t)
		sum, err := p.Ingest(ctx, ingest.New(ingest.Options{}).All(ctx, files), nil)
		if err != nil {
			t.Fatal(err)
		}
		if sum.Ingested != len(files) {
			t.Fatalf("ingested %d of %d Paris files: %v", sum.Ingested, len(files), sum.Errors)
		}
	}
	logger := slog.New(slog.NewTextHandler(testWriter{t}, &slog.HandlerOptions{Level: slog.LevelWarn}))
	s, err := New(Config{
		Articles: db, Stories: db, Reports: p, Ingester: p, Corrections: db, Catalog: db, Sources: db,
		Logger: logger, ReadOnly: o.readOnly, MaxUploadBytes: o.maxUpload,
		AllowPrivateFetch: o.allowLocal,
	})
	if err != nil {
		t.Fatal(err)
	}
	hs := httptest.NewServer(s.Handler())
	t.Cleanup(func() { hs.Close(); s.Close() })
	return &fixture{db: db, pipe: p, srv: s, http: hs}
}

func parisFiles(t testing.TB) []string {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(parisDir, "*.txt"))
	if len(files) == 0 {
		t.Skipf("corpus %s is missing: the Paris tests need it", parisDir)
	}
	sort.Strings(files)
	return files
}

// parisStory returns the ID of the story holding most Paris articles.
func (f *fixture) parisStory(t testing.TB) string {
	t.Helper()
	stories, _, err := f.db.Stories(context.Background(), crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	best := ""
	n := 0
	for _, s := range stories {
		if s.Articles > n {
			best, n = s.ID, s.Articles
		}
	}
	if best == "" {
		t.Fatal("no story after ingesting the Paris corpus")
	}
	return best
}

type testWriter struct{ t testing.TB }

func (w testWriter) Write(p []byte) (int, error) {
	w.t.Helper()
	w.t.Log(string(p))
	return len(p), nil
}

func readCorpusFile(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile(filepath.Join(parisDir, name))
	if err != nil {
		t.Skipf("corpus file missing: %v", err)
	}
	return b
}

func crosscheckFilter() crosscheck.ArticleFilter { return crosscheck.ArticleFilter{} }
