// Package feed parses RSS, Atom and JSON Feed documents into a small Feed
// value: the feed's title, link and language, and its items with what each
// states (title, link, author, date, content or summary).
//
// The wire formats are parsed by github.com/mmcdole/gofeed; adapter.go maps
// its universal feed onto our types, keeping wire structs apart from the
// domain (the shape of miniflux's internal/reader/rss).
//
// This package does no I/O beyond reading the io.Reader it is given: it does
// not fetch feeds or item pages (ingest does), and it does not extract
// article text from item content (extract does).
package feed
