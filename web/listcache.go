package web

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// listCache keeps story list results for a short time: the list is the
// most requested page and the store answers it with a count over every
// story. Adding through this server clears it at once; additions by another
// process (the CLI) show within listTTL.
type listCache struct {
	src Stories
	ttl time.Duration

	mu      sync.Mutex
	entries map[string]listEntry
	pages   map[string]listPage
}

// listPage is a rendered story list page, valid while the story list and
// the analysis counts it shows are unchanged.
type listPage struct {
	body []byte
	gen  uint64
	at   time.Time
}

type listEntry struct {
	stories []*crosscheck.Story
	total   int
	at      time.Time
}

const maxListEntries = 256

func newListCache(src Stories, ttl time.Duration) *listCache {
	return &listCache{src: src, ttl: ttl, entries: map[string]listEntry{}, pages: map[string]listPage{}}
}

func listKey(f crosscheck.StoryFilter) string {
	s := func(p *string) string {
		if p == nil {
			return "\x00"
		}
		return *p
	}
	t := func(p *time.Time) int64 {
		if p == nil {
			return -1
		}
		return p.UnixNano()
	}
	outlets := "\x00"
	if f.Outlets != nil {
		outlets = strings.Join(f.Outlets, "\x01")
	}
	return fmt.Sprintf("%q|%q|%q|%d|%d|%d|%d|%s|%t", s(f.Query), s(f.Outlet), outlets, t(f.Since), t(f.Until), f.Offset, f.Limit, f.Sort, f.HasConflicts)
}

// stories returns the stories f selects. The slice and stories are shared:
// callers must not modify them.
func (c *listCache) stories(ctx context.Context, f crosscheck.StoryFilter) ([]*crosscheck.Story, int, error) {
	if c.ttl <= 0 {
		return c.src.Stories(ctx, f)
	}
	key := listKey(f)
	now := time.Now()
	c.mu.Lock()
	e, ok := c.entries[key]
	c.mu.Unlock()
	if ok && now.Sub(e.at) < c.ttl {
		return e.stories, e.total, nil
	}
	ss, total, err := c.src.Stories(ctx, f)
	if err != nil {
		return nil, 0, err
	}
	c.mu.Lock()
	if len(c.entries) >= maxListEntries {
		clear(c.entries)
	}
	c.entries[key] = listEntry{stories: ss, total: total, at: now}
	c.mu.Unlock()
	return ss, total, nil
}

func (c *listCache) clear() {
	c.mu.Lock()
	clear(c.entries)
	clear(c.pages)
	c.mu.Unlock()
}

// page returns the rendered list page for key when it is fresh and was
// made at analysis generation gen.
func (c *listCache) page(key string, gen uint64) []byte {
	if c.ttl <= 0 {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	p, ok := c.pages[key]
	if !ok || p.gen != gen || time.Since(p.at) >= c.ttl {
		return nil
	}
	return p.body
}

func (c *listCache) setPage(key string, gen uint64, body []byte) {
	if c.ttl <= 0 {
		return
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if len(c.pages) >= maxListEntries {
		clear(c.pages)
	}
	c.pages[key] = listPage{body: body, gen: gen, at: time.Now()}
}
