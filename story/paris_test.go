package story

import (
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
)

const parisDir = "../../shared/corpora/paris-2025-09-04"

// parisArticles extracts the five reports of the Paris meeting.
func parisArticles(t *testing.T) []*crosscheck.Article {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(parisDir, "*.txt"))
	if len(files) != 5 {
		t.Skipf("Paris corpus missing in %s", parisDir)
	}
	var arts []*crosscheck.Article
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		doc := &crosscheck.Document{Source: filepath.Base(f), Format: crosscheck.FormatText, Body: body}
		a, err := extract.Extract(doc, extract.Options{Now: time.Date(2025, 11, 9, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			t.Fatalf("extract %s: %v", f, err)
		}
		if a.ID == "" {
			a.ID = filepath.Base(f)
		}
		arts = append(arts, a)
	}
	return arts
}

func TestParisOneStory(t *testing.T) {
	arts := parisArticles(t)
	for _, a := range arts {
		d, ok := EventDate(a)
		t.Logf("%s published %s event %s %v title %q", a.Source, a.Published.Format(time.DateOnly), d.Format(time.DateOnly), ok, a.Title)
	}
	check := func(t *testing.T, ids []string, c *Clusterer) {
		t.Helper()
		for _, id := range ids[1:] {
			if id != ids[0] {
				t.Fatalf("stories %v, want one", ids)
			}
		}
		s := c.Story(ids[0])
		if s == nil {
			t.Fatal("story not held")
		}
		if got, want := s.EventDate.Format(time.DateOnly), "2025-09-04"; got != want {
			t.Errorf("event date %s, want %s", got, want)
		}
		if got, want := s.Articles, 5; got != want {
			t.Errorf("articles %d, want %d", got, want)
		}
		if !slices.Contains(s.Places, "Paris") {
			t.Errorf("places %v, want Paris among them", s.Places)
		}
		t.Logf("story %+v", *s)
	}
	t.Run("batch", func(t *testing.T) {
		c := NewClusterer(Options{})
		var ids []string
		for _, p := range c.PlaceBatch(arts) {
			ids = append(ids, p.StoryID)
		}
		check(t, ids, c)
	})
	// One at a time, the clusterer needs document frequencies from more
	// than a handful of articles: it first sees other news (ECB+).
	var background []*crosscheck.Article
	if f, err := os.Open(ecbPath); err == nil {
		background, _, err = ReadGold(f)
		f.Close()
		if err != nil {
			t.Fatal(err)
		}
	}
	t.Run("one by one", func(t *testing.T) {
		if background == nil {
			t.Skip("ECB+ corpus missing")
		}
		for _, order := range [][]int{{0, 1, 2, 3, 4}, {4, 3, 2, 1, 0}, {3, 0, 2, 4, 1}, {2, 4, 0, 3, 1}} {
			c := NewClusterer(Options{})
			c.PlaceBatch(background)
			var ids []string
			for _, i := range order {
				id, _ := c.Place(arts[i])
				ids = append(ids, id)
			}
			t.Logf("order %v", order)
			check(t, ids, c)
		}
	})
}
