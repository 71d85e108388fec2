package extract

import (
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// FuzzDateLine: a line read as a date gives a real time within the years
// news is written in, and the label is one of the known ones; parsing is
// deterministic. ResolveDate never panics and resolves only to non-zero
// times.
func FuzzDateLine(f *testing.F) {
	for _, s := range []string{
		"Published On 4 Sep 2025", "8:46 AM – Thursday, September 4, 2025", "Saturday, November 8, 2025",
		"2025-09-04", "Updated: 04.09.2025 10:15 CEST", "Posted May 3, 2013 8:10 am Updated May 4, 2013 9:00 am",
		"2 months ago", "yesterday", "4 septembre 2025", "31/02/2025", "99:99 PM 2025",
	} {
		f.Add(s)
	}
	base := time.Date(2025, 9, 4, 12, 0, 0, 0, time.UTC)
	f.Fuzz(func(t *testing.T, line string) {
		if !utf8.ValidString(line) {
			return // extract's input is decoded UTF-8
		}
		dl, ok := parseDateLine(line)
		if ok {
			if dl.t.IsZero() || dl.t.Year() < 1000 || dl.t.Year() > 9999 {
				t.Fatalf("parseDateLine(%q) = %v", line, dl.t)
			}
			switch dl.label {
			case "", "published", "updated":
			default:
				t.Fatalf("parseDateLine(%q) label %q", line, dl.label)
			}
			if dl2, ok2 := parseDateLine(line); !ok2 || !dl2.t.Equal(dl.t) {
				t.Fatalf("parseDateLine(%q) not deterministic", line)
			}
		}
		if len(line) > 40 {
			return // the date parser is slow on long input; ResolveDate caps it at 100
		}
		if d, ok := ResolveDate(line, base, "en"); ok && d.IsZero() {
			t.Fatalf("ResolveDate(%q) ok with the zero time", line)
		}
	})
}

// FuzzExtractTwice: extraction is deterministic, and the text of an
// extracted article, extracted again as text, keeps every sentence inside
// its text.
func FuzzExtractTwice(f *testing.F) {
	f.Add([]byte("Harbour Courier\n\nFerry hits reef\n\nThe ferry hit the reef at 5 a.m. on Monday, the coastguard said.\n\nAll 214 people were safe."))
	f.Add([]byte("<html><body><article><h1>T</h1><p>One sentence here. Another “quoted” one.</p></article></body></html>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		if !utf8.Valid(body) {
			return
		}
		format := crosscheck.FormatText
		if looksHTML(body) {
			format = crosscheck.FormatHTML
		}
		a, err := Extract(&crosscheck.Document{Source: "f", Format: format, Body: body}, Options{})
		if err != nil {
			return
		}
		b, err := Extract(&crosscheck.Document{Source: "f", Format: format, Body: body}, Options{})
		if err != nil || a.Text != b.Text || a.Title != b.Title || a.ContentHash != b.ContentHash || len(a.Sentences) != len(b.Sentences) {
			t.Fatalf("extracting twice differs: %v", err)
		}
		c, err := Extract(&crosscheck.Document{Source: "f", Format: crosscheck.FormatText, Body: []byte(a.Text)}, Options{})
		if err != nil {
			return
		}
		checkArticle(t, c)
	})
}
