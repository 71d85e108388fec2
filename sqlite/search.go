package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
)

// Snippets mark the matched words with crosscheck.HighlightStart and
// HighlightEnd.
const (
	HighlightStart = crosscheck.HighlightStart
	HighlightEnd   = crosscheck.HighlightEnd
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

// ftsQuery rewrites a user's query (storecore.ParseQuery) into an FTS5
// expression that always parses when the user meant no operators: every
// word and phrase becomes a quoted FTS5 string (so "U.S.", "don't" or
// "9/11" are no syntax errors), while AND, OR, NOT, parentheses and a
// trailing * keep their meaning.
func ftsQuery(query string) (string, error) {
	toks, err := storecore.ParseQuery(query)
	if err != nil {
		return "", err
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch t.Kind {
		case storecore.TokTerm:
			if t.Column != "" {
				b.WriteString(t.Column)
				b.WriteString(" : ")
			}
			b.WriteByte('"')
			b.WriteString(strings.ReplaceAll(t.Text, `"`, `""`))
			b.WriteByte('"')
			if t.Prefix {
				b.WriteString(" *")
			}
		default:
			b.WriteString(t.Text)
		}
	}
	return b.String(), nil
}
