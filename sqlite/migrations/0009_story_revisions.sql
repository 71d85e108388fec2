-- Several writers (the command line and the web server, two ingests) share
-- one store. Each holds its own clusterer; before placing a batch, a
-- writer reads the story states the others saved since it last looked.
-- rev orders the saves: a counter in store_revision, bumped by every
-- placement transaction, never reset (a recluster goes on counting).
ALTER TABLE story_states ADD COLUMN rev INTEGER NOT NULL DEFAULT 0;
CREATE INDEX story_states_rev ON story_states(rev);
CREATE TABLE store_revision (
	name  TEXT PRIMARY KEY,
	value INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO store_revision (name, value) VALUES ('stories', 0);
