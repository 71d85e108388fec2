// Package postgres is crosscheck's store for a team: one PostgreSQL
// database (through github.com/jackc/pgx/v5 and its pool) shared by any
// number of processes on any number of machines: web servers behind a
// load balancer, a watcher, ingests from a laptop. It keeps the same data
// as the sqlite package, behind the same interfaces, and passes the same
// behaviour suite (sqlite/storetest); the rules both follow (content
// identity, near duplicates, spans, the search query language) live in
// internal/storecore.
//
// It owns the schema (embedded numbered migrations in migrations/,
// applied on Open under an advisory lock, so processes starting together
// apply each once, each in a transaction recorded in the migrations
// table) and full-text search with PostgreSQL's own text search: a
// tsvector per article (title weighted A, text D) with a GIN index. The
// vectors and queries are made here (vector.go): words split, lowercased
// and stripped of accents by storecore.SearchWords, the rule of SQLite's
// unicode61 tokenizer, and stemmed by the English Snowball stemmer, with
// no stop words; so a query finds the same articles in both stores
// whatever the database's locale, and the server's CPU goes to storing
// and searching. Snippets are made here too (snippet.go), from the words
// the search matched, as FTS5's snippet makes them: ts_headline, which
// parses each hit's whole text again, cost a third of a search.
//
// # Several writers at once
//
// Two things must stay right when writers add reports of the same event at
// the same moment: an article is stored once (and a near duplicate linked
// to its original), and an event is one story.
//
// Adding: before a batch looks at what is stored, it locks one row per
// content hash and per near-duplicate band key of its articles in the
// add_claims table (INSERT ... ON CONFLICT DO UPDATE ... WHERE false, which
// locks existing rows without writing them), in key order, so two batches
// never deadlock. A writer adding the same text, or one sharing a band
// with it, waits for the other's commit and then, in READ COMMITTED, sees
// its rows: it records a duplicate, or links the near duplicate, exactly
// as a single writer would. Writers of unrelated articles share no key and
// never wait for each other, so ingest scales with writers. Row locks are
// used rather than advisory locks because a batch claims thousands of
// keys: row locks live in the rows, while advisory locks fill the shared
// lock table (max_locks_per_transaction). A deadlock or serialization
// failure, should one happen anyway, is retried.
//
// Placing: each process clusters with its own in-memory clusterer, so
// placement is serialised by one transaction-level advisory lock (the
// stories lock, keyed by the schema) that every change to stories takes:
// placements, corrections, story saves, re-clustering. Holding it, a
// writer first reads the story states other writers saved since its last
// placement (story_states.rev, counted by store_revision), brings its
// clusterer up to date, places its batch, and writes stories, states and
// placements in the same transaction; counts are derived from the members
// there. The alternative, a single placement worker fed by a queue
// (FOR UPDATE SKIP LOCKED), needs a process that is always running and
// makes an ingest finish before its articles have stories; the lock keeps
// every command self-contained and costs only the placement, which is
// short next to extraction and storage: those run in parallel.
//
// It does not extract, cluster or analyse.
package postgres
