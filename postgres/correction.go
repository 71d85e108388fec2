package postgres

import (
	"context"
	"encoding/json"
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

// Correct applies a user's correction and records it, in one transaction,
// as the SQLite store does (see sqlite.DB.Correct). It fills c's ID,
// Created, and what the store works out.
//
// Errors: EINVALID for an invalid correction or one that changes nothing;
// ENOTFOUND for an unknown article or story.
func (db *DB) Correct(ctx context.Context, c *crosscheck.Correction) error {
	if err := c.Validate(); err != nil {
		return err
	}
	now := db.Now().UTC().Truncate(time.Microsecond)
	in := *c
	err := db.updateStories(ctx, "correct", func(tx pgx.Tx) error {
		*c = in // afresh on a retry
		body, err := storecore.Apply(ctx, storyTx{tx}, c, now)
		if err != nil {
			return err
		}
		b, err := json.Marshal(body)
		if err != nil {
			return err
		}
		return tx.QueryRow(ctx, `INSERT INTO corrections (kind, article_id, story_id, target_id, body, note, created)
			VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING id`, string(c.Kind), c.Article, c.Story, c.Target, string(b), c.Note, now).Scan(&c.ID)
	})
	if err != nil {
		return err
	}
	c.Created = now
	return nil
}

func setField(ctx context.Context, q querier, id, field, value string) error {
	var err error
	switch field {
	case crosscheck.FieldTitle:
		// The title is searched: the search vector is made again.
		var text string
		if err := q.QueryRow(ctx, `SELECT text FROM articles WHERE id = $1`, id).Scan(&text); err != nil {
			return err
		}
		if _, err = q.Exec(ctx, `UPDATE articles SET title = $1 WHERE id = $2`, value, id); err == nil {
			_, err = q.Exec(ctx, `UPDATE article_search SET search = $1::tsvector WHERE seq = (SELECT seq FROM articles WHERE id = $2)`,
				searchVector(value, text), id)
		}
	case crosscheck.FieldOutlet, crosscheck.FieldAuthor:
		// field is one of two fixed names, never user text.
		_, err = q.Exec(ctx, `UPDATE articles SET `+field+` = $1 WHERE id = $2`, value, id)
	case crosscheck.FieldPublished:
		t, dateOnly, perr := storecore.ParsePublished(value)
		if perr != nil {
			return perr
		}
		_, off := t.Zone()
		_, err = q.Exec(ctx, `UPDATE articles SET published = $1, published_offset = $2, published_date_only = $3 WHERE id = $4`,
			nullTime(t), off, dateOnly, id)
	}
	return err
}

// storyOf returns the story an article is in, "" for none; ENOTFOUND for
// an unknown article.
func storyOf(ctx context.Context, q querier, articleID string) (string, error) {
	var s *string
	err := q.QueryRow(ctx, `SELECT story_id FROM articles WHERE id = $1`, articleID).Scan(&s)
	if errors.Is(err, pgx.ErrNoRows) {
		return "", crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", articleID)
	}
	if err != nil || s == nil {
		return "", err
	}
	return *s, nil
}

func membersOf(ctx context.Context, q querier, storyID string) ([]string, error) {
	rows, err := q.Query(ctx, `SELECT id FROM articles WHERE story_id = $1 ORDER BY ingested, seq`, storyID)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

// newStoryID returns base when no story has it, else base-2, base-3...
func newStoryID(ctx context.Context, q querier, base string) (string, error) {
	for i := 1; ; i++ {
		id := base
		if i > 1 {
			id = fmt.Sprintf("%s-%d", base, i)
		}
		var n int
		if err := q.QueryRow(ctx, `SELECT count(*) FROM stories WHERE id = $1`, id).Scan(&n); err != nil {
			return "", err
		}
		if n == 0 {
			return id, nil
		}
	}
}

// createStory makes a story for articles taken out of from.
func createStory(ctx context.Context, q querier, id string, from *crosscheck.Story, now time.Time) error {
	s := &crosscheck.Story{ID: id, Created: now, Updated: now}
	if from != nil {
		s.Places = from.Places
	}
	if err := saveStory(ctx, q, s); err != nil {
		return err
	}
	_, err := q.Exec(ctx, `INSERT INTO corrected_stories (story_id) VALUES ($1) ON CONFLICT DO NOTHING`, id)
	return err
}

func place(ctx context.Context, q querier, articles []string, storyID string) error {
	for _, id := range articles {
		if err := setArticleStory(ctx, q, id, storyID); err != nil {
			return err
		}
	}
	return nil
}

// refreshStories derives the article count, outlets and newest date of
// the given stories from their members, marks them as corrected, stamps
// them updated, and deletes those left without articles.
func refreshStories(ctx context.Context, q querier, now time.Time, ids ...string) error {
	for _, id := range ids {
		if id == "" {
			continue
		}
		if _, err := q.Exec(ctx, `INSERT INTO corrected_stories (story_id) VALUES ($1) ON CONFLICT DO NOTHING`, id); err != nil {
			return err
		}
		if err := deriveStory(ctx, q, id, now); err != nil {
			return fmt.Errorf("story %s: %w", id, err)
		}
	}
	return nil
}

// deriveStory recomputes a story's summary from its members; a zero now
// keeps its Updated time.
func deriveStory(ctx context.Context, q querier, id string, now time.Time) error {
	s, err := story(ctx, q, id)
	if crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND {
		return nil
	}
	if err != nil {
		return err
	}
	rows, err := q.Query(ctx, `SELECT outlet, title, published FROM articles WHERE story_id = $1 ORDER BY published IS NULL, published, seq`, id)
	if err != nil {
		return err
	}
	var (
		n             int
		outlets       []string
		count         = map[string]int{}
		first         string
		latest, early *time.Time
	)
	for rows.Next() {
		var o, title string
		var pub *time.Time
		if err := rows.Scan(&o, &title, &pub); err != nil {
			rows.Close()
			return err
		}
		n++
		if first == "" {
			first = title
		}
		if pub != nil {
			if early == nil {
				early = pub
			}
			latest = pub
		}
		if o = strings.TrimSpace(o); o != "" {
			key := strings.ToLower(o)
			if count[key] == 0 {
				outlets = append(outlets, o)
			}
			count[key]++
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return err
	}
	if n == 0 {
		for _, stmt := range []string{`DELETE FROM stories WHERE id = $1`, `DELETE FROM story_states WHERE story_id = $1`} {
			if _, err := q.Exec(ctx, stmt, id); err != nil {
				return err
			}
		}
		return nil
	}
	slices.SortStableFunc(outlets, func(a, b string) int { return count[strings.ToLower(b)] - count[strings.ToLower(a)] })
	s.Articles, s.Outlets = n, outlets
	if s.Title == "" {
		s.Title = first
	}
	if s.EventDate.IsZero() && early != nil {
		s.EventDate = early.UTC().Truncate(24 * time.Hour)
	}
	if !now.IsZero() {
		s.Updated = now
	}
	if err := saveStory(ctx, q, s); err != nil {
		return err
	}
	_, err = q.Exec(ctx, `UPDATE stories SET latest = $1 WHERE id = $2`, latest, id)
	return err
}

// refreshCorrected derives the summary of those of ids that corrections
// changed: the clusterer that just saved them does not know about them.
func refreshCorrected(ctx context.Context, q querier, ids []string) error {
	if len(ids) == 0 {
		return nil
	}
	rows, err := q.Query(ctx, `SELECT story_id FROM corrected_stories WHERE story_id = ANY($1)`, ids)
	if err != nil {
		return err
	}
	corrected, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return err
	}
	for _, id := range corrected {
		if err := deriveStory(ctx, q, id, time.Time{}); err != nil {
			return fmt.Errorf("story %s: %w", id, err)
		}
	}
	return nil
}

const correctionCols = `id, kind, article_id, story_id, target_id, body, note, created, undone`

// scanCorrection reads correctionCols, with the body's Emptied story.
func scanCorrection(sc pgx.Row) (*crosscheck.Correction, storecore.CorrectionBody, error) {
	var (
		c       crosscheck.Correction
		kind    string
		body    []byte
		created time.Time
		undone  *time.Time
		b       storecore.CorrectionBody
	)
	if err := sc.Scan(&c.ID, &kind, &c.Article, &c.Story, &c.Target, &body, &c.Note, &created, &undone); err != nil {
		return nil, b, err
	}
	c.Kind = crosscheck.CorrectionKind(kind)
	if err := json.Unmarshal(body, &b); err != nil {
		return nil, b, fmt.Errorf("correction %d: %w", c.ID, err)
	}
	c.Articles, c.Anchor, c.Fields = b.Articles, b.Anchor, b.Fields
	c.Created, c.Undone = created.UTC(), decTime(undone)
	return &c, b, nil
}

func correctionByID(ctx context.Context, q querier, id int64) (*crosscheck.Correction, storecore.CorrectionBody, error) {
	c, b, err := scanCorrection(q.QueryRow(ctx, `SELECT `+correctionCols+` FROM corrections WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, b, crosscheck.Errorf(crosscheck.ENOTFOUND, "no correction %d", id)
	}
	return c, b, err
}

// Correction returns one correction; ENOTFOUND when there is none.
func (db *DB) Correction(ctx context.Context, id int64) (*crosscheck.Correction, error) {
	c, _, err := correctionByID(ctx, db.pool, id)
	if err != nil {
		return nil, wrap("correction", err)
	}
	return c, nil
}

// Corrections returns the corrections the filter selects, newest first,
// and their total before Offset and Limit.
func (db *DB) Corrections(ctx context.Context, f crosscheck.CorrectionFilter) ([]*crosscheck.Correction, int, error) {
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	if f.Article != nil {
		p := arg(*f.Article)
		where = append(where, `(article_id = `+p+` OR jsonb_exists(body->'articles', `+p+`))`)
	}
	if f.Story != nil {
		p := arg(*f.Story)
		where = append(where, `(story_id = `+p+` OR target_id = `+p+`)`)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := db.pool.QueryRow(ctx, `SELECT count(*) FROM corrections`+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("corrections: %w", err)
	}
	rows, err := db.pool.Query(ctx, `SELECT `+correctionCols+` FROM corrections`+cond+` ORDER BY id DESC`+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("corrections: %w", err)
	}
	defer rows.Close()
	var out []*crosscheck.Correction
	for rows.Next() {
		c, _, err := scanCorrection(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("corrections: %w", err)
		}
		out = append(out, c)
	}
	return out, total, rows.Err()
}

// Undo reverses a correction and records when. It refuses (ECONFLICT) when
// what the correction changed was changed again since.
//
// Errors: ENOTFOUND for an unknown correction; EINVALID when it was undone
// already; ECONFLICT as above.
func (db *DB) Undo(ctx context.Context, id int64) (*crosscheck.Correction, error) {
	now := db.Now().UTC().Truncate(time.Microsecond)
	var out *crosscheck.Correction
	err := db.updateStories(ctx, "undo correction", func(tx pgx.Tx) error {
		c, b, err := correctionByID(ctx, tx, id)
		if err != nil {
			return err
		}
		if err := storecore.Undo(ctx, storyTx{tx}, c, b, now); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE corrections SET undone = $1 WHERE id = $2`, now, id); err != nil {
			return err
		}
		c.Undone = now
		out = c
		return nil
	})
	return out, err
}

// ReapplyCorrections places the articles of every standing move, merge and
// split again, oldest first, after a re-cluster rebuilt the stories (see
// sqlite.DB.ReapplyCorrections). It returns the number applied.
func (db *DB) ReapplyCorrections(ctx context.Context) (int, error) {
	now := db.Now().UTC().Truncate(time.Microsecond)
	applied := 0
	err := db.updateStories(ctx, "reapply corrections", func(tx pgx.Tx) error {
		applied = 0
		if _, err := tx.Exec(ctx, `DELETE FROM corrected_stories`); err != nil {
			return err
		}
		rows, err := tx.Query(ctx, `SELECT `+correctionCols+` FROM corrections WHERE undone IS NULL AND kind <> $1 ORDER BY id`, string(crosscheck.CorrectArticle))
		if err != nil {
			return err
		}
		var cs []*crosscheck.Correction
		for rows.Next() {
			c, _, err := scanCorrection(rows)
			if err != nil {
				rows.Close()
				return err
			}
			cs = append(cs, c)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		applied, err = storecore.Reapply(ctx, storyTx{tx}, cs, now)
		return err
	})
	return applied, err
}

// SaveStoryCounts keeps what the cross-check of one version of a story
// found, for the list's conflict filter and order.
func (db *DB) SaveStoryCounts(ctx context.Context, c crosscheck.StoryCounts) error {
	_, err := db.pool.Exec(ctx, `INSERT INTO story_analysis (story_id, updated, articles, claims, conflicts) VALUES ($1, $2, $3, $4, $5)
		ON CONFLICT (story_id) DO UPDATE SET updated = excluded.updated, articles = excluded.articles,
			claims = excluded.claims, conflicts = excluded.conflicts`,
		c.Story, nullTime(c.Updated), c.Articles, c.Claims, c.Conflicts)
	return wrap("save story counts", err)
}

// StoryCounts returns the kept counts of the current version of each of
// the given stories that has them.
func (db *DB) StoryCounts(ctx context.Context, ids []string) (map[string]crosscheck.StoryCounts, error) {
	out := map[string]crosscheck.StoryCounts{}
	if len(ids) == 0 {
		return out, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT s.id, s.updated, s.articles, sa.claims, sa.conflicts FROM stories s`+analysedJoin+
		` WHERE s.id = ANY($1)`, ids)
	if err != nil {
		return nil, fmt.Errorf("story counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var c crosscheck.StoryCounts
		var upd *time.Time
		if err := rows.Scan(&c.Story, &upd, &c.Articles, &c.Claims, &c.Conflicts); err != nil {
			return nil, fmt.Errorf("story counts: %w", err)
		}
		c.Updated = decTime(upd)
		out[c.Story] = c
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story counts: %w", err)
	}
	return out, nil
}

// Unanalysed counts the stories whose current version has no kept counts.
func (db *DB) Unanalysed(ctx context.Context) (int, error) {
	var n int
	err := db.pool.QueryRow(ctx, `SELECT count(*) FROM stories s LEFT`+analysedJoin+` WHERE sa.story_id IS NULL`).Scan(&n)
	if err != nil {
		return 0, fmt.Errorf("unanalysed stories: %w", err)
	}
	return n, nil
}

// Outlets returns every outlet named by a story, with its number of
// stories, most stories first; spellings that differ only in case count
// as one.
func (db *DB) Outlets(ctx context.Context) ([]crosscheck.OutletCount, error) {
	rows, err := db.pool.Query(ctx, `SELECT min(outlet), count(*) AS n FROM story_outlets GROUP BY lower(outlet) ORDER BY n DESC, 1`)
	if err != nil {
		return nil, fmt.Errorf("outlets: %w", err)
	}
	defer rows.Close()
	var out []crosscheck.OutletCount
	for rows.Next() {
		var o crosscheck.OutletCount
		if err := rows.Scan(&o.Outlet, &o.Stories); err != nil {
			return nil, fmt.Errorf("outlets: %w", err)
		}
		out = append(out, o)
	}
	return out, rows.Err()
}

// ResolveID turns a unique prefix of an article ID (kind "article") or a
// story ID (kind "story"; the "s-" may be left out) into the full ID.
//
// Errors: ENOTFOUND when nothing starts with it, naming the closest IDs
// ("did you mean"); EINVALID when several do, naming some.
func (db *DB) ResolveID(ctx context.Context, kind, prefix string) (string, error) {
	table, noun := "articles", "article"
	if kind == "story" {
		table, noun = "stories", "story"
	}
	prefix = strings.TrimSpace(prefix)
	if prefix == "" {
		return "", crosscheck.Errorf(crosscheck.EINVALID, "no %s ID given", noun)
	}
	tries := []string{prefix}
	if kind == "story" && !strings.HasPrefix(prefix, "s-") {
		tries = append(tries, "s-"+prefix)
	}
	for _, p := range tries {
		// The range keeps the scan on the index: every ID starting with
		// p sorts between p and p followed by the last code point.
		ids, err := db.idsFrom(ctx, table, `id >= $1 AND id < $1 || chr(1114111) AND starts_with(id, $1) ORDER BY id LIMIT 6`, p)
		if err != nil {
			return "", fmt.Errorf("resolve %s: %w", noun, err)
		}
		switch {
		case slices.Contains(ids, p) || len(ids) == 1:
			if slices.Contains(ids, p) {
				return p, nil
			}
			return ids[0], nil
		case len(ids) > 1:
			more := ""
			if len(ids) == 6 {
				ids, more = ids[:5], ", …"
			}
			return "", crosscheck.Errorf(crosscheck.EINVALID, "%s ID %q is ambiguous: it starts %s; give more characters", noun, prefix, strings.Join(ids, ", ")+more)
		}
	}
	p := tries[len(tries)-1]
	var near []string
	after, err := db.idsFrom(ctx, table, `id > $1 ORDER BY id LIMIT 1`, p)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", noun, err)
	}
	before, err := db.idsFrom(ctx, table, `id < $1 ORDER BY id DESC LIMIT 1`, p)
	if err != nil {
		return "", fmt.Errorf("resolve %s: %w", noun, err)
	}
	best, least := 0, max(1, min(4, len(p)/2))
	for _, id := range append(before, after...) {
		n := commonPrefix(id, p)
		if kind == "story" {
			n -= 2
		}
		switch {
		case n < least || n < best:
		case n > best:
			near, best = []string{id}, n
		default:
			near = append(near, id)
		}
	}
	if len(near) > 0 {
		return "", crosscheck.Errorf(crosscheck.ENOTFOUND, "no %s with ID %q; did you mean %s?", noun, prefix, strings.Join(near, " or "))
	}
	return "", crosscheck.Errorf(crosscheck.ENOTFOUND, "no %s with ID %q", noun, prefix)
}

func (db *DB) idsFrom(ctx context.Context, table, cond string, args ...any) ([]string, error) {
	rows, err := db.pool.Query(ctx, `SELECT id FROM `+table+` WHERE `+cond, args...)
	if err != nil {
		return nil, err
	}
	return pgx.CollectRows(rows, pgx.RowTo[string])
}

func commonPrefix(a, b string) int {
	n := 0
	for n < len(a) && n < len(b) && a[n] == b[n] {
		n++
	}
	return n
}

// storyTx gives the correction rules (storecore.Apply, Undo, Reapply)
// this store's reads and writes inside a transaction.
type storyTx struct{ q querier }

func (t storyTx) Article(ctx context.Context, id string) (*crosscheck.Article, error) {
	return article(ctx, t.q, id)
}

func (t storyTx) SetField(ctx context.Context, id, field, value string) error {
	return setField(ctx, t.q, id, field, value)
}

func (t storyTx) StoryOf(ctx context.Context, articleID string) (string, error) {
	return storyOf(ctx, t.q, articleID)
}

func (t storyTx) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	return story(ctx, t.q, id)
}

func (t storyTx) SaveStory(ctx context.Context, s *crosscheck.Story) error {
	return saveStory(ctx, t.q, s)
}

func (t storyTx) Members(ctx context.Context, storyID string) ([]string, error) {
	return membersOf(ctx, t.q, storyID)
}

func (t storyTx) NewStoryID(ctx context.Context, base string) (string, error) {
	return newStoryID(ctx, t.q, base)
}

func (t storyTx) CreateStory(ctx context.Context, id string, from *crosscheck.Story, now time.Time) error {
	return createStory(ctx, t.q, id, from, now)
}

func (t storyTx) Place(ctx context.Context, articles []string, storyID string) error {
	return place(ctx, t.q, articles, storyID)
}

func (t storyTx) Refresh(ctx context.Context, now time.Time, ids ...string) error {
	return refreshStories(ctx, t.q, now, ids...)
}
