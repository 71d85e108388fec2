package web

import (
	"container/list"
	"context"
	"log/slog"
	"sync"

	"github.com/crosscheck-news/crosscheck"
)

// reportCache keeps recent story reports, since cross-checking a story is
// much slower than reading it. An entry is valid for one version of the
// story (its last update and article count), so articles added by another
// process are seen too; ingest through this server also drops the touched
// stories at once. It also remembers the conflict count of every story
// analysed, for the story list, and analyses listed stories in the
// background so that the list never waits for analysis.
type reportCache struct {
	src  Reporter
	size int
	// save keeps the counts of each analysis in the store; nil does not.
	save func(crosscheck.StoryCounts)

	mu       sync.Mutex
	lru      *list.List               // of *cacheEntry, most recent first
	entries  map[string]*list.Element // by story ID
	counts   map[string]storyCounts   // by story ID
	inflight map[string]*inflight     // by story ID
	pending  map[string]bool          // queued for warming

	queue chan *crosscheck.Story
	// gen counts changes to the cached reports and counts, so that pages
	// made from them know when they are stale.
	gen uint64
}

type cacheEntry struct {
	id      string
	version storyVersion
	report  *crosscheck.StoryReport
	// page is the rendered story page for report, once rendered.
	page []byte
}

type storyVersion struct {
	updated  int64
	articles int
}

type storyCounts struct {
	version   storyVersion
	conflicts int
	claims    int
}

type inflight struct {
	done   chan struct{}
	report *crosscheck.StoryReport
	err    error
}

// maxCounts bounds the conflict counts remembered: a few bytes each.
const maxCounts = 1 << 20

func newReportCache(size int, src Reporter) *reportCache {
	return &reportCache{
		src: src, size: size,
		lru: list.New(), entries: map[string]*list.Element{},
		counts: map[string]storyCounts{}, inflight: map[string]*inflight{},
		pending: map[string]bool{},
		queue:   make(chan *crosscheck.Story, 256),
	}
}

func versionOf(s *crosscheck.Story) storyVersion {
	return storyVersion{updated: s.Updated.UnixNano(), articles: s.Articles}
}

// get returns the report of story s (as just read from the store), from the
// cache when it is for this version of the story.
func (c *reportCache) get(ctx context.Context, s *crosscheck.Story) (*crosscheck.StoryReport, error) {
	v := versionOf(s)
	c.mu.Lock()
	if el, ok := c.entries[s.ID]; ok {
		e := el.Value.(*cacheEntry)
		if e.version == v {
			c.lru.MoveToFront(el)
			c.mu.Unlock()
			return e.report, nil
		}
	}
	if f, ok := c.inflight[s.ID]; ok {
		c.mu.Unlock()
		select {
		case <-f.done:
			return f.report, f.err
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
	f := &inflight{done: make(chan struct{})}
	c.inflight[s.ID] = f
	c.mu.Unlock()

	// The analysis is shared by every waiter: it must not die with the
	// first one's request, and the first one may stop waiting as the
	// others do (a slow analysis of a huge story fills the cache later).
	go func() {
		f.report, f.err = c.src.StoryReport(context.WithoutCancel(ctx), s.ID)
		c.mu.Lock()
		delete(c.inflight, s.ID)
		if f.err == nil {
			c.putLocked(s.ID, versionOf(&f.report.Story), f.report)
		}
		c.mu.Unlock()
		close(f.done)
		if f.err == nil && c.save != nil {
			st := f.report.Story
			c.save(crosscheck.StoryCounts{Story: s.ID, Updated: st.Updated, Articles: st.Articles, Claims: len(f.report.Claims), Conflicts: len(f.report.Conflicts)})
		}
	}()
	select {
	case <-f.done:
		return f.report, f.err
	case <-ctx.Done():
		return nil, ctx.Err()
	}
}

func (c *reportCache) putLocked(id string, v storyVersion, r *crosscheck.StoryReport) {
	if el, ok := c.entries[id]; ok {
		c.lru.Remove(el)
	}
	c.gen++
	c.entries[id] = c.lru.PushFront(&cacheEntry{id: id, version: v, report: r})
	for c.lru.Len() > c.size {
		el := c.lru.Back()
		c.lru.Remove(el)
		delete(c.entries, el.Value.(*cacheEntry).id)
	}
	if len(c.counts) >= maxCounts {
		clear(c.counts)
	}
	c.counts[id] = storyCounts{version: v, conflicts: len(r.Conflicts), claims: len(r.Claims)}
}

// page returns the rendered page of report r of story id, nil when it was
// not rendered (or r is no longer the cached report).
func (c *reportCache) page(id string, r *crosscheck.StoryReport) []byte {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[id]; ok && el.Value.(*cacheEntry).report == r {
		return el.Value.(*cacheEntry).page
	}
	return nil
}

// setPage keeps the rendered page of report r of story id.
func (c *reportCache) setPage(id string, r *crosscheck.StoryReport, b []byte) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if el, ok := c.entries[id]; ok && el.Value.(*cacheEntry).report == r {
		el.Value.(*cacheEntry).page = b
	}
}

// countsOf returns the counts for this version of s, if it was analysed.
func (c *reportCache) countsOf(s *crosscheck.Story) (storyCounts, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	n, ok := c.counts[s.ID]
	return n, ok && n.version == versionOf(s)
}

// remember keeps counts read from the store.
func (c *reportCache) remember(id string, sc storyCounts) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.counts) >= maxCounts {
		clear(c.counts)
	}
	c.counts[id] = sc
}

// generation returns a number that changes whenever a report or count does.
func (c *reportCache) generation() uint64 {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.gen
}

// enqueue asks for s to be analysed in the background; it never blocks.
func (c *reportCache) enqueue(s *crosscheck.Story) {
	c.mu.Lock()
	if c.pending[s.ID] {
		c.mu.Unlock()
		return
	}
	c.pending[s.ID] = true
	c.mu.Unlock()
	select {
	case c.queue <- s:
	default:
		c.mu.Lock()
		delete(c.pending, s.ID)
		c.mu.Unlock()
	}
}

// invalidate drops the reports of stories that changed.
func (c *reportCache) invalidate(ids []string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.gen++
	for _, id := range ids {
		if el, ok := c.entries[id]; ok {
			c.lru.Remove(el)
			delete(c.entries, id)
		}
		delete(c.counts, id)
	}
}

// warm analyses queued stories one at a time until ctx ends.
func (c *reportCache) warm(ctx context.Context, log *slog.Logger) {
	for {
		select {
		case <-ctx.Done():
			return
		case s := <-c.queue:
			if _, ok := c.countsOf(s); !ok {
				if _, err := c.get(ctx, s); err != nil && ctx.Err() == nil {
					log.Warn("analyse story", "story", s.ID, "err", err)
				}
			}
			c.mu.Lock()
			delete(c.pending, s.ID)
			c.mu.Unlock()
		}
	}
}
