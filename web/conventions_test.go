package web

import (
	"compress/gzip"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// The API conventions of issue 11, one test each.

func do(t *testing.T, method, u string, header map[string]string, body string) (*http.Response, []byte) {
	t.Helper()
	req, _ := http.NewRequestWithContext(t.Context(), method, u, strings.NewReader(body))
	for k, v := range header {
		req.Header.Set(k, v)
	}
	// The transport must not decompress: the test looks at the wire.
	tr := &http.Transport{DisableCompression: true}
	resp, err := (&http.Client{Transport: tr, CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse }}).Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp, b
}

func TestConventionProblemJSON(t *testing.T) {
	f := newFixture(t, fixtureOptions{maxUpload: 1 << 10})
	base := f.http.URL
	for _, tc := range []struct {
		name, method, path, ctype, body string
		header                          map[string]string
		status                          int
	}{
		{"404 unknown route", "GET", "/api/nothing", "", "", nil, 404},
		{"404 unknown story", "GET", "/api/stories/s-none", "", "", nil, 404},
		{"400 bad limit", "GET", "/api/stories?limit=0", "", "", nil, 400},
		{"400 bad sort", "GET", "/api/stories?sort=random", "", "", nil, 400},
		{"405 wrong method", "DELETE", "/api/stories", "", "", nil, 405},
		{"403 cross origin", "POST", "/api/ingest", "application/json", `{"text":"x"}`, map[string]string{"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"}, 403},
		{"413 too large", "POST", "/api/ingest", "application/json", `{"text":"` + strings.Repeat("a", 2<<10) + `"}`, nil, 413},
		{"415 media type", "POST", "/api/ingest", "text/plain", "hello", nil, 415},
		{"409 undo conflict", "POST", "/api/corrections/999/undo", "", "", nil, 404},
	} {
		t.Run(tc.name, func(t *testing.T) {
			h := map[string]string{"Content-Type": tc.ctype}
			for k, v := range tc.header {
				h[k] = v
			}
			resp, b := do(t, tc.method, base+tc.path, h, tc.body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, b)
			}
			if ct := resp.Header.Get("Content-Type"); ct != "application/problem+json" {
				t.Errorf("Content-Type %q", ct)
			}
			p := decode[problem](t, b)
			if p.Status != tc.status || p.Title == "" || p.Detail == "" || p.Code == "" || p.Type == "" {
				t.Errorf("problem %+v", p)
			}
		})
	}
	// 405 carries Allow, on the API and on pages.
	for _, path := range []string{"/api/stories", "/", "/api/ingest"} {
		resp, _ := do(t, "PUT", base+path, nil, "")
		if resp.StatusCode != 405 || resp.Header.Get("Allow") == "" {
			t.Errorf("PUT %s: %d, Allow %q", path, resp.StatusCode, resp.Header.Get("Allow"))
		}
	}
	if resp, _ := do(t, "PUT", base+"/api/stories", nil, ""); !strings.Contains(resp.Header.Get("Allow"), "GET") {
		t.Errorf("Allow %q lacks GET", resp.Header.Get("Allow"))
	}
}

// slowStories answers after the request's deadline.
type slowStories struct{ inner Stories }

func (s slowStories) Story(ctx context.Context, id string) (*crosscheck.Story, error) {
	return s.inner.Story(ctx, id)
}

func (s slowStories) Stories(ctx context.Context, f crosscheck.StoryFilter) ([]*crosscheck.Story, int, error) {
	<-ctx.Done()
	time.Sleep(10 * time.Millisecond)
	return nil, 0, ctx.Err()
}

func TestConvention503IsAProblem(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	s, err := New(Config{Articles: f.db, Stories: slowStories{f.db}, Reports: f.pipe, RequestTimeout: 50 * time.Millisecond, ListTTL: -1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	resp, b := do(t, "GET", hs.URL+"/api/stories", nil, "")
	if resp.StatusCode != 503 || resp.Header.Get("Content-Type") != "application/problem+json" || decode[problem](t, b).Code != "timeout" {
		t.Errorf("timeout: %d %s %s", resp.StatusCode, resp.Header.Get("Content-Type"), b)
	}
	if resp.Header.Get("Retry-After") == "" {
		t.Error("503 without Retry-After")
	}
}

func TestConventionConditionalGetAndGzip(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	base := f.http.URL
	id := f.parisStory(t)
	arts, _, _ := f.db.Articles(t.Context(), crosscheck.ArticleFilter{Limit: 1})
	for _, path := range []string{"/api/stories", "/api/stories/" + id, "/api/stories/" + id + "/report", "/api/articles/" + arts[0].ID, "/", "/stories/" + id} {
		resp, b := do(t, "GET", base+path, map[string]string{"Accept-Encoding": "gzip"}, "")
		etag := resp.Header.Get("ETag")
		if resp.StatusCode != 200 || etag == "" {
			t.Errorf("%s: %d, ETag %q", path, resp.StatusCode, etag)
			continue
		}
		if len(b) > 0 && resp.Header.Get("Content-Encoding") == "gzip" {
			zr, err := gzip.NewReader(strings.NewReader(string(b)))
			if err != nil {
				t.Errorf("%s: bad gzip: %v", path, err)
			} else if plain, _ := io.ReadAll(zr); len(plain) <= len(b) {
				t.Errorf("%s: gzip made it no smaller", path)
			}
		} else if len(b) >= minGzip {
			t.Errorf("%s: %d bytes sent uncompressed to a gzip client", path, len(b))
		}
		resp2, b2 := do(t, "GET", base+path, map[string]string{"Accept-Encoding": "gzip", "If-None-Match": etag}, "")
		if resp2.StatusCode != 304 || len(b2) != 0 {
			t.Errorf("%s with If-None-Match: %d (%d bytes), want 304", path, resp2.StatusCode, len(b2))
		}
		if lm := resp.Header.Get("Last-Modified"); lm != "" {
			resp3, _ := do(t, "GET", base+path, map[string]string{"If-Modified-Since": lm}, "")
			if resp3.StatusCode != 304 {
				t.Errorf("%s with If-Modified-Since: %d", path, resp3.StatusCode)
			}
		}
	}
	// Static files are named by their content and kept for good.
	resp, _ := do(t, "GET", base+staticURL("style.css"), nil, "")
	if !strings.Contains(resp.Header.Get("Cache-Control"), "immutable") {
		t.Errorf("static file: Cache-Control %q", resp.Header.Get("Cache-Control"))
	}
}

var instantRe = regexp.MustCompile(`^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)$`)
var dayRe = regexp.MustCompile(`^\d{4}-\d\d-\d\d$`)

func TestConventionListsAndDates(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	base := f.http.URL
	resp, b := do(t, "GET", base+"/api/articles?limit=2&offset=2", nil, "")
	link := resp.Header.Get("Link")
	for _, rel := range []string{`rel="first"`, `rel="prev"`, `rel="next"`, `rel="last"`} {
		if !strings.Contains(link, rel) {
			t.Errorf("Link %q lacks %s", link, rel)
		}
	}
	l := decode[struct {
		Items  []map[string]any
		Total  int
		Offset int
		Limit  int
	}](t, b)
	if l.Total != 5 || l.Offset != 2 || l.Limit != 2 || len(l.Items) != 2 {
		t.Errorf("list %+v", l)
	}
	for _, it := range l.Items {
		if p, ok := it["published"].(string); ok && !instantRe.MatchString(p) && !dayRe.MatchString(p) {
			t.Errorf("published %q", p)
		}
		if p, _ := it["ingested"].(string); !instantRe.MatchString(p) {
			t.Errorf("ingested %q", p)
		}
	}
	// Limits are the command line's: capped at 500.
	_, b = do(t, "GET", base+"/api/stories?limit=100000", nil, "")
	if got := decode[struct{ Limit int }](t, b).Limit; got != crosscheck.ListMax {
		t.Errorf("limit capped at %d, want %d", got, crosscheck.ListMax)
	}
	_, b = do(t, "GET", base+"/api/stories", nil, "")
	for _, it := range decode[struct{ Items []map[string]any }](t, b).Items {
		if d, ok := it["event_date"].(string); ok && !dayRe.MatchString(d) {
			t.Errorf("event_date %q is not YYYY-MM-DD", d)
		}
		if d, _ := it["updated"].(string); !instantRe.MatchString(d) {
			t.Errorf("updated %q", d)
		}
	}
	for _, path := range []string{"/api/search?q=Paris", "/api/outlets", "/api/corrections"} {
		_, b := do(t, "GET", base+path, nil, "")
		if v := decode[map[string]any](t, b); v["items"] == nil || v["total"] == nil {
			t.Errorf("%s is not the list shape: %s", path, b)
		}
	}
	// The CORS stance: nothing that lets another origin read answers.
	resp, _ = do(t, "GET", base+"/api/stories", map[string]string{"Origin": "https://elsewhere.example"}, "")
	if resp.Header.Get("Access-Control-Allow-Origin") != "" {
		t.Error("the API sends Access-Control-Allow-Origin")
	}
	if !strings.Contains(string(openAPI), "x-cors") {
		t.Error("openapi.json does not state the CORS stance")
	}
}
