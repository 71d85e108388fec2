package postgres

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/storecore"
	"github.com/jackc/pgx/v5"
)

// AddArticle stores one article; see AddArticles.
func (db *DB) AddArticle(ctx context.Context, a *crosscheck.Article) (crosscheck.AddResult, error) {
	res, err := db.AddArticles(ctx, []*crosscheck.Article{a})
	if err != nil {
		return crosscheck.AddResult{}, err
	}
	return res[0], nil
}

// AddArticles stores a batch of articles in one transaction: all are stored
// or, on error or cancellation, none. It follows the SQLite store's rules
// (storecore) to the letter: the same content twice is stored once, the
// same text from another outlet is a copy linked to its original, a near
// duplicate of a stored article or of an earlier one in the batch is
// stored and linked to the first of its group; it fills ID, ContentHash,
// Ingested and DuplicateOf after the commit.
//
// Several processes may add at once. The batch first locks the claim rows
// of its content hashes and band keys, in key order: a writer adding the
// same or a nearly same text waits until the other commits and then sees
// it, so two processes reading the same report store it once and link
// near duplicates as one process would (see doc.go).
//
// A batch costs a handful of round trips, whatever its size: what is
// stored under the batch's keys is read at once, the decisions are made
// here, and the rows are sent in one pipeline.
//
// Errors: EINVALID for an article without text, with spans outside its
// text, or whose ID is taken by other content; the batch is not stored.
func (db *DB) AddArticles(ctx context.Context, as []*crosscheck.Article) ([]crosscheck.AddResult, error) {
	for _, a := range as {
		if err := storecore.ValidateArticle(a); err != nil {
			return nil, err
		}
	}
	now := db.Now().UTC().Truncate(time.Microsecond)
	ds := storecore.DigestAll(as) // outside the transaction, on every core
	vectors := searchVectors(as)
	claims := make([]int64, 0, len(as)*(storecore.LSHBands+1))
	for i := range as {
		claims = append(claims, hashKey(ds[i].Hash))
		claims = append(claims, ds[i].Keys...)
	}
	slices.Sort(claims)
	claims = slices.Compact(claims)
	var res []crosscheck.AddResult
	var fills []fill
	err := db.update(ctx, "add articles", func(tx pgx.Tx) error {
		if _, err := tx.Exec(ctx, `INSERT INTO add_claims (key) SELECT k FROM unnest($1::bigint[]) AS k ORDER BY k
			ON CONFLICT (key) DO UPDATE SET key = excluded.key WHERE false`, claims); err != nil {
			return fmt.Errorf("claim: %w", err)
		}
		b := &batchAdd{as: as, ds: ds, vectors: vectors, now: now}
		if err := b.load(ctx, tx); err != nil {
			return err
		}
		var err error
		if res, fills, err = b.decide(ctx); err != nil {
			return err
		}
		return b.write(ctx, tx)
	})
	if err != nil {
		return nil, err
	}
	for i, a := range as {
		f := fills[i]
		if a.ID == "" {
			a.ID = res[i].ID
		}
		if a.ContentHash == "" {
			a.ContentHash = f.hash
		}
		if a.Ingested.IsZero() {
			a.Ingested = f.ingested
		}
		if a.DuplicateOf == "" && res[i].NearDuplicateOf != "" {
			a.DuplicateOf = res[i].NearDuplicateOf
		}
	}
	return res, nil
}

// hashKey is a content hash as a claim key: its first 64 bits.
func hashKey(hash string) int64 {
	if len(hash) > 16 {
		hash = hash[:16]
	}
	u, err := strconv.ParseUint(hash, 16, 64)
	if err != nil {
		// Not hex (a caller's own hash): hash it.
		u, _ = strconv.ParseUint(storecore.HashString(hash)[:16], 16, 64)
	}
	return int64(u)
}

// fill is what AddArticles writes back into an article after the commit.
type fill struct {
	hash     string
	ingested time.Time
}

// known is an article stored before the batch or earlier in it, as the
// decisions need it.
type known struct {
	id, root             string // root: what a near duplicate of it links to
	ingested             time.Time
	source, url, outlet  string
	seq                  int64 // stored: its seq; in the batch: after every stored one
	text                 string
	shingles             []uint64
	shinglesDone, stored bool
}

// batchAdd is one AddArticles transaction's work.
type batchAdd struct {
	as      []*crosscheck.Article
	ds      []storecore.Digest
	vectors []string // search vectors, see searchVector
	now     time.Time

	byKey   map[string]*known  // content key -> article
	ids     map[string]bool    // IDs taken
	bands   map[int64][]*known // band key -> articles, in seq order
	bySeq   map[int64]*known   // stored candidates
	rows    []newRow           // what write inserts, in batch order
	nextSeq int64
}

// newRow is an article to insert.
type newRow struct {
	a      *crosscheck.Article
	id     string
	key    string
	dup    string
	keys   []int64
	vector string
	ing    time.Time
}

// load reads, in one round trip, what is stored under the batch's content
// keys (hash, and hash/origin for a possible copy), IDs and band keys; and
// in a second the text of the stored near-duplicate candidates.
func (b *batchAdd) load(ctx context.Context, tx pgx.Tx) error {
	b.byKey, b.ids, b.bands, b.bySeq = map[string]*known{}, map[string]bool{}, map[int64][]*known{}, map[int64]*known{}
	var keys, ids []string
	var bands []int64
	for i, a := range b.as {
		h := b.ds[i].Hash
		copyKey := h + "/" + storecore.OriginKey(a)
		keys = append(keys, h, copyKey)
		if a.ID != "" {
			ids = append(ids, a.ID)
		} else {
			ids = append(ids, h[:12], storecore.HashString(copyKey)[:12])
		}
		bands = append(bands, b.ds[i].Keys...)
	}
	var batch pgx.Batch
	batch.Queue(`SELECT seq, content_hash, id, coalesce(duplicate_of, ''), ingested, source, url, outlet FROM articles WHERE content_hash = ANY($1)`, keys)
	batch.Queue(`SELECT id FROM articles WHERE id = ANY($1)`, ids)
	batch.Queue(`SELECT key, seq FROM article_lsh WHERE key = ANY($1) ORDER BY seq`, bands)
	br := tx.SendBatch(ctx, &batch)
	rows, _ := br.Query()
	for rows.Next() {
		k := &known{stored: true}
		var key string
		if err := rows.Scan(&k.seq, &key, &k.id, &k.root, &k.ingested, &k.source, &k.url, &k.outlet); err != nil {
			rows.Close()
			br.Close()
			return err
		}
		b.byKey[key] = k
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		br.Close()
		return err
	}
	rows, _ = br.Query()
	taken, err := pgx.CollectRows(rows, pgx.RowTo[string])
	if err != nil {
		br.Close()
		return err
	}
	for _, id := range taken {
		b.ids[id] = true
	}
	rows, _ = br.Query()
	for rows.Next() {
		var key, seq int64
		if err := rows.Scan(&key, &seq); err != nil {
			rows.Close()
			br.Close()
			return err
		}
		k := b.bySeq[seq]
		if k == nil {
			k = &known{seq: seq, stored: true}
			b.bySeq[seq] = k
		}
		b.bands[key] = append(b.bands[key], k)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		br.Close()
		return err
	}
	if err := br.Close(); err != nil {
		return err
	}
	var maxSeq int64
	for seq := range b.bySeq {
		maxSeq = max(maxSeq, seq)
	}
	b.nextSeq = maxSeq + 1
	return b.loadCandidates(ctx, tx)
}

// loadCandidates reads the stored articles that could be some article's
// near-duplicate original: among those sharing its band keys, the
// storecore.MaxCandidates sharing the most.
func (b *batchAdd) loadCandidates(ctx context.Context, tx pgx.Tx) error {
	need := map[int64]bool{}
	for i := range b.as {
		for _, k := range b.candidates(b.ds[i].Keys) {
			if k.stored && k.text == "" {
				need[k.seq] = true
			}
		}
	}
	if len(need) == 0 {
		return nil
	}
	seqs := make([]int64, 0, len(need))
	for s := range need {
		seqs = append(seqs, s)
	}
	rows, err := tx.Query(ctx, `SELECT seq, id, coalesce(duplicate_of, ''), text FROM articles WHERE seq = ANY($1)`, seqs)
	if err != nil {
		return err
	}
	defer rows.Close()
	for rows.Next() {
		var seq int64
		var id, root, text string
		if err := rows.Scan(&seq, &id, &root, &text); err != nil {
			return err
		}
		k := b.bySeq[seq]
		k.id, k.root, k.text = id, root, text
	}
	return rows.Err()
}

// candidates returns the known articles sharing band keys with keys, most
// shared first, then oldest: the order in which the SQLite store reads
// them, capped the same way.
func (b *batchAdd) candidates(keys []int64) []*known {
	count := map[*known]int{}
	for _, k := range keys {
		for _, c := range b.bands[k] {
			count[c]++
		}
	}
	out := make([]*known, 0, len(count))
	for c := range count {
		out = append(out, c)
	}
	slices.SortFunc(out, func(x, y *known) int {
		return cmp.Or(count[y]-count[x], cmp.Compare(x.seq, y.seq))
	})
	return out[:min(len(out), storecore.MaxCandidates)]
}

// decide goes through the batch in order, as the SQLite store does one
// article at a time, and returns the results; it stops when ctx ends.
func (b *batchAdd) decide(ctx context.Context) ([]crosscheck.AddResult, []fill, error) {
	res := make([]crosscheck.AddResult, len(b.as))
	fills := make([]fill, len(b.as))
	for i, a := range b.as {
		select {
		case <-ctx.Done(): // Ctrl-C: nothing of the batch is written
			return nil, nil, ctx.Err()
		default:
		}
		d := b.ds[i]
		f := fill{hash: d.Hash}
		key := d.Hash
		copyOf := ""
		if k := b.byKey[d.Hash]; k != nil {
			if storecore.SameOrigin(a, k.source, k.url, k.outlet) {
				f.ingested = k.ingested.UTC()
				res[i], fills[i] = crosscheck.AddResult{ID: k.id, Duplicate: true}, f
				continue
			}
			copyOf = k.id
			key = d.Hash + "/" + storecore.OriginKey(a)
			if c := b.byKey[key]; c != nil {
				f.ingested = c.ingested.UTC()
				res[i], fills[i] = crosscheck.AddResult{ID: c.id, Duplicate: true}, f
				continue
			}
		}
		sh, keys := d.Shingles, d.Keys
		dupOf := a.DuplicateOf
		if copyOf != "" {
			dupOf, keys = copyOf, nil // a copy is linked to its original, not banded
		}
		if dupOf == "" && len(sh) >= storecore.MinShinglesJaccard {
			dupOf = b.nearDuplicate(sh, keys)
		}
		f.ingested = a.Ingested
		if f.ingested.IsZero() {
			f.ingested = b.now
		}
		id := a.ID
		if id == "" {
			id = d.Hash[:12]
			if copyOf != "" {
				id = storecore.HashString(key)[:12]
			}
			if b.ids[id] {
				// Taken by other content (its content key is new): a
				// 48-bit prefix collision.
				id = storecore.HashString(key)
			}
		} else if b.ids[id] {
			return nil, nil, crosscheck.Errorf(crosscheck.EINVALID,
				"article ID %q is already used by different content: leave ID empty to derive it from the content", id)
		}
		b.ids[id] = true
		root := dupOf
		if root == "" {
			root = id
		}
		k := &known{id: id, root: root, ingested: f.ingested, source: a.Source, url: a.URL, outlet: a.Outlet,
			seq: b.nextSeq, shingles: sh, shinglesDone: true}
		b.nextSeq++
		b.byKey[key] = k
		for _, bk := range keys {
			b.bands[bk] = append(b.bands[bk], k)
		}
		b.rows = append(b.rows, newRow{a: a, id: id, key: key, dup: dupOf, keys: keys, ing: f.ingested,
			vector: b.vectors[i]})
		r := crosscheck.AddResult{ID: id, CopyOf: copyOf}
		if a.DuplicateOf == "" && copyOf == "" {
			r.NearDuplicateOf = dupOf
		}
		res[i], fills[i] = r, f
	}
	return res, fills, nil
}

// nearDuplicate returns the root of the known article that the shingle
// set sh nearly duplicates, the most similar of the candidates; "" when
// none does.
func (b *batchAdd) nearDuplicate(sh []uint64, keys []int64) string {
	best, bestScore := "", -1.0
	for _, c := range b.candidates(keys) {
		if !c.shinglesDone {
			c.shingles, c.shinglesDone = storecore.Shingles(c.text), true
		}
		ok, score := storecore.Similar(sh, c.shingles)
		if !ok || score <= bestScore {
			continue
		}
		root := c.root
		if root == "" {
			root = c.id
		}
		best, bestScore = root, score
	}
	return best
}

// write inserts the batch's new articles, their search vectors and bands,
// in one pipeline.
func (b *batchAdd) write(ctx context.Context, tx pgx.Tx) error {
	if len(b.rows) == 0 {
		return nil
	}
	var batch pgx.Batch
	for _, r := range b.rows {
		if r.a.StoryID != "" {
			// As SetArticleStory: a story not saved yet is created bare.
			batch.Queue(`INSERT INTO stories (id) VALUES ($1) ON CONFLICT DO NOTHING`, r.a.StoryID)
		}
		var story, dup any
		if r.a.StoryID != "" {
			story = r.a.StoryID
		}
		if r.dup != "" {
			dup = r.dup
		}
		a := r.a
		_, off := a.Published.Zone()
		_, modOff := a.Modified.Zone()
		batch.Queue(`WITH a AS (INSERT INTO articles (id, content_hash, source, url, title, outlet, author,
				published, published_offset, published_date_only, language, text, spans, correction,
				duplicate_of, story_id, ingested, modified, modified_offset, modified_date_only, credit)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $20, $21, $22, $23)
			ON CONFLICT DO NOTHING RETURNING seq),
			s AS (INSERT INTO article_search (seq, search) SELECT a.seq, $18::tsvector FROM a),
			l AS (INSERT INTO article_lsh (key, seq) SELECT DISTINCT k, a.seq FROM a, unnest($19::bigint[]) AS k)
			SELECT count(*) FROM a`,
			r.id, r.key, a.Source, a.URL, a.Title, a.Outlet, a.Author,
			nullTime(a.Published), off, a.PublishedDateOnly, a.Language, a.Text,
			storecore.EncodeSpans(a.Paragraphs, a.Sentences), a.Correction, dup, story, r.ing,
			r.vector, r.keys, nullTime(a.Modified), modOff, a.ModifiedDateOnly, a.Credit)
	}
	br := tx.SendBatch(ctx, &batch)
	defer br.Close()
	for _, r := range b.rows {
		select {
		case <-ctx.Done(): // the transaction rolls back
			return ctx.Err()
		default:
		}
		if r.a.StoryID != "" {
			if _, err := br.Exec(); err != nil {
				return fmt.Errorf("story %s: %w", r.a.StoryID, err)
			}
		}
		var n int
		if err := br.QueryRow().Scan(&n); err != nil {
			return fmt.Errorf("insert %s: %w", r.id, err)
		}
		if n == 0 {
			// Another writer took the ID meanwhile (claims cover
			// content, not caller IDs): the batch fails whole.
			return errors.New("insert " + r.id + ": the ID was just taken by another writer; add the batch again")
		}
	}
	return br.Close()
}
