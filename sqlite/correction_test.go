package sqlite

import (
	"slices"
	"strings"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

// correctionStore holds two stories: s-a with articles a1, a2, a3 and s-b
// with b1, b2.
func correctionStore(t *testing.T) *DB {
	t.Helper()
	db := openTest(t)
	ctx := t.Context()
	mk := func(id, outlet, story string, day int) *crosscheck.Article {
		a := storetest.NewArticle(id+".txt", "Title "+id, outlet, storetest.Paragraphs(uint64(day*7), 2, 40))
		a.ID = id
		a.Published = time.Date(2025, 9, day, 10, 0, 0, 0, time.UTC)
		return a
	}
	arts := []*crosscheck.Article{mk("a1", "Alpha", "s-a", 1), mk("a2", "Beta", "s-a", 2), mk("a3", "Gamma", "s-a", 3),
		mk("b1", "Alpha", "s-b", 4), mk("b2", "Delta", "s-b", 5)}
	if _, err := db.AddArticles(ctx, arts); err != nil {
		t.Fatal(err)
	}
	for _, s := range []*crosscheck.Story{
		{ID: "s-a", Title: "Story A", Outlets: []string{"Alpha", "Beta", "Gamma"}, Articles: 3},
		{ID: "s-b", Title: "Story B", Outlets: []string{"Alpha", "Delta"}, Articles: 2},
	} {
		if err := db.SaveStory(ctx, s); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range arts {
		if err := db.SetArticleStory(ctx, a.ID, "s-"+a.ID[:1]); err != nil {
			t.Fatal(err)
		}
	}
	return db
}

func members(t *testing.T, db *DB, story string) []string {
	t.Helper()
	ids, err := membersOf(t.Context(), db.reader, story)
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(ids)
	return ids
}

func TestCorrectArticleAndUndo(t *testing.T) {
	db := correctionStore(t)
	ctx := t.Context()
	c := &crosscheck.Correction{Kind: crosscheck.CorrectArticle, Article: "a2", Note: "wrong outlet",
		Fields: []crosscheck.FieldChange{{Field: "outlet", After: "Pravda.Ru"}, {Field: "published", After: "2025-09-07"}}}
	if err := db.Correct(ctx, c); err != nil {
		t.Fatal(err)
	}
	if c.ID == 0 || c.Story != "s-a" || c.Fields[0].Before != "Beta" || c.Fields[1].Before != "2025-09-02T10:00:00Z" {
		t.Fatalf("recorded %+v", c)
	}
	a, _ := db.Article(ctx, "a2")
	if a.Outlet != "Pravda.Ru" || !a.PublishedDateOnly || a.Published.Day() != 7 {
		t.Fatalf("article after correction: %q %v %v", a.Outlet, a.Published, a.PublishedDateOnly)
	}
	s, _ := db.Story(ctx, "s-a")
	if !slices.Contains(s.Outlets, "Pravda.Ru") || slices.Contains(s.Outlets, "Beta") || s.Latest.Day() != 7 {
		t.Errorf("story after correction: outlets %v, latest %v", s.Outlets, s.Latest)
	}
	// The loose outlet filter's source knows the new name.
	outs, _ := db.Outlets(ctx)
	if !slices.ContainsFunc(outs, func(o crosscheck.OutletCount) bool { return o.Outlet == "Pravda.Ru" }) {
		t.Errorf("outlets %v lack the corrected one", outs)
	}
	// Nothing changes: refused.
	if err := db.Correct(ctx, &crosscheck.Correction{Kind: crosscheck.CorrectArticle, Article: "a2",
		Fields: []crosscheck.FieldChange{{Field: "outlet", After: "Pravda.Ru"}}}); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("no-op correction: %v, want EINVALID", err)
	}
	// A later correction of the same field blocks undoing the first.
	later := &crosscheck.Correction{Kind: crosscheck.CorrectArticle, Article: "a2", Fields: []crosscheck.FieldChange{{Field: "outlet", After: "Pravda"}}}
	if err := db.Correct(ctx, later); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Undo(ctx, c.ID); crosscheck.ErrorCode(err) != crosscheck.ECONFLICT {
		t.Fatalf("undo under a later correction: %v, want ECONFLICT", err)
	}
	for _, id := range []int64{later.ID, c.ID} {
		if _, err := db.Undo(ctx, id); err != nil {
			t.Fatalf("undo %d: %v", id, err)
		}
	}
	a, _ = db.Article(ctx, "a2")
	if a.Outlet != "Beta" || a.PublishedDateOnly || a.Published.Day() != 2 {
		t.Errorf("article after undo: %q %v", a.Outlet, a.Published)
	}
	if _, err := db.Undo(ctx, c.ID); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("second undo: %v, want EINVALID", err)
	}
	list, total, err := db.Corrections(ctx, crosscheck.CorrectionFilter{Article: ptr("a2")})
	if err != nil || total != 2 || list[0].ID != later.ID || list[1].Undone.IsZero() {
		t.Errorf("history of a2: %d %+v %v", total, list, err)
	}
}

func ptr(s string) *string { return &s }

func TestMoveMergeSplitSurviveRecluster(t *testing.T) {
	db := correctionStore(t)
	ctx := t.Context()
	move := &crosscheck.Correction{Kind: crosscheck.CorrectMove, Article: "a3", Target: "s-b"}
	if err := db.Correct(ctx, move); err != nil {
		t.Fatal(err)
	}
	if move.Story != "s-a" || move.Anchor != "b1" {
		t.Fatalf("move recorded as %+v", move)
	}
	split := &crosscheck.Correction{Kind: crosscheck.CorrectSplit, Story: "s-b", Articles: []string{"b2", "a3"}}
	if err := db.Correct(ctx, split); err != nil {
		t.Fatal(err)
	}
	if split.Target != "s-a3" || !slices.Equal(split.Articles, []string{"a3", "b2"}) {
		t.Fatalf("split recorded as %+v", split)
	}
	if got := members(t, db, "s-a3"); !slices.Equal(got, []string{"a3", "b2"}) {
		t.Fatalf("new story holds %v", got)
	}
	st, err := db.Story(ctx, "s-a3")
	if err != nil || st.Articles != 2 || st.Title != "Title b2" && st.Title != "Title a3" {
		t.Fatalf("new story %+v %v", st, err)
	}
	merge := &crosscheck.Correction{Kind: crosscheck.CorrectMerge, Story: "s-b", Target: "s-a"}
	if err := db.Correct(ctx, merge); err != nil {
		t.Fatal(err)
	}
	if _, err := db.Story(ctx, "s-b"); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Fatalf("merged story still there: %v", err)
	}
	if got := members(t, db, "s-a"); !slices.Equal(got, []string{"a1", "a2", "b1"}) {
		t.Fatalf("s-a after merge: %v", got)
	}

	// A re-cluster throws the stories away and the clusterer puts every
	// article back in its first story; the corrections come back on top.
	if err := db.DeleteStories(ctx); err != nil {
		t.Fatal(err)
	}
	for _, s := range []string{"s-a", "s-b"} {
		if err := db.SaveStory(ctx, &crosscheck.Story{ID: s, Articles: 9}); err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range []string{"a1", "a2", "a3", "b1", "b2"} {
		if err := db.SetArticleStory(ctx, id, "s-"+id[:1]); err != nil {
			t.Fatal(err)
		}
	}
	n, err := db.ReapplyCorrections(ctx)
	if err != nil || n != 3 {
		t.Fatalf("reapplied %d, %v; want 3", n, err)
	}
	for story, want := range map[string][]string{"s-a": {"a1", "a2", "b1"}, "s-a3": {"a3", "b2"}} {
		if got := members(t, db, story); !slices.Equal(got, want) {
			t.Errorf("after recluster %s holds %v, want %v", story, got, want)
		}
		if s, err := db.Story(ctx, story); err != nil || s.Articles != len(want) {
			t.Errorf("after recluster %s counts %+v %v", story, s, err)
		}
	}
	// A later save by the clusterer is derived from the members again.
	if err := db.SavePlacements(ctx, []*crosscheck.Story{{ID: "s-a", Articles: 1, Outlets: []string{"Alpha"}}}, nil, nil); err != nil {
		t.Fatal(err)
	}
	if s, _ := db.Story(ctx, "s-a"); s.Articles != 3 || len(s.Outlets) != 2 {
		t.Errorf("clusterer's save of a corrected story: %+v", s)
	}

	// Undo in reverse order restores the stories.
	if _, err := db.Undo(ctx, move.ID); crosscheck.ErrorCode(err) != crosscheck.ECONFLICT {
		t.Errorf("undo of the move under the split: %v, want ECONFLICT", err)
	}
	for _, c := range []*crosscheck.Correction{merge, split, move} {
		if _, err := db.Undo(ctx, c.ID); err != nil {
			t.Fatalf("undo %s: %v", c.Kind, err)
		}
	}
	for story, want := range map[string][]string{"s-a": {"a1", "a2", "a3"}, "s-b": {"b1", "b2"}} {
		if got := members(t, db, story); !slices.Equal(got, want) {
			t.Errorf("after undo %s holds %v, want %v", story, got, want)
		}
	}
	if _, err := db.Story(ctx, "s-a3"); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Errorf("the split's story outlived its undo: %v", err)
	}
}

func TestResolveID(t *testing.T) {
	db := correctionStore(t)
	ctx := t.Context()
	for _, tc := range []struct {
		kind, in, want, code string
	}{
		{"article", "a1", "a1", ""},
		{"article", "b", "", crosscheck.EINVALID},
		{"article", "a9", "", crosscheck.ENOTFOUND},
		{"story", "a", "s-a", ""},
		{"story", "s-b", "s-b", ""},
		{"story", "zz", "", crosscheck.ENOTFOUND},
	} {
		got, err := db.ResolveID(ctx, tc.kind, tc.in)
		if got != tc.want || crosscheck.ErrorCode(err) != tc.code {
			t.Errorf("ResolveID(%s, %q) = %q, %v; want %q, %s", tc.kind, tc.in, got, err, tc.want, tc.code)
		}
	}
	if _, err := db.ResolveID(ctx, "article", "a9"); err == nil || !contains(err.Error(), "did you mean") {
		t.Errorf("miss without a suggestion: %v", err)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
