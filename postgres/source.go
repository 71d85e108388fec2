package postgres

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
)

var _ crosscheck.SourceService = (*DB)(nil)

const sourceColumns = `id, url, site_url, name, category, interval_ms, status, last_error, failures,
	added, last_check, last_new, next_check, cadence_ms, items,
	etag, last_modified, body_hash, hub, topic, secret, lease_expires`

func scanSource(sc pgx.Row) (*crosscheck.Source, error) {
	var s crosscheck.Source
	var interval, cadence int64
	var status string
	var added time.Time
	var lastCheck, lastNew, next, lease *time.Time
	err := sc.Scan(&s.ID, &s.URL, &s.SiteURL, &s.Name, &s.Category, &interval, &status, &s.LastError, &s.Failures,
		&added, &lastCheck, &lastNew, &next, &cadence, &s.Items,
		&s.HTTP.ETag, &s.HTTP.LastModified, &s.HTTP.BodyHash, &s.HTTP.Hub, &s.HTTP.Topic, &s.HTTP.Secret, &lease)
	if err != nil {
		return nil, err
	}
	s.Interval = time.Duration(interval) * time.Millisecond
	s.Cadence = time.Duration(cadence) * time.Millisecond
	s.Status = crosscheck.SourceStatus(status)
	s.Added, s.LastCheck, s.LastNew, s.NextCheck = added.UTC(), decTime(lastCheck), decTime(lastNew), decTime(next)
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
	now := db.Now().UTC().Truncate(time.Microsecond)
	return db.update(ctx, "add source", func(tx pgx.Tx) error {
		err := tx.QueryRow(ctx, `INSERT INTO sources (url, site_url, name, category, interval_ms, status, added, edited, next_check)
			VALUES ($1, $2, $3, $4, $5, 'active', $6, `+editStamp+`, $7)
			ON CONFLICT (url) DO NOTHING RETURNING id`,
			s.URL, s.SiteURL, s.Name, s.Category, s.Interval.Milliseconds(), now, nullTime(s.NextCheck)).Scan(&s.ID)
		if errors.Is(err, pgx.ErrNoRows) {
			var id int64
			if err := tx.QueryRow(ctx, `SELECT id FROM sources WHERE url = $1`, s.URL).Scan(&id); err != nil {
				return err
			}
			return crosscheck.Errorf(crosscheck.EINVALID, "%s is watched already, as source %d", s.URL, id)
		}
		if err != nil {
			return err
		}
		s.Status, s.Added = crosscheck.SourceActive, now
		return nil
	})
}

// editStamp is a value for sources.edited later than every other, even
// when clocks stand still or step back: the watchers' reload signal. The
// lock on the table keeps two stamps apart.
const editStamp = `greatest((extract(epoch FROM clock_timestamp()) * 1e6)::bigint,
	(SELECT coalesce(max(edited), 0) + 1 FROM sources))`

// Source returns one source.
//
// Errors: ENOTFOUND when there is none.
func (db *DB) Source(ctx context.Context, id int64) (*crosscheck.Source, error) {
	s, err := scanSource(db.pool.QueryRow(ctx, `SELECT `+sourceColumns+` FROM sources WHERE id = $1`, id))
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, crosscheck.Errorf(crosscheck.ENOTFOUND, "no source %d: 'crosscheck sources list' shows them", id)
	}
	if err != nil {
		return nil, fmt.Errorf("source %d: %w", id, err)
	}
	return s, nil
}

// Sources returns the sources f selects, by ID.
func (db *DB) Sources(ctx context.Context, f crosscheck.SourceFilter) ([]*crosscheck.Source, error) {
	q := `SELECT ` + sourceColumns + ` FROM sources WHERE true`
	var args []any
	if f.Status != nil {
		args = append(args, string(*f.Status))
		q += fmt.Sprintf(` AND status = $%d`, len(args))
	}
	if f.DueBefore != nil {
		args = append(args, f.DueBefore.UTC())
		q += fmt.Sprintf(` AND status = 'active' AND (next_check IS NULL OR next_check < $%d)`, len(args))
	}
	rows, err := db.pool.Query(ctx, q+` ORDER BY id`, args...)
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
	return db.update(ctx, "set source status", func(tx pgx.Tx) error {
		q := `UPDATE sources SET status = $1, edited = ` + editStamp + ` WHERE id = $2`
		if status == crosscheck.SourceActive {
			q = `UPDATE sources SET status = $1, edited = ` + editStamp + `, failures = 0, next_check = NULL WHERE id = $2`
		}
		tag, err := tx.Exec(ctx, q, string(status), id)
		if err != nil {
			return err
		}
		return oneRow(tag, id)
	})
}

func oneRow(tag pgconn.CommandTag, id int64) error {
	if tag.RowsAffected() == 0 {
		return crosscheck.Errorf(crosscheck.ENOTFOUND, "no source %d: 'crosscheck sources list' shows them", id)
	}
	return nil
}

// RemoveSource deletes a source and its memory of items seen. The articles
// it added stay.
//
// Errors: ENOTFOUND when there is none.
func (db *DB) RemoveSource(ctx context.Context, id int64) error {
	return db.update(ctx, "remove source", func(tx pgx.Tx) error {
		tag, err := tx.Exec(ctx, `DELETE FROM sources WHERE id = $1`, id)
		if err != nil {
			return err
		}
		return oneRow(tag, id)
	})
}

// SourcesRevision returns a value that changes whenever a user adds,
// removes, pauses or resumes a source (not when the watcher records a
// check), so a watcher knows when to reload.
func (db *DB) SourcesRevision(ctx context.Context) (string, error) {
	var n, edited int64
	if err := db.pool.QueryRow(ctx, `SELECT count(*), coalesce(max(edited), 0) FROM sources`).Scan(&n, &edited); err != nil {
		return "", fmt.Errorf("sources revision: %w", err)
	}
	return fmt.Sprintf("%d/%d", n, edited), nil
}

// SaveSourceCheck records the outcome of one check of s and the keys of
// the items it delivered, in one transaction. A status the user set
// meanwhile (paused, removed) wins over the watcher's.
//
// Errors: EINVALID when s moved to a URL another source has.
func (db *DB) SaveSourceCheck(ctx context.Context, s *crosscheck.Source, seen []string) error {
	now := db.Now().UTC().Truncate(time.Microsecond)
	return db.update(ctx, "save source check", func(tx pgx.Tx) error {
		var other int64
		err := tx.QueryRow(ctx, `SELECT id FROM sources WHERE url = $1 AND id <> $2`, s.URL, s.ID).Scan(&other)
		if err == nil {
			return crosscheck.Errorf(crosscheck.EINVALID, "source %d moved to %s, which is source %d", s.ID, s.URL, other)
		} else if !errors.Is(err, pgx.ErrNoRows) {
			return err
		}
		tag, err := tx.Exec(ctx, `UPDATE sources SET url = $1, site_url = $2, name = $3,
				status = CASE WHEN status = 'active' THEN $4 ELSE status END,
				last_error = $5, failures = $6, last_check = $7, last_new = $8, next_check = $9, cadence_ms = $10, items = $11,
				etag = $12, last_modified = $13, body_hash = $14, hub = $15, topic = $16, secret = $17, lease_expires = $18
				WHERE id = $19`,
			s.URL, s.SiteURL, s.Name, string(s.Status), s.LastError, s.Failures,
			nullTime(s.LastCheck), nullTime(s.LastNew), nullTime(s.NextCheck), s.Cadence.Milliseconds(), s.Items,
			s.HTTP.ETag, s.HTTP.LastModified, s.HTTP.BodyHash, s.HTTP.Hub, s.HTTP.Topic, s.HTTP.Secret,
			nullTime(s.HTTP.LeaseExpires), s.ID)
		if err != nil {
			return err
		}
		if tag.RowsAffected() == 0 || len(seen) == 0 {
			return nil // removed meanwhile, or nothing to remember
		}
		_, err = tx.Exec(ctx, `INSERT INTO source_items (source_id, key, seen)
			SELECT $1, k, $3 FROM unnest($2::text[]) AS k ON CONFLICT DO NOTHING`, s.ID, seen, now)
		return err
	})
}

// SeenItems returns which of keys the source delivered before.
func (db *DB) SeenItems(ctx context.Context, sourceID int64, keys []string) (map[string]bool, error) {
	seen := map[string]bool{}
	if len(keys) == 0 {
		return seen, nil
	}
	rows, err := db.pool.Query(ctx, `SELECT key FROM source_items WHERE source_id = $1 AND key = ANY($2)`, sourceID, keys)
	if err != nil {
		return nil, fmt.Errorf("seen items: %w", err)
	}
	got, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		return nil, fmt.Errorf("seen items: %w", err)
	}
	for _, k := range got {
		seen[k] = true
	}
	return seen, nil
}

// ChangedStories returns the stories updated after since, oldest update
// first, at most limit, for live pages.
func (db *DB) ChangedStories(ctx context.Context, since time.Time, limit int) ([]*crosscheck.Story, error) {
	rows, err := db.pool.Query(ctx, `SELECT `+storyCols+` FROM stories s WHERE s.updated > $1 ORDER BY s.updated LIMIT $2`,
		since.UTC(), limit)
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
