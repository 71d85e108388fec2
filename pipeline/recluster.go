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
	var placements []crosscheck.Placement
	touched := map[string]bool{}
	var order []string
	flush := func() error {
		stories, states, err := p.snapshot(order)
		if err != nil {
			return err
		}
		if err := p.Store.SavePlacements(context.WithoutCancel(ctx), stories, states, placements); err != nil {
			return fmt.Errorf("place articles: %w", err)
		}
		placements, order = placements[:0], order[:0]
		clear(touched)
		return nil
	}
	// Oldest first, the order they would have come in.
	err := p.Store.EachArticle(ctx, func(a *crosscheck.Article) error {
		id, _ := c.Place(a)
		placements = append(placements, crosscheck.Placement{Article: a.ID, Story: id})
		if !touched[id] {
			touched[id] = true
			order = append(order, id)
		}
		placed++
		if progress != nil {
			progress(placed, a.Source, nil)
		}
		if len(placements) >= 500 {
			return flush()
		}
		return nil
	})
	if err != nil {
		return placed, err
	}
	return placed, flush()
}
