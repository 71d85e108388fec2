package web

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"net/http"
	"net/url"
	"path"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// pageFiles are the pages, each parsed with layout.html.
var pageFiles = []string{"stories.html", "story.html", "article.html", "add.html", "search.html", "error.html"}

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
}

// page is what every template gets.
type page struct {
	// Title is the page title.
	Title string
	// Nav is the highlighted menu entry.
	Nav string
	// ReadOnly hides the add page.
	ReadOnly bool
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
	}
	s.log.Error("request failed", "path", r.URL.Path, "err", err)
	return http.StatusInternalServerError, "Something went wrong on the server; it has been logged."
}

func (s *Server) handleNotFound(w http.ResponseWriter, r *http.Request) {
	if strings.HasPrefix(r.URL.Path, "/api/") {
		writeJSONError(w, http.StatusNotFound, crosscheck.ENOTFOUND, "no such API route: see /api/openapi.json")
		return
	}
	s.renderError(w, r, crosscheck.Errorf(crosscheck.ENOTFOUND, "There is no page at this address."))
}

func (s *Server) staticHandler() http.Handler {
	fsrv := http.FileServerFS(s.static)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "" || strings.HasSuffix(r.URL.Path, "/") {
			http.NotFound(w, r)
			return
		}
		if _, err := fs.Stat(s.static, path.Clean(r.URL.Path)); err != nil {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Cache-Control", "public, max-age=3600")
		fsrv.ServeHTTP(w, r)
	})
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

// outletLabel names an article's outlet, or its source when the outlet is
// unknown, as Coverage does.
func outletLabel(a *crosscheck.Article) string {
	if a.Outlet != "" {
		return a.Outlet
	}
	if a.Source != "" {
		return path.Base(a.Source)
	}
	return a.ID
}

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
