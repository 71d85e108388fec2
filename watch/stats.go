package watch

import (
	"slices"
	"strconv"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/prometheus/client_golang/prometheus"
)

// Counters are what the watcher counted for one source since it started.
type Counters struct {
	// Checks counts requests for the feed (and pushed contents taken).
	Checks int64 `json:"checks"`
	// Errors counts checks that failed.
	Errors int64 `json:"errors"`
	// NotModified counts checks answered 304 (or with an unchanged body).
	NotModified int64 `json:"not_modified"`
	// Items counts articles added.
	Items int64 `json:"items_added"`
	// Pushes counts contents a WebSub hub pushed and the watcher accepted.
	Pushes int64 `json:"pushes"`
	// Seconds is the time spent checking, in total; LastSeconds the last check's.
	Seconds     float64 `json:"seconds"`
	LastSeconds float64 `json:"last_seconds"`
	host        string
}

type stats struct {
	mu  sync.Mutex
	per map[int64]*Counters
}

func newStats() *stats { return &stats{per: map[int64]*Counters{}} }

func (st *stats) of(id int64, host string) *Counters {
	c, ok := st.per[id]
	if !ok {
		c = &Counters{}
		st.per[id] = c
	}
	if host != "" {
		c.host = host
	}
	return c
}

func (st *stats) record(id int64, host string, out outcome, d time.Duration) {
	st.mu.Lock()
	defer st.mu.Unlock()
	c := st.of(id, host)
	c.Checks++
	if out.err != nil || out.gone {
		c.Errors++
	}
	if out.notMod {
		c.NotModified++
	}
	c.Items += int64(out.newItems)
	c.Seconds += d.Seconds()
	c.LastSeconds = d.Seconds()
}

func (st *stats) pushed(id int64, items int) {
	st.mu.Lock()
	defer st.mu.Unlock()
	c := st.of(id, "")
	c.Pushes++
	c.Items += int64(items)
}

func (st *stats) get(id int64) Counters {
	st.mu.Lock()
	defer st.mu.Unlock()
	if c, ok := st.per[id]; ok {
		return *c
	}
	return Counters{}
}

func (st *stats) remove(id int64) {
	st.mu.Lock()
	defer st.mu.Unlock()
	delete(st.per, id)
}

func sortStates(s []SourceState) {
	slices.SortFunc(s, func(a, b SourceState) int {
		switch {
		case a.ID < b.ID:
			return -1
		case a.ID > b.ID:
			return 1
		}
		return 0
	})
}

var (
	descChecks = prometheus.NewDesc("crosscheck_source_checks_total",
		"Feed requests (and pushed contents) per source since the watcher started.", []string{"source", "host"}, nil)
	descErrors = prometheus.NewDesc("crosscheck_source_errors_total",
		"Failed checks per source.", []string{"source", "host"}, nil)
	descNotMod = prometheus.NewDesc("crosscheck_source_not_modified_total",
		"Checks answered 304 Not Modified (or with an unchanged body) per source.", []string{"source", "host"}, nil)
	descItems = prometheus.NewDesc("crosscheck_source_items_added_total",
		"Articles added per source.", []string{"source", "host"}, nil)
	descPushes = prometheus.NewDesc("crosscheck_source_websub_pushes_total",
		"Contents pushed by a WebSub hub and accepted, per source.", []string{"source", "host"}, nil)
	descLatency = prometheus.NewDesc("crosscheck_source_check_seconds",
		"Time spent checking each source (fetch, item pages, ingest).", []string{"source", "host"}, nil)
	descSources = prometheus.NewDesc("crosscheck_sources",
		"Sources by status.", []string{"status"}, nil)
)

// Collector returns the watcher's metrics for a Prometheus registry:
// per-source checks, errors, 304s, items added, pushes and check time, and
// the number of sources by status.
func (w *Watcher) Collector() prometheus.Collector { return collector{w} }

type collector struct{ w *Watcher }

func (c collector) Describe(ch chan<- *prometheus.Desc) {
	for _, d := range []*prometheus.Desc{descChecks, descErrors, descNotMod, descItems, descPushes, descLatency, descSources} {
		ch <- d
	}
}

func (c collector) Collect(ch chan<- prometheus.Metric) {
	w := c.w
	byStatus := map[crosscheck.SourceStatus]int{}
	w.mu.Lock()
	for _, e := range w.entries {
		byStatus[e.src.Status]++
	}
	w.mu.Unlock()
	for _, s := range crosscheck.SourceStatuses {
		ch <- prometheus.MustNewConstMetric(descSources, prometheus.GaugeValue, float64(byStatus[s]), string(s))
	}
	w.stats.mu.Lock()
	defer w.stats.mu.Unlock()
	for id, k := range w.stats.per {
		l := []string{strconv.FormatInt(id, 10), k.host}
		ch <- prometheus.MustNewConstMetric(descChecks, prometheus.CounterValue, float64(k.Checks), l...)
		ch <- prometheus.MustNewConstMetric(descErrors, prometheus.CounterValue, float64(k.Errors), l...)
		ch <- prometheus.MustNewConstMetric(descNotMod, prometheus.CounterValue, float64(k.NotModified), l...)
		ch <- prometheus.MustNewConstMetric(descItems, prometheus.CounterValue, float64(k.Items), l...)
		ch <- prometheus.MustNewConstMetric(descPushes, prometheus.CounterValue, float64(k.Pushes), l...)
		ch <- prometheus.MustNewConstSummary(descLatency, uint64(k.Checks), k.Seconds, nil, l...)
	}
}
