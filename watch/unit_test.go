package watch

import (
	"context"
	"crypto/hmac"
	"crypto/sha1"
	"crypto/sha256"
	"crypto/sha512"
	"encoding/hex"
	"hash"
	"net/http"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/feed"
)

func TestAdaptCadence(t *testing.T) {
	now := time.Date(2025, 9, 10, 12, 0, 0, 0, time.UTC)
	hourly := []time.Time{now.Add(-time.Hour), now.Add(-2 * time.Hour), now.Add(-3 * time.Hour), now.Add(-4 * time.Hour)}
	stale := []time.Time{now.Add(-20 * 24 * time.Hour), now.Add(-21 * 24 * time.Hour)}
	tests := []struct {
		name     string
		prev     time.Duration
		newItems int
		dates    []time.Time
		want     time.Duration
	}{
		{"hourly items: checked every half hour", time.Hour, 1, hourly, 30 * time.Minute},
		{"no dates, something new: twice as often", time.Hour, 2, nil, 30 * time.Minute},
		{"no dates, nothing new: half as often again", time.Hour, 0, nil, 90 * time.Minute},
		{"stale feed: the upper bound", time.Hour, 0, stale, 4 * time.Hour},
		{"busy feed: the lower bound", 10 * time.Minute, 5, []time.Time{now, now.Add(-time.Minute), now.Add(-2 * time.Minute)}, 5 * time.Minute},
		{"first check without dates: 15 minutes stretched", 0, 0, nil, 22*time.Minute + 30*time.Second},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := adaptCadence(tt.prev, tt.newItems, tt.dates, now, 5*time.Minute, 4*time.Hour); got != tt.want {
				t.Errorf("adaptCadence=%s, want %s", got, tt.want)
			}
		})
	}
}

func TestBackoffAndJitter(t *testing.T) {
	if got, want := backoff(time.Minute, 1, time.Hour), 2*time.Minute; got != want {
		t.Errorf("backoff 1=%s, want %s", got, want)
	}
	if got, want := backoff(time.Minute, 3, time.Hour), 8*time.Minute; got != want {
		t.Errorf("backoff 3=%s, want %s", got, want)
	}
	if got, want := backoff(time.Minute, 30, time.Hour), time.Hour; got != want {
		t.Errorf("backoff 30=%s, want the cap %s", got, want)
	}
	seen := map[time.Duration]bool{}
	for range 100 {
		d := jitter(time.Hour, 0.1)
		if d < 54*time.Minute || d > 66*time.Minute {
			t.Fatalf("jitter(1h, 0.1)=%s, outside ±10%%", d)
		}
		seen[d] = true
	}
	if len(seen) < 50 {
		t.Errorf("jitter gave only %d distinct values in 100", len(seen))
	}
}

func TestRetryAfterParse(t *testing.T) {
	now := time.Date(2025, 9, 10, 12, 0, 0, 0, time.UTC)
	tests := []struct {
		in   string
		want time.Duration
		ok   bool
	}{
		{"120", 2 * time.Minute, true},
		{" 0 ", 0, true},
		{"Wed, 10 Sep 2025 12:05:00 GMT", 5 * time.Minute, true},
		{"Wed, 10 Sep 2025 11:00:00 GMT", 0, true},
		{"999999999", maxRetryAfter, true},
		{"-5", 0, false},
		{"soon", 0, false},
		{"", 0, false},
	}
	for _, tt := range tests {
		got, ok := retryAfter(tt.in, now)
		if got != tt.want || ok != tt.ok {
			t.Errorf("retryAfter(%q)=%s,%v want %s,%v", tt.in, got, ok, tt.want, tt.ok)
		}
	}
}

func TestItemKey(t *testing.T) {
	a := &feed.Item{GUID: "urn:1", Link: "https://x/1", Title: "T", Content: "body"}
	b := &feed.Item{Link: "https://x/1", Title: "T", Content: "body"}
	c := &feed.Item{Title: "T", Content: "body"}
	d := &feed.Item{Title: "T", Content: "other body"}
	if got := itemKey(a); got != "g:urn:1" {
		t.Errorf("GUID first: %s", got)
	}
	if got := itemKey(b); got != "l:https://x/1" {
		t.Errorf("then link: %s", got)
	}
	if itemKey(c) == itemKey(d) || itemKey(c)[:2] != "h:" {
		t.Errorf("then content hash: %s %s", itemKey(c), itemKey(d))
	}
}

func TestDiscoverFeeds(t *testing.T) {
	page := `<html><head><base href="https://news.example/sub/">
<link rel="alternate" type="application/rss+xml" href="rss.xml">
<link rel="alternate" type="application/atom+xml" href="/atom">
<link rel="alternate" hreflang="de" href="/de/">
<link rel="Alternate" type="application/feed+json; charset=utf-8" href="feed.json">
</head><body><link rel="alternate" type="application/rss+xml" href="/late"></body></html>`
	got := discoverFeeds("https://news.example/", []byte(page))
	want := []string{"https://news.example/atom", "https://news.example/sub/rss.xml", "https://news.example/sub/feed.json"}
	if !slices.Equal(got, want) {
		t.Errorf("discoverFeeds=%q, want %q", got, want)
	}
	if got := discoverFeeds("https://x/", []byte("<html><body>no feed</body></html>")); len(got) != 0 {
		t.Errorf("a page without feed links gave %q", got)
	}
}

func TestWebSubLinks(t *testing.T) {
	h := http.Header{}
	h.Add("Link", `<https://hub.example/>; rel="hub", <https://feeds.example/a>; rel="self"`)
	hub, self := webSubLinks("https://feeds.example/x", h, nil)
	if hub != "https://hub.example/" || self != "https://feeds.example/a" {
		t.Errorf("from headers: %s %s", hub, self)
	}
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>t</title>
<link rel="hub" href="https://hub.example/p"/><link rel="self" href="/feed.atom"/>
<entry><link rel="hub" href="https://wrong/"/></entry></feed>`
	hub, self = webSubLinks("https://feeds.example/feed.atom", http.Header{}, []byte(atom))
	if hub != "https://hub.example/p" || self != "https://feeds.example/feed.atom" {
		t.Errorf("from the feed: %s %s", hub, self)
	}
}

func TestValidSignature(t *testing.T) {
	body := []byte("content")
	for name, h := range map[string]func() hash.Hash{"sha1": sha1.New, "sha256": sha256.New, "sha512": sha512.New} {
		m := hmac.New(h, []byte("key"))
		m.Write(body)
		sig := name + "=" + hex.EncodeToString(m.Sum(nil))
		if !validSignature("key", sig, body) {
			t.Errorf("a good %s signature was refused", name)
		}
		if validSignature("other key", sig, body) || validSignature("key", sig, []byte("changed")) {
			t.Errorf("a %s signature with another key or body was accepted", name)
		}
	}
	if validSignature("key", "sha1=6fdc5c5b1d4cbf24c2c2a8c4e7a1bd7f5a8a9a3d", body) {
		t.Error("a made-up signature was accepted")
	}
	if validSignature("key", "", body) || validSignature("key", "md5=00", body) || validSignature("key", "sha256=zz", body) {
		t.Error("a missing, unknown or malformed signature was accepted")
	}
}

// The gate never lets two requests to one host overlap or come closer
// than the gap; other hosts pass meanwhile.
func TestGate(t *testing.T) {
	g := newGate(100*time.Millisecond, time.Second)
	ctx := context.Background()
	start := time.Now()
	if err := g.acquire(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	if err := g.acquire(ctx, "b"); err != nil {
		t.Fatal(err)
	}
	g.release("b")
	done := make(chan time.Time)
	go func() {
		g.acquire(ctx, "a")
		done <- time.Now()
		g.release("a")
	}()
	time.Sleep(50 * time.Millisecond)
	released := time.Now()
	g.release("a")
	got := <-done
	if got.Sub(released) < 100*time.Millisecond {
		t.Errorf("second request %s after the first ended, want the 100ms gap", got.Sub(released))
	}
	if time.Since(start) > time.Second {
		t.Errorf("took %s", time.Since(start))
	}
	g.block("c", time.Now().Add(time.Hour))
	if err := g.acquire(ctx, "c"); err == nil {
		t.Error("a host blocked for an hour was acquired")
	}
}

// Whatever a page holds, discovery yields only absolute http(s) URLs, no
// duplicates.
func FuzzDiscoverFeeds(f *testing.F) {
	f.Add([]byte(`<html><head><link rel="alternate" type="application/rss+xml" href="/feed"></head></html>`))
	f.Add([]byte(`<base href="javascript:x"><link rel=alternate type=application/atom+xml href="//evil/x">`))
	f.Add([]byte(`<link rel="alternate" type="application/rss+xml" href="data:text/xml,<rss/>">`))
	f.Fuzz(func(t *testing.T, page []byte) {
		seen := map[string]bool{}
		for _, u := range discoverFeeds("https://news.example/a/", page) {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("discovered %q", u)
			}
			if seen[u] {
				t.Fatalf("%q twice", u)
			}
			seen[u] = true
		}
		hub, self := webSubLinks("https://news.example/feed", http.Header{"Link": {string(page)}}, page)
		for _, u := range []string{hub, self} {
			if u != "" && !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("WebSub link %q", u)
			}
		}
	})
}
