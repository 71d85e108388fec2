package web

import (
	"context"
	"encoding/json"
	"io"
	"iter"
	"net"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/pipeline"
)

// Issue 12, failure 6: the server accepted any Host, so a page whose name
// was made to resolve to the server (DNS rebinding) passed the
// same-origin check of POST /api/ingest with a matching Origin.
func TestHostChecks(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	port := f.http.Listener.Addr().(*net.TCPAddr).Port
	do := func(method, host, origin string) int {
		req, _ := http.NewRequest(method, f.http.URL+"/api/ingest", strings.NewReader(`{"text":"The mayor said 5 came on Monday to the hall."}`))
		if method == "GET" {
			req, _ = http.NewRequest(method, f.http.URL+"/api/stories", nil)
		}
		req.Host = host
		req.Header.Set("Content-Type", "application/json")
		if origin != "" {
			req.Header.Set("Origin", origin)
			req.Header.Set("Sec-Fetch-Site", "same-origin")
		}
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode
	}
	evil := "evil.example:" + itoa(port)
	for _, tc := range []struct {
		method, host, origin string
		want                 int
	}{
		{"POST", evil, "http://" + evil, http.StatusForbidden},
		{"GET", evil, "", http.StatusForbidden},
		{"GET", "localhost:" + itoa(port), "", http.StatusOK},
		{"GET", "127.0.0.1:" + itoa(port), "", http.StatusOK},
		{"GET", "[::1]:" + itoa(port), "", http.StatusOK},
		{"POST", "127.0.0.1:" + itoa(port), "http://evil.example", http.StatusForbidden},
		{"POST", "127.0.0.1:" + itoa(port), "http://127.0.0.1:" + itoa(port), http.StatusOK},
	} {
		if got := do(tc.method, tc.host, tc.origin); got != tc.want {
			t.Errorf("%s Host %s Origin %q: %d, want %d", tc.method, tc.host, tc.origin, got, tc.want)
		}
	}
	// --allowed-hosts names the host.
	s, err := New(Config{Articles: f.db, Stories: f.db, Reports: f.pipe, AllowedHosts: []string{"News.Example.org."}})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	for host, want := range map[string]int{"news.example.org:8080": 200, "news.example.org": 200, "localhost": 403, "evil.example": 403} {
		req := httptest.NewRequest("GET", "/healthz", nil)
		req.Host = host
		w := httptest.NewRecorder()
		s.Handler().ServeHTTP(w, req)
		if w.Code != want {
			t.Errorf("allowed news.example.org: Host %s: %d, want %d", host, w.Code, want)
		}
	}
}

// TestHostPolicyBind: bound to loopback, the server answers loopback
// names; bound to every interface, also the machine's addresses.
func TestHostPolicyBind(t *testing.T) {
	p := newHostPolicy(nil).bind(&net.TCPAddr{IP: net.ParseIP("127.0.0.1"), Port: 8080})
	for h, want := range map[string]bool{"localhost:8080": true, "127.0.0.1": true, "evil.example": false, "": false, "10.1.2.3": false} {
		if got := p.allows(h); got != want {
			t.Errorf("loopback: allows(%q) = %v", h, got)
		}
	}
	all := newHostPolicy(nil).bind(&net.TCPAddr{IP: net.IPv4zero, Port: 8080})
	addrs, _ := net.InterfaceAddrs()
	for _, a := range addrs {
		if ipn, ok := a.(*net.IPNet); ok && !all.allows(ipn.IP.String()) {
			t.Errorf("bound to all: own address %s refused", ipn.IP)
		}
	}
	if all.allows("evil.example") {
		t.Error("bound to all: evil.example allowed")
	}
	if !newHostPolicy([]string{"*"}).allows("anything.example") {
		t.Error("* does not allow every host")
	}
}

// slowReporter makes every analysis take a while.
type slowReporter struct {
	Reporter
	delay time.Duration
	mu    sync.Mutex
	calls int
}

func (s *slowReporter) StoryReport(ctx context.Context, id string) (*crosscheck.StoryReport, error) {
	s.mu.Lock()
	s.calls++
	s.mu.Unlock()
	time.Sleep(s.delay)
	return s.Reporter.StoryReport(ctx, id)
}

// TestSlowAnalysisDegrades: a story whose analysis outlasts the wait gets
// a quick 503 with Retry-After, and the page once the analysis is done.
func TestSlowAnalysisDegrades(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	id := f.parisStory(t)
	slow := &slowReporter{Reporter: f.pipe, delay: 1500 * time.Millisecond}
	s, err := New(Config{Articles: f.db, Stories: f.db, Reports: slow, AnalysisWait: 200 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	start := time.Now()
	w := httptest.NewRecorder()
	s.Handler().ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/stories/"+id, nil))
	if w.Code != http.StatusServiceUnavailable || w.Header().Get("Retry-After") == "" || time.Since(start) > time.Second {
		t.Fatalf("slow analysis: %d Retry-After %q after %v", w.Code, w.Header().Get("Retry-After"), time.Since(start))
	}
	if !strings.Contains(w.Body.String(), "still being cross-checked") {
		t.Errorf("slow analysis page: %.300s", w.Body.String())
	}
	time.Sleep(2 * time.Second)
	w = httptest.NewRecorder()
	s.Handler().ServeHTTP(w, httptest.NewRequest("GET", "http://127.0.0.1/stories/"+id, nil))
	if w.Code != http.StatusOK {
		t.Fatalf("after the analysis: %d", w.Code)
	}
	if slow.calls > 2 { // the warm-up may have started one
		t.Errorf("%d analyses of one story", slow.calls)
	}
}

// blockingIngester holds every addition until released.
type blockingIngester struct {
	Ingester
	release chan struct{}
}

func (b *blockingIngester) Ingest(ctx context.Context, docs iter.Seq2[*crosscheck.Document, error], p pipeline.Progress) (pipeline.Summary, error) {
	<-b.release
	return b.Ingester.Ingest(ctx, docs, p)
}

// TestConcurrencyCaps: past the cap of requests in flight, and past the
// cap of additions, the server answers 503 with Retry-After at once,
// while /healthz still answers.
func TestConcurrencyCaps(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	block := &blockingIngester{Ingester: f.pipe, release: make(chan struct{})}
	s, err := New(Config{Articles: f.db, Stories: f.db, Reports: f.pipe, Ingester: block, MaxConcurrent: 3, MaxAdds: 1})
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	hs := httptest.NewServer(s.Handler())
	defer hs.Close()
	post := func() (int, string) {
		resp, err := http.Post(hs.URL+"/api/ingest", "application/json", strings.NewReader(`{"text":"The mayor said 5 came on Monday to the hall of the town."}`))
		if err != nil {
			t.Error(err)
			return 0, ""
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		return resp.StatusCode, resp.Header.Get("Retry-After")
	}
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); post() }() // holds the one addition slot
	time.Sleep(300 * time.Millisecond)
	if code, ra := post(); code != http.StatusServiceUnavailable || ra == "" {
		t.Errorf("second addition: %d Retry-After %q, want 503 with Retry-After", code, ra)
	}
	// The addition in flight holds one request slot; take the other two.
	for range 2 {
		s.limits.requests <- struct{}{}
	}
	resp, err := http.Get(hs.URL + "/api/stories")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusServiceUnavailable || resp.Header.Get("Retry-After") == "" {
		t.Errorf("past the request cap: %d Retry-After %q", resp.StatusCode, resp.Header.Get("Retry-After"))
	}
	resp, err = http.Get(hs.URL + "/healthz")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("/healthz past the cap: %d", resp.StatusCode)
	}
	<-s.limits.requests
	<-s.limits.requests
	close(block.release)
	wg.Wait()
}

// TestLocalPathsHidden: the API and pages show a local file by its name.
func TestLocalPathsHidden(t *testing.T) {
	f := newFixture(t, fixtureOptions{paris: true})
	for _, path := range []string{"/api/articles", "/api/stories/" + f.parisStory(t) + "/report", "/api/search?q=Paris"} {
		resp, err := http.Get(f.http.URL + path)
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if strings.Contains(string(b), "corpora/") || strings.Contains(string(b), "../") {
			t.Errorf("%s shows a local path: %.300s", path, b)
		}
	}
	for in, want := range map[string]string{
		"/home/ana/reports/a.txt": "a.txt", `C:\Users\ana\b.html`: "b.html", "../x/feed.jsonl#41": "feed.jsonl#41",
		"https://example.org/a": "https://example.org/a", "upload:a.txt": "upload:a.txt", "-": "-",
	} {
		if got := publicSource(in); got != want {
			t.Errorf("publicSource(%q) = %q, want %q", in, got, want)
		}
	}
}

// Issue 12, failure 7: in read-only mode openapi.json listed POST /api/ingest.
func TestReadOnlyOpenAPI(t *testing.T) {
	f := newFixture(t, fixtureOptions{readOnly: true})
	resp, err := http.Get(f.http.URL + "/api/openapi.json")
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	var doc struct {
		Paths map[string]map[string]any `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	if len(doc.Paths) == 0 {
		t.Fatal("no paths")
	}
	for p, ops := range doc.Paths {
		if _, ok := ops["post"]; ok {
			t.Errorf("read-only openapi.json lists POST %s", p)
		}
	}
}

// TestSlowClientsAndBodyLimit: a client that never finishes its headers is
// cut off after the header timeout, and a body over the limit gets 413.
func TestSlowClientsAndBodyLimit(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	s, err := New(Config{Articles: f.db, Stories: f.db, Reports: f.pipe, Ingester: f.pipe,
		HeaderTimeout: 300 * time.Millisecond, MaxUploadBytes: 1 << 10})
	if err != nil {
		t.Fatal(err)
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, stop := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Serve(ctx, ln) }()
	defer func() { stop(); <-done }()
	c, err := net.Dial("tcp", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ")
	start := time.Now()
	c.SetReadDeadline(time.Now().Add(5 * time.Second))
	io.ReadAll(c) // returns when the server hangs up
	if d := time.Since(start); d > 3*time.Second {
		t.Errorf("a client stuck in its headers was kept %v", d)
	}
	body := `{"text":"` + strings.Repeat("word ", 1000) + `"}`
	resp, err := http.Post("http://"+ln.Addr().String()+"/api/ingest", "application/json", strings.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusRequestEntityTooLarge {
		t.Errorf("a body over the limit: %d, want 413", resp.StatusCode)
	}
}
