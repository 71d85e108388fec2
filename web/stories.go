package web

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/crosscheck-news/crosscheck"
)

// listQuery is the parsed query of a story or article list.
type listQuery struct {
	Q, Outlet, Story, Since, Until string
	Sort                           string
	HasConflicts                   bool
	Offset, Limit                  int
	since, until                   *time.Time
	// outlets are the known outlets Outlet matches loosely; nil when
	// Outlet is empty or no catalog is known.
	outlets []string
}

// parseList reads q, outlet, story, since, until (YYYY-MM-DD, until
// inclusive), sort, has_conflicts, offset and limit; limit is capped at
// maxLimit.
func parseList(v url.Values, defLimit, maxLimit int) (listQuery, error) {
	q := listQuery{
		Q:      strings.TrimSpace(v.Get("q")),
		Outlet: strings.TrimSpace(v.Get("outlet")),
		Story:  strings.TrimSpace(v.Get("story")),
		Since:  strings.TrimSpace(v.Get("since")),
		Until:  strings.TrimSpace(v.Get("until")),
		Sort:   strings.TrimSpace(v.Get("sort")),
		Limit:  defLimit,
	}
	if len(q.Q) > 500 {
		return q, crosscheck.Errorf(crosscheck.EINVALID, "The search is too long: use at most 500 characters.")
	}
	if q.Sort != "" && !slices.Contains(crosscheck.StorySorts, q.Sort) {
		return q, crosscheck.Errorf(crosscheck.EINVALID, "sort must be one of %s, not %q.", strings.Join(crosscheck.StorySorts, ", "), q.Sort)
	}
	switch h := strings.ToLower(strings.TrimSpace(v.Get("has_conflicts"))); h {
	case "", "0", "false", "no", "off":
	case "1", "true", "yes", "on":
		q.HasConflicts = true
	default:
		return q, crosscheck.Errorf(crosscheck.EINVALID, "has_conflicts must be true or false, not %q.", h)
	}
	if s := v.Get("offset"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 0 {
			return q, crosscheck.Errorf(crosscheck.EINVALID, "offset must be a whole number of 0 or more, not %q.", s)
		}
		q.Offset = n
	}
	if s := v.Get("limit"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			return q, crosscheck.Errorf(crosscheck.EINVALID, "limit must be a whole number of 1 or more, not %q.", s)
		}
		q.Limit = min(n, maxLimit)
	}
	for _, d := range []struct {
		name, val string
		dst       **time.Time
		add       int
	}{{"since", q.Since, &q.since, 0}, {"until", q.Until, &q.until, 1}} {
		if d.val == "" {
			continue
		}
		t, err := time.Parse(time.DateOnly, d.val)
		if err != nil {
			return q, crosscheck.Errorf(crosscheck.EINVALID, "%s must be a date like 2025-09-04, not %q.", d.name, d.val)
		}
		t = t.AddDate(0, 0, d.add)
		*d.dst = &t
	}
	return q, nil
}

// parseStoryList is parseList with the outlet matched loosely against the
// known outlets.
func (s *Server) parseStoryList(r *http.Request, maxLimit int) (listQuery, error) {
	q, err := parseList(r.URL.Query(), s.cfg.PageSize, maxLimit)
	if err != nil {
		return q, err
	}
	if q.Outlet != "" && s.cfg.Catalog != nil {
		q.outlets = []string{}
		for _, o := range matchOutlets(s.outlets.all(r.Context()), q.Outlet) {
			q.outlets = append(q.outlets, o.Outlet)
		}
	}
	return q, nil
}

func (q listQuery) storyFilter() crosscheck.StoryFilter {
	f := crosscheck.StoryFilter{Since: q.since, Until: q.until, Offset: q.Offset, Limit: q.Limit, Sort: q.Sort, HasConflicts: q.HasConflicts}
	switch {
	case q.outlets != nil:
		f.Outlets = q.outlets
	case q.Outlet != "":
		f.Outlet = &q.Outlet
	}
	if q.Q != "" {
		f.Query = &q.Q
	}
	return f
}

func (q listQuery) articleFilter() crosscheck.ArticleFilter {
	f := crosscheck.ArticleFilter{Since: q.since, Until: q.until, Offset: q.Offset, Limit: q.Limit}
	if q.Outlet != "" {
		f.Outlet = &q.Outlet
	}
	if q.Story != "" {
		f.StoryID = &q.Story
	}
	return f
}

// values returns the query's filters as URL values, for paging links.
func (q listQuery) values() url.Values {
	v := url.Values{}
	for k, s := range map[string]string{"q": q.Q, "outlet": q.Outlet, "since": q.Since, "until": q.Until, "sort": q.Sort} {
		if s != "" {
			v.Set(k, s)
		}
	}
	if q.HasConflicts {
		v.Set("has_conflicts", "1")
	}
	return v
}

// Filtered reports whether any filter is set.
func (q listQuery) Filtered() bool {
	return q.Q != "" || q.Outlet != "" || q.Since != "" || q.Until != "" || q.HasConflicts
}

// outletKey folds an outlet name for loose matching: lower case, letters
// and digits only ("Pravda.Ru" -> "pravdaru").
func outletKey(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		if unicode.IsLetter(r) || unicode.IsNumber(r) {
			b.WriteRune(r)
		}
	}
	return b.String()
}

// matchOutlets returns the outlets whose name holds q loosely: "Pravda"
// finds "Pravda.Ru", "new york times" finds "The New York Times".
func matchOutlets(all []crosscheck.OutletCount, q string) []crosscheck.OutletCount {
	k := outletKey(q)
	if k == "" {
		return nil
	}
	var out []crosscheck.OutletCount
	for _, o := range all {
		if strings.Contains(outletKey(o.Outlet), k) {
			out = append(out, o)
		}
	}
	return out
}

// outletCache keeps the known outlets for a short while: the list's
// outlet filter and its suggestions read them on every request.
type outletCache struct {
	src Catalog
	ttl time.Duration

	mu   sync.Mutex
	list []crosscheck.OutletCount
	at   time.Time
}

func (c *outletCache) all(ctx context.Context) []crosscheck.OutletCount {
	if c.src == nil {
		return nil
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.list != nil && time.Since(c.at) < c.ttl {
		return c.list
	}
	list, err := c.src.Outlets(ctx)
	if err != nil {
		return c.list
	}
	c.list, c.at = nonNil(list), time.Now()
	return c.list
}

func (c *outletCache) clear() {
	c.mu.Lock()
	c.list = nil
	c.mu.Unlock()
}

type storyRow struct {
	Story *crosscheck.Story
	// Conflicts and Claims are known once the story was analysed.
	Conflicts, Claims int
	Analysed          bool
}

type storiesData struct {
	Query      listQuery
	Rows       []storyRow
	Paging     paging
	Sorts      []sortOption
	Outlets    []crosscheck.OutletCount
	Unanalysed int
	ReadOnly   bool
	Feed       string
}

type sortOption struct {
	Value, Label string
	On           bool
}

var sortLabels = map[string]string{
	crosscheck.SortLatest:    "Latest report",
	crosscheck.SortEvent:     "Event date",
	crosscheck.SortOutlets:   "Most outlets",
	crosscheck.SortConflicts: "Most conflicts",
}

func (s *Server) handleStories(w http.ResponseWriter, r *http.Request) {
	q, err := s.parseStoryList(r, s.cfg.PageSize)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	// The most requested page: reuse it while neither the list nor the
	// counts it shows changed.
	key := listKey(q.storyFilter())
	gen := s.reports.generation()
	if b := s.lists.page(key, gen); b != nil {
		s.sendHTML(w, r, http.StatusOK, b)
		return
	}
	stories, total, err := s.lists.stories(r.Context(), q.storyFilter())
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := storiesData{Query: q, Paging: makePaging(q.values(), q.Offset, q.Limit, total), ReadOnly: s.cfg.ReadOnly}
	for _, v := range crosscheck.StorySorts {
		d.Sorts = append(d.Sorts, sortOption{Value: v, Label: sortLabels[v], On: v == q.Sort || (q.Sort == "" && v == crosscheck.SortLatest)})
	}
	d.Outlets = s.outlets.all(r.Context())
	if len(d.Outlets) > 300 {
		d.Outlets = d.Outlets[:300]
	}
	if fq := q.values().Encode(); fq != "" {
		d.Feed = "?" + fq
	}
	if (q.HasConflicts || q.Sort == crosscheck.SortConflicts) && s.cfg.Catalog != nil {
		d.Unanalysed, _ = s.cfg.Catalog.Unanalysed(r.Context())
	}
	counts := s.countsFor(r.Context(), stories)
	complete := true
	for _, st := range stories {
		row := storyRow{Story: st}
		if c, ok := counts[st.ID]; ok {
			row.Conflicts, row.Claims, row.Analysed = c.conflicts, c.claims, true
		} else {
			complete = false
		}
		d.Rows = append(d.Rows, row)
	}
	b, err := s.renderBytes("stories.html", page{Title: "Stories", Nav: "stories", Data: d})
	if err != nil {
		s.renderError(w, r, fmt.Errorf("render stories: %w", err))
		return
	}
	if complete && d.Unanalysed == 0 {
		s.lists.setPage(key, gen, b)
	}
	s.sendHTML(w, r, http.StatusOK, b)
}

// countsFor returns the analysis counts of the given stories that are
// known, from memory or the store, and queues the others for analysis.
func (s *Server) countsFor(ctx context.Context, stories []*crosscheck.Story) map[string]storyCounts {
	out := map[string]storyCounts{}
	var missing []string
	for _, st := range stories {
		if c, ok := s.reports.countsOf(st); ok {
			out[st.ID] = c
		} else {
			missing = append(missing, st.ID)
		}
	}
	if len(missing) > 0 && s.cfg.Catalog != nil {
		if stored, err := s.cfg.Catalog.StoryCounts(ctx, missing); err == nil {
			for _, st := range stories {
				if c, ok := stored[st.ID]; ok && c.Articles == st.Articles && c.Updated.Equal(st.Updated) {
					sc := storyCounts{version: versionOf(st), conflicts: c.Conflicts, claims: c.Claims}
					out[st.ID] = sc
					s.reports.remember(st.ID, sc)
				}
			}
		}
	}
	for _, st := range stories {
		if _, ok := out[st.ID]; !ok {
			s.reports.enqueue(st)
		}
	}
	return out
}

type searchData struct {
	Query string
	Hits  []crosscheck.SearchHit
}

func (s *Server) handleSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), 50, 50)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := searchData{Query: q.Q}
	if q.Q != "" {
		if d.Hits, err = s.cfg.Articles.Search(r.Context(), q.Q, q.Limit); err != nil {
			s.renderError(w, r, err)
			return
		}
	}
	s.render(w, r, http.StatusOK, "search.html", page{Title: "Search", Nav: "search", Data: d})
}
