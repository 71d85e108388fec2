package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/opml"
	"github.com/crosscheck-news/crosscheck/watch/websubtest"
)

func TestSourcesCommands(t *testing.T) {
	tmp := t.TempDir()
	list := `<?xml version="1.0"?><opml version="1.0"><head><title>mine</title></head><body>
<outline text="World"><outline text="Europe">
  <outline text="Veska Radio" xmlUrl="https://veska.example/feed.xml" htmlUrl="https://veska.example/"/>
</outline></outline>
<outline text="Wire" type="rss" xmlUrl="https://wire.example/rss"/>
<outline text="Broken" xmlUrl="ftp://nowhere.example/feed"/>
</body></opml>`
	if err := os.WriteFile(filepath.Join(tmp, "subs.opml"), []byte(list), 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, tmp, "", "sources", "import", "subs.opml")
	if r.code != 1 || !strings.Contains(r.stderr, "imported 2 sources, 0 watched already, 1 refused") || !strings.Contains(r.stderr, "ftp://") {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	r = mustRun(t, tmp, "sources", "add", "https://third.example/news", "--interval", "10m", "--name", "Third")
	if !strings.Contains(r.stdout, "added source 3") {
		t.Errorf("add: %q", r.stdout)
	}
	r = run(t, tmp, "", "sources", "add", "https://wire.example/rss")
	if r.code != 1 || !strings.Contains(r.stderr, "watched already, as source 2") {
		t.Errorf("adding a watched URL again: exit %d %q", r.code, r.stderr)
	}
	if r := run(t, tmp, "", "sources", "add", "https://x.example/", "--interval", "500ms"); r.code != 1 || !strings.Contains(r.stderr, "at least 1s") {
		t.Errorf("interval under 1s: exit %d %q", r.code, r.stderr)
	}
	mustRun(t, tmp, "sources", "pause", "2")
	r = mustRun(t, tmp, "sources", "list")
	for _, want := range []string{"Veska Radio", "https://wire.example/rss", "paused", "Third", "never"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("list lacks %q:\n%s", want, r.stdout)
		}
	}
	r = mustRun(t, tmp, "sources", "list", "--format", "json")
	var got []map[string]any
	if err := json.Unmarshal([]byte(r.stdout), &got); err != nil || len(got) != 3 {
		t.Fatalf("list json: %v\n%s", err, r.stdout)
	}
	if got[0]["category"] != "World/Europe" || got[1]["status"] != "paused" || got[2]["interval"] != "10m0s" {
		t.Errorf("list json: %s", r.stdout)
	}
	mustRun(t, tmp, "sources", "resume", "2")
	mustRun(t, tmp, "sources", "remove", "3")
	if r := run(t, tmp, "", "sources", "remove", "3"); r.code != 1 || !strings.Contains(r.stderr, "no source 3") {
		t.Errorf("removing twice: exit %d %q", r.code, r.stderr)
	}
	r = mustRun(t, tmp, "sources", "export")
	feeds, err := opml.Parse(strings.NewReader(r.stdout))
	if err != nil || len(feeds) != 2 || feeds[0].Category != "World/Europe" || feeds[0].SiteURL != "https://veska.example/" {
		t.Errorf("export: %v %+v\n%s", err, feeds, r.stdout)
	}
	if r := run(t, tmp, "", "sources"); r.code != exitUsage {
		t.Errorf("sources without action: exit %d", r.code)
	}
}

// ferryEvent are sentences about one invented event; each report picks
// some, so reports differ and still tell the same story.
var ferryEvent = []string{
	"The passenger ferry Nordic Star ran aground on a reef off Veska harbour early on Tuesday, the harbour authority said.",
	"All 212 passengers were taken ashore by lifeboats and no one was seriously hurt, according to the coast guard.",
	"The ship had left Veska at 05:40 for the island of Holm and struck the reef twenty minutes later in calm weather.",
	"Investigators from the maritime safety board arrived in the afternoon to question the captain and the crew.",
	"The operator, Veska Lines, said the Nordic Star had passed its annual inspection in May.",
	"Divers were examining the hull of the Nordic Star on Tuesday evening, the coast guard said.",
	"Veska Lines cancelled all crossings between Veska and Holm until Thursday.",
	"Passengers described a loud bang and a sudden lurch as the ferry hit the reef off Veska.",
	"The mayor of Veska thanked the lifeboat crews who brought the passengers of the Nordic Star ashore.",
	"Fuel was not leaking from the grounded ferry, the environment agency said after a flight over the reef.",
}

func ferryItem(n int) string {
	var b strings.Builder
	for i := range 7 {
		fmt.Fprintf(&b, "<p>%s</p>", ferryEvent[(n*3+i)%len(ferryEvent)])
	}
	fmt.Fprintf(&b, "<p>This is update number %d from our correspondent at the harbour, who spoke to residents gathered on the quay.</p>", n)
	return b.String()
}

// newsFeed is a feed server on 127.0.0.1 whose items can be added while
// it runs; it answers conditional requests with 304.
type newsFeed struct {
	srv   *httptest.Server
	mu    sync.Mutex
	items []string // newest first
	extra string   // inside <channel>
	// conditional records, per request, whether it carried If-None-Match.
	conditional []bool
}

func newNewsFeed(t testing.TB) *newsFeed {
	f := &newsFeed{}
	f.srv = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		f.mu.Lock()
		f.conditional = append(f.conditional, r.Header.Get("If-None-Match") != "")
		f.mu.Unlock()
		body := f.body()
		etag := fmt.Sprintf(`"%d-%d"`, len(body), strings.Count(body, "<item>"))
		w.Header().Set("ETag", etag)
		if r.Header.Get("If-None-Match") == etag {
			w.WriteHeader(http.StatusNotModified)
			return
		}
		w.Header().Set("Content-Type", "application/rss+xml")
		io.WriteString(w, body)
	}))
	t.Cleanup(f.srv.Close)
	return f
}

func (f *newsFeed) url() string { return f.srv.URL + "/feed.xml" }

func (f *newsFeed) publish(n int) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.items = append([]string{fmt.Sprintf(`<item><title>Ferry aground off Veska, update %d</title><guid isPermaLink="false">ferry-%d</guid><pubDate>%s</pubDate><description>%s</description></item>`,
		n, n, time.Now().UTC().Format(time.RFC1123Z), html.EscapeString(ferryItem(n)))}, f.items...)
}

func (f *newsFeed) body() string {
	f.mu.Lock()
	defer f.mu.Unlock()
	return `<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>Veska Courier</title><link>https://veska.example/</link>` +
		f.extra + strings.Join(f.items, "") + `</channel></rss>`
}

// server is 'crosscheck serve --watch' running as a process.
type server struct {
	cmd  *exec.Cmd
	addr string
	errb *bytes.Buffer
}

func freeAddr(t testing.TB) string {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer ln.Close()
	return ln.Addr().String()
}

func startServe(t testing.TB, dir, addr string, args ...string) *server {
	cmd := exec.Command(binary, append([]string{"serve", "--watch", "--allow-private-fetch", "--addr", addr}, args...)...)
	cmd.Dir = dir
	cmd.Env = storeEnv(t, dir)
	s := &server{cmd: cmd, addr: addr, errb: &bytes.Buffer{}}
	cmd.Stderr = s.errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
	for range 100 {
		resp, err := http.Get("http://" + addr + "/healthz")
		if err == nil {
			resp.Body.Close()
			return s
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("server did not come up\n%s", s.errb.String())
	return nil
}

// stop sends SIGINT and waits for a clean exit.
func (s *server) stop(t testing.TB) {
	s.cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- s.cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve --watch exited with %v after SIGINT\n%s", err, s.errb.String())
		}
	case <-time.After(10 * time.Second):
		t.Errorf("serve --watch did not stop within 10s of SIGINT\n%s", s.errb.String())
	}
}

func (s *server) getJSON(t testing.TB, path string, v any) int {
	resp, err := http.Get("http://" + s.addr + path)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if v != nil {
		json.NewDecoder(resp.Body).Decode(v)
	}
	return resp.StatusCode
}

// storyOf waits for the feed's first story and returns its ID and size.
func (s *server) firstStory(t testing.TB) (string, int) {
	deadline := time.Now().Add(15 * time.Second)
	for time.Now().Before(deadline) {
		var list struct {
			Items []struct {
				ID       string `json:"id"`
				Articles int    `json:"articles"`
			} `json:"items"`
		}
		s.getJSON(t, "/api/stories", &list)
		if len(list.Items) == 1 && list.Items[0].Articles >= 2 {
			return list.Items[0].ID, list.Items[0].Articles
		}
		time.Sleep(50 * time.Millisecond)
	}
	t.Fatalf("no story with the first reports\n%s", s.errb.String())
	return "", 0
}

// untilArticles polls /api/stories/{id} until the story has n articles and
// returns how long that took.
func (s *server) untilArticles(t testing.TB, id string, n int, limit time.Duration) time.Duration {
	start := time.Now()
	for time.Since(start) < limit {
		var st struct {
			Articles int `json:"articles"`
		}
		s.getJSON(t, "/api/stories/"+id, &st)
		if st.Articles >= n {
			return time.Since(start)
		}
		time.Sleep(20 * time.Millisecond)
	}
	t.Fatalf("story %s did not reach %d articles within %s\n%s", id, n, limit, s.errb.String())
	return 0
}

// freshness measures, rounds times, the time from a new item in an
// existing story to /api/stories/{id} showing it: by polling (the source
// checked every second), or by WebSub push from a hub staged locally.
func freshness(t testing.TB, push bool, rounds int) []time.Duration {
	tmp := t.TempDir()
	f := newNewsFeed(t)
	f.publish(1)
	f.publish(2)
	addr := freeAddr(t)
	var hub *websubtest.Hub
	interval := "1s"
	var args []string
	if push {
		hub = websubtest.NewHub(3600)
		t.Cleanup(hub.Close)
		f.extra = fmt.Sprintf(`<atom:link rel="hub" href="%s"/><atom:link rel="self" href="%s"/>`, hub.URL, f.url())
		interval = "1h" // only a push can bring the news in time
		args = append(args, "--public-url", "http://"+addr)
	}
	add := exec.Command(binary, "sources", "add", f.url(), "--interval", interval)
	add.Dir = tmp
	add.Env = storeEnv(t, tmp)
	if out, err := add.CombinedOutput(); err != nil {
		t.Fatalf("sources add: %v\n%s", err, out)
	}
	s := startServe(t, tmp, addr, args...)
	id, n := s.firstStory(t)
	if push {
		deadline := time.Now().Add(10 * time.Second)
		for _, v := hub.Counts(); v == 0; _, v = hub.Counts() {
			if time.Now().After(deadline) {
				t.Fatalf("no verified WebSub subscription\n%s", s.errb.String())
			}
			time.Sleep(20 * time.Millisecond)
		}
	}
	var out []time.Duration
	for r := range rounds {
		f.publish(3 + r)
		if push {
			if code, err := hub.Publish(f.url(), "application/rss+xml", f.body(), ""); err != nil || code != http.StatusAccepted {
				t.Fatalf("push: %d %v", code, err)
			}
		}
		n++
		out = append(out, s.untilArticles(t, id, n, 10*time.Second))
	}
	s.stop(t)
	return out
}

func TestFreshnessPolling(t *testing.T) {
	got := freshness(t, false, 1)
	t.Logf("polling: new item in the story's API after %s", got[0].Round(time.Millisecond))
	if got[0] > 5*time.Second {
		t.Errorf("polling took %s, want under 5s", got[0])
	}
}

func TestFreshnessWebSub(t *testing.T) {
	got := freshness(t, true, 1)
	t.Logf("WebSub: new item in the story's API after %s", got[0].Round(time.Millisecond))
	if got[0] > 2*time.Second {
		t.Errorf("WebSub push took %s, want under 2s", got[0])
	}
}

// BenchmarkFreshness reports the mean and worst time from publishing to
// /api/stories/{id} over 10 items:
//
//	go test ./cmd/crosscheck -run '^$' -bench Freshness -benchtime 1x
func BenchmarkFreshness(b *testing.B) {
	for _, mode := range []struct {
		name string
		push bool
	}{{"polling-1s", false}, {"websub", true}} {
		b.Run(mode.name, func(b *testing.B) {
			for b.Loop() {
				got := freshness(b, mode.push, 10)
				sort.Slice(got, func(i, j int) bool { return got[i] < got[j] })
				var sum time.Duration
				for _, d := range got {
					sum += d
				}
				b.ReportMetric(float64(sum.Milliseconds())/float64(len(got)), "mean-ms")
				b.ReportMetric(float64(got[len(got)/2].Milliseconds()), "median-ms")
				b.ReportMetric(float64(got[len(got)-1].Milliseconds()), "max-ms")
			}
		})
	}
}

// 'crosscheck watch' checks a local source (allowed by flag), stops
// cleanly on SIGINT, and the store shows what it did; without the flag the
// source gets a clear error instead.
func TestWatchCommand(t *testing.T) {
	tmp := t.TempDir()
	f := newNewsFeed(t)
	f.publish(1)
	f.publish(2)
	mustRun(t, tmp, "sources", "add", f.url(), "--interval", "1s")

	refused := exec.Command(binary, "watch", "--quiet")
	refused.Dir = tmp
	refused.Env = storeEnv(t, tmp)
	var errb bytes.Buffer
	refused.Stderr = &errb
	if err := refused.Start(); err != nil {
		t.Fatal(err)
	}
	waitList := func(want string) string {
		deadline := time.Now().Add(10 * time.Second)
		for {
			r := mustRun(t, tmp, "sources", "list")
			if strings.Contains(r.stdout, want) {
				return r.stdout
			}
			if time.Now().After(deadline) {
				t.Fatalf("sources list never showed %q:\n%s\nwatch stderr:\n%s", want, r.stdout, errb.String())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	waitList("non-public address")
	refused.Process.Signal(syscall.SIGINT)
	if err := refused.Wait(); err != nil {
		t.Fatalf("watch exited with %v after SIGINT\n%s", err, errb.String())
	}

	mustRun(t, tmp, "sources", "resume", "1")
	errb.Reset()
	cmd := exec.Command(binary, "watch", "--allow-private-fetch")
	cmd.Dir = tmp
	cmd.Env = storeEnv(t, tmp)
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	out := waitList("Veska Courier")
	if !strings.Contains(out, "active") {
		t.Errorf("list:\n%s", out)
	}
	cmd.Process.Signal(syscall.SIGINT)
	if err := cmd.Wait(); err != nil {
		t.Fatalf("watch exited with %v after SIGINT\n%s", err, errb.String())
	}
	if !strings.Contains(errb.String(), "new items") {
		t.Errorf("watch did not log the new items:\n%s", errb.String())
	}
	r := mustRun(t, tmp, "articles", "--format", "json")
	if n := strings.Count(r.stdout, `"id"`); n != 2 {
		t.Errorf("%d articles stored, want 2:\n%.400s", n, r.stdout)
	}
}

// A watcher killed without warning (kill -9) resumes from the store: its
// first request carries the stored ETag, the new item is added, and
// nothing is added twice.
func TestWatchCrashResume(t *testing.T) {
	tmp := t.TempDir()
	f := newNewsFeed(t)
	for i := range 3 {
		f.publish(i + 1)
	}
	mustRun(t, tmp, "sources", "add", f.url(), "--interval", "1s")
	articles := func() int {
		r := mustRun(t, tmp, "articles", "--format", "json")
		return strings.Count(r.stdout, `"id"`)
	}
	start := func() *exec.Cmd {
		cmd := exec.Command(binary, "watch", "--allow-private-fetch", "--quiet")
		cmd.Dir = tmp
		cmd.Env = storeEnv(t, tmp)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { cmd.Process.Kill(); cmd.Wait() })
		return cmd
	}
	waitArticles := func(n int) {
		deadline := time.Now().Add(15 * time.Second)
		for articles() < n {
			if time.Now().After(deadline) {
				t.Fatalf("never %d articles (have %d)", n, articles())
			}
			time.Sleep(100 * time.Millisecond)
		}
	}
	cmd := start()
	waitArticles(3)
	// Let the check be recorded, then crash.
	deadline := time.Now().Add(10 * time.Second)
	for !strings.Contains(mustRun(t, tmp, "sources", "list").stdout, "ago") {
		if time.Now().After(deadline) {
			t.Fatal("the check was never recorded")
		}
		time.Sleep(100 * time.Millisecond)
	}
	cmd.Process.Kill()
	cmd.Wait()
	f.mu.Lock()
	before := len(f.conditional)
	f.mu.Unlock()
	f.publish(4)
	start()
	waitArticles(4)
	time.Sleep(1500 * time.Millisecond)
	if got := articles(); got != 4 {
		t.Errorf("%d articles after the restart, want 4 (nothing twice)", got)
	}
	f.mu.Lock()
	defer f.mu.Unlock()
	if len(f.conditional) <= before || !f.conditional[before] {
		t.Errorf("the first request after the crash was not conditional: %v", f.conditional[before:])
	}
}
