package web

import (
	"cmp"
	"context"
	"embed"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"iter"
	"log/slog"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/pipeline"
	"github.com/prometheus/client_golang/prometheus"
)

// Articles reads stored articles (package sqlite).
type Articles interface {
	// Article returns one article; ENOTFOUND when there is none.
	Article(ctx context.Context, id string) (*crosscheck.Article, error)
	// Articles returns the selected articles, newest first, and the total
	// before Offset and Limit.
	Articles(ctx context.Context, f crosscheck.ArticleFilter) ([]*crosscheck.Article, int, error)
	// Search runs a full-text query; EINVALID when it does not parse.
	Search(ctx context.Context, query string, limit int) ([]crosscheck.SearchHit, error)
}

// Stories reads stored stories (package sqlite).
type Stories interface {
	// Story returns one story; ENOTFOUND when there is none.
	Story(ctx context.Context, id string) (*crosscheck.Story, error)
	// Stories returns the selected stories, newest first, and the total
	// before Offset and Limit.
	Stories(ctx context.Context, f crosscheck.StoryFilter) ([]*crosscheck.Story, int, error)
}

// Reporter cross-checks one story (pipeline.Pipeline).
type Reporter interface {
	// StoryReport returns the story's report; ENOTFOUND when there is no
	// such story.
	StoryReport(ctx context.Context, storyID string) (*crosscheck.StoryReport, error)
}

// Ingester extracts, stores and places documents (pipeline.Pipeline).
type Ingester interface {
	// Ingest takes every document docs yields; failed inputs are counted in
	// the summary and the batch goes on. It returns an error only when the
	// store fails or ctx ends.
	Ingest(ctx context.Context, docs iter.Seq2[*crosscheck.Document, error], progress pipeline.Progress) (pipeline.Summary, error)
}

// Reader turns what a user adds into documents (package ingest). Only
// these two entry points are used: the web never reads local paths.
type Reader interface {
	// FetchURL fetches one http or https URL: a page yields one document, a
	// feed one per item. Failures are *crosscheck.InputError. It must refuse
	// private addresses itself when asked to: the web layer cannot see
	// redirects or DNS answers.
	FetchURL(ctx context.Context, rawURL string) iter.Seq2[*crosscheck.Document, error]
	// FromBytes reads an upload or pasted text; name is the document's
	// Source and its extension a format hint.
	FromBytes(ctx context.Context, name, contentType string, body []byte) iter.Seq2[*crosscheck.Document, error]
}

// Corrector records users' corrections (package sqlite).
type Corrector interface {
	// Correct applies and records c, filling what the store works out;
	// EINVALID for an invalid correction, ENOTFOUND for unknown IDs.
	Correct(ctx context.Context, c *crosscheck.Correction) error
	// Undo reverses a correction; ECONFLICT when a later one changed the
	// same thing, EINVALID when undone already, ENOTFOUND when unknown.
	Undo(ctx context.Context, id int64) (*crosscheck.Correction, error)
	// Correction returns one correction; ENOTFOUND when there is none.
	Correction(ctx context.Context, id int64) (*crosscheck.Correction, error)
	// Corrections lists corrections, newest first, and their total.
	Corrections(ctx context.Context, f crosscheck.CorrectionFilter) ([]*crosscheck.Correction, int, error)
}

// Catalog answers the lists' other questions (package sqlite).
type Catalog interface {
	// Outlets returns every outlet named by a story, most stories first.
	Outlets(ctx context.Context) ([]crosscheck.OutletCount, error)
	// ResolveID turns a unique ID prefix into the full ID ("article" or
	// "story"); ENOTFOUND with a suggestion, EINVALID when ambiguous.
	ResolveID(ctx context.Context, kind, prefix string) (string, error)
	// SaveStoryCounts keeps what one analysis found.
	SaveStoryCounts(ctx context.Context, c crosscheck.StoryCounts) error
	// StoryCounts returns the kept counts of the current versions.
	StoryCounts(ctx context.Context, ids []string) (map[string]crosscheck.StoryCounts, error)
	// Unanalysed counts the stories without kept counts.
	Unanalysed(ctx context.Context) (int, error)
}

// Config is what a Server needs. Articles, Stories and Reports are
// required; without Ingester the server is read-only.
type Config struct {
	// Articles and Stories read the store.
	Articles Articles
	Stories  Stories
	// Reports cross-checks a story.
	Reports Reporter
	// Ingester adds reports; nil serves read-only.
	Ingester Ingester
	// Corrections records users' corrections; nil offers none.
	Corrections Corrector
	// Catalog lists outlets, resolves ID prefixes and keeps analysis
	// counts; nil matches outlets exactly and keeps counts in memory only.
	Catalog Catalog
	// Reader reads uploads, pasted text, URLs and feeds added from the web;
	// nil means an ingest.Reader with private addresses refused unless
	// AllowPrivateFetch is set.
	Reader Reader
	// Logger receives one line per request and ingest failures; nil discards.
	Logger *slog.Logger
	// ReadOnly serves browsing and the read API only: no add page and no
	// POST routes.
	ReadOnly bool
	// AllowPrivateFetch lets URL and feed ingest reach loopback, private
	// and link-local addresses (off: refused, also after redirects and DNS
	// answers). Used only when Reader is nil.
	AllowPrivateFetch bool
	// MaxUploadBytes caps a request body (upload or JSON); 0 means 16 MiB.
	MaxUploadBytes int64
	// RequestTimeout bounds a browsing or API request; 0 means 15s.
	RequestTimeout time.Duration
	// IngestTimeout bounds an add request (fetching and extraction
	// included); 0 means 2 minutes.
	IngestTimeout time.Duration
	// Registry receives the server's metrics and is served at /metrics; nil
	// makes a private one with the Go and process collectors added.
	Registry *prometheus.Registry
	// CacheSize is the number of story reports kept in memory; 0 means 512.
	CacheSize int
	// PageSize is the number of stories or articles per page; 0 means 50.
	PageSize int
	// ListTTL is how long a story list result is reused; 0 means 2s,
	// negative disables. Adding through this server clears it at once.
	ListTTL time.Duration
	// Sources lists watched sources at /api/sources; nil: no such route.
	Sources SourceLister
	// WebSub serves the watcher's WebSub callbacks under /websub/; nil:
	// no such route.
	WebSub http.Handler
	// LivePoll is how often the store is asked for changed stories while
	// a page listens at /events; 0 means 1s. Live pages need Stories to
	// implement ChangeFeed.
	LivePoll time.Duration
	// AllowedHosts are the host names and addresses the server answers
	// (the Host header; "*" for any). Empty: the address it listens on
	// and the localhost names (see hosts.go).
	AllowedHosts []string
	// MaxConcurrent caps the requests served at once (health, metrics
	// and static files aside); past it, and a second's wait, 503 with
	// Retry-After. 0 means 32.
	MaxConcurrent int
	// MaxAdds caps the additions (POST) running at once; 0 means 2.
	MaxAdds int
	// AnalysisWait is how long a page waits for a story's analysis before
	// answering 503 "still being cross-checked" (the analysis goes on);
	// 0 means 5s.
	AnalysisWait time.Duration
	// HeaderTimeout bounds reading a request's headers (slow clients);
	// 0 means 10s.
	HeaderTimeout time.Duration
}

// Server serves the web UI and the HTTP API. Make it with New.
type Server struct {
	// OnListen, when set, is called once the server listens, with its
	// address (the command line prints it then, not before).
	OnListen func(net.Addr)

	cfg      Config
	log      *slog.Logger
	pages    map[string]*template.Template
	static   fs.FS
	metrics  *metrics
	reports  *reportCache
	lists    *listCache
	handler  http.Handler
	mux      *http.ServeMux
	routes   []string // every pattern registered, for the OpenAPI test
	openAPI  []byte
	outlets  *outletCache
	jobs     *jobs
	hosts    hostCheck
	limits   *limits
	health   healthCache
	stopWarm context.CancelFunc
	warmDone chan struct{}
	live     *live         // nil when the store cannot say what changed
	done     chan struct{} // closed by Close: event streams end
	closeOne sync.Once
}

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

//go:embed openapi.json
var openAPI []byte

// New checks cfg and builds a Server. Call Close when done (ListenAndServe
// does).
func New(cfg Config) (*Server, error) {
	if cfg.Articles == nil || cfg.Stories == nil || cfg.Reports == nil {
		return nil, errors.New("new web server: Articles, Stories and Reports are required")
	}
	if cfg.Ingester == nil {
		cfg.ReadOnly = true
	}
	if cfg.Reader == nil {
		cfg.Reader = ingest.New(ingest.Options{BlockPrivate: !cfg.AllowPrivateFetch})
	}
	if cfg.MaxUploadBytes <= 0 {
		cfg.MaxUploadBytes = 16 << 20
	}
	if cfg.RequestTimeout <= 0 {
		cfg.RequestTimeout = 15 * time.Second
	}
	if cfg.IngestTimeout <= 0 {
		cfg.IngestTimeout = 2 * time.Minute
	}
	if cfg.CacheSize <= 0 {
		cfg.CacheSize = 512
	}
	if cfg.PageSize <= 0 {
		cfg.PageSize = 50
	}
	if cfg.ListTTL == 0 {
		cfg.ListTTL = 2 * time.Second
	}
	log := cfg.Logger
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	// Local paths stay on the machine that ingested them.
	cfg.Articles, cfg.Reports = publicArticles{cfg.Articles}, publicReports{cfg.Reports}
	s := &Server{cfg: cfg, log: log.With("component", "web"), limits: newLimits(cfg)}
	s.hosts.policy.Store(newHostPolicy(cfg.AllowedHosts))
	var err error
	if s.pages, err = parsePages(); err != nil {
		return nil, fmt.Errorf("new web server: %w", err)
	}
	if s.static, err = fs.Sub(staticFS, "static"); err != nil {
		return nil, fmt.Errorf("new web server: %w", err)
	}
	if s.metrics, err = newMetrics(cfg.Registry); err != nil {
		return nil, fmt.Errorf("new web server: %w", err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	s.stopWarm = cancel
	s.reports = newReportCache(cfg.CacheSize, cfg.Reports)
	if cfg.Catalog != nil && !cfg.ReadOnly {
		s.reports.save = func(c crosscheck.StoryCounts) {
			if err := cfg.Catalog.SaveStoryCounts(context.Background(), c); err != nil {
				s.log.Warn("keep analysis counts", "story", c.Story, "err", err)
			}
		}
	}
	s.outlets = &outletCache{src: cfg.Catalog, ttl: 30 * time.Second}
	s.jobs = newJobs(ctx)
	if s.openAPI, err = openAPIFor(cfg.ReadOnly, cfg.Corrections != nil); err != nil {
		return nil, fmt.Errorf("new web server: %w", err)
	}
	s.lists = newListCache(cfg.Stories, cfg.ListTTL)
	s.warmDone = make(chan struct{})
	go func() { defer close(s.warmDone); s.reports.warm(ctx, s.log) }()
	s.done = make(chan struct{})
	if cf, ok := cfg.Stories.(ChangeFeed); ok {
		poll := cfg.LivePoll
		if poll <= 0 {
			poll = time.Second
		}
		s.live = newLive(cf, poll)
	}
	s.handler = s.buildRoutes()
	return s, nil
}

// Close stops the background work of the server (report warming).
func (s *Server) Close() error {
	s.closeOne.Do(func() { close(s.done) })
	s.stopWarm()
	<-s.warmDone
	s.jobs.wg.Wait()
	return nil
}

// Handler returns the server's HTTP handler: every route, with security
// headers, request logging, metrics and timeouts.
func (s *Server) Handler() http.Handler { return s.handler }

// ListenAndServe listens on addr and serves until ctx ends, then shuts down
// gracefully, giving requests in flight up to 10 seconds.
func (s *Server) ListenAndServe(ctx context.Context, addr string) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return fmt.Errorf("listen on %s: %w (is another server using the port? try --addr 127.0.0.1:0)", addr, err)
	}
	return s.Serve(ctx, ln)
}

// Serve serves on ln until ctx ends, then shuts down gracefully.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	defer s.Close()
	srv := s.HTTPServer()
	s.hosts.policy.Store(s.hosts.policy.Load().bind(ln.Addr()))
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	s.log.Info("serving", "addr", "http://"+ln.Addr().String(), "read_only", s.cfg.ReadOnly, "allowed_hosts", s.hosts.policy.Load().list())
	if s.OnListen != nil {
		s.OnListen(ln.Addr())
	}
	select {
	case err := <-errc:
		return fmt.Errorf("serve: %w", err)
	case <-ctx.Done():
	}
	shutCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer cancel()
	if err := srv.Shutdown(shutCtx); err != nil {
		return fmt.Errorf("shut down: %w", err)
	}
	if err := <-errc; err != nil && !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve: %w", err)
	}
	return nil
}

// HTTPServer returns an http.Server for the handler with timeouts set, for
// callers that manage listening themselves.
func (s *Server) HTTPServer() *http.Server {
	srv := &http.Server{
		Handler:           s.handler,
		ReadHeaderTimeout: cmp.Or(s.cfg.HeaderTimeout, 10*time.Second),
		ReadTimeout:       s.cfg.IngestTimeout,
		WriteTimeout:      s.cfg.IngestTimeout + 10*time.Second,
		IdleTimeout:       2 * time.Minute,
		MaxHeaderBytes:    64 << 10,
		ErrorLog:          slog.NewLogLogger(s.log.Handler(), slog.LevelWarn),
	}
	// Event streams never go idle: end them when shutdown starts, or it
	// would wait for them until its timeout.
	srv.RegisterOnShutdown(func() { s.closeOne.Do(func() { close(s.done) }) })
	return srv
}

// buildRoutes registers every route in one place.
func (s *Server) buildRoutes() http.Handler {
	mux := http.NewServeMux()
	s.mux = mux
	handle := func(pattern string, h http.Handler) {
		s.routes = append(s.routes, pattern)
		mux.Handle(pattern, s.instrument(pattern, h))
	}
	get := func(pattern string, h http.HandlerFunc) {
		handle(pattern, s.timeout(h, s.cfg.RequestTimeout))
	}
	cop := http.NewCrossOriginProtection()
	cop.SetDenyHandler(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusForbidden, "forbidden",
			"Cross-origin request refused: post from this server's own pages, or call the API without an Origin header from another site.")
	}))
	post := func(pattern string, h http.HandlerFunc) {
		// No buffering timeout: it would hide the request's upload
		// errors; the context deadline bounds the work.
		handle(pattern, cop.Handler(s.withDeadline(s.cfg.IngestTimeout, h)))
	}

	get("GET /{$}", s.handleStories)
	get("GET /stories/{id}", s.handleStory)
	get("GET /stories/{id}/claims/{key}", s.handleClaim)
	get("GET /stories/{id}/conflicts/{key}", s.handleConflict)
	get("GET /articles/{id}", s.handleArticle)
	get("GET /search", s.handleSearch)
	get("GET /jobs/{id}", s.handleJob)
	get("GET /feeds/stories.atom", s.feedStories)
	get("GET /feeds/conflicts.atom", s.feedConflicts)
	handle("GET /static/", http.StripPrefix("/static/", s.staticHandler()))

	get("GET /api/stories", s.apiStories)
	get("GET /api/stories/{id}", s.apiStory)
	get("GET /api/stories/{id}/report", s.apiStoryReport)
	get("GET /api/stories/{id}/claims", s.apiClaims)
	get("GET /api/stories/{id}/claims.csv", s.apiClaimsCSV)
	get("GET /api/stories/{id}/conflicts", s.apiConflicts)
	get("GET /api/stories/{id}/conflicts.csv", s.apiConflictsCSV)
	get("GET /api/articles", s.apiArticles)
	get("GET /api/articles/{id}", s.apiArticle)
	get("GET /api/search", s.apiSearch)
	get("GET /api/outlets", s.apiOutlets)
	get("GET /api/jobs/{id}", s.apiJob)
	get("GET /api/openapi.json", s.apiOpenAPI)
	get("GET /healthz", s.handleHealth)
	handle("GET /metrics", s.metrics.handler())
	// An event stream is long-lived: no timeout handler, which buffers.
	handle("GET /events", http.HandlerFunc(s.handleEvents))
	if s.cfg.Sources != nil {
		get("GET /api/sources", s.apiSources)
	}
	if s.cfg.WebSub != nil {
		handle("/websub/", s.cfg.WebSub)
	}
	if s.cfg.Corrections != nil {
		get("GET /api/corrections", s.apiCorrections)
		get("GET /api/corrections/{id}", s.apiCorrection)
	}

	if !s.cfg.ReadOnly {
		get("GET /add", s.handleAddForm)
		post("POST /add", s.handleAdd)
		post("POST /analyse", s.handleAnalyse)
		post("POST /api/ingest", s.apiIngest)
		if s.cfg.Corrections != nil {
			post("POST /articles/{id}/corrections", s.handleCorrectArticle)
			post("POST /stories/{id}/corrections", s.handleCorrectStory)
			post("POST /corrections/{id}/undo", s.handleUndo)
			post("POST /api/corrections", s.apiCorrect)
			post("POST /api/corrections/{id}/undo", s.apiUndo)
		}
	}
	// Unknown routes get the same headers, logs and a proper 404 or 405.
	mux.Handle("/", s.instrument("other", http.HandlerFunc(s.handleNotFound)))
	return s.secure(s.checkHost(s.limit(mux)))
}

// fail answers an error outside a handler's own logic: problem+json for
// the API and JSON clients, an error page otherwise.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, code, msg string) {
	if wantsJSON(r) {
		writeProblem(w, r, status, code, msg, nil)
		return
	}
	s.render(w, r, status, "error.html", page{Title: http.StatusText(status),
		Data: errorPage{Status: status, Text: http.StatusText(status), Message: msg, Back: "/"}})
}

func (s *Server) withDeadline(d time.Duration, h http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		ctx, cancel := context.WithTimeout(r.Context(), d)
		defer cancel()
		h.ServeHTTP(w, r.WithContext(ctx))
	})
}

func (s *Server) handleHealth(w http.ResponseWriter, r *http.Request) {
	if err := s.health.check(r.Context(), s.cfg.Stories); err != nil {
		s.log.Error("health check", "err", err)
		writeProblem(w, r, http.StatusServiceUnavailable, "unavailable", "the store does not answer; see the server log", nil)
		return
	}
	w.Header().Set("Content-Type", "text/plain; charset=utf-8")
	fmt.Fprintln(w, "ok")
}
