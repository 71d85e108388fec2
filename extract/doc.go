// Package extract turns a raw document (HTML or plain text, already UTF-8)
// into an article: the main text with boilerplate removed, the metadata the
// document states (title, outlet, author, publication date, language), the
// paragraphs and sentences as byte spans into the text, a correction notice
// kept apart, and a content hash.
//
// HTML goes through go-trafilatura, on a tree parsed here so that
// trafilatura's charset sniffing never runs on text that is UTF-8 already.
// Plain text has no markup, so the metadata is read from the prose itself:
// a headline line, a byline, a date line, a masthead, prompts that name the
// outlet. When the text does not say, author, outlet and date stay empty:
// extract never guesses. One fallback only repeats what the input holds: the
// outlet is the site of the document's URL when one is known. An article
// without a stated headline has no title.
//
// It does not fetch, decode charsets (ingest does), assign IDs or detect
// near-duplicates (the store does), and does no I/O.
package extract
