package web

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"iter"
	"net"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
)

// offlineReader reads uploads and pasted text as the server does, and
// refuses every URL without any network access: fuzzed forms must never
// send traffic.
type offlineReader struct{ *ingest.Reader }

func (offlineReader) FetchURL(_ context.Context, raw string) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		yield(nil, &crosscheck.InputError{Input: raw, Err: errors.New("offline")})
	}
}

// fuzzServer is a server over a real store holding two short articles,
// with a reader that never fetches.
func fuzzServer(f *testing.F) http.Handler {
	ctx := context.Background()
	db, err := sqlite.Open(ctx, filepath.Join(f.TempDir(), "fuzz.db"))
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { db.Close() })
	p := &pipeline.Pipeline{
		Store: db,
		Extract: func(d *crosscheck.Document) (*crosscheck.Article, error) {
			return extract.Extract(d, extract.Options{})
		},
		Clusterer: story.NewClusterer(story.Options{}),
		Analyze:   analyze,
	}
	rd := offlineReader{ingest.New(ingest.Options{BlockPrivate: true})}
	docs := func(yield func(*crosscheck.Document, error) bool) {
		for _, b := range []string{
			"Harbour Courier\n\nFerry hits reef\n\nThe ferry hit the reef at 5 a.m. on Monday, the coastguard said. All 214 people were safe.",
			"Nordwire\n\nShip grounded\n\nThe ship ran aground on Monday with 241 people aboard, officials said.",
		} {
			for d, err := range rd.FromBytes(ctx, "seed.txt", "", []byte(b)) {
				if !yield(d, err) {
					return
				}
			}
		}
	}
	if _, err := p.Ingest(ctx, docs, nil); err != nil {
		f.Fatal(err)
	}
	s, err := New(Config{Articles: db, Stories: db, Reports: p, Ingester: p, Reader: rd, MaxUploadBytes: 64 << 10})
	if err != nil {
		f.Fatal(err)
	}
	f.Cleanup(func() { s.Close() })
	return s.Handler()
}

// FuzzQueryParams: whatever the query string of a list, search or story
// route, the server answers below 500, and the API answers JSON.
func FuzzQueryParams(f *testing.F) {
	h := fuzzServer(f)
	for _, q := range []string{
		"q=ferry", "q=%22old+bridge&offset=-1", "limit=0", "limit=99999999999999999999", "since=2025-02-30&until=x",
		"outlet=%00&story=%ff", "q=title:&q=NEAR(a", "offset=1&limit=1&q=*", "%zz=1", "q=" + strings.Repeat("a", 600),
	} {
		f.Add(q, uint8(0))
		f.Add(q, uint8(3))
	}
	paths := []string{"/", "/search", "/api/stories", "/api/articles", "/api/search", "/stories/", "/api/stories/", "/articles/"}
	f.Fuzz(func(t *testing.T, raw string, which uint8) {
		path := paths[int(which)%len(paths)]
		if strings.HasSuffix(path, "/") && path != "/" {
			path += "x" // an unknown ID
		}
		req := httptest.NewRequest("GET", "http://127.0.0.1"+path, nil)
		req.URL.RawQuery = raw
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 {
			t.Fatalf("GET %s?%q: %d %s", path, raw, w.Code, w.Body.String())
		}
		if strings.HasPrefix(path, "/api/") && !json.Valid(w.Body.Bytes()) {
			t.Fatalf("GET %s?%q: not JSON: %q", path, raw, w.Body.String())
		}
	})
}

// FuzzIngestRequest: whatever body and content type POST /api/ingest
// gets, the answer is below 500 and JSON; a success counts what it did
// and lists only articles with an ID.
func FuzzIngestRequest(f *testing.F) {
	h := fuzzServer(f)
	f.Add("application/json", []byte(`{"text":"The mayor said 5 came on Monday to the hall.","outlet":"X"}`))
	f.Add("application/json", []byte(`{"url":"http://127.0.0.1/x"}`))
	f.Add("application/json", []byte(`{"text":1}`))
	f.Add("application/x-www-form-urlencoded", []byte("text=The+mayor+said+5+came+on+Monday.&published=2025-13-40"))
	f.Add("multipart/form-data; boundary=B", []byte("--B\r\nContent-Disposition: form-data; name=\"file\"; filename=\"../../a.txt\"\r\n\r\nThe mayor said 5 came on Monday.\r\n--B--\r\n"))
	f.Add("multipart/form-data; boundary=B", []byte("--B\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n"))
	f.Add("text/plain", []byte("x"))
	f.Fuzz(func(t *testing.T, contentType string, body []byte) {
		req := httptest.NewRequest("POST", "http://127.0.0.1/api/ingest", bytes.NewReader(body))
		req.Header.Set("Content-Type", contentType)
		w := httptest.NewRecorder()
		h.ServeHTTP(w, req)
		if w.Code >= 500 && w.Code != http.StatusServiceUnavailable {
			t.Fatalf("POST %q %q: %d %s", contentType, body, w.Code, w.Body.String())
		}
		if !json.Valid(w.Body.Bytes()) {
			t.Fatalf("POST %q: not JSON: %q", contentType, w.Body.String())
		}
		if w.Code != http.StatusOK {
			return
		}
		var resp apiIngestResponse
		if err := json.Unmarshal(w.Body.Bytes(), &resp); err != nil {
			t.Fatal(err)
		}
		if resp.Ingested+resp.Duplicates == 0 && len(resp.Articles) > 0 {
			t.Fatalf("articles listed with nothing stored: %+v", resp)
		}
		for _, a := range resp.Articles {
			if a.ID == "" || a.Source == "" {
				t.Fatalf("article without ID or source: %+v", a)
			}
		}
	})
}

// FuzzHostPolicy: normalizing a Host header is idempotent, a default
// policy allows only loopback names and addresses, and a listed host is
// allowed whatever its case, port or final dot.
func FuzzHostPolicy(f *testing.F) {
	for _, h := range []string{"localhost:8080", "127.0.0.1", "[::1]:80", "evil.example:8080", "EVIL.example.", "127.0.0.1.evil.example", "localhost.evil", "[::ffff:127.0.0.1]", "", ":80", "a b"} {
		f.Add(h)
	}
	def := newHostPolicy(nil)
	f.Fuzz(func(t *testing.T, host string) {
		n := normalizeHost(host)
		if normalizeHost(n) != n {
			t.Fatalf("normalizeHost not idempotent: %q -> %q -> %q", host, n, normalizeHost(n))
		}
		if def.allows(host) {
			ip := net.ParseIP(n)
			if !(n == "localhost" || strings.HasSuffix(n, ".localhost") || ip != nil && ip.IsLoopback()) {
				t.Fatalf("default policy allows %q (%q)", host, n)
			}
		}
		if n != "" && n != "*" {
			listed := n + "."
			if isASCII(n) {
				// Case does not matter; Unicode case maps need not
				// round-trip (U+0345), and host names on the wire are
				// ASCII (IDNA).
				listed = strings.ToUpper(n) + "."
			}
			p := newHostPolicy([]string{listed})
			if !p.allows(host) {
				t.Fatalf("policy listing %q refuses %q", n, host)
			}
		}
	})
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}
