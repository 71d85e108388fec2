-- The search vectors move to a table of their own. Placing an article in a
-- story updates its row; with the vector in that row, every placement
-- wrote a new version of the whole vector and of its entries in the
-- full-text index (half the time of a batch's placements, which every
-- other writer waits for, see doc.go). Now a placement touches a narrow
-- row and the full-text index is written once, when the article is added.
CREATE TABLE article_search (
	seq    bigint PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
	search tsvector NOT NULL -- title weighted A, text D
);
-- Ranking reads the vector of every match: kept in the row, compressed.
ALTER TABLE article_search ALTER COLUMN search SET STORAGE MAIN;
INSERT INTO article_search (seq, search) SELECT seq, search FROM articles;
DROP INDEX articles_search;
ALTER TABLE articles DROP COLUMN search;
-- The pending list kept short, as before (0001).
CREATE INDEX article_search_gin ON article_search USING gin (search) WITH (gin_pending_list_limit = 256);
-- Statistics at once: until autovacuum comes by, the planner would not
-- know the new table's size and chose poor plans for searches.
ANALYZE article_search;
