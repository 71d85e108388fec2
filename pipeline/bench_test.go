package pipeline_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"fmt"
	"io"
	"iter"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/crosscheck-news/crosscheck/sqlite"
	"github.com/crosscheck-news/crosscheck/story"
	trafilatura "github.com/markusmobius/go-trafilatura"
)

const pagesDir = "../../shared/corpora/article-extraction/html"

// newPipeline wires the real stages over a fresh store in dir.
func newPipeline(tb testing.TB, dir string) (*pipeline.Pipeline, *sqlite.DB) {
	tb.Helper()
	db, err := sqlite.Open(context.Background(), filepath.Join(dir, "bench.db"))
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { db.Close() })
	return &pipeline.Pipeline{
		Store: db,
		Extract: func(d *crosscheck.Document) (*crosscheck.Article, error) {
			return extract.Extract(d, extract.Options{})
		},
		Clusterer: story.NewClusterer(story.Options{}),
		Workers:   2,
	}, db
}

// benchPages reads the 181 pages of the extraction benchmark, raw.
func benchPages(tb testing.TB) map[string][]byte {
	tb.Helper()
	paths, _ := filepath.Glob(filepath.Join(pagesDir, "*.html.gz"))
	if len(paths) == 0 {
		tb.Skipf("no pages under %s", pagesDir)
	}
	pages := map[string][]byte{}
	for _, p := range paths {
		f, err := os.Open(p)
		if err != nil {
			tb.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			tb.Fatal(err)
		}
		b, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			tb.Fatal(err)
		}
		pages[filepath.Base(p)] = b
	}
	return pages
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}

// htmlDocs yields the pages as ingest would: charset decoded to UTF-8.
func htmlDocs(tb testing.TB, pages map[string][]byte) iter.Seq2[*crosscheck.Document, error] {
	return func(yield func(*crosscheck.Document, error) bool) {
		for _, k := range sortedKeys(pages) {
			body, err := ingest.ToUTF8(pages[k], "text/html")
			if err != nil {
				if !yield(nil, &crosscheck.InputError{Input: k, Err: err}) {
					return
				}
				continue
			}
			if !yield(&crosscheck.Document{Source: k, Format: crosscheck.FormatHTML, Body: body}, nil) {
				return
			}
		}
	}
}

// BenchmarkHTMLPages measures, side by side in one run, the pages/s of
// crosscheck's whole HTML path into the store and of go-trafilatura's bare
// Extract on the same pages, both with two workers.
func BenchmarkHTMLPages(b *testing.B) {
	pages := benchPages(b)
	b.Run("bare-trafilatura-Extract", func(b *testing.B) {
		b.ReportAllocs()
		keys := sortedKeys(pages)
		failed := 0
		for b.Loop() {
			var wg sync.WaitGroup
			var mu sync.Mutex
			next := 0
			for range 2 {
				wg.Add(1)
				go func() {
					defer wg.Done()
					for {
						mu.Lock()
						if next >= len(keys) {
							mu.Unlock()
							return
						}
						k := keys[next]
						next++
						mu.Unlock()
						if _, err := trafilatura.Extract(bytes.NewReader(pages[k]), trafilatura.Options{}); err != nil {
							mu.Lock()
							failed++
							mu.Unlock()
						}
					}
				}()
			}
			wg.Wait()
		}
		b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
		b.ReportMetric(float64(failed)/float64(b.N), "failed/op")
	})
	b.Run("crosscheck-into-store", func(b *testing.B) {
		b.ReportAllocs()
		failed := 0
		for b.Loop() {
			b.StopTimer()
			p, _ := newPipeline(b, b.TempDir())
			b.StartTimer()
			sum, err := p.Ingest(context.Background(), htmlDocs(b, pages), nil)
			if err != nil {
				b.Fatal(err)
			}
			failed += sum.Failed
		}
		b.ReportMetric(float64(len(pages)*b.N)/b.Elapsed().Seconds(), "pages/s")
		b.ReportMetric(float64(failed)/float64(b.N), "failed/op")
	})
}

// textDocs yields n distinct plain-text articles of about 2.5 KB, made of
// pseudo-words drawn at random (seeded) between English function words, so
// that like real English articles they share few shingles (a templated text
// would make every article a near-duplicate candidate of every other) and
// read as English to language detection.
func textDocs(n int) iter.Seq2[*crosscheck.Document, error] {
	rng := rand.New(rand.NewPCG(1, 2))
	syll := []string{"ka", "lo", "mer", "tan", "vi", "so", "ber", "ul", "den", "ra", "po", "lin", "sta", "gor", "e", "ni"}
	vocab := make([]string, 5000)
	for i := range vocab {
		var w strings.Builder
		for range 2 + rng.IntN(3) {
			w.WriteString(syll[rng.IntN(len(syll))])
		}
		vocab[i] = w.String()
	}
	function := []string{"the", "of", "and", "to", "in", "a", "said", "on", "for", "that", "with", "was", "by", "at", "is", "from", "has", "it"}
	n0 := 0
	word := func() string {
		n0++
		if n0%2 == 0 {
			return function[rng.IntN(len(function))]
		}
		return vocab[int(float64(len(vocab))*rng.Float64()*rng.Float64())]
	}
	return func(yield func(*crosscheck.Document, error) bool) {
		for i := range n {
			var b bytes.Buffer
			fmt.Fprintf(&b, "Report %d on %s %s and %s\n\nBy Staff Writer\n\n", i, word(), word(), word())
			for range 5 {
				for range 4 {
					b.WriteString("The")
					for range 12 + rng.IntN(10) {
						b.WriteString(" " + word())
					}
					fmt.Fprintf(&b, " %d. ", rng.IntN(1000))
				}
				b.WriteString("\n\n")
			}
			if !yield(&crosscheck.Document{Source: fmt.Sprintf("doc%07d.txt", i), Format: crosscheck.FormatText, Body: b.Bytes()}, nil) {
				return
			}
		}
	}
}

// BenchmarkIngestText measures plain-text articles/s into the store, all
// stages included (extract, store, story placement), and the heap in use
// at the end, for two corpus sizes (three with CROSSCHECK_BENCH_LARGE=1):
// memory should stay flat.
func BenchmarkIngestText(b *testing.B) {
	sizes := []int{2000, 20000}
	if os.Getenv("CROSSCHECK_BENCH_LARGE") != "" {
		sizes = append(sizes, 100000)
	}
	for _, n := range sizes {
		b.Run(fmt.Sprintf("articles=%d", n), func(b *testing.B) {
			b.ReportAllocs()
			var heap uint64
			for b.Loop() {
				b.StopTimer()
				p, _ := newPipeline(b, b.TempDir())
				b.StartTimer()
				sum, err := p.Ingest(context.Background(), textDocs(n), nil)
				if err != nil || sum.Ingested != n {
					b.Fatalf("ingested %d of %d: %v %v", sum.Ingested, n, err, sum.Errors)
				}
				b.StopTimer()
				runtime.GC()
				var ms runtime.MemStats
				runtime.ReadMemStats(&ms)
				heap = max(heap, ms.HeapInuse)
				b.StartTimer()
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(heap)/(1<<20), "heap-MiB")
		})
	}
}
