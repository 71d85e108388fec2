package crosscheck

import (
	"context"
	"time"
)

// ArticleService stores and finds articles. The sqlite package implements it.
type ArticleService interface {
	// AddArticle stores a, filling a.ID, a.ContentHash and a.Ingested when
	// empty. The same content twice is stored once (Duplicate in the result);
	// a near duplicate is stored and linked (NearDuplicateOf).
	AddArticle(ctx context.Context, a *Article) (AddResult, error)
	// Article returns one article; ENOTFOUND when there is none.
	Article(ctx context.Context, id string) (*Article, error)
	// Articles returns the articles the filter selects, newest first, and the
	// total count before Offset and Limit.
	Articles(ctx context.Context, f ArticleFilter) ([]*Article, int, error)
	// Search runs a full-text query (FTS5 syntax, with plain words ANDed);
	// EINVALID for a query that does not parse.
	Search(ctx context.Context, query string, limit int) ([]SearchHit, error)
}

// StoryService stores stories and the articles' places in them.
type StoryService interface {
	// SaveStory inserts or updates a story (by ID).
	SaveStory(ctx context.Context, s *Story) error
	// SetArticleStory places an article in a story.
	SetArticleStory(ctx context.Context, articleID, storyID string) error
	// Story returns one story; ENOTFOUND when there is none.
	Story(ctx context.Context, id string) (*Story, error)
	// Stories returns the stories the filter selects, newest first, and the
	// total count before Offset and Limit.
	Stories(ctx context.Context, f StoryFilter) ([]*Story, int, error)
	// SaveStoryState keeps the clusterer's opaque state for a story.
	SaveStoryState(ctx context.Context, storyID string, state []byte) error
	// StoryStates calls fn with the state of every story updated at or after
	// since, oldest first, stopping at fn's first error.
	StoryStates(ctx context.Context, since time.Time, fn func(storyID string, state []byte) error) error
	// DeleteStories removes all stories and every article's placement (for recluster).
	DeleteStories(ctx context.Context) error
}
