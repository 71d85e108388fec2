package sqlite

import (
	"context"
	"database/sql"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"
	"time"
	"unicode"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

func openTest(tb testing.TB) *DB {
	tb.Helper()
	db, err := Open(tb.Context(), filepath.Join(tb.TempDir(), "crosscheck.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return db
}

func TestOpenPragmas(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	for _, tc := range []struct {
		pragma string
		want   string
	}{
		{"journal_mode", "wal"},
		{"foreign_keys", "1"},
		{"busy_timeout", "10000"},
		{"synchronous", "1"},
	} {
		for _, pool := range []querier{db.writer, db.reader} {
			var got string
			if err := pool.QueryRowContext(ctx, "PRAGMA "+tc.pragma).Scan(&got); err != nil {
				t.Fatal(err)
			}
			if got != tc.want {
				t.Errorf("PRAGMA %s = %q, want %q", tc.pragma, got, tc.want)
			}
		}
	}
	// The reader pool cannot write.
	if _, err := db.reader.ExecContext(ctx, `DELETE FROM articles`); err == nil {
		t.Error("reader pool wrote")
	}
}

func TestMigrationsOnce(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "sub.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	first, err := db.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(first) == 0 || first[0] != "migrations/0001_init.sql" {
		t.Fatalf("migrations = %v", first)
	}
	a := storetest.NewArticle("a.txt", "Title", "Outlet", []string{"Some text to keep across a reopen."})
	if _, err := db.AddArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	if err := db.Close(); err != nil {
		t.Fatal(err)
	}
	db, err = Open(ctx, path)
	if err != nil {
		t.Fatalf("reopen: %v", err)
	}
	defer db.Close()
	again, err := db.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(again, first) {
		t.Errorf("after reopen migrations = %v, want %v", again, first)
	}
	if n, err := db.CountArticles(ctx); err != nil || n != 1 {
		t.Errorf("after reopen %d articles (%v), want 1", n, err)
	}
	if hits, err := db.Search(ctx, "reopen", 0); err != nil || len(hits) != 1 {
		t.Errorf("after reopen search: %d hits (%v), want 1", len(hits), err)
	}
}

// TestMigrateData applies the first migration alone, stores data the old
// way, then opens the store: the later migrations must carry the data over.
func TestMigrateData(t *testing.T) {
	ctx := t.Context()
	path := filepath.Join(t.TempDir(), "old.db")
	old, err := sql.Open("sqlite", dsn(path, "immediate", false))
	if err != nil {
		t.Fatal(err)
	}
	first, err := fs.ReadFile(migrationFS, "migrations/0001_init.sql")
	if err != nil {
		t.Fatal(err)
	}
	db := &DB{writer: old}
	if err := db.migrateFS(ctx, fstest.MapFS{"migrations/0001_init.sql": {Data: first}}); err != nil {
		t.Fatal(err)
	}
	// Articles stored by the first schema, through its statements.
	old0 := storetest.NewArticle("wire.txt", "Barriers raised", "North Wire", storetest.Paragraphs(9, 3, 60))
	old0.ContentHash = storecore.ContentHash(old0.Text)
	keys := storecore.BandKeys(storecore.Shingles(old0.Text))
	if _, err := old.ExecContext(ctx, `INSERT INTO articles (seq, id, content_hash, source, title, outlet, text, spans, story_id, ingested)
		VALUES (1, 'old0', ?, ?, ?, ?, ?, ?, NULL, 5)`, old0.ContentHash, old0.Source, old0.Title, old0.Outlet, old0.Text,
		storecore.EncodeSpans(old0.Paragraphs, old0.Sentences)); err != nil {
		t.Fatal(err)
	}
	if _, err := old.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text) VALUES (1, ?, ?)`, old0.Title, old0.Text); err != nil {
		t.Fatal(err)
	}
	for _, k := range keys {
		if _, err := old.ExecContext(ctx, `INSERT INTO article_lsh (key, seq) VALUES (?, 1)`, k); err != nil {
			t.Fatal(err)
		}
	}
	for _, q := range []string{
		`INSERT INTO stories (id, outlets, updated) VALUES ('a', '["North Wire","Valley Times"]', 100), ('b', '["north wire"]', 200), ('c', '[]', 300)`,
		`INSERT INTO story_outlets (outlet, story_id) VALUES ('North Wire', 'a'), ('Valley Times', 'a'), ('north wire', 'b')`,
	} {
		if _, err := old.ExecContext(ctx, q); err != nil {
			t.Fatal(err)
		}
	}
	old.Close()

	db, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	names, err := db.Migrations(ctx)
	if err != nil {
		t.Fatal(err)
	}
	all, _ := fs.Glob(migrationFS, "migrations/*.sql")
	if !reflect.DeepEqual(names, all) {
		t.Errorf("migrations %v, want %v", names, all)
	}
	// The old article survived with its index entries.
	got, err := db.Article(ctx, "old0")
	if err != nil || got.Text != old0.Text || !reflect.DeepEqual(got.Sentences, old0.Sentences) || got.Ingested.UnixMicro() != 5 {
		t.Fatalf("old article after migration: %+v, %v", got, err)
	}
	if hits, err := db.Search(ctx, old0.Title, 0); err != nil || len(hits) != 1 {
		t.Errorf("search after migration: %d hits (%v), want 1", len(hits), err)
	}
	cp := storetest.NewArticle("copy.txt", "", "", storetest.Paragraphs(9, 3, 60))
	cp.Text += " One more sentence."
	res, err := db.AddArticles(ctx, []*crosscheck.Article{cp})
	if err != nil || res[0].NearDuplicateOf != "old0" {
		t.Errorf("near duplicate of an old article: %+v, %v", res, err)
	}
	if err := db.SetArticleStory(ctx, "old0", "a"); err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Errorf("FTS index after migration: %v", err)
	}
	outlet := "NORTH WIRE"
	ss, n, err := db.Stories(ctx, crosscheck.StoryFilter{Outlet: &outlet})
	if err != nil {
		t.Fatal(err)
	}
	// Neither story has a dated article: they come in ID order.
	if n != 2 || len(ss) != 2 || ss[0].ID != "a" || ss[1].ID != "b" {
		t.Errorf("stories of %s after migration: %d %v", outlet, n, ss)
	}
}

func TestOpenErrors(t *testing.T) {
	if _, err := Open(t.Context(), ""); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("empty path: %v, want EINVALID", err)
	}
	if _, err := Open(t.Context(), filepath.Join(t.TempDir(), "no", "such", "dir", "x.db")); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("missing directory: %v, want EINVALID", err)
	}
	notDB := filepath.Join(t.TempDir(), "notes.txt")
	if err := os.WriteFile(notDB, []byte(strings.Repeat("not a database\n", 100)), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(t.Context(), notDB); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("not a database: %v, want EINVALID", err)
	}
	// A store written by a newer version.
	newer := filepath.Join(t.TempDir(), "newer.db")
	db, err := Open(t.Context(), newer)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer.ExecContext(t.Context(), `INSERT INTO migrations (name, applied) VALUES ('migrations/9999_future.sql', 0)`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := Open(t.Context(), newer); crosscheck.ErrorCode(err) != crosscheck.EINVALID || !strings.Contains(err.Error(), "newer") {
		t.Errorf("newer store: %v, want EINVALID saying upgrade", err)
	}
}

// TestFTSIntegrity checks the external-content index against the articles
// after adds, a cancelled batch, placements and deletes.
func TestFTSIntegrity(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	if _, err := db.AddArticles(ctx, storetest.Corpus(0, 50)); err != nil {
		t.Fatal(err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	if _, err := db.AddArticles(cctx, storetest.Corpus(50, 50)); err == nil {
		t.Fatal("cancelled batch stored")
	}
	if err := db.SaveStory(ctx, &crosscheck.Story{ID: "s"}); err != nil {
		t.Fatal(err)
	}
	as, _, err := db.Articles(ctx, crosscheck.ArticleFilter{Limit: 3})
	if err != nil {
		t.Fatal(err)
	}
	for _, a := range as {
		if err := db.SetArticleStory(ctx, a.ID, "s"); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.writer.ExecContext(ctx, `UPDATE articles SET title = 'Renamed zebra' WHERE id = ?`, as[0].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer.ExecContext(ctx, `DELETE FROM articles WHERE id = ?`, as[1].ID); err != nil {
		t.Fatal(err)
	}
	if _, err := db.writer.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts, rank) VALUES ('integrity-check', 1)`); err != nil {
		t.Fatalf("FTS index out of sync: %v", err)
	}
	if hits, err := db.Search(ctx, "zebra", 0); err != nil || len(hits) != 1 {
		t.Errorf("renamed title: %d hits (%v), want 1", len(hits), err)
	}
	var lsh int
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM article_lsh WHERE seq NOT IN (SELECT seq FROM articles)`).Scan(&lsh); err != nil || lsh != 0 {
		t.Errorf("%d band rows of deleted articles (%v)", lsh, err)
	}
}

func TestFTSQuery(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"flood", `"flood"`},
		{"U.S. envoy", `"U.S." AND "envoy"`},
		{`"old bridge" river`, `"old bridge" AND "river"`},
		{`say "it's`, `"say" AND "it"`},
		{`a "b""c" d`, `"a" AND "b" AND "c" AND "d"`},
		{"elect* vote", `"elect" * AND "vote"`},
		{"*", ""},
		{"sheep OR goats", `"sheep" OR "goats"`},
		{"OR sheep AND", `"sheep"`},
		{"NOT sheep", `"sheep"`},
		{"sheep NOT NOT goats", `"sheep" NOT "goats"`},
		{"(a OR b) c", `( "a" OR "b" ) AND "c"`},
		{"(a OR) b", `( "a" ) AND "b"`},
		{"(a b", `"a" AND "b"`},
		{"a) (b", `"a" AND "b"`},
		{"title:flood", `title : "flood"`},
		{`TITLE:"old bridge"`, `title : "old bridge"`},
		{"text: envoy's", `text : "envoy"`},
		{"and or not", `"and" AND "or" AND "not"`},
		{"& | ^ -", ""},
	} {
		got, err := ftsQuery(tc.in)
		if tc.want == "" {
			if crosscheck.ErrorCode(err) != crosscheck.EINVALID {
				t.Errorf("ftsQuery(%q) = %q, %v; want EINVALID", tc.in, got, err)
			}
			continue
		}
		if err != nil || got != tc.want {
			t.Errorf("ftsQuery(%q) = %q, %v; want %q", tc.in, got, err, tc.want)
		}
	}
}

// FuzzSearch: no query makes Search fail with anything but EINVALID, and a
// query of words and punctuation without operators, quotes or parentheses
// never fails when it holds a letter.
func FuzzSearch(f *testing.F) {
	db := openTest(f)
	if _, err := db.AddArticles(f.Context(), storetest.Corpus(0, 20)); err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{"harbour", "U.S.", `"a`, "(a OR) b", "a:b", "NEAR(a b)", "x*y", "^a", "'s", "title:", "**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := db.Search(t.Context(), q, 5)
		if err == nil {
			return
		}
		if crosscheck.ErrorCode(err) != crosscheck.EINVALID {
			t.Fatalf("Search(%q): %v, want nil or EINVALID", q, err)
		}
		plain := !strings.ContainsAny(q, `()"`)
		for _, w := range strings.Fields(q) {
			if w == "AND" || w == "OR" || w == "NOT" {
				plain = false
			}
		}
		hasWord := strings.IndexFunc(strings.NewReplacer("title:", "", "text:", "", "TITLE:", "", "TEXT:", "").Replace(q),
			func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0
		if plain && hasWord && !strings.ContainsAny(q, "'\u2019") {
			t.Fatalf("Search(%q) of plain words: %v", q, err)
		}
	})
}

func TestSavePlacements(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	as := storetest.Corpus(0, 3)
	if _, err := db.AddArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	stories := []*crosscheck.Story{{ID: "s1", Title: "One", Articles: 2, Outlets: []string{"North Wire"}}, {ID: "s2", Title: "Two", Articles: 1}}
	states := map[string][]byte{"s1": []byte("one"), "s2": []byte("two")}
	placements := []crosscheck.Placement{{Article: as[0].ID, Story: "s1"}, {Article: as[1].ID, Story: "s1"}, {Article: as[2].ID, Story: "s2"}}
	if err := db.SavePlacements(ctx, stories, states, placements); err != nil {
		t.Fatal(err)
	}
	got, err := db.ArticlesByStory(ctx, "s1")
	if err != nil || len(got) != 2 {
		t.Fatalf("articles of s1: %d (%v), want 2", len(got), err)
	}
	n := 0
	if err := db.StoryStates(ctx, time.Time{}, func(string, []byte) error { n++; return nil }); err != nil || n != 2 {
		t.Errorf("%d states (%v), want 2", n, err)
	}
	// A failing placement writes nothing of the batch.
	err = db.SavePlacements(ctx, []*crosscheck.Story{{ID: "s3"}}, nil, []crosscheck.Placement{{Article: "missing", Story: "s3"}})
	if crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Fatalf("missing article: %v, want ENOTFOUND", err)
	}
	if _, err := db.Story(ctx, "s3"); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Errorf("story of a failed batch: %v, want ENOTFOUND", err)
	}
	// A placement in a story neither in the batch nor stored is refused.
	err = db.SavePlacements(ctx, []*crosscheck.Story{{ID: "s5"}}, nil, []crosscheck.Placement{{Article: as[0].ID, Story: "s5"}, {Article: as[1].ID, Story: "merged-away"}})
	if crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND || !strings.Contains(err.Error(), "merged-away") {
		t.Fatalf("placement in an unknown story: %v, want ENOTFOUND naming it", err)
	}
	if a, _ := db.Article(ctx, as[0].ID); a.StoryID != "s1" {
		t.Errorf("failed batch moved article to %q", a.StoryID)
	}
	// Tx methods succeed and commit together.
	err = db.Update(ctx, func(tx *Tx) error {
		if err := tx.SaveStory(ctx, &crosscheck.Story{ID: "s4"}); err != nil {
			return err
		}
		if err := tx.SetArticleStory(ctx, as[2].ID, "s4"); err != nil {
			return err
		}
		_, n, err := tx.Stories(ctx, crosscheck.StoryFilter{})
		if err != nil || n != 3 {
			t.Errorf("stories inside the transaction: %d (%v), want 3", n, err)
		}
		return tx.SaveStoryState(ctx, "s4", nil)
	})
	if err != nil {
		t.Fatal(err)
	}
	if a, err := db.Article(ctx, as[2].ID); err != nil || a.StoryID != "s4" {
		t.Errorf("after Update: story %q (%v), want s4", a.StoryID, err)
	}
}

func TestEachArticle(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	as := storetest.Corpus(0, 4)
	as[0].Published = time.Date(2024, 5, 2, 0, 0, 0, 0, time.UTC)
	as[2].Published = time.Date(2024, 5, 1, 0, 0, 0, 0, time.UTC)
	if _, err := db.AddArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	var got []string
	err := db.EachArticle(ctx, func(a *crosscheck.Article) error {
		if a.Text == "" || len(a.Sentences) == 0 {
			t.Errorf("%s without text or sentences", a.Source)
		}
		got = append(got, a.Source)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{as[2].Source, as[0].Source, as[1].Source, as[3].Source}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("order %v, want %v (oldest first, unknown dates last)", got, want)
	}
}

func TestOpenOddPath(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "my news #1 ?&=%")
	if err := os.Mkdir(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(dir, "store 1.db")
	db, err := Open(t.Context(), path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddArticles(t.Context(), storetest.Corpus(0, 1)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if _, err := os.Stat(path); err != nil {
		entries, _ := os.ReadDir(dir)
		t.Fatalf("store not at %s: %v (dir holds %v)", path, err, entries)
	}
}

// TestSearchRankCap: past maxRanked matches, the newest ones are ranked.
func TestSearchRankCap(t *testing.T) {
	db := openTest(t)
	db.maxRanked = 5
	ctx := t.Context()
	as := storetest.Corpus(0, 12)
	for i, a := range as {
		a.Text += " Quokka."
		if i == 2 {
			a.Title = "Quokka quokka" // the best match, but among the oldest
		}
	}
	if _, err := db.AddArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	hits, err := db.Search(ctx, "quokka", 0)
	if err != nil {
		t.Fatal(err)
	}
	if len(hits) != 5 {
		t.Fatalf("%d hits, want 5", len(hits))
	}
	newest := map[string]bool{}
	for _, a := range as[7:] {
		newest[a.ID] = true
	}
	for _, h := range hits {
		if !newest[h.Article.ID] {
			t.Errorf("hit %s is not among the 5 newest matches", h.Article.Source)
		}
	}
	// Below the cap every match is ranked.
	db.maxRanked = 100
	hits, err = db.Search(ctx, "quokka", 0)
	if err != nil || len(hits) != 12 || hits[0].Article.ID != as[2].ID {
		t.Fatalf("uncapped: %d hits (%v), want 12 with the title match first", len(hits), err)
	}
}

// TestStoriesQueryCap: past maxStoryMatches matching articles, the stories
// of the newest ones are listed.
func TestStoriesQueryCap(t *testing.T) {
	db := openTest(t)
	ctx := t.Context()
	as := storetest.Corpus(0, 4)
	for i, a := range as {
		a.Text += " Quokka."
		a.StoryID = fmt.Sprintf("s%d", i)
	}
	if _, err := db.AddArticles(ctx, as); err != nil {
		t.Fatal(err)
	}
	q := "quokka"
	for _, tc := range []struct {
		cap  int
		want []string
	}{
		{100, []string{"s0", "s1", "s2", "s3"}},
		{2, []string{"s2", "s3"}},
	} {
		db.maxStoryMatches = tc.cap
		ss, n, err := db.Stories(ctx, crosscheck.StoryFilter{Query: &q})
		if err != nil {
			t.Fatal(err)
		}
		var ids []string
		for _, s := range ss {
			ids = append(ids, s.ID)
		}
		slices.Sort(ids)
		if !reflect.DeepEqual(ids, tc.want) || n != len(tc.want) {
			t.Errorf("cap %d: %v (total %d), want %v", tc.cap, ids, n, tc.want)
		}
	}
}
