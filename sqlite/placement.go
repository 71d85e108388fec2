package sqlite

import (
	"context"
	"database/sql"
	"errors"

	"github.com/crosscheck-news/crosscheck"
)

// SavePlacements writes, in one transaction, the stories a batch touched
// (summary and clusterer state), then the batch's placements, so a batch
// is placed whole or not at all.
//
// Unlike SetArticleStory, it does not create missing stories: a placement
// must name a story of the batch or a stored one. Anything else means the
// caller lost track of a story (the clusterer merged or dropped it, or
// had no summary for it), and an empty story would hide the article from
// every report.
//
// Errors: ENOTFOUND for a placement's missing article or story; nothing is
// written then.
func (db *DB) SavePlacements(ctx context.Context, stories []*crosscheck.Story, states map[string][]byte, placements []crosscheck.Placement) error {
	return db.Update(ctx, func(tx *Tx) error {
		for _, s := range stories {
			if err := tx.SaveStory(ctx, s); err != nil {
				return err
			}
			if st, ok := states[s.ID]; ok {
				if err := tx.SaveStoryState(ctx, s.ID, st); err != nil {
					return err
				}
			}
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
			if err := tx.SetArticleStory(ctx, p.Article, p.Story); err != nil {
				return err
			}
		}
		ids := make([]string, 0, len(stories))
		for _, s := range stories {
			ids = append(ids, s.ID)
		}
		return wrap("save placements", refreshCorrected(ctx, tx.tx, ids))
	})
}
