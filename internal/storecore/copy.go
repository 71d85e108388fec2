package storecore

import (
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// Sink receives everything a store holds when it is copied to another
// (crosscheck migrate). A store's Dump calls it in this order, so that
// what a record refers to is already there: stories and their states,
// articles in the order they were stored, corrections and the stories
// they marked, the analysis counts, the watched sources, and last the
// story revision.
// Derived data (full-text index, near-duplicate bands, outlet index) is
// not copied: the receiving store builds its own.
type Sink interface {
	// Story is one story as stored, Latest included.
	Story(s *crosscheck.Story) error
	// StoryState is the clusterer's state of one story.
	StoryState(st StoryState) error
	// Article is one article with every stored field (ID, ContentHash,
	// DuplicateOf, StoryID, Ingested).
	Article(a *crosscheck.Article) error
	// Correction is one correction with its ID, and the story a merge
	// emptied (nil otherwise).
	Correction(c *crosscheck.Correction, emptied *crosscheck.Story) error
	// Corrected names a story whose summary corrections changed.
	Corrected(storyID string) error
	// Counts is what the last analysis of a story found.
	Counts(c crosscheck.StoryCounts) error
	// Source is one watched source with its ID, check state and the
	// items it delivered.
	Source(s *crosscheck.Source, items []SeenItem) error
	// Revision is the store's story revision.
	Revision(rev int64) error
}

// SeenItem is an item a source delivered: its key and when it was seen.
type SeenItem struct {
	Key  string
	Seen time.Time
}

// StoryState is the clusterer's saved state of one story.
type StoryState struct {
	Story string
	State []byte
	// Saved is when it was saved; Rev the story revision it was saved at.
	Saved time.Time
	Rev   int64
}

// IsCopyKey reports whether a stored content key is a copy's (hash/origin):
// a copy has no near-duplicate bands.
func IsCopyKey(key string) bool { return strings.Contains(key, "/") }
