package watch

import (
	"container/heap"
	"context"
	"errors"
	"fmt"
	"iter"
	"log/slog"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
)

// Store is what the watcher needs of the store (package sqlite).
type Store interface {
	// Sources returns the sources the filter selects, by ID.
	Sources(ctx context.Context, f crosscheck.SourceFilter) ([]*crosscheck.Source, error)
	// SaveSourceCheck records a check's outcome and the keys of the items
	// seen, in one transaction; a status the user set meanwhile wins.
	// EINVALID when the source moved to a URL another source has.
	SaveSourceCheck(ctx context.Context, s *crosscheck.Source, seen []string) error
	// SeenItems returns which of keys the source delivered before.
	SeenItems(ctx context.Context, sourceID int64, keys []string) (map[string]bool, error)
	// SourcesRevision changes whenever a user adds, removes, pauses or
	// resumes a source.
	SourcesRevision(ctx context.Context) (string, error)
}

// Ingester takes new items through the same stages as 'crosscheck ingest'
// (pipeline.Pipeline).
type Ingester interface {
	// Ingest extracts, stores and places every document docs yields;
	// failed inputs are counted in the summary. It returns an error only
	// when the store fails or ctx ends.
	Ingest(ctx context.Context, docs iter.Seq2[*crosscheck.Document, error], progress pipeline.Progress) (pipeline.Summary, error)
}

// Defaults for the zero fields of Options.
const (
	DefaultHostGap     = time.Second
	DefaultMinInterval = 5 * time.Minute
	DefaultMaxInterval = 4 * time.Hour
	DefaultMaxFailures = 10
	DefaultMaxBackoff  = 6 * time.Hour
	DefaultConcurrency = 32
	DefaultMaxNewItems = 200
	// DefaultMaxFeedItems is the most items a feed may have; a larger one
	// (a dump of a whole archive) is refused with a clear status.
	DefaultMaxFeedItems = 10_000
	DefaultLease        = 10 * 24 * time.Hour
)

// Options configure a Watcher. Store and Ingester are required; every
// other zero field takes the default named beside it.
type Options struct {
	Store    Store
	Ingester Ingester
	// Logger receives a line per check that found something or failed;
	// nil discards.
	Logger *slog.Logger
	// OnChange is told the stories that new items touched (live pages).
	OnChange func(stories []string)
	// AllowPrivate lets sources on loopback, private and link-local
	// addresses be fetched; off, they fail with a clear error.
	AllowPrivate bool
	// UserAgent is sent with every request and matched against robots.txt
	// by its product token (default ingest.DefaultUserAgent).
	UserAgent string
	// Timeout bounds one request (default ingest.DefaultTimeout, 20s).
	Timeout time.Duration
	// MaxBytes caps a feed or page (default ingest.DefaultMaxBytes).
	MaxBytes int64
	// MaxRedirects is how many redirects a request follows (default 5).
	MaxRedirects int
	// HostGap is the least time between two requests to one host (default
	// DefaultHostGap, 1s), counted from the end of one to the start of the
	// next, across feeds, item pages, robots.txt and hubs.
	HostGap time.Duration
	// MinInterval and MaxInterval bound the adapted interval between two
	// checks of a source (defaults 5m and 4h). A source's own Interval is
	// used as it is.
	MinInterval, MaxInterval time.Duration
	// Jitter spreads each interval by up to ±this fraction (default 0.1;
	// negative: none).
	Jitter float64
	// MaxFailures is how many checks in a row may fail before the source
	// is set failing and no longer checked (default 10).
	MaxFailures int
	// MaxBackoff caps the wait after failures (default 6h).
	MaxBackoff time.Duration
	// Concurrency is how many sources are checked at once (default 32);
	// a host never gets more than one request at a time anyway.
	Concurrency int
	// MaxNewItems is how many new items one check takes (default 200);
	// the rest wait for the next check, which comes soon.
	MaxNewItems int
	// MaxFeedItems is the most items a feed may hold (default 10,000).
	MaxFeedItems int
	// SkipItemPages uses the feed's summary instead of fetching the page
	// of an item that carries only a summary.
	SkipItemPages bool
	// ReloadEvery is how often the store is asked whether a user changed
	// the sources (default 5s).
	ReloadEvery time.Duration
	// PublicURL is where WebSub hubs reach this watcher's callback
	// (Handler, under /websub/); empty: no WebSub, polling only.
	PublicURL string
	// Lease is the WebSub lease asked of hubs (default 10 days).
	Lease time.Duration
	// Transport replaces the HTTP transport under the per-host limits
	// (tests); the private address refusal is then its business.
	Transport http.RoundTripper
	// Now returns the current time (tests); default time.Now.
	Now func() time.Time
}

func (o Options) withDefaults() Options {
	if o.UserAgent == "" {
		o.UserAgent = ingest.DefaultUserAgent
	}
	if o.Timeout <= 0 {
		o.Timeout = ingest.DefaultTimeout
	}
	if o.MaxBytes <= 0 {
		o.MaxBytes = ingest.DefaultMaxBytes
	}
	if o.MaxRedirects <= 0 {
		o.MaxRedirects = ingest.DefaultMaxRedirects
	}
	if o.HostGap <= 0 {
		o.HostGap = DefaultHostGap
	}
	if o.MinInterval <= 0 {
		o.MinInterval = DefaultMinInterval
	}
	if o.MaxInterval <= 0 {
		o.MaxInterval = DefaultMaxInterval
	}
	o.MaxInterval = max(o.MaxInterval, o.MinInterval)
	if o.Jitter == 0 {
		o.Jitter = 0.1
	}
	if o.MaxFailures <= 0 {
		o.MaxFailures = DefaultMaxFailures
	}
	if o.MaxBackoff <= 0 {
		o.MaxBackoff = DefaultMaxBackoff
	}
	if o.Concurrency <= 0 {
		o.Concurrency = DefaultConcurrency
	}
	if o.MaxNewItems <= 0 {
		o.MaxNewItems = DefaultMaxNewItems
	}
	if o.MaxFeedItems <= 0 {
		o.MaxFeedItems = DefaultMaxFeedItems
	}
	if o.ReloadEvery <= 0 {
		o.ReloadEvery = 5 * time.Second
	}
	if o.Lease <= 0 {
		o.Lease = DefaultLease
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	o.PublicURL = strings.TrimRight(o.PublicURL, "/")
	return o
}

// Watcher checks sources when due and ingests their new items. Make it
// with New, run it with Run.
type Watcher struct {
	opts   Options
	log    *slog.Logger
	client *http.Client
	reader *ingest.Reader
	gate   *gate
	stats  *stats

	mu      sync.Mutex
	entries map[int64]*entry
	due     dueHeap
	hosts   map[string]*hostQueue
	subs    map[int64]*subscription
	rev     string
	wake    chan struct{}
	sem     chan struct{}
	jobs    sync.WaitGroup
	runCtx  context.Context
}

// entry is a source as the scheduler holds it.
type entry struct {
	src     *crosscheck.Source
	host    string
	due     time.Time
	index   int // in the due heap; -1 when not in it
	running bool
	work    sync.Mutex // one check or pushed content at a time
}

// hostQueue holds the due sources of a host while one of its sources is
// being checked, so that a slow host holds one worker, not all of them.
type hostQueue struct {
	busy    bool
	waiting []*entry
}

// New checks opts and makes a Watcher.
func New(opts Options) (*Watcher, error) {
	if opts.Store == nil || opts.Ingester == nil {
		return nil, errors.New("new watcher: Store and Ingester are required")
	}
	if opts.PublicURL != "" {
		u, err := url.Parse(opts.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return nil, crosscheck.Errorf(crosscheck.EINVALID, "--public-url %q is not an http or https URL", opts.PublicURL)
		}
	}
	o := opts.withDefaults()
	log := o.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	w := &Watcher{
		opts:    o,
		log:     log.With("component", "watch"),
		gate:    newGate(o.HostGap, o.Timeout),
		stats:   newStats(),
		entries: map[int64]*entry{},
		hosts:   map[string]*hostQueue{},
		subs:    map[int64]*subscription{},
		wake:    make(chan struct{}, 1),
		sem:     make(chan struct{}, o.Concurrency),
	}
	base := o.Transport
	if base == nil {
		base = ingest.NewTransport(ingest.Options{Timeout: o.Timeout, BlockPrivate: !o.AllowPrivate})
	}
	pt := &politeTransport{base: base, gate: w.gate, ua: o.UserAgent, now: o.Now}
	w.client = &http.Client{Transport: pt, CheckRedirect: w.checkRedirect}
	pt.robots = &robotsCache{client: w.client, agent: productToken(o.UserAgent), ttl: 24 * time.Hour, hosts: map[string]*robotsEntry{}}
	w.reader = ingest.New(ingest.Options{
		Timeout: o.Timeout, MaxBytes: o.MaxBytes, MaxRedirects: o.MaxRedirects, UserAgent: o.UserAgent,
		SkipItemPages: o.SkipItemPages, Concurrency: 2, Transport: pt,
	})
	return w, nil
}

// productToken is the name robots.txt groups are matched against:
// "crosscheck" of "crosscheck/0.1 (+https://...)".
func productToken(ua string) string {
	tok, _, _ := strings.Cut(ua, "/")
	return strings.TrimSpace(tok)
}

// Run checks sources as they come due until ctx ends, then waits for the
// checks in flight to stop. Sources added, removed, paused or resumed in
// the store (by 'crosscheck sources' in another process) are picked up
// within Options.ReloadEvery.
func (w *Watcher) Run(ctx context.Context) error {
	w.mu.Lock()
	w.runCtx = ctx
	w.mu.Unlock()
	if err := w.reload(ctx); err != nil {
		return err
	}
	reload := time.NewTicker(w.opts.ReloadEvery)
	defer reload.Stop()
	timer := time.NewTimer(time.Hour)
	defer timer.Stop()
	defer w.jobs.Wait()
	for {
		wait := time.Hour // every worker busy: a finishing check wakes us
		if !w.dispatch(ctx) {
			wait = w.untilNext()
		}
		timer.Reset(wait)
		select {
		case <-ctx.Done():
			return nil
		case <-timer.C:
		case <-w.wake:
		case <-reload.C:
			if err := w.reload(ctx); err != nil && ctx.Err() == nil {
				w.log.Warn("reload sources", "err", err)
			}
		}
	}
}

func (w *Watcher) signal() {
	select {
	case w.wake <- struct{}{}:
	default:
	}
}

// reload reads the sources from the store when a user changed them.
func (w *Watcher) reload(ctx context.Context) error {
	rev, err := w.opts.Store.SourcesRevision(ctx)
	if err != nil {
		return err
	}
	w.mu.Lock()
	same := rev == w.rev
	w.mu.Unlock()
	if same {
		return nil
	}
	list, err := w.opts.Store.Sources(ctx, crosscheck.SourceFilter{})
	if err != nil {
		return err
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	w.rev = rev
	now := w.opts.Now()
	keep := map[int64]bool{}
	for _, s := range list {
		keep[s.ID] = true
		e, ok := w.entries[s.ID]
		if !ok {
			e = &entry{src: s, host: sourceHost(s.URL), index: -1}
			w.entries[s.ID] = e
			if s.HTTP.Secret != "" && s.HTTP.Hub != "" {
				w.subs[s.ID] = &subscription{hub: s.HTTP.Hub, topic: s.HTTP.Topic, secret: s.HTTP.Secret, expires: s.HTTP.LeaseExpires}
			}
			if s.Status == crosscheck.SourceActive {
				w.schedule(e, s.NextCheck, now)
			}
			continue
		}
		// The user's fields; the rest is the watcher's own.
		was := e.src.Status
		cp := *e.src
		cp.Status, cp.Interval, cp.Category = s.Status, s.Interval, s.Category
		if s.Name != "" {
			cp.Name = s.Name
		}
		if was != crosscheck.SourceActive && s.Status == crosscheck.SourceActive {
			cp.Failures, cp.NextCheck = 0, s.NextCheck
		}
		e.src = &cp
		switch {
		case s.Status != crosscheck.SourceActive && e.index >= 0:
			heap.Remove(&w.due, e.index)
		case s.Status == crosscheck.SourceActive && was != crosscheck.SourceActive && !e.running:
			w.schedule(e, s.NextCheck, now)
		}
	}
	for id, e := range w.entries {
		if !keep[id] {
			if e.index >= 0 {
				heap.Remove(&w.due, e.index)
			}
			delete(w.entries, id)
			delete(w.subs, id)
			w.stats.remove(id)
		}
	}
	w.signal()
	return nil
}

// schedule puts e in the due heap at t (zero: now). w.mu is held.
func (w *Watcher) schedule(e *entry, t, now time.Time) {
	if t.IsZero() || t.Before(now) {
		t = now
	}
	e.due = t
	if e.index >= 0 {
		heap.Fix(&w.due, e.index)
		return
	}
	heap.Push(&w.due, e)
}

func sourceHost(raw string) string {
	u, err := url.Parse(raw)
	if err != nil {
		return raw
	}
	return hostKey(u)
}

// nextDue is when e is due: its next check, or earlier when its WebSub
// lease must be renewed. w.mu is held.
func (w *Watcher) nextDue(e *entry) time.Time {
	t := e.src.NextCheck
	if sub := w.subs[e.src.ID]; sub != nil && !sub.expires.IsZero() {
		if r := renewTime(sub); r.Before(t) {
			t = r
		}
	}
	return t
}

// untilNext is the time until the earliest due source.
func (w *Watcher) untilNext() time.Duration {
	w.mu.Lock()
	defer w.mu.Unlock()
	if len(w.due) == 0 {
		return time.Hour
	}
	return max(w.due[0].due.Sub(w.opts.Now()), time.Millisecond)
}

// dispatch starts a check of every due source whose host is free, as long
// as a worker is free. It reports whether it stopped for want of a worker.
func (w *Watcher) dispatch(ctx context.Context) (saturated bool) {
	w.mu.Lock()
	defer w.mu.Unlock()
	now := w.opts.Now()
	for len(w.due) > 0 && !w.due[0].due.After(now) {
		if ctx.Err() != nil {
			return false
		}
		e := heap.Pop(&w.due).(*entry)
		hq := w.hosts[e.host]
		if hq == nil {
			hq = &hostQueue{}
			w.hosts[e.host] = hq
		}
		if hq.busy || e.running {
			hq.waiting = append(hq.waiting, e)
			continue
		}
		if until := w.gate.blockedUntil(e.host); !until.IsZero() {
			// The host said Retry-After: its sources wait, not fail.
			w.schedule(e, until, now)
			continue
		}
		select {
		case w.sem <- struct{}{}:
		default:
			w.schedule(e, now, now)
			return true // every worker is busy; a finishing one wakes us
		}
		hq.busy, e.running = true, true
		src := *e.src
		w.jobs.Add(1)
		go w.runCheck(ctx, e, hq, &src)
	}
	return false
}

func (w *Watcher) runCheck(ctx context.Context, e *entry, hq *hostQueue, s *crosscheck.Source) {
	defer w.jobs.Done()
	e.work.Lock()
	w.check(ctx, s)
	w.mu.Lock()
	if ctx.Err() == nil {
		// Before pushed content may take the source: it must see this check.
		w.adopt(e, s)
	}
	w.mu.Unlock()
	e.work.Unlock()
	<-w.sem
	w.mu.Lock()
	defer w.mu.Unlock()
	hq.busy, e.running = false, false
	now := w.opts.Now()
	// The host's next source, the one due first, goes back to the heap;
	// the rest keep waiting for their turn.
	next := -1
	live := hq.waiting[:0]
	for _, x := range hq.waiting {
		if _, ok := w.entries[x.src.ID]; !ok || x.index >= 0 || x.src.Status != crosscheck.SourceActive {
			continue
		}
		live = append(live, x)
		if next < 0 || x.due.Before(live[next].due) {
			next = len(live) - 1
		}
	}
	hq.waiting = live
	if next >= 0 {
		x := hq.waiting[next]
		hq.waiting = append(hq.waiting[:next], hq.waiting[next+1:]...)
		w.schedule(x, x.due, now)
	}
	if _, ok := w.entries[s.ID]; ok && ctx.Err() == nil && e.src.Status == crosscheck.SourceActive {
		w.schedule(e, w.nextDue(e), now)
	}
	w.signal()
}

// adopt makes s, the outcome of a check, the entry's source, keeping what
// the user changed meanwhile. w.mu is held.
func (w *Watcher) adopt(e *entry, s *crosscheck.Source) {
	if e.src.Status != crosscheck.SourceActive {
		s.Status = e.src.Status
	}
	s.Interval, s.Category = e.src.Interval, e.src.Category
	e.src = s
	e.host = sourceHost(s.URL)
}

// Sources returns the sources as the watcher holds them, with their
// counters, by ID.
func (w *Watcher) Sources() []SourceState {
	w.mu.Lock()
	out := make([]SourceState, 0, len(w.entries))
	for _, e := range w.entries {
		cp := *e.src
		st := SourceState{SourceView: cp.View(), Checking: e.running}
		if sub := w.subs[e.src.ID]; sub != nil && sub.expires.After(w.opts.Now()) {
			st.PushedUntil = sub.expires
		}
		out = append(out, st)
	}
	w.mu.Unlock()
	for i := range out {
		out[i].Counters = w.stats.get(out[i].ID)
	}
	sortStates(out)
	return out
}

// SourceState is a source with what the watcher counted since it started.
type SourceState struct {
	crosscheck.SourceView
	// Checking is true while a check runs.
	Checking bool `json:"checking,omitempty"`
	// PushedUntil is when the WebSub lease ends, when the hub pushes.
	PushedUntil time.Time `json:"websub_until,omitzero"`
	// Counters since the watcher started.
	Counters Counters `json:"counters"`
}

// dueHeap orders entries by due time.
type dueHeap []*entry

func (h dueHeap) Len() int           { return len(h) }
func (h dueHeap) Less(i, j int) bool { return h[i].due.Before(h[j].due) }
func (h dueHeap) Swap(i, j int) {
	h[i], h[j] = h[j], h[i]
	h[i].index, h[j].index = i, j
}
func (h *dueHeap) Push(x any) {
	e := x.(*entry)
	e.index = len(*h)
	*h = append(*h, e)
}
func (h *dueHeap) Pop() any {
	old := *h
	e := old[len(old)-1]
	old[len(old)-1] = nil
	*h = old[:len(old)-1]
	e.index = -1
	return e
}

func (w *Watcher) checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) > w.opts.MaxRedirects {
		return fmt.Errorf("stopped after %d redirects (a redirect loop?)", w.opts.MaxRedirects)
	}
	if s := req.URL.Scheme; s != "http" && s != "https" {
		return fmt.Errorf("redirected to unsupported scheme %q", s)
	}
	if tr, ok := req.Context().Value(traceKey{}).(*redirectTrace); ok {
		code := 0
		if req.Response != nil {
			code = req.Response.StatusCode
		}
		if code != http.StatusMovedPermanently && code != http.StatusPermanentRedirect {
			tr.permanent = false
		}
		if tr.permanent {
			tr.final = req.URL.String()
		}
	}
	return nil
}

type traceKey struct{}

// redirectTrace follows a feed request's redirects: while they are all
// permanent, final is where the feed now lives.
type redirectTrace struct {
	permanent bool
	final     string
}
