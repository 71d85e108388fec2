-- Corrections made by users: an article's metadata, or which story an
-- article belongs to. body holds the rest of the correction as JSON
-- (fields changed with their old values, articles moved, the story a merge
-- emptied), enough to undo it and to apply it again after a re-cluster.
CREATE TABLE corrections (
	id         INTEGER PRIMARY KEY,
	kind       TEXT NOT NULL,
	article_id TEXT NOT NULL DEFAULT '',
	story_id   TEXT NOT NULL DEFAULT '',
	target_id  TEXT NOT NULL DEFAULT '',
	body       TEXT NOT NULL DEFAULT '{}',
	note       TEXT NOT NULL DEFAULT '',
	created    INTEGER NOT NULL,
	undone     INTEGER
);
CREATE INDEX corrections_article ON corrections(article_id) WHERE article_id != '';
CREATE INDEX corrections_story ON corrections(story_id) WHERE story_id != '';
CREATE INDEX corrections_target ON corrections(target_id) WHERE target_id != '';

-- Stories whose article count and outlets a correction changed: the
-- clusterer does not know, so the store derives them from the members
-- whenever it saves such a story.
CREATE TABLE corrected_stories (
	story_id TEXT PRIMARY KEY
) WITHOUT ROWID;

-- The newest publication time of a story's articles, for "latest report
-- first", kept by the triggers below as articles are placed.
ALTER TABLE stories ADD COLUMN latest INTEGER;
UPDATE stories SET latest = (SELECT max(a.published) FROM articles a WHERE a.story_id = stories.id);
CREATE INDEX stories_latest ON stories(latest DESC, id);
CREATE INDEX stories_event ON stories(event_date DESC, id);
-- The number of outlets, for "most outlets first".
ALTER TABLE stories ADD COLUMN outlet_count INTEGER GENERATED ALWAYS AS (json_array_length(outlets)) VIRTUAL;
CREATE INDEX stories_outlet_count ON stories(outlet_count DESC, id);

CREATE TRIGGER articles_latest_insert AFTER INSERT ON articles
WHEN new.story_id IS NOT NULL AND new.published IS NOT NULL BEGIN
	UPDATE stories SET latest = max(coalesce(latest, new.published), new.published) WHERE id = new.story_id;
END;
CREATE TRIGGER articles_latest_update AFTER UPDATE OF story_id, published ON articles
WHEN new.story_id IS NOT NULL AND new.published IS NOT NULL BEGIN
	UPDATE stories SET latest = max(coalesce(latest, new.published), new.published) WHERE id = new.story_id;
END;

-- What the last cross-check of each story found, for the list's conflict
-- filter and order. A row counts only while the story's version (last
-- update and article count) is the one analysed.
CREATE TABLE story_analysis (
	story_id  TEXT PRIMARY KEY,
	updated   INTEGER,
	articles  INTEGER NOT NULL,
	claims    INTEGER NOT NULL,
	conflicts INTEGER NOT NULL
);
CREATE INDEX story_analysis_conflicts ON story_analysis(conflicts DESC, story_id);
