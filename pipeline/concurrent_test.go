package pipeline_test

import (
	"context"
	"fmt"
	"math/rand/v2"
	"path/filepath"
	"sync"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
)

// openWriter opens its own connection to the store at path and wires a
// pipeline over it, as a second process (the CLI beside the web UI) does.
func openWriter(t *testing.T, path string) (*pipeline.Pipeline, *sqlite.DB) {
	t.Helper()
	db, err := sqlite.Open(context.Background(), path)
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
		Workers:   1,
		BatchSize: 20,
	}
	if err := p.Load(context.Background()); err != nil {
		t.Fatal(err)
	}
	return p, db
}

func corpusDocs(docs []testcorpus.Doc) []*crosscheck.Document {
	out := make([]*crosscheck.Document, len(docs))
	for i, d := range docs {
		out[i] = &crosscheck.Document{Source: d.Name, Format: crosscheck.FormatText, Body: []byte(d.Body)}
	}
	return out
}

// checkStories asserts the invariants several writers must keep: every
// story counts exactly the articles placed in it and has at least one,
// and every article is placed. It returns the number of stories.
func checkStories(t *testing.T, db *sqlite.DB, wantArticles int) int {
	t.Helper()
	ctx := context.Background()
	stories, total, err := db.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	placed := 0
	for _, s := range stories {
		_, n, err := db.Articles(ctx, crosscheck.ArticleFilter{StoryID: &s.ID, Limit: 1})
		if err != nil {
			t.Fatal(err)
		}
		if n == 0 {
			t.Errorf("story %s is empty (says %d articles)", s.ID, s.Articles)
		} else if s.Articles != n {
			t.Errorf("story %s says %d articles, holds %d", s.ID, s.Articles, n)
		}
		placed += n
	}
	_, n, err := db.Articles(ctx, crosscheck.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if n != wantArticles || placed != n {
		t.Errorf("%d articles stored, %d placed; want %d, all placed", n, placed, wantArticles)
	}
	return total
}

// Issue 12, failure 2: two writers at once left story counts that did
// not match their members, and empty stories.
func TestConcurrentWriters(t *testing.T) {
	const events, per = 40, 4
	docs := corpusDocs(testcorpus.Events(3, events, per))

	// One writer: the grouping to compare with.
	p1, db1 := openWriter(t, filepath.Join(t.TempDir(), "one.db"))
	if _, err := p1.Ingest(context.Background(), slice(docs), nil); err != nil {
		t.Fatal(err)
	}
	alone := checkStories(t, db1, len(docs))

	for _, writers := range []int{2, 4} {
		t.Run(fmt.Sprintf("%d writers", writers), func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "shared.db")
			var ps []*pipeline.Pipeline
			var db *sqlite.DB
			for range writers {
				p, d := openWriter(t, path)
				ps, db = append(ps, p), d
			}
			var wg sync.WaitGroup
			errs := make(chan error, writers)
			for w, p := range ps {
				// Each writer adds every report, in its own order, in
				// several runs: new articles and duplicates of the
				// others' race for the same stories.
				order := append([]*crosscheck.Document(nil), docs...)
				rng := rand.New(rand.NewPCG(uint64(w), 9))
				rng.Shuffle(len(order), func(i, j int) { order[i], order[j] = order[j], order[i] })
				wg.Add(1)
				go func() {
					defer wg.Done()
					for lo := 0; lo < len(order); lo += 40 {
						if _, err := p.Ingest(context.Background(), slice(order[lo:min(lo+40, len(order))]), nil); err != nil {
							errs <- err
							return
						}
					}
				}()
			}
			wg.Wait()
			close(errs)
			for err := range errs {
				t.Fatalf("writer: %v", err)
			}
			n := checkStories(t, db, len(docs))
			t.Logf("%d writers: %d stories (one writer: %d; events: %d)", writers, n, alone, events)
			if n > alone+alone/10 {
				t.Errorf("%d writers split the events into %d stories, one writer made %d", writers, n, alone)
			}
		})
	}
}

func slice(ds []*crosscheck.Document) func(func(*crosscheck.Document, error) bool) {
	return func(yield func(*crosscheck.Document, error) bool) {
		for _, d := range ds {
			if !yield(d, nil) {
				return
			}
		}
	}
}
