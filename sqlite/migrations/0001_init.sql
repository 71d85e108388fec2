-- Articles. seq is the rowid: the FTS index and the near-duplicate band table
-- refer to it because an integer key is smaller and faster than the text ID.
-- Times are unix microseconds (UTC), NULL when unknown.
CREATE TABLE articles (
	seq                 INTEGER PRIMARY KEY,
	id                  TEXT NOT NULL UNIQUE,
	content_hash        TEXT NOT NULL UNIQUE,
	source              TEXT NOT NULL DEFAULT '',
	url                 TEXT NOT NULL DEFAULT '',
	title               TEXT NOT NULL DEFAULT '',
	outlet              TEXT NOT NULL DEFAULT '',
	author              TEXT NOT NULL DEFAULT '',
	published           INTEGER,
	published_offset    INTEGER NOT NULL DEFAULT 0, -- seconds east of UTC, as given
	published_date_only INTEGER NOT NULL DEFAULT 0,
	language            TEXT NOT NULL DEFAULT '',
	text                TEXT NOT NULL,
	spans               BLOB,                       -- paragraphs and sentences, see spans.go
	correction          TEXT NOT NULL DEFAULT '',
	duplicate_of        TEXT,
	story_id            TEXT REFERENCES stories(id) ON DELETE SET NULL,
	ingested            INTEGER NOT NULL
);
CREATE INDEX articles_published ON articles(published DESC, seq DESC);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE, published DESC);
CREATE INDEX articles_story ON articles(story_id, published DESC);

-- Full-text index over title and text. External content: the text lives
-- once, in articles. AddArticles indexes a batch's new rows with one
-- statement at its end (a trigger per row makes FTS5 flush its in-memory
-- index at every statement, a third of the ingest cost); the triggers keep
-- the index in sync on updates and deletes.
CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content = 'articles', content_rowid = 'seq',
	tokenize = 'porter unicode61 remove_diacritics 2'
);
-- Rank title matches above body matches.
INSERT INTO articles_fts(articles_fts, rank) VALUES ('rank', 'bm25(4.0, 1.0)');
CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;

-- Locality-sensitive hashing bands of each article's MinHash signature: two
-- articles sharing a key are near-duplicate candidates (see neardup.go).
CREATE TABLE article_lsh (
	key INTEGER NOT NULL,
	seq INTEGER NOT NULL,
	PRIMARY KEY (key, seq)
) WITHOUT ROWID;
CREATE TRIGGER articles_lsh_delete AFTER DELETE ON articles BEGIN
	DELETE FROM article_lsh WHERE seq = old.seq;
END;

-- Stories. sort_time orders and bounds the list: the event date, or the last
-- update when the event date is unknown.
CREATE TABLE stories (
	id         TEXT PRIMARY KEY,
	title      TEXT NOT NULL DEFAULT '',
	event_date INTEGER,
	places     TEXT NOT NULL DEFAULT '[]',
	entities   TEXT NOT NULL DEFAULT '[]',
	outlets    TEXT NOT NULL DEFAULT '[]',
	articles   INTEGER NOT NULL DEFAULT 0,
	created    INTEGER,
	updated    INTEGER,
	sort_time  INTEGER GENERATED ALWAYS AS (coalesce(event_date, updated)) VIRTUAL
);
CREATE INDEX stories_sort ON stories(sort_time DESC, id);

-- The outlets of each story, one row each, so the outlet filter uses an index.
CREATE TABLE story_outlets (
	outlet   TEXT NOT NULL COLLATE NOCASE,
	story_id TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	PRIMARY KEY (outlet, story_id)
) WITHOUT ROWID;
CREATE INDEX story_outlets_story ON story_outlets(story_id);

-- The clusterer's opaque state per story. No foreign key: the clusterer may
-- save a state before or after the story row.
CREATE TABLE story_states (
	story_id TEXT PRIMARY KEY,
	state    BLOB NOT NULL,
	saved    INTEGER NOT NULL
);
