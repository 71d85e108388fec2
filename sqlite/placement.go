package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"iter"

	"github.com/crosscheck-news/crosscheck"
)

// storyState is the clusterer state of one story, as another writer saved it.
type storyState struct {
	id    string
	state []byte
}

// SavePlacements writes, in one transaction, the stories a batch touched
// (summary and clusterer state), then the batch's placements, so a batch
// is placed whole or not at all. It is PlaceLocked for a caller that
// needs no view of the other writers (recluster).
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
// states, so nothing saved meanwhile is missed (it is then seen twice,
// which a refresh takes in its stride).
func (db *DB) StoryRevision(ctx context.Context) (int64, error) {
	var rev int64
	if err := db.reader.QueryRowContext(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&rev); err != nil {
		return 0, wrap("story revision", err)
	}
	return rev, nil
}

// PlaceLocked places a batch of articles as one writer among several
// processes. In one write transaction, which holds the store's write lock
// against every other writer, it:
//
//  1. reads the story states saved after revision rev (by other writers;
//     rev < 0 reads none) and calls place with them (story ID and state,
//     in the order they were saved); place returns the stories it touched,
//     their clusterer states and the batch's placements;
//  2. writes the stories place touched and their states, stamped with a new
//     revision, and its placements;
//  3. derives each touched story's article count from its members, and
//     drops stories left without any.
//
// An article another writer placed meanwhile keeps its story: placements
// never move an article (stories are rebuilt only by recluster, which
// clears them first). It returns the new revision, which the caller passes
// as rev next time. Unlike SetArticleStory, it does not create missing
// stories: a placement must name a story of the batch or a stored one.
//
// Errors: ENOTFOUND for a placement's missing article or story; nothing is
// written then. place's error is returned as is.
func (db *DB) PlaceLocked(ctx context.Context, rev int64,
	place func(changed iter.Seq2[string, []byte]) ([]*crosscheck.Story, map[string][]byte, []crosscheck.Placement, error),
) (int64, error) {
	var newRev int64
	err := db.Update(ctx, func(tx *Tx) error {
		var cur int64
		if err := tx.tx.QueryRowContext(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&cur); err != nil {
			return wrap("place articles", err)
		}
		var changed []storyState
		if rev >= 0 && rev < cur {
			rows, err := tx.tx.QueryContext(ctx, `SELECT story_id, state FROM story_states WHERE rev > ? ORDER BY rev, story_id`, rev)
			if err != nil {
				return wrap("place articles", err)
			}
			for rows.Next() {
				var s storyState
				if err := rows.Scan(&s.id, &s.state); err != nil {
					rows.Close()
					return wrap("place articles", err)
				}
				changed = append(changed, s)
			}
			rows.Close()
			if err := rows.Err(); err != nil {
				return wrap("place articles", err)
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
		for _, s := range stories {
			if err := tx.SaveStory(ctx, s); err != nil {
				return err
			}
			if st, ok := states[s.ID]; ok {
				if err := tx.SaveStoryState(ctx, s.ID, st); err != nil {
					return err
				}
				if _, err := tx.tx.ExecContext(ctx, `UPDATE story_states SET rev = ? WHERE story_id = ?`, newRev, s.ID); err != nil {
					return wrap("place articles", err)
				}
			}
		}
		touched := map[string]bool{}
		for _, s := range stories {
			touched[s.ID] = true
		}
		for _, p := range placements {
			var one int
			err := tx.tx.QueryRowContext(ctx, `SELECT 1 FROM stories WHERE id = ?`, p.Story).Scan(&one)
			if errors.Is(err, sql.ErrNoRows) {
				return crosscheck.Errorf(crosscheck.ENOTFOUND,
					"place article %q: story %q is neither among the batch's stories nor stored: save every story a batch places articles in (did the clusterer merge or drop it?)", p.Article, p.Story)
			}
			if err != nil {
				return wrap("save placements", err)
			}
			var current sql.NullString
			err = tx.tx.QueryRowContext(ctx, `SELECT story_id FROM articles WHERE id = ?`, p.Article).Scan(&current)
			if errors.Is(err, sql.ErrNoRows) {
				return crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", p.Article)
			}
			if err != nil {
				return wrap("save placements", err)
			}
			if current.Valid && current.String != "" {
				continue // placed already, by this writer or another
			}
			if err := tx.SetArticleStory(ctx, p.Article, p.Story); err != nil {
				return err
			}
			touched[p.Story] = true
		}
		// Counters from the members, in the same transaction: whatever
		// each writer's clusterer believed, a story counts what it holds.
		for id := range touched {
			var n int
			if err := tx.tx.QueryRowContext(ctx, `SELECT count(*) FROM articles WHERE story_id = ?`, id).Scan(&n); err != nil {
				return wrap("count story articles", err)
			}
			if n == 0 {
				for _, q := range []string{`DELETE FROM story_states WHERE story_id = ?`, `DELETE FROM stories WHERE id = ?`} {
					if _, err := tx.tx.ExecContext(ctx, q, id); err != nil {
						return wrap("drop empty story", err)
					}
				}
				continue
			}
			if _, err := tx.tx.ExecContext(ctx, `UPDATE stories SET articles = ? WHERE id = ? AND articles != ?`, n, id, n); err != nil {
				return wrap("count story articles", err)
			}
		}
		if _, err := tx.tx.ExecContext(ctx, `UPDATE store_revision SET value = ? WHERE name = 'stories'`, newRev); err != nil {
			return wrap("place articles", err)
		}
		ids := make([]string, 0, len(stories))
		for _, s := range stories {
			ids = append(ids, s.ID)
		}
		return wrap("save placements", refreshCorrected(ctx, tx.tx, ids))
	})
	if err != nil {
		return 0, err
	}
	return newRev, nil
}
