package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"iter"

	"github.com/crosscheck-news/crosscheck"
)

// storyState is the clusterer state of one story, as another writer saved it.
type storyState struct {
	id    string
	state []byte
}

// SavePlacements writes, in one transaction, the stories a batch touched
// (summary and clusterer state), then the batch's placements, so a batch
// is placed whole or not at all. It is PlaceLocked for a caller that
// needs no view of the other writers (recluster).
//
// Errors: ENOTFOUND for a placement's missing article or story; nothing is
// written then.
func (db *DB) SavePlacements(ctx context.Context, stories []*crosscheck.Story, states map[string][]byte, placements []crosscheck.Placement) error {
	_, err := db.PlaceLocked(ctx, -1, func(iter.Seq2[string, []byte]) ([]*crosscheck.Story, map[string][]byte, []crosscheck.Placement, error) {
		return stories, states, placements, nil
	})
	return err
}

// StoryRevision returns the store's story revision: PlaceLocked's changed
// list holds the states saved after it. Read it before loading the story
// states, so nothing saved meanwhile is missed (it is then seen twice,
// which a refresh takes in its stride).
func (db *DB) StoryRevision(ctx context.Context) (int64, error) {
	var rev int64
	if err := db.reader.QueryRowContext(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&rev); err != nil {
		return 0, wrap("story revision", err)
	}
	return rev, nil
}

// PlaceLocked places a batch of articles as one writer among several
// processes. Holding the stories lock (see storiesLock), which every
// change to stories takes, it:
//
//  1. reads the story states saved after revision rev (by other writers;
//     rev < 0 reads none) and calls place with them (story ID and state,
//     in the order they were saved); place returns the stories it touched,
//     their clusterer states and the batch's placements;
//  2. writes, in one write transaction, the stories place touched and
//     their states, stamped with a new revision, and its placements;
//  3. derives, in that transaction, each touched story's article count
//     from its members, and drops stories left without any.
//
// place runs outside any SQLite transaction: other writers store articles
// while this one clusters, and only the writes of step 2 and 3 hold
// SQLite's write lock. (Where the system has no file locks, the three
// steps run in one write transaction instead.)
//
// An article another writer placed meanwhile keeps its story: placements
// never move an article (stories are rebuilt only by recluster, which
// clears them first). It returns the new revision, which the caller passes
// as rev next time. Unlike SetArticleStory, it does not create missing
// stories: a placement must name a story of the batch or a stored one.
//
// Errors: ENOTFOUND for a placement's missing article or story; nothing is
// written then. place's error is returned as is.
func (db *DB) PlaceLocked(ctx context.Context, rev int64,
	place func(changed iter.Seq2[string, []byte]) ([]*crosscheck.Story, map[string][]byte, []crosscheck.Placement, error),
) (int64, error) {
	if db.writer == nil {
		return 0, errReadOnly("place articles")
	}
	held, err := db.stories.lock(ctx)
	if err != nil {
		return 0, err
	}
	var newRev int64
	if !held {
		err := db.write(ctx, "place articles", false, func(tx *sql.Tx) error {
			cur, changed, err := storyChanges(ctx, tx, rev)
			if err != nil {
				return err
			}
			stories, states, placements, err := place(changed)
			if err != nil {
				return err
			}
			newRev = cur + 1
			return writePlacements(ctx, db, tx, stories, states, placements, newRev)
		})
		if err != nil {
			return 0, err
		}
		return newRev, nil
	}
	defer db.stories.unlock()
	// The lock keeps the stories as they are read here until the commit
	// below: the clusterer's work needs no transaction.
	rtx, err := db.reader.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return 0, wrap("place articles", err)
	}
	cur, changed, err := storyChanges(ctx, rtx, rev)
	rtx.Rollback()
	if err != nil {
		return 0, err
	}
	stories, states, placements, err := place(changed)
	if err != nil {
		return 0, err
	}
	err = db.write(ctx, "place articles", false, func(tx *sql.Tx) error {
		var now int64
		if err := tx.QueryRowContext(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&now); err != nil {
			return wrap("place articles", err)
		}
		if now != cur {
			// Only a writer that ignores the lock (an older crosscheck)
			// gets here; the batch stays unplaced and is placed by the
			// next ingest of it.
			return fmt.Errorf("place articles: the stories changed meanwhile (revision %d, then %d): another program writes the store without the lock of %s; run the ingest again", cur, now, db.stories.path)
		}
		newRev = cur + 1
		return writePlacements(ctx, db, tx, stories, states, placements, newRev)
	})
	if err != nil {
		return 0, err
	}
	return newRev, nil
}

// storyChanges reads the store's story revision and, when rev >= 0, the
// story states saved after rev, in the order they were saved.
func storyChanges(ctx context.Context, q querier, rev int64) (int64, iter.Seq2[string, []byte], error) {
	var cur int64
	if err := q.QueryRowContext(ctx, `SELECT value FROM store_revision WHERE name = 'stories'`).Scan(&cur); err != nil {
		return 0, nil, wrap("place articles", err)
	}
	var changed []storyState
	if rev >= 0 && rev < cur {
		rows, err := q.QueryContext(ctx, `SELECT story_id, state FROM story_states WHERE rev > ? ORDER BY rev, story_id`, rev)
		if err != nil {
			return 0, nil, wrap("place articles", err)
		}
		for rows.Next() {
			var s storyState
			if err := rows.Scan(&s.id, &s.state); err != nil {
				rows.Close()
				return 0, nil, wrap("place articles", err)
			}
			changed = append(changed, s)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return 0, nil, wrap("place articles", err)
		}
	}
	return cur, func(yield func(string, []byte) bool) {
		for _, c := range changed {
			if !yield(c.id, c.state) {
				return
			}
		}
	}, nil
}

// writePlacements writes a batch's stories, their states stamped with
// revision rev, and its placements; derives the touched stories' counts
// from their members; and bumps the store's revision to rev. SQLite's
// write lock is held meanwhile, and every other writer's placement waits
// for it, so the rows go in a few set statements over JSON arrays, and
// the statements that remain one per row are prepared once per batch
// (preparing them had cost as much as running them).
func writePlacements(ctx context.Context, db *DB, tx *sql.Tx, stories []*crosscheck.Story, states map[string][]byte,
	placements []crosscheck.Placement, rev int64,
) error {
	q := &preparedTx{tx: tx}
	defer q.close()
	ids, err := saveStories(ctx, q, stories)
	if err != nil {
		return wrap("save story", err)
	}
	now := db.Now().UnixMicro()
	for _, id := range ids {
		st, ok := states[id]
		if !ok {
			continue
		}
		if st == nil {
			st = []byte{}
		}
		if _, err := q.ExecContext(ctx, `INSERT INTO story_states (story_id, state, saved, rev) VALUES (?, ?, ?, ?)
			ON CONFLICT (story_id) DO UPDATE SET state = excluded.state, saved = excluded.saved, rev = excluded.rev`,
			id, st, now, rev); err != nil {
			return wrap("save story state", err)
		}
	}

	// Check the placements: each names a stored story (the batch's are
	// saved by now) and a stored article; an article placed already, by
	// this writer or another, keeps its story.
	var artIDs, storyIDs []string
	for _, p := range placements {
		artIDs, storyIDs = append(artIDs, p.Article), append(storyIDs, p.Story)
	}
	current := map[string]sql.NullString{}
	if err := eachRow(ctx, q, `SELECT a.id, a.story_id FROM articles a WHERE a.id IN (SELECT value FROM json_each(?))`,
		func(rows *sql.Rows) error {
			var id string
			var story sql.NullString
			if err := rows.Scan(&id, &story); err != nil {
				return err
			}
			current[id] = story
			return nil
		}, jsonArray(artIDs)); err != nil {
		return wrap("save placements", err)
	}
	stored := map[string]bool{}
	if err := eachRow(ctx, q, `SELECT id FROM stories WHERE id IN (SELECT value FROM json_each(?))`,
		func(rows *sql.Rows) error {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			stored[id] = true
			return nil
		}, jsonArray(storyIDs)); err != nil {
		return wrap("save placements", err)
	}
	touched := append([]string(nil), ids...)
	for _, p := range placements {
		if !stored[p.Story] {
			return crosscheck.Errorf(crosscheck.ENOTFOUND,
				"place article %q: story %q is neither among the batch's stories nor stored: save every story a batch places articles in (did the clusterer merge or drop it?)", p.Article, p.Story)
		}
		cur, ok := current[p.Article]
		if !ok {
			return crosscheck.Errorf(crosscheck.ENOTFOUND, "no article with ID %q", p.Article)
		}
		if cur.Valid && cur.String != "" {
			continue // placed already, by this writer or another
		}
		if _, err := q.ExecContext(ctx, `UPDATE articles SET story_id = ? WHERE id = ?`, p.Story, p.Article); err != nil {
			return wrap("set article story", err)
		}
		current[p.Article] = sql.NullString{String: p.Story, Valid: true}
		touched = append(touched, p.Story)
	}

	// Counters from the members, in the same transaction: whatever each
	// writer's clusterer believed, a story counts what it holds; a touched
	// story left without members is dropped.
	t := jsonArray(touched)
	for _, stmt := range []string{
		`UPDATE stories SET articles = c.n
			FROM (SELECT t.value AS id, (SELECT count(*) FROM articles a WHERE a.story_id = t.value) AS n
				FROM (SELECT DISTINCT value FROM json_each(?)) t) c
			WHERE stories.id = c.id AND c.n > 0 AND stories.articles != c.n`,
		`DELETE FROM story_states WHERE story_id IN (SELECT value FROM json_each(?))
			AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = story_states.story_id)`,
		`DELETE FROM stories WHERE id IN (SELECT value FROM json_each(?))
			AND NOT EXISTS (SELECT 1 FROM articles a WHERE a.story_id = stories.id)`,
	} {
		if _, err := q.ExecContext(ctx, stmt, t); err != nil {
			return wrap("count story articles", err)
		}
	}
	if _, err := q.ExecContext(ctx, `UPDATE store_revision SET value = ? WHERE name = 'stories'`, rev); err != nil {
		return wrap("place articles", err)
	}
	return wrap("save placements", refreshCorrected(ctx, q, ids))
}

// jsonArray is a list of strings as a JSON array, for json_each.
func jsonArray(l []string) string {
	if len(l) == 0 {
		return "[]"
	}
	b, _ := json.Marshal(l) // strings always marshal
	return string(b)
}

// preparedTx is a transaction whose statements are prepared at their
// first use and reused after: a querier for the writes of many rows.
type preparedTx struct {
	tx    *sql.Tx
	stmts map[string]*sql.Stmt
}

func (p *preparedTx) stmt(ctx context.Context, query string) (*sql.Stmt, error) {
	if st, ok := p.stmts[query]; ok {
		return st, nil
	}
	st, err := p.tx.PrepareContext(ctx, query)
	if err != nil {
		return nil, err
	}
	if p.stmts == nil {
		p.stmts = map[string]*sql.Stmt{}
	}
	p.stmts[query] = st
	return st, nil
}

func (p *preparedTx) ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error) {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.ExecContext(ctx, args...)
}

func (p *preparedTx) QueryContext(ctx context.Context, query string, args ...any) (*sql.Rows, error) {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return nil, err
	}
	return st.QueryContext(ctx, args...)
}

func (p *preparedTx) QueryRowContext(ctx context.Context, query string, args ...any) *sql.Row {
	st, err := p.stmt(ctx, query)
	if err != nil {
		return p.tx.QueryRowContext(ctx, query, args...) // returns the error
	}
	return st.QueryRowContext(ctx, args...)
}

func (p *preparedTx) close() {
	for _, st := range p.stmts {
		st.Close()
	}
}
