package claim

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// abbreviations end with a period that does not end a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "sen": true, "rep": true,
	"gov": true, "gen": true, "lt": true, "col": true, "capt": true, "sgt": true, "no": true, "vs": true,
	"jan": true, "feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true,
	"sept": true, "oct": true, "nov": true, "dec": true, "inc": true, "corp": true, "ltd": true, "co": true,
	"jr": true, "sr": true, "mt": true, "ft": true, "approx": true, "est": true, "etc": false,
}

// SplitSentences splits text into sentences with paragraph indexes. Extract
// provides sentences for real articles; this is the fallback for articles
// that come without them. Any line break starts a new paragraph.
func SplitSentences(text string) []crosscheck.Sentence {
	var out []crosscheck.Sentence
	para := 0
	start := -1
	emit := func(end int) {
		if start < 0 {
			return
		}
		s := strings.TrimRightFunc(text[start:end], unicode.IsSpace)
		if s != "" {
			out = append(out, crosscheck.Sentence{Span: crosscheck.Span{Start: start, End: start + len(s)}, Para: para})
		}
		start = -1
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		if r == '\n' {
			emit(i)
			j := i
			for j < len(text) && (text[j] == '\n' || text[j] == '\r' || text[j] == ' ' || text[j] == '\t') {
				j++
			}
			if len(out) > 0 && out[len(out)-1].Para == para {
				para++
			}
			i = j
			continue
		}
		if start < 0 {
			if unicode.IsSpace(r) {
				i += n
				continue
			}
			start = i
		}
		if r == '.' || r == '!' || r == '?' {
			j := i + n
			// closing quotes and brackets belong to the sentence
			for j < len(text) {
				r2, n2 := utf8.DecodeRuneInString(text[j:])
				if r2 == '"' || r2 == '”' || r2 == '’' || r2 == '\'' || r2 == ')' || r2 == ']' || r2 == '.' || r2 == '!' || r2 == '?' {
					j += n2
					continue
				}
				break
			}
			if j >= len(text) {
				i = j
				continue
			}
			r2, _ := utf8.DecodeRuneInString(text[j:])
			if !unicode.IsSpace(r2) {
				i = j
				continue
			}
			k := j
			for k < len(text) && (text[k] == ' ' || text[k] == '\t') {
				k++
			}
			if k < len(text) {
				r3, _ := utf8.DecodeRuneInString(text[k:])
				if !(unicode.IsUpper(r3) || unicode.IsDigit(r3) || r3 == '“' || r3 == '"' || r3 == '‘' || r3 == '\'' || r3 == '(' || r3 == '\n' || r3 == '\r') {
					i = j
					continue
				}
			}
			if r == '.' && isAbbrevBefore(text, i) {
				i = j
				continue
			}
			// "5. 9": a decimal printed with a space after its point
			if r == '.' && j == i+n && i > 0 && text[i-1] >= '0' && text[i-1] <= '9' && k < len(text) && text[k] >= '0' && text[k] <= '9' {
				i = j
				continue
			}
			emit(j)
			i = j
			continue
		}
		i += n
	}
	emit(len(text))
	return out
}

// isAbbrevBefore reports whether the period at i ends an abbreviation or an
// initial ("U.S.", "Mr.", "J.").
func isAbbrevBefore(text string, i int) bool {
	j := i
	for j > 0 {
		r, n := utf8.DecodeLastRuneInString(text[:j])
		if !unicode.IsLetter(r) && r != '.' {
			break
		}
		j -= n
	}
	w := text[j:i]
	if w == "" {
		return false
	}
	if strings.Contains(w, ".") {
		return true // U.S, a.m
	}
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

// token is a word, number or punctuation mark of a sentence.
type token struct {
	text  string // as written
	low   string // lower case, curly apostrophes straightened, possessive stripped
	start int    // byte offset in the article text
	end   int
	kind  byte   // 'w' word, 'n' number, 'p' punctuation
	cap   bool   // starts with an upper-case letter
	poss  bool   // ends in 's
	pos   string // Penn Treebank part of speech (package lang)
}

// isNoun, isVerb, isAdj and isProper read the token's part of speech.
func (t token) isNoun() bool   { return strings.HasPrefix(t.pos, "NN") }
func (t token) isProper() bool { return t.pos == "NNP" || t.pos == "NNPS" }
func (t token) isVerb() bool   { return strings.HasPrefix(t.pos, "VB") || t.pos == "MD" }
func (t token) isAdj() bool    { return strings.HasPrefix(t.pos, "JJ") }

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) }

// tokenize splits text[start:end] into tokens with absolute offsets.
func tokenize(text string, start, end int, buf []token) []token {
	toks := buf[:0]
	i := start
	for i < end {
		r, n := utf8.DecodeRuneInString(text[i:end])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		if !isWordRune(r) && r != '$' && r != '€' && r != '£' {
			toks = append(toks, token{text: text[i : i+n], low: text[i : i+n], start: i, end: i + n, kind: 'p'})
			i += n
			continue
		}
		j := i + n
		if r == '$' || r == '€' || r == '£' {
			toks = append(toks, token{text: text[i:j], low: text[i:j], start: i, end: j, kind: 'p'})
			i = j
			continue
		}
		digit := unicode.IsDigit(r)
		for j < end {
			r2, n2 := utf8.DecodeRuneInString(text[j:end])
			if isWordRune(r2) {
				j += n2
				continue
			}
			// internal joiners: apostrophes, hyphens, periods in U.S., 1,000 and 15:06
			if j+n2 < end {
				r3, _ := utf8.DecodeRuneInString(text[j+n2 : end])
				switch {
				case (r2 == '\'' || r2 == '’') && unicode.IsLetter(r3):
					j += n2
					continue
				case r2 == '-' && isWordRune(r3):
					j += n2
					continue
				case (r2 == ',' || r2 == '.' || r2 == ':') && digit && unicode.IsDigit(r3) && isDigits(text[i:j]):
					if r2 == ',' && !(j+n2+3 <= end && isDigits(text[j+n2:j+n2+3])) {
						break
					}
					j += n2
					continue
				case r2 == '.' && unicode.IsLetter(r3) && !digit && lastSegLen(text[i:j]) == 1:
					j += n2
					continue
				}
			}
			if r2 == '.' && strings.Contains(text[i:j], ".") && !digit {
				j += n2 // the final period of U.S.
			}
			break
		}
		w := text[i:j]
		t := token{text: w, start: i, end: j, kind: 'w'}
		if digit {
			t.kind = 'n'
		}
		t.cap = unicode.IsUpper(r)
		low := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		if strings.HasSuffix(low, "'s") {
			low = low[:len(low)-2]
			t.poss = true
		} else if strings.HasSuffix(low, "s'") {
			low = low[:len(low)-1]
			t.poss = true
		}
		t.low = low
		toks = append(toks, t)
		i = j
	}
	return toks
}

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < '0' || c > '9') && c != ',' && c != '.' && c != ':' {
			return false
		}
	}
	return s != ""
}

func lastSegLen(s string) int {
	k := strings.LastIndexByte(s, '.')
	return utf8.RuneCountInString(s[k+1:])
}

// name returns the token text without a possessive ending.
func (t token) name() string {
	w := t.text
	if t.poss {
		if strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") {
			_, n := utf8.DecodeLastRuneInString(w[:len(w)-1])
			return w[:len(w)-1-n]
		}
		return w[:len(w)-len("'")]
	}
	return w
}

// fold lower-cases s and strips diacritics from Latin letters.
func fold(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for _, r := range strings.ToLower(s) {
		if r < 128 {
			b.WriteRune(r)
			continue
		}
		if m, ok := latinFold[r]; ok {
			b.WriteString(m)
			continue
		}
		if r == '’' {
			b.WriteByte('\'')
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

var latinFold = map[rune]string{
	'à': "a", 'á': "a", 'â': "a", 'ã': "a", 'ä': "a", 'å': "a", 'ā': "a", 'ą': "a", 'ă': "a",
	'ç': "c", 'ć': "c", 'č': "c", 'ď': "d", 'đ': "d",
	'è': "e", 'é': "e", 'ê': "e", 'ë': "e", 'ē': "e", 'ę': "e", 'ě': "e",
	'ì': "i", 'í': "i", 'î': "i", 'ï': "i", 'ī': "i", 'ı': "i",
	'ł': "l", 'ñ': "n", 'ń': "n", 'ň': "n",
	'ò': "o", 'ó': "o", 'ô': "o", 'õ': "o", 'ö': "o", 'ø': "o", 'ō': "o", 'ő': "o",
	'ř': "r", 'ś': "s", 'š': "s", 'ş': "s", 'ș': "s", 'ß': "ss", 'ť': "t", 'ţ': "t", 'ț': "t",
	'ù': "u", 'ú': "u", 'û': "u", 'ü': "u", 'ū': "u", 'ů': "u", 'ű': "u",
	'ý': "y", 'ÿ': "y", 'ź': "z", 'ż': "z", 'ž': "z",
}
