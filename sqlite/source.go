package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

var _ crosscheck.SourceService = (*DB)(nil)

const sourceColumns = `id, url, site_url, name, category, interval_ms, status, last_error, failures,
	added, last_check, last_new, next_check, cadence_ms, items,
	etag, last_modified, body_hash, hub, topic, secret, lease_expires`

func scanSource(sc scanner) (*crosscheck.Source, error) {
	var s crosscheck.Source
	var interval, cadence int64
	var status string
	var added, lastCheck, lastNew, next, lease sql.NullInt64
	err := sc.Scan(&s.ID, &s.URL, &s.SiteURL, &s.Name, &s.Category, &interval, &status, &s.LastError, &s.Failures,
		&added, &lastCheck, &lastNew, &next, &cadence, &s.Items,
		&s.HTTP.ETag, &s.HTTP.LastModified, &s.HTTP.BodyHash, &s.HTTP.Hub, &s.HTTP.Topic, &s.HTTP.Secret, &lease)
	if err != nil {
		return nil, err
	}
	s.Interval = time.Duration(interval) * time.Millisecond
	s.Cadence = time.Duration(cadence) * time.Millisecond
	s.Status = crosscheck.SourceStatus(status)
	s.Added, s.LastCheck, s.LastNew, s.NextCheck = decTime(added), decTime(lastCheck), decTime(lastNew), decTime(next)
	s.HTTP.LeaseExpires = decTime(lease)
	return &s, nil
}

// AddSource stores a new active source.
//
// Errors: EINVALID when the URL is not http(s) or is watched already.
func (db *DB) AddSource(ctx context.Context, s *crosscheck.Source) error {
	if err := s.Validate(); err != nil {
		return err
	}
	s.URL = strings.TrimSpace(s.URL)
	now := db.Now().UTC()
	return db.updateArticles(ctx, "add source", func(tx *sql.Tx) error {
		var id int64
		err := tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE url = ?`, s.URL).Scan(&id)
		if err == nil {
			return crosscheck.Errorf(crosscheck.EINVALID, "%s is watched already, as source %d", s.URL, id)
		} else if !errors.Is(err, sql.ErrNoRows) {
			return err
		}
		res, err := tx.ExecContext(ctx, `INSERT INTO sources (url, site_url, name, category, interval_ms, status, added, edited, next_check)
			VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?)`,
			s.URL, s.SiteURL, s.Name, s.Category, s.Interval.Milliseconds(), now.UnixMicro(), now.UnixMicro(), encTime(s.NextCheck))
		if err != nil {
			return err
		}
		s.ID, err = res.LastInsertId()
		s.Status, s.Added = crosscheck.SourceActive, now
		return err
	})
}

// Source returns one source.
//
// Errors: ENOTFOUND when there is none.
func (db *DB) Source(ctx context.Context, id int64) (*crosscheck.Source, error) {
	s, err := scanSource(db.reader.QueryRowContext(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no source %d: 'crosscheck sources list' shows them", id)
	}
	if err != nil {
		return nil, fmt.Errorf("source %d: %w", id, err)
	}
	return s, nil
}

// Sources returns the sources f selects, by ID.
func (db *DB) Sources(ctx context.Context, f crosscheck.SourceFilter) ([]*crosscheck.Source, error) {
	q := `SELECT ` + sourceColumns + ` FROM sources WHERE 1`
	var args []any
	if f.Status != nil {
		q += ` AND status = ?`
		args = append(args, string(*f.Status))
	}
	if f.DueBefore != nil {
		q += ` AND status = 'active' AND coalesce(next_check, 0) < ?`
		args = append(args, f.DueBefore.UnixMicro())
	}
	rows, err := db.reader.QueryContext(ctx, q+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	defer rows.Close()
	var out []*crosscheck.Source
	for rows.Next() {
		s, err := scanSource(rows)
		if err != nil {
			return nil, fmt.Errorf("sources: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("sources: %w", err)
	}
	return out, nil
}

// SetSourceStatus pauses, resumes or stops a source. Making it active
// clears its failures and makes it due at once.
//
// Errors: ENOTFOUND when there is none; EINVALID for an unknown status.
func (db *DB) SetSourceStatus(ctx context.Context, id int64, status crosscheck.SourceStatus) error {
	if !status.Valid() {
		return crosscheck.Errorf(crosscheck.EINVALID, "unknown source status %q", status)
	}
	return db.updateArticles(ctx, "set source status", func(tx *sql.Tx) error {
		q := `UPDATE sources SET status = ?, edited = ? WHERE id = ?`
		if status == crosscheck.SourceActive {
			q = `UPDATE sources SET status = ?, edited = ?, failures = 0, next_check = NULL WHERE id = ?`
		}
		res, err := tx.ExecContext(ctx, q, string(status), db.editStamp(ctx, tx), id)
		if err != nil {
			return err
		}
		return oneRow(res, id)
	})
}

// editStamp is a value for sources.edited that is later than every other,
// even when the clock stands still (tests) or steps back.
func (db *DB) editStamp(ctx context.Context, tx *sql.Tx) int64 {
	now := db.Now().UnixMicro()
	var last sql.NullInt64
	_ = tx.QueryRowContext(ctx, `SELECT max(edited) FROM sources`).Scan(&last)
	if last.Valid && last.Int64 >= now {
		return last.Int64 + 1
	}
	return now
}

func oneRow(res sql.Result, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return err
	}
	if n == 0 {
		return crosscheck.Errorf(crosscheck.ENOTFOUND, "no source %d: 'crosscheck sources list' shows them", id)
	}
	return nil
}

// RemoveSource deletes a source and its memory of items seen. The articles
// it added stay.
//
// Errors: ENOTFOUND when there is none.
func (db *DB) RemoveSource(ctx context.Context, id int64) error {
	return db.updateArticles(ctx, "remove source", func(tx *sql.Tx) error {
		res, err := tx.ExecContext(ctx, `DELETE FROM sources WHERE id = ?`, id)
		if err != nil {
			return err
		}
		return oneRow(res, id)
	})
}

// SourcesRevision returns a value that changes whenever a user adds,
// removes, pauses or resumes a source (not when the watcher records a
// check), so a watcher knows when to reload.
func (db *DB) SourcesRevision(ctx context.Context) (string, error) {
	var n int64
	var edited sql.NullInt64
	if err := db.reader.QueryRowContext(ctx, `SELECT count(*), max(edited) FROM sources`).Scan(&n, &edited); err != nil {
		return "", fmt.Errorf("sources revision: %w", err)
	}
	return fmt.Sprintf("%d/%d", n, edited.Int64), nil
}

// SaveSourceCheck records the outcome of one check of s: its URL, name,
// status, error, times, counters and protocol state, and the keys of the
// items it delivered, in one transaction. A status the user set meanwhile
// (paused, removed) wins over the watcher's.
//
// Errors: EINVALID when s moved to a URL another source has.
func (db *DB) SaveSourceCheck(ctx context.Context, s *crosscheck.Source, seen []string) error {
	now := db.Now().UnixMicro()
	// A watcher saves a check for every 304: the statement is prepared once
	// (parsing it each time was a fifth of the watcher's CPU).
	update, err := db.prepared(ctx, `UPDATE sources SET url = ?, site_url = ?, name = ?,
			status = CASE WHEN status = 'active' THEN ? ELSE status END,
			last_error = ?, failures = ?, last_check = ?, last_new = ?, next_check = ?, cadence_ms = ?, items = ?,
			etag = ?, last_modified = ?, body_hash = ?, hub = ?, topic = ?, secret = ?, lease_expires = ?
			WHERE id = ?`)
	if err != nil {
		return wrap("save source check", err)
	}
	// Prepared outside the transaction: the writer has one connection.
	insert, err := db.prepared(ctx, `INSERT OR IGNORE INTO source_items (source_id, key, seen) VALUES (?, ?, ?)`)
	if err != nil {
		return wrap("save source check", err)
	}
	return db.updateArticles(ctx, "save source check", func(tx *sql.Tx) error {
		res, err := tx.StmtContext(ctx, update).ExecContext(ctx,
			s.URL, s.SiteURL, s.Name, string(s.Status), s.LastError, s.Failures,
			encTime(s.LastCheck), encTime(s.LastNew), encTime(s.NextCheck), s.Cadence.Milliseconds(), s.Items,
			s.HTTP.ETag, s.HTTP.LastModified, s.HTTP.BodyHash, s.HTTP.Hub, s.HTTP.Topic, s.HTTP.Secret,
			encTime(s.HTTP.LeaseExpires), s.ID)
		if err != nil {
			var other int64
			if qerr := tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE url = ? AND id != ?`, s.URL, s.ID).Scan(&other); qerr == nil {
				return crosscheck.Errorf(crosscheck.EINVALID, "source %d moved to %s, which is source %d", s.ID, s.URL, other)
			}
			return err
		}
		if n, _ := res.RowsAffected(); n == 0 {
			return nil // removed meanwhile: nothing to remember
		}
		if len(seen) == 0 {
			return nil
		}
		stmt := tx.StmtContext(ctx, insert)
		for _, k := range seen {
			if _, err := stmt.ExecContext(ctx, s.ID, k, now); err != nil {
				return err
			}
		}
		return nil
	})
}

// SeenItems returns which of keys the source delivered before.
func (db *DB) SeenItems(ctx context.Context, sourceID int64, keys []string) (map[string]bool, error) {
	seen := map[string]bool{}
	const chunk = 500
	for len(keys) > 0 {
		n := min(chunk, len(keys))
		part := keys[:n]
		keys = keys[n:]
		args := make([]any, 0, n+1)
		args = append(args, sourceID)
		for _, k := range part {
			args = append(args, k)
		}
		rows, err := db.reader.QueryContext(ctx, `SELECT key FROM source_items WHERE source_id = ? AND key IN (?`+
			strings.Repeat(",?", n-1)+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("seen items: %w", err)
		}
		for rows.Next() {
			var k string
			if err := rows.Scan(&k); err != nil {
				rows.Close()
				return nil, fmt.Errorf("seen items: %w", err)
			}
			seen[k] = true
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("seen items: %w", err)
		}
	}
	return seen, nil
}

// ChangedStories returns the stories updated after since, oldest update
// first, at most limit, for live pages.
func (db *DB) ChangedStories(ctx context.Context, since time.Time, limit int) ([]*crosscheck.Story, error) {
	rows, err := db.reader.QueryContext(ctx, `SELECT `+storyCols+` FROM stories s WHERE s.updated > ? ORDER BY s.updated LIMIT ?`,
		since.UnixMicro(), limit)
	if err != nil {
		return nil, fmt.Errorf("changed stories: %w", err)
	}
	defer rows.Close()
	var out []*crosscheck.Story
	for rows.Next() {
		s, err := scanStory(rows)
		if err != nil {
			return nil, fmt.Errorf("changed stories: %w", err)
		}
		out = append(out, s)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("changed stories: %w", err)
	}
	return out, nil
}

// prepared returns the writer's statement for query, prepared on first use.
func (db *DB) prepared(ctx context.Context, query string) (*sql.Stmt, error) {
	db.stmtMu.Lock()
	defer db.stmtMu.Unlock()
	if st, ok := db.stmts[query]; ok {
		return st, nil
	}
	st, err := db.writer.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if db.stmts == nil {
		db.stmts = map[string]*sql.Stmt{}
	}
	db.stmts[query] = st
	return st, nil
}
