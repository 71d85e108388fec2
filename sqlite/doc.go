// Package sqlite is crosscheck's default store: one SQLite file (through
// modernc.org/sqlite, pure Go, no cgo) holding the articles, their
// full-text index, the near-duplicate index and the stories.
//
// It owns the schema (embedded numbered migrations applied on Open), the
// article ID and content hash rules, exact and near duplicate detection on
// ingest (see neardup.go), full-text search with FTS5, and the story list
// queries the web UI pages through. DB implements crosscheck.ArticleService
// and crosscheck.StoryService; the storetest package holds the behaviour
// tests any other implementation must also pass.
//
// It does not extract, cluster or analyse: extract fills articles, the
// story package decides placements and keeps its state here as opaque
// bytes.
package sqlite
