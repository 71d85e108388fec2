// Package websubtest stages a WebSub hub on 127.0.0.1 for tests and
// benchmarks: it takes subscriptions, verifies the subscriber's intent
// with a challenge (asynchronously, as hubs do), and distributes content
// signed with the subscriber's secret (X-Hub-Signature, HMAC-SHA256).
package websubtest

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
	"time"
)

// Hub is a WebSub hub on a local test server. Make it with NewHub.
type Hub struct {
	// URL is the hub's address, for a feed's <link rel="hub">.
	URL string
	// Lease is the lease granted, in seconds.
	Lease int

	srv      *httptest.Server
	mu       sync.Mutex
	subs     map[string]subscriber // by topic
	requests int
	verified int
}

type subscriber struct{ callback, secret string }

// NewHub starts a hub granting leases of lease seconds. Close it when done.
func NewHub(lease int) *Hub {
	h := &Hub{Lease: lease, subs: map[string]subscriber{}}
	h.srv = httptest.NewServer(http.HandlerFunc(h.serve))
	h.URL = h.srv.URL + "/"
	return h
}

// Close stops the hub's server.
func (h *Hub) Close() { h.srv.Close() }

func (h *Hub) serve(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodPost || r.ParseForm() != nil || r.PostForm.Get("hub.mode") != "subscribe" {
		http.Error(w, "bad request", http.StatusBadRequest)
		return
	}
	topic, cb, secret := r.PostForm.Get("hub.topic"), r.PostForm.Get("hub.callback"), r.PostForm.Get("hub.secret")
	h.mu.Lock()
	h.requests++
	h.mu.Unlock()
	w.WriteHeader(http.StatusAccepted)
	go h.verify(topic, cb, secret)
}

// verify asks the callback to echo a challenge; only then is it subscribed.
func (h *Hub) verify(topic, cb, secret string) {
	challenge := fmt.Sprintf("challenge-%d", time.Now().UnixNano())
	q := url.Values{"hub.mode": {"subscribe"}, "hub.topic": {topic}, "hub.challenge": {challenge},
		"hub.lease_seconds": {fmt.Sprint(h.Lease)}}
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
	h.subs[topic] = subscriber{callback: cb, secret: secret}
	h.verified++
	h.mu.Unlock()
}

// Counts returns how many subscribe requests came and how many were
// verified.
func (h *Hub) Counts() (requests, verified int) {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.requests, h.verified
}

// Publish pushes body to the topic's subscriber, signed with its secret
// (or with secret when not ""), and returns the callback's status code.
func (h *Hub) Publish(topic, contentType, body, secret string) (int, error) {
	h.mu.Lock()
	sub, ok := h.subs[topic]
	h.mu.Unlock()
	if !ok {
		return 0, fmt.Errorf("no verified subscriber to %s", topic)
	}
	if secret == "" {
		secret = sub.secret
	}
	m := hmac.New(sha256.New, []byte(secret))
	m.Write([]byte(body))
	req, err := http.NewRequest(http.MethodPost, sub.callback, bytes.NewReader([]byte(body)))
	if err != nil {
		return 0, err
	}
	req.Header.Set("Content-Type", contentType)
	req.Header.Set("X-Hub-Signature", "sha256="+hex.EncodeToString(m.Sum(nil)))
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		return 0, err
	}
	resp.Body.Close()
	return resp.StatusCode, nil
}
