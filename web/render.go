package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"mime"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/report"
)

// pageFiles are the pages, each parsed with layout.html.
var pageFiles = []string{"stories.html", "story.html", "article.html", "add.html", "search.html", "error.html", "job.html", "claim.html"}

func parsePages() (map[string]*template.Template, error) {
	pages := map[string]*template.Template{}
	for _, name := range pageFiles {
		t, err := template.New(name).Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/"+name)
		if err != nil {
			return nil, fmt.Errorf("parse template %s: %w", name, err)
		}
		pages[name] = t
	}
	return pages, nil
}

var funcs = template.FuncMap{
	"date":      formatDate,
	"published": publishedOf,
	"httpURL":   httpURL,
	"join":      strings.Join,
	"snippet":   snippetHTML,
	"add":       func(a, b int) int { return a + b },
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
	// count says "1 article", "3 articles".
	"count": func(n int, one, many string) string {
		if n == 1 {
			return "1 " + one
		}
		return strconv.Itoa(n) + " " + many
	},
	"label":   report.OutletLabel,
	"titleOf": articleTitle,
	"static":  staticURL,
	"head":    func(l []string) []string { return l[:min(len(l), shownRefs)] },
	"tail":    func(l []string) []string { return l[min(len(l), shownRefs):] },
	// notice shows an article's correction notice once labelled, never
	// "Correction: Correction: ...".
	"notice": func(s string) string {
		s = strings.TrimSpace(s)
		if strings.HasPrefix(strings.ToLower(s), "correction") {
			return s
		}
		return "Correction: " + s
	},
}

// page is what every template gets.
type page struct {
	// Title is the page title.
	Title string
	// Nav is the highlighted menu entry.
	Nav string
	// ReadOnly hides the add page.
	ReadOnly bool
	// Refresh reloads the page after this many seconds (a job's progress
	// without JavaScript); 0 does not.
	Refresh int
	// Feed is the Atom feed the page offers, "" for the default.
	Feed string
	// Data is the page's own data.
	Data any
}

// render executes a page into a buffer first, so that a template error
// becomes a clean 500 instead of half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, p page) {
	b, err := s.renderBytes(name, p)
	if err != nil {
		s.log.Error("render page", "page", name, "path", r.URL.Path, "err", err)
		http.Error(w, "internal error: the page could not be rendered", http.StatusInternalServerError)
		return
	}
	s.sendHTML(w, r, status, b)
}

// sendHTML sends a page: with validators and compression when it is a
// 200, as is otherwise.
func (s *Server) sendHTML(w http.ResponseWriter, r *http.Request, status int, b []byte) {
	if status != http.StatusOK {
		writeHTMLStatus(w, status, b)
		return
	}
	send(w, r, reply{ctype: "text/html; charset=utf-8", body: b})
}

func writeHTMLStatus(w http.ResponseWriter, status int, b []byte) {
	writeHTML(w, status, b)
}

func (s *Server) renderBytes(name string, p page) ([]byte, error) {
	p.ReadOnly = s.cfg.ReadOnly
	var buf bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&buf, "layout", p); err != nil {
		return nil, err
	}
	return buf.Bytes(), nil
}

func writeHTML(w http.ResponseWriter, status int, b []byte) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	w.Write(b)
}

type errorPage struct {
	Status  int
	Text    string
	Message string
	Back    string
}

// renderError shows an error page; internal errors are logged and not
// shown, since they may carry paths or SQL.
func (s *Server) renderError(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.classify(r, err)
	if wantsJSON(r) {
		s.apiFail(w, r, err)
		return
	}
	s.render(w, r, status, "error.html", page{
		Title: http.StatusText(status),
		Data:  errorPage{Status: status, Text: http.StatusText(status), Message: msg, Back: "/"},
	})
}

// classify maps an error to an HTTP status and a message for the user.
func (s *Server) classify(r *http.Request, err error) (int, string) {
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return http.StatusRequestEntityTooLarge,
			fmt.Sprintf("The upload is larger than the %d MiB limit: send fewer or smaller files.", mbe.Limit>>20)
	case errors.Is(err, context.Canceled) && r.Context().Err() != nil:
		// The client went away: nothing to log, nobody to tell.
		return http.StatusServiceUnavailable, "The request was cancelled."
	case errors.Is(err, errAnalysing):
		return http.StatusServiceUnavailable, err.Error()
	case errors.Is(err, context.DeadlineExceeded):
		return http.StatusServiceUnavailable, "The request took too long: try again, or add fewer inputs at once."
	}
	switch crosscheck.ErrorCode(err) {
	case crosscheck.ENOTFOUND:
		return http.StatusNotFound, err.Error()
	case crosscheck.EINVALID:
		return http.StatusBadRequest, err.Error()
	case crosscheck.ECONFLICT:
		return http.StatusConflict, err.Error()
	}
	s.log.Error("request failed", "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "Something went wrong on the server; it has been logged."
}

// handleNotFound answers what no route matched: 405 with Allow when the
// path exists for other methods, 404 otherwise; problem+json for the API.
func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	if allow := s.allowed(r); len(allow) > 0 {
		w.Header().Set("Allow", strings.Join(allow, ", "))
		msg := fmt.Sprintf("%s is not allowed here: use %s.", r.Method, strings.Join(allow, " or "))
		if r.Method == http.MethodOptions {
			// No CORS: a preflight gets the methods and nothing that
			// would let another origin read the answer.
			w.WriteHeader(http.StatusNoContent)
			return
		}
		if wantsJSON(r) {
			writeProblem(w, r, http.StatusMethodNotAllowed, "method_not_allowed", msg, nil)
			return
		}
		s.render(w, r, http.StatusMethodNotAllowed, "error.html", page{Title: "Method not allowed",
			Data: errorPage{Status: 405, Text: http.StatusText(405), Message: msg, Back: "/"}})
		return
	}
	if wantsJSON(r) {
		writeProblem(w, r, http.StatusNotFound, crosscheck.ENOTFOUND, "no such API route: see /api/openapi.json", nil)
		return
	}
	s.renderError(w, r, crosscheck.Errorf(crosscheck.ENOTFOUND, "There is no page at this address."))
}

// allowed returns the methods some route serves r's path with.
func (s *Server) allowed(r *http.Request) []string {
	var out []string
	for _, m := range []string{http.MethodGet, http.MethodHead, http.MethodPost, http.MethodPut, http.MethodPatch, http.MethodDelete} {
		rr := r.Clone(r.Context())
		rr.Method = m
		if _, pattern := s.mux.Handler(rr); pattern != "" && pattern != "/" {
			out = append(out, m)
		}
	}
	return out
}

func (s *Server) staticHandler() http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		name := path.Clean(r.URL.Path)
		b, err := fs.ReadFile(s.static, name)
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") || err != nil {
			http.NotFound(w, r)
			return
		}
		ctype := mime.TypeByExtension(path.Ext(name))
		if ctype == "" {
			ctype = "application/octet-stream"
		}
		cache := "public, max-age=3600"
		if r.URL.Query().Get("v") == staticVersion {
			// The URL names this very content: it never changes.
			cache = "public, max-age=31536000, immutable"
		}
		send(w, r, reply{ctype: ctype, body: b, cache: cache})
	})
}

// staticVersion identifies the embedded static files: their URLs carry it
// so that browsers may keep them for good.
var staticVersion = func() string {
	h := sha256.New()
	fs.WalkDir(staticFS, ".", func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			b, _ := fs.ReadFile(staticFS, p)
			h.Write([]byte(p))
			h.Write(b)
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil)[:6])
}()

func staticURL(name string) string { return "/static/" + name + "?v=" + staticVersion }

// articleTitle is an article's title, else its first sentence, clipped:
// the same words wherever the article is listed.
func articleTitle(a *crosscheck.Article) string {
	if a == nil {
		return ""
	}
	if t := strings.TrimSpace(a.Title); t != "" {
		return t
	}
	first := a.Text
	if len(a.Sentences) > 0 && a.Sentences[0].End <= len(a.Text) {
		first = a.Text[a.Sentences[0].Start:a.Sentences[0].End]
	} else if i := strings.IndexAny(first, "\n"); i > 0 {
		first = first[:i]
	}
	first = strings.Join(strings.Fields(first), " ")
	if r := []rune(first); len(r) > 90 {
		first = strings.TrimRight(string(r[:89]), " ,;:") + "…"
	}
	if first == "" {
		return "Article " + a.ID
	}
	return first
}

func formatDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format("2 Jan 2006")
}

func publishedOf(a *crosscheck.Article) string {
	switch {
	case a == nil || a.Published.IsZero():
		return ""
	case a.PublishedDateOnly:
		return a.Published.Format("2 Jan 2006")
	default:
		return a.Published.Format("2 Jan 2006 15:04 MST")
	}
}

// httpURL returns s when it is an absolute http or https URL, "" otherwise:
// only those are ever made into links.
func httpURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.String()
}

// outletLabel names an article's outlet as everything else does.
func outletLabel(a *crosscheck.Article) string { return report.OutletLabel(a).String() }

// paging is the state of a paged list.
type paging struct {
	Offset, Limit, Total int
	Prev, Next           string // query strings, "" when there is none
}

func makePaging(q url.Values, offset, limit, total int) paging {
	p := paging{Offset: offset, Limit: limit, Total: total}
	link := func(off int) string {
		v := url.Values{}
		for k, vs := range q {
			v[k] = vs
		}
		v.Set("offset", strconv.Itoa(off))
		return "?" + v.Encode()
	}
	if offset > 0 {
		p.Prev = link(max(0, offset-limit))
	}
	if offset+limit < total {
		p.Next = link(offset + limit)
	}
	return p
}

func (p paging) From() int { return min(p.Offset+1, p.Total) }
func (p paging) To() int   { return min(p.Offset+p.Limit, p.Total) }
