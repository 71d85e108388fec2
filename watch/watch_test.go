package watch

import (
	"compress/gzip"
	"context"
	"fmt"
	"net"
	"net/http"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// A feed with an ETag: the second check sends If-None-Match, gets 304 and
// adds nothing; the answer was gzip-compressed.
func TestETagAndGzip(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	body := rss("Harbour Courier", items(0, 1, 3), "")
	etag := `"v1"`
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		if strings.Contains(r.Header.Get("Accept-Encoding"), "gzip") {
			w.Header().Set("Content-Encoding", "gzip")
			gz := gzip.NewWriter(w)
			gz.Write([]byte(body))
			gz.Close()
			return
		}
		fmt.Fprint(w, body)
	})
	src := e.add(s.url("/feed"), time.Second)
	w, _ := e.start(Options{})
	waitFor(t, 10*time.Second, "two checks", func() bool { return s.count("/feed") >= 2 && w.stats.get(src.ID).Checks >= 2 })
	hits := s.requests("/feed")
	if got := hits[0].header.Get("If-None-Match"); got != "" {
		t.Errorf("first request If-None-Match=%q, want none", got)
	}
	if got := hits[1].header.Get("If-None-Match"); got != etag {
		t.Errorf("second request If-None-Match=%q, want %s", got, etag)
	}
	if got := hits[0].header.Get("Accept-Encoding"); !strings.Contains(got, "gzip") {
		t.Errorf("Accept-Encoding=%q, want gzip", got)
	}
	if got := hits[0].header.Get("User-Agent"); !strings.HasPrefix(got, "crosscheck/") {
		t.Errorf("User-Agent=%q, want crosscheck/...", got)
	}
	if got, want := e.articles(), 3; got != want {
		t.Fatalf("articles=%d, want %d", got, want)
	}
	c := w.stats.get(src.ID)
	if c.NotModified < 1 || c.Items != 3 {
		t.Errorf("counters %+v, want a 304 and 3 items", c)
	}
	got := e.source(src.ID)
	if got.HTTP.ETag != etag || got.Name != "Harbour Courier" || got.Items != 3 || got.LastNew.IsZero() {
		t.Errorf("stored source %+v", got)
	}
}

// Last-Modified is sent back as If-Modified-Since.
func TestLastModified(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	lm := "Mon, 01 Sep 2025 08:00:00 GMT"
	body := rss("Coastline Daily", items(1, 1, 2), "")
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		if r.Header.Get("If-Modified-Since") == lm {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Last-Modified", lm)
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	})
	src := e.add(s.url("/feed"), time.Second)
	w, _ := e.start(Options{})
	waitFor(t, 10*time.Second, "two checks", func() bool { return w.stats.get(src.ID).Checks >= 2 })
	if got := s.requests("/feed")[1].header.Get("If-Modified-Since"); got != lm {
		t.Errorf("If-Modified-Since=%q, want %q", got, lm)
	}
	if c := w.stats.get(src.ID); c.NotModified < 1 || c.Errors != 0 {
		t.Errorf("counters %+v, want a 304 and no error", c)
	}
}

// A 429 with Retry-After: 2 holds the host: the next request comes at
// least 2 seconds later, measured on the server.
func TestRetryAfter(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	var n atomic.Int32
	body := rss("Radio Veska", items(2, 1, 1), "")
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			w.Header().Set("Retry-After", "2")
			http.Error(w, "slow down", http.StatusTooManyRequests)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, body)
	})
	src := e.add(s.url("/feed"), time.Second)
	e.start(Options{})
	waitFor(t, 10*time.Second, "the retry", func() bool { return s.count("/feed") >= 2 })
	hits := s.requests("/feed")
	if gap := hits[1].at.Sub(hits[0].at); gap < 2*time.Second {
		t.Errorf("retried after %s, want at least 2s (Retry-After)", gap)
	}
	waitFor(t, 5*time.Second, "the item", func() bool { return e.articles() == 1 })
	if got := e.source(src.ID); got.Status != crosscheck.SourceActive || got.Failures != 0 {
		t.Errorf("source %s failures %d, want active with none (429 is not the source's fault)", got.Status, got.Failures)
	}
}

// Item pages are fetched only where robots.txt allows; robots.txt is read
// once per host.
func TestRobotsDisallow(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	s.handle("/robots.txt", func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, "User-agent: crosscheck\nDisallow: /private/\n\nUser-agent: *\nDisallow:\n")
	})
	page := func(n int) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			fmt.Fprintf(w, "<html><head><title>Page %d</title></head><body><article><h1>Page %d</h1>%s</article></body></html>", n, n, article(3, n))
		}
	}
	s.handle("/public/1", page(1))
	s.handle("/public/2", page(2))
	s.handle("/private/3", page(3))
	feedItems := []item{
		{guid: "a", link: s.url("/public/1"), title: "One", body: "A teaser."},
		{guid: "b", link: s.url("/private/3"), title: "Three", body: "A teaser."},
		{guid: "c", link: s.url("/public/2"), title: "Two", body: "A teaser."},
	}
	s.handle("/feed", serveFeed(func() string { return rss("Saltmere Post", feedItems, "") }))
	src := e.add(s.url("/feed"), time.Hour)
	w, _ := e.start(Options{})
	waitFor(t, 10*time.Second, "the first check", func() bool { return w.stats.get(src.ID).Checks >= 1 })
	if got := s.count("/private/3"); got != 0 {
		t.Errorf("the disallowed page was fetched %d times", got)
	}
	if got := s.count("/public/1") + s.count("/public/2"); got != 2 {
		t.Errorf("allowed pages fetched %d times, want 2", got)
	}
	if got := s.count("/robots.txt"); got != 1 {
		t.Errorf("robots.txt fetched %d times, want 1", got)
	}
	if got := e.articles(); got != 2 {
		t.Errorf("articles=%d, want 2", got)
	}
	for _, h := range s.requests("") {
		if ua := h.header.Get("User-Agent"); !strings.HasPrefix(ua, "crosscheck/") {
			t.Errorf("%s: User-Agent %q", h.path, ua)
		}
	}
}

// Three sources and their item pages on one host: the server never sees
// two requests closer than the gap, nor two at once.
func TestHostGap(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	const gap = 300 * time.Millisecond
	var inFlight, maxInFlight atomic.Int32
	wrap := func(h http.HandlerFunc) http.HandlerFunc {
		return func(w http.ResponseWriter, r *http.Request) {
			n := inFlight.Add(1)
			defer inFlight.Add(-1)
			if n > maxInFlight.Load() {
				maxInFlight.Store(n)
			}
			time.Sleep(20 * time.Millisecond)
			h(w, r)
		}
	}
	for f := range 3 {
		var its []item
		for i := range 2 {
			p := fmt.Sprintf("/p/%d/%d", f, i)
			its = append(its, item{guid: p, link: s.url(p), title: "Teaser " + p, body: "Short."})
			s.handle(p, wrap(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", "text/html")
				fmt.Fprintf(w, "<html><body><article><h1>%s</h1>%s</article></body></html>", p, article(f, 10+i))
			}))
		}
		path := fmt.Sprintf("/feed%d", f)
		s.handle(path, wrap(serveFeed(func() string { return rss("Feed", its, "") })))
		e.add(s.url(path), time.Second)
	}
	_, stop := e.start(Options{HostGap: gap})
	waitFor(t, 20*time.Second, "pages and repeat checks", func() bool { return s.count("") >= 14 })
	stop()
	hits := s.requests("")
	for i := 1; i < len(hits); i++ {
		if d := hits[i].at.Sub(hits[i-1].at); d < gap {
			t.Errorf("%s then %s only %s apart, want at least %s", hits[i-1].path, hits[i].path, d, gap)
		}
	}
	if m := maxInFlight.Load(); m > 1 {
		t.Errorf("%d requests at once to one host, want 1", m)
	}
}

// 301 moves the source to the new URL; a 302 does not.
func TestMovedPermanently(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	s.handle("/old", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new", http.StatusMovedPermanently)
	})
	s.handle("/tmp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/new2", http.StatusFound)
	})
	s.handle("/new", serveFeed(func() string { return rss("Moved", items(0, 1, 1), "") }))
	s.handle("/new2", serveFeed(func() string { return rss("Temp", items(1, 1, 1), "") }))
	moved := e.add(s.url("/old"), time.Second)
	temp := e.add(s.url("/tmp"), time.Second)
	w, _ := e.start(Options{})
	waitFor(t, 10*time.Second, "two checks each", func() bool {
		return w.stats.get(moved.ID).Checks >= 2 && w.stats.get(temp.ID).Checks >= 2
	})
	if got, want := e.source(moved.ID).URL, s.url("/new"); got != want {
		t.Errorf("after 301 URL=%s, want %s", got, want)
	}
	if got := s.count("/old"); got != 1 {
		t.Errorf("old URL asked %d times, want once", got)
	}
	if got, want := e.source(temp.ID).URL, s.url("/tmp"); got != want {
		t.Errorf("after 302 URL=%s, want %s (unchanged)", got, want)
	}
}

// 410 Gone stops the source for good.
func TestGone(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "gone", http.StatusGone) })
	src := e.add(s.url("/feed"), time.Second)
	e.start(Options{})
	waitFor(t, 5*time.Second, "status gone", func() bool { return e.source(src.ID).Status == crosscheck.SourceGone })
	time.Sleep(1500 * time.Millisecond)
	if got := s.count("/feed"); got != 1 {
		t.Errorf("asked %d times, want once", got)
	}
	if got := e.source(src.ID).LastError; !strings.Contains(got, "410") {
		t.Errorf("last error %q, want it to name 410", got)
	}
}

// A feed that re-orders and re-sends its items (without validators) adds
// nothing twice; items without GUID are recognised by link, then by hash.
func TestReorderedItems(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	base := items(1, 1, 3)
	base[1].guid, base[1].link = "", "https://example.invalid/story-2"
	base[2].guid = ""
	var mu sync.Mutex
	cur := base
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, rss("Lindholm Herald", cur, ""))
	})
	src := e.add(s.url("/feed"), time.Second)
	w, _ := e.start(Options{SkipItemPages: true})
	waitFor(t, 10*time.Second, "first check", func() bool { return w.stats.get(src.ID).Checks >= 1 })
	if got := e.articles(); got != 3 {
		t.Fatalf("articles=%d, want 3", got)
	}
	mu.Lock()
	cur = []item{base[2], base[0], base[1]}
	mu.Unlock()
	waitFor(t, 10*time.Second, "a check of the re-ordered feed", func() bool { return w.stats.get(src.ID).Checks >= 3 })
	if got := e.articles(); got != 3 {
		t.Fatalf("after re-ordering articles=%d, want 3", got)
	}
	mu.Lock()
	cur = append([]item{items(1, 9, 1)[0]}, cur...)
	mu.Unlock()
	waitFor(t, 10*time.Second, "the new item", func() bool { return e.articles() == 4 && e.source(src.ID).Items == 4 })
	time.Sleep(1500 * time.Millisecond) // another check or two
	if got := e.articles(); got != 4 {
		t.Errorf("articles=%d, want 4", got)
	}
}

// A host that answers slowly holds back only its own sources.
func TestSlowHostDoesNotHoldOthers(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	slow := newSite(t)
	release := make(chan struct{})
	t.Cleanup(func() { close(release) })
	slow.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	fast := newSite(t)
	fast.handle("/feed", serveFeed(func() string { return rss("Fast", items(2, 1, 1), "") }))
	for range 3 {
		e.add(slow.url("/feed?"+fmt.Sprint(time.Now().UnixNano())), time.Second)
	}
	f := e.add(fast.url("/feed"), time.Second)
	w, _ := e.start(Options{Timeout: 8 * time.Second, Concurrency: 2})
	waitFor(t, 7*time.Second, "three checks of the fast source", func() bool { return w.stats.get(f.ID).Checks >= 3 })
	for _, st := range w.Sources() {
		if st.ID != f.ID && !st.LastCheck.IsZero() {
			t.Fatalf("slow source %d finished a check already: the test shows nothing", st.ID)
		}
	}
	waitFor(t, 10*time.Second, "a timeout status", func() bool {
		for _, st := range w.Sources() {
			if strings.Contains(st.LastError, "timeout") {
				return true
			}
		}
		return false
	})
	if got := slow.count(""); got > 2 {
		t.Errorf("slow host got %d requests at once-ish, want one at a time", got)
	}
}

// A watcher stopped mid-cycle resumes from the store: what it checked is
// not fetched again before due, the rest is, and nothing is added twice.
func TestRestartMidCycle(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	// Feeds 2 and 3 on hosts of their own, so both can be in flight at once.
	hosts := []*site{s, s, newSite(t), newSite(t)}
	var ids []int64
	var gates []chan struct{}
	for i := range 4 {
		s := hosts[i]
		path := fmt.Sprintf("/feed%d", i)
		body := rss(fmt.Sprintf("Outlet %d", i), items(i, 1, 2), "")
		if i >= 2 {
			// The second half answers only after the watcher has stopped.
			gate := make(chan struct{})
			t.Cleanup(func() {
				select {
				case <-gate:
				default:
					close(gate)
				}
			})
			s.handle(path, func(w http.ResponseWriter, r *http.Request) {
				select {
				case <-gate:
				case <-r.Context().Done():
					return
				}
				w.Header().Set("Content-Type", "application/rss+xml")
				fmt.Fprint(w, body)
			})
			gates = append(gates, gate)
		} else {
			s.handle(path, serveFeed(func() string { return body }))
		}
		ids = append(ids, e.add(s.url(path), time.Hour).ID)
	}
	w, stop := e.start(Options{})
	waitFor(t, 10*time.Second, "the first half", func() bool {
		return w.stats.get(ids[0]).Checks == 1 && w.stats.get(ids[1]).Checks == 1 && hosts[2].count("/feed2") >= 1 && hosts[3].count("/feed3") >= 1
	})
	stop() // mid-cycle: feeds 2 and 3 are in flight
	if got := e.articles(); got != 4 {
		t.Fatalf("articles after the first run=%d, want 4", got)
	}
	for _, id := range ids[2:] {
		if got := e.source(id); !got.LastCheck.IsZero() {
			t.Fatalf("source %d recorded as checked though stopped mid-check", id)
		}
	}
	// The handlers of feeds 2 and 3 answer from now on.
	for _, g := range gates {
		close(g)
	}
	before0, before2 := s.count("/feed0"), hosts[2].count("/feed2")
	w2, _ := e.start(Options{})
	waitFor(t, 10*time.Second, "the second half", func() bool {
		return w2.stats.get(ids[2]).Checks == 1 && w2.stats.get(ids[3]).Checks == 1
	})
	time.Sleep(300 * time.Millisecond)
	if got := s.count("/feed0") - before0; got != 0 {
		t.Errorf("feed 0 fetched %d more times after the restart, want 0 (not due for an hour)", got)
	}
	if got := hosts[2].count("/feed2") - before2; got != 1 {
		t.Errorf("feed 2 fetched %d times after the restart, want 1", got)
	}
	if got := e.articles(); got != 8 {
		t.Errorf("articles=%d, want 8", got)
	}
}

// Bad sources each get a clear status; a good source beside them is
// checked on time; the watcher keeps running.
func TestBadInput(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	// Each bad source on a host of its own, as in the wild: one bad host
	// must not slow another.
	bad := func(path string, h http.HandlerFunc) *site {
		s := newSite(t)
		s.handle(path, h)
		return s
	}
	good := bad("/feed", serveFeed(func() string { return rss("Good", items(0, 1, 1), "") }))
	text := bad("/text", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/plain")
		fmt.Fprint(w, "hello, this is not a feed")
	})
	errorPage := bad("/errorpage", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, "<!doctype html><html><head><title>Error</title></head><body><h1>Something went wrong</h1></body></html>")
	})
	var huge strings.Builder
	huge.WriteString(`<?xml version="1.0"?><rss version="2.0"><channel><title>Huge</title>`)
	for i := range 100_000 {
		fmt.Fprintf(&huge, "<item><guid>%d</guid><title>t</title></item>", i)
	}
	huge.WriteString("</channel></rss>")
	hugeSite := bad("/huge", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, huge.String())
	})
	loop := bad("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop2", http.StatusFound) })
	loop.handle("/loop2", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	reset := bad("/reset", func(w http.ResponseWriter, r *http.Request) {
		conn, _, err := w.(http.Hijacker).Hijack()
		if err == nil {
			if tc, ok := conn.(*net.TCPConn); ok {
				tc.SetLinger(0) // RST, not FIN
			}
			conn.Close()
		}
	})
	malformed := bad("/malformed", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/rss+xml")
		fmt.Fprint(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Cut`)
	})
	missing := newSite(t)
	vanished := newSite(t)
	vanishedURL := vanished.url("/feed")
	vanished.srv.Close()

	want := map[string]string{
		text.url("/text"):           "not an RSS, Atom or JSON feed",
		errorPage.url("/errorpage"): "HTML page that names no feed",
		hugeSite.url("/huge"):       "100000 items",
		loop.url("/loop"):           "redirect",
		reset.url("/reset"):         "fetch:",
		malformed.url("/malformed"): "feed",
		missing.url("/missing"):     "404",
		vanishedURL:                 "refused",
	}
	ids := map[int64]string{}
	for u := range want {
		ids[e.add(u, time.Second).ID] = u
	}
	g := e.add(good.url("/feed"), time.Second)
	w, _ := e.start(Options{MaxFailures: 100})
	waitFor(t, 20*time.Second, "every bad source to be checked", func() bool {
		for id := range ids {
			if w.stats.get(id).Checks < 1 {
				return false
			}
		}
		return true
	})
	for id, u := range ids {
		got := e.source(id)
		if !strings.Contains(got.LastError, want[u]) {
			t.Errorf("%s: last error %q, want it to say %q", u, got.LastError, want[u])
		}
		if got.Failures < 1 {
			t.Errorf("%s: failures=%d", u, got.Failures)
		}
	}
	// The good source keeps its one-second rhythm beside them.
	waitFor(t, 5*time.Second, "the good source's second and third checks", func() bool { return w.stats.get(g.ID).Checks >= 3 })
	if got := e.articles(); got != 1 {
		t.Errorf("articles=%d, want the good source's 1", got)
	}
}

// A source that keeps failing is set failing after MaxFailures checks,
// with its last error, and no longer asked.
func TestFailingSourcePaused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	src := e.add(s.url("/missing"), time.Second)
	e.start(Options{MaxFailures: 3, MaxBackoff: 500 * time.Millisecond})
	waitFor(t, 10*time.Second, "status failing", func() bool { return e.source(src.ID).Status == crosscheck.SourceFailing })
	n := s.count("/missing")
	if n != 3 {
		t.Errorf("asked %d times, want 3", n)
	}
	time.Sleep(time.Second)
	if got := s.count("/missing"); got != n {
		t.Errorf("asked again after failing (%d times)", got)
	}
	if got := e.source(src.ID).LastError; !strings.Contains(got, "404") || !strings.Contains(got, "resume") {
		t.Errorf("last error %q, want the 404 and how to resume", got)
	}
	// Resuming from another process is picked up.
	if err := e.db.SetSourceStatus(context.Background(), src.ID, crosscheck.SourceActive); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 5*time.Second, "a check after resume", func() bool { return s.count("/missing") > n })
}

// Loopback is refused unless AllowPrivate.
func TestPrivateRefused(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	s.handle("/feed", serveFeed(func() string { return rss("Local", items(0, 1, 1), "") }))
	src := e.add(s.url("/feed"), time.Second)
	o := e.options(Options{})
	o.AllowPrivate = false
	w, err := New(o)
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error)
	go func() { done <- w.Run(ctx) }()
	waitFor(t, 5*time.Second, "a check", func() bool { return w.stats.get(src.ID).Checks >= 1 })
	cancel()
	<-done
	if got := e.source(src.ID).LastError; !strings.Contains(got, "non-public address") || !strings.Contains(got, "--allow-private-fetch") {
		t.Errorf("last error %q", got)
	}
	if got := s.count(""); got != 0 {
		t.Errorf("the server got %d requests, want none", got)
	}
}

// A page URL is replaced by the feed its <link rel="alternate"> names.
func TestFeedDiscovery(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	s.handle("/", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		fmt.Fprint(w, `<!doctype html><html><head><title>Brennvik Times</title>
<link rel="stylesheet" href="/s.css"><link rel="alternate" type="application/rss+xml" title="News" href="/news.rss">
</head><body><p>Welcome</p></body></html>`)
	})
	s.handle("/news.rss", serveFeed(func() string { return rss("Brennvik Times", items(3, 1, 2), "") }))
	src := e.add(s.url("/"), time.Hour)
	e.start(Options{})
	waitFor(t, 10*time.Second, "the items", func() bool { return e.articles() == 2 && !e.source(src.ID).LastCheck.IsZero() })
	got := e.source(src.ID)
	if got.URL != s.url("/news.rss") || got.SiteURL != s.url("/") {
		t.Errorf("URL=%s site=%s, want the feed and the page", got.URL, got.SiteURL)
	}
}

// A feed that worked and then answers an HTML error page with 200 gets a
// clear status; nothing stored is lost, and it recovers when the feed
// comes back. A 503 with an HTTP-date Retry-After is respected.
func TestFeedTurnsIntoErrorPage(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	s := newSite(t)
	var mode atomic.Int32
	s.handle("/feed", func(w http.ResponseWriter, r *http.Request) {
		switch mode.Load() {
		case 1:
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprint(w, "<!doctype html><html><body><h1>Database error</h1></body></html>")
		case 2:
			w.Header().Set("Retry-After", time.Now().Add(2*time.Second).UTC().Format(http.TimeFormat))
			http.Error(w, "maintenance", http.StatusServiceUnavailable)
		default:
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprint(w, rss("Flaky", items(2, 1, 2), ""))
		}
	})
	src := e.add(s.url("/feed"), time.Second)
	w, _ := e.start(Options{})
	waitFor(t, 10*time.Second, "the first check", func() bool { return e.source(src.ID).Items == 2 })
	mode.Store(1)
	waitFor(t, 10*time.Second, "an error status", func() bool {
		return strings.Contains(e.source(src.ID).LastError, "HTML page instead of the feed")
	})
	mode.Store(2)
	waitFor(t, 10*time.Second, "the 503", func() bool { return strings.Contains(e.source(src.ID).LastError, "503") })
	n := s.count("/feed")
	at := s.requests("/feed")[n-1].at
	mode.Store(0)
	waitFor(t, 10*time.Second, "recovery", func() bool { return e.source(src.ID).LastError == "" })
	if next := s.requests("/feed")[n].at; next.Sub(at) < time.Second {
		t.Errorf("asked again %s after a 503 with Retry-After of about 2s", next.Sub(at))
	}
	if got := e.articles(); got != 2 {
		t.Errorf("articles=%d, want 2", got)
	}
	if c := w.stats.get(src.ID); c.Errors < 2 {
		t.Errorf("errors=%d, want the error page and the 503 counted", c.Errors)
	}
}
