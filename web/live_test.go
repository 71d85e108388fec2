package web

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/crosscheck-news/crosscheck"
)

// ferryReport is a report of one invented event; n varies the wording so
// that each is a new article of the same story.
func ferryReport(outlet string, n int) *crosscheck.Document {
	body := fmt.Sprintf(`Ferry Nordic Star runs aground off Veska harbour

By Staff Reporter, %[1]s

The passenger ferry Nordic Star ran aground on a reef off Veska harbour early on Tuesday, the harbour authority said. All 212 passengers were taken ashore by lifeboats and no one was seriously hurt, according to the coast guard.

The ship had left Veska at 05:40 for the island of Holm and struck the reef twenty minutes later in calm weather. Investigators from the maritime safety board arrived in the afternoon to question the crew, report %[2]d said.

The operator, Veska Lines, said the ferry had passed its annual inspection in May. Divers were examining the hull on Tuesday evening and the company cancelled all crossings to Holm until Thursday.
`, outlet, n)
	return &crosscheck.Document{Source: fmt.Sprintf("%s-%d.txt", strings.ToLower(strings.ReplaceAll(outlet, " ", "-")), n),
		Format: crosscheck.FormatText, Body: []byte(body), Meta: crosscheck.Meta{Outlet: outlet}}
}

func (f *fixture) ingestDocs(t testing.TB, docs ...*crosscheck.Document) []string {
	t.Helper()
	sum, err := f.pipe.Ingest(context.Background(), func(yield func(*crosscheck.Document, error) bool) {
		for _, d := range docs {
			if !yield(d, nil) {
				return
			}
		}
	}, nil)
	if err != nil || sum.Failed > 0 {
		t.Fatalf("ingest: %v %v", err, sum.Errors)
	}
	return sum.Stories
}

// /events sends a "stories" event when a story changes, also when another
// process (here: the pipeline directly, not the server) stored the article.
func TestEventsStream(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, f.http.URL+"/events", nil)
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "text/event-stream" {
		t.Fatalf("Content-Type %q", ct)
	}
	lines := make(chan string)
	go func() {
		sc := bufio.NewScanner(resp.Body)
		for sc.Scan() {
			lines <- sc.Text()
		}
		close(lines)
	}()
	// The stream is open (its first line came) before the article is stored.
	if l := <-lines; !strings.HasPrefix(l, "retry:") {
		t.Fatalf("first line %q", l)
	}
	time.Sleep(200 * time.Millisecond)
	stories := f.ingestDocs(t, ferryReport("Harbour Courier", 1))
	start := time.Now()
	for l := range lines {
		data, ok := strings.CutPrefix(l, "data: ")
		if !ok {
			continue
		}
		var ev struct {
			Stories []liveStory `json:"stories"`
		}
		if err := json.Unmarshal([]byte(data), &ev); err != nil {
			t.Fatalf("event data %q: %v", data, err)
		}
		if len(ev.Stories) == 0 || ev.Stories[0].ID != stories[0] || ev.Stories[0].Articles != 1 {
			t.Fatalf("event %+v, want story %s with 1 article", ev, stories[0])
		}
		t.Logf("event %s after the article was stored", time.Since(start).Round(time.Millisecond))
		return
	}
	t.Fatal("the stream ended without an event")
}

func TestAPISources(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	hs := f.http
	for _, src := range []*crosscheck.Source{
		{URL: "https://a.example/feed", Name: "A", Interval: 10 * time.Minute},
		{URL: "https://b.example/rss"},
	} {
		if err := f.db.AddSource(context.Background(), src); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.db.SetSourceStatus(context.Background(), 2, crosscheck.SourcePaused); err != nil {
		t.Fatal(err)
	}
	var out struct {
		Items []map[string]any `json:"items"`
		Total int              `json:"total"`
	}
	resp, b := get(t, hs.URL+"/api/sources")
	if resp.StatusCode != 200 || json.Unmarshal(b, &out) != nil {
		t.Fatalf("status %d body %s", resp.StatusCode, b)
	}
	if out.Total != 2 || out.Items[0]["url"] != "https://a.example/feed" || out.Items[0]["interval"] != "10m0s" ||
		out.Items[0]["status"] != "active" || out.Items[1]["status"] != "paused" {
		t.Errorf("sources %s", b)
	}
	if _, ok := out.Items[0]["HTTP"]; ok {
		t.Errorf("protocol state (the WebSub secret) leaked: %s", b)
	}
	resp, b = get(t, hs.URL+"/api/sources?status=paused")
	if json.Unmarshal(b, &out) != nil || out.Total != 1 {
		t.Errorf("status filter: %s", b)
	}
	// Without a source lister the route does not exist.
	s, err := New(Config{Articles: f.db, Stories: f.db, Reports: f.pipe})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	bare := httptest.NewServer(s.Handler())
	defer bare.Close()
	if resp, _ := get(t, bare.URL+"/api/sources"); resp.StatusCode != http.StatusNotFound {
		t.Errorf("without Sources: status %d, want 404", resp.StatusCode)
	}
}

// pollJS waits until js is true in the page.
func pollJS(t *testing.T, ctx context.Context, js string, d time.Duration) bool {
	t.Helper()
	deadline := time.Now().Add(d)
	for time.Now().Before(deadline) {
		if eval[bool](t, ctx, js) {
			return true
		}
		time.Sleep(100 * time.Millisecond)
	}
	return false
}

// The story list and a story page update themselves when articles arrive
// from elsewhere (the watcher, another process), without a reload.
func TestBrowserLivePages(t *testing.T) {
	ctx, _ := browser(t)
	f := newFixture(t, fixtureOptions{})
	// End the page's event stream before the test server waits for its requests.
	t.Cleanup(func() { f.srv.Close() })
	first := f.ingestDocs(t, ferryReport("Harbour Courier", 1))

	if err := chromedp.Do(ctx, chromedp.Navigate(f.http.URL+"/"), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	// A marker on the window: it survives only if the page is not reloaded.
	eval[string](t, ctx, `window.__noReload = "yes"`)
	time.Sleep(300 * time.Millisecond) // the event stream connects
	report := &crosscheck.Document{Source: "tram.txt", Format: crosscheck.FormatText, Meta: crosscheck.Meta{Outlet: "Lindholm Herald"},
		Body: []byte("Lindholm council approves tram line through the old town\n\nThe city council of Lindholm voted 31 to 12 on Monday to build a tram line through the old town, the mayor said. Construction of the four-kilometre line is due to start next spring and cost 240 million kroner, according to the council's transport committee.\n\nShopkeepers on the market square had opposed the plan for two years, saying the works would keep customers away.\n")}
	f.ingestDocs(t, report)
	if !pollJS(t, ctx, `document.querySelector("main").innerText.includes("tram line")`, 10*time.Second) {
		t.Fatalf("the story list did not show the new story by itself: %q", text(t, ctx, "main"))
	}
	if got := eval[string](t, ctx, `window.__noReload || "reloaded"`); got != "yes" {
		t.Errorf("the page was reloaded (%q), want it updated in place", got)
	}

	// A story page: a second outlet's report joins the story.
	if err := chromedp.Do(ctx, chromedp.Navigate(f.http.URL+"/stories/"+first[0]), chromedp.WaitVisible(chromedp.CSS("main"))); err != nil {
		t.Fatal(err)
	}
	eval[string](t, ctx, `window.__noReload = "yes"`)
	time.Sleep(300 * time.Millisecond)
	joined := f.ingestDocs(t, ferryReport("Coastline Daily", 2))
	if !slices.Contains(joined, first[0]) {
		t.Fatalf("the second report went to story %v, not %s", joined, first[0])
	}
	if !pollJS(t, ctx, `document.querySelector("main").innerText.includes("Coastline Daily")`, 10*time.Second) {
		t.Fatalf("the story page did not show the new report by itself")
	}
	if got := eval[string](t, ctx, `window.__noReload || "reloaded"`); got != "yes" {
		t.Errorf("the story page was reloaded, want it updated in place")
	}
}
