package web

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

func TestPagesOverTheCorpus(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	id := f.parisStory(t)
	arts, _, err := f.db.Articles(t.Context(), crosscheckFilter())
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		path   string
		status int
		want   []string
	}{
		{"/", 200, []string{`href="/stories/` + id + `"`, `href="/add"`}},
		{"/?q=Witkoff", 200, []string{`href="/stories/` + id + `"`}},
		{"/?q=zzyzxqwv", 200, []string{"No stories match these filters"}},
		{"/?since=2025-09-01&until=2025-09-30&outlet=", 200, []string{`href="/stories/` + id + `"`}},
		{"/?since=soon", 400, []string{"since must be a date like 2025-09-04"}},
		{"/stories/" + id, 200, []string{`id="story-title"`, `id="matrix"`, `id="coverage"`}},
		{"/stories/nope", 404, []string{"404 Not Found"}},
		{"/articles/" + arts[0].ID, 200, []string{`id="article-body"`, `href="/stories/`}},
		{"/articles/nope", 404, []string{"404 Not Found"}},
		{"/search?q=Witkoff", 200, []string{`href="/articles/`}},
		{"/search?q=%22unbalanced", 200, nil},
		{"/add", 200, []string{`enctype="multipart/form-data"`, "are refused"}},
		{"/no/such/page", 404, []string{"There is no page at this address."}},
		{"/static/app.js", 200, []string{"DOMContentLoaded"}},
		{"/static/", 404, nil},
		{"/static/../server.go", 404, nil},
	} {
		t.Run(tc.path, func(t *testing.T) {
			resp, b := get(t, f.http.URL+tc.path)
			body := string(b)
			if resp.StatusCode != tc.status && !(tc.path == "/search?q=%22unbalanced" && resp.StatusCode == 400) {
				t.Fatalf("status %d, want %d: %.300s", resp.StatusCode, tc.status, body)
			}
			for _, w := range tc.want {
				if !strings.Contains(body, w) {
					t.Errorf("page lacks %q", w)
				}
			}
		})
	}
}

func TestAddPageErrors(t *testing.T) {
	f := newFixture(t, fixtureOptions{maxUpload: 64 << 10})
	for _, tc := range []struct {
		name   string
		form   string
		status int
		want   string
	}{
		{"empty", "text=+", 400, "Nothing to add"},
		{"bad URL", "urls=ftp%3A%2F%2Fexample.com%2Fx", 400, "is not an http or https URL"},
		{"private URL", "urls=" + f.http.URL + "%2Fapi%2Fopenapi.json", 422, "Nothing was added"},
		{"bad date", "text=Some+words+here.&published=tomorrow", 400, "is not a date like"},
		{"too large", "text=" + strings.Repeat("a", 70<<10), 413, "larger than"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := post(t, f.http.URL+"/add", "application/x-www-form-urlencoded", []byte(tc.form))
			job := strings.HasPrefix(resp.Request.URL.Path, "/jobs/")
			if job {
				// A valid request runs as a job: wait for its page to say how it ended.
				resp, b = waitJob(t, resp.Request.URL.String())
			}
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %.500s", resp.StatusCode, tc.status, b)
			}
			if !strings.Contains(string(b), tc.want) {
				t.Errorf("page lacks %q", tc.want)
			}
			if !job && !strings.Contains(string(b), `<form class="add"`) {
				t.Error("the form is not shown again")
			}
			if job && !strings.Contains(string(b), `href="/add"`) {
				t.Error("the job page does not lead back to the form")
			}
		})
	}
}

// TestFetchURLAndFeed adds a page and a feed by URL from a local server,
// allowed here by AllowPrivateFetch.
func TestFetchURLAndFeed(t *testing.T) {
	f := newFixture(t, fixtureOptions{allowLocal: true})
	page := `<!doctype html><html><head><title>Harbour bridge reopens after repairs</title>
<meta name="author" content="Test Author"><meta property="og:site_name" content="Local Test News"></head>
<body><article><h1>Harbour bridge reopens after repairs</h1>
<p>The harbour bridge reopened on Monday after six weeks of repairs, the city council said in a statement.</p>
<p>Engineers replaced 40 steel cables and resurfaced the deck, according to the council, which put the cost at 12 million euros.</p>
<p>Traffic was light in the first hours, a police spokesperson said, and buses will return to the route on Wednesday.</p>
</article></body></html>`
	var origin string
	site := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/bridge.html", "/bridge2.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			if r.URL.Path == "/bridge2.html" {
				fmt.Fprint(w, strings.Replace(page, "six weeks", "seven weeks", 1))
				return
			}
			fmt.Fprint(w, page)
		case "/feed.xml":
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Local Test News</title><link>%s/</link>
<item><title>Harbour bridge reopens</title><link>%s/bridge2.html</link><pubDate>Mon, 06 Oct 2025 09:00:00 GMT</pubDate></item>
</channel></rss>`, origin, origin)
		default:
			http.NotFound(w, r)
		}
	}))
	defer site.Close()
	origin = site.URL

	resp, b := post(t, f.http.URL+"/api/ingest", "application/json", []byte(`{"url": "`+site.URL+`/bridge.html"}`))
	if resp.StatusCode != 200 {
		t.Fatalf("add page by URL: %d %s", resp.StatusCode, b)
	}
	res := decode[apiIngestResponse](t, b)
	if res.Ingested != 1 || len(res.Articles) != 1 || res.Articles[0].URL == "" {
		t.Fatalf("add page by URL: %+v", res)
	}
	resp, b = post(t, f.http.URL+"/api/ingest", "application/json", []byte(`{"urls": ["`+site.URL+`/feed.xml"]}`))
	if resp.StatusCode != 200 {
		t.Fatalf("add feed by URL: %d %s", resp.StatusCode, b)
	}
	if res := decode[apiIngestResponse](t, b); res.Ingested+res.Duplicates != 1 {
		t.Errorf("add feed: %+v, want its one item", res)
	}
}

// waitJob polls a job page until the job is done.
func waitJob(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	deadline := time.Now().Add(60 * time.Second)
	for {
		resp, b := get(t, u)
		if !strings.Contains(string(b), `http-equiv="refresh"`) || time.Now().After(deadline) {
			return resp, b
		}
		time.Sleep(50 * time.Millisecond)
	}
}
