package crosscheck

import "time"

// Story is a group of articles that report the same real-world event.
type Story struct {
	// ID is stable once the story exists.
	ID string `json:"id"`
	// Title is a representative headline.
	Title string `json:"title"`
	// EventDate is the day the event happened (UTC midnight); zero when unknown.
	EventDate time.Time `json:"event_date,omitzero"`
	// Places are the story's main places, most mentioned first.
	Places []string `json:"places,omitempty"`
	// Entities are the story's main people and organisations.
	Entities []string `json:"entities,omitempty"`
	// Outlets are the outlets that reported it.
	Outlets []string `json:"outlets,omitempty"`
	// Articles is the number of articles in the story.
	Articles int `json:"articles"`
	// Created is when the story was opened; Updated when an article last joined.
	Created time.Time `json:"created,omitzero"`
	Updated time.Time `json:"updated,omitzero"`
	// Latest is the newest publication time of its articles; zero when none
	// is dated.
	Latest time.Time `json:"latest,omitzero"`
}

// StoryFilter selects stories. Nil fields do not filter.
type StoryFilter struct {
	// Since and Until bound the story's event date (or last update when the
	// event date is unknown).
	Since, Until *time.Time
	// Outlet keeps stories that an outlet reported.
	Outlet *string
	// Outlets keeps stories that any of these outlets reported (names as
	// stored, case-insensitive); an empty non-nil slice keeps none.
	Outlets []string
	// HasConflicts keeps stories whose last analysis found a conflict.
	HasConflicts bool
	// Sort is one of StorySorts; "" is SortLatest.
	Sort string
	// Query keeps stories with an article matching this full-text query.
	Query *string
	// Offset skips this many results; Limit caps them (0: no cap).
	Offset, Limit int
}

// Placement is one article placed in a story.
type Placement struct {
	// Article is the article ID.
	Article string `json:"article"`
	// Story is the story ID.
	Story string `json:"story"`
}
