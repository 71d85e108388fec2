package claim

import (
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// FuzzSplitSentences: sentences are ordered, do not overlap, lie inside
// the text on rune boundaries, are trimmed and non-empty, their paragraph
// numbers never decrease, and splitting is deterministic.
func FuzzSplitSentences(f *testing.F) {
	f.Add("The mayor spoke. “We will rebuild,” she said.\nU.S. envoy Dr. J. Smith left at 5 p.m. on Sept. 4.")
	f.Add("  \n\n Trailing spaces.   \n")
	f.Add("No end mark")
	f.Add("...!?\u00a0\u2028x.")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // article text is decoded UTF-8
		}
		ss := SplitSentences(text)
		prevEnd, prevPara := 0, 0
		for i, s := range ss {
			if s.Start < prevEnd || s.End <= s.Start || s.End > len(text) {
				t.Fatalf("sentence %d span %v out of order or range (prev end %d, len %d)", i, s.Span, prevEnd, len(text))
			}
			if !utf8.RuneStart(text[s.Start]) || s.End < len(text) && !utf8.RuneStart(text[s.End]) {
				t.Fatalf("sentence %d %v cuts a rune", i, s.Span)
			}
			if s.Para < prevPara {
				t.Fatalf("sentence %d paragraph %d after %d", i, s.Para, prevPara)
			}
			if body := text[s.Start:s.End]; strings.TrimFunc(body, unicode.IsSpace) != body {
				t.Fatalf("sentence %d %q not trimmed", i, body)
			}
			prevEnd, prevPara = s.End, s.Para
		}
		again := SplitSentences(text)
		if len(again) != len(ss) {
			t.Fatalf("not deterministic: %d then %d sentences", len(ss), len(again))
		}
	})
}

// FuzzQuotes: every quote is a verbatim, trimmed slice of the text between
// its marks, over no more paragraphs than a quotation closed only at its
// end may run (maxQuoteParas: '" It wasn't typical ...' / 'You got the
// feeling ...," Pigeon said'), and Extract's quotes keep their spans and
// speakers' mentions inside the text.
func FuzzQuotes(f *testing.F) {
	f.Add("“We will rebuild,” Mayor Ana Ruiz said. \"Straight quotes\" too.")
	f.Add("“Unclosed across\n\nparagraphs” and “nested “twice” marks”.")
	f.Add("\"\"\"\"“”“”")
	f.Add("He said “ , ” and left.")
	f.Fuzz(func(t *testing.T, text string) {
		if !utf8.ValidString(text) {
			return // article text is decoded UTF-8
		}
		for _, q := range findQuotes(text) {
			if !(0 <= q.open && q.open < q.close && q.close <= len(text) && q.open < q.start+1 && q.start <= q.end && q.end <= q.close) {
				t.Fatalf("quote span %+v out of order (len %d)", q, len(text))
			}
			if n := paragraphsIn(text[q.open:q.close]); n > maxQuoteParas+1 {
				t.Fatalf("quote %q runs over %d paragraphs", text[q.open:q.close], n)
			}
			inner := text[q.start:q.end]
			if strings.TrimFunc(inner, unicode.IsSpace) != inner {
				t.Fatalf("quote %q not trimmed", inner)
			}
		}
		a := &crosscheck.Article{ID: "q", Text: text, Sentences: SplitSentences(text)}
		a.Published = time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC)
		an := Extract(a, Options{})
		for _, q := range an.Quotes {
			if q.Span.Start < 0 || q.Span.End > len(text) || q.Span.Start > q.Span.End || text[q.Span.Start:q.Span.End] != q.Text {
				t.Fatalf("quote %q not at its span %v", q.Text, q.Span)
			}
			if q.First > q.Last || q.First < 0 || q.Last >= len(an.Sentences) {
				t.Fatalf("quote %q sentences %d..%d of %d", q.Text, q.First, q.Last, len(an.Sentences))
			}
			if q.SpeakerEntity >= len(an.Entities) {
				t.Fatalf("quote %q speaker entity %d of %d", q.Text, q.SpeakerEntity, len(an.Entities))
			}
		}
	})
}
