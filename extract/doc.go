// Package extract turns a raw document (HTML or plain text, already UTF-8)
// into an article: the main text with boilerplate removed, the metadata the
// document states (title, outlet, author, publication and modification
// dates, language), the paragraphs and sentences as byte spans into the
// text, a correction notice kept apart, and a content hash.
//
// HTML: the page is parsed here, so that trafilatura's charset sniffing
// never runs on text that is UTF-8 already. Its metadata is what the page
// states about itself, read in one linear walk (meta.go) from every source
// in order of trust: schema.org JSON-LD (@graph, author lists, references),
// microdata, OpenGraph and article:*, Dublin Core, named meta tags,
// <time datetime>, marked bylines (rel=author, hCard, class "byline") and
// labelled ones ("By", "Von:", "Text:"). Names are checked against word
// lists kept as data in lexicon/ (job titles, desks, navigation, agencies);
// the publication day is a weighted vote of the sources, go-htmldate's
// reading of the text included, with its time and zone when one is given.
// What the page shows its readers comes first where the markup says less:
// an update line shown without a publication date, a date line on the day
// the markup says the article was modified, any shown date over a generic
// meta "date" (metadate.go).
// The main text comes from go-trafilatura within a structural budget and a
// deadline (budget.go): a page over the budget, or one the library does not
// finish in time, is read by a reader linear in the page, a page too large
// to build a tree of as a stream of tokens. A page nested deeper than the
// HTML parser allows is flattened and read, with a warning.
//
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
