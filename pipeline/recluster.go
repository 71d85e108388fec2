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
	_, total, err := p.Store.Articles(ctx, crosscheck.ArticleFilter{Limit: 1})
	if err != nil {
		return 0, fmt.Errorf("count articles: %w", err)
	}
	const page = 500
	placed := 0
	touched := map[string]bool{}
	var order []string
	// Articles come newest first: walk the pages from the end.
	for end := total; end > 0; end -= page {
		off := max(end-page, 0)
		arts, _, err := p.Store.Articles(ctx, crosscheck.ArticleFilter{Offset: off, Limit: end - off})
		if err != nil {
			return placed, fmt.Errorf("read articles: %w", err)
		}
		for i := len(arts) - 1; i >= 0; i-- {
			if err := ctx.Err(); err != nil {
				return placed, err
			}
			a := arts[i]
			id, _ := c.Place(a)
			if err := p.Store.SetArticleStory(ctx, a.ID, id); err != nil {
				return placed, fmt.Errorf("place article %s: %w", a.ID, err)
			}
			if !touched[id] {
				touched[id] = true
				order = append(order, id)
			}
			placed++
			if progress != nil {
				progress(placed, a.Source, nil)
			}
		}
	}
	for _, id := range order {
		if err := p.saveStory(ctx, id); err != nil {
			return placed, err
		}
	}
	return placed, nil
}

// saveStory writes a story's summary and clusterer state.
func (p *Pipeline) saveStory(ctx context.Context, id string) error {
	s := p.Clusterer.Story(id)
	if s == nil {
		return nil
	}
	if err := p.Store.SaveStory(ctx, s); err != nil {
		return fmt.Errorf("save story %s: %w", id, err)
	}
	state, err := p.Clusterer.Export(id)
	if err != nil {
		return fmt.Errorf("export story %s: %w", id, err)
	}
	if err := p.Store.SaveStoryState(ctx, id, state); err != nil {
		return fmt.Errorf("save story state %s: %w", id, err)
	}
	return nil
}
