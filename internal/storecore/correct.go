package storecore

import (
	"context"
	"slices"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// StoryTx is what the correction rules need of a store: its reads and
// writes inside the one transaction a correction runs in. Each store
// implements it over its own SQL; the rules below are the same for all.
type StoryTx interface {
	Article(ctx context.Context, id string) (*crosscheck.Article, error)
	// SetField writes one field of an article as FieldOf gives it.
	SetField(ctx context.Context, id, field, value string) error
	// StoryOf is the story an article is in, "" for none; ENOTFOUND for an
	// unknown article.
	StoryOf(ctx context.Context, articleID string) (string, error)
	Story(ctx context.Context, id string) (*crosscheck.Story, error)
	SaveStory(ctx context.Context, s *crosscheck.Story) error
	// Members are a story's articles, the earliest stored first.
	Members(ctx context.Context, storyID string) ([]string, error)
	// NewStoryID returns base when no story has it, else base-2, base-3...
	NewStoryID(ctx context.Context, base string) (string, error)
	// CreateStory makes a story for articles taken out of from (nil for
	// none), marked as corrected.
	CreateStory(ctx context.Context, id string, from *crosscheck.Story, now time.Time) error
	// Place puts articles into a story.
	Place(ctx context.Context, articles []string, storyID string) error
	// Refresh derives the given stories' summaries from their members,
	// marks them corrected, stamps them updated and deletes the empty ones;
	// "" is skipped.
	Refresh(ctx context.Context, now time.Time, ids ...string) error
}

// Apply carries out a validated correction in tx. It fills what the store
// works out (the article's story, the articles moved, the anchor, the old
// field values, the new story of a split) and returns the body to keep
// with the correction.
func Apply(ctx context.Context, tx StoryTx, c *crosscheck.Correction, now time.Time) (CorrectionBody, error) {
	var body CorrectionBody
	var err error
	switch c.Kind {
	case crosscheck.CorrectArticle:
		err = correctArticle(ctx, tx, c, now)
	case crosscheck.CorrectMove:
		err = correctMove(ctx, tx, c, now)
	case crosscheck.CorrectMerge:
		body.Emptied, err = correctMerge(ctx, tx, c, now)
	case crosscheck.CorrectSplit:
		err = correctSplit(ctx, tx, c, now)
	}
	body.Articles, body.Anchor, body.Fields = c.Articles, c.Anchor, c.Fields
	return body, err
}

func correctArticle(ctx context.Context, tx StoryTx, c *crosscheck.Correction, now time.Time) error {
	a, err := tx.Article(ctx, c.Article)
	if err != nil {
		return err
	}
	c.Story = a.StoryID
	var changed []crosscheck.FieldChange
	for _, f := range c.Fields {
		f.After = strings.TrimSpace(f.After)
		f.Before = FieldOf(a, f.Field)
		if f.Field == crosscheck.FieldPublished {
			if _, _, err := ParsePublished(f.After); err != nil {
				return err
			}
		}
		if f.Before == f.After {
			continue
		}
		if err := tx.SetField(ctx, a.ID, f.Field, f.After); err != nil {
			return err
		}
		changed = append(changed, f)
	}
	if len(changed) == 0 {
		return crosscheck.Errorf(crosscheck.EINVALID, "nothing changes: article %s already has these values", a.ID)
	}
	c.Fields = changed
	if a.StoryID != "" {
		return tx.Refresh(ctx, now, a.StoryID)
	}
	return nil
}

// anchorOf picks the first-stored article of a story that is not moving:
// it stands for the story after a re-cluster.
func anchorOf(ctx context.Context, tx StoryTx, storyID string, moving []string) (string, error) {
	ids, err := tx.Members(ctx, storyID)
	if err != nil {
		return "", err
	}
	for _, id := range ids {
		if !slices.Contains(moving, id) {
			return id, nil
		}
	}
	return "", nil
}

func correctMove(ctx context.Context, tx StoryTx, c *crosscheck.Correction, now time.Time) error {
	from, err := tx.StoryOf(ctx, c.Article)
	if err != nil {
		return err
	}
	if _, err := tx.Story(ctx, c.Target); err != nil {
		return err
	}
	if from == c.Target {
		return crosscheck.Errorf(crosscheck.EINVALID, "article %s is already in story %s", c.Article, c.Target)
	}
	c.Story, c.Articles = from, []string{c.Article}
	if c.Anchor, err = anchorOf(ctx, tx, c.Target, c.Articles); err != nil {
		return err
	}
	if err := tx.Place(ctx, c.Articles, c.Target); err != nil {
		return err
	}
	return tx.Refresh(ctx, now, from, c.Target)
}

func correctMerge(ctx context.Context, tx StoryTx, c *crosscheck.Correction, now time.Time) (*crosscheck.Story, error) {
	src, err := tx.Story(ctx, c.Story)
	if err != nil {
		return nil, err
	}
	if _, err := tx.Story(ctx, c.Target); err != nil {
		return nil, err
	}
	if c.Articles, err = tx.Members(ctx, c.Story); err != nil {
		return nil, err
	}
	if len(c.Articles) == 0 {
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "story %s has no articles to merge", c.Story)
	}
	if c.Anchor, err = anchorOf(ctx, tx, c.Target, nil); err != nil {
		return nil, err
	}
	if err := tx.Place(ctx, c.Articles, c.Target); err != nil {
		return nil, err
	}
	return src, tx.Refresh(ctx, now, c.Story, c.Target)
}

func correctSplit(ctx context.Context, tx StoryTx, c *crosscheck.Correction, now time.Time) error {
	src, err := tx.Story(ctx, c.Story)
	if err != nil {
		return err
	}
	members, err := tx.Members(ctx, c.Story)
	if err != nil {
		return err
	}
	var moving []string
	for _, id := range c.Articles {
		if !slices.Contains(members, id) {
			return crosscheck.Errorf(crosscheck.EINVALID, "article %q is not in story %s", id, c.Story)
		}
		if !slices.Contains(moving, id) {
			moving = append(moving, id)
		}
	}
	if len(moving) == len(members) {
		return crosscheck.Errorf(crosscheck.EINVALID, "a split must leave at least one article in story %s", c.Story)
	}
	// Keep the earliest-stored order so the new story's ID and anchor are
	// the same whichever order the user gave.
	slices.SortStableFunc(moving, func(a, b string) int { return slices.Index(members, a) - slices.Index(members, b) })
	c.Articles = moving
	if c.Target, err = tx.NewStoryID(ctx, "s-"+moving[0]); err != nil {
		return err
	}
	if err := tx.CreateStory(ctx, c.Target, src, now); err != nil {
		return err
	}
	if err := tx.Place(ctx, moving, c.Target); err != nil {
		return err
	}
	return tx.Refresh(ctx, now, c.Story, c.Target)
}

// Undo reverses correction c (with its body b) in tx. It refuses
// (ECONFLICT) when what the correction changed was changed again since:
// undo the later correction first. The store records when.
//
// Errors: EINVALID when it was undone already; ECONFLICT as above.
func Undo(ctx context.Context, tx StoryTx, c *crosscheck.Correction, b CorrectionBody, now time.Time) error {
	if !c.Undone.IsZero() {
		return crosscheck.Errorf(crosscheck.EINVALID, "correction %d was undone already, on %s", c.ID, c.Undone.Format(time.RFC3339))
	}
	if c.Kind == crosscheck.CorrectArticle {
		a, err := tx.Article(ctx, c.Article)
		if err != nil {
			return err
		}
		for _, f := range c.Fields {
			if FieldOf(a, f.Field) != f.After {
				return crosscheck.Errorf(crosscheck.ECONFLICT, "the %s of article %s was changed again since correction %d: undo the later correction first", f.Field, c.Article, c.ID)
			}
		}
		for _, f := range c.Fields {
			if err := tx.SetField(ctx, c.Article, f.Field, f.Before); err != nil {
				return err
			}
		}
		return tx.Refresh(ctx, now, a.StoryID)
	}
	for _, aid := range c.Articles {
		cur, err := tx.StoryOf(ctx, aid)
		if err != nil {
			return err
		}
		if cur != c.Target {
			return crosscheck.Errorf(crosscheck.ECONFLICT, "article %s left story %s since correction %d: undo the later correction first", aid, c.Target, c.ID)
		}
	}
	if c.Story == "" {
		return crosscheck.Errorf(crosscheck.ECONFLICT, "the articles of correction %d had no story before: move them instead", c.ID)
	}
	if _, err := tx.Story(ctx, c.Story); crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND {
		prev := b.Emptied
		if prev == nil {
			prev = &crosscheck.Story{ID: c.Story, Created: now}
		}
		prev.Updated = now
		if err := tx.SaveStory(ctx, prev); err != nil {
			return err
		}
	} else if err != nil {
		return err
	}
	if err := tx.Place(ctx, c.Articles, c.Story); err != nil {
		return err
	}
	return tx.Refresh(ctx, now, c.Story, c.Target)
}

// Reapply places the articles of standing moves, merges and splits (cs,
// oldest first) again after a re-cluster rebuilt the stories. A move or
// merge goes to the story now holding its anchor article; a split makes
// its story again under the same ID. It returns the number applied.
func Reapply(ctx context.Context, tx StoryTx, cs []*crosscheck.Correction, now time.Time) (int, error) {
	applied := 0
	for _, c := range cs {
		target := c.Target
		if c.Kind != crosscheck.CorrectSplit {
			if c.Anchor == "" {
				continue
			}
			var err error
			if target, err = tx.StoryOf(ctx, c.Anchor); err != nil || target == "" {
				continue // the anchor is gone: nothing to follow
			}
		} else if _, err := tx.Story(ctx, target); crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND {
			if err := tx.CreateStory(ctx, target, nil, now); err != nil {
				return applied, err
			}
		}
		var touched []string
		for _, aid := range c.Articles {
			cur, err := tx.StoryOf(ctx, aid)
			if err != nil || cur == target {
				continue
			}
			if err := tx.Place(ctx, []string{aid}, target); err != nil {
				return applied, err
			}
			touched = append(touched, cur)
		}
		if err := tx.Refresh(ctx, now, append(touched, target)...); err != nil {
			return applied, err
		}
		applied++
	}
	return applied, nil
}
