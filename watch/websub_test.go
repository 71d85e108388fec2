package watch

import (
	"bytes"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"sync"
	"sync/atomic"
	"testing"
	"time"
)

// hub is a WebSub hub staged on 127.0.0.1: it takes subscriptions,
// verifies the subscriber's intent with a challenge, and distributes
// content signed with the subscriber's secret.
type hub struct {
	t     testing.TB
	srv   *httptest.Server
	lease int // seconds granted

	mu       sync.Mutex
	subs     map[string]hubSub // by topic
	requests int               // subscribe requests
	verified int               // verifications answered correctly
}

type hubSub struct {
	callback, secret string
}

func newHub(t testing.TB, lease int) *hub {
	h := &hub{t: t, lease: lease, subs: map[string]hubSub{}}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serve))
	t.Cleanup(h.srv.Close)
	return h
}

func (h *hub) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil || r.PostForm.Get("hub.mode") != "subscribe" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	topic, cb, secret := r.PostForm.Get("hub.topic"), r.PostForm.Get("hub.callback"), r.PostForm.Get("hub.secret")
	h.mu.Lock()
	h.requests++
	h.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
	// Verification of intent, asynchronously as hubs do.
	go func() {
		challenge := fmt.Sprintf("challenge-%d", time.Now().UnixNano())
		q := url.Values{"hub.mode": {"subscribe"}, "hub.topic": {topic}, "hub.challenge": {challenge},
			"hub.lease_seconds": {fmt.Sprint(h.lease)}}
		resp, err := http.Get(cb + "?" + q.Encode())
		if err != nil {
			return
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != http.StatusOK || string(b) != challenge {
			return
		}
		h.mu.Lock()
		h.subs[topic] = hubSub{callback: cb, secret: secret}
		h.verified++
		h.mu.Unlock()
	}()
}

func (h *hub) counts() (requests, verified int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.requests, h.verified
}

// publish pushes body to the topic's subscriber, signed with secret (the
// subscriber's own when secret is "").
func (h *hub) publish(topic, body, secret string) int {
	h.mu.Lock()
	sub, ok := h.subs[topic]
	h.mu.Unlock()
	if !ok {
		h.t.Fatalf("no subscriber to %s", topic)
	}
	if secret == "" {
		secret = sub.secret
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(body))
	req, _ := http.NewRequest(http.MethodPost, sub.callback, bytes.NewReader([]byte(body)))
	req.Header.Set("Content-Type", "application/rss+xml")
	req.Header.Set("X-Hub-Signature", "sha256="+hex.EncodeToString(m.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		h.t.Fatal(err)
	}
	resp.Body.Close()
	return resp.StatusCode
}

// A publisher names a hub; the watcher subscribes, answers the challenge,
// takes signed pushes within 2 seconds, ignores a badly signed one, and
// renews its lease before it runs out.
func TestWebSub(t *testing.T) {
	t.Parallel()
	e := newEnv(t)
	h := newHub(t, 3)
	pub := newSite(t)
	topic := pub.url("/feed")
	links := fmt.Sprintf(`<atom:link rel="hub" href="%s"/><atom:link rel="self" href="%s"/>`, h.srv.URL+"/", topic)
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

	waitFor(t, 10*time.Second, "a verified subscription", func() bool { _, v := h.counts(); return v >= 1 })
	if got := e.articles(); got != 1 {
		t.Fatalf("articles=%d, want 1", got)
	}
	// A new item, pushed.
	mu.Lock()
	cur = append(items(0, 2, 1), cur...)
	mu.Unlock()
	start := time.Now()
	if code := h.publish(topic, feedBody(), ""); code != http.StatusAccepted {
		t.Fatalf("push answered %d, want 202", code)
	}
	waitFor(t, 2*time.Second, "the pushed item", func() bool { return e.articles() == 2 })
	t.Logf("pushed item stored %s after the push", time.Since(start).Round(time.Millisecond))
	if got := pub.count("/feed"); got != 1 {
		t.Errorf("feed polled %d times, want once (the push brought the news)", got)
	}
	// Badly signed content is acknowledged and ignored.
	mu.Lock()
	cur = append(items(0, 3, 1), cur...)
	mu.Unlock()
	if code := h.publish(topic, feedBody(), "wrong secret"); code != http.StatusAccepted {
		t.Errorf("badly signed push answered %d, want 202", code)
	}
	time.Sleep(500 * time.Millisecond)
	if got := e.articles(); got != 2 {
		t.Errorf("articles=%d after a badly signed push, want 2", got)
	}
	// The 3-second lease is renewed before it ends.
	waitFor(t, 5*time.Second, "a renewed lease", func() bool { r, v := h.counts(); return r >= 2 && v >= 2 })
	got := e.source(src.ID)
	if got.HTTP.Hub != h.srv.URL+"/" || got.HTTP.Secret == "" || got.HTTP.LeaseExpires.IsZero() {
		t.Errorf("stored WebSub state %+v", got.HTTP)
	}
	if c := w.stats.get(src.ID); c.Pushes != 1 {
		t.Errorf("pushes=%d, want 1", c.Pushes)
	}
}
