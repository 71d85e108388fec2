package feed

import (
	"time"
	"unicode/utf8"
)

// Type is a feed format.
type Type int

// The feed formats Detect recognises.
const (
	Unknown Type = iota
	RSS          // RSS 0.9x, 1.0 (RDF) and 2.0
	Atom         // Atom 1.0 (and 0.3)
	JSON         // JSON Feed 1.x
)

func (t Type) String() string {
	switch t {
	case RSS:
		return "RSS"
	case Atom:
		return "Atom"
	case JSON:
		return "JSON Feed"
	}
	return "unknown"
}

// Feed is a parsed feed.
type Feed struct {
	// Type is the wire format the feed was written in.
	Type Type
	// Title is the feed's title, usually the outlet's name.
	Title string
	// Link is the feed's web site, absolute when a base URL was known.
	Link string
	// Language is the feed's ISO 639-1 language code ("en"), "" if unstated.
	Language string
	// Items are the feed's entries in feed order.
	Items []*Item
}

// Item is one feed entry.
type Item struct {
	// Title is the headline as plain text.
	Title string
	// Link is the item's web page, absolute when a base URL was known.
	Link string
	// GUID is the item's identifier as the feed gives it (may equal Link).
	GUID string
	// Author is the byline as plain text, authors joined by ", ".
	Author string
	// Published is when the item was published (else last updated); zero
	// when the feed does not say.
	Published time.Time
	// Content is the item's full body as the feed gives it (RSS
	// content:encoded, Atom content, JSON Feed content_html or
	// content_text): HTML or plain text. Empty when the feed has none.
	Content string
	// Summary is the item's short description (RSS description, Atom
	// summary, JSON Feed summary), HTML or plain text.
	Summary string
}

// MinFullTextRunes is how long, in characters of text, a summary must be to
// count as the article itself: many RSS 2.0 feeds put the whole article in
// <description>, while a teaser is a sentence or two.
const MinFullTextRunes = 1000

// SummaryOnly reports whether the item carries only a teaser: no content and
// a summary shorter than MinFullTextRunes characters of text. The article is
// then on the item's page.
func (it *Item) SummaryOnly() bool {
	if it.Content != "" {
		return false
	}
	return utf8.RuneCountInString(plainText(it.Summary)) < MinFullTextRunes
}

// Short reports whether the item's fullest text (Content, else Summary)
// is shorter than MinFullTextRunes characters: a teaser, even when the feed
// calls it content, so the item's page likely holds more.
func (it *Item) Short() bool {
	return utf8.RuneCountInString(plainText(it.Body())) < MinFullTextRunes
}

// Body returns the item's fullest text: Content, else Summary.
func (it *Item) Body() string {
	if it.Content != "" {
		return it.Content
	}
	return it.Summary
}
