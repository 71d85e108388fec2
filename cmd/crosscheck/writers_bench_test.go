package main

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
)

// BenchmarkIngestWriters measures ingest through the real binary into a
// fresh SQLite file and a fresh PostgreSQL schema, by one process and by
// two at once (each given half of the inputs): the rate in articles per
// second, from the start of the first process to the end of the last, and
// the writer processes' CPU time (user and system, PostgreSQL's own not
// counted) per article. Three workloads:
//
//   - files: 4,000 text reports of 1,000 events, read from disk. Reading
//     costs little; placing articles into stories, one writer at a time,
//     is most of the work.
//
//   - files-1cpu: the same, each process limited to one core
//     (GOMAXPROCS=1), as when writers run on other machines or beside
//     other work: a second writer then has a core of its own.
//
//   - urls: 400 of the reports fetched from a loopback HTTP server that
//     answers each after 25 ms, as a news site might (real ones are often
//     slower): reading waits on the network.
//
//     go test ./cmd/crosscheck -run X -bench IngestWriters -benchtime 3x
func BenchmarkIngestWriters(b *testing.B) {
	const events, perEvent = 1000, 4
	docs := testcorpus.Events(21, events, perEvent)
	dir := b.TempDir()
	if err := testcorpus.Write(filepath.Join(dir, "in"), docs); err != nil {
		b.Fatal(err)
	}
	const urlDocs, urlDelay = 400, 25 * time.Millisecond
	bodies := map[string]string{}
	for _, d := range docs[:urlDocs] {
		bodies["/"+d.Name] = d.Body
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, ok := bodies[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		time.Sleep(urlDelay)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		fmt.Fprint(w, body)
	}))
	b.Cleanup(srv.Close)

	type workload struct {
		name   string
		inputs []string
		env    []string
	}
	var files, urls []string
	for _, d := range docs {
		files = append(files, filepath.Join(dir, "in", d.Name))
	}
	for _, d := range docs[:urlDocs] {
		urls = append(urls, srv.URL+"/"+d.Name)
	}
	workloads := []workload{
		{"files", files, nil},
		{"files-1cpu", files, []string{"GOMAXPROCS=1"}},
		{"urls", urls, nil},
	}
	for _, st := range []string{"sqlite", "postgres"} {
		for _, wl := range workloads {
			for _, writers := range []int{1, 2} {
				b.Run(fmt.Sprintf("%s/%s/%d writers", st, wl.name, writers), func(b *testing.B) {
					if st == "postgres" && !pgtest.Available() {
						b.Skip(pgtest.SkipMessage)
					}
					// Each writer gets every other input, so both see
					// reports of the same events.
					split := make([][]string, writers)
					for i, in := range wl.inputs {
						split[i%writers] = append(split[i%writers], in)
					}
					var elapsed, cpu time.Duration
					for i := 0; i < b.N; i++ {
						b.StopTimer()
						url := filepath.Join(b.TempDir(), "bench.db")
						if st == "postgres" {
							url = pgtest.URL(b)
						}
						b.StartTimer()
						start := time.Now()
						var wg sync.WaitGroup
						results := make([]timedResult, writers)
						for w := range writers {
							wg.Go(func() { results[w] = runTimed(dir, url, wl.env, append([]string{"ingest"}, split[w]...)...) })
						}
						wg.Wait()
						elapsed += time.Since(start)
						for w, r := range results {
							if r.code != 0 {
								b.Fatalf("writer %d: exit %d\n%s", w, r.code, r.stderr)
							}
							cpu += r.cpu
						}
					}
					n := float64(b.N * len(wl.inputs))
					b.ReportMetric(n/elapsed.Seconds(), "articles/s")
					b.ReportMetric(float64(cpu.Microseconds())/1000/n, "cpu-ms/article")
				})
			}
		}
	}
}
