// Package watch keeps watching sources: it checks each feed when due and
// takes its new items through the pipeline, as a well-behaved feed reader
// does for months on end.
//
// It owns the scheduler (a due-time heap, one check at a time per host, an
// interval adapted to how often a source publishes, within bounds and with
// jitter, exponential backoff, pausing a source that keeps failing), the
// polite HTTP transport under every request it makes (one request at a
// time per host and a minimum gap across feeds, item pages, robots.txt and
// hubs; robots.txt for item pages, cached per host; Retry-After of 429
// and 503 holding the host), conditional GET (ETag, Last-Modified, and an
// unchanged body skipped), permanent redirects moving a source, 410
// stopping it, items recognised by GUID, then link, then content hash,
// feed discovery from a page's <link rel="alternate">, and WebSub
// (subscribe, verification of intent, X-Hub-Signature, lease renewal).
//
// It does not parse feeds (feed does), fetch and decode item pages
// (ingest does, through this package's transport), extract, store or
// cluster (the pipeline does), or keep sources (the store does, through
// the small Store interface here). Its state lives in the store, so a
// restarted watcher resumes where it stopped without fetching everything
// again.
package watch
