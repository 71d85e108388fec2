package watch

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// The scale benchmark: many sources on a local server in another process
// (this test binary started again with scaleServerEnv set), most answering
// 304, watched for a while at the rate of the cycle. It reports the
// watcher's CPU (share of one core) and resident memory, and the server's
// count of requests to a host closer than the gap.
//
//	go test ./watch -run '^$' -bench Scale -benchtime 1x -timeout 0
//	go test ./watch -run '^$' -bench Scale -benchtime 1x -scale.cycle 3m -scale.window 3m
var (
	scaleSources = flag.Int("scale.sources", 10_000, "sources in the scale benchmark")
	scaleHosts   = flag.Int("scale.hosts", 100, "hosts (ports on 127.0.0.1) the sources are spread over")
	scaleCycle   = flag.Duration("scale.cycle", 15*time.Minute, "each source's interval")
	scaleWindow  = flag.Duration("scale.window", 3*time.Minute, "how long the watcher is measured")
	scaleGap     = flag.Duration("scale.gap", time.Second, "per-host gap")
	scaleChange  = flag.Int("scale.change", 50, "one answer in this many brings a new item (the rest are 304)")
)

const scaleServerEnv = "CROSSCHECK_SCALE_SERVER"

func TestMain(m *testing.M) {
	if os.Getenv(scaleServerEnv) != "" {
		runScaleServer()
		return
	}
	os.Exit(m.Run())
}

// scaleStats is what the server counted.
type scaleStats struct {
	Requests    int64   `json:"requests"`
	NotModified int64   `json:"not_modified"`
	Full        int64   `json:"full"`
	MinGapMS    float64 `json:"min_gap_ms"`
	TooClose    int64   `json:"too_close"`
	MaxAtOnce   int64   `json:"max_at_once_per_host"`
}

// runScaleServer serves feeds /f/N on hosts ports, prints the ports as a
// JSON line, and answers /stats; it stops when its standard input closes.
func runScaleServer() {
	hosts, _ := strconv.Atoi(os.Getenv("SCALE_HOSTS"))
	change, _ := strconv.Atoi(os.Getenv("SCALE_CHANGE"))
	gap, _ := time.ParseDuration(os.Getenv("SCALE_GAP"))
	var total, notMod, full, tooClose, maxAtOnce atomic.Int64
	var minGap atomic.Int64
	minGap.Store(int64(time.Hour))
	var mu sync.Mutex
	versions := map[string]int{}
	var ports []int
	for h := range hosts {
		ln, err := net.Listen("tcp", "127.0.0.1:0")
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		ports = append(ports, ln.Addr().(*net.TCPAddr).Port)
		var hostMu sync.Mutex
		var last time.Time
		var inFlight atomic.Int64
		mux := http.NewServeMux()
		mux.HandleFunc("/f/{n}", func(w http.ResponseWriter, r *http.Request) {
			now := time.Now()
			if n := inFlight.Add(1); n > maxAtOnce.Load() {
				maxAtOnce.Store(n)
			}
			defer inFlight.Add(-1)
			hostMu.Lock()
			if !last.IsZero() {
				d := now.Sub(last)
				if d < time.Duration(minGap.Load()) {
					minGap.Store(int64(d))
				}
				if d < gap {
					tooClose.Add(1)
				}
			}
			last = now
			hostMu.Unlock()
			n := total.Add(1)
			key := fmt.Sprintf("%d/%s", h, r.PathValue("n"))
			mu.Lock()
			if change > 0 && n%int64(change) == 0 {
				versions[key]++
			}
			v := versions[key]
			mu.Unlock()
			etag := fmt.Sprintf(`"%s-%d"`, key, v)
			w.Header().Set("ETag", etag)
			if r.Header.Get("If-None-Match") == etag {
				notMod.Add(1)
				w.WriteHeader(http.StatusNotModified)
				return
			}
			full.Add(1)
			w.Header().Set("Content-Type", "application/rss+xml")
			fmt.Fprintf(w, `<?xml version="1.0"?><rss version="2.0"><channel><title>Outlet %s</title>`+
				`<item><title>Report %s version %d</title><guid>%s-%d</guid><description>%s</description></item></channel></rss>`,
				key, key, v, key, v, html.EscapeString(article(h+v, int(n))))
		})
		go http.Serve(ln, mux)
	}
	stats := func() scaleStats {
		return scaleStats{Requests: total.Load(), NotModified: notMod.Load(), Full: full.Load(),
			MinGapMS: float64(minGap.Load()) / 1e6, TooClose: tooClose.Load(), MaxAtOnce: maxAtOnce.Load()}
	}
	ln, _ := net.Listen("tcp", "127.0.0.1:0")
	go http.Serve(ln, http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) { json.NewEncoder(w).Encode(stats()) }))
	json.NewEncoder(os.Stdout).Encode(map[string]any{"ports": ports, "stats": ln.Addr().(*net.TCPAddr).Port})
	io.Copy(io.Discard, os.Stdin)
}

func BenchmarkScale(b *testing.B) {
	for b.Loop() {
		scaleRun(b)
	}
}

func scaleRun(b *testing.B) {
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), scaleServerEnv+"=1", fmt.Sprintf("SCALE_HOSTS=%d", *scaleHosts),
		fmt.Sprintf("SCALE_CHANGE=%d", *scaleChange), "SCALE_GAP="+scaleGap.String())
	stdin, _ := cmd.StdinPipe()
	stdout, _ := cmd.StdoutPipe()
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		b.Fatal(err)
	}
	defer func() { stdin.Close(); cmd.Wait() }()
	var info struct {
		Ports []int `json:"ports"`
		Stats int   `json:"stats"`
	}
	line, err := bufio.NewReader(stdout).ReadBytes('\n')
	if err != nil || json.Unmarshal(line, &info) != nil {
		b.Fatalf("scale server: %v %s", err, line)
	}

	// A store as a watcher that ran for a while leaves it: every source
	// has its ETag and a next check somewhere in the coming cycle.
	e := newEnv(b)
	ctx := context.Background()
	setup := time.Now()
	now := time.Now()
	for i := range *scaleSources {
		h := i % *scaleHosts
		n := i / *scaleHosts
		s := &crosscheck.Source{URL: fmt.Sprintf("http://127.0.0.1:%d/f/%d", info.Ports[h], n), Interval: *scaleCycle}
		if err := e.db.AddSource(ctx, s); err != nil {
			b.Fatal(err)
		}
		s.HTTP.ETag = fmt.Sprintf(`"%d/%d-0"`, h, n)
		s.Cadence = *scaleCycle
		s.LastCheck = now.Add(-*scaleCycle)
		s.NextCheck = now.Add(time.Duration(int64(*scaleCycle) * int64(i) / int64(*scaleSources)))
		if err := e.db.SaveSourceCheck(ctx, s, nil); err != nil {
			b.Fatal(err)
		}
	}
	b.Logf("store with %d sources on %d hosts made in %s", *scaleSources, *scaleHosts, time.Since(setup).Round(time.Second))

	w, err := New(e.options(Options{HostGap: *scaleGap, MinInterval: time.Second, MaxInterval: *scaleCycle, Jitter: 0.1,
		Timeout: 20 * time.Second, ReloadEvery: 5 * time.Second}))
	if err != nil {
		b.Fatal(err)
	}
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	var ru0 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru0)
	start := time.Now()
	go func() { done <- w.Run(runCtx) }()
	var rssSum, rssMax float64
	samples := 0
	tick := time.NewTicker(time.Second)
	for time.Since(start) < *scaleWindow {
		<-tick.C
		rss := residentMB()
		rssSum += rss
		rssMax = max(rssMax, rss)
		samples++
	}
	tick.Stop()
	var ru1 syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru1)
	elapsed := time.Since(start)
	cancel()
	<-done
	cpu := time.Duration(ru1.Utime.Nano()-ru0.Utime.Nano()+ru1.Stime.Nano()-ru0.Stime.Nano()) * time.Nanosecond

	resp, err := http.Get(fmt.Sprintf("http://127.0.0.1:%d/", info.Stats))
	if err != nil {
		b.Fatal(err)
	}
	var st scaleStats
	json.NewDecoder(resp.Body).Decode(&st)
	resp.Body.Close()
	var checks, errs, items int64
	for _, s := range w.Sources() {
		checks += s.Counters.Checks
		errs += s.Counters.Errors
		items += s.Counters.Items
	}
	expected := float64(*scaleSources) * elapsed.Seconds() / scaleCycle.Seconds()
	b.ReportMetric(100*cpu.Seconds()/elapsed.Seconds(), "cpu-%-of-core")
	b.ReportMetric(rssSum/float64(samples), "rss-MB-mean")
	b.ReportMetric(rssMax, "rss-MB-max")
	b.ReportMetric(float64(st.Requests)/elapsed.Seconds(), "req/s")
	b.ReportMetric(float64(st.TooClose), "too-close")
	b.Logf("%s watched: %d requests (%.0f due by the cycle), %d 304, %d full, %d articles added, %d errors; "+
		"closest two requests to one host %.0f ms (gap %s), %d closer than the gap, at most %d at once per host",
		elapsed.Round(time.Second), st.Requests, expected, st.NotModified, st.Full, items, errs, st.MinGapMS, scaleGap, st.TooClose, st.MaxAtOnce)
	if st.TooClose > 0 || st.MaxAtOnce > 1 {
		b.Errorf("a host got requests closer than the gap (%d) or at once (%d)", st.TooClose, st.MaxAtOnce)
	}
	if errs > 0 {
		b.Errorf("%d checks failed", errs)
	}
}

// residentMB reads this process's resident set size.
func residentMB() float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if v, ok := strings.CutPrefix(l, "VmRSS:"); ok {
			kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
			return kb / 1024
		}
	}
	return 0
}
