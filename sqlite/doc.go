// Package sqlite is crosscheck's default store: one SQLite file (through
// modernc.org/sqlite, pure Go, no cgo) holding the articles, their
// full-text index, the near-duplicate index and the stories.
//
// It owns the schema (embedded numbered migrations in migrations/, applied
// on Open, each in a transaction recorded in the migrations table), the
// article ID and content hash rules, exact and near duplicate detection on
// ingest (neardup.go), full-text search with FTS5 (search.go), and the
// story list queries the web UI pages through (story.go).
//
// DB implements crosscheck.ArticleService and crosscheck.StoryService.
// Every write is one transaction: AddArticles stores a whole batch or
// nothing, so an interrupted ingest is completed by running it again.
// Writes go through one connection, reads through a pool that sees the
// last commit (WAL), so the web can serve while an ingest runs, also from
// another process. Update gives a Tx for callers that batch small writes.
//
// Several processes may write one file. Changes to stories (placements,
// corrections, re-clustering) also take the stories lock, an flock on the
// file beside the store named like it with "-lock" (lock.go): a writer
// holds it from reading what the others placed, through clustering in
// memory, to its commit, and takes SQLite's write lock only for the
// commit, so another writer stores its articles meanwhile
// (placement.go).
//
// The storetest package holds the behaviour tests that any implementation
// of the store interfaces must pass, so a later PostgreSQL store can reuse
// them.
//
// It does not extract, cluster or analyse: extract fills articles, the
// story package decides placements and keeps its state here as opaque
// bytes.
package sqlite
