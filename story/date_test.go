package story

import (
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

func TestEventDate(t *testing.T) {
	fri := time.Date(2025, 9, 5, 10, 0, 0, 0, time.UTC) // a Friday
	for _, tc := range []struct {
		name      string
		published time.Time
		text      string
		want      string // "" when unknown
	}{
		{"weekday before publication", fri, "Leaders met in Paris on Thursday to discuss the plan.", "2025-09-04"},
		{"same weekday is the day itself", fri, "The strike began on Friday morning across the country.", "2025-09-05"},
		{"last weekday", fri, "Officials said last Friday that the bridge would close.", "2025-08-29"},
		{"yesterday", fri, "The minister resigned yesterday after weeks of pressure.", "2025-09-04"},
		{"stated date beats weekday", fri, "On September 2, the council voted to close the plant, officials said on Thursday.", "2025-09-02"},
		{"full date without publication", time.Time{}, "The summit opened on 12 March 2024 in Vienna with forty leaders present.", "2024-03-12"},
		{"day before month", fri, "Flooding hit the valley on 3 September after days of rain.", "2025-09-03"},
		{"ISO date", time.Time{}, "Report filed 2023-11-07. The vote was held that day in the capital.", "2023-11-07"},
		{"upcoming date is not the event", fri, "The talks will resume on September 20, diplomats said on Thursday.", "2025-09-04"},
		{"nothing stated: publication day", fri, "The company reported record profits and raised its forecast.", "2025-09-05"},
		{"nothing at all", time.Time{}, "The company reported record profits and raised its forecast.", ""},
		{"weekday without a reference", time.Time{}, "Leaders met in Paris on Thursday to discuss the plan.", ""},
		{"yearless date resolves to the year before publication", time.Date(2026, 1, 3, 0, 0, 0, 0, time.UTC), "The fire started on December 30 in the old town.", "2025-12-30"},
		{"may the verb is no month", fri, "The minister may 3 times refuse, critics said on Thursday.", "2025-09-04"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &crosscheck.Article{Text: tc.text, Meta: crosscheck.Meta{Published: tc.published}}
			d, ok := EventDate(a)
			got := ""
			if ok {
				got = d.Format(time.DateOnly)
			}
			if got != tc.want {
				t.Errorf("EventDate = %q, want %q", got, tc.want)
			}
		})
	}
}

// The days a weekday name resolves to fit a story some weeks earlier,
// not one some weeks later, and a stated date fits only its own days.
func TestSpanFactor(t *testing.T) {
	c := NewClusterer(Options{})
	d := func(s string) day {
		x, _ := time.Parse(time.DateOnly, s)
		return dayOf(x)
	}
	for _, tc := range []struct {
		name    string
		at      string
		weekday bool
		from    string
		to      string
		want    float64
	}{
		{"same day", "2025-09-04", false, "2025-09-04", "2025-09-04", 1},
		{"two days later", "2025-09-06", false, "2025-09-04", "2025-09-04", 1},
		{"a month later", "2025-10-04", false, "2025-09-04", "2025-09-04", 0},
		{"weekday nine weeks later", "2025-11-06", true, "2025-09-04", "2025-09-04", weekAlign},
		{"stated date nine weeks later", "2025-11-06", false, "2025-09-04", "2025-09-04", 0},
		{"weekday off by three days", "2025-11-09", true, "2025-09-04", "2025-09-04", 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := c.spanFactor(d(tc.at), tc.weekday, d(tc.from), d(tc.to)); got != tc.want {
				t.Errorf("spanFactor = %v, want %v", got, tc.want)
			}
		})
	}
}

// Sentences that are only Unicode spaces (no-break, em space) trim to
// nothing: found by FuzzEventDate, they once panicked headerSentences.
func TestEventDateBlankSentences(t *testing.T) {
	fri := time.Date(2025, 9, 5, 10, 0, 0, 0, time.UTC)
	for _, tc := range []struct {
		name string
		text string
		want string
	}{
		{"only a no-break space", "\u00a0", "2025-09-05"},
		{"only an em space", "\u2003", "2025-09-05"},
		{"blank line before the body", "\u00a0\nLeaders met in Paris on Thursday to discuss the plan.", "2025-09-04"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			a := &crosscheck.Article{Text: tc.text, Meta: crosscheck.Meta{Published: fri}}
			d, ok := EventDate(a)
			if !ok {
				t.Fatalf("EventDate found no day, want %s", tc.want)
			}
			if got := d.Format(time.DateOnly); got != tc.want {
				t.Errorf("EventDate = %s, want %s", got, tc.want)
			}
		})
	}
}
