package watch

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/feed"
	"github.com/crosscheck-news/crosscheck/ingest"
)

// outcome is what one check found.
type outcome struct {
	status   int  // HTTP status of the feed request; 0 when none came
	notMod   bool // 304, or the same body as last time
	newItems int  // articles added
	seen     []string
	stories  []string
	dates    []time.Time   // the feed's item dates, for the cadence
	retry    time.Duration // Retry-After, when the server gave one
	gone     bool          // 410
	partial  bool          // more new items than one check takes
	err      error
}

// check checks one source and records the outcome in the store. s is the
// scheduler's copy; it is updated in place.
func (w *Watcher) check(ctx context.Context, s *crosscheck.Source) {
	start := time.Now()
	out := w.poll(ctx, s)
	if ctx.Err() != nil {
		// Stopped: nothing is recorded, so the next run checks this
		// source again (its items are recognised as stored).
		return
	}
	w.stats.record(s.ID, sourceHost(s.URL), out, time.Since(start))
	w.finish(ctx, s, out)
}

// finish sets s's status and next check from out and saves it.
func (w *Watcher) finish(ctx context.Context, s *crosscheck.Source, out outcome) {
	now := w.opts.Now()
	s.LastCheck = now
	if s.Cadence <= 0 {
		s.Cadence = s.Interval
	}
	switch {
	case out.gone:
		s.Status, s.LastError = crosscheck.SourceGone, "410 Gone: the publisher removed this feed; it is no longer checked"
		s.NextCheck = time.Time{}
	case out.err != nil && out.retry > 0:
		// The server asked to wait: not the source's fault, no pause.
		s.LastError = out.err.Error()
		s.NextCheck = now.Add(max(out.retry, w.opts.HostGap))
	case out.err != nil:
		s.Failures++
		s.LastError = out.err.Error()
		if s.Failures >= w.opts.MaxFailures {
			s.Status = crosscheck.SourceFailing
			s.LastError = fmt.Sprintf("%s (failed %d times in a row: no longer checked; 'crosscheck sources resume %d' tries again)",
				s.LastError, s.Failures, s.ID)
			s.NextCheck = time.Time{}
			w.log.Warn("source failing", "source", s.ID, "url", s.URL, "err", out.err)
		} else {
			s.NextCheck = now.Add(jitter(backoff(w.cadence(s), s.Failures, w.opts.MaxBackoff), w.opts.Jitter))
			w.log.Warn("check failed", "source", s.ID, "url", s.URL, "failures", s.Failures, "err", out.err)
		}
	default:
		s.Failures, s.LastError = 0, ""
		if out.newItems > 0 {
			s.LastNew = now
			s.Items += out.newItems
		}
		if s.Interval > 0 {
			s.Cadence = s.Interval
		} else {
			s.Cadence = adaptCadence(s.Cadence, out.newItems, out.dates, now, w.opts.MinInterval, w.opts.MaxInterval)
		}
		next := jitter(s.Cadence, w.opts.Jitter)
		if out.partial {
			next = min(next, w.opts.MinInterval)
		}
		if w.pushed(s.ID) && s.Interval == 0 {
			// The hub pushes news; polling is the fallback.
			next = jitter(w.opts.MaxInterval, w.opts.Jitter)
		}
		if r := w.renewAt(s.ID); !r.IsZero() && r.Before(now.Add(next)) {
			next = max(r.Sub(now), w.opts.HostGap)
		}
		s.NextCheck = now.Add(next)
		if out.newItems > 0 {
			w.log.Info("new items", "source", s.ID, "name", s.Name, "added", out.newItems)
		}
	}
	w.syncSub(s)
	if err := w.opts.Store.SaveSourceCheck(context.WithoutCancel(ctx), s, out.seen); err != nil {
		if crosscheck.ErrorCode(err) == crosscheck.EINVALID {
			// Moved to a URL watched already: stop this copy.
			s.Status, s.LastError = crosscheck.SourceFailing, err.Error()
			if err := w.opts.Store.SaveSourceCheck(context.WithoutCancel(ctx), s, out.seen); err == nil {
				return
			}
		}
		w.log.Error("save source check", "source", s.ID, "err", err)
	}
}

// cadence is the source's interval for backoff: its own, else the one in use.
func (w *Watcher) cadence(s *crosscheck.Source) time.Duration {
	switch {
	case s.Interval > 0:
		return s.Interval
	case s.Cadence > 0:
		return s.Cadence
	}
	return w.opts.MinInterval
}

// poll fetches s's feed with a conditional request and takes its new items.
func (w *Watcher) poll(ctx context.Context, s *crosscheck.Source) outcome {
	for attempt := 0; ; attempt++ {
		resp, body, final, err := w.fetchFeed(ctx, s)
		if err != nil {
			return outcome{err: err}
		}
		out := outcome{status: resp.StatusCode}
		switch code := resp.StatusCode; {
		case code == http.StatusNotModified:
			out.notMod = true
			return out
		case code == http.StatusGone:
			out.gone = true
			return out
		case code == http.StatusTooManyRequests || code == http.StatusServiceUnavailable:
			out.err = fmt.Errorf("HTTP %s", resp.Status)
			if d, ok := retryAfter(resp.Header.Get("Retry-After"), w.opts.Now()); ok {
				out.retry = max(d, time.Second)
				out.err = fmt.Errorf("HTTP %s: asked to wait %s (Retry-After)", resp.Status, out.retry.Round(time.Second))
			}
			return out
		case code < 200 || code > 299:
			out.err = fmt.Errorf("HTTP %s", resp.Status)
			return out
		}
		if final != "" && final != s.URL {
			w.log.Info("source moved permanently", "source", s.ID, "from", s.URL, "to", final)
			s.URL = final
		}
		ctype := resp.Header.Get("Content-Type")
		if !isFeed(ctype, body) {
			if isHTML(ctype, body) {
				if feeds := discoverFeeds(s.URL, body); len(feeds) > 0 && s.HTTP.BodyHash == "" && attempt == 0 {
					// A page was given: watch the feed it names.
					s.SiteURL, s.URL = s.URL, feeds[0]
					s.HTTP = crosscheck.SourceHTTP{}
					w.log.Info("feed discovered", "source", s.ID, "page", s.SiteURL, "feed", s.URL)
					continue
				}
				if s.HTTP.BodyHash != "" {
					out.err = errors.New("answered with an HTML page instead of the feed (an error page?)")
				} else {
					out.err = errors.New("an HTML page that names no feed (no <link rel=\"alternate\" type=\"application/rss+xml\">): give the feed's URL")
				}
				return out
			}
			out.err = fmt.Errorf("not an RSS, Atom or JSON feed (Content-Type %q)", ctype)
			return out
		}
		sum := sha256.Sum256(body)
		hash := hex.EncodeToString(sum[:])
		etag, lastMod := resp.Header.Get("ETag"), resp.Header.Get("Last-Modified")
		if hash == s.HTTP.BodyHash {
			s.HTTP.ETag, s.HTTP.LastModified = etag, lastMod
			out.notMod = true
			return out
		}
		hub, self := webSubLinks(s.URL, resp.Header, body)
		out = w.take(ctx, s, ctype, body)
		out.status = resp.StatusCode
		if out.err == nil && !out.partial {
			// Validators only once every item is in: a check cut short
			// must see the whole feed again.
			s.HTTP.ETag, s.HTTP.LastModified, s.HTTP.BodyHash = etag, lastMod, hash
		}
		if out.err == nil {
			w.maybeSubscribe(ctx, s, hub, self)
		}
		return out
	}
}

// fetchFeed sends the conditional GET for s's feed and reads the body. It
// returns the response (body closed), the body, and the feed's new URL
// when every redirect was permanent.
func (w *Watcher) fetchFeed(ctx context.Context, s *crosscheck.Source) (*http.Response, []byte, string, error) {
	tr := &redirectTrace{permanent: true}
	rctx, cancel := context.WithTimeout(context.WithValue(withKind(ctx, kindFeed), traceKey{}, tr), w.opts.Timeout+w.opts.HostGap)
	defer cancel()
	req, err := http.NewRequestWithContext(rctx, http.MethodGet, s.URL, nil)
	if err != nil {
		return nil, nil, "", fmt.Errorf("bad URL: %w", err)
	}
	req.Header.Set("Accept", "application/atom+xml, application/rss+xml, application/feed+json, application/xml;q=0.9, text/xml;q=0.9, application/json;q=0.8, text/html;q=0.5, */*;q=0.1")
	if s.HTTP.ETag != "" {
		req.Header.Set("If-None-Match", s.HTTP.ETag)
	}
	if s.HTTP.LastModified != "" {
		req.Header.Set("If-Modified-Since", s.HTTP.LastModified)
	}
	resp, err := w.client.Do(req)
	if err != nil {
		return nil, nil, "", w.fetchError(rctx, err)
	}
	defer resp.Body.Close()
	final := ""
	if tr.permanent && tr.final != "" {
		final = tr.final
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		io.Copy(io.Discard, io.LimitReader(resp.Body, 64<<10))
		return resp, nil, final, nil
	}
	if resp.ContentLength > w.opts.MaxBytes {
		return nil, nil, "", fmt.Errorf("the feed is %d bytes, over the %d byte size cap", resp.ContentLength, w.opts.MaxBytes)
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, w.opts.MaxBytes+1))
	if err != nil {
		return nil, nil, "", w.fetchError(rctx, fmt.Errorf("read body: %w", err))
	}
	if int64(len(body)) > w.opts.MaxBytes {
		return nil, nil, "", fmt.Errorf("the feed is over the %d byte size cap", w.opts.MaxBytes)
	}
	return resp, body, final, nil
}

// fetchError turns a client error into a status a user can act on.
func (w *Watcher) fetchError(ctx context.Context, err error) error {
	var blocked *ingest.BlockedAddressError
	if errors.As(err, &blocked) {
		return fmt.Errorf("%w; watch with --allow-private-fetch to allow local sources", blocked)
	}
	var busy *HostBusyError
	if errors.As(err, &busy) {
		return busy
	}
	if ctx.Err() != nil && errors.Is(err, context.DeadlineExceeded) {
		return fmt.Errorf("no complete answer within %s (timeout)", w.opts.Timeout)
	}
	var ue *url.Error
	if errors.As(err, &ue) {
		if ue.Timeout() {
			return fmt.Errorf("no complete answer within %s (timeout)", w.opts.Timeout)
		}
		if ue.Err != nil && strings.HasPrefix(ue.Err.Error(), "stopped after") {
			return ue.Err
		}
		return fmt.Errorf("fetch: %w", ue.Err)
	}
	return fmt.Errorf("fetch: %w", err)
}

// take parses a feed body (polled or pushed) and ingests the items not
// seen before.
func (w *Watcher) take(ctx context.Context, s *crosscheck.Source, ctype string, body []byte) outcome {
	var out outcome
	// A dump of a whole archive is refused before it is parsed: counting
	// item tags is much cheaper, and the margin leaves room for stray ones.
	if n := bytes.Count(body, []byte("<item")) + bytes.Count(body, []byte("<entry")); n > 2*w.opts.MaxFeedItems {
		out.err = fmt.Errorf("the feed has about %d items, more than the %d crosscheck reads from one feed", n, w.opts.MaxFeedItems)
		return out
	}
	f, err := ingest.ParseFeed(s.URL, ctype, body)
	if err != nil {
		out.err = fmt.Errorf("malformed feed: %w", err)
		if errors.Is(err, feed.ErrNotFeed) {
			out.err = err
		}
		return out
	}
	if n := len(f.Items); n > w.opts.MaxFeedItems {
		out.err = fmt.Errorf("the feed has %d items, more than the %d crosscheck reads from one feed", n, w.opts.MaxFeedItems)
		return out
	}
	if s.Name == "" {
		s.Name = f.Title
	}
	if s.SiteURL == "" {
		s.SiteURL = f.Link
	}
	keys := make([]string, len(f.Items))
	for i, it := range f.Items {
		keys[i] = itemKey(it)
		out.dates = append(out.dates, it.Published)
	}
	seen, err := w.opts.Store.SeenItems(ctx, s.ID, keys)
	if err != nil {
		out.err = fmt.Errorf("read items seen: %w", err)
		return out
	}
	var fresh []*feed.Item
	var freshKeys []string
	for i, it := range f.Items {
		k := keys[i]
		if seen[k] || slices.Contains(freshKeys, k) {
			continue
		}
		if len(fresh) == w.opts.MaxNewItems {
			out.partial = true
			break
		}
		fresh = append(fresh, it)
		freshKeys = append(freshKeys, k)
	}
	if len(fresh) == 0 {
		return out
	}
	sub := *f
	sub.Items = fresh
	// Item pages are fetched before the pipeline is entered: it takes one
	// batch at a time, and a slow page must not hold up other sources.
	type got struct {
		doc *crosscheck.Document
		err error
	}
	var docs []got
	for doc, err := range w.reader.FeedDocs(withKind(ctx, kindPage), s.URL, &sub) {
		docs = append(docs, got{doc, err})
	}
	if ctx.Err() != nil {
		out.err = ctx.Err()
		return out
	}
	failed := map[int]bool{}
	var inputs []*crosscheck.Document
	index := map[string]int{} // document source -> item
	for i, g := range docs {
		if g.err != nil || g.doc == nil {
			failed[i] = true
			w.log.Warn("item failed", "source", s.ID, "err", g.err)
			continue
		}
		index[g.doc.Source] = i
		inputs = append(inputs, g.doc)
	}
	sum, err := w.opts.Ingester.Ingest(ctx, func(yield func(*crosscheck.Document, error) bool) {
		for _, d := range inputs {
			if !yield(d, nil) {
				return
			}
		}
	}, nil)
	if err != nil {
		out.err = fmt.Errorf("ingest: %w", err)
		return out
	}
	for _, e := range sum.Errors {
		var ie *crosscheck.InputError
		if errors.As(e, &ie) {
			if i, ok := index[ie.Input]; ok {
				failed[i] = true
			}
		}
		w.log.Warn("item failed", "source", s.ID, "err", e)
	}
	// Items that failed are not remembered: they are tried again when the
	// feed next changes.
	for i, k := range freshKeys {
		if !failed[i] {
			out.seen = append(out.seen, k)
		}
	}
	out.newItems = sum.Ingested
	out.stories = sum.Stories
	if len(sum.Stories) > 0 && w.opts.OnChange != nil {
		w.opts.OnChange(sum.Stories)
	}
	return out
}

// isFeed says whether a body is a feed: by its first bytes, whatever the
// Content-Type claims (servers label feeds text/html and text/plain).
func isFeed(ctype string, body []byte) bool {
	return feed.Detect(body[:min(len(body), 8192)]) != feed.Unknown
}

func isHTML(ctype string, body []byte) bool {
	mt, _, _ := mime.ParseMediaType(ctype)
	if mt == "text/html" || mt == "application/xhtml+xml" {
		return true
	}
	head := bytes.ToLower(bytes.TrimSpace(body[:min(len(body), 512)]))
	return bytes.HasPrefix(head, []byte("<!doctype html")) || bytes.HasPrefix(head, []byte("<html"))
}
