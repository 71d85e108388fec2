package story

import (
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// benchState is a clusterer that has placed n generated articles, and the
// stream to continue from; built once per size.
type benchState struct {
	c    *Clusterer
	s    *synth
	heap uint64
}

var (
	benchMu     sync.Mutex
	benchStates = map[int]*benchState{}
)

// perDay is the stream's rate: with the default 14-day window about
// 40,000 articles' stories are held.
const perDay = 3000

func stateOf(n int) *benchState {
	benchMu.Lock()
	defer benchMu.Unlock()
	if st, ok := benchStates[n]; ok {
		return st
	}
	runtime.GC()
	var before runtime.MemStats
	runtime.ReadMemStats(&before)
	st := &benchState{c: NewClusterer(Options{}), s: newSynth(1, perDay)}
	batch := make([]*crosscheck.Article, 0, 200)
	for i := 0; i < n; i++ {
		batch = append(batch, st.s.next())
		if len(batch) == cap(batch) {
			st.c.PlaceBatch(batch)
			batch = batch[:0]
		}
	}
	st.c.PlaceBatch(batch)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	// Other sizes' states stay in memory: count this one's growth.
	st.heap = ms.HeapAlloc - before.HeapAlloc
	benchStates[n] = st
	return st
}

// BenchmarkPlace places articles, 200 per PlaceBatch, on a state built
// from 10k, 100k and 1M earlier articles. The state is built once per size
// outside the timer (1M takes minutes); time per article should not grow
// with the size. Run: go test ./story -run '^$' -bench Place -benchtime 20000x
func BenchmarkPlace(b *testing.B) {
	for _, n := range []int{10_000, 100_000, 1_000_000} {
		b.Run(fmt.Sprintf("state=%d", n), func(b *testing.B) {
			st := stateOf(n)
			b.ReportAllocs()
			batch := make([]*crosscheck.Article, 0, 200)
			b.ResetTimer()
			for i := 0; i < b.N; i += cap(batch) {
				// Generate outside the timer, a batch at a time: stopping
				// the timer reads memory statistics, which is not free.
				b.StopTimer()
				batch = batch[:0]
				for k := i; k < b.N && len(batch) < cap(batch); k++ {
					batch = append(batch, st.s.next())
				}
				b.StartTimer()
				st.c.PlaceBatch(batch)
			}
			b.StopTimer()
			b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
			b.ReportMetric(float64(st.heap)/(1<<20), "MB-state")
			b.ReportMetric(float64(len(st.c.stories)), "stories-held")
		})
	}
}

// BenchmarkPlaceOne places articles one at a time (Place) on a state of
// 100k articles.
func BenchmarkPlaceOne(b *testing.B) {
	st := stateOf(100_000)
	b.ReportAllocs()
	b.ResetTimer()
	arts := make([]*crosscheck.Article, 0, 200)
	for i := 0; i < b.N; i += cap(arts) {
		b.StopTimer()
		arts = arts[:0]
		for k := i; k < b.N && len(arts) < cap(arts); k++ {
			arts = append(arts, st.s.next())
		}
		b.StartTimer()
		for _, a := range arts {
			st.c.Place(a)
		}
	}
	b.StopTimer()
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}

// BenchmarkEventDate resolves the event date of generated articles.
func BenchmarkEventDate(b *testing.B) {
	s := newSynth(2, perDay)
	arts := make([]*crosscheck.Article, 1000)
	for i := range arts {
		arts[i] = s.next()
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		EventDate(arts[i%len(arts)])
	}
}
