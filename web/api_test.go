package web

import (
	"bytes"
	"encoding/json"
	"github.com/crosscheck-news/crosscheck"
	"io"
	"mime/multipart"
	"net/http"
	"net/url"
	"strings"
	"testing"
)

func get(t *testing.T, u string) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func post(t *testing.T, u, contentType string, body []byte) (*http.Response, []byte) {
	t.Helper()
	resp, err := http.Post(u, contentType, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatal(err)
	}
	return resp, b
}

func decode[T any](t *testing.T, b []byte) T {
	t.Helper()
	var v T
	if err := json.Unmarshal(b, &v); err != nil {
		t.Fatalf("decode %s: %v", b, err)
	}
	return v
}

func TestAPIReadsTheStore(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	base := f.http.URL
	id := f.parisStory(t)

	resp, b := get(t, base+"/api/stories")
	if resp.StatusCode != 200 {
		t.Fatalf("GET /api/stories: %d %s", resp.StatusCode, b)
	}
	list := decode[struct {
		Items []struct {
			ID       string   `json:"id"`
			Title    string   `json:"title"`
			Articles int      `json:"articles"`
			Outlets  []string `json:"outlets"`
		} `json:"items"`
		Total int `json:"total"`
	}](t, b)
	if list.Total < 1 || len(list.Items) != list.Total {
		t.Fatalf("stories: total %d, items %d", list.Total, len(list.Items))
	}
	sum := 0
	for _, it := range list.Items {
		sum += it.Articles
	}
	if got, want := sum, 5; got != want {
		t.Errorf("articles over all stories = %d, want %d", got, want)
	}

	resp, b = get(t, base+"/api/stories/"+id)
	if resp.StatusCode != 200 {
		t.Fatalf("GET story: %d %s", resp.StatusCode, b)
	}
	if got := decode[map[string]any](t, b)["id"]; got != id {
		t.Errorf("story id = %v, want %s", got, id)
	}

	resp, b = get(t, base+"/api/stories/"+id+"/report")
	if resp.StatusCode != 200 {
		t.Fatalf("GET report: %d %s", resp.StatusCode, b)
	}
	rep := decode[map[string]json.RawMessage](t, b)
	for _, k := range []string{"id", "title", "event_date", "articles", "entities", "claims", "conflicts", "quotes", "attributions"} {
		if _, ok := rep[k]; !ok {
			t.Errorf("report lacks contract field %q", k)
		}
	}
	arts := decode[[]struct {
		ID, Source, Text string
		Outlet           *string
	}](t, rep["articles"])
	if len(arts) == 0 {
		t.Fatal("report has no articles")
	}
	for _, a := range arts {
		if a.Text == "" || a.ID == "" || a.Source == "" {
			t.Errorf("report article %+v lacks id, source or text", a.ID)
		}
	}

	resp, b = get(t, base+"/api/articles?limit=2")
	if resp.StatusCode != 200 {
		t.Fatalf("GET articles: %d %s", resp.StatusCode, b)
	}
	al := decode[struct {
		Items []struct {
			ID      string `json:"id"`
			Source  string `json:"source"`
			StoryID string `json:"story_id"`
		} `json:"items"`
		Total, Limit int
	}](t, b)
	if al.Total != 5 || len(al.Items) != 2 || al.Limit != 2 {
		t.Fatalf("articles: total %d, items %d, limit %d; want 5, 2, 2", al.Total, len(al.Items), al.Limit)
	}

	resp, b = get(t, base+"/api/articles/"+arts[0].ID)
	if resp.StatusCode != 200 {
		t.Fatalf("GET article: %d %s", resp.StatusCode, b)
	}
	art := decode[struct {
		ID        string `json:"id"`
		Text      string `json:"text"`
		Sentences []struct{ Start, End int }
	}](t, b)
	if art.ID != arts[0].ID || art.Text != arts[0].Text || len(art.Sentences) == 0 {
		t.Errorf("article %s: text or sentences differ from the report's", art.ID)
	}

	resp, b = get(t, base+"/api/search?q=Witkoff")
	if resp.StatusCode != 200 {
		t.Fatalf("GET search: %d %s", resp.StatusCode, b)
	}
	hits := decode[struct{ Items []json.RawMessage }](t, b)
	if len(hits.Items) == 0 {
		t.Error("search for Witkoff found nothing")
	}

	for _, tc := range []struct {
		name, path string
		status     int
		code       string
	}{
		{"unknown story", "/api/stories/nope", 404, "not_found"},
		{"unknown story report", "/api/stories/nope/report", 404, "not_found"},
		{"unknown article", "/api/articles/nope", 404, "not_found"},
		{"bad date", "/api/stories?since=yesterday", 400, "invalid"},
		{"bad limit", "/api/articles?limit=-1", 400, "invalid"},
		{"search without query", "/api/search", 400, "invalid"},
		{"unknown route", "/api/nothing", 404, "not_found"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := get(t, base+tc.path)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, b)
			}
			e := decode[problem](t, b)
			if e.Code != tc.code || e.Detail == "" || e.Status != resp.StatusCode {
				t.Errorf("error = %+v, want code %s and a message", e, tc.code)
			}
		})
	}
}

func TestAPIFilters(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	for _, tc := range []struct {
		name  string
		query url.Values
		some  bool
	}{
		{"no filter", url.Values{}, true},
		{"full text hit", url.Values{"q": {"Witkoff"}}, true},
		{"full text miss", url.Values{"q": {"zzyzxqwv"}}, false},
		{"date range holding the event", url.Values{"since": {"2025-09-01"}, "until": {"2025-09-30"}}, true},
		{"date range before it", url.Values{"since": {"2001-01-01"}, "until": {"2001-01-31"}}, false},
		{"unknown outlet", url.Values{"outlet": {"No Such Outlet"}}, false},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := get(t, f.http.URL+"/api/stories?"+tc.query.Encode())
			if resp.StatusCode != 200 {
				t.Fatalf("status %d: %s", resp.StatusCode, b)
			}
			got := decode[struct{ Total int }](t, b).Total > 0
			if got != tc.some {
				t.Errorf("stories found = %v, want %v (%s)", got, tc.some, b)
			}
		})
	}
}

func TestAPIIngest(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true, maxUpload: 1 << 20})
	base := f.http.URL
	parisID := f.parisStory(t)
	before := map[string]bool{}
	all, _, err := f.db.Stories(t.Context(), crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, s := range all {
		before[s.ID] = true
	}

	// An invented report of the same meeting joins the Paris story.
	body, _ := json.Marshal(map[string]string{
		"text":      invented,
		"outlet":    "Test Wire",
		"published": "2025-09-04",
	})
	resp, b := post(t, base+"/api/ingest", "application/json", body)
	if resp.StatusCode != 200 {
		t.Fatalf("POST /api/ingest: %d %s", resp.StatusCode, b)
	}
	res := decode[apiIngestResponse](t, b)
	if res.Ingested != 1 || len(res.Articles) != 1 {
		t.Fatalf("ingest result %+v, want one new article", res)
	}
	if got := res.Articles[0].StoryID; !before[got] {
		t.Errorf("invented report opened story %q, want one of the corpus's %v (most likely %s)", got, before, parisID)
	}
	if got := res.Articles[0].Outlet; got != "Test Wire" {
		t.Errorf("outlet = %q, want the one given", got)
	}

	// The same text again is a duplicate, not a new article.
	resp, b = post(t, base+"/api/ingest", "application/json", body)
	if res := decode[apiIngestResponse](t, b); resp.StatusCode != 200 || res.Duplicates != 1 || res.Ingested != 0 {
		t.Errorf("second ingest: %d %+v, want one duplicate", resp.StatusCode, res)
	}

	// A multipart upload of one corpus file already stored: a duplicate.
	var mp bytes.Buffer
	mw := multipart.NewWriter(&mp)
	fw, _ := mw.CreateFormFile("file", "000_355afac4c8111182.txt")
	fw.Write(readCorpusFile(t, "000_355afac4c8111182.txt"))
	mw.Close()
	resp, b = post(t, base+"/api/ingest", mw.FormDataContentType(), mp.Bytes())
	if res := decode[apiIngestResponse](t, b); resp.StatusCode != 200 || res.Duplicates != 1 {
		t.Errorf("upload of a stored file: %d %s, want one duplicate", resp.StatusCode, b)
	}

	arts, _, err := f.db.Articles(t.Context(), crosscheckFilter())
	if err != nil {
		t.Fatal(err)
	}
	bigText := strings.Repeat("word ", (1<<20)/5+10)
	big, _ := json.Marshal(map[string]string{"text": bigText})
	bigFile := multipartFile(t, "big.txt", "text/plain", []byte(bigText))
	binary := multipartFile(t, "photo.txt", "application/octet-stream", append([]byte{0x89, 'P', 'N', 'G', 0, 0, 0, 0x0d}, bytes.Repeat([]byte{0, 0xff, 0xfe}, 300)...))
	for _, tc := range []struct {
		name, contentType string
		body              []byte
		status            int
		code              string
	}{
		{"bad JSON", "application/json", []byte(`{"text": `), 400, "invalid"},
		{"unknown field", "application/json", []byte(`{"txt": "hello"}`), 400, "invalid"},
		{"nothing to add", "application/json", []byte(`{}`), 400, "invalid"},
		{"bad date", "application/json", []byte(`{"text": "Some text here.", "published": "last week"}`), 400, "invalid"},
		{"not a URL", "application/json", []byte(`{"url": "file:///etc/passwd"}`), 400, "invalid"},
		{"too large", "application/json", big, 413, "too_large"},
		{"too large upload", bigFile.contentType, bigFile.body, 413, "too_large"},
		{"binary upload", binary.contentType, binary.body, 422, "invalid"},
		{"wrong media type", "text/csv", []byte("a,b"), 415, "invalid"},
		{"loopback URL refused", "application/json", []byte(`{"url": "` + base + `/api/openapi.json"}`), 422, "invalid"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			resp, b := post(t, base+"/api/ingest", tc.contentType, tc.body)
			if resp.StatusCode != tc.status {
				t.Fatalf("status %d, want %d: %s", resp.StatusCode, tc.status, b)
			}
			e := decode[problem](t, b)
			if e.Code != tc.code || e.Detail == "" || e.Status != resp.StatusCode {
				t.Errorf("error = %+v, want code %s and a message", e, tc.code)
			}
		})
	}
	after, _, err := f.db.Articles(t.Context(), crosscheckFilter())
	if err != nil {
		t.Fatal(err)
	}
	if len(after) != len(arts) {
		t.Errorf("bad requests changed the store: %d articles, had %d", len(after), len(arts))
	}
}

type mpBody struct {
	contentType string
	body        []byte
}

func multipartFile(t *testing.T, name, contentType string, data []byte) mpBody {
	t.Helper()
	var b bytes.Buffer
	mw := multipart.NewWriter(&b)
	h := make(map[string][]string)
	h["Content-Disposition"] = []string{`form-data; name="file"; filename="` + name + `"`}
	h["Content-Type"] = []string{contentType}
	w, err := mw.CreatePart(h)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(data)
	mw.Close()
	return mpBody{contentType: mw.FormDataContentType(), body: b.Bytes()}
}

func TestReadOnlyHasNoIngest(t *testing.T) {
	f := newFixture(t, fixtureOptions{readOnly: true})
	for _, tc := range []struct {
		method, path string
	}{
		{"POST", "/api/ingest"},
		{"POST", "/add"},
		{"GET", "/add"},
	} {
		req, _ := http.NewRequest(tc.method, f.http.URL+tc.path, strings.NewReader(`{"text":"x"}`))
		req.Header.Set("Content-Type", "application/json")
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 404 && resp.StatusCode != 405 {
			t.Errorf("%s %s on a read-only server: %d, want 404 or 405", tc.method, tc.path, resp.StatusCode)
		}
	}
	_, b := get(t, f.http.URL+"/")
	if bytes.Contains(b, []byte(`href="/add"`)) {
		t.Error("read-only story list links to the add page")
	}
	resp, _ := get(t, f.http.URL+"/api/stories")
	if resp.StatusCode != 200 {
		t.Errorf("read-only API list: %d", resp.StatusCode)
	}
}

func TestHeadersHealthMetricsOpenAPI(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	for _, p := range []string{"/", "/api/stories", "/static/style.css", "/nope"} {
		resp, _ := get(t, f.http.URL+p)
		h := resp.Header
		if got := h.Get("Content-Security-Policy"); !strings.Contains(got, "default-src 'none'") ||
			!strings.Contains(got, "script-src 'self'") || strings.Contains(got, "unsafe-inline") ||
			!strings.Contains(got, "frame-ancestors 'none'") || !strings.Contains(got, "base-uri 'none'") {
			t.Errorf("%s: CSP %q", p, got)
		}
		if h.Get("X-Content-Type-Options") != "nosniff" || h.Get("Referrer-Policy") == "" {
			t.Errorf("%s: missing nosniff or Referrer-Policy", p)
		}
	}
	resp, b := get(t, f.http.URL+"/healthz")
	if resp.StatusCode != 200 || strings.TrimSpace(string(b)) != "ok" {
		t.Errorf("healthz: %d %q", resp.StatusCode, b)
	}
	resp, b = get(t, f.http.URL+"/api/openapi.json")
	doc := decode[struct {
		OpenAPI string                     `json:"openapi"`
		Paths   map[string]json.RawMessage `json:"paths"`
	}](t, b)
	if !strings.HasPrefix(doc.OpenAPI, "3.") {
		t.Errorf("openapi version %q", doc.OpenAPI)
	}
	for _, p := range []string{"/api/stories", "/api/stories/{id}", "/api/stories/{id}/report", "/api/articles", "/api/articles/{id}", "/api/search", "/api/ingest"} {
		if _, ok := doc.Paths[p]; !ok {
			t.Errorf("openapi lacks %s", p)
		}
	}
	resp, b = get(t, f.http.URL+"/metrics")
	for _, want := range []string{
		`crosscheck_http_requests_total{code="200",method="GET",route="GET /healthz"} 1`,
		`crosscheck_http_request_duration_seconds_bucket{method="GET",route="GET /api/openapi.json"`,
		`crosscheck_http_requests_total{code="404",method="GET",route="other"} 1`,
	} {
		if !strings.Contains(string(b), want) {
			t.Errorf("metrics lack %s", want)
		}
	}
}

func TestCrossOriginPostRefused(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	req, _ := http.NewRequest("POST", f.http.URL+"/add", strings.NewReader("text=hello"))
	req.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	req.Header.Set("Sec-Fetch-Site", "cross-site")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusForbidden {
		t.Errorf("cross-site POST /add: %d, want 403", resp.StatusCode)
	}
}

const invented = `Envoy leaves Paris talks on Ukraine security after short stay

PARIS, Sept 4 - The United States special envoy Steve Witkoff left the Paris meeting of the coalition of the willing early on Thursday, according to two diplomats who attended the talks on security guarantees for Ukraine.

French President Emmanuel Macron hosted the gathering at the Elysee Palace, where Ukrainian President Volodymyr Zelensky and European leaders discussed sending troops to Ukraine after a ceasefire with Russia.

Witkoff then met Zelensky separately before leaders joined a call with President Donald Trump, the diplomats said.`
