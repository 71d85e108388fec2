package sqlite

import (
	"context"

	"github.com/crosscheck-news/crosscheck"
)

// SavePlacements writes, in one transaction, the stories a batch touched
// (summary and clusterer state), then the batch's placements, so a batch
// is placed whole or not at all.
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
			if err := tx.SetArticleStory(ctx, p.Article, p.Story); err != nil {
				return err
			}
		}
		return nil
	})
}
