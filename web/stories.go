package web

import (
	"fmt"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// listQuery is the parsed query of a story or article list.
type listQuery struct {
	Q, Outlet, Story, Since, Until string
	Offset, Limit                  int
	since, until                   *time.Time
}

// parseList reads q, outlet, story, since, until (YYYY-MM-DD, until
// inclusive), offset and limit; limit is capped at maxLimit.
func parseList(v url.Values, defLimit, maxLimit int) (listQuery, error) {
	q := listQuery{
		Q:      strings.TrimSpace(v.Get("q")),
		Outlet: strings.TrimSpace(v.Get("outlet")),
		Story:  strings.TrimSpace(v.Get("story")),
		Since:  strings.TrimSpace(v.Get("since")),
		Until:  strings.TrimSpace(v.Get("until")),
		Limit:  defLimit,
	}
	if len(q.Q) > 500 {
		return q, crosscheck.Errorf(crosscheck.EINVALID, "The search is too long: use at most 500 characters.")
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

func (q listQuery) storyFilter() crosscheck.StoryFilter {
	f := crosscheck.StoryFilter{Since: q.since, Until: q.until, Offset: q.Offset, Limit: q.Limit}
	if q.Outlet != "" {
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
	for k, s := range map[string]string{"q": q.Q, "outlet": q.Outlet, "since": q.Since, "until": q.Until} {
		if s != "" {
			v.Set(k, s)
		}
	}
	return v
}

type storyRow struct {
	Story *crosscheck.Story
	// Conflicts and Claims are known once the story was analysed.
	Conflicts, Claims int
	Analysed          bool
}

type storiesData struct {
	Query  listQuery
	Rows   []storyRow
	Paging paging
}

func (s *Server) handleStories(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), s.cfg.PageSize, s.cfg.PageSize)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	// The most requested page: reuse it while neither the list nor the
	// counts it shows changed.
	key := listKey(q.storyFilter())
	gen := s.reports.generation()
	if b := s.lists.page(key, gen); b != nil {
		writeHTML(w, http.StatusOK, b)
		return
	}
	stories, total, err := s.lists.stories(r.Context(), q.storyFilter())
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	d := storiesData{Query: q, Paging: makePaging(q.values(), q.Offset, q.Limit, total)}
	complete := true
	for _, st := range stories {
		row := storyRow{Story: st}
		if c, ok := s.reports.countsOf(st); ok {
			row.Conflicts, row.Claims, row.Analysed = c.conflicts, c.claims, true
		} else {
			complete = false
			s.reports.enqueue(st)
		}
		d.Rows = append(d.Rows, row)
	}
	b, err := s.renderBytes("stories.html", page{Title: "Stories", Nav: "stories", Data: d})
	if err != nil {
		s.renderError(w, r, fmt.Errorf("render stories: %w", err))
		return
	}
	if complete {
		s.lists.setPage(key, gen, b)
	}
	writeHTML(w, http.StatusOK, b)
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
