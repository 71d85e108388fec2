-- A narrow covering index from an article's seq to its story: the story
-- list's query filter maps every matching article to its story, and the
-- table rows, each on its own page with its text, cost 6x more to visit
-- (240 ms against 40 ms for 100,000 matches). Queries name it with
-- INDEXED BY: the planner prefers the rowid.
CREATE INDEX IF NOT EXISTS articles_seq_story ON articles(seq, story_id);
