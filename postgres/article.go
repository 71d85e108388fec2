package postgres

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/jackc/pgx/v5"
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
// or, on error or cancellation, none. It follows the SQLite store's rules
// (storecore): the same content twice is stored once, the same text from
// another outlet is a copy linked to its original, a near duplicate is
// stored and linked; it fills ID, ContentHash, Ingested and DuplicateOf
// after the commit.
//
// Several processes may add at once. The batch first locks the claim rows
// of its content hashes and band keys, in key order: a writer adding the
// same or a nearly same text waits until the other commits and then sees
// it, so two processes reading the same report store it once and link
// near duplicates as one process would (see doc.go).
//
// Errors: EINVALID for an article without text, with spans outside its
// text, or whose ID is taken by other content; the batch is not stored.
func (db *DB) AddArticles(ctx context.Context, as []*crosscheck.Article) ([]crosscheck.AddResult, error) {
	for _, a := range as {
		if err := storecore.ValidateArticle(a); err != nil {
			return nil, err
		}
	}
	now := db.Now().UTC().Truncate(time.Microsecond)
	ds := storecore.DigestAll(as) // outside the transaction, on every core
	words := make([][2]string, len(as))
	claims := make([]int64, 0, len(as)*(storecore.LSHBands+1))
	for i, a := range as {
		words[i] = [2]string{storecore.SearchText(a.Title), storecore.SearchText(a.Text)}
		claims = append(claims, hashKey(ds[i].Hash))
		claims = append(claims, ds[i].Keys...)
	}
	slices.Sort(claims)
	claims = slices.Compact(claims)
	var res []crosscheck.AddResult
	var fills []fill
	err := db.update(ctx, "add articles", func(tx pgx.Tx) error {
		res = make([]crosscheck.AddResult, len(as))
		fills = make([]fill, len(as))
		if _, err := tx.Exec(ctx, `INSERT INTO add_claims (key) SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k
			ON CONFLICT (key) DO UPDATE SET key = excluded.key WHERE false`, claims); err != nil {
			return fmt.Errorf("claim: %w", err)
		}
		ad := adder{tx: tx}
		for i, a := range as {
			var err error
			if res[i], fills[i], err = ad.add(ctx, a, ds[i], words[i], now); err != nil {
				return err
			}
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

// hashKey is a content hash as a claim key: its first 64 bits.
func hashKey(hash string) int64 {
	if len(hash) > 16 {
		hash = hash[:16]
	}
	u, err := strconv.ParseUint(hash, 16, 64)
	if err != nil {
		// Not hex (a caller's own hash): hash it.
		u, _ = strconv.ParseUint(storecore.HashString(hash)[:16], 16, 64)
	}
	return int64(u)
}

// fill is what AddArticles writes back into an article after the commit.
type fill struct {
	hash     string
	ingested time.Time
}

// adder adds the articles of one AddArticles transaction.
type adder struct {
	tx pgx.Tx
}

const insertArticleSQL = `INSERT INTO articles (id, content_hash, source, url, title, outlet, author,
	published, published_offset, published_date_only, language, text, spans, correction,
	duplicate_of, story_id, ingested, search)
VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17,
	setweight(to_tsvector('crosscheck', $18), 'A') || setweight(to_tsvector('crosscheck', $19), 'D'))
ON CONFLICT DO NOTHING
RETURNING seq`

func (ad *adder) add(ctx context.Context, a *crosscheck.Article, d storecore.Digest, words [2]string, now time.Time) (crosscheck.AddResult, fill, error) {
	tx := ad.tx
	f := fill{hash: d.Hash}
	var (
		id       string
		ingested time.Time
	)
	key := f.hash // the stored content key: the hash, or hash/origin for a copy
	copyOf := ""
	const byHash = `SELECT id, ingested FROM articles WHERE content_hash = $1`
	switch err := tx.QueryRow(ctx, byHash, f.hash).Scan(&id, &ingested); {
	case err == nil:
		// Stored already: from the same origin a duplicate, from another
		// outlet a copy (see the SQLite store).
		var src, url, outlet string
		if err := tx.QueryRow(ctx, `SELECT source, url, outlet FROM articles WHERE id = $1`, id).Scan(&src, &url, &outlet); err != nil {
			return crosscheck.AddResult{}, f, err
		}
		if storecore.SameOrigin(a, src, url, outlet) {
			f.ingested = ingested.UTC()
			return crosscheck.AddResult{ID: id, Duplicate: true}, f, nil
		}
		copyOf = id
		key = f.hash + "/" + storecore.OriginKey(a)
		var cid string
		switch err := tx.QueryRow(ctx, byHash, key).Scan(&cid, &ingested); {
		case err == nil:
			f.ingested = ingested.UTC()
			return crosscheck.AddResult{ID: cid, Duplicate: true}, f, nil
		case !errors.Is(err, pgx.ErrNoRows):
			return crosscheck.AddResult{}, f, err
		}
	case !errors.Is(err, pgx.ErrNoRows):
		return crosscheck.AddResult{}, f, err
	}

	sh, keys := d.Shingles, d.Keys
	dupOf := a.DuplicateOf
	if copyOf != "" {
		dupOf, keys = copyOf, nil // a copy is linked to its original, not banded
	}
	if dupOf == "" && len(sh) >= storecore.MinShinglesJaccard {
		var err error
		if dupOf, err = nearDuplicate(ctx, tx, sh, keys); err != nil {
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
	var storyID any
	if a.StoryID != "" {
		// As SetArticleStory: a story not saved yet is created bare.
		if _, err := tx.Exec(ctx, `INSERT INTO stories (id) VALUES ($1) ON CONFLICT DO NOTHING`, a.StoryID); err != nil {
			return crosscheck.AddResult{}, f, fmt.Errorf("story %s: %w", a.StoryID, err)
		}
		storyID = a.StoryID
	}
	var dup any
	if dupOf != "" {
		dup = dupOf
	}
	args := []any{id, key, a.Source, a.URL, a.Title, a.Outlet, a.Author,
		nullTime(a.Published), off, a.PublishedDateOnly, a.Language, a.Text,
		storecore.EncodeSpans(a.Paragraphs, a.Sentences), a.Correction, dup, storyID, f.ingested.UTC(),
		words[0], words[1]}
	var seq int64
	err := tx.QueryRow(ctx, insertArticleSQL, args...).Scan(&seq)
	if errors.Is(err, pgx.ErrNoRows) {
		// The content key is new (checked above, under its claim), so
		// the ID is taken by other content: a 48-bit prefix collision, or
		// a caller's ID.
		if !derived {
			return crosscheck.AddResult{}, f, crosscheck.Errorf(crosscheck.EINVALID,
				"article ID %q is already used by different content: leave ID empty to derive it from the content", id)
		}
		id = storecore.HashString(key)
		args[0] = id
		err = tx.QueryRow(ctx, insertArticleSQL, args...).Scan(&seq)
		if errors.Is(err, pgx.ErrNoRows) {
			return crosscheck.AddResult{}, f, fmt.Errorf("insert %s: ID taken", id)
		}
	}
	if err != nil {
		return crosscheck.AddResult{}, f, fmt.Errorf("insert %s: %w", id, err)
	}
	if len(keys) > 0 {
		if _, err := tx.Exec(ctx, `INSERT INTO article_lsh (key, seq) SELECT DISTINCT k, $2::bigint FROM unnest($1::bigint[]) AS k
			ON CONFLICT DO NOTHING`, keys, seq); err != nil {
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
// the shingle set sh nearly duplicates, or "" when none does. The
// candidates are the articles sharing the most band keys with it.
func nearDuplicate(ctx context.Context, q querier, sh []uint64, keys []int64) (string, error) {
	rows, err := q.Query(ctx, `SELECT a.id, coalesce(a.duplicate_of, ''), a.text FROM articles a JOIN (
			SELECT seq, count(*) AS n FROM article_lsh WHERE key = ANY($1) GROUP BY seq ORDER BY n DESC, seq LIMIT `+
		strconv.Itoa(storecore.MaxCandidates)+`) c ON c.seq = a.seq
		ORDER BY c.n DESC, c.seq`, keys)
	if err != nil {
		return "", fmt.Errorf("near duplicates: %w", err)
	}
	defer rows.Close()
	best, bestScore := "", -1.0
	for rows.Next() {
		var id, root, text string
		if err := rows.Scan(&id, &root, &text); err != nil {
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
	if err := rows.Err(); err != nil {
		return "", fmt.Errorf("near duplicates: %w", err)
	}
	return best, nil
}

// articleCols are the columns scanArticle reads; articleHeadCols leave out
// the text and spans (search hits).
const (
	articleCols = `a.seq, a.id, a.content_hash, a.source, a.url, a.title, a.outlet, a.author,
	a.published, a.published_offset, a.published_date_only, a.language, a.text, a.spans,
	a.correction, coalesce(a.duplicate_of, ''), coalesce(a.story_id, ''), a.ingested`
	articleHeadCols = `a.seq, a.id, a.content_hash, a.source, a.url, a.title, a.outlet, a.author,
	a.published, a.published_offset, a.published_date_only, a.language, '', NULL::bytea,
	a.correction, coalesce(a.duplicate_of, ''), coalesce(a.story_id, ''), a.ingested`
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
	)
	dest := append([]any{&seq, &a.ID, &a.ContentHash, &a.Source, &a.URL, &a.Title, &a.Outlet, &a.Author,
		&published, &offset, &a.PublishedDateOnly, &a.Language, &a.Text, &spans,
		&a.Correction, &a.DuplicateOf, &a.StoryID, &ingested}, extra...)
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
	var total int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM articles a`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	as, err := queryArticles(ctx, db.pool, `SELECT `+articleCols+` FROM articles a`+cond+
		` ORDER BY a.published DESC NULLS LAST, a.seq DESC`+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("articles: %w", err)
	}
	return as, total, nil
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

func queryArticles(ctx context.Context, q querier, query string, args ...any) ([]*crosscheck.Article, error) {
	rows, err := q.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var as []*crosscheck.Article
	for rows.Next() {
		a, _, err := scanArticle(rows)
		if err != nil {
			return nil, err
		}
		as = append(as, a)
	}
	return as, rows.Err()
}
