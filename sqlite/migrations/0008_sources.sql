-- Watched sources (crosscheck sources, crosscheck watch). Times are unix
-- microseconds (UTC), NULL when never; durations are milliseconds.
-- edited changes whenever the user adds, pauses or resumes a source, so a
-- running watcher sees it with one cheap query.
CREATE TABLE sources (
	id            INTEGER PRIMARY KEY,
	url           TEXT NOT NULL UNIQUE,
	site_url      TEXT NOT NULL DEFAULT '',
	name          TEXT NOT NULL DEFAULT '',
	category      TEXT NOT NULL DEFAULT '',
	interval_ms   INTEGER NOT NULL DEFAULT 0,  -- set by the user; 0 adapts
	status        TEXT NOT NULL DEFAULT 'active',
	last_error    TEXT NOT NULL DEFAULT '',
	failures      INTEGER NOT NULL DEFAULT 0,
	added         INTEGER NOT NULL,
	edited        INTEGER NOT NULL,
	last_check    INTEGER,
	last_new      INTEGER,
	next_check    INTEGER,
	cadence_ms    INTEGER NOT NULL DEFAULT 0,  -- the interval in use
	items         INTEGER NOT NULL DEFAULT 0,
	etag          TEXT NOT NULL DEFAULT '',
	last_modified TEXT NOT NULL DEFAULT '',
	body_hash     TEXT NOT NULL DEFAULT '',
	hub           TEXT NOT NULL DEFAULT '',
	topic         TEXT NOT NULL DEFAULT '',
	secret        TEXT NOT NULL DEFAULT '',
	lease_expires INTEGER
);

-- The items each source delivered, by identity: "g:" GUID, else "l:" link,
-- else "h:" content hash. A feed that re-sends or re-orders its items adds
-- nothing twice; a restarted watcher knows what it saw.
CREATE TABLE source_items (
	source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
	key       TEXT NOT NULL,
	seen      INTEGER NOT NULL,
	PRIMARY KEY (source_id, key)
) WITHOUT ROWID;

-- Live pages ask which stories changed since a moment.
CREATE INDEX stories_updated ON stories(updated);
