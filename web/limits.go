package web

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// Defaults of the server's limits under load (see Config).
const (
	defaultMaxConcurrent = 32
	defaultMaxAdds       = 2
	defaultAnalysisWait  = 5 * time.Second
	// queueWait is how long a request waits for a free slot before it is
	// turned away: bursts are absorbed (waiters are served in turn), a
	// flood is not queued for long.
	queueWait = time.Second
	// retryAfter is what a 503 tells the client, in seconds.
	retryAfter = 2
)

// limits bounds the work in flight: requests served at once, and
// additions (uploads, fetches, extraction) at once, which cost far more.
type limits struct {
	requests chan struct{}
	adds     chan struct{}
	wait     time.Duration // analysis wait
}

func newLimits(cfg Config) *limits {
	n, a, w := cfg.MaxConcurrent, cfg.MaxAdds, cfg.AnalysisWait
	if n <= 0 {
		n = defaultMaxConcurrent
	}
	if a <= 0 {
		a = defaultMaxAdds
	}
	if w <= 0 {
		w = defaultAnalysisWait
	}
	return &limits{requests: make(chan struct{}, n), adds: make(chan struct{}, a), wait: w}
}

// exempt routes answer whatever the load: the health check that a
// supervisor restarts the server on, the metrics, the static files.
func exempt(path string) bool {
	return path == "/healthz" || path == "/metrics" || strings.HasPrefix(path, "/static/")
}

// limit caps the requests in flight; past the cap, after a short wait, it
// answers 503 with Retry-After. Every 503 the server gives carries
// Retry-After.
func (s *Server) limit(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w = &retryWriter{ResponseWriter: w}
		if exempt(r.URL.Path) {
			next.ServeHTTP(w, r)
			return
		}
		if !acquire(r.Context(), s.limits.requests, queueWait) {
			s.busy(w, r, "The server is busy: try again in a moment.")
			return
		}
		defer func() { <-s.limits.requests }()
		if r.Method == http.MethodPost {
			// Additions take a second, smaller quota, without waiting:
			// each holds an upload in memory and runs extraction.
			if !acquire(r.Context(), s.limits.adds, 0) {
				s.busy(w, r, "Other additions are running: try again in a few seconds.")
				return
			}
			defer func() { <-s.limits.adds }()
		}
		next.ServeHTTP(w, r)
	})
}

func acquire(ctx context.Context, sem chan struct{}, wait time.Duration) bool {
	select {
	case sem <- struct{}{}:
		return true
	default:
	}
	if wait <= 0 {
		return false
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case sem <- struct{}{}:
		return true
	case <-t.C:
	case <-ctx.Done():
	}
	return false
}

func (s *Server) busy(w http.ResponseWriter, r *http.Request, msg string) {
	s.metrics.observe("busy", r.Method, http.StatusServiceUnavailable, 0)
	w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusServiceUnavailable, "busy", msg)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	w.WriteHeader(http.StatusServiceUnavailable)
	w.Write([]byte(msg + "\n"))
}

// retryWriter adds Retry-After to every 503 that has none (timeouts,
// stories still being analysed).
type retryWriter struct {
	http.ResponseWriter
}

func (w *retryWriter) WriteHeader(code int) {
	if code == http.StatusServiceUnavailable && w.Header().Get("Retry-After") == "" {
		w.Header().Set("Retry-After", strconv.Itoa(retryAfter))
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *retryWriter) Unwrap() http.ResponseWriter { return w.ResponseWriter }

// errAnalysing says a story's analysis outlasted the wait: it goes on in
// the background and fills the cache, and the client is asked to retry.
var errAnalysing = errors.New("analysing")

// analysingError is errAnalysing with a message for the user.
func analysingError(st *crosscheck.Story) error {
	return &analysing{msg: "This story (" + strconv.Itoa(st.Articles) + " articles) is still being cross-checked: reload in a few seconds."}
}

type analysing struct{ msg string }

func (e *analysing) Error() string        { return e.msg }
func (e *analysing) Is(target error) bool { return target == errAnalysing }

// reportWithin returns the story's report, waiting at most the analysis
// wait for one not cached yet; past it, errAnalysing (the analysis goes
// on and the next request finds it cached).
//
// Pages wait AnalysisWait and then say the story is being cross-checked;
// API clients, which cannot read that page, wait as long as the request
// may last.
func (s *Server) reportWithin(r *http.Request, st *crosscheck.Story) (*crosscheck.StoryReport, error) {
	ctx := r.Context()
	wait := s.limits.wait
	if strings.HasPrefix(r.URL.Path, "/api/") {
		wait = s.cfg.RequestTimeout
	}
	wctx, cancel := context.WithTimeout(ctx, wait)
	defer cancel()
	rep, err := s.reports.get(wctx, st)
	if err != nil && ctx.Err() == nil && errors.Is(err, context.DeadlineExceeded) {
		return nil, analysingError(st)
	}
	return rep, err
}

// healthCache keeps the last store check for a second: under a flood, the
// health check must not queue behind the requests for a database
// connection, or a supervisor would restart a server that is merely busy.
type healthCache struct {
	mu      sync.Mutex
	checked time.Time
	err     error
	running bool
}

// healthTTL is how long a store check stands.
const healthTTL = time.Second

func (h *healthCache) check(ctx context.Context, st Stories) error {
	h.mu.Lock()
	if time.Since(h.checked) < healthTTL || h.running && !h.checked.IsZero() {
		err := h.err
		h.mu.Unlock()
		return err
	}
	h.running = true
	h.mu.Unlock()
	_, _, err := st.Stories(ctx, crosscheck.StoryFilter{Limit: 1})
	h.mu.Lock()
	h.running, h.checked, h.err = false, time.Now(), err
	h.mu.Unlock()
	return err
}
