package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/jackc/pgx/v5"
)

// Dump hands everything the store holds to sink, in storecore.Sink's
// order, from one consistent snapshot (a repeatable-read transaction):
// the source of crosscheck migrate. Writers go on meanwhile.
func (db *DB) Dump(ctx context.Context, sink storecore.Sink) error {
	tx, err := db.pool.BeginTx(ctx, pgx.TxOptions{IsoLevel: pgx.RepeatableRead, AccessMode: pgx.ReadOnly})
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	if err := dump(ctx, tx, sink); err != nil {
		return wrap("dump", err)
	}
	return nil
}

func dump(ctx context.Context, tx pgx.Tx, sink storecore.Sink) error {
	each := func(query string, fn func(pgx.Rows) error) error {
		rows, err := tx.Query(ctx, query)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			if err := fn(rows); err != nil {
				return err
			}
		}
		return rows.Err()
	}
	err := each(`SELECT `+storyCols+` FROM stories s ORDER BY s.id`, func(r pgx.Rows) error {
		s, err := scanStory(r)
		if err != nil {
			return err
		}
		return sink.Story(s)
	})
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	err = each(`SELECT story_id, state, saved, rev FROM story_states ORDER BY story_id`, func(r pgx.Rows) error {
		var st storecore.StoryState
		if err := r.Scan(&st.Story, &st.State, &st.Saved, &st.Rev); err != nil {
			return err
		}
		st.Saved = st.Saved.UTC()
		return sink.StoryState(st)
	})
	if err != nil {
		return fmt.Errorf("story states: %w", err)
	}
	err = each(`SELECT `+articleCols+` FROM articles a ORDER BY a.seq`, func(r pgx.Rows) error {
		a, _, err := scanArticle(r)
		if err != nil {
			return err
		}
		return sink.Article(a)
	})
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	err = each(`SELECT `+correctionCols+` FROM corrections ORDER BY id`, func(r pgx.Rows) error {
		c, b, err := scanCorrection(r)
		if err != nil {
			return err
		}
		return sink.Correction(c, b.Emptied)
	})
	if err != nil {
		return fmt.Errorf("corrections: %w", err)
	}
	err = each(`SELECT story_id FROM corrected_stories ORDER BY story_id`, func(r pgx.Rows) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		return sink.Corrected(id)
	})
	if err != nil {
		return fmt.Errorf("corrected stories: %w", err)
	}
	err = each(`SELECT story_id, updated, articles, claims, conflicts FROM story_analysis ORDER BY story_id`, func(r pgx.Rows) error {
		var c crosscheck.StoryCounts
		var upd *time.Time
		if err := r.Scan(&c.Story, &upd, &c.Articles, &c.Claims, &c.Conflicts); err != nil {
			return err
		}
		c.Updated = decTime(upd)
		return sink.Counts(c)
	})
	if err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	rows, err := tx.Query(ctx, `SELECT `+sourceColumns+` FROM sources ORDER BY id`)
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	var sources []*crosscheck.Source
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			rows.Close()
			return fmt.Errorf("sources: %w", err)
		}
		sources = append(sources, s)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	for _, src := range sources {
		var items []storecore.SeenItem
		err := each(fmt.Sprintf(`SELECT key, seen FROM source_items WHERE source_id = %d ORDER BY key`, src.ID), func(r pgx.Rows) error {
			var it storecore.SeenItem
			err := r.Scan(&it.Key, &it.Seen)
			it.Seen = it.Seen.UTC()
			items = append(items, it)
			return err
		})
		if err == nil {
			err = sink.Source(src, items)
		}
		if err != nil {
			return fmt.Errorf("sources: %w", err)
		}
	}
	var rev int64
	if err := tx.QueryRow(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&rev); err != nil {
		return fmt.Errorf("revision: %w", err)
	}
	return sink.Revision(rev)
}

// Restore runs fn with a sink that writes into this store, in one
// transaction holding the stories lock: the target of crosscheck migrate.
// The store must be empty. Articles are sent to the server in batches
// (one round trip per restoreBatch articles); the search vectors and
// near-duplicate bands are built as they come in.
//
// Errors: EINVALID when the store holds articles, stories or corrections.
func (db *DB) Restore(ctx context.Context, fn func(storecore.Sink) error) error {
	return db.updateStories(ctx, "restore", func(tx pgx.Tx) error {
		var n int
		if err := tx.QueryRow(ctx, `SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM stories) + (SELECT count(*) FROM corrections)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return crosscheck.Errorf(crosscheck.EINVALID, "the store %s is not empty: copy into a new database or schema", db.url)
		}
		r := &restorer{ctx: ctx, tx: tx}
		if err := fn(r); err != nil {
			return err
		}
		if err := r.flush(); err != nil {
			return err
		}
		// Corrections and sources keep their numbers; new ones follow.
		for _, t := range []string{"corrections", "sources"} {
			if _, err := tx.Exec(ctx, `SELECT setval(pg_get_serial_sequence('`+t+`', 'id'), coalesce(max(id), 0) + 1, false) FROM `+t); err != nil {
				return err
			}
		}
		return nil
	})
}

// restoreBatch is how many articles Restore sends at once.
const restoreBatch = 200

// restorer is the sink of Restore.
type restorer struct {
	ctx   context.Context
	tx    pgx.Tx
	batch pgx.Batch
	n     int
}

func (r *restorer) flush() error {
	if r.batch.Len() == 0 {
		return nil
	}
	err := r.tx.SendBatch(r.ctx, &r.batch).Close()
	r.batch = pgx.Batch{}
	return err
}

func (r *restorer) Story(s *crosscheck.Story) error {
	if err := saveStory(r.ctx, r.tx, s); err != nil {
		return err
	}
	_, err := r.tx.Exec(r.ctx, `UPDATE stories SET latest = $1 WHERE id = $2`, nullTime(s.Latest), s.ID)
	return err
}

func (r *restorer) StoryState(st storecore.StoryState) error {
	_, err := r.tx.Exec(r.ctx, `INSERT INTO story_states (story_id, state, saved, rev) VALUES ($1, $2, $3, $4)`,
		st.Story, nonNilBytes(st.State), st.Saved, st.Rev)
	return err
}

func nonNilBytes(b []byte) []byte {
	if b == nil {
		return []byte{}
	}
	return b
}

func (r *restorer) Article(a *crosscheck.Article) error {
	if err := storecore.ValidateArticle(a); err != nil {
		return err
	}
	_, off := a.Published.Zone()
	_, modOff := a.Modified.Zone()
	var story, dup any
	if a.StoryID != "" {
		story = a.StoryID
	}
	if a.DuplicateOf != "" {
		dup = a.DuplicateOf
	}
	var keys []int64
	if !storecore.IsCopyKey(a.ContentHash) {
		keys = storecore.BandKeys(storecore.Shingles(a.Text))
	}
	r.batch.Queue(`WITH a AS (INSERT INTO articles (id, content_hash, source, url, title, outlet, author,
			published, published_offset, published_date_only, language, text, spans, correction,
			duplicate_of, story_id, ingested, modified, modified_offset, modified_date_only, credit)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $20, $21, $22, $23)
		RETURNING seq),
		s AS (INSERT INTO article_search (seq, search) SELECT a.seq, $18::tsvector FROM a)
		INSERT INTO article_lsh (key, seq) SELECT DISTINCT k, a.seq FROM a, unnest($19::bigint[]) AS k`,
		a.ID, a.ContentHash, a.Source, a.URL, a.Title, a.Outlet, a.Author,
		nullTime(a.Published), off, a.PublishedDateOnly, a.Language, a.Text,
		storecore.EncodeSpans(a.Paragraphs, a.Sentences), a.Correction, dup, story, a.Ingested.UTC(),
		searchVector(a.Title, a.Text), keys, nullTime(a.Modified), modOff, a.ModifiedDateOnly, a.Credit)
	if r.batch.Len() >= restoreBatch {
		return r.flush()
	}
	return nil
}

func (r *restorer) Correction(c *crosscheck.Correction, emptied *crosscheck.Story) error {
	if err := r.flush(); err != nil {
		return err
	}
	b, err := json.Marshal(storecore.CorrectionBody{Articles: c.Articles, Anchor: c.Anchor, Fields: c.Fields, Emptied: emptied})
	if err != nil {
		return err
	}
	_, err = r.tx.Exec(r.ctx, `INSERT INTO corrections (id, kind, article_id, story_id, target_id, body, note, created, undone)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`, c.ID, string(c.Kind), c.Article, c.Story, c.Target, string(b), c.Note,
		c.Created.UTC(), nullTime(c.Undone))
	return err
}

func (r *restorer) Corrected(id string) error {
	_, err := r.tx.Exec(r.ctx, `INSERT INTO corrected_stories (story_id) VALUES ($1) ON CONFLICT DO NOTHING`, id)
	return err
}

func (r *restorer) Counts(c crosscheck.StoryCounts) error {
	_, err := r.tx.Exec(r.ctx, `INSERT INTO story_analysis (story_id, updated, articles, claims, conflicts) VALUES ($1, $2, $3, $4, $5)`,
		c.Story, nullTime(c.Updated), c.Articles, c.Claims, c.Conflicts)
	return err
}

func (r *restorer) Source(s *crosscheck.Source, items []storecore.SeenItem) error {
	if err := r.flush(); err != nil {
		return err
	}
	_, err := r.tx.Exec(r.ctx, `INSERT INTO sources (id, url, site_url, name, category, interval_ms, status, last_error, failures,
			added, edited, last_check, last_new, next_check, cadence_ms, items,
			etag, last_modified, body_hash, hub, topic, secret, lease_expires)
		VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, `+editStamp+`, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22)`,
		s.ID, s.URL, s.SiteURL, s.Name, s.Category, s.Interval.Milliseconds(), string(s.Status), s.LastError, s.Failures,
		s.Added.UTC(), nullTime(s.LastCheck), nullTime(s.LastNew), nullTime(s.NextCheck), s.Cadence.Milliseconds(), s.Items,
		s.HTTP.ETag, s.HTTP.LastModified, s.HTTP.BodyHash, s.HTTP.Hub, s.HTTP.Topic, s.HTTP.Secret, nullTime(s.HTTP.LeaseExpires))
	if err != nil {
		return fmt.Errorf("source %d: %w", s.ID, err)
	}
	keys := make([]string, len(items))
	seen := make([]time.Time, len(items))
	for i, it := range items {
		keys[i], seen[i] = it.Key, it.Seen
	}
	_, err = r.tx.Exec(r.ctx, `INSERT INTO source_items (source_id, key, seen) SELECT $1, k, t FROM unnest($2::text[], $3::timestamptz[]) AS x(k, t)`, s.ID, keys, seen)
	return err
}

func (r *restorer) Revision(rev int64) error {
	if err := r.flush(); err != nil {
		return err
	}
	_, err := r.tx.Exec(r.ctx, `UPDATE store_revision SET value = greatest(value, $1) WHERE name = 'stories'`, rev)
	return err
}
