package story

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
	"github.com/kljensen/snowball/english"
)

// token is one word or number of an article, with what the features and
// the date resolver need to know about it.
type token struct {
	start, end int    // byte offsets into the text it came from
	lower      string // lowercased, possessive 's removed
	sent       int    // index of its sentence; -1 for the title
	first      bool   // first token of its sentence or line
	upper      bool   // starts with an upper-case letter
	digit      bool   // contains a digit
	class      wordClass
}

// wordClass says which word lists hold a token's lower form, found with
// one lookup when the token is made: the lists are read for every token
// again and again.
type wordClass uint8

const (
	clStop wordClass = 1 << iota
	clStamp
	clRole
	clSequence
	clScale
	clMonth
	clWeekday
)

// lexicon is the class of every word of the lists.
var lexicon = func() map[string]wordClass {
	m := map[string]wordClass{}
	for _, l := range []struct {
		words map[string]bool
		c     wordClass
	}{{stopWords, clStop}, {stampWords, clStamp}, {roleWords, clRole}, {sequenceWords, clSequence}, {scaleWords, clScale}} {
		for w := range l.words {
			m[w] |= l.c
		}
	}
	for w := range monthIndex {
		m[w] |= clMonth
	}
	for w := range weekdayIndex {
		m[w] |= clWeekday
	}
	return m
}()

// tokenize splits text into tokens. sent is the sentence index given to
// every token; first marks the first token.
func tokenize(text string, sent int, dst []token) []token {
	first := true
	i := 0
	for i < len(text) {
		r, n := utf8.DecodeRuneInString(text[i:])
		if !isWordRune(r) {
			if r == '\n' {
				first = true
			}
			i += n
			continue
		}
		start := i
		upper := unicode.IsUpper(r)
		digit := unicode.IsDigit(r)
		i += n
		for i < len(text) {
			r, n := utf8.DecodeRuneInString(text[i:])
			if isWordRune(r) {
				if unicode.IsDigit(r) {
					digit = true
				}
				i += n
				continue
			}
			// Keep 6.1, 1,000 and don't, Russia's together.
			if (r == '.' || r == ',' || r == '\'' || r == '’') && i+n < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[i+n:])
				prev, _ := utf8.DecodeLastRuneInString(text[start:i])
				if (r == '.' || r == ',') && unicode.IsDigit(prev) && unicode.IsDigit(r2) {
					i += n + n2
					continue
				}
				if (r == '\'' || r == '’') && unicode.IsLetter(prev) && unicode.IsLetter(r2) {
					i += n + n2
					continue
				}
			}
			break
		}
		w := text[start:i]
		lower := strings.ToLower(w)
		lower = strings.TrimSuffix(strings.TrimSuffix(lower, "'s"), "’s")
		dst = append(dst, token{start: start, end: i, lower: lower, sent: sent, first: first, upper: upper, digit: digit, class: lexicon[lower]})
		first = false
	}
	return dst
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

// splitSentences splits text into sentence spans when extract gave none:
// at line breaks and after . ! ? followed by a space and a capital.
func splitSentences(text string) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	para := 0
	start := 0
	emit := func(end int) {
		s, e := start, end
		for s < e && (text[s] == ' ' || text[s] == '\t' || text[s] == '\n' || text[s] == '\r') {
			s++
		}
		for e > s && (text[e-1] == ' ' || text[e-1] == '\t' || text[e-1] == '\n' || text[e-1] == '\r') {
			e--
		}
		if e > s {
			out = append(out, crosscheck.Sentence{Span: crosscheck.Span{Start: s, End: e}, Para: para})
		}
		start = end
	}
	for i := 0; i < len(text); i++ {
		c := text[i]
		switch {
		case c == '\n':
			emit(i)
			if i+1 < len(text) && text[i+1] == '\n' {
				para++
			}
		case (c == '.' || c == '!' || c == '?') && i+2 < len(text) && text[i+1] == ' ':
			r, _ := utf8.DecodeRuneInString(text[i+2:])
			if !unicode.IsUpper(r) && r != '"' && r != '“' {
				continue
			}
			if c == '.' && isAbbrev(text[start:i]) {
				continue
			}
			emit(i + 1)
		}
	}
	emit(len(text))
	return out
}

// isAbbrev reports whether s ends with a word that a period does not end a
// sentence after: a single letter (U.S.) or a title.
func isAbbrev(s string) bool {
	j := len(s)
	for j > 0 && s[j-1] != ' ' && s[j-1] != '\n' {
		j--
	}
	w := strings.ToLower(strings.TrimLeft(s[j:], "(\"“"))
	if len(w) <= 1 || (len(w) >= 2 && w[len(w)-2] == '.') {
		return true
	}
	switch w {
	case "mr", "mrs", "ms", "dr", "st", "gen", "sen", "rep", "gov", "lt", "col", "sgt", "capt", "prof", "jr", "sr", "no", "vs", "inc", "corp", "co", "ltd",
		"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec":
		return true
	}
	return false
}

// articleTokens returns the tokens of the title (sent -1) and of the
// sentences of the text, and the number of sentences.
func articleTokens(a *crosscheck.Article, dst []token) ([]token, []crosscheck.Sentence) {
	if a.Title != "" {
		dst = tokenize(a.Title, -1, dst)
	}
	sents := a.Sentences
	if len(sents) == 0 {
		sents = splitSentences(a.Text)
	}
	for i, s := range sents {
		if s.Start < 0 || s.End > len(a.Text) || s.Start >= s.End {
			continue
		}
		n := len(dst)
		dst = tokenize(a.Text[s.Start:s.End], i, dst)
		for k := n; k < len(dst); k++ {
			dst[k].start += s.Start
			dst[k].end += s.Start
		}
	}
	return dst, sents
}

// stopWords are function words and words of news reporting that say
// nothing about which event an article reports.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
a about above after again against all am an and any are as at be because been before being below
between both but by can did do does doing don down during each few for from further had has have
having he her here hers herself him himself his how i if in into is it its itself just me more most
my myself no nor not now of off on once only or other our ours ourselves out over own s same she
should so some such t than that the their theirs them themselves then there these they this those
through to too under until up very was we were what when where which while who whom why will with
you your yours yourself yourselves said says say saying told tell tells also would could may might
must shall one ago according mr mrs ms dr however since yet still even many much another every
around via per get got us amp news reported report reports just like well including told`) {
		m[w] = true
	}
	for _, w := range monthNames {
		m[w] = true
	}
	for w := range monthIndex {
		m[w] = true
	}
	for w := range weekdayIndex {
		m[w] = true
	}
	for _, w := range []string{"yesterday", "today", "tomorrow", "tonight", "week", "month", "year", "day", "days", "weeks", "months", "years"} {
		m[w] = true
	}
	return m
}()

// stemmer stems English words, caching results: stemming is the costliest
// step of placing an article and news vocabulary repeats.
type stemmer struct {
	cache map[string]string
}

const stemCacheMax = 1 << 18

func (s *stemmer) stem(w string) string {
	if st, ok := s.cache[w]; ok {
		return st
	}
	st := w
	if !strings.ContainsFunc(w, unicode.IsDigit) {
		st = english.Stem(w, true)
	}
	if len(s.cache) >= stemCacheMax {
		clear(s.cache) // bounded memory; refills with current vocabulary
	}
	// Own the key: w points into an article's text.
	k := strings.Clone(w)
	if st == w {
		st = k
	}
	s.cache[k] = st
	return st
}
