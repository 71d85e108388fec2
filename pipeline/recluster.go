package pipeline

import (
	"context"
	"fmt"

	"github.com/crosscheck-news/crosscheck"
)

// Recluster drops every story and places all stored articles again, oldest
// first, with the fresh clusterer c, which replaces p's. It returns the
// number of articles placed. Interrupted, it leaves articles without a
// story; running it again completes the work.
func (p *Pipeline) Recluster(ctx context.Context, c Clusterer, progress Progress) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if err := p.Store.DeleteStories(ctx); err != nil {
		return 0, fmt.Errorf("delete stories: %w", err)
	}
	p.Clusterer = c
	placed := 0
	var batch []*crosscheck.Article
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		placements, order := p.place(batch)
		stories, states, err := p.snapshot(order)
		if err != nil {
			return err
		}
		if err := p.Store.SavePlacements(context.WithoutCancel(ctx), stories, states, placements); err != nil {
			return fmt.Errorf("place articles: %w", err)
		}
		for _, a := range batch {
			placed++
			if progress != nil {
				progress(placed, a.Source, nil)
			}
		}
		batch = batch[:0]
		return nil
	}
	// Oldest first, the order they would have come in, in batches that the
	// clusterer groups as a whole.
	err := p.Store.EachArticle(ctx, func(a *crosscheck.Article) error {
		batch = append(batch, a)
		if len(batch) >= reclusterBatch {
			return flush()
		}
		return nil
	})
	if err != nil {
		return placed, err
	}
	return placed, flush()
}

// reclusterBatch is how many articles recluster places at once.
const reclusterBatch = 1000
