-- The page's last modification date beside its publication date, and the
-- news agency a byline credits beside the author ("By Jane Doe, Reuters"):
-- extract has read both since issue 10; the store kept neither. modified
-- is Unix microseconds like published, NULL when the page does not say;
-- modified_offset its zone's offset in seconds, modified_date_only set
-- when the page gives the day alone (as published_date_only).
ALTER TABLE articles ADD COLUMN modified INTEGER;
ALTER TABLE articles ADD COLUMN modified_offset INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN modified_date_only INTEGER NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN credit TEXT NOT NULL DEFAULT '';
