-- The article list orders by published DESC, seq DESC: with seq in the
-- outlet and story indexes too, a page of one outlet's articles reads 50
-- index entries instead of sorting all of them (42 ms for 25,000).
DROP INDEX articles_outlet;
DROP INDEX articles_story;
CREATE INDEX articles_outlet ON articles(outlet COLLATE NOCASE, published DESC, seq DESC);
CREATE INDEX articles_story ON articles(story_id, published DESC, seq DESC);
