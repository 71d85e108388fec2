package ingest_test

import (
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
)

// feedServer serves feeds and item pages; hits counts requests per path.
type feedServer struct {
	*httptest.Server
	mu   sync.Mutex
	hits map[string]int
}

func newFeedServer(t *testing.T, routes map[string]struct{ ctype, body string }) *feedServer {
	fs := &feedServer{hits: map[string]int{}}
	fs.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.mu.Lock()
		fs.hits[r.URL.Path]++
		fs.mu.Unlock()
		rt, ok := routes[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", rt.ctype)
		w.Write([]byte(strings.ReplaceAll(rt.body, "BASE", fs.URL)))
	}))
	t.Cleanup(fs.Close)
	return fs
}

func (fs *feedServer) count(path string) int {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	return fs.hits[path]
}

const rssFeed = `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:dc="http://purl.org/dc/elements/1.1/">
<channel>
  <title>Harbour Gazette</title>
  <link>BASE/</link>
  <language>en-us</language>
  <item>
    <title>Ferry line to open</title>
    <link>BASE/ferry</link>
    <description>The ferry line opens in May.</description>
    <dc:creator>Ola Kern</dc:creator>
    <pubDate>Tue, 04 Mar 2031 10:00:00 GMT</pubDate>
  </item>
  <item>
    <title>Pier repaired</title>
    <link>BASE/pier</link>
    <description>Short teaser.</description>
    <content:encoded><![CDATA[<p>The north pier of Velmora was repaired in three weeks, the port said.</p>PIERTEXT]]></content:encoded>
  </item>
  <item>
    <title>Quay</title>
    <link>BASE/quay-gone</link>
    <content:encoded><![CDATA[<p>The quay reopened; its page is missing, so this short content stands.</p>]]></content:encoded>
  </item>
  <item>
    <title>Gone page</title>
    <link>BASE/gone</link>
    <description>This item's page is missing.</description>
  </item>
  <item>
    <title>Relative link</title>
    <link>/lighthouse</link>
    <description>Teaser for the lighthouse.</description>
  </item>
</channel>
</rss>`

const ferryPage = `<html><head><title>Ferry line to open</title></head><body>
<nav>Home | World</nav><article><p>The harbour authority of Velmora said the new ferry line would open in May, carrying 2,000 passengers a day.</p></article></body></html>`

func TestFeedSummaryItemsFetchPages(t *testing.T) {
	fs := newFeedServer(t, map[string]struct{ ctype, body string }{
		"/feed.rss":   {"application/rss+xml", strings.Replace(rssFeed, "PIERTEXT", strings.Repeat("<p>More on the repair works and the crews at the pier.</p>", 30), 1)},
		"/ferry":      {"text/html; charset=utf-8", ferryPage},
		"/pier":       {"text/html", "<p>pier page: must not be fetched</p>"},
		"/lighthouse": {"text/html", "<p>The lighthouse of Velmora got a new lamp.</p>"},
	})
	got := collect(t, ingest.New(ingest.Options{}).All(t.Context(), []string{fs.URL + "/feed.rss"}))
	want := []string{
		"doc " + fs.URL + "/ferry",
		"doc " + fs.URL + "/pier",
		"doc " + fs.URL + "/quay-gone",
		"err " + fs.URL + "/gone",
		"doc " + fs.URL + "/lighthouse",
	}
	if g, w := strings.Join(names(got), "\n"), strings.Join(want, "\n"); g != w {
		t.Fatalf("results:\n%s\nwant:\n%s", g, w)
	}
	ferry := got[0].doc
	if ferry.Format != crosscheck.FormatHTML || !strings.Contains(string(ferry.Body), "2,000 passengers") {
		t.Errorf("ferry: %s %q, want the fetched page", ferry.Format, ferry.Body)
	}
	wantMeta := crosscheck.Meta{Title: "Ferry line to open", Outlet: "Harbour Gazette", Author: "Ola Kern", Language: "en",
		Published: time.Date(2031, 3, 4, 10, 0, 0, 0, time.UTC)}
	if !ferry.Meta.Published.Equal(wantMeta.Published) {
		t.Errorf("published %v, want %v", ferry.Meta.Published, wantMeta.Published)
	}
	ferry.Meta.Published = wantMeta.Published
	if ferry.Meta != wantMeta {
		t.Errorf("meta %+v, want %+v", ferry.Meta, wantMeta)
	}
	pier := got[1].doc
	if !strings.Contains(string(pier.Body), "north pier") || fs.count("/pier") != 0 {
		t.Errorf("pier: body %q, page fetched %d times; want the feed content, no fetch", pier.Body, fs.count("/pier"))
	}
	if b := string(got[2].doc.Body); !strings.Contains(b, "short content stands") || fs.count("/quay-gone") != 1 {
		t.Errorf("quay: body %q, page fetched %d times; want one try, then the feed's short content", b, fs.count("/quay-gone"))
	}
	if e := got[3].err.Error(); !strings.Contains(e, "404") || !strings.Contains(e, "only a summary") {
		t.Errorf("gone: %q", e)
	}
	if !strings.Contains(string(got[4].doc.Body), "new lamp") {
		t.Errorf("relative link: %q", got[4].doc.Body)
	}

	// With SkipItemPages the summaries are the bodies and nothing is fetched.
	before := fs.count("/ferry")
	got = collect(t, ingest.New(ingest.Options{SkipItemPages: true}).All(t.Context(), []string{fs.URL + "/feed.rss"}))
	if len(got) != 5 || got[0].doc == nil || string(got[0].doc.Body) != "The ferry line opens in May." {
		t.Fatalf("skip item pages: %v", names(got))
	}
	if fs.count("/ferry") != before {
		t.Error("an item page was fetched with SkipItemPages")
	}
}

func TestFeedFormats(t *testing.T) {
	atom := `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Valley Times</title><id>urn:v</id><updated>2031-05-01T10:00:00Z</updated>
  <entry><title>Mill reopens</title><id>urn:v:1</id><link href="BASE/mill"/>
    <published>2031-05-01T09:00:00Z</published><author><name>Ada Brenn</name></author>
    <content type="html">&lt;p&gt;The old mill in Lerrin reopened on Saturday.&lt;/p&gt;</content></entry>
  <entry><title>No link</title><id>urn:v:2</id><updated>2031-05-02T09:00:00Z</updated>
    <content type="text">Plain text content about the valley road.</content></entry>
</feed>`
	jsonFeed := `{"version": "https://jsonfeed.org/version/1.1", "title": "Coast Wire", "language": "de",
 "items": [
  {"id": "1", "url": "BASE/tide", "title": "High tide", "content_text": "The tide reached a record height at Kelby.", "date_published": "2031-02-01T06:00:00Z", "authors": [{"name": "Jo Marr"}]},
  {"id": "2", "url": "BASE/dune", "title": "Dune", "summary": "Teaser about the dunes."}
 ]}`
	cp1251Feed := string(encode(t, charmap.Windows1251, `<rss version="2.0"><channel><title>Вести Вельска</title>
<item><title>Мост открыт</title><guid>m1</guid><description>Новый мост в Вельске открыли в субботу, сообщили в мэрии.</description></item>
</channel></rss>`))
	fs := newFeedServer(t, map[string]struct{ ctype, body string }{
		"/atom":       {"application/atom+xml", atom},
		"/feed.json":  {"application/feed+json", jsonFeed},
		"/dune":       {"text/html", "<p>The dunes of Kelby move a metre a year.</p>"},
		"/cp1251":     {"application/rss+xml; charset=windows-1251", cp1251Feed},
		"/broken":     {"application/rss+xml", `<rss version="2.0"><channel><item><title>cut off`},
		"/xml":        {"application/xml", `<?xml version="1.0"?><sitemap><url>x</url></sitemap>`},
		"/empty-feed": {"application/rss+xml", `<rss version="2.0"><channel><title>Nothing</title></channel></rss>`},
	})
	u := fs.URL
	tests := []struct {
		path  string
		want  []string // result names
		check func(t *testing.T, rs []result)
	}{
		{"/atom", []string{"doc " + u + "/mill", "doc " + u + "/atom#urn:v:2"}, func(t *testing.T, rs []result) {
			m := rs[0].doc
			if m.Meta.Outlet != "Valley Times" || m.Meta.Author != "Ada Brenn" || m.Format != crosscheck.FormatHTML ||
				!strings.Contains(string(m.Body), "old mill") || m.Meta.Published.IsZero() {
				t.Errorf("atom entry: %+v %s %q", m.Meta, m.Format, m.Body)
			}
			if d := rs[1].doc; d.Format != crosscheck.FormatText || d.URL != "" {
				t.Errorf("text entry: %s url %q", d.Format, d.URL)
			}
		}},
		{"/feed.json", []string{"doc " + u + "/tide", "doc " + u + "/dune"}, func(t *testing.T, rs []result) {
			tide := rs[0].doc
			if tide.Meta.Outlet != "Coast Wire" || tide.Meta.Language != "de" || tide.Meta.Author != "Jo Marr" ||
				tide.Format != crosscheck.FormatText || !strings.Contains(string(tide.Body), "record height") {
				t.Errorf("json item: %+v %s %q", tide.Meta, tide.Format, tide.Body)
			}
			if !strings.Contains(string(rs[1].doc.Body), "a metre a year") {
				t.Errorf("summary-only json item: %q, want its page", rs[1].doc.Body)
			}
		}},
		{"/cp1251", []string{"doc " + u + "/cp1251#m1"}, func(t *testing.T, rs []result) {
			d := rs[0].doc
			if d.Meta.Outlet != "Вести Вельска" || d.Meta.Title != "Мост открыт" || !strings.Contains(string(d.Body), "Новый мост") {
				t.Errorf("cp1251 feed: %+v %q", d.Meta, d.Body)
			}
		}},
		{"/broken", []string{"err " + u + "/broken"}, nil},
		{"/xml", []string{"err " + u + "/xml"}, func(t *testing.T, rs []result) {
			if !strings.Contains(rs[0].err.Error(), "not an RSS, Atom or JSON Feed") {
				t.Errorf("xml: %v", rs[0].err)
			}
		}},
		{"/empty-feed", []string{"err " + u + "/empty-feed"}, func(t *testing.T, rs []result) {
			if !strings.Contains(rs[0].err.Error(), "no items") {
				t.Errorf("empty feed: %v", rs[0].err)
			}
		}},
	}
	rd := ingest.New(ingest.Options{})
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			got := collect(t, rd.FetchURL(t.Context(), u+tt.path))
			if g, w := strings.Join(names(got), "\n"), strings.Join(tt.want, "\n"); g != w {
				t.Fatalf("results:\n%s\nwant:\n%s", g, w)
			}
			if tt.check != nil {
				tt.check(t, got)
			}
		})
	}
}

// A feed of many summary-only items: pages are fetched concurrently but
// yielded in feed order, and breaking out stops the fetching.
func TestFeedOrderAndEarlyStop(t *testing.T) {
	var items strings.Builder
	routes := map[string]struct{ ctype, body string }{}
	for i := range 20 {
		p := "/item" + string(rune('a'+i))
		items.WriteString(`<item><title>t</title><link>BASE` + p + `</link><description>teaser</description></item>`)
		routes[p] = struct{ ctype, body string }{"text/html", "<p>Page " + p + " has its own text.</p>"}
	}
	routes["/feed"] = struct{ ctype, body string }{"application/rss+xml", `<rss version="2.0"><channel><title>Many</title>` + items.String() + `</channel></rss>`}
	fs := newFeedServer(t, routes)

	got := collect(t, ingest.New(ingest.Options{Concurrency: 8}).All(t.Context(), []string{fs.URL + "/feed"}))
	if len(got) != 20 {
		t.Fatalf("got %d results", len(got))
	}
	for i, r := range got {
		p := "/item" + string(rune('a'+i))
		if r.doc == nil || r.doc.Source != fs.URL+p || !strings.Contains(string(r.doc.Body), "Page "+p+" ") {
			t.Fatalf("result %d: %v, want %s", i, r, p)
		}
	}

	n := 0
	for range ingest.New(ingest.Options{Concurrency: 2}).All(t.Context(), []string{fs.URL + "/feed"}) {
		if n++; n == 2 {
			break
		}
	}
	if c := fs.count("/itemt"); c != 1 {
		t.Errorf("the last page was fetched %d times after an early stop, want 1 (from the first run)", c)
	}
}
