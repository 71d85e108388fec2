package pipeline_test

import (
	"context"
	"errors"
	"fmt"
	"iter"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// docs yields the given documents and errors in order.
func docs(items ...any) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		for _, it := range items {
			var ok bool
			switch v := it.(type) {
			case *crosscheck.Document:
				ok = yield(v, nil)
			case error:
				ok = yield(nil, v)
			}
			if !ok {
				return
			}
		}
	}
}

func textDoc(name, body string) *crosscheck.Document {
	return &crosscheck.Document{Source: name, Format: crosscheck.FormatText, Body: []byte(body)}
}

const (
	bridgeA = "Bridge closes for repairs\n\nThe Westgate bridge in Eastport closed on Monday for three weeks of repairs, the city said. Drivers were told to use the ring road while crews replace the deck.\n"
	bridgeB = "Westgate bridge shut for three weeks\n\nEastport's Westgate bridge was closed on Monday for repairs expected to last three weeks, city officials said. Traffic was sent to the ring road.\n"
	library = "Library to stay open later\n\nThe central library of Northfield will stay open until ten in the evening from April, the council said on Tuesday, after a survey of readers.\n"
)

func TestIngestOrderFailuresAndStories(t *testing.T) {
	p, db := newPipeline(t, t.TempDir())
	ctx := context.Background()
	var seen []string
	sum, err := p.Ingest(ctx, docs(
		textDoc("a.txt", bridgeA),
		&crosscheck.InputError{Input: "broken.jsonl:2", Err: errors.New("invalid JSON")},
		textDoc("empty.txt", "   \n"),
		textDoc("b.txt", bridgeB),
		textDoc("c.txt", library),
	), func(done int, name string, err error) {
		seen = append(seen, fmt.Sprintf("%d %s %v", done, name, err != nil))
	})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 3 || sum.Failed != 2 || sum.Duplicates != 0 {
		t.Fatalf("summary %+v, want 3 ingested and 2 failed", sum)
	}
	want := []string{"1 a.txt false", "2 broken.jsonl:2 true", "3 empty.txt true", "4 b.txt false", "5 c.txt false"}
	if fmt.Sprint(seen) != fmt.Sprint(want) {
		t.Errorf("progress %q, want %q (input order)", seen, want)
	}
	var ie *crosscheck.InputError
	if !errors.As(sum.Errors[1], &ie) || ie.Input != "empty.txt" {
		t.Errorf("extract failure %v should name its input", sum.Errors[1])
	}
	if got := len(sum.Stories); got != 2 {
		t.Errorf("%d stories, want 2 (the bridge, the library)", got)
	}
	a, err := db.Article(ctx, sum.Articles[0])
	if err != nil {
		t.Fatal(err)
	}
	b, err := db.Article(ctx, sum.Articles[1])
	if err != nil {
		t.Fatal(err)
	}
	if a.StoryID == "" || a.StoryID != b.StoryID {
		t.Errorf("the two bridge reports are in stories %q and %q, want one", a.StoryID, b.StoryID)
	}

	// Again: nothing new, every article a duplicate, stories unchanged.
	again, err := p.Ingest(ctx, docs(textDoc("a.txt", bridgeA), textDoc("b.txt", bridgeB)), nil)
	if err != nil {
		t.Fatal(err)
	}
	if again.Ingested != 0 || again.Duplicates != 2 {
		t.Errorf("re-ingest %+v, want 2 duplicates", again)
	}
	if _, total, _ := db.Stories(ctx, crosscheck.StoryFilter{}); total != 2 {
		t.Errorf("%d stories after re-ingest, want 2", total)
	}

	r, err := p.Report(ctx, []string{a.StoryID})
	if err != nil {
		t.Fatal(err)
	}
	if len(r.Stories) != 1 || len(r.Stories[0].Articles) != 2 {
		t.Errorf("report of the bridge story: %+v", r.Stories)
	}
}

// An article stored but never placed (the process stopped between the two
// transactions) is placed when it is ingested again.
func TestDuplicateWithoutStoryIsPlaced(t *testing.T) {
	p, db := newPipeline(t, t.TempDir())
	ctx := context.Background()
	doc := textDoc("a.txt", bridgeA)
	art, err := p.Extract(doc)
	if err != nil {
		t.Fatal(err)
	}
	res, err := db.AddArticles(ctx, []*crosscheck.Article{art})
	if err != nil {
		t.Fatal(err)
	}
	sum, err := p.Ingest(ctx, docs(doc), nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Duplicates != 1 || len(sum.Stories) != 1 {
		t.Fatalf("summary %+v, want one duplicate placed in one story", sum)
	}
	got, err := db.Article(ctx, res[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.StoryID != sum.Stories[0] {
		t.Errorf("article story %q, want %q", got.StoryID, sum.Stories[0])
	}
}

func TestRecluster(t *testing.T) {
	p, db := newPipeline(t, t.TempDir())
	ctx := context.Background()
	if _, err := p.Ingest(ctx, docs(textDoc("a.txt", bridgeA), textDoc("b.txt", bridgeB), textDoc("c.txt", library)), nil); err != nil {
		t.Fatal(err)
	}
	before, _, _ := db.Stories(ctx, crosscheck.StoryFilter{})
	fresh, _ := newPipeline(t, t.TempDir())
	n, err := p.Recluster(ctx, fresh.Clusterer, nil)
	if err != nil {
		t.Fatal(err)
	}
	if n != 3 {
		t.Errorf("placed %d, want 3", n)
	}
	after, _, _ := db.Stories(ctx, crosscheck.StoryFilter{})
	if len(after) != len(before) {
		t.Errorf("%d stories after recluster, %d before", len(after), len(before))
	}
	ids := map[string]bool{}
	for _, s := range before {
		ids[s.ID] = true
	}
	for _, s := range after {
		if !ids[s.ID] {
			t.Errorf("story %s is new after recluster: ids should be stable", s.ID)
		}
	}
}
