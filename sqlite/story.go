package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// SaveStory inserts or updates a story by ID, with its outlets indexed for
// the outlet filter. Times are kept to the microsecond, in UTC.
//
// Errors: EINVALID for a story without an ID.
func (db *DB) SaveStory(ctx context.Context, s *crosscheck.Story) error {
	return db.update(ctx, "save story", func(tx *sql.Tx) error { return saveStory(ctx, tx, s) })
}

// SaveStory is DB.SaveStory in the transaction.
func (tx *Tx) SaveStory(ctx context.Context, s *crosscheck.Story) error {
	return wrap("save story", saveStory(ctx, tx.tx, s))
}

func saveStory(ctx context.Context, q querier, s *crosscheck.Story) error {
	_, err := saveStories(ctx, q, []*crosscheck.Story{s})
	return err
}

// saveStories is saveStory for many stories in three statements; a story
// given twice is saved as last given. It returns the stories' IDs, each
// once, in the order first given.
func saveStories(ctx context.Context, q querier, stories []*crosscheck.Story) ([]string, error) {
	type storyRow struct {
		ID       string `json:"id"`
		Title    string `json:"title"`
		Event    any    `json:"event"`
		Places   string `json:"places"`
		Entities string `json:"entities"`
		Outlets  string `json:"outlets"`
		Articles int    `json:"articles"`
		Created  any    `json:"created"`
		Updated  any    `json:"updated"`
	}
	type outletRow struct {
		Outlet string `json:"outlet"`
		Story  string `json:"story"`
		Sort   any    `json:"sort"`
	}
	last := map[string]*crosscheck.Story{}
	var ids []string
	for _, s := range stories {
		if s == nil || s.ID == "" {
			return nil, crosscheck.Errorf(crosscheck.EINVALID, "save story: the story has no ID")
		}
		if last[s.ID] == nil {
			ids = append(ids, s.ID)
		}
		last[s.ID] = s
	}
	if len(ids) == 0 {
		return nil, nil
	}
	rows := make([]storyRow, 0, len(ids))
	var outlets []outletRow
	for _, id := range ids {
		s := last[id]
		r := storyRow{ID: s.ID, Title: s.Title, Event: encTime(s.EventDate), Articles: s.Articles,
			Created: encTime(s.Created), Updated: encTime(s.Updated)}
		var err error
		for _, f := range []struct {
			dst *string
			l   []string
		}{{&r.Places, s.Places}, {&r.Entities, s.Entities}, {&r.Outlets, s.Outlets}} {
			if *f.dst, err = jsonList(f.l); err != nil {
				return nil, err
			}
		}
		rows = append(rows, r)
		sortTime := encTime(s.EventDate)
		if sortTime == nil {
			sortTime = encTime(s.Updated)
		}
		for _, o := range s.Outlets {
			if o != "" {
				outlets = append(outlets, outletRow{o, s.ID, sortTime})
			}
		}
	}
	js, err := json.Marshal(rows)
	if err != nil {
		return nil, err
	}
	if _, err := q.ExecContext(ctx, `INSERT INTO stories (id, title, event_date, places, entities, outlets, articles, created, updated)
		SELECT json_extract(value, '$.id'), json_extract(value, '$.title'), json_extract(value, '$.event'),
			json_extract(value, '$.places'), json_extract(value, '$.entities'), json_extract(value, '$.outlets'),
			json_extract(value, '$.articles'), json_extract(value, '$.created'), json_extract(value, '$.updated')
		FROM json_each(?) WHERE true
		ON CONFLICT (id) DO UPDATE SET title = excluded.title, event_date = excluded.event_date,
			places = excluded.places, entities = excluded.entities, outlets = excluded.outlets,
			articles = excluded.articles, created = excluded.created, updated = excluded.updated`, string(js)); err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	if _, err := q.ExecContext(ctx, `DELETE FROM story_outlets WHERE story_id IN (SELECT value FROM json_each(?))`, jsonArray(ids)); err != nil {
		return nil, fmt.Errorf("story outlets: %w", err)
	}
	if len(outlets) > 0 {
		js, err := json.Marshal(outlets)
		if err != nil {
			return nil, err
		}
		if _, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO story_outlets (outlet, story_id, sort_time)
			SELECT json_extract(value, '$.outlet'), json_extract(value, '$.story'), json_extract(value, '$.sort')
			FROM json_each(?)`, string(js)); err != nil {
			return nil, fmt.Errorf("story outlets: %w", err)
		}
	}
	return ids, nil
}

func jsonList(l []string) (string, error) {
	if len(l) == 0 {
		return "[]", nil
	}
	b, err := json.Marshal(l)
	return string(b), err
}

// SetArticleStory places an article in a story, replacing its earlier place.
// A story not saved yet is created bare (ID only) for the next SaveStory
// to fill, so the order of the two calls does not matter. It does not
// change the story's Articles count: the clusterer keeps it.
//
// Errors: ENOTFOUND when the article does not exist; EINVALID for an empty
// story ID.
func (db *DB) SetArticleStory(ctx context.Context, articleID, storyID string) error {
	return db.update(ctx, "set article story", func(tx *sql.Tx) error {
		return setArticleStory(ctx, tx, articleID, storyID)
	})
}

// SetArticleStory is DB.SetArticleStory in the transaction.
func (tx *Tx) SetArticleStory(ctx context.Context, articleID, storyID string) error {
	return wrap("set article story", setArticleStory(ctx, tx.tx, articleID, storyID))
}

func setArticleStory(ctx context.Context, q querier, articleID, storyID string) error {
	if storyID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "place article %q: no story ID", articleID)
	}
	if _, err := q.ExecContext(ctx, `INSERT OR IGNORE INTO stories (id) VALUES (?)`, storyID); err != nil {
		return err
	}
	r, err := q.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`, storyID, articleID)
	if err != nil {
		return err
	}
	if n, _ := r.RowsAffected(); n == 0 {
		return crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", articleID)
	}
	return nil
}

const storyCols = `s.id, s.title, s.event_date, s.places, s.entities, s.outlets, s.articles, s.created, s.updated, s.latest`

func scanStory(sc scanner) (*crosscheck.Story, error) {
	var (
		s                         crosscheck.Story
		event, created, updated   sql.NullInt64
		latest                    sql.NullInt64
		places, entities, outlets string
	)
	if err := sc.Scan(&s.ID, &s.Title, &event, &places, &entities, &outlets, &s.Articles, &created, &updated, &latest); err != nil {
		return nil, err
	}
	s.EventDate, s.Created, s.Updated, s.Latest = decTime(event), decTime(created), decTime(updated), decTime(latest)
	for _, f := range []struct {
		src string
		dst *[]string
	}{{places, &s.Places}, {entities, &s.Entities}, {outlets, &s.Outlets}} {
		if f.src == "" || f.src == "[]" {
			continue
		}
		if err := json.Unmarshal([]byte(f.src), f.dst); err != nil {
			return nil, fmt.Errorf("story %s: %w", s.ID, err)
		}
	}
	return &s, nil
}

// Story returns one story; ENOTFOUND when there is none.
func (db *DB) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	return story(ctx, db.reader, id)
}

// Story is DB.Story in the transaction.
func (tx *Tx) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	return story(ctx, tx.tx, id)
}

func story(ctx context.Context, q querier, id string) (*crosscheck.Story, error) {
	s, err := scanStory(q.QueryRowContext(ctx, `SELECT `+storyCols+` FROM stories s WHERE s.id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no story with ID %q", id)
	}
	if err != nil {
		return nil, fmt.Errorf("story %s: %w", id, err)
	}
	return s, nil
}

// Stories returns the stories the filter selects and the total count before
// Offset and Limit, in the order f.Sort names (see crosscheck.StorySorts):
// by default the newest publication date of their articles first, stories
// with no dated article last. Since and Until bound the event date, or the
// newest publication date when the event date is unknown. The default
// order and the outlet filter are index-backed; Query goes through the
// full-text index (see Search for its syntax; EINVALID when it does not
// parse). When more than 20,000 articles match Query, only the stories of
// the 20,000 most recently stored count: a query as common as "said" stays
// under 100 ms on 100,000 articles, at the cost of older stories missing
// from its list and total.
func (db *DB) Stories(ctx context.Context, f crosscheck.StoryFilter) ([]*crosscheck.Story, int, error) {
	return stories(ctx, db.reader, f, db.maxStoryMatches)
}

// Stories is DB.Stories in the transaction.
func (tx *Tx) Stories(ctx context.Context, f crosscheck.StoryFilter) ([]*crosscheck.Story, int, error) {
	return stories(ctx, tx.tx, f, tx.db.maxStoryMatches)
}

// storyOrder maps a sort name to its ORDER BY clause.
var storyOrder = map[string]string{
	crosscheck.SortLatest:    `s.latest DESC, s.id`,
	crosscheck.SortEvent:     `s.event_date DESC, s.id`,
	crosscheck.SortOutlets:   `s.outlet_count DESC, s.id`,
	crosscheck.SortConflicts: `sa.conflicts IS NULL, sa.conflicts DESC, s.latest DESC, s.id`,
}

// analysedJoin joins the analysis of a story's current version.
const analysedJoin = ` JOIN story_analysis sa ON sa.story_id = s.id AND sa.articles = s.articles AND sa.updated IS s.updated`

func stories(ctx context.Context, q querier, f crosscheck.StoryFilter, maxMatches int) ([]*crosscheck.Story, int, error) {
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
		marks := strings.TrimSuffix(strings.Repeat("?,", len(outlets)), ",")
		where = append(where, `s.id IN (SELECT story_id FROM story_outlets WHERE outlet IN (`+marks+`))`)
		for _, o := range outlets {
			args = append(args, o)
		}
	}
	if f.Since != nil {
		where, args = append(where, `coalesce(s.event_date, s.latest) >= ?`), append(args, f.Since.UnixMicro())
	}
	if f.Until != nil {
		where, args = append(where, `coalesce(s.event_date, s.latest) < ?`), append(args, f.Until.UnixMicro())
	}
	if f.Query != nil {
		match, err := ftsQuery(*f.Query)
		if err != nil {
			return nil, 0, err
		}
		// Mapping every match to its story costs about 1 ms per 1,000
		// matches: past maxMatches, only the newest matches count.
		var floor int64
		err = q.QueryRowContext(ctx, `SELECT rowid FROM articles_fts WHERE articles_fts MATCH ?
			ORDER BY rowid DESC LIMIT 1 OFFSET ?`, match, maxMatches-1).Scan(&floor)
		if err != nil && !errors.Is(err, sql.ErrNoRows) {
			return nil, 0, storiesError(f, err)
		}
		where = append(where, `s.id IN (SELECT a.story_id FROM articles_fts
			JOIN articles a INDEXED BY articles_seq_story ON a.seq = articles_fts.rowid
			WHERE articles_fts MATCH ? AND articles_fts.rowid >= ? AND a.story_id IS NOT NULL)`)
		args = append(args, match, floor)
	}
	cond := ""
	if len(where) > 0 {
		cond = " WHERE " + strings.Join(where, " AND ")
	}
	countFrom := from
	if sort == crosscheck.SortConflicts && !f.HasConflicts {
		countFrom = `stories s` // the left join adds no rows
	}
	var total int
	if err := q.QueryRowContext(ctx, `SELECT count(*) FROM `+countFrom+cond, args...).Scan(&total); err != nil {
		return nil, 0, storiesError(f, err)
	}
	if total == 0 {
		return nil, 0, nil
	}
	rows, err := q.QueryContext(ctx, `SELECT `+storyCols+` FROM `+from+cond+
		` ORDER BY `+order+limitClause(f.Offset, f.Limit), args...)
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
	return db.update(ctx, "save story state", func(tx *sql.Tx) error {
		return saveStoryState(ctx, tx, storyID, state, db.Now())
	})
}

// SaveStoryState is DB.SaveStoryState in the transaction.
func (tx *Tx) SaveStoryState(ctx context.Context, storyID string, state []byte) error {
	return wrap("save story state", saveStoryState(ctx, tx.tx, storyID, state, tx.db.Now()))
}

func saveStoryState(ctx context.Context, q querier, storyID string, state []byte, now time.Time) error {
	if storyID == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "save story state: no story ID")
	}
	if state == nil {
		state = []byte{}
	}
	_, err := q.ExecContext(ctx, `INSERT INTO story_states (story_id, state, saved) VALUES (?, ?, ?)
		ON CONFLICT (story_id) DO UPDATE SET state = excluded.state, saved = excluded.saved`,
		storyID, state, now.UnixMicro())
	return err
}

// StoryStates calls fn with the state of every story updated at or after
// since (the story's Updated, or when the state was saved if the story row
// is missing or has no Updated), oldest first, stopping at fn's first error,
// which it returns as is. The state slice is fn's to keep.
func (db *DB) StoryStates(ctx context.Context, since time.Time, fn func(storyID string, state []byte) error) error {
	return storyStates(ctx, db.reader, since, fn)
}

// StoryStates is DB.StoryStates in the transaction.
func (tx *Tx) StoryStates(ctx context.Context, since time.Time, fn func(storyID string, state []byte) error) error {
	return storyStates(ctx, tx.tx, since, fn)
}

func storyStates(ctx context.Context, q querier, since time.Time, fn func(storyID string, state []byte) error) error {
	var lower int64 = -1 << 62
	if !since.IsZero() {
		lower = since.UnixMicro()
	}
	rows, err := q.QueryContext(ctx, `SELECT st.story_id, st.state, coalesce(s.updated, st.saved) AS t
		FROM story_states st LEFT JOIN stories s ON s.id = st.story_id
		WHERE coalesce(s.updated, st.saved) >= ?
		ORDER BY t, st.story_id`, lower)
	if err != nil {
		return fmt.Errorf("story states: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var (
			id    string
			state []byte
			t     int64
		)
		if err := rows.Scan(&id, &state, &t); err != nil {
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
	return db.update(ctx, "delete stories", func(tx *sql.Tx) error { return deleteStories(ctx, tx) })
}

// DeleteStories is DB.DeleteStories in the transaction.
func (tx *Tx) DeleteStories(ctx context.Context) error {
	return wrap("delete stories", deleteStories(ctx, tx.tx))
}

func deleteStories(ctx context.Context, q querier) error {
	for _, s := range []string{
		`UPDATE articles SET story_id = NULL WHERE story_id IS NOT NULL`,
		`DELETE FROM story_outlets`,
		`DELETE FROM story_states`,
		`DELETE FROM stories`,
	} {
		if _, err := q.ExecContext(ctx, s); err != nil {
			return err
		}
	}
	return nil
}
