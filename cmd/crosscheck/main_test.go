package main

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// The tests run the real binary, built once, against real SQLite files
// (and PostgreSQL databases, see store_test.go).
var binary string

func TestMain(m *testing.M) {
	if b := os.Getenv(e2eBinaryEnv); b != "" {
		binary = b // the PostgreSQL run of the parent's binary
		os.Exit(m.Run())
	}
	flag.Parse()
	if f := flag.Lookup("test.fuzz"); f != nil && f.Value.String() != "" {
		os.Exit(m.Run()) // fuzzing needs no binary (and its workers would each build one)
	}
	dir, err := os.MkdirTemp("", "crosscheck-bin-")
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	binary = filepath.Join(dir, "crosscheck")
	if out, err := exec.Command("go", "build", "-o", binary, ".").CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "build crosscheck: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(dir)
	os.Exit(code)
}

const (
	parisDir = "../../../shared/corpora/paris-2025-09-04"
	examples = "../../examples"
)

type result struct {
	stdout, stderr string
	code           int
}

// run runs the binary with args in dir (the test's temp dir when empty).
func run(t *testing.T, dir string, stdin string, args ...string) result {
	t.Helper()
	cmd := exec.CommandContext(t.Context(), binary, args...)
	cmd.Dir = dir
	cmd.Env = storeEnv(t, dir)
	cmd.Stdin = strings.NewReader(stdin)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatalf("run %v: %v", args, err)
	}
	return result{out.String(), errb.String(), code}
}

func mustRun(t *testing.T, dir string, args ...string) result {
	t.Helper()
	r := run(t, dir, "", args...)
	if r.code != 0 {
		t.Fatalf("crosscheck %v: exit %d\nstderr:\n%s", args, r.code, r.stderr)
	}
	return r
}

func abs(t *testing.T, p string) string {
	t.Helper()
	a, err := filepath.Abs(p)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(a); err != nil {
		t.Skipf("%s is not here: %v", p, err)
	}
	return a
}

// wireReport is the part of the contract JSON the tests read.
type wireReport struct {
	Stories []struct {
		ID        string  `json:"id"`
		Title     string  `json:"title"`
		EventDate *string `json:"event_date"`
		Articles  []struct {
			ID        string  `json:"id"`
			Source    string  `json:"source"`
			Outlet    *string `json:"outlet"`
			Author    *string `json:"author"`
			Published *string `json:"published"`
			Title     *string `json:"title"`
			Text      string  `json:"text"`
		} `json:"articles"`
	} `json:"stories"`
}

func str(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func TestAnalyzeParisArticles(t *testing.T) {
	dir := abs(t, parisDir)
	r := mustRun(t, t.TempDir(), "analyze", "--format", "json", dir)
	var rep wireReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, r.stdout)
	}
	var exp struct {
		Story struct {
			Files     []string `json:"files"`
			EventDate string   `json:"event_date"`
		} `json:"story"`
		Articles map[string]struct {
			Outlet    *string `json:"outlet_contains"`
			Author    *string `json:"author"`
			Published *string `json:"published"`
		} `json:"articles"`
		Boilerplate []string `json:"boilerplate"`
	}
	raw, err := os.ReadFile(filepath.Join(dir, "expected.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(raw, &exp); err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, s := range rep.Stories {
		for _, a := range s.Articles {
			f := filepath.Base(a.Source)
			want, ok := exp.Articles[f]
			if !ok {
				continue
			}
			seen++
			if !strings.HasPrefix(a.Source, dir) {
				t.Errorf("%s: source %q, want the path as given", f, a.Source)
			}
			if want.Outlet != nil && !strings.Contains(strings.ToLower(str(a.Outlet)), *want.Outlet) {
				t.Errorf("%s: outlet %q, want it to contain %q", f, str(a.Outlet), *want.Outlet)
			}
			if want.Outlet == nil && a.Outlet != nil {
				t.Errorf("%s: outlet %q, but the text names none", f, *a.Outlet)
			}
			if want.Author != nil && str(a.Author) != *want.Author {
				t.Errorf("%s: author %q, want %q", f, str(a.Author), *want.Author)
			}
			if want.Published != nil && !strings.HasPrefix(str(a.Published), *want.Published) {
				t.Errorf("%s: published %q, want %s", f, str(a.Published), *want.Published)
			}
			// 002 states no headline: its title must stay empty, not be made up.
			if hasHeadline := f != "002_c3d1becd9a7b9098.txt"; hasHeadline != (str(a.Title) != "") {
				t.Errorf("%s: title %q, want one only when the text states a headline", f, str(a.Title))
			}
			for _, b := range exp.Boilerplate {
				if strings.Contains(a.Text, b) {
					t.Errorf("%s: boilerplate %q left in the text", f, b)
				}
			}
		}
	}
	if seen != len(exp.Articles) {
		t.Fatalf("%d of %d Paris articles in the report", seen, len(exp.Articles))
	}
}

func TestAnalyzeParisOneStory(t *testing.T) {
	dir := abs(t, parisDir)
	r := mustRun(t, t.TempDir(), "analyze", "--format", "json", dir)
	var rep wireReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if got := len(rep.Stories); got != 1 {
		t.Fatalf("%d stories, want the five reports in one", got)
	}
	s := rep.Stories[0]
	if got := len(s.Articles); got != 5 {
		t.Errorf("story has %d articles, want 5", got)
	}
	if got := str(s.EventDate); got != "2025-09-04" {
		t.Errorf("event date %q, want 2025-09-04", got)
	}
}

// TestAnalyzeParisScore runs the reference scorer on the report, the
// acceptance check of the cross-checking stage.
func TestAnalyzeParisScore(t *testing.T) {
	dir := abs(t, parisDir)
	scorer := abs(t, "../../../shared/tools/score_report.py")
	tmp := t.TempDir()
	out := filepath.Join(tmp, "report.json")
	mustRun(t, tmp, "analyze", "--format", "json", "-o", out, dir)
	cmd := exec.Command("python3", scorer, out, filepath.Join(dir, "expected.json"))
	b, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("score_report.py: %v\n%s", err, b)
	}
	t.Logf("score_report.py:\n%s", b)
}

func TestAnalyzeExamples(t *testing.T) {
	dir := abs(t, examples)
	r := mustRun(t, t.TempDir(), "analyze", "--format", "json", dir)
	var rep wireReport
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatal(err)
	}
	if len(rep.Stories) != 2 {
		t.Fatalf("%d stories, want 2 (the ferry and the tram vote)", len(rep.Stories))
	}
	if got := len(rep.Stories[0].Articles) + len(rep.Stories[1].Articles); got != 6 {
		t.Errorf("%d articles, want 6", got)
	}
	text := mustRun(t, t.TempDir(), "analyze", dir)
	if !strings.Contains(text.stdout, "Selje Star") {
		t.Errorf("text report does not name the ferry:\n%s", text.stdout)
	}
	if !strings.Contains(text.stderr, "ingested 6") {
		t.Errorf("summary line missing: %s", text.stderr)
	}
}

func TestIngestIdempotentAndListings(t *testing.T) {
	tmp := t.TempDir()
	ex := abs(t, examples)
	r := mustRun(t, tmp, "ingest", ex)
	if !strings.Contains(r.stderr, "ingested 6, duplicates 0") {
		t.Errorf("first ingest: %s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(tmp, "crosscheck.db")); err != nil && !onPostgres {
		t.Fatalf("default store not created: %v", err)
	}
	r = mustRun(t, tmp, "ingest", ex)
	if !strings.Contains(r.stderr, "ingested 0, duplicates 6") {
		t.Errorf("re-ingest should store nothing new: %s", r.stderr)
	}

	var list struct {
		Total    int `json:"total"`
		Articles []struct {
			ID, Outlet, Title, StoryID string
		} `json:"articles"`
	}
	r = mustRun(t, tmp, "articles", "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &list); err != nil {
		t.Fatal(err)
	}
	if list.Total != 6 || len(list.Articles) != 6 {
		t.Fatalf("articles: total %d, listed %d, want 6", list.Total, len(list.Articles))
	}
	id := list.Articles[0].ID
	r = mustRun(t, tmp, "show", id)
	if !strings.Contains(r.stdout, "ID:") || !strings.Contains(r.stdout, id) {
		t.Errorf("show %s:\n%s", id, r.stdout)
	}

	var hits struct {
		Hits []struct {
			Article struct{ ID, Title string } `json:"article"`
		} `json:"hits"`
	}
	r = mustRun(t, tmp, "search", "--format", "json", "tram")
	if err := json.Unmarshal([]byte(r.stdout), &hits); err != nil {
		t.Fatal(err)
	}
	if len(hits.Hits) != 1 || !strings.Contains(hits.Hits[0].Article.Title, "tram") {
		t.Errorf("search tram: %+v", hits.Hits)
	}

	var stories struct {
		Total   int `json:"total"`
		Stories []struct {
			ID       string `json:"id"`
			Articles int    `json:"articles"`
		} `json:"stories"`
	}
	r = mustRun(t, tmp, "stories", "--format", "json")
	if err := json.Unmarshal([]byte(r.stdout), &stories); err != nil {
		t.Fatal(err)
	}
	if stories.Total != 2 {
		t.Fatalf("stories: %d, want 2", stories.Total)
	}
	r = mustRun(t, tmp, "story", stories.Stories[0].ID)
	if !strings.Contains(r.stdout, "Event date:") {
		t.Errorf("story:\n%s", r.stdout)
	}
	mustRun(t, tmp, "recluster")
	r = mustRun(t, tmp, "stories", "--format", "json")
	var again struct{ Total int }
	json.Unmarshal([]byte(r.stdout), &again)
	if again.Total != 2 {
		t.Errorf("after recluster: %d stories, want 2", again.Total)
	}
}

func TestIngestBadInputs(t *testing.T) {
	tmp := t.TempDir()
	write := func(name string, b []byte) string {
		p := filepath.Join(tmp, name)
		if err := os.WriteFile(p, b, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	good := write("good.txt", []byte("Harbour reopens after storm\n\nThe harbour of Eastport reopened on Monday after a storm closed it for two days, the port authority said. Ships waiting offshore began to enter in the afternoon.\n"))
	empty := write("empty.txt", nil)
	binary := write("blob.txt", []byte{0x7f, 'E', 'L', 'F', 0, 0, 1, 2, 3, 0, 0, 0})
	// Too short for a confident guess at its charset (a longer latin-1
	// text is decoded: ingest.TestLegacyTextFileDecodedWhenConfident).
	badUTF8 := write("latin.txt", []byte("Caf\xe9 owners protest\n\nThey met.\n"))
	jsonl := write("mixed.jsonl", []byte(`{"id":"r1","title":"Bridge closes for repairs","text":"The Westgate bridge closed on Monday for three weeks of repairs, the city said. Drivers were told to use the ring road.","outlet":"Eastport Post","published":"2025-03-03"}
{"id":"r2", this is not json
{"id":"r3","title":"Library extends hours","text":"The central library will stay open until ten in the evening from April, the council said on Monday.","outlet":"Eastport Post"}
`))
	missing := filepath.Join(tmp, "missing.txt")
	r := run(t, tmp, "", "ingest", good, empty, binary, badUTF8, jsonl, missing)
	if r.code != 1 {
		t.Errorf("exit %d, want 1 when some inputs fail", r.code)
	}
	for _, want := range []string{"empty.txt", "blob.txt", "latin.txt", "mixed.jsonl:2", "missing.txt"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %s:\n%s", want, r.stderr)
		}
	}
	if !strings.Contains(r.stderr, "ingested 3") {
		t.Errorf("the good inputs should go in:\n%s", r.stderr)
	}
	var list struct{ Total int }
	json.Unmarshal([]byte(mustRun(t, tmp, "articles", "--format", "json").stdout), &list)
	if list.Total != 3 {
		t.Errorf("%d articles stored, want 3", list.Total)
	}
}

func TestIngestURLs(t *testing.T) {
	// windows-1251 page: Cyrillic must come out right.
	page := "<html><head><meta charset=\"windows-1251\"><title>Порт открыт</title></head><body><article><h1>Порт открыт</h1>" +
		strings.Repeat("<p>Порт Истпорта снова открыт после шторма, сообщили власти в понедельник. Суда начали заходить в гавань.</p>", 3) +
		"</article></body></html>"
	enc := encode1251(t, page)
	mux := http.NewServeMux()
	mux.HandleFunc("/ru", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1251")
		w.Write(enc)
	})
	hang := make(chan struct{})
	mux.HandleFunc("/hang", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-hang:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/loop", http.StatusFound)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	defer close(hang)

	tmp := t.TempDir()
	r := run(t, tmp, "", "ingest", "--timeout", "1s", srv.URL+"/ru", srv.URL+"/hang", srv.URL+"/loop", "ftp://example.invalid/x")
	if r.code != 1 {
		t.Errorf("exit %d, want 1", r.code)
	}
	for _, want := range []string{"/hang", "/loop", "ftp://"} {
		if !strings.Contains(r.stderr, want) {
			t.Errorf("stderr does not name %s:\n%s", want, r.stderr)
		}
	}
	var list struct {
		Articles []struct{ ID, Title string } `json:"articles"`
	}
	json.Unmarshal([]byte(mustRun(t, tmp, "articles", "--format", "json").stdout), &list)
	if len(list.Articles) != 1 || list.Articles[0].Title != "Порт открыт" {
		t.Fatalf("articles: %+v, want the windows-1251 page decoded", list.Articles)
	}
}

// encode1251 encodes the Cyrillic of s in windows-1251 (test helper: only
// the letters used here).
func encode1251(t *testing.T, s string) []byte {
	var b []byte
	for _, r := range s {
		switch {
		case r < 0x80:
			b = append(b, byte(r))
		case r >= 'А' && r <= 'я':
			b = append(b, byte(0xC0+(r-'А')))
		default:
			t.Fatalf("encode1251: %q", r)
		}
	}
	return b
}

// TestInterruptKeepsStoreConsistent stops a long ingest with SIGINT and
// checks that the store opens, holds whole articles, and that running the
// ingest again completes it.
func TestInterruptKeepsStoreConsistent(t *testing.T) {
	tmp := t.TempDir()
	in := filepath.Join(tmp, "in")
	os.Mkdir(in, 0o755)
	const n = 3000
	for i := range n {
		body := fmt.Sprintf("Report %d on the harbour\n\nThe harbour authority of town %d said on Monday that %d ships had entered the port, and that traffic was normal for the season in district %d.\n", i, i, i%97, i*7)
		os.WriteFile(filepath.Join(in, fmt.Sprintf("a%05d.txt", i)), []byte(body), 0o644)
	}
	cmd := exec.Command(binary, "ingest", in)
	cmd.Dir = tmp
	cmd.Env = storeEnv(t, tmp)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	// Interrupt once the store exists and the first batches are going in.
	deadline := time.Now().Add(30 * time.Second)
	for time.Now().Before(deadline) {
		if storeHasArticles(t, tmp) {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	time.Sleep(300 * time.Millisecond)
	cmd.Process.Signal(syscall.SIGINT)
	cmd.Wait()
	t.Logf("interrupted run: %s", errb.String())

	var list struct{ Total int }
	json.Unmarshal([]byte(mustRun(t, tmp, "articles", "--format", "json", "--limit", "1").stdout), &list)
	if list.Total > n {
		t.Fatalf("%d articles after interrupt, more than %d inputs", list.Total, n)
	}
	r := mustRun(t, tmp, "ingest", in)
	if !strings.Contains(r.stderr, fmt.Sprintf("ingested %d, duplicates %d", n-list.Total, list.Total)) {
		t.Errorf("second run should add exactly the rest (%d stored before): %s", list.Total, r.stderr)
	}
	json.Unmarshal([]byte(mustRun(t, tmp, "articles", "--format", "json", "--limit", "1").stdout), &list)
	if list.Total != n {
		t.Errorf("%d articles after the second run, want %d", list.Total, n)
	}
}

func TestUsage(t *testing.T) {
	r := run(t, t.TempDir(), "")
	if r.code != 2 || !strings.Contains(r.stderr, "analyze") {
		t.Errorf("no args: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, t.TempDir(), "", "analyze", "-h")
	if r.code != 0 || !strings.Contains(r.stderr, "Examples:") {
		t.Errorf("analyze -h: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, t.TempDir(), "", "analyze", "--format", "pdf", "x")
	if r.code != 2 || !strings.Contains(r.stderr, "choose text, markdown, html or json") {
		t.Errorf("bad format: exit %d\n%s", r.code, r.stderr)
	}
	r = run(t, t.TempDir(), "", "stories")
	if r.code != 1 || !strings.Contains(r.stderr, "crosscheck ingest") {
		t.Errorf("no store: exit %d\n%s", r.code, r.stderr)
	}
}

func TestEvalStories(t *testing.T) {
	gold := abs(t, "../../../shared/corpora/ecbplus/articles.jsonl")
	r := mustRun(t, t.TempDir(), "eval", "stories", "--gold", gold, "--format", "json")
	var sc struct {
		BCubedF1 float64
		PairF1   float64
		Articles int
	}
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil {
		t.Fatalf("eval output: %v\n%s", err, r.stdout)
	}
	t.Logf("ECB+: B-cubed F1 %.3f, pairwise F1 %.3f over %d articles", sc.BCubedF1, sc.PairF1, sc.Articles)
	if sc.Articles != 982 {
		t.Errorf("scored %d articles, want 982", sc.Articles)
	}
	// eval stories reads, stores and places as analyze does: the figure
	// is the one analyze gives.
	// Reached 0.931.
	if sc.BCubedF1 < 0.93 {
		t.Errorf("B-cubed F1 %.3f on ECB+, want >= 0.93", sc.BCubedF1)
	}
	r = mustRun(t, t.TempDir(), "eval", "stories", "--gold", gold)
	if !strings.Contains(r.stdout, "B-cubed") {
		t.Errorf("text output:\n%s", r.stdout)
	}
	bad := run(t, t.TempDir(), "", "eval", "stories", "--gold", "nope.jsonl")
	if bad.code != 1 || !strings.Contains(bad.stderr, "nope.jsonl") {
		t.Errorf("missing gold file: exit %d\n%s", bad.code, bad.stderr)
	}
}

// TestEvalStoriesHeadlines scores ECB+ as a feed of headlines gives it
// (each record's first line only, as its title and its text) through the
// same path as analyze (issue 10).
func TestEvalStoriesHeadlines(t *testing.T) {
	tmp := t.TempDir()
	b, err := os.ReadFile(abs(t, "../../../shared/corpora/ecbplus/articles.jsonl"))
	if err != nil {
		t.Skipf("ECB+ missing: %v", err)
	}
	var out bytes.Buffer
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		var r map[string]any
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		text, _ := r["text"].(string)
		head, _, _ := strings.Cut(text, "\n")
		r["text"], r["title"] = strings.TrimSpace(head), strings.TrimSpace(head)
		enc, _ := json.Marshal(r)
		out.Write(append(enc, '\n'))
	}
	gold := filepath.Join(tmp, "headlines.jsonl")
	if err := os.WriteFile(gold, out.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, tmp, "eval", "stories", "--gold", gold, "--format", "json")
	var sc struct {
		BCubedP, BCubedR, BCubedF1 float64
		Articles                   int
	}
	if err := json.Unmarshal([]byte(r.stdout), &sc); err != nil {
		t.Fatalf("eval output: %v\n%s", err, r.stdout)
	}
	t.Logf("ECB+ headlines only: B-cubed P %.3f R %.3f F1 %.3f over %d articles", sc.BCubedP, sc.BCubedR, sc.BCubedF1, sc.Articles)
	if sc.Articles != 982 {
		t.Errorf("scored %d articles, want 982", sc.Articles)
	}
	// Reached: P 0.875 R 0.749 F1 0.807 (0.797 before headlines sharing
	// no name or number counted less; 0.779 before slots that contrast
	// look-alike events; 0.731 before short items had their own bar).
	if sc.BCubedF1 < 0.806 || sc.BCubedP < 0.87 {
		t.Errorf("B-cubed P %.3f F1 %.3f on ECB+ headlines, want P >= 0.87, F1 >= 0.806", sc.BCubedP, sc.BCubedF1)
	}
}

// TestServe starts the real server, reads its health and a page, and stops
// it with SIGINT: it must shut down cleanly.
func TestServe(t *testing.T) {
	tmp := t.TempDir()
	mustRun(t, tmp, "ingest", abs(t, examples))
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(binary, "serve", "--addr", addr, "--read-only")
	cmd.Dir = tmp
	cmd.Env = storeEnv(t, tmp)
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer cmd.Process.Kill()
	var resp *http.Response
	for range 100 {
		resp, err = http.Get("http://" + addr + "/healthz")
		if err == nil {
			break
		}
		time.Sleep(100 * time.Millisecond)
	}
	if err != nil {
		t.Fatalf("server did not come up: %v\n%s", err, errb.String())
	}
	resp.Body.Close()
	if resp.StatusCode != 200 {
		t.Errorf("/healthz: %d", resp.StatusCode)
	}
	resp, err = http.Get("http://" + addr + "/")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	if resp.StatusCode != 200 || !strings.Contains(string(body), "Selje Star") {
		t.Errorf("story list: %d\n%.500s", resp.StatusCode, body)
	}
	cmd.Process.Signal(syscall.SIGINT)
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("serve exited with %v after SIGINT\n%s", err, errb.String())
		}
	case <-time.After(15 * time.Second):
		t.Fatalf("serve did not stop after SIGINT\n%s", errb.String())
	}
}
