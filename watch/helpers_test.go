package watch

import (
	"context"
	"crypto/sha256"
	"fmt"
	"html"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
)

// env is a real store and pipeline in a temporary folder.
type env struct {
	t  testing.TB
	db *sqlite.DB
	p  *pipeline.Pipeline
}

func newEnv(t testing.TB) *env {
	t.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "watch.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	p := &pipeline.Pipeline{
		Store: db,
		Extract: func(d *crosscheck.Document) (*crosscheck.Article, error) {
			return extract.Extract(d, extract.Options{})
		},
		Clusterer: story.NewClusterer(story.Options{}),
		Workers:   2,
	}
	return &env{t: t, db: db, p: p}
}

func (e *env) add(url string, interval time.Duration) *crosscheck.Source {
	e.t.Helper()
	s := &crosscheck.Source{URL: url, Interval: interval}
	if err := e.db.AddSource(context.Background(), s); err != nil {
		e.t.Fatal(err)
	}
	return s
}

func (e *env) source(id int64) *crosscheck.Source {
	e.t.Helper()
	s, err := e.db.Source(context.Background(), id)
	if err != nil {
		e.t.Fatal(err)
	}
	return s
}

func (e *env) articles() int {
	e.t.Helper()
	_, n, err := e.db.Articles(context.Background(), crosscheck.ArticleFilter{Limit: 1})
	if err != nil {
		e.t.Fatal(err)
	}
	return n
}

// testOptions are quick settings for tests on loopback.
func (e *env) options(o Options) Options {
	o.Store, o.Ingester = e.db, e.p
	o.AllowPrivate = true
	if o.HostGap == 0 {
		o.HostGap = 50 * time.Millisecond
	}
	if o.MinInterval == 0 {
		o.MinInterval = time.Second
	}
	if o.MaxInterval == 0 {
		o.MaxInterval = 2 * time.Second
	}
	if o.Jitter == 0 {
		o.Jitter = -1
	}
	if o.Timeout == 0 {
		o.Timeout = 10 * time.Second
	}
	if o.ReloadEvery == 0 {
		o.ReloadEvery = 100 * time.Millisecond
	}
	return o
}

// start runs a watcher until the returned stop is called (or the test ends).
func (e *env) start(o Options) (*Watcher, func()) {
	e.t.Helper()
	w, err := New(e.options(o))
	if err != nil {
		e.t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- w.Run(ctx) }()
	var once sync.Once
	stop := func() {
		once.Do(func() {
			cancel()
			if err := <-done; err != nil {
				e.t.Errorf("run: %v", err)
			}
		})
	}
	e.t.Cleanup(stop)
	return w, stop
}

func waitFor(t testing.TB, d time.Duration, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(d)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after %s: still waiting for %s", d, what)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// site is a real HTTP server on 127.0.0.1 that records every request.
type site struct {
	srv *httptest.Server

	mu     sync.Mutex
	hits   []hit
	routes map[string]http.HandlerFunc
}

type hit struct {
	path   string
	at     time.Time
	header http.Header
}

func newSite(t testing.TB) *site {
	s := &site{routes: map[string]http.HandlerFunc{}}
	s.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.mu.Lock()
		s.hits = append(s.hits, hit{path: r.URL.RequestURI(), at: time.Now(), header: r.Header.Clone()})
		h := s.routes[r.URL.Path]
		s.mu.Unlock()
		if h == nil {
			http.NotFound(w, r)
			return
		}
		h(w, r)
	}))
	t.Cleanup(s.srv.Close)
	return s
}

func (s *site) handle(path string, h http.HandlerFunc) {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.routes[path] = h
}

func (s *site) url(path string) string { return s.srv.URL + path }

func (s *site) requests(path string) []hit {
	s.mu.Lock()
	defer s.mu.Unlock()
	var out []hit
	for _, h := range s.hits {
		if path == "" || h.path == path {
			out = append(out, h)
		}
	}
	return out
}

func (s *site) count(path string) int { return len(s.requests(path)) }

// item is a feed entry for tests.
type item struct {
	guid, link, title, body string
	published               time.Time
}

// topics make articles about different events, so that stories stay apart.
var topics = []string{
	"The ferry Nordic Star ran aground on a reef off Veska harbour early on Tuesday",
	"The city council of Lindholm approved a new tram line through the old town",
	"A fire destroyed the grain warehouse at the port of Saltmere overnight",
	"Heavy rain flooded the valley roads around Brennvik for the third day",
}

// article is a full-text item body about topic t, varied by n.
func article(t, n int) string {
	var b strings.Builder
	lead := topics[t%len(topics)]
	fmt.Fprintf(&b, "<p>%s, officials said in report number %d.</p>", lead, n)
	words := []string{"inspectors", "residents", "engineers", "witnesses", "volunteers", "officers", "pilots", "doctors"}
	for i := range 8 {
		w := words[(n+i)%len(words)]
		fmt.Fprintf(&b, "<p>According to the %s interviewed for update %d, the situation developed over several hours, "+
			"and the %s described the scene in detail to reporters waiting at the scene, section %d.</p>", w, n, words[(n*3+i)%len(words)], i+1)
	}
	return b.String()
}

// rss writes an RSS 2.0 feed; extra goes inside <channel> (hub links).
func rss(title string, items []item, extra string) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	b.WriteString(`<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel>`)
	fmt.Fprintf(&b, "<title>%s</title><link>https://example.invalid/</link>%s", html.EscapeString(title), extra)
	for _, it := range items {
		b.WriteString("<item>")
		fmt.Fprintf(&b, "<title>%s</title>", html.EscapeString(it.title))
		if it.guid != "" {
			fmt.Fprintf(&b, `<guid isPermaLink="false">%s</guid>`, html.EscapeString(it.guid))
		}
		if it.link != "" {
			fmt.Fprintf(&b, "<link>%s</link>", html.EscapeString(it.link))
		}
		if !it.published.IsZero() {
			fmt.Fprintf(&b, "<pubDate>%s</pubDate>", it.published.UTC().Format(time.RFC1123Z))
		}
		fmt.Fprintf(&b, "<description>%s</description>", html.EscapeString(it.body))
		b.WriteString("</item>")
	}
	b.WriteString("</channel></rss>")
	return b.String()
}

// items makes n full-text items about topic t, numbered from first.
func items(t, first, n int) []item {
	var out []item
	for i := first; i < first+n; i++ {
		out = append(out, item{
			guid:      fmt.Sprintf("urn:test:%d:%d", t, i),
			title:     fmt.Sprintf("Report %d on %s", i, strings.Fields(topics[t%len(topics)])[1]),
			body:      article(t, i),
			published: time.Date(2025, 9, 1, 8, i, 0, 0, time.UTC),
		})
	}
	return out
}

// serveFeed serves a feed body with an ETag and Last-Modified, answering
// conditional requests with 304.
func serveFeed(body func() string) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		b := body()
		etag := fmt.Sprintf(`"%x"`, sha256.Sum256([]byte(b)))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml; charset=utf-8")
		fmt.Fprint(w, b)
	}
}
