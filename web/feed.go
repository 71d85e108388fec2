package web

import (
	"cmp"
	"encoding/xml"
	"net/http"
	"slices"
	"strings"
	"time"
)

// Atom feeds (RFC 4287) of the story list and of new conflicts, with the
// list's filters: a feed reader follows a search, an outlet or the stories
// with conflicts.

type atomFeed struct {
	XMLName xml.Name    `xml:"http://www.w3.org/2005/Atom feed"`
	Title   string      `xml:"title"`
	ID      string      `xml:"id"`
	Updated string      `xml:"updated"`
	Links   []atomLink  `xml:"link"`
	Author  atomAuthor  `xml:"author"`
	Entries []atomEntry `xml:"entry"`
}

type atomLink struct {
	Rel  string `xml:"rel,attr,omitempty"`
	Type string `xml:"type,attr,omitempty"`
	Href string `xml:"href,attr"`
}

type atomAuthor struct {
	Name string `xml:"name"`
}

type atomEntry struct {
	Title   string     `xml:"title"`
	ID      string     `xml:"id"`
	Updated string     `xml:"updated"`
	Links   []atomLink `xml:"link"`
	Summary atomText   `xml:"summary"`
}

type atomText struct {
	Type string `xml:"type,attr"`
	Body string `xml:",chardata"`
}

// feedEntries caps a feed.
const feedEntries = 50

// baseURL is the address the client used, for the absolute links a feed
// needs.
func baseURL(r *http.Request) string {
	scheme := "http"
	if r.TLS != nil {
		scheme = "https"
	}
	return scheme + "://" + r.Host
}

func (s *Server) writeFeed(w http.ResponseWriter, r *http.Request, f *atomFeed) {
	if f.Updated == "" {
		f.Updated = time.Unix(0, 0).UTC().Format(time.RFC3339)
	}
	f.Author = atomAuthor{Name: "crosscheck"}
	b, err := xml.MarshalIndent(f, "", "  ")
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	send(w, r, reply{ctype: "application/atom+xml; charset=utf-8", body: append([]byte(xml.Header), b...)})
}

func (s *Server) feedStories(w http.ResponseWriter, r *http.Request) {
	q, err := s.parseStoryList(r, feedEntries)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	q.Offset, q.Limit = 0, min(q.Limit, feedEntries)
	stories, _, err := s.lists.stories(r.Context(), q.storyFilter())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	base := baseURL(r)
	f := &atomFeed{Title: "crosscheck: stories" + feedFilters(q), ID: "urn:crosscheck:feed:stories?" + q.values().Encode(),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + r.URL.RequestURI()}, {Rel: "alternate", Type: "text/html", Href: base + "/?" + q.values().Encode()}}}
	counts := s.countsFor(r.Context(), stories)
	var newest time.Time
	for _, st := range stories {
		newest = later(newest, st.Updated)
		sum := countWord(st.Articles, "article", "articles") + " from " + countWord(len(st.Outlets), "outlet", "outlets")
		if len(st.Outlets) > 0 {
			sum += " (" + strings.Join(st.Outlets[:min(len(st.Outlets), 8)], ", ") + ")"
		}
		if c, ok := counts[st.ID]; ok {
			sum += "; " + countWord(c.conflicts, "conflict", "conflicts") + " among " + countWord(c.claims, "claim", "claims")
		}
		title := st.Title
		if title == "" {
			title = "Untitled story " + st.ID
		}
		f.Entries = append(f.Entries, atomEntry{Title: title, ID: "urn:crosscheck:story:" + st.ID, Updated: rfc3339(later(st.Updated, st.Created)),
			Links: []atomLink{{Rel: "alternate", Type: "text/html", Href: base + "/stories/" + st.ID}}, Summary: atomText{Type: "text", Body: sum + "."}})
	}
	f.Updated = rfc3339(newest)
	s.writeFeed(w, r, f)
}

// feedConflicts lists the conflicts of the stories the filters select that
// have any, newest first. A conflict's time is when it appeared: when the
// last of its values was first stored.
func (s *Server) feedConflicts(w http.ResponseWriter, r *http.Request) {
	q, err := s.parseStoryList(r, feedEntries)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	q.Offset, q.Limit = 0, 20
	f := q.storyFilter()
	if s.cfg.Catalog != nil {
		f.HasConflicts = true
	}
	stories, _, err := s.lists.stories(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	base := baseURL(r)
	feed := &atomFeed{Title: "crosscheck: new conflicts" + feedFilters(q), ID: "urn:crosscheck:feed:conflicts?" + q.values().Encode(),
		Links: []atomLink{{Rel: "self", Type: "application/atom+xml", Href: base + r.URL.RequestURI()}}}
	type dated struct {
		e atomEntry
		t time.Time
	}
	var all []dated
	for _, st := range stories {
		rep, err := s.reports.get(r.Context(), st)
		if err != nil {
			continue
		}
		ix, _ := indexArticles(rep)
		for i := range rep.Conflicts {
			c := &rep.Conflicts[i]
			key := stableKey(conflictCitations(c), ix.ingested)
			var appeared time.Time
			var lines []string
			for _, v := range c.Variants {
				var first time.Time
				var outlets []string
				for _, src := range v.Sources {
					if t := ix.ingested[src.Article]; first.IsZero() || t.Before(first) {
						first = t
					}
					if l := ix.label[src.Article].String(); !slices.Contains(outlets, l) {
						outlets = append(outlets, l)
					}
				}
				appeared = later(appeared, first)
				lines = append(lines, v.Value+" ("+strings.Join(outlets, ", ")+")")
			}
			title := c.About
			if title == "" {
				title = "Conflicting values"
			}
			all = append(all, dated{t: appeared, e: atomEntry{
				Title: title + ": " + strings.Join(lines, " vs "), ID: "urn:crosscheck:conflict:" + st.ID + ":" + key, Updated: rfc3339(appeared),
				Links:   []atomLink{{Rel: "alternate", Type: "text/html", Href: base + "/stories/" + st.ID + "/conflicts/" + key}},
				Summary: atomText{Type: "text", Body: "In “" + st.Title + "”: " + strings.Join(lines, "; ") + "."},
			}})
		}
	}
	slices.SortStableFunc(all, func(a, b dated) int { return cmp.Compare(b.t.UnixNano(), a.t.UnixNano()) })
	for i, d := range all {
		if i >= feedEntries {
			break
		}
		if i == 0 {
			feed.Updated = d.e.Updated
		}
		feed.Entries = append(feed.Entries, d.e)
	}
	s.writeFeed(w, r, feed)
}

func feedFilters(q listQuery) string {
	var parts []string
	if q.Q != "" {
		parts = append(parts, "“"+q.Q+"”")
	}
	if q.Outlet != "" {
		parts = append(parts, "outlet "+q.Outlet)
	}
	if q.Since != "" || q.Until != "" {
		parts = append(parts, strings.TrimSpace(q.Since+" to "+q.Until))
	}
	if len(parts) == 0 {
		return ""
	}
	return " (" + strings.Join(parts, ", ") + ")"
}
