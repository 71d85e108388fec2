package crosscheck

import (
	"time"
)

// Format says how a document's body is written.
type Format string

// The formats extract understands. Containers (JSON Lines, feeds) are opened
// by ingest and yield documents of these formats.
const (
	FormatText Format = "text"
	FormatHTML Format = "html"
)

// Document is one raw input as ingest read it, before extraction.
type Document struct {
	// Source names where the document came from, as the user gave it: a path,
	// a URL, "PATH#ID" for a JSON Lines record with an id, "-" for stdin.
	Source string `json:"source"`
	// URL is the document's web address when known (fetched page, feed item
	// link, JSON Lines url field). Empty for local files.
	URL string `json:"url,omitempty"`
	// Format is the body's format.
	Format Format `json:"format"`
	// Body is the content, always valid UTF-8 (ingest decodes charsets).
	Body []byte `json:"-"`
	// Meta holds fields the container stated (JSON Lines record, feed item).
	// Non-empty fields win over what extract finds in the body.
	Meta Meta `json:"meta"`
}

// Meta is article metadata. Empty fields are unknown.
type Meta struct {
	// Title is the headline.
	Title string `json:"title,omitempty"`
	// Outlet is the publication (e.g. "Reuters", "Pravda.Ru").
	Outlet string `json:"outlet,omitempty"`
	// Author is the byline, without "By".
	Author string `json:"author,omitempty"`
	// Published is when the article was published; zero when unknown.
	Published time.Time `json:"published,omitzero"`
	// PublishedDateOnly is true when only the day of Published is known.
	PublishedDateOnly bool `json:"published_date_only,omitempty"`
	// Modified is when the page says the article was last changed, in the
	// zone it gives; zero when it does not say. Read from HTML metadata
	// (article:modified_time, schema.org dateModified).
	Modified time.Time `json:"modified,omitzero"`
	// ModifiedDateOnly is true when only the day of Modified is known.
	ModifiedDateOnly bool `json:"modified_date_only,omitempty"`
	// Credit is a news agency the byline credits beside the author ("By
	// Jane Doe, Reuters" gives Author "Jane Doe" and Credit "Reuters");
	// empty when none.
	Credit string `json:"credit,omitempty"`
	// Language is an ISO 639-1 code such as "en".
	Language string `json:"language,omitempty"`
}

// Span is a half-open range [Start, End) of byte offsets into Article.Text.
type Span struct {
	// Start is the offset of the first byte.
	Start int `json:"start"`
	// End is the offset just past the last byte.
	End int `json:"end"`
}

// Sentence is one sentence of an article's body.
type Sentence struct {
	Span
	// Para is the index of the paragraph holding the sentence.
	Para int `json:"para"`
}

// Article is one news report, extracted and cleaned.
type Article struct {
	// ID is stable: derived from the content, so re-ingesting the same
	// content yields the same ID.
	ID string `json:"id"`
	// Source is Document.Source: the path or URL as given.
	Source string `json:"source"`
	// URL is the article's web address, when known.
	URL string `json:"url,omitempty"`
	// Meta is the article's metadata: title, outlet, author, date, language.
	Meta
	// Text is the cleaned body: main text only, boilerplate out, paragraphs
	// separated by a blank line.
	Text string `json:"text"`
	// Paragraphs are the spans of the paragraphs of Text.
	Paragraphs []Span `json:"paragraphs,omitempty"`
	// Sentences are the spans of the sentences of Text, in order.
	Sentences []Sentence `json:"sentences,omitempty"`
	// Correction is a correction notice found in the article, kept out of Text.
	Correction string `json:"correction,omitempty"`
	// ContentHash is the hex SHA-256 of the normalised text; equal hashes
	// are the same content. A copy's carries "/" and a key of its origin.
	ContentHash string `json:"content_hash,omitempty"`
	// DuplicateOf is the ID of the article this one copies or nearly
	// duplicates (a wire story republished as is or with small edits);
	// empty when original.
	DuplicateOf string `json:"duplicate_of,omitempty"`
	// StoryID is the story the article was placed in; empty until placed.
	StoryID string `json:"story_id,omitempty"`
	// Ingested is when the article was first stored.
	Ingested time.Time `json:"ingested,omitzero"`
}

// SentenceText returns the text of sentence i.
func (a *Article) SentenceText(i int) string {
	s := a.Sentences[i]
	return a.Text[s.Start:s.End]
}

// ArticleFilter selects articles. Nil fields do not filter.
type ArticleFilter struct {
	// Outlet keeps articles of this outlet (case-insensitive).
	Outlet *string
	// StoryID keeps the articles of one story.
	StoryID *string
	// Since keeps articles published at or after this time.
	Since *time.Time
	// Until keeps articles published before this time.
	Until *time.Time
	// Offset skips this many results; Limit caps them (0: no cap).
	Offset, Limit int
}

// SearchHit is one full-text search result.
type SearchHit struct {
	// Article is the matching article, without Text and spans.
	Article *Article `json:"article"`
	// Snippet is an excerpt around the match, the matched words between
	// HighlightStart and HighlightEnd.
	Snippet string `json:"snippet"`
	// Rank orders hits: lower is better.
	Rank float64 `json:"rank"`
}

// Snippets mark the matched words with these two runes, chosen because news
// text practically never holds them. Escape the snippet for HTML first, then
// replace them with <mark> and </mark>.
const (
	HighlightStart = "\u27e6" // ⟦
	HighlightEnd   = "\u27e7" // ⟧
)

// AddResult says what the store did with an added article.
type AddResult struct {
	// ID is the stored article's ID (the existing one for a duplicate).
	ID string
	// Duplicate is true when the same content was stored already; nothing
	// was written.
	Duplicate bool
	// NearDuplicateOf is the ID of an earlier article this one nearly
	// duplicates; the article is stored and linked to it.
	NearDuplicateOf string
	// CopyOf is the ID of an article with the same text from another
	// outlet (or, outlets unknown, another source): the copy is stored,
	// with DuplicateOf pointing at the original, so that its outlet shows in
	// the story and counts once for independence.
	CopyOf string
}
