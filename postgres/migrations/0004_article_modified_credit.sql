-- The page's last modification date beside its publication date, and the
-- news agency a byline credits beside the author ("By Jane Doe, Reuters"),
-- as the SQLite store's migration 0010: modified in UTC, NULL when the page
-- does not say; modified_offset its zone's offset in seconds east of UTC;
-- modified_date_only set when the page gives the day alone.
ALTER TABLE articles ADD COLUMN modified timestamptz;
ALTER TABLE articles ADD COLUMN modified_offset integer NOT NULL DEFAULT 0;
ALTER TABLE articles ADD COLUMN modified_date_only boolean NOT NULL DEFAULT false;
ALTER TABLE articles ADD COLUMN credit text NOT NULL DEFAULT '';
