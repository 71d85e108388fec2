package watch

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/watch/websubtest"
)

// A publisher names a hub; the watcher subscribes, answers the challenge,
// takes signed pushes within 2 seconds, ignores a badly signed one, and
// renews its lease before it runs out.
func TestWebSub(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	h := websubtest.NewHub(3)
	t.Cleanup(h.Close)
	pub := newSite(t)
	topic := pub.url("/feed")
	links := fmt.Sprintf(`<atom:link rel="hub" href="%s"/><atom:link rel="self" href="%s"/>`, h.URL, topic)
	var mu sync.Mutex
	cur := items(0, 1, 1)
	feedBody := func() string {
		mu.Lock()
		defer mu.Unlock()
		return rss("Pushed Post", cur, links)
	}
	pub.handle("/feed", serveFeed(feedBody))

	// The watcher's callback server; its handler is set once the watcher exists.
	var handler atomic.Pointer[http.Handler]
	cb := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { (*handler.Load()).ServeHTTP(w, r) }))
	t.Cleanup(cb.Close)
	src := e.add(topic, time.Hour)
	w, err := New(e.options(Options{PublicURL: cb.URL, MaxInterval: time.Hour}))
	if err != nil {
		t.Fatal(err)
	}
	hh := w.Handler()
	handler.Store(&hh)
	ctx := t.Context()
	go w.Run(ctx)

	waitFor(t, 10*time.Second, "a verified subscription", func() bool { _, v := h.Counts(); return v >= 1 })
	if got := e.articles(); got != 1 {
		t.Fatalf("articles=%d, want 1", got)
	}
	// A new item, pushed.
	mu.Lock()
	cur = append(items(0, 2, 1), cur...)
	mu.Unlock()
	start := time.Now()
	if code, err := h.Publish(topic, "application/rss+xml", feedBody(), ""); err != nil || code != http.StatusAccepted {
		t.Fatalf("push answered %d, want 202", code)
	}
	// The 2-second target is asserted end to end in cmd/crosscheck
	// (TestFreshnessWebSub); here a loaded machine gets some slack.
	waitFor(t, 5*time.Second, "the pushed item", func() bool { return e.articles() == 2 })
	t.Logf("pushed item stored %s after the push", time.Since(start).Round(time.Millisecond))
	if got := pub.count("/feed"); got != 1 {
		t.Errorf("feed polled %d times, want once (the push brought the news)", got)
	}
	// Badly signed content is acknowledged and ignored.
	mu.Lock()
	cur = append(items(0, 3, 1), cur...)
	mu.Unlock()
	if code, err := h.Publish(topic, "application/rss+xml", feedBody(), "wrong secret"); err != nil || code != http.StatusAccepted {
		t.Errorf("badly signed push answered %d, want 202", code)
	}
	time.Sleep(500 * time.Millisecond)
	if got := e.articles(); got != 2 {
		t.Errorf("articles=%d after a badly signed push, want 2", got)
	}
	// The 3-second lease is renewed before it ends.
	waitFor(t, 5*time.Second, "a renewed lease", func() bool { r, v := h.Counts(); return r >= 2 && v >= 2 })
	got := e.source(src.ID)
	if got.HTTP.Hub != h.URL || got.HTTP.Secret == "" || got.HTTP.LeaseExpires.IsZero() {
		t.Errorf("stored WebSub state %+v", got.HTTP)
	}
	if c := w.stats.get(src.ID); c.Pushes != 1 {
		t.Errorf("pushes=%d, want 1", c.Pushes)
	}
}
