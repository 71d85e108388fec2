package postgres

import (
	"context"
	"errors"
	"fmt"
	"strconv"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/jackc/pgx/v5"
)

// SaveStory inserts or updates a story by ID, with its outlets indexed for
// the outlet filter. Times are kept to the microsecond, in UTC.
//
// Errors: EINVALID for a story without an ID.
func (db *DB) SaveStory(ctx context.Context, s *crosscheck.Story) error {
	if s == nil || s.ID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "save story: the story has no ID")
	}
	return db.updateStories(ctx, "save story", func(tx pgx.Tx) error { return saveStory(ctx, tx, s) })
}

func saveStory(ctx context.Context, q querier, s *crosscheck.Story) error {
	if s == nil || s.ID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "save story: the story has no ID")
	}
	if _, err := q.Exec(ctx, `INSERT INTO stories (id, title, event_date, places, entities, outlets, articles, created, updated)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, event_date = excluded.event_date,
			places = excluded.places, entities = excluded.entities, outlets = excluded.outlets,
			articles = excluded.articles, created = excluded.created, updated = excluded.updated`,
		s.ID, s.Title, nullTime(s.EventDate), nonNil(s.Places), nonNil(s.Entities), nonNil(s.Outlets), s.Articles,
		nullTime(s.Created), nullTime(s.Updated)); err != nil {
		return fmt.Errorf("story %s: %w", s.ID, err)
	}
	if _, err := q.Exec(ctx, `DELETE FROM story_outlets WHERE story_id = $1`, s.ID); err != nil {
		return fmt.Errorf("story %s outlets: %w", s.ID, err)
	}
	if _, err := q.Exec(ctx, `INSERT INTO story_outlets (outlet, story_id)
		SELECT o, $2 FROM unnest($1::text[]) AS o WHERE o <> '' ON CONFLICT DO NOTHING`, nonNil(s.Outlets), s.ID); err != nil {
		return fmt.Errorf("story %s outlets: %w", s.ID, err)
	}
	return nil
}

// SetArticleStory places an article in a story, replacing its earlier place.
// A story not saved yet is created bare (ID only) for the next SaveStory
// to fill. It does not change the story's Articles count: the clusterer
// keeps it.
//
// Errors: ENOTFOUND when the article does not exist; EINVALID for an empty
// story ID.
func (db *DB) SetArticleStory(ctx context.Context, articleID, storyID string) error {
	if storyID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "place article %q: no story ID", articleID)
	}
	return db.updateStories(ctx, "set article story", func(tx pgx.Tx) error {
		return setArticleStory(ctx, tx, articleID, storyID)
	})
}

func setArticleStory(ctx context.Context, q querier, articleID, storyID string) error {
	if storyID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "place article %q: no story ID", articleID)
	}
	if _, err := q.Exec(ctx, `INSERT INTO stories (id) VALUES ($1) ON CONFLICT DO NOTHING`, storyID); err != nil {
		return err
	}
	tag, err := q.Exec(ctx, `UPDATE articles SET story_id = $1 WHERE id = $2`, storyID, articleID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", articleID)
	}
	return nil
}

const storyCols = `s.id, s.title, s.event_date, s.places, s.entities, s.outlets, s.articles, s.created, s.updated, s.latest`

func scanStory(sc pgx.Row) (*crosscheck.Story, error) {
	var (
		s                               crosscheck.Story
		event, created, updated, latest *time.Time
	)
	if err := sc.Scan(&s.ID, &s.Title, &event, &s.Places, &s.Entities, &s.Outlets, &s.Articles, &created, &updated, &latest); err != nil {
		return nil, err
	}
	s.EventDate, s.Created, s.Updated, s.Latest = decTime(event), decTime(created), decTime(updated), decTime(latest)
	for _, l := range []*[]string{&s.Places, &s.Entities, &s.Outlets} {
		if len(*l) == 0 {
			*l = nil
		}
	}
	return &s, nil
}

// Story returns one story; ENOTFOUND when there is none.
func (db *DB) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	return story(ctx, db.pool, id)
}

func story(ctx context.Context, q querier, id string) (*crosscheck.Story, error) {
	s, err := scanStory(q.QueryRow(ctx, `SELECT `+storyCols+` FROM stories s WHERE s.id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no story with ID %q", id)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return s, nil
}

// storyOrder maps a sort name to its ORDER BY clause: unknown values last,
// as SQLite orders NULLs in a descending sort.
var storyOrder = map[string]string{
	crosscheck.SortLatest:    `s.latest DESC NULLS LAST, s.id`,
	crosscheck.SortEvent:     `s.event_date DESC NULLS LAST, s.id`,
	crosscheck.SortOutlets:   `s.outlet_count DESC, s.id`,
	crosscheck.SortConflicts: `sa.conflicts DESC NULLS LAST, s.latest DESC NULLS LAST, s.id`,
}

// analysedJoin joins the analysis of a story's current version.
const analysedJoin = ` JOIN story_analysis sa ON sa.story_id = s.id AND sa.articles = s.articles AND sa.updated IS NOT DISTINCT FROM s.updated`

// Stories returns the stories the filter selects and the total count before
// Offset and Limit, in the order f.Sort names, as the SQLite store does
// (see sqlite.DB.Stories), Query going through the full-text index: when
// more than 20,000 articles match it, only the stories of the 20,000 most
// recently stored count.
func (db *DB) Stories(ctx context.Context, f crosscheck.StoryFilter) ([]*crosscheck.Story, int, error) {
	sort := f.Sort
	if sort == "" {
		sort = crosscheck.SortLatest
	}
	order, ok := storyOrder[sort]
	if !ok {
		return nil, 0, crosscheck.Errorf(crosscheck.EINVALID, "unknown story order %q: choose %s", f.Sort, strings.Join(crosscheck.StorySorts, ", "))
	}
	from := `stories s`
	switch {
	case f.HasConflicts:
		from += analysedJoin + ` AND sa.conflicts > 0`
	case sort == crosscheck.SortConflicts:
		from += ` LEFT` + analysedJoin
	}
	var where []string
	var args []any
	arg := func(v any) string {
		args = append(args, v)
		return "$" + strconv.Itoa(len(args))
	}
	var outlets []string
	if f.Outlet != nil {
		outlets = append(outlets, *f.Outlet)
	}
	if f.Outlets != nil {
		outlets = append(outlets, f.Outlets...)
		if len(outlets) == 0 {
			return nil, 0, nil
		}
	}
	if len(outlets) > 0 {
		lower := make([]string, len(outlets))
		for i, o := range outlets {
			lower[i] = strings.ToLower(o)
		}
		where = append(where, `s.id IN (SELECT story_id FROM story_outlets WHERE lower(outlet) = ANY(`+arg(lower)+`))`)
	}
	if f.Since != nil {
		where = append(where, `coalesce(s.event_date, s.latest) >= `+arg(f.Since.UTC()))
	}
	if f.Until != nil {
		where = append(where, `coalesce(s.event_date, s.latest) < `+arg(f.Until.UTC()))
	}
	if f.Query != nil {
		tsq, err := tsQuery(*f.Query)
		if err != nil {
			return nil, 0, err
		}
		// Mapping every match to its story costs time in proportion:
		// past maxStoryMatches, only the newest matches count. The
		// matches are gathered first (an array), so their articles are
		// found by key rather than by a join reading every article.
		where = append(where, `s.id IN (SELECT a.story_id FROM articles a WHERE a.seq = ANY (ARRAY(
			SELECT x.seq FROM article_search x WHERE x.search @@ `+tsLiteral(tsq)+`
			ORDER BY x.seq DESC LIMIT `+arg(db.maxStoryMatches)+`)) AND a.story_id IS NOT NULL)`)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	countFrom := from
	if sort == crosscheck.SortConflicts && !f.HasConflicts {
		countFrom = `stories s` // the left join adds no rows
	}
	// The total and the page in one round trip, from one snapshot.
	var batch pgx.Batch
	if countFrom == `stories s` && cond == "" {
		batch.Queue(`SELECT value FROM store_revision WHERE name = 'story_count'`) // kept by a trigger
	} else {
		batch.Queue(`SELECT count(*) FROM `+countFrom+cond, args...)
	}
	batch.Queue(`SELECT `+storyCols+` FROM `+from+cond+` ORDER BY `+order+limitClause(f.Offset, f.Limit), args...)
	br := db.pool.SendBatch(ctx, &batch)
	defer br.Close()
	var total int
	if err := br.QueryRow().Scan(&total); err != nil {
		return nil, 0, storiesError(f, err)
	}
	rows, err := br.Query()
	if err != nil {
		return nil, 0, storiesError(f, err)
	}
	defer rows.Close()
	var ss []*crosscheck.Story
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, 0, fmt.Errorf("stories: %w", err)
		}
		ss = append(ss, s)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, storiesError(f, err)
	}
	if total == 0 {
		return nil, 0, nil
	}
	return ss, total, nil
}

func storiesError(f crosscheck.StoryFilter, err error) error {
	if f.Query != nil {
		return searchError(*f.Query, err)
	}
	return fmt.Errorf("stories: %w", err)
}

// SaveStoryState keeps the clusterer's opaque state for a story, replacing
// the earlier one. The story row need not exist yet.
func (db *DB) SaveStoryState(ctx context.Context, storyID string, state []byte) error {
	if storyID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "save story state: no story ID")
	}
	return db.updateStories(ctx, "save story state", func(tx pgx.Tx) error {
		return saveStoryState(ctx, tx, storyID, state, db.Now(), 0)
	})
}

func saveStoryState(ctx context.Context, q querier, storyID string, state []byte, now time.Time, rev int64) error {
	if storyID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "save story state: no story ID")
	}
	if state == nil {
		state = []byte{}
	}
	_, err := q.Exec(ctx, `INSERT INTO story_states (story_id, state, saved, rev) VALUES ($1, $2, $3, $4)
		ON CONFLICT (story_id) DO UPDATE SET state = excluded.state, saved = excluded.saved,
			rev = greatest(story_states.rev, excluded.rev)`,
		storyID, state, now.UTC().Truncate(time.Microsecond), rev)
	return err
}

// StoryStates calls fn with the state of every story updated at or after
// since (the story's Updated, or when the state was saved if the story row
// is missing or has no Updated), oldest first, stopping at fn's first error,
// which it returns as is. The state slice is fn's to keep.
func (db *DB) StoryStates(ctx context.Context, since time.Time, fn func(storyID string, state []byte) error) error {
	var lower any = nil
	cond := ``
	if !since.IsZero() {
		lower, cond = since.UTC(), ` WHERE coalesce(s.updated, st.saved) >= $1`
	}
	args := []any{}
	if lower != nil {
		args = append(args, lower)
	}
	rows, err := db.pool.Query(ctx, `SELECT st.story_id, st.state FROM story_states st LEFT JOIN stories s ON s.id = st.story_id`+
		cond+` ORDER BY coalesce(s.updated, st.saved), st.story_id`, args...)
	if err != nil {
		return fmt.Errorf("story states: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var id string
		var state []byte
		if err := rows.Scan(&id, &state); err != nil {
			return fmt.Errorf("story states: %w", err)
		}
		if err := fn(id, state); err != nil {
			return err
		}
	}
	if err := rows.Err(); err != nil {
		return fmt.Errorf("story states: %w", err)
	}
	return nil
}

// DeleteStories removes every story, story state and article placement, for
// a recluster. The articles stay.
func (db *DB) DeleteStories(ctx context.Context) error {
	return db.updateStories(ctx, "delete stories", func(tx pgx.Tx) error {
		for _, s := range []string{
			`UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL`,
			`DELETE FROM story_outlets`,
			`DELETE FROM story_states`,
			`DELETE FROM stories`,
		} {
			if _, err := tx.Exec(ctx, s); err != nil {
				return err
			}
		}
		return nil
	})
}
