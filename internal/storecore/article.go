package storecore

import (
	"crypto/sha256"
	"encoding/hex"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// ValidateArticle checks what a store relies on: some text, spans inside
// it, and a content hash long enough to derive an ID from.
//
// Errors: EINVALID naming the article.
func ValidateArticle(a *crosscheck.Article) error {
	if a == nil {
		return crosscheck.Errorf(crosscheck.EINVALID, "add articles: nil article")
	}
	name := a.Source
	if name == "" {
		name = a.ID
	}
	if strings.TrimSpace(a.Text) == "" {
		return crosscheck.Errorf(crosscheck.EINVALID, "article %q has no text: extract it first, or leave it out", name)
	}
	n := len(a.Text)
	for _, p := range a.Paragraphs {
		if p.Start < 0 || p.Start > p.End || p.End > n {
			return crosscheck.Errorf(crosscheck.EINVALID, "article %q: paragraph span [%d,%d) outside its %d-byte text", name, p.Start, p.End, n)
		}
	}
	for _, s := range a.Sentences {
		if s.Start < 0 || s.Start > s.End || s.End > n || s.Para < 0 || (len(a.Paragraphs) > 0 && s.Para >= len(a.Paragraphs)) {
			return crosscheck.Errorf(crosscheck.EINVALID, "article %q: sentence span [%d,%d) in paragraph %d outside its text", name, s.Start, s.End, s.Para)
		}
	}
	if a.ContentHash != "" && len(a.ContentHash) < 12 {
		return crosscheck.Errorf(crosscheck.EINVALID, "article %q: content hash %q too short", name, a.ContentHash)
	}
	return nil
}

// Digest is what a store computes from an article's text alone before it
// looks at what is stored.
type Digest struct {
	// Hash is the content hash (the article's own when it has one).
	Hash string
	// Shingles are the text's word shingles; Keys their LSH band keys.
	Shingles []uint64
	Keys     []int64
}

// DigestAll computes the digests of a batch in parallel: hashing and
// shingling is a third of the ingest cost and needs no database.
func DigestAll(as []*crosscheck.Article) []Digest {
	ds := make([]Digest, len(as))
	ForEach(len(as), func(i int) {
		a, d := as[i], &ds[i]
		if d.Hash = a.ContentHash; d.Hash == "" {
			d.Hash = ContentHash(a.Text)
		}
		d.Shingles = Shingles(a.Text)
		d.Keys = BandKeys(d.Shingles)
	})
	return ds
}

// ForEach calls f for each index below n, on every core (one goroutine
// for each 16 items at most), and returns when all are done. f must only
// touch what belongs to its index.
func ForEach(n int, f func(i int)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), (n+15)/16) {
		wg.Go(func() {
			for {
				i := int(next.Add(1) - 1)
				if i >= n {
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
}

// SameOrigin reports whether a comes from where the stored article with
// this source, URL and outlet came: the same file or URL, or the same
// outlet. Their same text is then one report, read twice.
func SameOrigin(a *crosscheck.Article, src, url, outlet string) bool {
	switch {
	case a.Outlet != "" && outlet != "":
		return strings.EqualFold(strings.TrimSpace(a.Outlet), strings.TrimSpace(outlet))
	case a.URL != "" && a.URL == url:
		return true
	}
	return a.Source == src
}

// OriginKey names where a copy comes from, for its content key: its
// outlet, else its URL, else its source.
func OriginKey(a *crosscheck.Article) string {
	o := strings.ToLower(strings.TrimSpace(a.Outlet))
	if o == "" {
		o = a.URL
	}
	if o == "" {
		o = a.Source
	}
	return HashString(o)[:12]
}

// HashString is the hex SHA-256 of s.
func HashString(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:])
}
