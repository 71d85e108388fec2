package loadgen

import (
	"context"
	"path/filepath"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/sqlite"
)

func TestFill(t *testing.T) {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "load.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := Fill(ctx, db, Options{Articles: 503, Stories: 100, Seed: 7, Batch: 200}); err != nil {
		t.Fatal(err)
	}
	_, total, err := db.Articles(ctx, crosscheck.ArticleFilter{Limit: 1})
	if err != nil {
		t.Fatal(err)
	}
	if total != 503 {
		t.Errorf("articles = %d, want 503", total)
	}
	stories, n, err := db.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != 100 {
		t.Errorf("stories = %d, want 100", n)
	}
	sid := stories[0].ID
	arts, _, err := db.Articles(ctx, crosscheck.ArticleFilter{StoryID: &sid})
	if err != nil {
		t.Fatal(err)
	}
	if len(arts) < 5 {
		t.Fatalf("story %s has %d articles, want at least 5", sid, len(arts))
	}
	for _, a := range arts {
		for i := range a.Sentences {
			if s := a.SentenceText(i); s == "" || s[len(s)-1] != '.' {
				t.Errorf("article %s sentence %d = %q, want a whole sentence", a.ID, i, s)
			}
		}
		if a.DuplicateOf != "" {
			t.Errorf("article %s marked a near duplicate of %s: the reports should differ", a.ID, a.DuplicateOf)
		}
	}
}
