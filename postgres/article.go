package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/jackc/pgx/v5"
)

// articleCols are the columns scanArticle reads; articleHeadCols leave out
// the text and spans (search hits).
const (
	articleCols = `a.seq, a.id, a.content_hash, a.source, a.url, a.title, a.outlet, a.author,
	a.published, a.published_offset, a.published_date_only, a.language, a.text, a.spans,
	a.correction, coalesce(a.duplicate_of, ''), coalesce(a.story_id, ''), a.ingested,
	a.modified, a.modified_offset, a.modified_date_only, a.credit`
	articleHeadCols = `a.seq, a.id, a.content_hash, a.source, a.url, a.title, a.outlet, a.author,
	a.published, a.published_offset, a.published_date_only, a.language, '', NULL::bytea,
	a.correction, coalesce(a.duplicate_of, ''), coalesce(a.story_id, ''), a.ingested,
	a.modified, a.modified_offset, a.modified_date_only, a.credit`
)

// scanArticle reads the columns of articleCols (or articleHeadCols) plus
// any extra destinations after them, and returns the article's seq too.
func scanArticle(s pgx.Row, extra ...any) (*crosscheck.Article, int64, error) {
	var (
		a         crosscheck.Article
		seq       int64
		published *time.Time
		offset    int32
		spans     []byte
		ingested  time.Time
		modified  *time.Time
		modOffset int32
	)
	dest := append([]any{&seq, &a.ID, &a.ContentHash, &a.Source, &a.URL, &a.Title, &a.Outlet, &a.Author,
		&published, &offset, &a.PublishedDateOnly, &a.Language, &a.Text, &spans,
		&a.Correction, &a.DuplicateOf, &a.StoryID, &ingested, &modified, &modOffset, &a.ModifiedDateOnly, &a.Credit}, extra...)
	if err := s.Scan(dest...); err != nil {
		return nil, 0, err
	}
	if published != nil {
		a.Published = published.UTC()
		if offset != 0 {
			a.Published = a.Published.In(time.FixedZone("", int(offset)))
		}
	}
	a.Ingested = ingested.UTC()
	if modified != nil {
		a.Modified = modified.UTC()
		if modOffset != 0 {
			a.Modified = a.Modified.In(time.FixedZone("", int(modOffset)))
		}
	}
	var err error
	if a.Paragraphs, a.Sentences, err = storecore.DecodeSpans(spans); err != nil {
		return nil, 0, fmt.Errorf("article %s: %w", a.ID, err)
	}
	return &a, seq, nil
}

// Article returns one article with its text and spans; ENOTFOUND when there
// is none.
func (db *DB) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	return article(ctx, db.pool, id)
}

func article(ctx context.Context, q querier, id string) (*crosscheck.Article, error) {
	a, _, err := scanArticle(q.QueryRow(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", id)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// Articles returns the articles the filter selects, with text and spans,
// newest published first (unknown dates last, then the latest stored), and
// the total count before Offset and Limit.
func (db *DB) Articles(ctx context.Context, f crosscheck.ArticleFilter) ([]*crosscheck.Article, int, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Outlet != nil {
		where = append(where, `lower(a.outlet) = lower(`+arg(*f.Outlet)+`)`)
	}
	if f.StoryID != nil {
		where = append(where, `a.story_id = `+arg(*f.StoryID))
	}
	if f.Since != nil {
		where = append(where, `a.published >= `+arg(f.Since.UTC()))
	}
	if f.Until != nil {
		where = append(where, `a.published < `+arg(f.Until.UTC()))
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	// The total and the page in one round trip, from one snapshot.
	var batch pgx.Batch
	batch.Queue(`SELECT count(*) FROM articles a`+cond, args...)
	batch.Queue(`SELECT `+articleCols+` FROM articles a`+cond+
		` ORDER BY a.published DESC NULLS LAST, a.seq DESC`+limitClause(f.Offset, f.Limit), args...)
	br := db.pool.SendBatch(ctx, &batch)
	defer br.Close()
	var total int
	if err := br.QueryRow().Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	rows, err := br.Query()
	if err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	var as []*crosscheck.Article
	for rows.Next() {
		a, _, err := scanArticle(rows)
		if err != nil {
			rows.Close()
			return nil, 0, fmt.Errorf("articles: %w", err)
		}
		as = append(as, a)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	return as, total, br.Close()
}

// EachArticle calls fn with every article, with text and spans, oldest
// published first (unknown dates last, in the order stored), stopping at
// fn's first error, which it returns. It reads one snapshot, streamed, so
// the articles are never all in memory; fn may write to the store.
func (db *DB) EachArticle(ctx context.Context, fn func(*crosscheck.Article) error) error {
	rows, err := db.pool.Query(ctx, `SELECT `+articleCols+` FROM articles a
		ORDER BY a.published IS NULL, a.published, a.seq`)
	if err != nil {
		return fmt.Errorf("each article: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, _, err := scanArticle(rows)
		if err != nil {
			return fmt.Errorf("each article: %w", err)
		}
		if err := fn(a); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("each article: %w", err)
	}
	return nil
}

// CountArticles returns the number of stored articles.
func (db *DB) CountArticles(ctx context.Context) (int, error) {
	var n int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

// limitClause is the LIMIT/OFFSET clause for a filter's Offset and Limit.
func limitClause(offset, limit int) string {
	s := ""
	if limit > 0 {
		s += fmt.Sprintf(" LIMIT %d", limit)
	}
	if offset > 0 {
		s += fmt.Sprintf(" OFFSET %d", offset)
	}
	return s
}
