package story

import (
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// Memory stays bounded: stories untouched for longer than the window
// (in the stream's time) are evicted, however long the stream runs.
func TestEviction(t *testing.T) {
	const perDay = 100
	c := NewClusterer(Options{Window: 7 * 24 * time.Hour})
	s := newSynth(3, perDay)
	maxHeld := 0
	batch := make([]*crosscheck.Article, 0, 50)
	for i := 0; i < 60*perDay; i++ {
		batch = append(batch, s.next())
		if len(batch) == cap(batch) {
			c.PlaceBatch(batch)
			batch = batch[:0]
			maxHeld = max(maxHeld, len(c.stories))
		}
	}
	// Window plus a day of slack, at most one story per article.
	if limit := 9 * perDay; maxHeld > limit {
		t.Errorf("held up to %d stories, want at most %d", maxHeld, limit)
	}
	if len(c.placed) > 9*perDay {
		t.Errorf("%d placed articles remembered, want at most %d", len(c.placed), 9*perDay)
	}
	// An evicted story is gone from Story and Export.
	first := "s-a1"
	if c.Story(first) != nil {
		t.Errorf("story %s of day one still held after 60 days", first)
	}
}

// FuzzEventDate: any text gives no date or a plausible one, never a panic.
func FuzzEventDate(f *testing.F) {
	f.Add("On Thursday, September 4, 2025, leaders met.", int64(1757030400))
	f.Add("yesterday 31 February 2024 2024-13-45 May 99", int64(0))
	f.Add("Sept. 4th 1899 last Monday", int64(-1))
	f.Fuzz(func(t *testing.T, text string, pub int64) {
		a := &crosscheck.Article{Text: text}
		if pub > 0 && pub < 1<<33 {
			a.Published = time.Unix(pub, 0).UTC()
		}
		d, ok := EventDate(a)
		if !ok {
			return
		}
		if y := d.Year(); y < 1899 || y > 2201 {
			t.Fatalf("event date %v", d)
		}
		if d.Hour() != 0 || d.Minute() != 0 || d.Location() != time.UTC {
			t.Fatalf("event date %v is not UTC midnight", d)
		}
	})
}
