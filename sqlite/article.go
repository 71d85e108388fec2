package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
)

// AddArticle stores one article; see AddArticles.
func (db *DB) AddArticle(ctx context.Context, a *crosscheck.Article) (crosscheck.AddResult, error) {
	res, err := db.AddArticles(ctx, []*crosscheck.Article{a})
	if err != nil {
		return crosscheck.AddResult{}, err
	}
	return res[0], nil
}

// AddArticles stores a batch of articles in one transaction: all are stored
// or, on error or cancellation, none. Adding the same batch again is
// harmless, so an interrupted ingest is completed by running it again.
//
// For each article it fills, when empty, ContentHash (hex SHA-256 of the
// lowercased, space-folded Text), ID (the first 12 hex digits of the
// hash), Ingested (now) and DuplicateOf (the original of a near duplicate,
// see neardup.go). The fills happen only after the commit.
//
// An article whose content is stored already is not written again: its
// result has Duplicate set and the stored article's ID. An article that
// nearly duplicates a stored one (or an earlier one in the batch) is stored
// with DuplicateOf set to the first stored article of its group.
//
// Errors: EINVALID for an article without text, with spans outside its text,
// or whose ID is taken by other content; the batch is not stored then.
func (db *DB) AddArticles(ctx context.Context, as []*crosscheck.Article) ([]crosscheck.AddResult, error) {
	for _, a := range as {
		if err := storecore.ValidateArticle(a); err != nil {
			return nil, err
		}
	}
	now := db.Now().UTC().Truncate(time.Microsecond)
	ds := storecore.DigestAll(as) // outside the transaction, on every core
	res := make([]crosscheck.AddResult, len(as))
	fills := make([]fill, len(as))
	err := db.updateArticles(ctx, "add articles", func(tx *sql.Tx) error {
		var last int64
		if err := tx.QueryRowContext(ctx, `SELECT coalesce(max(seq), 0) FROM articles`).Scan(&last); err != nil {
			return err
		}
		ad, err := newAdder(ctx, tx)
		if err != nil {
			return err
		}
		defer ad.close()
		for i, a := range as {
			if res[i], fills[i], err = ad.add(ctx, a, ds[i], now); err != nil {
				return err
			}
		}
		// Index the batch's new rows (seq only grows, and this is the
		// only writer) in one statement: see the migration's comment.
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts (rowid, title, text)
			SELECT seq, title, text FROM articles WHERE seq > ? ORDER BY seq`, last); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, a := range as {
		f := fills[i]
		if a.ID == "" {
			a.ID = res[i].ID
		}
		if a.ContentHash == "" {
			a.ContentHash = f.hash
		}
		if a.Ingested.IsZero() {
			a.Ingested = f.ingested
		}
		if a.DuplicateOf == "" && res[i].NearDuplicateOf != "" {
			a.DuplicateOf = res[i].NearDuplicateOf
		}
	}
	return res, nil
}

// fill is what AddArticles writes back into an article after the commit.
type fill struct {
	hash     string
	ingested time.Time
}

// adder holds the statements of one AddArticles transaction, prepared once
// for the whole batch.
type adder struct {
	byHash, origin, insert, insertLSH, candidates, candidate, bareStory *sql.Stmt
}

const insertArticleSQL = `INSERT INTO articles (id, content_hash, source, url, title, outlet, author,
	published, published_offset, published_date_only, language, text, spans, correction,
	duplicate_of, story_id, ingested, modified, modified_offset, modified_date_only, credit)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`

func newAdder(ctx context.Context, tx *sql.Tx) (*adder, error) {
	ad := &adder{}
	var err error
	prep := func(q string) *sql.Stmt {
		if err != nil {
			return nil
		}
		var s *sql.Stmt
		s, err = tx.PrepareContext(ctx, q)
		return s
	}
	marks := strings.TrimSuffix(strings.Repeat("?,", storecore.LSHBands), ",")
	pairs := strings.TrimSuffix(strings.Repeat("(?,?),", storecore.LSHBands), ",")
	ad.byHash = prep(`SELECT id, ingested FROM articles WHERE content_hash = ?`)
	ad.origin = prep(`SELECT source, url, outlet FROM articles WHERE id = ?`)
	ad.insert = prep(insertArticleSQL)
	ad.insertLSH = prep(`INSERT OR IGNORE INTO article_lsh (key, seq) VALUES ` + pairs)
	ad.candidates = prep(`SELECT seq FROM article_lsh WHERE key IN (` + marks + `)
		GROUP BY seq ORDER BY count(*) DESC, seq LIMIT ` + fmt.Sprint(storecore.MaxCandidates))
	ad.candidate = prep(`SELECT id, coalesce(duplicate_of, ''), text FROM articles WHERE seq = ?`)
	ad.bareStory = prep(`INSERT OR IGNORE INTO stories (id) VALUES (?)`)
	if err != nil {
		ad.close()
		return nil, err
	}
	return ad, nil
}

func (ad *adder) close() {
	for _, s := range []*sql.Stmt{ad.byHash, ad.origin, ad.insert, ad.insertLSH, ad.candidates, ad.candidate, ad.bareStory} {
		if s != nil {
			s.Close()
		}
	}
}

func (ad *adder) add(ctx context.Context, a *crosscheck.Article, d storecore.Digest, now time.Time) (crosscheck.AddResult, fill, error) {
	f := fill{hash: d.Hash}
	var (
		id       string
		ingested sql.NullInt64
	)
	key := f.hash // the stored content key: the hash, or hash/origin for a copy
	copyOf := ""
	switch err := ad.byHash.QueryRowContext(ctx, f.hash).Scan(&id, &ingested); {
	case err == nil:
		// The content is stored. From the same origin (the same file or
		// URL again, or the same outlet) it is a duplicate; from another
		// outlet it is a copy, kept so that the outlet shows in its story
		// and is counted once for independence.
		var src, url, outlet string
		if err := ad.origin.QueryRowContext(ctx, id).Scan(&src, &url, &outlet); err != nil {
			return crosscheck.AddResult{}, f, err
		}
		if storecore.SameOrigin(a, src, url, outlet) {
			f.ingested = decTime(ingested)
			return crosscheck.AddResult{ID: id, Duplicate: true}, f, nil
		}
		copyOf = id
		key = f.hash + "/" + storecore.OriginKey(a)
		var cid string
		switch err := ad.byHash.QueryRowContext(ctx, key).Scan(&cid, &ingested); {
		case err == nil:
			f.ingested = decTime(ingested)
			return crosscheck.AddResult{ID: cid, Duplicate: true}, f, nil
		case !errors.Is(err, sql.ErrNoRows):
			return crosscheck.AddResult{}, f, err
		}
	case !errors.Is(err, sql.ErrNoRows):
		return crosscheck.AddResult{}, f, err
	}

	sh, keys := d.Shingles, d.Keys
	dupOf := a.DuplicateOf
	if copyOf != "" {
		dupOf, keys = copyOf, nil // a copy is linked to its original, not banded
	}
	if dupOf == "" && len(sh) >= storecore.MinShinglesJaccard {
		var err error
		if dupOf, err = ad.nearDuplicate(ctx, sh, keys); err != nil {
			return crosscheck.AddResult{}, f, err
		}
	}

	f.ingested = a.Ingested
	if f.ingested.IsZero() {
		f.ingested = now
	}
	id = a.ID
	derived := id == ""
	if derived {
		id = f.hash[:12]
		if copyOf != "" {
			id = storecore.HashString(key)[:12]
		}
	}
	_, off := a.Published.Zone()
	_, modOff := a.Modified.Zone()
	var storyID any
	if a.StoryID != "" {
		// As SetArticleStory: a story not saved yet is created bare.
		if _, err := ad.bareStory.ExecContext(ctx, a.StoryID); err != nil {
			return crosscheck.AddResult{}, f, fmt.Errorf("story %s: %w", a.StoryID, err)
		}
		storyID = a.StoryID
	}
	var dup any
	if dupOf != "" {
		dup = dupOf
	}
	args := []any{id, key, a.Source, a.URL, a.Title, a.Outlet, a.Author,
		encTime(a.Published), off, a.PublishedDateOnly, a.Language, a.Text,
		storecore.EncodeSpans(a.Paragraphs, a.Sentences), a.Correction, dup, storyID, encTime(f.ingested),
		encTime(a.Modified), modOff, a.ModifiedDateOnly, a.Credit}
	r, err := ad.insert.ExecContext(ctx, args...)
	if err != nil {
		return crosscheck.AddResult{}, f, fmt.Errorf("insert %s: %w", id, err)
	}
	if n, _ := r.RowsAffected(); n == 0 {
		// The content hash is new (checked above), so the ID is taken by
		// other content: a 48-bit prefix collision, or a caller's ID.
		if !derived {
			return crosscheck.AddResult{}, f, crosscheck.Errorf(crosscheck.EINVALID,
				"article ID %q is already used by different content: leave ID empty to derive it from the content", id)
		}
		id = storecore.HashString(key)
		args[0] = id
		if r, err = ad.insert.ExecContext(ctx, args...); err != nil {
			return crosscheck.AddResult{}, f, fmt.Errorf("insert %s: %w", id, err)
		}
		if n, _ := r.RowsAffected(); n == 0 {
			return crosscheck.AddResult{}, f, fmt.Errorf("insert %s: ID taken", id)
		}
	}
	if len(keys) > 0 {
		seq, err := r.LastInsertId()
		if err != nil {
			return crosscheck.AddResult{}, f, err
		}
		args := make([]any, 0, 2*len(keys))
		for _, k := range keys {
			args = append(args, k, seq)
		}
		if _, err := ad.insertLSH.ExecContext(ctx, args...); err != nil {
			return crosscheck.AddResult{}, f, fmt.Errorf("insert %s bands: %w", id, err)
		}
	}
	res := crosscheck.AddResult{ID: id, CopyOf: copyOf}
	if a.DuplicateOf == "" && copyOf == "" {
		res.NearDuplicateOf = dupOf
	}
	return res, f, nil
}

// nearDuplicate returns the ID of the original of the stored article that
// the shingle set sh nearly duplicates, or "" when none does.
func (ad *adder) nearDuplicate(ctx context.Context, sh []uint64, keys []int64) (string, error) {
	args := make([]any, len(keys))
	for i, k := range keys {
		args[i] = k
	}
	rows, err := ad.candidates.QueryContext(ctx, args...)
	if err != nil {
		return "", fmt.Errorf("near duplicates: %w", err)
	}
	var seqs []int64
	for rows.Next() {
		var s int64
		if err := rows.Scan(&s); err != nil {
			rows.Close()
			return "", fmt.Errorf("near duplicates: %w", err)
		}
		seqs = append(seqs, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("near duplicates: %w", err)
	}
	best, bestScore := "", -1.0
	for _, s := range seqs {
		var id, root, text string
		if err := ad.candidate.QueryRowContext(ctx, s).Scan(&id, &root, &text); err != nil {
			return "", fmt.Errorf("near duplicates: %w", err)
		}
		ok, score := storecore.Similar(sh, storecore.Shingles(text))
		if !ok || score <= bestScore {
			continue
		}
		if root == "" {
			root = id
		}
		best, bestScore = root, score
	}
	return best, nil
}

// articleCols are the columns scanArticle reads; articleHeadCols leave out
// the text and spans (search hits, lists that only show headlines).
const (
	articleCols = `a.seq, a.id, a.content_hash, a.source, a.url, a.title, a.outlet, a.author,
	a.published, a.published_offset, a.published_date_only, a.language, a.text, a.spans,
	a.correction, coalesce(a.duplicate_of, ''), coalesce(a.story_id, ''), a.ingested,
	a.modified, a.modified_offset, a.modified_date_only, a.credit`
	articleHeadCols = `a.seq, a.id, a.content_hash, a.source, a.url, a.title, a.outlet, a.author,
	a.published, a.published_offset, a.published_date_only, a.language, '', NULL,
	a.correction, coalesce(a.duplicate_of, ''), coalesce(a.story_id, ''), a.ingested,
	a.modified, a.modified_offset, a.modified_date_only, a.credit`
)

type scanner interface{ Scan(dest ...any) error }

// scanArticle reads the columns of articleCols (or articleHeadCols) plus
// any extra destinations after them.
func scanArticle(s scanner, extra ...any) (*crosscheck.Article, error) {
	a, _, err := scanArticleSeq(s, extra...)
	return a, err
}

// scanArticleSeq is scanArticle that also returns the article's seq.
func scanArticleSeq(s scanner, extra ...any) (*crosscheck.Article, int64, error) {
	var (
		a         crosscheck.Article
		seq       int64
		published sql.NullInt64
		offset    int
		spans     []byte
		ingested  sql.NullInt64
		modified  sql.NullInt64
		modOffset int
	)
	dest := append([]any{&seq, &a.ID, &a.ContentHash, &a.Source, &a.URL, &a.Title, &a.Outlet, &a.Author,
		&published, &offset, &a.PublishedDateOnly, &a.Language, &a.Text, &spans,
		&a.Correction, &a.DuplicateOf, &a.StoryID, &ingested, &modified, &modOffset, &a.ModifiedDateOnly, &a.Credit}, extra...)
	if err := s.Scan(dest...); err != nil {
		return nil, 0, err
	}
	if published.Valid {
		a.Published = time.UnixMicro(published.Int64).UTC()
		if offset != 0 {
			a.Published = a.Published.In(time.FixedZone("", offset))
		}
	}
	a.Ingested = decTime(ingested)
	if a.Modified = decTime(modified); !a.Modified.IsZero() && modOffset != 0 {
		a.Modified = a.Modified.In(time.FixedZone("", modOffset))
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
	return article(ctx, db.reader, id)
}

func article(ctx context.Context, q querier, id string) (*crosscheck.Article, error) {
	a, err := scanArticle(q.QueryRowContext(ctx, `SELECT `+articleCols+` FROM articles a WHERE a.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", id)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	return a, nil
}

// Articles returns the articles the filter selects, with text and spans,
// newest published first (unknown dates last, then the latest ingested),
// and the total count before Offset and Limit. Every filter is backed by an
// index.
func (db *DB) Articles(ctx context.Context, f crosscheck.ArticleFilter) ([]*crosscheck.Article, int, error) {
	return articles(ctx, db.reader, f, articleCols)
}

// ArticleHeads is Articles without Text, Paragraphs and Sentences: for lists
// that show headlines, at a fraction of the cost.
func (db *DB) ArticleHeads(ctx context.Context, f crosscheck.ArticleFilter) ([]*crosscheck.Article, int, error) {
	return articles(ctx, db.reader, f, articleHeadCols)
}

// ArticlesByStory returns the articles of a story, with text and spans,
// oldest published first (unknown dates last), the order in which to read
// a story. An unknown story has no articles.
func (db *DB) ArticlesByStory(ctx context.Context, storyID string) ([]*crosscheck.Article, error) {
	as, err := queryArticles(ctx, db.reader, `SELECT `+articleCols+` FROM articles a
		WHERE a.story_id = ? ORDER BY a.published IS NULL, a.published, a.seq`, storyID)
	if err != nil {
		return nil, fmt.Errorf("articles of story %s: %w", storyID, err)
	}
	return as, nil
}

// EachArticle calls fn with every article, with text and spans, oldest
// published first (unknown dates last, in ingest order), stopping at fn's
// first error, which it returns. It reads one consistent snapshot without
// holding all articles in memory: the way to recluster a whole store. fn
// may write to the store.
func (db *DB) EachArticle(ctx context.Context, fn func(*crosscheck.Article) error) error {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+articleCols+` FROM articles a
		ORDER BY a.published IS NULL, a.published, a.seq`)
	if err != nil {
		return fmt.Errorf("each article: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		a, err := scanArticle(rows)
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
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	return n, nil
}

func articles(ctx context.Context, q querier, f crosscheck.ArticleFilter, cols string) ([]*crosscheck.Article, int, error) {
	var where []string
	var args []any
	if f.Outlet != nil {
		where, args = append(where, `a.outlet = ? COLLATE NOCASE`), append(args, *f.Outlet)
	}
	if f.StoryID != nil {
		where, args = append(where, `a.story_id = ?`), append(args, *f.StoryID)
	}
	if f.Since != nil {
		where, args = append(where, `a.published >= ?`), append(args, f.Since.UnixMicro())
	}
	if f.Until != nil {
		where, args = append(where, `a.published < ?`), append(args, f.Until.UnixMicro())
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM articles a`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	as, err := queryArticles(ctx, q, `SELECT `+cols+` FROM articles a`+cond+
		` ORDER BY a.published DESC, a.seq DESC`+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	return as, total, nil
}

// limitClause is the LIMIT/OFFSET clause for a filter's Offset and Limit.
func limitClause(offset, limit int) string {
	switch {
	case limit > 0 && offset > 0:
		return fmt.Sprintf(" LIMIT %d OFFSET %d", limit, offset)
	case limit > 0:
		return fmt.Sprintf(" LIMIT %d", limit)
	case offset > 0:
		return fmt.Sprintf(" LIMIT -1 OFFSET %d", offset)
	}
	return ""
}

func queryArticles(ctx context.Context, q querier, query string, args ...any) ([]*crosscheck.Article, error) {
	rows, err := q.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var as []*crosscheck.Article
	for rows.Next() {
		a, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}
