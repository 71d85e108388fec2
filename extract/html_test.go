package extract

import (
	"bytes"
	"compress/gzip"
	"encoding/json"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/markusmobius/go-trafilatura"
)

const (
	benchDir   = "../../shared/corpora/article-extraction"
	scorerPath = "../../shared/tools/score_extraction.py"
	// minF1 is the gate: go-trafilatura's published F1 on the benchmark.
	minF1 = 0.96
	// workers matches the machines crosscheck is tuned for.
	workers = 2
)

var extractionOut = flag.String("extract.out", "", "also write the article-extraction benchmark output JSON here (or set CROSSCHECK_EXTRACTION_OUT)")

type benchPage struct {
	id   string
	body []byte // UTF-8
}

var (
	pagesOnce sync.Once
	pagesList []benchPage
	pagesErr  error
)

// benchPages loads and decodes the 181 pages of the benchmark once.
func benchPages(tb testing.TB) []benchPage {
	tb.Helper()
	pagesOnce.Do(func() {
		files, err := filepath.Glob(filepath.Join(benchDir, "html", "*.html.gz"))
		if err != nil || len(files) == 0 {
			pagesErr = os.ErrNotExist
			return
		}
		sort.Strings(files)
		for _, f := range files {
			raw, err := readGzip(f)
			if err != nil {
				pagesErr = err
				return
			}
			body, err := decodePage(raw)
			if err != nil {
				pagesErr = err
				return
			}
			pagesList = append(pagesList, benchPage{id: strings.TrimSuffix(filepath.Base(f), ".html.gz"), body: body})
		}
	})
	if pagesErr == os.ErrNotExist {
		tb.Skipf("article-extraction corpus not found at %s", benchDir)
	}
	if pagesErr != nil {
		tb.Fatal(pagesErr)
	}
	return pagesList
}

func readGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, err
	}
	return io.ReadAll(zr)
}

// decodePage decodes a saved page as ingest does.
func decodePage(raw []byte) ([]byte, error) {
	return ingest.ToUTF8(raw, "")
}

// runPages calls fn on every page with the given number of workers.
func runPages(pages []benchPage, n int, fn func(benchPage)) {
	var next atomic.Int64
	var wg sync.WaitGroup
	for range n {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= len(pages) {
					return
				}
				fn(pages[i])
			}
		}()
	}
	wg.Wait()
}

var f1Pattern = regexp.MustCompile(`F1 ([0-9.]+)`)

// TestArticleExtractionBenchmark extracts the 181 pages of the
// article-extraction benchmark and scores the bodies with the shared
// scorer: F1 must reach go-trafilatura's published 0.960.
func TestArticleExtractionBenchmark(t *testing.T) {
	pages := benchPages(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the scorer needs it")
	}
	type entry struct {
		ArticleBody string `json:"articleBody"`
	}
	out := make(map[string]entry, len(pages))
	var mu sync.Mutex
	var failed []string
	runPages(pages, workers, func(p benchPage) {
		a, err := Extract(&crosscheck.Document{Source: p.id, Format: crosscheck.FormatHTML, Body: p.body}, Options{})
		mu.Lock()
		defer mu.Unlock()
		if err != nil {
			failed = append(failed, p.id+": "+err.Error())
			out[p.id] = entry{}
			return
		}
		out[p.id] = entry{ArticleBody: a.Text}
	})
	if len(failed) > 0 {
		t.Errorf("%d pages failed:\n%s", len(failed), strings.Join(failed, "\n"))
	}
	data, err := json.MarshalIndent(out, "", " ")
	if err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "extraction.json")
	if err := os.WriteFile(path, data, 0o644); err != nil {
		t.Fatal(err)
	}
	keep := *extractionOut
	if keep == "" {
		keep = os.Getenv("CROSSCHECK_EXTRACTION_OUT")
	}
	if keep != "" {
		if err := os.WriteFile(keep, data, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	cmd := exec.CommandContext(t.Context(), python, scorerPath, path, filepath.Join(benchDir, "ground-truth.json"))
	res, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, res)
	}
	m := f1Pattern.FindSubmatch(res)
	if m == nil {
		t.Fatalf("no F1 in scorer output:\n%s", res)
	}
	f1, err := strconv.ParseFloat(string(m[1]), 64)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("%s", bytes.TrimSpace(res))
	if f1 < minF1 {
		t.Errorf("F1 = %.3f, want >= %.3f", f1, minF1)
	}
}

// benchmarkPages runs fn over b.N pages with the benchmark's workers and
// reports pages per second.
func benchmarkPages(b *testing.B, fn func(benchPage)) {
	pages := benchPages(b)
	b.ReportAllocs()
	b.ResetTimer()
	start := time.Now()
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for {
				i := int(next.Add(1)) - 1
				if i >= b.N {
					return
				}
				fn(pages[i%len(pages)])
			}
		}()
	}
	wg.Wait()
	b.ReportMetric(float64(b.N)/time.Since(start).Seconds(), "pages/s")
}

// BenchmarkExtractHTML is crosscheck's HTML path over the benchmark pages.
func BenchmarkExtractHTML(b *testing.B) {
	benchmarkPages(b, func(p benchPage) {
		_, _ = Extract(&crosscheck.Document{Source: p.id, Format: crosscheck.FormatHTML, Body: p.body}, Options{})
	})
}

// BenchmarkTrafilaturaBare is go-trafilatura's Extract with default options
// on the same pages: the speed to compare BenchmarkExtractHTML with.
func BenchmarkTrafilaturaBare(b *testing.B) {
	benchmarkPages(b, func(p benchPage) {
		_, _ = trafilatura.Extract(bytes.NewReader(p.body), trafilatura.Options{})
	})
}
