package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"iter"
	"slices"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/jackc/pgx/v5"
)

// SavePlacements writes, in one transaction, the stories a batch touched
// (summary and clusterer state), then the batch's placements, so a batch
// is placed whole or not at all. It is PlaceLocked for a caller that needs
// no view of the other writers (recluster).
//
// Errors: ENOTFOUND for a placement's missing article or story; nothing is
// written then.
func (db *DB) SavePlacements(ctx context.Context, stories []*crosscheck.Story, states map[string][]byte, placements []crosscheck.Placement) error {
	_, err := db.PlaceLocked(ctx, -1, func(iter.Seq2[string, []byte]) ([]*crosscheck.Story, map[string][]byte, []crosscheck.Placement, error) {
		return stories, states, placements, nil
	})
	return err
}

// StoryRevision returns the store's story revision: PlaceLocked's changed
// list holds the states saved after it. Read it before loading the story
// states, so nothing saved meanwhile is missed.
func (db *DB) StoryRevision(ctx context.Context) (int64, error) {
	var rev int64
	if err := db.pool.QueryRow(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&rev); err != nil {
		return 0, wrap("story revision", err)
	}
	return rev, nil
}

// PlaceLocked places a batch of articles as one writer among several
// processes, on any machine. In one transaction that first takes the
// stories lock (an advisory lock every story change takes, see doc.go), it:
//
//  1. reads the story states saved after revision rev by other writers
//     (rev < 0 reads none) and calls place with them, in the order they
//     were saved; place returns the stories it touched, their clusterer
//     states and the batch's placements;
//  2. writes those stories and states, stamped with a new revision, and
//     the placements; an article placed meanwhile keeps its story;
//  3. derives each touched story's article count from its members, drops
//     stories left without any, and derives corrected stories' summaries.
//
// It returns the new revision, to pass as rev next time. A placement must
// name a story of the batch or a stored one.
//
// Errors: ENOTFOUND for a placement's missing article or story; nothing is
// written then. place's error is returned as is.
func (db *DB) PlaceLocked(ctx context.Context, rev int64,
	place func(changed iter.Seq2[string, []byte]) ([]*crosscheck.Story, map[string][]byte, []crosscheck.Placement, error),
) (int64, error) {
	var newRev int64
	err := db.updateStories(ctx, "place articles", func(tx pgx.Tx) error {
		var cur int64
		if err := tx.QueryRow(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&cur); err != nil {
			return err
		}
		type saved struct {
			id    string
			state []byte
		}
		var changed []saved
		if rev >= 0 && rev < cur {
			rows, err := tx.Query(ctx, `SELECT story_id, state FROM story_states WHERE rev > $1 ORDER BY rev, story_id`, rev)
			if err != nil {
				return err
			}
			for rows.Next() {
				var s saved
				if err := rows.Scan(&s.id, &s.state); err != nil {
					rows.Close()
					return err
				}
				changed = append(changed, s)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return err
			}
		}
		stories, states, placements, err := place(func(yield func(string, []byte) bool) {
			for _, c := range changed {
				if !yield(c.id, c.state) {
					return
				}
			}
		})
		if err != nil {
			return err
		}
		newRev = cur + 1
		ids, err := writePlacements(ctx, tx, stories, states, placements, db.Now(), newRev)
		if err != nil {
			return err
		}
		if err := refreshCorrected(ctx, tx, ids); err != nil {
			return err
		}
		_, err = tx.Exec(ctx, `UPDATE store_revision SET value = $1 WHERE name = 'stories'`, newRev)
		return err
	})
	if err != nil {
		return 0, err
	}
	return newRev, nil
}

// writePlacements writes a batch's stories, their states and its
// placements, and derives the touched stories' counts from their members,
// in a handful of round trips whatever the batch's size: the stories lock
// is held meanwhile, so every round trip here is one all other writers
// wait for. It returns the IDs of the batch's stories.
func writePlacements(ctx context.Context, tx pgx.Tx, stories []*crosscheck.Story, states map[string][]byte,
	placements []crosscheck.Placement, now time.Time, rev int64,
) ([]string, error) {
	inBatch := map[string]bool{}
	var ids []string
	for _, s := range stories {
		if s == nil || s.ID == "" {
			return nil, crosscheck.Errorf(crosscheck.EINVALID, "save story: the story has no ID")
		}
		if !inBatch[s.ID] {
			inBatch[s.ID] = true
			ids = append(ids, s.ID)
		}
	}
	// Check the placements first: an article placed meanwhile, by this
	// writer or another, keeps its story; the first placement of an
	// article counts.
	var artIDs, otherStories []string
	for _, p := range placements {
		artIDs = append(artIDs, p.Article)
		if !inBatch[p.Story] {
			otherStories = append(otherStories, p.Story)
		}
	}
	current := map[string]*string{}
	stored := map[string]bool{}
	if len(placements) > 0 {
		var check pgx.Batch
		check.Queue(`SELECT id, story_id FROM articles WHERE id = ANY($1)`, artIDs)
		check.Queue(`SELECT id FROM stories WHERE id = ANY($1)`, otherStories)
		br := tx.SendBatch(ctx, &check)
		rows, err := br.Query()
		if err == nil {
			for rows.Next() {
				var id string
				var story *string
				if err = rows.Scan(&id, &story); err != nil {
					break
				}
				current[id] = story
			}
			rows.Close()
			err = cmp.Or(err, rows.Err())
		}
		if err == nil {
			rows, err = br.Query()
		}
		if err == nil {
			for rows.Next() {
				var id string
				if err = rows.Scan(&id); err != nil {
					break
				}
				stored[id] = true
			}
			rows.Close()
			err = cmp.Or(err, rows.Err())
		}
		if err = cmp.Or(err, br.Close()); err != nil {
			return nil, err
		}
	}
	var placeArts, placeStories []string
	touched := slices.Clone(ids)
	decided := map[string]bool{}
	for _, p := range placements {
		cur, ok := current[p.Article]
		if !ok {
			return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", p.Article)
		}
		if p.Story == "" {
			return nil, crosscheck.Errorf(crosscheck.EINVALID, "place article %q: no story ID", p.Article)
		}
		if !inBatch[p.Story] && !stored[p.Story] {
			return nil, crosscheck.Errorf(crosscheck.ENOTFOUND,
				"place article %q: story %q is neither among the batch's stories nor stored: save every story a batch places articles in (did the clusterer merge or drop it?)", p.Article, p.Story)
		}
		if cur != nil && *cur != "" || decided[p.Article] {
			continue // placed already, by this writer or another
		}
		decided[p.Article] = true
		placeArts, placeStories = append(placeArts, p.Article), append(placeStories, p.Story)
		touched = append(touched, p.Story)
	}

	// One pipeline of set statements: the stories with their outlets and
	// states, the placements, then every touched story's count from its
	// members, and the touched stories left without any dropped. A story
	// given twice is saved as last given, as one statement each would.
	var b pgx.Batch
	if len(stories) > 0 {
		last := map[string]*crosscheck.Story{}
		for _, s := range stories {
			last[s.ID] = s
		}
		rows := make([]storyRow, 0, len(ids))
		var outletStory, outlet, stateID []string
		var state [][]byte
		for _, id := range ids {
			s := last[id]
			rows = append(rows, storyRow{ID: s.ID, Title: s.Title, EventDate: timePtr(s.EventDate),
				Places: nonNil(s.Places), Entities: nonNil(s.Entities), Outlets: nonNil(s.Outlets),
				Articles: s.Articles, Created: timePtr(s.Created), Updated: timePtr(s.Updated)})
			for _, o := range s.Outlets {
				outletStory, outlet = append(outletStory, s.ID), append(outlet, o)
			}
			if st, ok := states[s.ID]; ok {
				if st == nil {
					st = []byte{}
				}
				stateID, state = append(stateID, s.ID), append(state, st)
			}
		}
		js, err := json.Marshal(rows)
		if err != nil {
			return nil, err
		}
		b.Queue(`INSERT INTO stories (id, title, event_date, places, entities, outlets, articles, created, updated)
			SELECT id, title, event_date, places, entities, outlets, articles, created, updated
			FROM jsonb_to_recordset($1::jsonb) AS x (id text, title text, event_date timestamptz, places text[],
				entities text[], outlets text[], articles integer, created timestamptz, updated timestamptz)
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, event_date = excluded.event_date,
				places = excluded.places, entities = excluded.entities, outlets = excluded.outlets,
				articles = excluded.articles, created = excluded.created, updated = excluded.updated`, string(js))
		b.Queue(`DELETE FROM story_outlets WHERE story_id = ANY($1)`, ids)
		b.Queue(`INSERT INTO story_outlets (outlet, story_id)
			SELECT o, s FROM unnest($1::text[], $2::text[]) AS x (s, o) WHERE o <> '' ON CONFLICT DO NOTHING`,
			nonNil(outletStory), nonNil(outlet))
		if len(stateID) > 0 {
			b.Queue(`INSERT INTO story_states (story_id, state, saved, rev)
				SELECT id, st, $3, $4 FROM unnest($1::text[], $2::bytea[]) AS x (id, st)
				ON CONFLICT (story_id) DO UPDATE SET state = excluded.state, saved = excluded.saved,
					rev = greatest(story_states.rev, excluded.rev)`,
				stateID, state, now.UTC().Truncate(time.Microsecond), rev)
		}
	}
	if len(placeArts) > 0 {
		b.Queue(`UPDATE articles a SET story_id = p.story FROM unnest($1::text[], $2::text[]) AS p (article, story)
			WHERE a.id = p.article`, placeArts, placeStories)
	}
	if len(touched) > 0 {
		b.Queue(`UPDATE stories s SET articles = c.n
			FROM (SELECT t.id, (SELECT count(*) FROM articles a WHERE a.story_id = t.id) AS n
				FROM unnest($1::text[]) AS t (id)) c
			WHERE s.id = c.id AND c.n > 0 AND s.articles <> c.n`, touched)
		b.Queue(`DELETE FROM story_states st WHERE st.story_id = ANY($1)
			AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = st.story_id)`, touched)
		b.Queue(`DELETE FROM stories s WHERE s.id = ANY($1)
			AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = s.id)`, touched)
	}
	if err := tx.SendBatch(ctx, &b).Close(); err != nil {
		return nil, err
	}
	return ids, nil
}

// storyRow is a story as writePlacements sends it, one of a JSON array.
type storyRow struct {
	ID        string     `json:"id"`
	Title     string     `json:"title"`
	EventDate *time.Time `json:"event_date"`
	Places    []string   `json:"places"`
	Entities  []string   `json:"entities"`
	Outlets   []string   `json:"outlets"`
	Articles  int        `json:"articles"`
	Created   *time.Time `json:"created"`
	Updated   *time.Time `json:"updated"`
}

// timePtr is t in UTC to the microsecond, as nullTime stores it; nil for
// the zero time.
func timePtr(t time.Time) *time.Time {
	if t.IsZero() {
		return nil
	}
	u := t.UTC().Truncate(time.Microsecond)
	return &u
}
