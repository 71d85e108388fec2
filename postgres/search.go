package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

// rankWeights weigh a title match four times a text match, as the SQLite
// store's bm25(4.0, 1.0) does: {D, C, B, A}, text is D and title A.
const rankWeights = `'{0.25, 0, 0, 1.0}'`

// snippetWords is how many words a snippet holds, as in the SQLite store.
const snippetWords = 24

// Search runs a full-text query over titles and texts and returns the hits
// best first (title matches weigh more), each with an excerpt around the
// match and its article without Text and spans. limit <= 0 means no cap.
// When more than 2,000 articles match, only the 2,000 most recently
// stored are ranked, as in the SQLite store.
//
// The query language is storecore's, the same as the SQLite store's:
// words stemmed and ANDed, "phrases", prefix*, title: and text:, AND, OR,
// NOT and parentheses. Rank is minus ts_rank (lower is better).
//
// Errors: EINVALID for a query without any word or whose operators do not
// make sense.
func (db *DB) Search(ctx context.Context, query string, limit int) ([]crosscheck.SearchHit, error) {
	tsq, err := tsQuery(query)
	if err != nil {
		return nil, err
	}
	// Rank the newest maxRanked matches by seq, then fetch rows and
	// snippets for the hits kept.
	// The planner sees the query (tsLiteral): a rare word goes through
	// the GIN index, a common one reads the newest articles until it has
	// maxRanked matches. The statement is used once: not prepared.
	lit := tsLiteral(tsq)
	rows, err := db.pool.Query(ctx, `SELECT m.seq, -ts_rank(`+rankWeights+`, m.search, `+lit+`, 1) AS r
		FROM (SELECT s.seq, s.search FROM article_search s WHERE s.search @@ `+lit+` ORDER BY s.seq DESC LIMIT $1) m
		ORDER BY r, m.seq DESC`+limitClause(0, limit),
		pgx.QueryExecModeExec, db.maxRanked)
	if err != nil {
		return nil, searchError(query, err)
	}
	var seqs []int64
	rank := map[int64]float64{}
	for rows.Next() {
		var seq int64
		var r float32
		if err := rows.Scan(&seq, &r); err != nil {
			rows.Close()
			return nil, searchError(query, err)
		}
		seqs = append(seqs, seq)
		rank[seq] = float64(r)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, searchError(query, err)
	}
	if len(seqs) == 0 {
		return nil, nil
	}
	rows, err = db.pool.Query(ctx, `SELECT `+articleHeadCols+`, a.text FROM articles a WHERE a.seq = ANY($1)`, seqs)
	if err != nil {
		return nil, searchError(query, err)
	}
	defer rows.Close()
	terms := queryTerms(query)
	bySeq := make(map[int64]crosscheck.SearchHit, len(seqs))
	for rows.Next() {
		var h crosscheck.SearchHit
		var seq int64
		var text string
		if h.Article, seq, err = scanArticle(rows, &text); err != nil {
			return nil, searchError(query, err)
		}
		h.Snippet = snippet(text, terms)
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

// searchError turns a tsquery syntax error into EINVALID.
func searchError(query string, err error) error {
	var pe *pgconn.PgError
	if errors.As(err, &pe) && pe.Code == "42601" {
		return crosscheck.Errorf(crosscheck.EINVALID,
			"search %q: the query does not parse: use plain words, \"a phrase\", prefix*, or AND, OR, NOT between words", query)
	}
	if errors.Is(err, pgx.ErrNoRows) {
		return nil
	}
	return fmt.Errorf("search: %w", err)
}

// tsLiteral is a tsquery from tsQuery as a constant of a statement's
// text. A search's best plan depends on its words (a rare one goes through
// the GIN index, a common one through the newest articles), which the
// planner of a prepared statement with the query as a parameter does not
// know once it keeps one plan for all: that plan read every article for a
// rare word (1 s instead of 10 ms). An escape string constant (E'...')
// reads the same whatever standard_conforming_strings says.
func tsLiteral(tsq string) string {
	r := strings.NewReplacer(`\`, `\\`, `'`, `\'`)
	return `E'` + r.Replace(tsq) + `'::tsquery`
}

// tsQuery rewrites a user's query (storecore.ParseQuery) into a tsquery:
// each term's words become lexemes as searchVector makes them, joined by
// <-> (a phrase), with :A or :D for a title:
// or text: filter and :* on the last for a prefix; AND is &, OR |, and
// NOT, which FTS5 reads as "and not", & !.
func tsQuery(query string) (string, error) {
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
			words := queryLexemes(t.Text)
			weight := map[string]string{"title": "A", "text": "D"}[t.Column]
			b.WriteByte('(')
			for j, w := range words {
				if j > 0 {
					b.WriteString(" <-> ")
				}
				// Words are letters and digits only: quoting is safe.
				b.WriteString("'" + w + "'")
				if suffix := weight; j == len(words)-1 && t.Prefix || suffix != "" {
					b.WriteByte(':')
					if j == len(words)-1 && t.Prefix {
						b.WriteByte('*')
					}
					b.WriteString(suffix)
				}
			}
			b.WriteByte(')')
		case storecore.TokOp:
			switch t.Text {
			case "AND":
				b.WriteString("&")
			case "OR":
				b.WriteString("|")
			case "NOT":
				b.WriteString("& !")
			}
		default:
			b.WriteString(t.Text)
		}
	}
	return b.String(), nil
}
