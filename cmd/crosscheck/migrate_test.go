package main

import (
	"encoding/json"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
)

// TestMigrateCommand copies a SQLite store with a correction and a watched
// source into PostgreSQL and back into a new SQLite file with `crosscheck
// migrate`, and reads the three with the commands a user would: the same
// stories, articles, corrections, sources and search hits in each. A
// second copy into the same database is refused, and nothing printed
// shows the URL's password.
func TestMigrateCommand(t *testing.T) {
	if onPostgres {
		t.Skip("run by the parent")
	}
	dir := t.TempDir()
	lite, back, pg := filepath.Join(dir, "a.db"), filepath.Join(dir, "b.db"), pgtest.URL(t)
	must := func(db string, args ...string) result {
		t.Helper()
		r := runStore(dir, db, args...)
		if r.code != 0 {
			t.Fatalf("crosscheck %v (store %s): exit %d\n%s", args, db, r.code, r.stderr)
		}
		return r
	}
	must(lite, "ingest", abs(t, examples))
	must(lite, "sources", "add", "--name", "Harbour wire", "http://127.0.0.1:1/feed.xml")
	var list struct {
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(must(lite, "articles", "--format", "json").stdout), &list); err != nil || len(list.Articles) == 0 {
		t.Fatalf("articles: %v", err)
	}
	must(lite, "correct", "article", list.Articles[0].ID, "--title", "A corrected title", "--note", "typo")

	for _, c := range [][2]string{{lite, pg}, {pg, back}} {
		r := must(lite, "migrate", "--from", c[0], "--to", c[1])
		if !strings.Contains(r.stderr, "copied 6 articles, 2 stories, 1 corrections and 1 sources") {
			t.Errorf("migrate %s to %s says: %s", c[0], c[1], r.stderr)
		}
		if strings.Contains(r.stdout+r.stderr, ":crosscheck@") {
			t.Errorf("migrate shows the password: %s", r.stderr)
		}
	}
	if r := runStore(dir, lite, "migrate", "--from", lite, "--to", pg); r.code == 0 || !strings.Contains(r.stderr, "not empty") {
		t.Errorf("a second copy into the same database: exit %d\n%s", r.code, r.stderr)
	}

	views := [][]string{
		{"stories", "--format", "json"},
		{"articles", "--format", "json"},
		{"correct", "list", "--format", "json"},
		{"sources", "list", "--format", "json"},
		{"story", "--format", "json", ""}, // the first story, filled in below
	}
	var stories struct {
		Stories []struct {
			ID string `json:"id"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(must(lite, "stories", "--format", "json").stdout), &stories); err != nil || len(stories.Stories) == 0 {
		t.Fatalf("stories: %v", err)
	}
	views[len(views)-1][3] = stories.Stories[0].ID
	for _, v := range views {
		want := must(lite, v...).stdout
		if len(want) < 50 {
			t.Errorf("%v shows almost nothing: %q", v, want)
		}
		for _, db := range []string{pg, back} {
			if got := must(db, v...).stdout; got != want {
				t.Errorf("%v differs after the copy to %s:\n%s\nthe original:\n%s", v, storeName(db), got, want)
			}
		}
	}
	// Search finds the same articles; the ranks are each store's own.
	hits := func(db string) string {
		var r struct {
			Hits []struct {
				Article struct {
					ID string `json:"id"`
				} `json:"article"`
			} `json:"hits"`
		}
		if err := json.Unmarshal([]byte(must(db, "search", "--format", "json", "ferry OR tram").stdout), &r); err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, h := range r.Hits {
			ids = append(ids, h.Article.ID)
		}
		slices.Sort(ids)
		return strings.Join(ids, " ")
	}
	want := hits(lite)
	if strings.Count(want, " ") != 5 {
		t.Errorf("search 'ferry OR tram' finds %s, want all six articles", want)
	}
	for _, db := range []string{pg, back} {
		if got := hits(db); got != want {
			t.Errorf("search finds %s in %s, %s in the original", got, storeName(db), want)
		}
	}
}
