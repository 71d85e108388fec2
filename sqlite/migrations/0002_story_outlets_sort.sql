-- The outlet filter of the story list pages through the story_outlets
-- index: each row carries its story's sort time, so "stories of outlet X,
-- newest first" reads 50 index entries instead of sorting all of X's
-- stories (84 ms for 8,000 of them).
DROP TABLE story_outlets;
CREATE TABLE story_outlets (
	outlet    TEXT NOT NULL COLLATE NOCASE,
	story_id  TEXT NOT NULL REFERENCES stories(id) ON DELETE CASCADE,
	sort_time INTEGER, -- stories.sort_time, copied by SaveStory
	PRIMARY KEY (outlet, story_id)
) WITHOUT ROWID;
CREATE INDEX story_outlets_story ON story_outlets(story_id);
CREATE INDEX story_outlets_sort ON story_outlets(outlet, sort_time DESC, story_id);
INSERT OR IGNORE INTO story_outlets (outlet, story_id, sort_time)
	SELECT j.value, s.id, s.sort_time FROM stories s, json_each(s.outlets) j WHERE j.value != '';
