package postgres

import (
	"strings"
	"unicode"
	"unicode/utf8"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"golang.org/x/text/unicode/norm"
)

// snippetTerm is a lexeme a snippet marks: a whole stem, or a prefix.
type snippetTerm struct {
	lexeme string
	prefix bool
}

// queryTerms returns the lexemes of a query's terms, for snippets.
func queryTerms(query string) []snippetTerm {
	toks, err := storecore.ParseQuery(query)
	if err != nil {
		return nil
	}
	var out []snippetTerm
	for _, t := range toks {
		if t.Kind != storecore.TokTerm {
			continue
		}
		lex := queryLexemes(t.Text)
		for i, l := range lex {
			out = append(out, snippetTerm{lexeme: l, prefix: t.Prefix && i == len(lex)-1})
		}
	}
	return out
}

// snippet returns an excerpt of about snippetWords words of text around
// the most matches of terms, the matched words between
// crosscheck.HighlightStart and HighlightEnd, "…" where it is cut: what
// FTS5's snippet gives in the SQLite store. It reads the words as
// searchVector does, so it marks what the search matched; it costs a
// tenth of ts_headline.
func snippet(text string, terms []snippetTerm) string {
	type word struct {
		start, end int
		hit        int // index+1 of the term it matches; 0 for none
	}
	var words []word
	start := -1
	var buf []byte
	flush := func(end int) {
		if start < 0 {
			return
		}
		w := word{start: start, end: end}
		s := stem(string(buf))
		for i, t := range terms {
			if s == t.lexeme || t.prefix && strings.HasPrefix(s, t.lexeme) {
				w.hit = i + 1
				break
			}
		}
		words = append(words, w)
		start, buf = -1, buf[:0]
	}
	for i, r := range text {
		if storecore.IsWordRune(r) || unicode.Is(unicode.Mn, r) {
			if start < 0 {
				start = i
			}
			buf = appendFolded(buf, r)
			continue
		}
		flush(i)
	}
	flush(len(text))
	if len(words) == 0 {
		return ""
	}
	// The window of snippetWords words with the most distinct terms, then
	// the most matches; the earliest of equals.
	n := min(snippetWords, len(words))
	best, bestScore := 0, -1
	for i := range words {
		if words[i].hit == 0 && i > 0 {
			continue // a window worth having starts at a match, or at the start
		}
		lo := min(i, len(words)-n)
		seen := map[int]bool{}
		hits := 0
		for _, w := range words[lo : lo+n] {
			if w.hit > 0 {
				seen[w.hit] = true
				hits++
			}
		}
		if score := len(seen)*1000 + hits; score > bestScore {
			best, bestScore = lo, score
		}
	}
	// Start a few words before the first match, for context.
	if best > 0 && words[best].hit > 0 {
		best = max(0, best-3)
	}
	var b strings.Builder
	pos := words[best].start
	if best > 0 {
		b.WriteString("…")
	} else {
		pos = 0
	}
	for _, w := range words[best : best+n] {
		b.WriteString(text[pos:w.start])
		if w.hit > 0 {
			b.WriteString(crosscheck.HighlightStart + text[w.start:w.end] + crosscheck.HighlightEnd)
		} else {
			b.WriteString(text[w.start:w.end])
		}
		pos = w.end
	}
	if best+n < len(words) {
		b.WriteString("…")
	} else {
		b.WriteString(text[pos:])
	}
	return strings.Join(strings.Fields(b.String()), " ")
}

// appendFolded appends r as storecore.SearchWords folds it: lowercased,
// accents dropped.
func appendFolded(buf []byte, r rune) []byte {
	if r < utf8.RuneSelf {
		if 'A' <= r && r <= 'Z' {
			r += 'a' - 'A'
		}
		return append(buf, byte(r))
	}
	if unicode.Is(unicode.Mn, r) {
		return buf
	}
	for _, c := range norm.NFD.String(string(r)) {
		if !unicode.Is(unicode.Mn, c) {
			buf = utf8.AppendRune(buf, unicode.ToLower(c))
		}
	}
	return buf
}
