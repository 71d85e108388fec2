package web

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
)

// loadServer serves the store named by CROSSCHECK_LOAD_DB (fill one with
// go run ./web/internal/loadgen/cmd/loadgen -fill -db FILE).
func loadServer(b *testing.B) (*Server, string) {
	path := os.Getenv("CROSSCHECK_LOAD_DB")
	if path == "" {
		b.Skip("set CROSSCHECK_LOAD_DB to a store filled by web/internal/loadgen/cmd/loadgen")
	}
	db, err := sqlite.Open(context.Background(), path)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { db.Close() })
	p := &pipeline.Pipeline{Store: db, Analyze: analyze}
	s, err := New(Config{Articles: db, Stories: db, Reports: p, Corrections: db, Catalog: db})
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { s.Close() })
	st, _, err := db.Stories(context.Background(), crosscheck.StoryFilter{Limit: 1})
	if err != nil || len(st) == 0 {
		b.Fatalf("no story in %s: %v", path, err)
	}
	return s, st[0].ID
}

func benchGet(b *testing.B, s *Server, path string) {
	h := s.Handler()
	b.ReportAllocs()
	for b.Loop() {
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatalf("GET %s: %d", path, w.Code)
		}
	}
}

func BenchmarkLoadStoryList(b *testing.B) {
	s, _ := loadServer(b)
	benchGet(b, s, "/")
}

func BenchmarkLoadStoryPage(b *testing.B) {
	s, id := loadServer(b)
	benchGet(b, s, "/stories/"+id)
}

func BenchmarkLoadAPIStories(b *testing.B) {
	s, _ := loadServer(b)
	benchGet(b, s, "/api/stories")
}

func BenchmarkLoadRandomStoryPage(b *testing.B) {
	s, _ := loadServer(b)
	h := s.Handler()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		i = (i + 7919) % 20000
		path := fmt.Sprintf("/stories/s-load%06d", i)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, httptest.NewRequest("GET", path, nil))
		if w.Code != 200 {
			b.Fatalf("GET %s: %d", path, w.Code)
		}
	}
}
