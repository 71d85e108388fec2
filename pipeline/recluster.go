package pipeline

import (
	"context"
	"fmt"

	"github.com/crosscheck-news/crosscheck"
)

// CorrectionReplayer is a store that keeps users' corrections of stories
// (package sqlite): after a re-cluster they are applied again.
type CorrectionReplayer interface {
	// ReapplyCorrections places the articles of every standing move,
	// merge and split again; it returns how many were applied.
	ReapplyCorrections(ctx context.Context) (int, error)
}

// Recluster drops every story and places all stored articles again, oldest
// first, with the fresh clusterer c, which replaces p's; when the store
// keeps users' corrections (CorrectionReplayer), they are applied again on
// top. It returns the number of articles placed. Interrupted, it leaves
// articles without a story; running it again completes the work.
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
	if err := flush(); err != nil {
		return placed, err
	}
	if r, ok := p.Store.(CorrectionReplayer); ok {
		if _, err := r.ReapplyCorrections(context.WithoutCancel(ctx)); err != nil {
			return placed, fmt.Errorf("apply corrections again: %w", err)
		}
	}
	return placed, nil
}

// reclusterBatch is how many articles recluster places at once.
const reclusterBatch = 1000
