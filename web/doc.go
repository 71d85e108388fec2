// Package web serves a crosscheck store in the browser and over an HTTP
// API: the story list with search and filters, a story's cross-check (brief,
// claims matrix, conflicts side by side, quotes, attributions, timeline,
// coverage chart), an article with its claims marked, and a page to add
// reports by pasting text, uploading files or giving a URL or feed.
//
// It owns routes, handlers, the embedded templates, static files and the
// OpenAPI description, request logging, metrics and security headers. It
// does not analyse: story reports come from the pipeline (package check
// through pipeline.Pipeline.StoryReport), and additions go through the same
// pipeline as the command line. It knows the store and the stages only
// through the small interfaces declared in server.go.
//
// Article text is untrusted: every piece of it is escaped by html/template
// or, for highlighted text, segment by segment before it is wrapped in
// marks; pages carry a strict Content-Security-Policy with no inline script
// or style.
package web
