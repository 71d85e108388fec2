package storecore

import (
	"strings"
	"unicode"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// The search query language, the same in every store. It is read
// leniently: words are matched as typed, stemmed ("protests" finds
// "protest"), in any order; punctuation inside a word does not matter
// ("U.S." finds "U.S." and "U S"); "double quotes" make a phrase; a
// trailing * a prefix (elect*); title: or text: before a word or phrase
// looks only there; AND, OR, NOT in capitals and parentheses work as
// operators (NOT binds tightest, then AND, then OR; NOT is "and not").
// Stray quotes and dangling operators are ignored.

// TokenKind is what a query token is.
type TokenKind int

// The kinds of query tokens.
const (
	TokTerm  TokenKind = iota // a word or phrase
	TokOp                     // AND, OR, NOT
	TokOpen                   // (
	TokClose                  // )
)

// Token is one token of a parsed query.
type Token struct {
	Kind TokenKind
	// Text is the term as typed (a phrase without its quotes), or the
	// operator or parenthesis.
	Text string
	// Prefix is a term's trailing *.
	Prefix bool
	// Column is a term's column filter: "title", "text" or "".
	Column string
}

// ParseQuery reads a user's query into tokens that always make sense when
// the user meant no operators: dangling operators and unbalanced
// parentheses are dropped and AND is written out between neighbouring
// terms and groups. What remains may still be nonsense such as "a ( ) b",
// which a store's engine rejects.
//
// Errors: EINVALID for a query without any word.
func ParseQuery(query string) ([]Token, error) {
	// Engines read expressions as C strings: a NUL ends them early.
	toks := lexQuery(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, query))
	depth, balanced := 0, true
	for _, t := range toks {
		switch t.Kind {
		case TokOpen:
			depth++
		case TokClose:
			depth--
			if depth < 0 {
				balanced = false
			}
		}
	}
	if depth != 0 {
		balanced = false
	}
	var out []Token
	for _, t := range toks {
		if !balanced && (t.Kind == TokOpen || t.Kind == TokClose) {
			continue
		}
		prev := TokOp // what precedes t; an operator at the start
		if len(out) > 0 {
			prev = out[len(out)-1].Kind
		}
		switch t.Kind {
		case TokOp:
			if prev == TokOp || prev == TokOpen {
				continue
			}
		case TokClose:
			if prev == TokOp {
				out = out[:len(out)-1]
			}
		case TokTerm, TokOpen:
			// Say AND everywhere it is meant: FTS5, for one, ANDs
			// adjacent phrases but not a phrase and a parenthesis.
			if prev == TokTerm || prev == TokClose {
				out = append(out, Token{Kind: TokOp, Text: "AND"})
			}
		}
		out = append(out, t)
	}
	for len(out) > 0 && out[len(out)-1].Kind == TokOp {
		out = out[:len(out)-1]
	}
	words := 0
	for _, t := range out {
		if t.Kind == TokTerm {
			words++
		}
	}
	if words == 0 {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "search %q: no words to look for: type one or more words", query)
	}
	return out, nil
}

// lexQuery splits a query into terms, operators and parentheses. Terms
// without a letter or digit are dropped: no engine would find anything
// for them.
func lexQuery(q string) []Token {
	var toks []Token
	column := "" // a pending title: or text: for the next term
	addTerm := func(s string, prefix bool) {
		if strings.IndexFunc(s, IsWordRune) < 0 {
			return
		}
		toks = append(toks, Token{Kind: TokTerm, Text: s, Prefix: prefix, Column: column})
		column = ""
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			toks = append(toks, Token{Kind: TokOpen, Text: "("})
			i++
		case c == ')':
			toks = append(toks, Token{Kind: TokClose, Text: ")"})
			i++
		case c == '"':
			end := strings.IndexByte(q[i+1:], '"')
			if end < 0 { // a stray quote: ignore it
				i++
				continue
			}
			phrase := q[i+1 : i+1+end]
			i += end + 2
			prefix := false
			if i < len(q) && q[i] == '*' {
				prefix = true
				i++
			}
			addTerm(phrase, prefix)
		default:
			j := i
			for j < len(q) && !strings.ContainsRune(" \t\n\r()\"", rune(q[j])) {
				j++
			}
			w := q[i:j]
			i = j
			if w == "AND" || w == "OR" || w == "NOT" {
				toks = append(toks, Token{Kind: TokOp, Text: w})
				continue
			}
			for _, c := range []string{"title:", "text:"} {
				if len(w) >= len(c) && strings.EqualFold(w[:len(c)], c) {
					column, w = c[:len(c)-1], w[len(c):]
				}
			}
			prefix := strings.HasSuffix(w, "*")
			w = strings.TrimRight(w, "*")
			// Tokenizers split "envoy's" into "envoy" and "s", which
			// would then have to follow each other: drop the possessive.
			for _, suffix := range []string{"'s", "’s", "'S", "’S"} {
				w = strings.TrimSuffix(w, suffix)
			}
			addTerm(w, prefix && w != "" && isWordRuneLast(w))
		}
	}
	return toks
}

// IsWordRune reports whether r belongs to a word (a letter or a digit);
// every other rune separates words.
func IsWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isWordRuneLast(s string) bool {
	r := []rune(s)
	return IsWordRune(r[len(r)-1])
}
