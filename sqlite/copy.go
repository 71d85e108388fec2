package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
)

// Dump hands everything the store holds to sink, in storecore.Sink's
// order, from one consistent snapshot: the source of crosscheck migrate.
func (db *DB) Dump(ctx context.Context, sink storecore.Sink) error {
	tx, err := db.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return fmt.Errorf("dump: %w", err)
	}
	defer tx.Rollback()
	if err := dump(ctx, tx, sink); err != nil {
		return wrap("dump", err)
	}
	return nil
}

func dump(ctx context.Context, tx *sql.Tx, sink storecore.Sink) error {
	each := func(query string, fn func(*sql.Rows) error) error { return eachRow(ctx, tx, query, fn) }
	err := each(`SELECT `+storyCols+` FROM stories s ORDER BY s.id`, func(r *sql.Rows) error {
		s, err := scanStory(r)
		if err != nil {
			return err
		}
		return sink.Story(s)
	})
	if err != nil {
		return fmt.Errorf("stories: %w", err)
	}
	err = each(`SELECT story_id, state, saved, rev FROM story_states ORDER BY story_id`, func(r *sql.Rows) error {
		var st storecore.StoryState
		var saved int64
		if err := r.Scan(&st.Story, &st.State, &saved, &st.Rev); err != nil {
			return err
		}
		st.Saved = time.UnixMicro(saved).UTC()
		return sink.StoryState(st)
	})
	if err != nil {
		return fmt.Errorf("story states: %w", err)
	}
	err = each(`SELECT `+articleCols+` FROM articles a ORDER BY a.seq`, func(r *sql.Rows) error {
		a, err := scanArticle(r)
		if err != nil {
			return err
		}
		return sink.Article(a)
	})
	if err != nil {
		return fmt.Errorf("articles: %w", err)
	}
	var ids []int64
	err = each(`SELECT id FROM corrections ORDER BY id`, func(r *sql.Rows) error {
		var id int64
		err := r.Scan(&id)
		ids = append(ids, id)
		return err
	})
	for _, id := range ids {
		if err != nil {
			break
		}
		var c *crosscheck.Correction
		var b storecore.CorrectionBody
		if c, b, err = correctionBodyOf(ctx, tx, id); err == nil {
			err = sink.Correction(c, b.Emptied)
		}
	}
	if err != nil {
		return fmt.Errorf("corrections: %w", err)
	}
	err = each(`SELECT story_id FROM corrected_stories ORDER BY story_id`, func(r *sql.Rows) error {
		var id string
		if err := r.Scan(&id); err != nil {
			return err
		}
		return sink.Corrected(id)
	})
	if err != nil {
		return fmt.Errorf("corrected stories: %w", err)
	}
	err = each(`SELECT story_id, updated, articles, claims, conflicts FROM story_analysis ORDER BY story_id`, func(r *sql.Rows) error {
		var c crosscheck.StoryCounts
		var upd sql.NullInt64
		if err := r.Scan(&c.Story, &upd, &c.Articles, &c.Claims, &c.Conflicts); err != nil {
			return err
		}
		c.Updated = decTime(upd)
		return sink.Counts(c)
	})
	if err != nil {
		return fmt.Errorf("analysis: %w", err)
	}
	var sources []*crosscheck.Source
	err = each(`SELECT `+sourceColumns+` FROM sources ORDER BY id`, func(r *sql.Rows) error {
		s, err := scanSource(r)
		sources = append(sources, s)
		return err
	})
	for _, src := range sources {
		if err != nil {
			break
		}
		var items []storecore.SeenItem
		err = each(fmt.Sprintf(`SELECT key, seen FROM source_items WHERE source_id = %d ORDER BY key`, src.ID), func(r *sql.Rows) error {
			var it storecore.SeenItem
			var seen int64
			err := r.Scan(&it.Key, &seen)
			it.Seen = time.UnixMicro(seen).UTC()
			items = append(items, it)
			return err
		})
		if err == nil {
			err = sink.Source(src, items)
		}
	}
	if err != nil {
		return fmt.Errorf("sources: %w", err)
	}
	var rev int64
	if err := tx.QueryRowContext(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&rev); err != nil {
		return fmt.Errorf("revision: %w", err)
	}
	return sink.Revision(rev)
}

// Restore runs fn with a sink that writes into this store, in one
// transaction: the target of crosscheck migrate. The store must be empty;
// the full-text index and the near-duplicate bands are built as articles
// come in. Nothing is written unless fn and the commit succeed.
//
// Errors: EINVALID when the store holds articles, stories or corrections.
func (db *DB) Restore(ctx context.Context, fn func(storecore.Sink) error) error {
	return db.update(ctx, "restore", func(tx *sql.Tx) error {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT (SELECT count(*) FROM articles) + (SELECT count(*) FROM stories) + (SELECT count(*) FROM corrections)`).Scan(&n); err != nil {
			return err
		}
		if n > 0 {
			return crosscheck.Errorf(crosscheck.EINVALID, "the store %s is not empty: copy into a new file", db.path)
		}
		insert, err := tx.PrepareContext(ctx, insertArticleSQL)
		if err != nil {
			return err
		}
		defer insert.Close()
		if err := fn(&restorer{ctx: ctx, tx: tx, insert: insert}); err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO articles_fts(articles_fts) VALUES ('rebuild')`); err != nil {
			return fmt.Errorf("index: %w", err)
		}
		return nil
	})
}

// restorer is the sink of Restore.
type restorer struct {
	ctx    context.Context
	tx     *sql.Tx
	insert *sql.Stmt
}

func (r *restorer) Story(s *crosscheck.Story) error {
	if err := saveStory(r.ctx, r.tx, s); err != nil {
		return err
	}
	_, err := r.tx.ExecContext(r.ctx, `UPDATE stories SET latest = ? WHERE id = ?`, encTime(s.Latest), s.ID)
	return err
}

func (r *restorer) StoryState(st storecore.StoryState) error {
	state := st.State
	if state == nil {
		state = []byte{}
	}
	_, err := r.tx.ExecContext(r.ctx, `INSERT INTO story_states (story_id, state, saved, rev) VALUES (?, ?, ?, ?)`,
		st.Story, state, st.Saved.UnixMicro(), st.Rev)
	return err
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
	res, err := r.insert.ExecContext(r.ctx, a.ID, a.ContentHash, a.Source, a.URL, a.Title, a.Outlet, a.Author,
		encTime(a.Published), off, a.PublishedDateOnly, a.Language, a.Text,
		storecore.EncodeSpans(a.Paragraphs, a.Sentences), a.Correction, dup, story, encTime(a.Ingested),
		encTime(a.Modified), modOff, a.ModifiedDateOnly, a.Credit)
	if err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	if n, _ := res.RowsAffected(); n == 0 {
		return fmt.Errorf("article %s: its ID or content is there twice", a.ID)
	}
	if storecore.IsCopyKey(a.ContentHash) {
		return nil
	}
	keys := storecore.BandKeys(storecore.Shingles(a.Text))
	if len(keys) == 0 {
		return nil
	}
	seq, err := res.LastInsertId()
	if err != nil {
		return err
	}
	args := make([]any, 0, 2*len(keys))
	for _, k := range keys {
		args = append(args, k, seq)
	}
	_, err = r.tx.ExecContext(r.ctx, `INSERT OR IGNORE INTO article_lsh (key, seq) VALUES `+
		strings.TrimSuffix(strings.Repeat("(?,?),", len(keys)), ","), args...)
	return err
}

func (r *restorer) Correction(c *crosscheck.Correction, emptied *crosscheck.Story) error {
	b, err := json.Marshal(storecore.CorrectionBody{Articles: c.Articles, Anchor: c.Anchor, Fields: c.Fields, Emptied: emptied})
	if err != nil {
		return err
	}
	_, err = r.tx.ExecContext(r.ctx, `INSERT INTO corrections (id, kind, article_id, story_id, target_id, body, note, created, undone)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`, c.ID, c.Kind, c.Article, c.Story, c.Target, string(b), c.Note,
		c.Created.UnixMicro(), encTime(c.Undone))
	return err
}

func (r *restorer) Corrected(id string) error {
	_, err := r.tx.ExecContext(r.ctx, `INSERT OR IGNORE INTO corrected_stories (story_id) VALUES (?)`, id)
	return err
}

func (r *restorer) Counts(c crosscheck.StoryCounts) error {
	_, err := r.tx.ExecContext(r.ctx, `INSERT INTO story_analysis (story_id, updated, articles, claims, conflicts) VALUES (?, ?, ?, ?, ?)`,
		c.Story, encTime(c.Updated), c.Articles, c.Claims, c.Conflicts)
	return err
}

func (r *restorer) Source(s *crosscheck.Source, items []storecore.SeenItem) error {
	now := time.Now().UnixMicro()
	_, err := r.tx.ExecContext(r.ctx, `INSERT INTO sources (id, url, site_url, name, category, interval_ms, status, last_error, failures,
			added, edited, last_check, last_new, next_check, cadence_ms, items,
			etag, last_modified, body_hash, hub, topic, secret, lease_expires)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		s.ID, s.URL, s.SiteURL, s.Name, s.Category, s.Interval.Milliseconds(), string(s.Status), s.LastError, s.Failures,
		s.Added.UnixMicro(), now, encTime(s.LastCheck), encTime(s.LastNew), encTime(s.NextCheck), s.Cadence.Milliseconds(), s.Items,
		s.HTTP.ETag, s.HTTP.LastModified, s.HTTP.BodyHash, s.HTTP.Hub, s.HTTP.Topic, s.HTTP.Secret, encTime(s.HTTP.LeaseExpires))
	if err != nil {
		return fmt.Errorf("source %d: %w", s.ID, err)
	}
	for _, it := range items {
		if _, err := r.tx.ExecContext(r.ctx, `INSERT INTO source_items (source_id, key, seen) VALUES (?, ?, ?)`, s.ID, it.Key, it.Seen.UnixMicro()); err != nil {
			return fmt.Errorf("source %d: %w", s.ID, err)
		}
	}
	return nil
}

func (r *restorer) Revision(rev int64) error {
	_, err := r.tx.ExecContext(r.ctx, `UPDATE store_revision SET value = max(value, ?) WHERE name = 'stories'`, rev)
	return err
}
