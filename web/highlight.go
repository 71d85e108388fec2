package web

import (
	"html/template"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// mark is a class to put on a byte range [start, end) of a text. Classes
// come from this package, never from article data.
type mark struct {
	start, end int
	class      string
	// ref is the address of what the mark refers to (a claim), also ours:
	// the mark becomes a link to it.
	ref string
}

// highlight returns text as HTML with the marked ranges wrapped in <mark>
// elements. Every piece of text is escaped on its own before it is joined,
// so nothing in text can become markup; marks that are out of range or cut
// a UTF-8 character are dropped. Overlapping marks split the text into
// segments that carry every class covering them.
func highlight(text string, marks []mark) template.HTML {
	valid := marks[:0:0]
	cuts := []int{0, len(text)}
	for _, m := range marks {
		if m.start < 0 || m.end > len(text) || m.start >= m.end ||
			!runeStart(text, m.start) || !runeStart(text, m.end) {
			continue
		}
		valid = append(valid, m)
		cuts = append(cuts, m.start, m.end)
	}
	slices.Sort(cuts)
	cuts = slices.Compact(cuts)

	var b strings.Builder
	b.Grow(len(text) + len(text)/4)
	open := "" // the ref whose link is open
	for i := 0; i+1 < len(cuts); i++ {
		lo, hi := cuts[i], cuts[i+1]
		var classes []string
		ref := ""
		for _, m := range valid {
			if m.start <= lo && hi <= m.end {
				if !slices.Contains(classes, m.class) {
					classes = append(classes, m.class)
				}
				if ref == "" {
					ref = m.ref
				}
			}
		}
		if ref != open {
			// A claim's sentence links to the claim, in one link however
			// many marks it holds: reachable by keyboard, without script.
			if open != "" {
				b.WriteString(`</a>`)
			}
			if ref != "" {
				b.WriteString(`<a class="mark-link" href="`)
				b.WriteString(template.HTMLEscapeString(ref))
				b.WriteString(`">`)
			}
			open = ref
		}
		seg := template.HTMLEscapeString(text[lo:hi])
		if len(classes) == 0 {
			b.WriteString(seg)
			continue
		}
		slices.Sort(classes)
		b.WriteString(`<mark class="`)
		b.WriteString(template.HTMLEscapeString(strings.Join(classes, " ")))
		b.WriteString(`">`)
		b.WriteString(seg)
		b.WriteString(`</mark>`)
	}
	if open != "" {
		b.WriteString(`</a>`)
	}
	return template.HTML(b.String())
}

func runeStart(s string, i int) bool {
	return i == len(s) || utf8.RuneStart(s[i])
}

// locate finds a citation's sentence in text: at its span when the span
// holds it, else at its first occurrence. ok is false when the sentence is
// not in text (the article changed, or the citation is for another one).
func locate(text string, c crosscheck.Citation) (start, end int, ok bool) {
	sp := c.Span
	if sp.Start >= 0 && sp.End <= len(text) && sp.Start < sp.End &&
		(c.Sentence == "" || text[sp.Start:sp.End] == c.Sentence) {
		return sp.Start, sp.End, true
	}
	if c.Sentence == "" {
		return 0, 0, false
	}
	i := strings.Index(text, c.Sentence)
	if i < 0 {
		return 0, 0, false
	}
	return i, i + len(c.Sentence), true
}

// within returns the range of the first occurrence of needle inside
// text[start:end], as offsets into text.
func within(text string, start, end int, needle string) (int, int, bool) {
	if needle == "" || start < 0 || end > len(text) || start >= end {
		return 0, 0, false
	}
	i := strings.Index(text[start:end], needle)
	if i < 0 {
		i = indexFold(text[start:end], needle)
	}
	if i < 0 {
		return 0, 0, false
	}
	return start + i, start + i + len(needle), true
}

// indexFold is a case-insensitive strings.Index for ASCII-cased needles;
// it returns -1 when the lengths would not line up.
func indexFold(s, sub string) int {
	ls, lsub := strings.ToLower(s), strings.ToLower(sub)
	if len(ls) != len(s) || len(lsub) != len(sub) {
		return -1
	}
	return strings.Index(ls, lsub)
}

// highlightIn returns sentence as HTML with needle marked (a conflict's
// value inside its sentence).
func highlightIn(sentence, needle, class string) template.HTML {
	var marks []mark
	if s, e, ok := within(sentence, 0, len(sentence), needle); ok {
		marks = append(marks, mark{start: s, end: e, class: class})
	}
	return highlight(sentence, marks)
}

// Search snippets from the store mark matched words between these runes
// (sqlite.HighlightStart and sqlite.HighlightEnd).
const (
	snippetStart = "\u27e6"
	snippetEnd   = "\u27e7"
)

// snippetHTML renders a search snippet with its matched words marked; the
// text is escaped like any other, unpaired markers are dropped.
func snippetHTML(s string) template.HTML {
	var b strings.Builder
	var marks []mark
	open := -1
	for len(s) > 0 {
		i := strings.IndexAny(s, snippetStart+snippetEnd)
		if i < 0 {
			b.WriteString(s)
			break
		}
		b.WriteString(s[:i])
		r := s[i : i+len(snippetStart)]
		s = s[i+len(snippetStart):]
		switch {
		case r == snippetStart:
			open = b.Len()
		case open >= 0:
			marks = append(marks, mark{start: open, end: b.Len(), class: "hl-search"})
			open = -1
		}
	}
	return highlight(b.String(), marks)
}
