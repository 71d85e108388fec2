package storetest

import (
	"slices"
	"strings"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// correctionStore holds two stories: s-a with articles a1, a2, a3 and s-b
// with b1, b2.
func correctionStore(t *testing.T, open Opener) Store {
	t.Helper()
	s := open(t)
	ctx := t.Context()
	mk := func(id, outlet string, day int) *crosscheck.Article {
		a := NewArticle(id+".txt", "Title "+id, outlet, Paragraphs(uint64(day*7), 2, 40))
		a.ID = id
		a.Published = time.Date(2025, 9, day, 10, 0, 0, 0, time.UTC)
		return a
	}
	arts := []*crosscheck.Article{mk("a1", "Alpha", 1), mk("a2", "Beta", 2), mk("a3", "Gamma", 3),
		mk("b1", "Alpha", 4), mk("b2", "Delta", 5)}
	mustAdd(t, s, arts...)
	for _, st := range []*crosscheck.Story{
		{ID: "s-a", Title: "Story A", Outlets: []string{"Alpha", "Beta", "Gamma"}, Articles: 3},
		{ID: "s-b", Title: "Story B", Outlets: []string{"Alpha", "Delta"}, Articles: 2},
	} {
		if err := s.SaveStory(ctx, st); err != nil {
			t.Fatal(err)
		}
	}
	for _, a := range arts {
		if err := s.SetArticleStory(ctx, a.ID, "s-"+a.ID[:1]); err != nil {
			t.Fatal(err)
		}
	}
	return s
}

// checkTotal checks that the story list's total is the number of stories
// it lists.
func checkTotal(t *testing.T, s Store, want int) {
	t.Helper()
	ss, total, err := s.Stories(t.Context(), crosscheck.StoryFilter{})
	if err != nil || total != len(ss) || total != want {
		t.Errorf("story list: total %d for %d stories (%v), want %d", total, len(ss), err, want)
	}
}

// members returns the IDs of a story's articles, sorted.
func members(t *testing.T, s Store, story string) []string {
	t.Helper()
	as, _, err := s.Articles(t.Context(), crosscheck.ArticleFilter{StoryID: &story})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, a := range as {
		ids = append(ids, a.ID)
	}
	slices.Sort(ids)
	return ids
}

func testCorrectArticleAndUndo(t *testing.T, open Opener) {
	db := correctionStore(t, open)
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
	// A corrected title is searched.
	tc := &crosscheck.Correction{Kind: crosscheck.CorrectArticle, Article: "a1", Fields: []crosscheck.FieldChange{{Field: "title", After: "Zeppelin lands"}}}
	if err := db.Correct(ctx, tc); err != nil {
		t.Fatal(err)
	}
	if hits, err := db.Search(ctx, "title:zeppelin", 5); err != nil || len(hits) != 1 || hits[0].Article.ID != "a1" {
		t.Errorf("search for the corrected title: %d hits (%v)", len(hits), err)
	}
	if _, err := db.Undo(ctx, tc.ID); err != nil {
		t.Fatal(err)
	}
	if hits, err := db.Search(ctx, "zeppelin", 5); err != nil || len(hits) != 0 {
		t.Errorf("search for the undone title: %d hits (%v)", len(hits), err)
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
	a2 := "a2"
	list, total, err := db.Corrections(ctx, crosscheck.CorrectionFilter{Article: &a2})
	if err != nil || total != 2 || list[0].ID != later.ID || list[1].Undone.IsZero() {
		t.Errorf("history of a2: %d %+v %v", total, list, err)
	}
	if got, err := db.Correction(ctx, c.ID); err != nil || got.Kind != crosscheck.CorrectArticle || len(got.Fields) != 2 {
		t.Errorf("Correction(%d) = %+v, %v", c.ID, got, err)
	}
	if _, err := db.Correction(ctx, 999); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Errorf("unknown correction: %v, want ENOTFOUND", err)
	}
}

func testMoveMergeSplitSurviveRecluster(t *testing.T, open Opener) {
	db := correctionStore(t, open)
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
	checkTotal(t, db, 2)

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
	checkTotal(t, db, 2)
	n, err := db.ReapplyCorrections(ctx)
	if err != nil || n != 3 {
		t.Fatalf("reapplied %d, %v; want 3", n, err)
	}
	checkTotal(t, db, 2)
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
	checkTotal(t, db, 2)
}

func testResolveID(t *testing.T, open Opener) {
	db := correctionStore(t, open)
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
		{"article", "%", "", crosscheck.ENOTFOUND},
		{"article", "_1", "", crosscheck.ENOTFOUND},
	} {
		got, err := db.ResolveID(ctx, tc.kind, tc.in)
		if got != tc.want || crosscheck.ErrorCode(err) != tc.code {
			t.Errorf("ResolveID(%s, %q) = %q, %v; want %q, %s", tc.kind, tc.in, got, err, tc.want, tc.code)
		}
	}
	if _, err := db.ResolveID(ctx, "article", "a9"); err == nil || !strings.Contains(err.Error(), "did you mean") {
		t.Errorf("miss without a suggestion: %v", err)
	}
}

// testAnalysis: the counts an analysis found count for the version of the
// story analysed, and drive the conflict filter and order.
func testAnalysis(t *testing.T, open Opener) {
	db := correctionStore(t, open)
	ctx := t.Context()
	if n, err := db.Unanalysed(ctx); err != nil || n != 2 {
		t.Fatalf("unanalysed: %d (%v), want 2", n, err)
	}
	a, _ := db.Story(ctx, "s-a")
	b, _ := db.Story(ctx, "s-b")
	for _, c := range []crosscheck.StoryCounts{
		{Story: "s-a", Updated: a.Updated, Articles: a.Articles, Claims: 9, Conflicts: 0},
		{Story: "s-b", Updated: b.Updated, Articles: b.Articles, Claims: 4, Conflicts: 2},
	} {
		if err := db.SaveStoryCounts(ctx, c); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.StoryCounts(ctx, []string{"s-a", "s-b", "nope"})
	if err != nil || len(got) != 2 || got["s-b"].Conflicts != 2 || got["s-a"].Claims != 9 {
		t.Fatalf("counts %+v (%v)", got, err)
	}
	ids := func(f crosscheck.StoryFilter) []string {
		ss, _, err := db.Stories(ctx, f)
		if err != nil {
			t.Fatal(err)
		}
		var out []string
		for _, s := range ss {
			out = append(out, s.ID)
		}
		return out
	}
	if got := ids(crosscheck.StoryFilter{HasConflicts: true}); !slices.Equal(got, []string{"s-b"}) {
		t.Errorf("with conflicts: %v", got)
	}
	if got := ids(crosscheck.StoryFilter{Sort: crosscheck.SortConflicts}); !slices.Equal(got, []string{"s-b", "s-a"}) {
		t.Errorf("by conflicts: %v", got)
	}
	// A new version of s-b (another article) is not analysed yet.
	b.Articles++
	b.Updated = b.Updated.Add(time.Hour)
	if err := db.SaveStory(ctx, b); err != nil {
		t.Fatal(err)
	}
	if n, err := db.Unanalysed(ctx); err != nil || n != 1 {
		t.Errorf("unanalysed after an update: %d (%v), want 1", n, err)
	}
	if got := ids(crosscheck.StoryFilter{HasConflicts: true}); len(got) != 0 {
		t.Errorf("with conflicts after an update: %v", got)
	}
	outs, err := db.Outlets(ctx)
	if err != nil || len(outs) != 4 || outs[0] != (crosscheck.OutletCount{Outlet: "Alpha", Stories: 2}) {
		t.Errorf("outlets %+v (%v)", outs, err)
	}
}

// testSavePlacements: a batch's stories, states and placements are written
// whole or not at all.
func testSavePlacements(t *testing.T, open Opener) {
	db := open(t)
	ctx := t.Context()
	as := Corpus(0, 3)
	mustAdd(t, db, as...)
	stories := []*crosscheck.Story{{ID: "s1", Title: "One", Articles: 2, Outlets: []string{"North Wire"}}, {ID: "s2", Title: "Two", Articles: 1}}
	states := map[string][]byte{"s1": []byte("one"), "s2": []byte("two")}
	placements := []crosscheck.Placement{{Article: as[0].ID, Story: "s1"}, {Article: as[1].ID, Story: "s1"}, {Article: as[2].ID, Story: "s2"}}
	if err := db.SavePlacements(ctx, stories, states, placements); err != nil {
		t.Fatal(err)
	}
	if got := members(t, db, "s1"); len(got) != 2 {
		t.Fatalf("articles of s1: %v, want 2", got)
	}
	n := 0
	if err := db.StoryStates(ctx, time.Time{}, func(string, []byte) error { n++; return nil }); err != nil || n != 2 {
		t.Errorf("%d states (%v), want 2", n, err)
	}
	// Every field of a story comes back as the batch gave it; a story
	// given twice in one batch is saved as last given.
	day := time.Date(2025, 3, 4, 0, 0, 0, 0, time.UTC)
	full := &crosscheck.Story{ID: "s1", Title: "One, retitled: \"quoted\" ünïcode", EventDate: day,
		Places: []string{"Holmvik", "Marstad"}, Entities: []string{"Selje Star"}, Outlets: []string{"North Wire", "Radio Veska"},
		Articles: 2, Created: day.Add(90 * time.Minute), Updated: day.Add(26*time.Hour + 123456*time.Microsecond)}
	early := *full
	early.Title, early.Outlets = "superseded", []string{"Gone Gazette"}
	if err := db.SavePlacements(ctx, []*crosscheck.Story{&early, full}, map[string][]byte{"s1": []byte("one, later")}, nil); err != nil {
		t.Fatal(err)
	}
	got, err := db.Story(ctx, "s1")
	if err != nil {
		t.Fatal(err)
	}
	if got.Title != full.Title || !got.EventDate.Equal(full.EventDate) || !slices.Equal(got.Places, full.Places) ||
		!slices.Equal(got.Entities, full.Entities) || !slices.Equal(got.Outlets, full.Outlets) || got.Articles != 2 ||
		!got.Created.Equal(full.Created) || !got.Updated.Equal(full.Updated) {
		t.Errorf("story after SavePlacements:\n%+v\nwant\n%+v", got, full)
	}
	for outlet, want := range map[string]int{"radio veska": 1, "Gone Gazette": 0} {
		o := outlet
		if _, total, err := db.Stories(ctx, crosscheck.StoryFilter{Outlet: &o}); err != nil || total != want {
			t.Errorf("stories of outlet %q: %d (%v), want %d", outlet, total, err, want)
		}
	}
	state := ""
	if err := db.StoryStates(ctx, time.Time{}, func(id string, st []byte) error {
		if id == "s1" {
			state = string(st)
		}
		return nil
	}); err != nil || state != "one, later" {
		t.Errorf("state of s1 %q (%v), want the later one", state, err)
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
}
