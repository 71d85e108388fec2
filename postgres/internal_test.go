package postgres

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

// TestOpenTogether: processes that open a new store at the same moment
// apply each migration once; a second open applies nothing.
func TestOpenTogether(t *testing.T) {
	url := pgtest.URL(t)
	ctx := t.Context()
	var wg sync.WaitGroup
	errs := make([]error, 4)
	dbs := make([]*DB, 4)
	for i := range dbs {
		wg.Go(func() { dbs[i], errs[i] = Open(ctx, url) })
	}
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Fatalf("open %d: %v", i, err)
		}
		defer dbs[i].Close()
	}
	names, err := dbs[0].Migrations(ctx)
	if err != nil || len(names) == 0 || !strings.HasSuffix(names[0], "0001_init.sql") {
		t.Fatalf("migrations %v (%v)", names, err)
	}
	var n int
	if err := dbs[0].pool.QueryRow(ctx, `SELECT count(*) FROM migrations`).Scan(&n); err != nil || n != len(names) {
		t.Errorf("%d migration records (%v), want %d", n, err, len(names))
	}
}

func TestOpenErrors(t *testing.T) {
	url := pgtest.URL(t)
	ctx := t.Context()
	// OpenExisting creates nothing in an empty schema.
	if db, err := OpenExisting(ctx, url); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		if db != nil {
			db.Close()
		}
		t.Errorf("OpenExisting of an empty schema: %v, want ENOTFOUND", err)
	}
	for _, tc := range []struct {
		name, url, code, says string
	}{
		{"bad URL", "postgres://a b@/%zz", crosscheck.EINVALID, "postgres://user:password@host"},
		{"no server", "postgres://x:y@127.0.0.1:1/db?connect_timeout=2", crosscheck.EINVALID, "is PostgreSQL running"},
		{"wrong password", strings.Replace(url, "crosscheck:crosscheck@", "crosscheck:wrong@", 1), crosscheck.EINVALID, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			db, err := Open(ctx, tc.url)
			if err == nil {
				db.Close()
				if tc.name == "wrong password" {
					t.Skip("the test server trusts every login")
				}
				t.Fatal("opened")
			}
			if crosscheck.ErrorCode(err) != tc.code || !strings.Contains(err.Error(), tc.says) {
				t.Errorf("%v (%s), want %s saying %q", err, crosscheck.ErrorCode(err), tc.code, tc.says)
			}
			if strings.Contains(err.Error(), ":y@") || strings.Contains(err.Error(), ":wrong@") {
				t.Errorf("the password shows: %v", err)
			}
		})
	}
	db, err := Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	db.Close()
	db, err = OpenExisting(ctx, url)
	if err != nil {
		t.Fatalf("OpenExisting of a store: %v", err)
	}
	db.Close()
}

// TestConcurrentAdds: writers in separate pools (as separate processes)
// add overlapping batches at once: every text is stored once, and near
// duplicates are linked to one original, as one writer would.
func TestConcurrentAdds(t *testing.T) {
	url := pgtest.URL(t)
	ctx := context.Background()
	const writers = 4
	dbs := make([]*DB, writers)
	for i := range dbs {
		db, err := Open(ctx, url)
		if err != nil {
			t.Fatal(err)
		}
		defer db.Close()
		dbs[i] = db
	}
	// 60 distinct texts and, for each, an edited copy from another
	// outlet: every writer adds all of them, in its own order, in
	// batches of 20.
	base := storetest.Corpus(0, 60)
	var all []*crosscheck.Article
	for i, a := range base {
		all = append(all, a)
		e := *a
		e.Source, e.Outlet = fmt.Sprintf("edited/%d.txt", i), "Edited Post"
		e.Text = strings.Replace(a.Text, " the ", " a ", 2)
		e.Paragraphs, e.Sentences = nil, nil
		all = append(all, &e)
	}
	var wg sync.WaitGroup
	errs := make(chan error, writers)
	for w, db := range dbs {
		wg.Go(func() {
			order := make([]*crosscheck.Article, len(all))
			for i := range all {
				c := *all[(i*7+w*31)%len(all)]
				order[i] = &c
			}
			for lo := 0; lo < len(order); lo += 20 {
				if _, err := db.AddArticles(ctx, order[lo:lo+20]); err != nil {
					errs <- err
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Fatal(err)
	}
	as, n, err := dbs[0].Articles(ctx, crosscheck.ArticleFilter{})
	if err != nil || n != len(all) {
		t.Fatalf("%d articles stored (%v), want %d", n, err, len(all))
	}
	linked := 0
	for _, a := range as {
		if a.DuplicateOf != "" {
			linked++
		}
	}
	if linked != len(base) {
		t.Errorf("%d near duplicates linked, want %d (one of each pair)", linked, len(base))
	}
}

// TestSearchQuotesInText: the search query is part of the statement's
// text (tsLiteral), so quotes and backslashes in what a user types must
// stay words: they find what they name, or nothing, and never change the
// statement.
func TestSearchQuotesInText(t *testing.T) {
	db, err := Open(t.Context(), pgtest.URL(t))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := t.Context()
	a := storetest.NewArticle("obrien.txt", "Harbour officer speaks", "Harbour Courier",
		[]string{`Officer O'Brien said the path was C:\harbour\gates, and the gates stayed shut.`})
	if _, err := db.AddArticle(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{`O'Brien`, `"o'brien said"`, `harbour\gates`, `brien' OR 'x`, `gates\`, `gates'`, `'gates`} {
		hs, err := db.Search(ctx, q, 10)
		if err != nil {
			t.Errorf("search %q: %v", q, err)
			continue
		}
		if len(hs) != 1 {
			t.Errorf("search %q: %d hits, want the article", q, len(hs))
		}
		ss, _, err := db.Stories(ctx, crosscheck.StoryFilter{Query: &q})
		if err != nil {
			t.Errorf("stories %q: %v", q, err)
		} else if len(ss) != 0 {
			t.Errorf("stories %q: %d, want none (the article is in no story)", q, len(ss))
		}
	}
	for _, q := range []string{`x'); DROP TABLE articles; --`, `\'; SELECT 1; --`} {
		if _, err := db.Search(ctx, q, 10); err != nil && crosscheck.ErrorCode(err) != crosscheck.EINVALID {
			t.Errorf("search %q: %v", q, err)
		}
	}
	if n, err := db.CountArticles(ctx); err != nil || n != 1 {
		t.Errorf("%d articles after the searches (%v), want 1", n, err)
	}
}
