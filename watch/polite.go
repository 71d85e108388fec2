package watch

import (
	"context"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/temoto/robotstxt"
)

// kind says what a request is for; only item pages are subject to
// robots.txt (a feed is published to be polled).
type kind int

const (
	kindFeed kind = iota
	kindPage
	kindRobots
	kindHub
)

type kindKey struct{}

func withKind(ctx context.Context, k kind) context.Context {
	return context.WithValue(ctx, kindKey{}, k)
}

func kindOf(ctx context.Context) kind {
	k, _ := ctx.Value(kindKey{}).(kind)
	return k
}

// hostKey names the host a request goes to, for the per-host limits.
func hostKey(u *url.URL) string {
	h := strings.ToLower(u.Hostname())
	if p := u.Port(); p != "" && !(p == "80" && u.Scheme == "http") && !(p == "443" && u.Scheme == "https") {
		return h + ":" + p
	}
	return h
}

// politeTransport is the watcher's HTTP transport: every request (feeds,
// item pages, robots.txt, WebSub hubs, redirects included) waits for its
// host's turn, and item pages are checked against the host's robots.txt
// first. 429 and 503 answers with Retry-After hold the whole host.
type politeTransport struct {
	base   http.RoundTripper
	gate   *gate
	robots *robotsCache
	ua     string
	now    func() time.Time
}

func (t *politeTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	ctx := req.Context()
	if kindOf(ctx) == kindPage {
		if err := t.robots.allowed(ctx, req.URL); err != nil {
			return nil, err
		}
	}
	req = req.Clone(ctx)
	req.Header.Set("User-Agent", t.ua)
	host := hostKey(req.URL)
	if err := t.gate.acquire(ctx, host); err != nil {
		return nil, err
	}
	resp, err := t.base.RoundTrip(req)
	if err != nil {
		t.gate.release(host)
		return nil, err
	}
	if resp.StatusCode == http.StatusTooManyRequests || resp.StatusCode == http.StatusServiceUnavailable {
		if d, ok := retryAfter(resp.Header.Get("Retry-After"), t.now()); ok {
			t.gate.block(host, time.Now().Add(d))
		}
	}
	var once sync.Once
	resp.Body = &releaseBody{ReadCloser: resp.Body, release: func() { once.Do(func() { t.gate.release(host) }) }}
	return resp, nil
}

// releaseBody frees the host when the body is closed: the request is over.
type releaseBody struct {
	io.ReadCloser
	release func()
}

func (b *releaseBody) Close() error {
	err := b.ReadCloser.Close()
	b.release()
	return err
}

// maxRetryAfter bounds how long a Retry-After may hold a source or host.
const maxRetryAfter = 24 * time.Hour

// retryAfter parses a Retry-After value: delay seconds or an HTTP date.
func retryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	var d time.Duration
	if n, err := strconv.ParseInt(v, 10, 64); err == nil {
		if n < 0 {
			return 0, false
		}
		d = time.Duration(min(n, int64(maxRetryAfter/time.Second))) * time.Second
	} else if t, err := http.ParseTime(v); err == nil {
		d = t.Sub(now)
		if d < 0 {
			d = 0
		}
	} else {
		return 0, false
	}
	return min(d, maxRetryAfter), true
}

// RobotsError says robots.txt forbids fetching a page.
type RobotsError struct {
	URL string
}

func (e *RobotsError) Error() string {
	return fmt.Sprintf("robots.txt of %s disallows crosscheck from fetching %s", hostOf(e.URL), e.URL)
}

func hostOf(raw string) string {
	if u, err := url.Parse(raw); err == nil {
		return u.Host
	}
	return raw
}

// robotsCache keeps each host's robots.txt for a day (a failure to fetch
// it for a few minutes, during which the host's pages are not fetched).
type robotsCache struct {
	client *http.Client
	agent  string // the product token matched against User-agent lines
	ttl    time.Duration

	mu    sync.Mutex
	hosts map[string]*robotsEntry
}

type robotsEntry struct {
	mu      sync.Mutex // held while fetching
	data    *robotstxt.RobotsData
	expires time.Time
}

func (c *robotsCache) allowed(ctx context.Context, u *url.URL) error {
	key := u.Scheme + "://" + u.Host
	c.mu.Lock()
	e, ok := c.hosts[key]
	if !ok {
		e = &robotsEntry{}
		c.hosts[key] = e
	}
	c.mu.Unlock()

	e.mu.Lock()
	defer e.mu.Unlock()
	if e.data == nil || time.Now().After(e.expires) {
		data, ttl := c.fetch(ctx, key)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		e.data, e.expires = data, time.Now().Add(ttl)
	}
	path := u.EscapedPath()
	if path == "" {
		path = "/"
	}
	if u.RawQuery != "" {
		path += "?" + u.RawQuery
	}
	if !e.data.TestAgent(path, c.agent) {
		return &RobotsError{URL: u.String()}
	}
	return nil
}

// fetch reads base/robots.txt. As RFC 9309 says: 4xx allows everything,
// 5xx and unreachable disallow everything for now.
func (c *robotsCache) fetch(ctx context.Context, base string) (*robotstxt.RobotsData, time.Duration) {
	disallow, _ := robotstxt.FromStatusAndBytes(http.StatusServiceUnavailable, nil)
	req, err := http.NewRequestWithContext(withKind(ctx, kindRobots), http.MethodGet, base+"/robots.txt", nil)
	if err != nil {
		return disallow, 10 * time.Minute
	}
	resp, err := c.client.Do(req)
	if err != nil {
		return disallow, 10 * time.Minute
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 512<<10))
	if err != nil {
		return disallow, 10 * time.Minute
	}
	data, err := robotstxt.FromStatusAndBytes(resp.StatusCode, body)
	if err != nil || data == nil {
		// Unparseable: treat as absent rather than block a whole site.
		data, _ = robotstxt.FromStatusAndBytes(http.StatusNotFound, nil)
	}
	if resp.StatusCode >= 500 {
		return data, 10 * time.Minute
	}
	return data, c.ttl
}
