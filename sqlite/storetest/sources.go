package storetest

import (
	"context"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// testSources: the watched sources, the watcher's record of its checks
// and of the items seen, and the user's status winning over a check.
func testSources(t *testing.T, open Opener) {
	db := open(t)
	ctx := context.Background()
	a := &crosscheck.Source{URL: " https://a.example/feed ", Name: "A", Category: "World", Interval: 10 * time.Minute}
	if err := db.AddSource(ctx, a); err != nil {
		t.Fatal(err)
	}
	if a.ID == 0 || a.Status != crosscheck.SourceActive || a.URL != "https://a.example/feed" {
		t.Fatalf("added %+v", a)
	}
	for _, bad := range []*crosscheck.Source{
		{URL: "https://a.example/feed"},
		{URL: "ftp://a.example/feed"},
		{URL: "https://b.example/", Interval: time.Millisecond},
	} {
		if err := db.AddSource(ctx, bad); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
			t.Errorf("AddSource(%s, %s): err=%v, want EINVALID", bad.URL, bad.Interval, err)
		}
	}
	b := &crosscheck.Source{URL: "https://b.example/rss"}
	if err := db.AddSource(ctx, b); err != nil {
		t.Fatal(err)
	}
	rev1, err := db.SourcesRevision(ctx)
	if err != nil {
		t.Fatal(err)
	}

	// The watcher records a check: protocol state, times, items seen.
	now := time.Now().UTC().Truncate(time.Microsecond)
	a.LastCheck, a.NextCheck, a.LastNew, a.Items, a.Cadence = now, now.Add(time.Hour), now, 3, 10*time.Minute
	a.HTTP = crosscheck.SourceHTTP{ETag: `"x"`, LastModified: "Mon, 01 Sep 2025 08:00:00 GMT", Hub: "https://hub.example/", Secret: "s", LeaseExpires: now.Add(24 * time.Hour)}
	if err := db.SaveSourceCheck(ctx, a, []string{"g:1", "g:2", "l:https://a.example/3"}); err != nil {
		t.Fatal(err)
	}
	got, err := db.Source(ctx, a.ID)
	if err != nil {
		t.Fatal(err)
	}
	if got.HTTP != a.HTTP || !got.NextCheck.Equal(a.NextCheck) || got.Items != 3 || got.Cadence != 10*time.Minute || got.Category != "World" {
		t.Errorf("stored %+v\nwant %+v", got, a)
	}
	if rev2, _ := db.SourcesRevision(ctx); rev2 != rev1 {
		t.Errorf("a check changed the revision (%s -> %s): running watchers would reload for nothing", rev1, rev2)
	}
	seen, err := db.SeenItems(ctx, a.ID, []string{"g:1", "g:9", "l:https://a.example/3"})
	if err != nil {
		t.Fatal(err)
	}
	if !seen["g:1"] || seen["g:9"] || !seen["l:https://a.example/3"] || len(seen) != 2 {
		t.Errorf("seen %v", seen)
	}
	if seen, _ := db.SeenItems(ctx, b.ID, []string{"g:1"}); len(seen) != 0 {
		t.Errorf("items of one source seen for another: %v", seen)
	}

	// A pause by the user wins over the status of a check in flight.
	if err := db.SetSourceStatus(ctx, a.ID, crosscheck.SourcePaused); err != nil {
		t.Fatal(err)
	}
	if rev3, _ := db.SourcesRevision(ctx); rev3 == rev1 {
		t.Error("pausing did not change the revision")
	}
	a.Status = crosscheck.SourceActive
	if err := db.SaveSourceCheck(ctx, a, nil); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Source(ctx, a.ID); got.Status != crosscheck.SourcePaused {
		t.Errorf("status %s after a check saved over a pause, want paused", got.Status)
	}
	paused := crosscheck.SourcePaused
	if list, _ := db.Sources(ctx, crosscheck.SourceFilter{Status: &paused}); len(list) != 1 || list[0].ID != a.ID {
		t.Errorf("paused sources %v", list)
	}
	// Resuming clears failures and makes it due.
	a.Failures = 4
	a.Status = crosscheck.SourceFailing
	if err := db.SetSourceStatus(ctx, a.ID, crosscheck.SourceActive); err != nil {
		t.Fatal(err)
	}
	if got, _ := db.Source(ctx, a.ID); got.Status != crosscheck.SourceActive || got.Failures != 0 || !got.NextCheck.IsZero() {
		t.Errorf("after resume %+v", got)
	}

	// Moving onto another source's URL is refused.
	b.URL = "https://a.example/feed"
	if err := db.SaveSourceCheck(ctx, b, nil); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
		t.Errorf("move onto a watched URL: err=%v, want EINVALID", err)
	}

	// Removing forgets the items seen; a second remove is ENOTFOUND.
	if err := db.RemoveSource(ctx, a.ID); err != nil {
		t.Fatal(err)
	}
	if err := db.RemoveSource(ctx, a.ID); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Errorf("second remove: %v", err)
	}
	if _, err := db.Source(ctx, a.ID); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Errorf("removed source: %v", err)
	}
	if seen, _ := db.SeenItems(ctx, a.ID, []string{"g:1"}); len(seen) != 0 {
		t.Errorf("items of a removed source remain: %v", seen)
	}
	// A check saved for a removed source changes nothing and does not fail.
	if err := db.SaveSourceCheck(ctx, a, []string{"g:5"}); err != nil {
		t.Errorf("check of a removed source: %v", err)
	}
	if list, _ := db.Sources(ctx, crosscheck.SourceFilter{}); len(list) != 1 {
		t.Errorf("%d sources, want 1", len(list))
	}
}

func testChangedStories(t *testing.T, open Opener) {
	db := open(t)
	ctx := context.Background()
	t0 := time.Date(2025, 9, 1, 8, 0, 0, 0, time.UTC)
	for i, id := range []string{"s1", "s2", "s3"} {
		if err := db.SaveStory(ctx, &crosscheck.Story{ID: id, Title: id, Articles: i + 1, Updated: t0.Add(time.Duration(i) * time.Minute)}); err != nil {
			t.Fatal(err)
		}
	}
	got, err := db.ChangedStories(ctx, t0, 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 || got[0].ID != "s2" || got[1].ID != "s3" || got[1].Articles != 3 {
		t.Errorf("changed after t0: %+v", got)
	}
	if got, _ := db.ChangedStories(ctx, t0.Add(-time.Second), 1); len(got) != 1 || got[0].ID != "s1" {
		t.Errorf("limit 1: %+v", got)
	}
}
