package postgres

import (
	"context"
	"errors"
	"iter"

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
		now := db.Now()
		touched := map[string]bool{}
		var ids []string
		for _, s := range stories {
			if err := saveStory(ctx, tx, s); err != nil {
				return err
			}
			if st, ok := states[s.ID]; ok {
				if err := saveStoryState(ctx, tx, s.ID, st, now, newRev); err != nil {
					return err
				}
			}
			touched[s.ID] = true
			ids = append(ids, s.ID)
		}
		for _, p := range placements {
			var current *string
			err := tx.QueryRow(ctx, `SELECT story_id FROM articles WHERE id = $1`, p.Article).Scan(&current)
			if errors.Is(err, pgx.ErrNoRows) {
				return crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", p.Article)
			}
			if err != nil {
				return err
			}
			var one int
			err = tx.QueryRow(ctx, `SELECT 1 FROM stories WHERE id = $1`, p.Story).Scan(&one)
			if errors.Is(err, pgx.ErrNoRows) {
				return crosscheck.Errorf(crosscheck.ENOTFOUND,
					"place article %q: story %q is neither among the batch's stories nor stored: save every story a batch places articles in (did the clusterer merge or drop it?)", p.Article, p.Story)
			}
			if err != nil {
				return err
			}
			if current != nil && *current != "" {
				continue // placed already, by this writer or another
			}
			if err := setArticleStory(ctx, tx, p.Article, p.Story); err != nil {
				return err
			}
			touched[p.Story] = true
		}
		// Counters from the members, in the same transaction: whatever
		// each writer's clusterer believed, a story counts what it holds.
		for id := range touched {
			var n int
			if err := tx.QueryRow(ctx, `SELECT count(*) FROM articles WHERE story_id = $1`, id).Scan(&n); err != nil {
				return err
			}
			if n == 0 {
				for _, q := range []string{`DELETE FROM story_states WHERE story_id = $1`, `DELETE FROM stories WHERE id = $1`} {
					if _, err := tx.Exec(ctx, q, id); err != nil {
						return err
					}
				}
				continue
			}
			if _, err := tx.Exec(ctx, `UPDATE stories SET articles = $1 WHERE id = $2 AND articles <> $1`, n, id); err != nil {
				return err
			}
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
