package main

import (
	"fmt"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
)

// BenchmarkIngestWriters measures ingest through the real binary, text
// reports of many events, into a fresh SQLite file and a fresh PostgreSQL
// schema, by one process and by two at once (each given half of the
// files): the rate in articles per second, from the start of the first
// process to the end of the last.
//
//	go test ./cmd/crosscheck -run X -bench IngestWriters -benchtime 3x
func BenchmarkIngestWriters(b *testing.B) {
	const events, perEvent = 1000, 4
	docs := testcorpus.Events(21, events, perEvent)
	dir := b.TempDir()
	if err := testcorpus.Write(filepath.Join(dir, "in"), docs); err != nil {
		b.Fatal(err)
	}
	halves := [2][]string{}
	for i, d := range docs {
		halves[i%2] = append(halves[i%2], filepath.Join(dir, "in", d.Name))
	}
	for _, st := range []string{"sqlite", "postgres"} {
		for _, writers := range []int{1, 2} {
			b.Run(fmt.Sprintf("%s/%d writers", st, writers), func(b *testing.B) {
				if st == "postgres" && !pgtest.Available() {
					b.Skip(pgtest.SkipMessage)
				}
				var elapsed time.Duration
				for i := 0; i < b.N; i++ {
					b.StopTimer()
					url := filepath.Join(b.TempDir(), "bench.db")
					if st == "postgres" {
						url = pgtest.URL(b)
					}
					inputs := [][]string{append(append([]string(nil), halves[0]...), halves[1]...)}
					if writers == 2 {
						inputs = halves[:]
					}
					b.StartTimer()
					start := time.Now()
					var wg sync.WaitGroup
					results := make([]result, writers)
					for w := range writers {
						wg.Go(func() { results[w] = runStore(dir, url, append([]string{"ingest"}, inputs[w]...)...) })
					}
					wg.Wait()
					elapsed += time.Since(start)
					for w, r := range results {
						if r.code != 0 {
							b.Fatalf("writer %d: exit %d\n%s", w, r.code, r.stderr)
						}
					}
				}
				b.ReportMetric(float64(b.N*len(docs))/elapsed.Seconds(), "articles/s")
			})
		}
	}
}
