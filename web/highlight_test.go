package web

import (
	"html"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/sqlite"
)

func TestHighlight(t *testing.T) {
	for _, tc := range []struct {
		name  string
		text  string
		marks []mark
		want  string
	}{
		{"no marks", "a <b> & c", nil, "a &lt;b&gt; &amp; c"},
		{"one mark", "Witkoff left after 45 minutes.", []mark{{start: 19, end: 29, class: "hl-value"}},
			`Witkoff left after <mark class="hl-value">45 minutes</mark>.`},
		{"escaped inside a mark", `He said "<script>" ok`, []mark{{start: 8, end: 18, class: "hl-quote"}},
			`He said <mark class="hl-quote">&#34;&lt;script&gt;&#34;</mark> ok`},
		{"nested marks split", "abcdef", []mark{{start: 0, end: 6, class: "hl-claim-single"}, {start: 2, end: 4, class: "hl-value"}},
			`<mark class="hl-claim-single">ab</mark><mark class="hl-claim-single hl-value">cd</mark><mark class="hl-claim-single">ef</mark>`},
		{"overlapping marks", "abcdef", []mark{{start: 0, end: 4, class: "hl-quote"}, {start: 2, end: 6, class: "hl-attr"}},
			`<mark class="hl-quote">ab</mark><mark class="hl-attr hl-quote">cd</mark><mark class="hl-attr">ef</mark>`},
		{"ref becomes a link", "abc", []mark{{start: 0, end: 3, class: "hl-claim-corroborated", ref: "/stories/s-1#claim-c1"}},
			`<a class="mark-link" href="/stories/s-1#claim-c1"><mark class="hl-claim-corroborated">abc</mark></a>`},
		{"out of range dropped", "abc", []mark{{start: 1, end: 9, class: "hl-value"}, {start: -1, end: 2, class: "hl-value"}}, "abc"},
		{"empty and reversed dropped", "abc", []mark{{start: 2, end: 2, class: "hl-value"}, {start: 2, end: 1, class: "hl-value"}}, "abc"},
		{"cut rune dropped", "é<", []mark{{start: 1, end: 3, class: "hl-value"}}, "é&lt;"},
		{"whole runes kept", "é<", []mark{{start: 0, end: 2, class: "hl-value"}}, `<mark class="hl-value">é</mark>&lt;`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := string(highlight(tc.text, tc.marks)); got != tc.want {
				t.Errorf("highlight(%q) =\n%s\nwant\n%s", tc.text, got, tc.want)
			}
		})
	}
}

func TestLocate(t *testing.T) {
	text := "First one. Second one here. Third."
	for _, tc := range []struct {
		name       string
		c          crosscheck.Citation
		start, end int
		ok         bool
	}{
		{"span holds the sentence", crosscheck.Citation{Sentence: "Second one here.", Span: crosscheck.Span{Start: 11, End: 27}}, 11, 27, true},
		{"stale span, found by text", crosscheck.Citation{Sentence: "Third.", Span: crosscheck.Span{Start: 0, End: 6}}, 28, 34, true},
		{"span past the end, found by text", crosscheck.Citation{Sentence: "First one.", Span: crosscheck.Span{Start: 30, End: 90}}, 0, 10, true},
		{"not in the text", crosscheck.Citation{Sentence: "Fourth.", Span: crosscheck.Span{Start: 50, End: 57}}, 0, 0, false},
		{"span only", crosscheck.Citation{Span: crosscheck.Span{Start: 0, End: 5}}, 0, 5, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			s, e, ok := locate(text, tc.c)
			if s != tc.start || e != tc.end || ok != tc.ok {
				t.Errorf("locate = %d, %d, %v; want %d, %d, %v", s, e, ok, tc.start, tc.end, tc.ok)
			}
		})
	}
}

func TestHTTPURL(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"https://example.com/a?b=c", "https://example.com/a?b=c"},
		{"http://example.com", "http://example.com"},
		{"  https://example.com/x  ", "https://example.com/x"},
		{"javascript:alert(1)", ""},
		{"JAVASCRIPT:alert(1)", ""},
		{"data:text/html,<script>alert(1)</script>", ""},
		{"//example.com/x", ""},
		{"/local/path.txt", ""},
		{"file:///etc/passwd", ""},
		{"vbscript:msgbox", ""},
		{"", ""},
	} {
		if got := httpURL(tc.in); got != tc.want {
			t.Errorf("httpURL(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

var markTag = regexp.MustCompile(`<a class="mark-link" href="/stories/s-1#claim-1">|</a>|<mark class="[a-z -]+">|</mark>`)

// FuzzHighlight: whatever the text and marks, the output is the text,
// escaped, with only our mark tags added: removing them and unescaping
// gives the text back, and no other tag appears.
func FuzzHighlight(f *testing.F) {
	f.Add("plain text", 0, 5, 2, 4)
	f.Add(`<script>alert("x")</script>`, 0, 8, 8, 20)
	f.Add("<img src=x onerror=alert(1)>é", 3, 30, 1, 2)
	f.Add("\"'&<>", 0, 1, 1, 5)
	f.Fuzz(func(t *testing.T, text string, s1, e1, s2, e2 int) {
		if !utf8.ValidString(text) {
			return
		}
		out := string(highlight(text, []mark{
			{start: s1, end: e1, class: "hl-value"},
			{start: s2, end: e2, class: "hl-quote", ref: "/stories/s-1#claim-1"},
		}))
		bare := markTag.ReplaceAllString(out, "")
		if strings.ContainsAny(bare, "<>\"'") {
			t.Fatalf("unescaped markup left in %q", out)
		}
		// NUL is the one character escaping replaces (by U+FFFD).
		if got, want := html.UnescapeString(bare), strings.ReplaceAll(text, "\x00", "\uFFFD"); got != want {
			t.Fatalf("text changed: %q became %q", text, got)
		}
	})
}

func TestSnippetHTML(t *testing.T) {
	if snippetStart != sqlite.HighlightStart || snippetEnd != sqlite.HighlightEnd {
		t.Fatal("snippet markers differ from the store's")
	}
	for _, tc := range []struct{ in, want string }{
		{"the ⟦envoy⟧ left", `the <mark class="hl-search">envoy</mark> left`},
		{"⟦a⟧ <b> ⟦c⟧", `<mark class="hl-search">a</mark> &lt;b&gt; <mark class="hl-search">c</mark>`},
		{"unpaired ⟧ end ⟦ open", "unpaired  end  open"},
		{"<script>⟦x⟧", `&lt;script&gt;<mark class="hl-search">x</mark>`},
	} {
		if got := string(snippetHTML(tc.in)); got != tc.want {
			t.Errorf("snippetHTML(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}
