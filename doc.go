// Package crosscheck holds the domain types shared by every stage of the
// pipeline: the raw Document read by ingest, the Article made by extract and
// kept by the store, the Story that groups articles about one event, and the
// analysis of a story (entities, claims, conflicts, quotes, attributions)
// made by the claim and check stages.
//
// The pipeline, one package per stage:
//
//	ingest  -> Document   files, stdin, URLs, JSON Lines (feeds through feed/)
//	extract -> Article    main text, metadata, boilerplate out, sentences
//	sqlite               the default store (implements the interfaces here)
//	story                online clustering of articles into stories
//	claim                entities, facts, quotes, attributions of one article
//	check  -> StoryReport alignment across outlets, conflicts, the brief
//	report               a Report as text, Markdown, HTML or JSON
//	web                  the web UI and HTTP API
//
// This package does no I/O.
package crosscheck
