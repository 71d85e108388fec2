-- Stories' latest publication time is kept by statement instead of by
-- row: a placement sets the story of 200 articles in one UPDATE, and the
-- row trigger ran an UPDATE of stories for each of them (about half of
-- that statement's time, and a new version of a story's row per article).
-- The statement trigger raises each story's latest once, from the newest
-- of its articles among the rows the statement wrote. Transition tables
-- cannot go with a column list, so it runs after every insert and update
-- of articles, and only rows with a story and a date count.
DROP TRIGGER articles_latest_insert ON articles;
DROP TRIGGER articles_latest_update ON articles;
DROP FUNCTION articles_latest();

CREATE FUNCTION articles_latest() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
	UPDATE stories s SET latest = m.published
	FROM (SELECT story_id, max(published) AS published FROM new_rows
		WHERE story_id IS NOT NULL AND published IS NOT NULL GROUP BY story_id) m
	WHERE s.id = m.story_id AND (s.latest IS NULL OR s.latest < m.published);
	RETURN NULL;
END $$;
CREATE TRIGGER articles_latest_insert AFTER INSERT ON articles REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION articles_latest();
CREATE TRIGGER articles_latest_update AFTER UPDATE ON articles REFERENCING NEW TABLE AS new_rows
	FOR EACH STATEMENT EXECUTE FUNCTION articles_latest();
