package crosscheck

import (
	"slices"
	"time"
)

// CorrectionKind is what a user corrected.
type CorrectionKind string

// The corrections a user can make. Each is recorded with what it changed,
// can be undone, and is applied again after stories are re-clustered.
const (
	// CorrectArticle changes metadata of one article (Fields).
	CorrectArticle CorrectionKind = "article"
	// CorrectMove moves one article to another story (Target).
	CorrectMove CorrectionKind = "move"
	// CorrectMerge moves every article of a story (Story) into another (Target).
	CorrectMerge CorrectionKind = "merge"
	// CorrectSplit moves some articles of a story (Articles) into a new story.
	CorrectSplit CorrectionKind = "split"
)

// The article fields a correction may change.
const (
	FieldTitle     = "title"
	FieldOutlet    = "outlet"
	FieldAuthor    = "author"
	FieldPublished = "published" // YYYY-MM-DD or RFC 3339; "" for unknown
)

// CorrectableFields are the article fields a correction may change.
var CorrectableFields = []string{FieldTitle, FieldOutlet, FieldAuthor, FieldPublished}

// FieldChange is one field of an article changed by a correction.
type FieldChange struct {
	// Field is title, outlet, author or published.
	Field string `json:"field"`
	// Before is the value replaced (filled by the store); After the new one.
	Before string `json:"before"`
	After  string `json:"after"`
}

// Correction is one change a user made to what the store holds: an
// article's metadata, or which story an article belongs to.
type Correction struct {
	// ID numbers corrections in the order they were made (set by the store).
	ID int64 `json:"id"`
	// Kind is article, move, merge or split.
	Kind CorrectionKind `json:"kind"`
	// Article is the article corrected or moved (article, move).
	Article string `json:"article,omitempty"`
	// Story is the story the articles left (move, merge, split; set by the
	// store for a move), or the corrected article's story.
	Story string `json:"story,omitempty"`
	// Target is the story the articles joined: an existing one for move and
	// merge, the new one for split (set by the store).
	Target string `json:"target,omitempty"`
	// Articles are the articles moved: given for split, set by the store for
	// move and merge.
	Articles []string `json:"articles,omitempty"`
	// Anchor is an article of Target that stayed there: after a re-cluster,
	// Target is the story holding it (set by the store; empty for split).
	Anchor string `json:"anchor,omitempty"`
	// Fields are the changed fields of an article correction.
	Fields []FieldChange `json:"fields,omitempty"`
	// Note is the user's reason, free text.
	Note string `json:"note,omitempty"`
	// Created is when the correction was made; Undone when it was undone
	// (zero while it holds).
	Created time.Time `json:"created"`
	Undone  time.Time `json:"undone,omitzero"`
}

// Validate checks what a user gives for a new correction.
func (c *Correction) Validate() error {
	switch c.Kind {
	case CorrectArticle:
		if c.Article == "" {
			return Errorf(EINVALID, "an article correction needs the article's ID")
		}
		if len(c.Fields) == 0 {
			return Errorf(EINVALID, "nothing to correct: give a new title, outlet, author or published date")
		}
		seen := map[string]bool{}
		for _, f := range c.Fields {
			if !slices.Contains(CorrectableFields, f.Field) {
				return Errorf(EINVALID, "%q cannot be corrected: choose title, outlet, author or published", f.Field)
			}
			if seen[f.Field] {
				return Errorf(EINVALID, "%s is given twice", f.Field)
			}
			seen[f.Field] = true
			if len(f.After) > 1000 {
				return Errorf(EINVALID, "the new %s is too long: at most 1000 bytes", f.Field)
			}
		}
	case CorrectMove:
		if c.Article == "" || c.Target == "" {
			return Errorf(EINVALID, "a move needs the article and the story to move it to")
		}
	case CorrectMerge:
		if c.Story == "" || c.Target == "" {
			return Errorf(EINVALID, "a merge needs the story to merge and the story to merge it into")
		}
		if c.Story == c.Target {
			return Errorf(EINVALID, "a story cannot be merged into itself")
		}
	case CorrectSplit:
		if c.Story == "" || len(c.Articles) == 0 {
			return Errorf(EINVALID, "a split needs the story and the articles to take out of it")
		}
	default:
		return Errorf(EINVALID, "unknown correction kind %q: choose article, move, merge or split", c.Kind)
	}
	if len(c.Note) > 2000 {
		return Errorf(EINVALID, "the note is too long: at most 2000 bytes")
	}
	return nil
}

// CorrectionFilter selects corrections. Nil fields do not filter.
type CorrectionFilter struct {
	// Article keeps corrections of or moving this article.
	Article *string
	// Story keeps corrections whose source or target is this story.
	Story *string
	// Offset skips this many results; Limit caps them (0: no cap).
	Offset, Limit int
}

// Story list orders (StoryFilter.Sort).
const (
	// SortLatest orders by the newest publication date of the story's
	// articles; stories with no dated article come last. The default.
	SortLatest = "latest"
	// SortEvent orders by the event date; unknown dates come last.
	SortEvent = "event"
	// SortOutlets orders by the number of outlets, most first.
	SortOutlets = "outlets"
	// SortConflicts orders by the number of conflicts found, most first;
	// stories not analysed yet come last.
	SortConflicts = "conflicts"
)

// StorySorts are the story list orders, the default first.
var StorySorts = []string{SortLatest, SortEvent, SortOutlets, SortConflicts}

// List sizes shared by the command line and the HTTP API.
const (
	// ListDefault is the page size of a list when none is asked for.
	ListDefault = 50
	// ListMax is the largest page a list gives at once.
	ListMax = 500
)

// OutletCount is a known outlet and how many stories it reported.
type OutletCount struct {
	// Outlet is the outlet's name as stored.
	Outlet string `json:"outlet"`
	// Stories counts the stories it is part of.
	Stories int `json:"stories"`
}

// StoryCounts is what the cross-check found in one version of a story,
// kept so that lists can filter and sort by it.
type StoryCounts struct {
	// Story is the story ID; Updated and Articles identify its version.
	Story    string
	Updated  time.Time
	Articles int
	// Claims and Conflicts are the counts found.
	Claims, Conflicts int
}
