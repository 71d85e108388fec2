package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"unicode"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// Snippets mark the matched words with these two runes, chosen because news
// text practically never holds them. Escape the snippet for HTML first, then
// replace them with <mark> and </mark>.
const (
	HighlightStart = "\u27e6" // ⟦
	HighlightEnd   = "\u27e7" // ⟧
)

// defaultMaxRanked bounds the matches Search ranks: past it, the newest.
const defaultMaxRanked = 2000

// snippetTokens is about how many words a snippet holds.
const snippetTokens = 24

// Search runs a full-text query over titles and texts and returns the hits
// best first (title matches weigh more), each with an excerpt around the
// match and its article without Text and spans. limit <= 0 means no cap.
// When more than 2,000 articles match, only the 2,000 most recently
// stored are ranked: a query as common as "said" stays fast.
//
// The query is read leniently: words are matched as typed, stemmed
// ("protests" finds "protest"), in any order; punctuation inside a word
// does not matter ("U.S." finds "U.S." and "U S"); "double quotes" make a
// phrase; a trailing * a prefix (elect*); title: or text: before a word
// or phrase looks only there; AND, OR, NOT in capitals and parentheses
// work as operators. Stray quotes and dangling operators are ignored.
//
// Errors: EINVALID for a query without any word or whose operators do not
// make sense, e.g. "(a OR) b".
func (db *DB) Search(ctx context.Context, query string, limit int) ([]crosscheck.SearchHit, error) {
	match, err := ftsQuery(query)
	if err != nil {
		return nil, err
	}
	// Ranking scores every match: for a query that matches most of a big
	// store ("said") that takes seconds. Past maxRanked matches, rank only
	// the newest maxRanked, found by reading rowids backwards (cheap).
	var floor int64
	err = db.reader.QueryRowContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
		ORDER BY rowid DESC LIMIT 1 OFFSET ?`, match, db.maxRanked-1).Scan(&floor)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return nil, searchError(query, err)
	}
	// Rank first, on rowids and scores alone; snippets and rows only for
	// the hits kept. FTS5's own ORDER BY rank, computing snippets as it
	// goes, took three times as long.
	rows, err := db.reader.QueryContext(ctx, `SELECT rowid, bm25(articles_fts, 4.0, 1.0) FROM articles_fts
		WHERE articles_fts MATCH ? AND rowid >= ? ORDER BY 2, rowid DESC`+limitClause(0, limit), match, floor)
	if err != nil {
		return nil, searchError(query, err)
	}
	var seqs []int64
	rank := map[int64]float64{}
	for rows.Next() {
		var seq int64
		var r float64
		if err := rows.Scan(&seq, &r); err != nil {
			rows.Close()
			return nil, searchError(query, err)
		}
		seqs = append(seqs, seq)
		rank[seq] = r
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, searchError(query, err)
	}
	if len(seqs) == 0 {
		return nil, nil
	}
	list, _ := json.Marshal(seqs)
	rows, err = db.reader.QueryContext(ctx, `SELECT `+articleHeadCols+`,
		snippet(articles_fts, -1, '`+HighlightStart+`', '`+HighlightEnd+`', '…', `+fmt.Sprint(snippetTokens)+`)
	FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid
	WHERE articles_fts MATCH ? AND articles_fts.rowid IN (SELECT value FROM json_each(?))`, match, string(list))
	if err != nil {
		return nil, searchError(query, err)
	}
	defer rows.Close()
	bySeq := make(map[int64]crosscheck.SearchHit, len(seqs))
	for rows.Next() {
		var h crosscheck.SearchHit
		var seq int64
		if h.Article, seq, err = scanArticleSeq(rows, &h.Snippet); err != nil {
			return nil, searchError(query, err)
		}
		h.Rank = rank[seq]
		bySeq[seq] = h
	}
	if err := rows.Err(); err != nil {
		return nil, searchError(query, err)
	}
	hits := make([]crosscheck.SearchHit, 0, len(seqs))
	for _, seq := range seqs {
		if h, ok := bySeq[seq]; ok {
			hits = append(hits, h)
		}
	}
	return hits, nil
}

// searchError turns an FTS5 parse error into EINVALID.
func searchError(query string, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("search: %w", err)
	}
	msg := err.Error()
	if strings.Contains(msg, "fts5") || strings.Contains(msg, "syntax error") || strings.Contains(msg, "no such column") {
		return crosscheck.Errorf(crosscheck.EINVALID,
			"search %q: the query does not parse: use plain words, \"a phrase\", prefix*, or AND, OR, NOT between words", query)
	}
	return fmt.Errorf("search: %w", err)
}

// ftsQuery rewrites a user's query into an FTS5 expression that always
// parses when the user meant no operators: every word and phrase becomes a
// quoted FTS5 string (so "U.S.", "don't" or "9/11" are no syntax errors),
// while AND, OR, NOT, parentheses and a trailing * keep their meaning.
func ftsQuery(query string) (string, error) {
	// FTS5 reads the expression as a C string: a NUL ends it early.
	toks := lexQuery(strings.Map(func(r rune) rune {
		if unicode.IsControl(r) {
			return ' '
		}
		return r
	}, query))
	// Drop operators that have nothing on one side, and parentheses when
	// unbalanced; what remains may still be nonsense such as "( )", which
	// FTS5 rejects and Search reports as EINVALID.
	depth, balanced := 0, true
	for _, t := range toks {
		switch t.kind {
		case tokOpen:
			depth++
		case tokClose:
			depth--
			if depth < 0 {
				balanced = false
			}
		}
	}
	if depth != 0 {
		balanced = false
	}
	var out []qtoken
	for _, t := range toks {
		if !balanced && (t.kind == tokOpen || t.kind == tokClose) {
			continue
		}
		prev := tokOp // what precedes t; an operator at the start
		if len(out) > 0 {
			prev = out[len(out)-1].kind
		}
		switch t.kind {
		case tokOp:
			if prev == tokOp || prev == tokOpen {
				continue
			}
		case tokClose:
			if prev == tokOp {
				out = out[:len(out)-1]
			}
		case tokTerm, tokOpen:
			// FTS5 ANDs adjacent phrases but not a phrase and a
			// parenthesis: say AND everywhere.
			if prev == tokTerm || prev == tokClose {
				out = append(out, qtoken{kind: tokOp, text: "AND"})
			}
		}
		out = append(out, t)
	}
	for len(out) > 0 && out[len(out)-1].kind == tokOp {
		out = out[:len(out)-1]
	}
	words := 0
	var b strings.Builder
	for i, t := range out {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch t.kind {
		case tokTerm:
			words++
			if t.column != "" {
				b.WriteString(t.column)
				b.WriteString(" : ")
			}
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(t.text, `"`, `""`))
			b.WriteByte('"')
			if t.prefix {
				b.WriteString(" *")
			}
		default:
			b.WriteString(t.text)
		}
	}
	if words == 0 {
		return "", crosscheck.Errorf(crosscheck.EINVALID, "search %q: no words to look for: type one or more words", query)
	}
	return b.String(), nil
}

type tokKind int

const (
	tokTerm  tokKind = iota // a word or phrase
	tokOp                   // AND, OR, NOT
	tokOpen                 // (
	tokClose                // )
)

type qtoken struct {
	kind   tokKind
	text   string
	prefix bool   // a term's trailing *
	column string // a term's column filter: title or text
}

// lexQuery splits a query into terms, operators and parentheses. Terms
// without a letter or digit are dropped: FTS5 would find nothing for them.
func lexQuery(q string) []qtoken {
	var toks []qtoken
	column := "" // a pending title: or text: for the next term
	addTerm := func(s string, prefix bool) {
		if strings.IndexFunc(s, isWordRune) < 0 {
			return
		}
		toks = append(toks, qtoken{kind: tokTerm, text: s, prefix: prefix, column: column})
		column = ""
	}
	for i := 0; i < len(q); {
		c := q[i]
		switch {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r':
			i++
		case c == '(':
			toks = append(toks, qtoken{kind: tokOpen, text: "("})
			i++
		case c == ')':
			toks = append(toks, qtoken{kind: tokClose, text: ")"})
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
				toks = append(toks, qtoken{kind: tokOp, text: w})
				continue
			}
			for _, c := range []string{"title:", "text:"} {
				if len(w) >= len(c) && strings.EqualFold(w[:len(c)], c) {
					column, w = c[:len(c)-1], w[len(c):]
				}
			}
			prefix := strings.HasSuffix(w, "*")
			w = strings.TrimRight(w, "*")
			// The tokenizer splits "envoy's" into "envoy" and "s", which
			// would then have to follow each other: drop the possessive.
			for _, suffix := range []string{"'s", "’s", "'S", "’S"} {
				w = strings.TrimSuffix(w, suffix)
			}
			addTerm(w, prefix && w != "" && isWordRuneLast(w))
		}
	}
	return toks
}

func isWordRune(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }

func isWordRuneLast(s string) bool {
	r := []rune(s)
	return isWordRune(r[len(r)-1])
}
