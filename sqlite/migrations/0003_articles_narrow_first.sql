-- Put the article's small columns before its text. SQLite reads a row's
-- columns in order, so a column stored after a 3 KB text is reached only
-- through the text's overflow pages: finding the story of each of 100,000
-- matching articles (the story list's query filter) read the whole store.
-- The triggers go first: dropping the old table would otherwise delete
-- every row from the full-text and band indexes.
DROP TRIGGER articles_fts_delete;
DROP TRIGGER articles_fts_update;
DROP TRIGGER articles_lsh_delete;

CREATE TABLE articles_new (
	seq                 INTEGER PRIMARY KEY,
	id                  TEXT NOT NULL UNIQUE,
	content_hash        TEXT NOT NULL UNIQUE,
	story_id            TEXT REFERENCES stories(id) ON DELETE SET NULL,
	duplicate_of        TEXT,
	published           INTEGER,
	published_offset    INTEGER NOT NULL DEFAULT 0, -- seconds east of UTC, as given
	published_date_only INTEGER NOT NULL DEFAULT 0,
	ingested            INTEGER NOT NULL,
	outlet              TEXT NOT NULL DEFAULT '',
	language            TEXT NOT NULL DEFAULT '',
	source              TEXT NOT NULL DEFAULT '',
	url                 TEXT NOT NULL DEFAULT '',
	title               TEXT NOT NULL DEFAULT '',
	author              TEXT NOT NULL DEFAULT '',
	correction          TEXT NOT NULL DEFAULT '',
	spans               BLOB,                       -- paragraphs and sentences, see spans.go
	text                TEXT NOT NULL
);
INSERT INTO articles_new (seq, id, content_hash, story_id, duplicate_of, published, published_offset,
	published_date_only, ingested, outlet, language, source, url, title, author, correction, spans, text)
SELECT seq, id, content_hash, story_id, duplicate_of, published, published_offset,
	published_date_only, ingested, outlet, language, source, url, title, author, correction, spans, text
FROM articles ORDER BY seq;
DROP TABLE articles;
ALTER TABLE articles_new RENAME TO articles;

CREATE INDEX articles_published ON articles(published DESC, seq DESC);
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE, published DESC);
CREATE INDEX articles_story ON articles(story_id, published DESC);

CREATE TRIGGER articles_fts_delete AFTER DELETE ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
END;
CREATE TRIGGER articles_fts_update AFTER UPDATE OF title, text ON articles BEGIN
	INSERT INTO articles_fts(articles_fts, rowid, title, text) VALUES ('delete', old.seq, old.title, old.text);
	INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);
END;
CREATE TRIGGER articles_lsh_delete AFTER DELETE ON articles BEGIN
	DELETE FROM article_lsh WHERE seq = old.seq;
END;
