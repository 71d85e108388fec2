// Package storetest is the behaviour test suite of a crosscheck store: any
// implementation of the store interfaces (the SQLite store, a later
// PostgreSQL one) runs Run with an opener and must pass it. It uses only
// invented text.
package storetest

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// Store is what the suite tests: the two service interfaces, batch adds
// and placements, corrections and the catalog the web UI asks.
type Store interface {
	crosscheck.ArticleService
	crosscheck.StoryService
	// AddArticles stores a batch atomically: all or, on error or a
	// cancelled context, none.
	AddArticles(ctx context.Context, as []*crosscheck.Article) ([]crosscheck.AddResult, error)
	// SavePlacements writes a batch's stories, states and placements in
	// one transaction.
	SavePlacements(ctx context.Context, stories []*crosscheck.Story, states map[string][]byte, placements []crosscheck.Placement) error

	// Correct applies and records a correction; Undo reverses one.
	Correct(ctx context.Context, c *crosscheck.Correction) error
	Undo(ctx context.Context, id int64) (*crosscheck.Correction, error)
	// Correction and Corrections read the record.
	Correction(ctx context.Context, id int64) (*crosscheck.Correction, error)
	Corrections(ctx context.Context, f crosscheck.CorrectionFilter) ([]*crosscheck.Correction, int, error)
	// ReapplyCorrections applies moves, merges and splits again after a
	// re-cluster.
	ReapplyCorrections(ctx context.Context) (int, error)

	// Outlets, ResolveID and the analysis counts serve the lists.
	Outlets(ctx context.Context) ([]crosscheck.OutletCount, error)
	ResolveID(ctx context.Context, kind, prefix string) (string, error)
	SaveStoryCounts(ctx context.Context, c crosscheck.StoryCounts) error
	StoryCounts(ctx context.Context, ids []string) (map[string]crosscheck.StoryCounts, error)
	Unanalysed(ctx context.Context) (int, error)

	// The watched sources and what the watcher records of them.
	crosscheck.SourceService
	SaveSourceCheck(ctx context.Context, s *crosscheck.Source, seen []string) error
	SeenItems(ctx context.Context, sourceID int64, keys []string) (map[string]bool, error)
	SourcesRevision(ctx context.Context) (string, error)
	// ChangedStories returns the stories updated after since (live pages).
	ChangedStories(ctx context.Context, since time.Time, limit int) ([]*crosscheck.Story, error)
}

// Opener returns a new, empty store that lives until the test ends (close it
// with t.Cleanup).
type Opener func(t *testing.T) Store

// Run runs every test of the suite on stores from open.
func Run(t *testing.T, open Opener) {
	for _, tc := range []struct {
		name string
		fn   func(*testing.T, Opener)
	}{
		{"RoundTrip", testRoundTrip},
		{"NotFound", testNotFound},
		{"Invalid", testInvalid},
		{"Duplicate", testDuplicate},
		{"Copy", testCopy},
		{"NearDuplicate", testNearDuplicate},
		{"Search", testSearch},
		{"ArticleFilters", testArticleFilters},
		{"Stories", testStories},
		{"StoryStates", testStoryStates},
		{"DeleteStories", testDeleteStories},
		{"CancelMidBatch", testCancelMidBatch},
		{"ConcurrentReaders", testConcurrentReaders},
		{"SavePlacements", testSavePlacements},
		{"CorrectArticleAndUndo", testCorrectArticleAndUndo},
		{"MoveMergeSplitSurviveRecluster", testMoveMergeSplitSurviveRecluster},
		{"ResolveID", testResolveID},
		{"Analysis", testAnalysis},
		{"Sources", testSources},
		{"ChangedStories", testChangedStories},
	} {
		t.Run(tc.name, func(t *testing.T) { tc.fn(t, open) })
	}
}

func mustAdd(t *testing.T, s Store, as ...*crosscheck.Article) []crosscheck.AddResult {
	t.Helper()
	res, err := s.AddArticles(t.Context(), as)
	if err != nil {
		t.Fatalf("AddArticles: %v", err)
	}
	if len(res) != len(as) {
		t.Fatalf("AddArticles returned %d results for %d articles", len(res), len(as))
	}
	return res
}

func testRoundTrip(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	if err := s.SaveStory(ctx, &crosscheck.Story{ID: "st1", Title: "Floods"}); err != nil {
		t.Fatal(err)
	}
	msk := time.FixedZone("MSK", 3*3600)
	a := NewArticle("corpus/a.html", "Barriers raised on the Meren", "Harbour Gazette", []string{
		"Flood barriers were raised on Tuesday. Engineers worked through the night.",
		"Schools will stay closed. The ferry is suspended.",
	})
	a.URL = "https://example.org/meren"
	a.Author = "Ilse Varga"
	a.Published = time.Date(2024, 3, 5, 14, 30, 15, 0, msk)
	a.PublishedDateOnly = true
	a.Language = "de"
	a.Correction = "An earlier version misspelt the river's name."
	a.StoryID = "st1"
	a.Modified = time.Date(2024, 3, 6, 9, 5, 0, 0, time.FixedZone("", -5*3600))
	a.ModifiedDateOnly = true
	a.Credit = "Reuters"
	want := *a
	res := mustAdd(t, s, a)
	if res[0].Duplicate || res[0].NearDuplicateOf != "" || res[0].ID == "" {
		t.Fatalf("result = %+v, want a new article", res[0])
	}
	if a.ID != res[0].ID || len(a.ContentHash) != 64 || a.ID != a.ContentHash[:12] || a.Ingested.IsZero() {
		t.Fatalf("fills: ID=%q hash=%q ingested=%v", a.ID, a.ContentHash, a.Ingested)
	}
	want.ID, want.ContentHash = a.ID, a.ContentHash
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.Equal(want.Published) {
		t.Errorf("Published = %v, want %v", got.Published, want.Published)
	}
	if _, off := got.Published.Zone(); off != 3*3600 {
		t.Errorf("Published offset = %d, want %d", off, 3*3600)
	}
	if !got.Ingested.Equal(a.Ingested) || time.Since(got.Ingested) > time.Hour {
		t.Errorf("Ingested = %v, want %v", got.Ingested, a.Ingested)
	}
	if _, off := got.Modified.Zone(); !got.Modified.Equal(want.Modified) || off != -5*3600 {
		t.Errorf("Modified = %v, want %v in its zone", got.Modified, want.Modified)
	}
	got.Published, want.Published = time.Time{}, time.Time{}
	got.Ingested, want.Ingested = time.Time{}, time.Time{}
	got.Modified, want.Modified = time.Time{}, time.Time{}
	if !reflect.DeepEqual(*got, want) {
		t.Errorf("round trip:\n got %+v\nwant %+v", *got, want)
	}
	for i := range got.Sentences {
		if g, w := got.SentenceText(i), want.SentenceText(i); g != w {
			t.Errorf("sentence %d = %q, want %q", i, g, w)
		}
	}

	// An article placed in a story not saved yet: the story is created bare.
	c := NewArticle("c.txt", "", "", []string{"An article re-imported with its story."})
	c.StoryID = "unsaved"
	mustAdd(t, s, c)
	if st, err := s.Story(ctx, "unsaved"); err != nil || st.ID != "unsaved" {
		t.Errorf("story of an added article: %+v, %v", st, err)
	}

	// A caller's ID is kept; zero times stay zero.
	b := NewArticle("b.txt", "", "", []string{"A short note with its own identifier."})
	b.ID = "custom-id"
	res = mustAdd(t, s, b)
	if res[0].ID != "custom-id" {
		t.Fatalf("ID = %q, want custom-id", res[0].ID)
	}
	got, err = s.Article(ctx, "custom-id")
	if err != nil {
		t.Fatal(err)
	}
	if !got.Published.IsZero() || got.PublishedDateOnly || got.StoryID != "" || got.DuplicateOf != "" {
		t.Errorf("got %+v, want zero date, no story, no duplicate", got)
	}
}

func testNotFound(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	_, err := s.Article(ctx, "nope")
	if got := crosscheck.ErrorCode(err); got != crosscheck.ENOTFOUND {
		t.Errorf("Article: code %q (%v), want %q", got, err, crosscheck.ENOTFOUND)
	}
	_, err = s.Story(ctx, "nope")
	if got := crosscheck.ErrorCode(err); got != crosscheck.ENOTFOUND {
		t.Errorf("Story: code %q (%v), want %q", got, err, crosscheck.ENOTFOUND)
	}
	a := NewArticle("a.txt", "t", "o", []string{"Some text about a harbour."})
	mustAdd(t, s, a)
	// Placing in a story not saved yet creates it bare; SaveStory fills it.
	if err := s.SetArticleStory(ctx, a.ID, "later"); err != nil {
		t.Fatalf("SetArticleStory before SaveStory: %v", err)
	}
	if st, err := s.Story(ctx, "later"); err != nil || st.ID != "later" {
		t.Fatalf("bare story: %+v, %v", st, err)
	}
	if err := s.SaveStory(ctx, &crosscheck.Story{ID: "later", Title: "Filled", Articles: 1}); err != nil {
		t.Fatal(err)
	}
	if st, err := s.Story(ctx, "later"); err != nil || st.Title != "Filled" {
		t.Fatalf("filled story: %+v, %v", st, err)
	}
	if got, err := s.Article(ctx, a.ID); err != nil || got.StoryID != "later" {
		t.Fatalf("placed article: %+v, %v", got, err)
	}
	err = s.SetArticleStory(ctx, a.ID, "")
	if got := crosscheck.ErrorCode(err); got != crosscheck.EINVALID {
		t.Errorf("SetArticleStory to no story: code %q (%v), want %q", got, err, crosscheck.EINVALID)
	}
	err = s.SetArticleStory(ctx, "nope", "later")
	if got := crosscheck.ErrorCode(err); got != crosscheck.ENOTFOUND {
		t.Errorf("SetArticleStory of missing article: code %q (%v), want %q", got, err, crosscheck.ENOTFOUND)
	}
}

func testInvalid(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	good := NewArticle("good.txt", "t", "o", []string{"Text that is fine."})
	for _, tc := range []struct {
		name string
		a    *crosscheck.Article
	}{
		{"no text", &crosscheck.Article{Source: "empty.txt", Text: " \n "}},
		{"span past text", &crosscheck.Article{Source: "x", Text: "abc", Paragraphs: []crosscheck.Span{{Start: 0, End: 9}}}},
		{"sentence in missing paragraph", &crosscheck.Article{Source: "x", Text: "abc",
			Paragraphs: []crosscheck.Span{{Start: 0, End: 3}},
			Sentences:  []crosscheck.Sentence{{Span: crosscheck.Span{Start: 0, End: 3}, Para: 1}}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			_, err := s.AddArticles(ctx, []*crosscheck.Article{good, tc.a})
			if got := crosscheck.ErrorCode(err); got != crosscheck.EINVALID {
				t.Fatalf("code %q (%v), want %q", got, err, crosscheck.EINVALID)
			}
			if _, n, err := s.Articles(ctx, crosscheck.ArticleFilter{}); err != nil || n != 0 {
				t.Fatalf("after a rejected batch: %d articles (%v), want 0", n, err)
			}
		})
	}
	// An ID taken by other content.
	a := NewArticle("a", "", "", []string{"First content."})
	a.ID = "same"
	b := NewArticle("b", "", "", []string{"Second, different content."})
	b.ID = "same"
	mustAdd(t, s, a)
	_, err := s.AddArticles(ctx, []*crosscheck.Article{b})
	if got := crosscheck.ErrorCode(err); got != crosscheck.EINVALID {
		t.Fatalf("ID reuse: code %q (%v), want %q", got, err, crosscheck.EINVALID)
	}
}

func testDuplicate(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	paras := Paragraphs(7, 3, 60)
	a := NewArticle("first.txt", "Title", "Harbour Gazette", paras)
	// The same content with other spacing and case, from the same outlet.
	b := NewArticle("second.txt", "Other title", "Harbour Gazette", paras)
	b.Text = "  " + strings.ToUpper(strings.ReplaceAll(b.Text, " ", "  \t")) + "\n"
	b.Paragraphs, b.Sentences = nil, nil
	c := NewArticle("first.txt", "Title", "Harbour Gazette", paras)

	res := mustAdd(t, s, a, b)
	if res[0].Duplicate || !res[1].Duplicate || res[1].ID != res[0].ID {
		t.Fatalf("results %+v, want the second a duplicate of the first", res)
	}
	if b.ID != a.ID {
		t.Errorf("duplicate's ID filled as %q, want %q", b.ID, a.ID)
	}
	res = mustAdd(t, s, c)
	if !res[0].Duplicate || res[0].ID != a.ID {
		t.Fatalf("re-ingest: %+v, want duplicate of %s", res[0], a.ID)
	}
	if _, n, err := s.Articles(ctx, crosscheck.ArticleFilter{}); err != nil || n != 1 {
		t.Fatalf("%d articles stored (%v), want 1", n, err)
	}
	got, err := s.Article(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Source != "first.txt" {
		t.Errorf("stored source %q, want the first one", got.Source)
	}
}

// testCopy: the same text from another outlet is a copy, stored and linked
// to the original (the outlet shows in the story and counts once for
// independence); the copy read again is a duplicate of the copy. Without
// outlets, another source is another origin.
func testCopy(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	paras := Paragraphs(11, 3, 60)
	a := NewArticle("gazette.txt", "Title", "Harbour Gazette", paras)
	b := NewArticle("times.txt", "Title", "Valley Times", paras)
	res := mustAdd(t, s, a, b)
	if res[1].Duplicate || res[1].CopyOf != a.ID || res[1].ID == a.ID {
		t.Fatalf("results %+v, want the second stored as a copy of %s", res, a.ID)
	}
	if b.DuplicateOf != "" && b.DuplicateOf != a.ID {
		t.Errorf("copy linked to %q, want %q", b.DuplicateOf, a.ID)
	}
	got, err := s.Article(ctx, res[1].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.Outlet != "Valley Times" || got.DuplicateOf != a.ID || got.Text != a.Text {
		t.Errorf("copy stored as outlet %q, duplicate of %q, same text %v", got.Outlet, got.DuplicateOf, got.Text == a.Text)
	}
	again := NewArticle("times.txt", "Title", "Valley Times", paras)
	res = mustAdd(t, s, again)
	if !res[0].Duplicate || res[0].ID != got.ID {
		t.Fatalf("copy read again: %+v, want a duplicate of %s", res[0], got.ID)
	}
	x := NewArticle("one.txt", "Title", "", Paragraphs(12, 3, 60))
	y := NewArticle("two.txt", "Title", "", Paragraphs(12, 3, 60))
	if res := mustAdd(t, s, x, y); res[1].CopyOf != res[0].ID {
		t.Errorf("same text from two files without outlets: %+v, want a copy", res)
	}
	if _, n, err := s.Articles(ctx, crosscheck.ArticleFilter{}); err != nil || n != 4 {
		t.Fatalf("%d articles stored (%v), want 4", n, err)
	}
}

// Invented wire story, a republished copy with a few words changed, and an
// independent report of the same event that shares a quote and names.
var (
	wire = []string{
		"Flood barriers along the Meren river were raised on Tuesday night after three days of heavy rain pushed water levels to their highest point since records began, the regional water authority said. Engineers worked through the night to reinforce the embankment near the old stone bridge, while residents of two low-lying streets were asked to leave their homes as a precaution.",
		"The authority's director, Ilse Varga, told reporters that the barriers had held so far but that the next twelve hours would be critical. \"We are watching the gauges every fifteen minutes,\" she said. Schools in the district will stay closed on Wednesday and the ferry service across the estuary has been suspended until further notice.",
		"Farmers upstream reported that several fields were under water and that at least two hundred sheep had been moved to higher ground. The regional government said it would announce an emergency fund for affected households by the end of the week.",
	}
	wireEdited = []string{
		"Flood barriers along the Meren river were raised on Tuesday evening after three straight days of heavy rain pushed water levels to their highest point since records began, the regional water authority said. Engineers worked through the night to reinforce the embankment near the old stone bridge, while residents of two low-lying streets were asked to leave their homes as a precaution.",
		"The authority's director, Ilse Varga, told reporters that the barriers had held so far but that the next 12 hours would be critical. \"We are watching the gauges every fifteen minutes,\" she said. Schools in the district will stay closed on Wednesday and the ferry service across the estuary has been suspended until further notice.",
		"Farmers upstream reported that several fields were under water and that two hundred sheep had been moved to higher ground. The regional government said it would announce an emergency fund for affected households by the end of the week.",
	}
	ownReport = []string{
		"Residents of the riverside district spent a sleepless night as the Meren rose to a record level on Tuesday. \"We are watching the gauges every fifteen minutes,\" said Ilse Varga, who heads the regional water authority, adding that the coming hours would decide whether the barriers hold.",
		"Two streets near the old stone bridge were evacuated and schools will remain shut on Wednesday, officials said. Ferry crossings were cancelled. Upstream, farmers drove their flocks to higher pastures as fields disappeared under brown water.",
		"The regional government promised help for households hit by the flood but gave no figure.",
	}
)

func testNearDuplicate(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	orig := NewArticle("wire.txt", "Meren flood barriers raised", "North Wire", wire)
	unrelated := Corpus(1, 3)
	res := mustAdd(t, s, append(unrelated, orig)...)
	for i, r := range res {
		if r.NearDuplicateOf != "" {
			t.Fatalf("result %d: %+v, want no near duplicate in distinct articles", i, r)
		}
	}
	edited := NewArticle("copy.html", "Record flood on the Meren", "Valley Times", wireEdited)
	own := NewArticle("own.html", "Sleepless night on the Meren", "Harbour Gazette", ownReport)
	// A trimmed copy of the edited copy: linked to the original, not to the copy.
	trimmed := NewArticle("trimmed.html", "Meren barriers", "Coast Radio", wireEdited[:2])
	res = mustAdd(t, s, edited, own, trimmed)
	if res[0].Duplicate || res[0].NearDuplicateOf != orig.ID {
		t.Errorf("edited copy: %+v, want stored and linked to %s", res[0], orig.ID)
	}
	if edited.DuplicateOf != orig.ID {
		t.Errorf("edited copy DuplicateOf = %q, want %q", edited.DuplicateOf, orig.ID)
	}
	if res[1].NearDuplicateOf != "" {
		t.Errorf("independent report linked to %q, want not linked", res[1].NearDuplicateOf)
	}
	if res[2].NearDuplicateOf != orig.ID {
		t.Errorf("trimmed copy linked to %q, want %q", res[2].NearDuplicateOf, orig.ID)
	}
	got, err := s.Article(ctx, edited.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.DuplicateOf != orig.ID || got.Text != edited.Text {
		t.Errorf("stored copy DuplicateOf = %q, want %q", got.DuplicateOf, orig.ID)
	}
	got, err = s.Article(ctx, orig.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.DuplicateOf != "" {
		t.Errorf("original DuplicateOf = %q, want empty", got.DuplicateOf)
	}
	if _, n, _ := s.Articles(ctx, crosscheck.ArticleFilter{}); n != 7 {
		t.Errorf("%d articles stored, want 7 (near duplicates are kept)", n)
	}
}

func testSearch(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	flood := NewArticle("wire.txt", "Meren flood barriers raised", "North Wire", wire)
	us := NewArticle("us.txt", "U.S. envoy visits the harbour", "Coast Radio", []string{
		"The U.S. envoy, speaking in the port city, said the 9/11 memorial fund and the rock & roll museum would both get money. \"It's a fair deal,\" she said (twice).",
	})
	mustAdd(t, s, append(Corpus(100, 5), flood, us)...)
	for _, tc := range []struct {
		query string
		best  string // source of the best hit
		hits  int    // number of hits
	}{
		{"barriers", "wire.txt", 1},
		{"Barrier", "wire.txt", 1},                    // case and stemming
		{"gauges fifteen", "wire.txt", 1},             // words ANDed
		{"Varga sheep", "wire.txt", 1},                // words in any order
		{`"old stone bridge"`, "wire.txt", 1},         // phrase
		{`"stone old bridge"`, "", 0},                 // phrase order matters
		{"sheep NOT ferry", "", 0},                    // operators
		{"sheep OR envoy", "", 2},                     // operators
		{"embank*", "wire.txt", 1},                    // prefix
		{"U.S.", "us.txt", 1},                         // punctuation inside a word
		{"U.S. envoy's", "us.txt", 1},                 // apostrophe
		{`"It's a fair deal,"`, "us.txt", 1},          // quoted punctuation
		{`9/11 memorial`, "us.txt", 1},                // slash
		{`rock & roll`, "us.txt", 1},                  // a lone symbol
		{`envoy "`, "us.txt", 1},                      // stray quote
		{`(twice)`, "us.txt", 1},                      // parentheses as grouping
		{`envoy AND`, "us.txt", 1},                    // dangling operator
		{`OR envoy`, "us.txt", 1},                     // leading operator
		{`title: envoy`, "us.txt", 1},                 // colon is no column filter
		{`-envoy +harbour ^port`, "us.txt", 1},        // operators of other engines
		{`NEAR(envoy port)`, "", 0},                   // NEAR is a word here
		{`zzzunknownword`, "", 0},                     // no hit
		{`envoy zzzunknownword`, "", 0},               // AND: no hit
		{`'single quotes' envoy`, "", 0},              // single quotes: plain words
		{`naïve café`, "", 0},                         // non-ASCII
		{`(envoy OR barriers) AND port`, "us.txt", 1}, // grouping
		{`((envoy OR barriers)) AND (port OR river)`, "", 2},
	} {
		t.Run(tc.query, func(t *testing.T) {
			hits, err := s.Search(ctx, tc.query, 10)
			if err != nil {
				t.Fatalf("Search(%q): %v", tc.query, err)
			}
			if len(hits) != tc.hits {
				t.Fatalf("Search(%q) = %d hits, want %d", tc.query, len(hits), tc.hits)
			}
			if tc.best != "" && hits[0].Article.Source != tc.best {
				t.Fatalf("Search(%q) best hit %s, want %s", tc.query, hits[0].Article.Source, tc.best)
			}
		})
	}

	hits, err := s.Search(ctx, "sheep", 10)
	if err != nil || len(hits) != 1 {
		t.Fatalf("sheep: %d hits (%v), want 1", len(hits), err)
	}
	h := hits[0]
	if h.Article.ID != flood.ID || h.Article.Text != "" || h.Article.Sentences != nil || h.Article.Title != flood.Title {
		t.Errorf("hit article %+v, want the flood article without text", h.Article)
	}
	if !strings.Contains(h.Snippet, "sheep") || h.Snippet == "" {
		t.Errorf("snippet %q does not show the match", h.Snippet)
	}

	// Title matches rank above body matches.
	hits, err = s.Search(ctx, "harbour", 0)
	if err != nil || len(hits) < 2 {
		t.Fatalf("harbour: %d hits (%v), want several", len(hits), err)
	}
	if hits[0].Article.Source != "us.txt" {
		t.Errorf("harbour: best hit %s, want the one with harbour in its title", hits[0].Article.Source)
	}
	for i := 1; i < len(hits); i++ {
		if hits[i].Rank < hits[i-1].Rank {
			t.Errorf("hits not ordered by rank: %v after %v", hits[i].Rank, hits[i-1].Rank)
		}
	}
	if hits, _ := s.Search(ctx, "the", 3); len(hits) != 3 {
		t.Errorf("limit 3: %d hits", len(hits))
	}

	for _, q := range []string{"", "   ", `"`, `&& ||`, `( )`, `AND OR`, `"" ""`} {
		_, err := s.Search(ctx, q, 10)
		if got := crosscheck.ErrorCode(err); got != crosscheck.EINVALID {
			t.Errorf("Search(%q): code %q (%v), want %q", q, got, err, crosscheck.EINVALID)
		}
	}
}

func testArticleFilters(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	day := func(d int) time.Time { return time.Date(2024, 3, d, 12, 0, 0, 0, time.UTC) }
	as := Corpus(200, 6)
	for i, a := range as {
		a.Published = day(i + 1) // 1..6 March; outlets cycle over 4
	}
	as[5].Published = time.Time{} // unknown date: last
	mustAdd(t, s, as...)
	if err := s.SaveStory(ctx, &crosscheck.Story{ID: "s1"}); err != nil {
		t.Fatal(err)
	}
	for _, i := range []int{1, 3} {
		if err := s.SetArticleStory(ctx, as[i].ID, "s1"); err != nil {
			t.Fatal(err)
		}
	}
	ptr := func(s string) *string { return &s }
	tp := func(t time.Time) *time.Time { return &t }
	src := func(is ...int) []string {
		var out []string
		for _, i := range is {
			out = append(out, as[i].Source)
		}
		return out
	}
	for _, tc := range []struct {
		name  string
		f     crosscheck.ArticleFilter
		want  []string
		total int
	}{
		{"all newest first", crosscheck.ArticleFilter{}, src(4, 3, 2, 1, 0, 5), 6},
		{"outlet any case", crosscheck.ArticleFilter{Outlet: ptr(strings.ToUpper(as[0].Outlet))}, src(4, 0), 2},
		{"story", crosscheck.ArticleFilter{StoryID: ptr("s1")}, src(3, 1), 2},
		{"since until", crosscheck.ArticleFilter{Since: tp(day(2)), Until: tp(day(4))}, src(2, 1), 2},
		{"page", crosscheck.ArticleFilter{Offset: 1, Limit: 2}, src(3, 2), 6},
		{"offset only", crosscheck.ArticleFilter{Offset: 4}, src(0, 5), 6},
		{"nothing", crosscheck.ArticleFilter{Outlet: ptr("Nobody")}, nil, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.Articles(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var gotSrc []string
			for _, a := range got {
				gotSrc = append(gotSrc, a.Source)
				if a.Text == "" {
					t.Errorf("%s: no text", a.Source)
				}
			}
			if !reflect.DeepEqual(gotSrc, tc.want) || total != tc.total {
				t.Errorf("got %v total %d, want %v total %d", gotSrc, total, tc.want, tc.total)
			}
		})
	}
}

func testStories(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	d := func(day, hour int) time.Time { return time.Date(2024, 3, day, hour, 0, 0, 0, time.UTC) }
	stories := []*crosscheck.Story{
		{ID: "s1", Title: "Harbour strike", EventDate: d(1, 0), Places: []string{"Port Ella"}, Entities: []string{"Dock Union"},
			Outlets: []string{"Harbour Gazette", "Valley Times"}, Articles: 2, Created: d(1, 8), Updated: d(2, 9)},
		{ID: "s2", Title: "Meren flood", EventDate: d(3, 0), Outlets: []string{"North Wire"}, Articles: 1, Created: d(3, 8), Updated: d(3, 9)},
		{ID: "s3", Title: "No date known", Outlets: []string{"Valley Times"}, Articles: 1, Created: d(2, 8), Updated: d(2, 12)},
		{ID: "s4", Title: "Older", EventDate: d(20, 0).AddDate(0, -1, 0), Articles: 0},
	}
	for _, st := range stories {
		if err := s.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	got, err := s.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, stories[0]) {
		t.Errorf("round trip:\n got %+v\nwant %+v", got, stories[0])
	}
	// Update replaces fields and outlets.
	s1 := *stories[0]
	s1.Outlets = []string{"Harbour Gazette"}
	s1.Articles = 3
	s1.Title = "Harbour strike ends"
	if err := s.SaveStory(ctx, &s1); err != nil {
		t.Fatal(err)
	}
	if got, err := s.Story(ctx, "s1"); err != nil || !reflect.DeepEqual(got, &s1) {
		t.Errorf("after update: %+v (%v), want %+v", got, err, s1)
	}

	flood := NewArticle("wire.txt", "Meren flood barriers raised", "North Wire", wire)
	flood.Published = d(3, 10)
	mustAdd(t, s, flood)
	if err := s.SetArticleStory(ctx, flood.ID, "s2"); err != nil {
		t.Fatal(err)
	}
	ptr := func(s string) *string { return &s }
	tp := func(t time.Time) *time.Time { return &t }
	for _, tc := range []struct {
		name  string
		f     crosscheck.StoryFilter
		want  []string
		total int
	}{
		// Only s2 has a dated article: the others follow in ID order.
		{"all latest report first", crosscheck.StoryFilter{}, []string{"s2", "s1", "s3", "s4"}, 4},
		{"by event date, unknown last", crosscheck.StoryFilter{Sort: crosscheck.SortEvent}, []string{"s2", "s1", "s4", "s3"}, 4},
		{"by outlets", crosscheck.StoryFilter{Sort: crosscheck.SortOutlets}, []string{"s1", "s2", "s3", "s4"}, 4},
		{"by conflicts, none analysed", crosscheck.StoryFilter{Sort: crosscheck.SortConflicts}, []string{"s2", "s1", "s3", "s4"}, 4},
		{"any of outlets", crosscheck.StoryFilter{Outlets: []string{"north wire", "Valley Times"}}, []string{"s2", "s3"}, 2},
		{"no outlet matched", crosscheck.StoryFilter{Outlets: []string{}}, nil, 0},
		{"since", crosscheck.StoryFilter{Since: tp(d(1, 0))}, []string{"s2", "s1"}, 2},
		{"until", crosscheck.StoryFilter{Until: tp(d(2, 12))}, []string{"s1", "s4"}, 2},
		{"outlet any case", crosscheck.StoryFilter{Outlet: ptr("valley times")}, []string{"s3"}, 1},
		{"outlet after update", crosscheck.StoryFilter{Outlet: ptr("Harbour Gazette")}, []string{"s1"}, 1},
		{"query", crosscheck.StoryFilter{Query: ptr("sheep U.S.")}, nil, 0},
		{"query hit", crosscheck.StoryFilter{Query: ptr("sheep barriers")}, []string{"s2"}, 1},
		{"page", crosscheck.StoryFilter{Offset: 1, Limit: 2}, []string{"s1", "s3"}, 4},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, total, err := s.Stories(ctx, tc.f)
			if err != nil {
				t.Fatal(err)
			}
			var ids []string
			for _, st := range got {
				ids = append(ids, st.ID)
			}
			if !reflect.DeepEqual(ids, tc.want) || total != tc.total {
				t.Errorf("got %v total %d, want %v total %d", ids, total, tc.want, tc.total)
			}
		})
	}
	if _, _, err := s.Stories(ctx, crosscheck.StoryFilter{Query: ptr("( )")}); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("bad query: %v, want EINVALID", err)
	}
	a, err := s.Article(ctx, flood.ID)
	if err != nil || a.StoryID != "s2" {
		t.Errorf("article story = %q (%v), want s2", a.StoryID, err)
	}
	if got, _, err := s.Articles(ctx, crosscheck.ArticleFilter{StoryID: ptr("s2")}); err != nil || len(got) != 1 {
		t.Errorf("articles of s2: %d (%v), want 1", len(got), err)
	}
	if err := s.SaveStory(ctx, &crosscheck.Story{}); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("story without ID: %v, want EINVALID", err)
	}
}

func testStoryStates(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	d := func(day int) time.Time { return time.Date(2024, 3, day, 0, 0, 0, 0, time.UTC) }
	for i, id := range []string{"c", "a", "b"} {
		if err := s.SaveStory(ctx, &crosscheck.Story{ID: id, Updated: d(3 - i)}); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveStoryState(ctx, id, []byte("old "+id)); err != nil {
			t.Fatal(err)
		}
		if err := s.SaveStoryState(ctx, id, []byte("state "+id)); err != nil {
			t.Fatal(err)
		}
	}
	var got []string
	err := s.StoryStates(ctx, d(2), func(id string, state []byte) error {
		got = append(got, id+"="+string(state))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"a=state a", "c=state c"}; !reflect.DeepEqual(got, want) {
		t.Errorf("states since day 2 = %v, want %v", got, want)
	}
	stop := errors.New("stop")
	n := 0
	err = s.StoryStates(ctx, time.Time{}, func(string, []byte) error { n++; return stop })
	if !errors.Is(err, stop) || n != 1 {
		t.Errorf("StoryStates with failing fn: %v after %d calls, want stop after 1", err, n)
	}
	n = 0
	if err := s.StoryStates(ctx, time.Time{}, func(string, []byte) error { n++; return nil }); err != nil || n != 3 {
		t.Errorf("all states: %d (%v), want 3", n, err)
	}
}

func testDeleteStories(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	as := Corpus(300, 2)
	mustAdd(t, s, as...)
	if err := s.SaveStory(ctx, &crosscheck.Story{ID: "s", Outlets: []string{"North Wire"}}); err != nil {
		t.Fatal(err)
	}
	if err := s.SaveStoryState(ctx, "s", []byte{1}); err != nil {
		t.Fatal(err)
	}
	if err := s.SetArticleStory(ctx, as[0].ID, "s"); err != nil {
		t.Fatal(err)
	}
	if err := s.DeleteStories(ctx); err != nil {
		t.Fatal(err)
	}
	if got, n, err := s.Stories(ctx, crosscheck.StoryFilter{}); err != nil || n != 0 || len(got) != 0 {
		t.Errorf("stories after delete: %d (%v)", n, err)
	}
	n := 0
	_ = s.StoryStates(ctx, time.Time{}, func(string, []byte) error { n++; return nil })
	if n != 0 {
		t.Errorf("%d states after delete", n)
	}
	a, err := s.Article(ctx, as[0].ID)
	if err != nil || a.StoryID != "" {
		t.Errorf("article story after delete = %q (%v), want empty", a.StoryID, err)
	}
	if _, n, _ := s.Articles(ctx, crosscheck.ArticleFilter{}); n != 2 {
		t.Errorf("%d articles after delete, want 2 (articles stay)", n)
	}
}

// cancelAfter is a context that becomes cancelled after its Done method has
// been called n times: a deterministic Ctrl-C in the middle of a batch.
type cancelAfter struct {
	context.Context
	n    atomic.Int64
	once sync.Once
	done chan struct{}
}

func newCancelAfter(parent context.Context, n int64) *cancelAfter {
	c := &cancelAfter{Context: parent, done: make(chan struct{})}
	c.n.Store(n)
	return c
}

func (c *cancelAfter) Done() <-chan struct{} {
	if c.n.Add(-1) < 0 {
		c.once.Do(func() { close(c.done) })
	}
	return c.done
}

func (c *cancelAfter) Err() error {
	select {
	case <-c.done:
		return context.Canceled
	default:
		return nil
	}
}

func testCancelMidBatch(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	first := Corpus(400, 10)
	mustAdd(t, s, first...)
	batch := Corpus(500, 100)
	batch = append(batch, NewArticle("copy.txt", "", "", wireEdited), NewArticle("wire.txt", "", "", wire))

	_, err := s.AddArticles(newCancelAfter(ctx, 150), batch)
	if err == nil {
		t.Fatal("AddArticles with a context cancelled mid-batch succeeded")
	}
	if _, n, err := s.Articles(ctx, crosscheck.ArticleFilter{}); err != nil || n != len(first) {
		t.Fatalf("after cancel: %d articles (%v), want %d: the batch must roll back", n, err, len(first))
	}
	if hits, err := s.Search(ctx, "Generated", 0); err != nil || len(hits) != len(first) {
		t.Fatalf("after cancel: search finds %d (%v), want %d: the index must roll back too", len(hits), err, len(first))
	}
	// Running the batch again completes it; a third time stores nothing.
	res := mustAdd(t, s, batch...)
	for i, r := range res {
		if r.Duplicate {
			t.Fatalf("rerun: article %d is a duplicate of %s: the cancelled batch left rows", i, r.ID)
		}
	}
	if res[len(res)-1].NearDuplicateOf != res[len(res)-2].ID {
		t.Errorf("rerun: near duplicate %+v, want linked to %s", res[len(res)-1], res[len(res)-2].ID)
	}
	res = mustAdd(t, s, batch...)
	for i, r := range res {
		if !r.Duplicate {
			t.Fatalf("third run: article %d not a duplicate", i)
		}
	}
	if _, n, _ := s.Articles(ctx, crosscheck.ArticleFilter{}); n != len(first)+len(batch) {
		t.Fatalf("%d articles, want %d", n, len(first)+len(batch))
	}
	if hits, err := s.Search(ctx, "Generated", 0); err != nil || len(hits) != len(first)+100 {
		t.Fatalf("search finds %d (%v), want %d", len(hits), err, len(first)+100)
	}
}

// testConcurrentReaders reads while batches are written: readers never see
// part of a batch and never fail.
func testConcurrentReaders(t *testing.T, open Opener) {
	s := open(t)
	ctx := t.Context()
	const batches, size = 8, 25
	var wg sync.WaitGroup
	done := make(chan struct{})
	errs := make(chan error, 16)
	for r := range 4 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			last := 0
			for {
				select {
				case <-done:
					return
				default:
				}
				var n int
				var err error
				switch r % 2 {
				case 0:
					_, n, err = s.Articles(ctx, crosscheck.ArticleFilter{Limit: 5})
				default:
					var hits []crosscheck.SearchHit
					hits, err = s.Search(ctx, "Generated report", 0)
					n = len(hits)
				}
				if err != nil {
					errs <- fmt.Errorf("reader %d: %w", r, err)
					return
				}
				if n%size != 0 || n < last {
					errs <- fmt.Errorf("reader %d saw %d articles after %d: not whole batches", r, n, last)
					return
				}
				last = n
			}
		}()
	}
	for b := range batches {
		if _, err := s.AddArticles(ctx, Corpus(1000+b*size, size)); err != nil {
			t.Error(err)
			break
		}
	}
	close(done)
	wg.Wait()
	close(errs)
	for err := range errs {
		t.Error(err)
	}
}
