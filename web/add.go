package web

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"iter"
	"mime"
	"mime/multipart"
	"net/http"
	"net/url"
	"path"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/pipeline"
)

// maxFiles caps the files of one upload.
const maxFiles = 200

// maxURLs caps the URLs of one request.
const maxURLs = 50

// addInput is what one add request asks for.
type addInput struct {
	// Text and HTML are pasted content.
	Text, HTML string
	// URLs are pages or feeds to fetch.
	URLs []string
	// Files are uploads.
	Files []upload
	// Meta is given by the user for pasted content; non-empty fields win.
	Meta crosscheck.Meta
	// Source names pasted content; a hash of it when empty.
	Source string
}

type upload struct {
	Name, ContentType string
	Body              []byte
}

// count is how many inputs the request names; feeds and JSON Lines files
// may hold more documents.
func (in *addInput) count() int {
	n := len(in.URLs) + len(in.Files)
	if strings.TrimSpace(in.Text) != "" {
		n++
	}
	if strings.TrimSpace(in.HTML) != "" {
		n++
	}
	return n
}

func (in *addInput) empty() bool {
	return strings.TrimSpace(in.Text) == "" && strings.TrimSpace(in.HTML) == "" && len(in.URLs) == 0 && len(in.Files) == 0
}

// validate checks URLs and the date before anything is fetched.
func (in *addInput) validate() error {
	if in.empty() {
		return crosscheck.Errorf(crosscheck.EINVALID, "Nothing to add: paste a text, choose a file or give a URL.")
	}
	if len(in.URLs) > maxURLs {
		return crosscheck.Errorf(crosscheck.EINVALID, "Too many URLs (%d): give at most %d at once.", len(in.URLs), maxURLs)
	}
	for _, u := range in.URLs {
		if httpURL(u) == "" {
			return crosscheck.Errorf(crosscheck.EINVALID, "%q is not an http or https URL: give the full address, starting with https://.", u)
		}
	}
	if len(in.Files) > maxFiles {
		return crosscheck.Errorf(crosscheck.EINVALID, "Too many files (%d): upload at most %d at once.", len(in.Files), maxFiles)
	}
	return nil
}

// parseDate reads a publication date: YYYY-MM-DD or RFC 3339.
func parseDate(s string, m *crosscheck.Meta) error {
	s = strings.TrimSpace(s)
	if s == "" {
		return nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil {
		m.Published, m.PublishedDateOnly = t, true
		return nil
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		m.Published = t
		return nil
	}
	if t, err := time.Parse("2006-01-02T15:04", s); err == nil {
		m.Published = t.UTC()
		return nil
	}
	return crosscheck.Errorf(crosscheck.EINVALID, "The date %q is not a date like 2025-09-04.", s)
}

// addOutcome is what an add did, for the page and the API.
type addOutcome struct {
	Summary  pipeline.Summary
	Errors   []inputError
	Articles []*crosscheck.Article
	Stories  []*crosscheck.Story
}

type inputError struct {
	Input   string `json:"input"`
	Message string `json:"message"`
}

// docs yields the documents of an add request, in order: pasted text,
// pasted HTML, files, URLs.
func (s *Server) docs(ctx context.Context, in *addInput) iter.Seq2[*crosscheck.Document, error] {
	rd := s.cfg.Reader
	return func(yield func(*crosscheck.Document, error) bool) {
		pasted := func(body, contentType string) bool {
			name := in.Source
			if name == "" {
				sum := sha256.Sum256([]byte(body))
				name = "pasted-" + hex.EncodeToString(sum[:6])
			}
			for d, err := range rd.FromBytes(ctx, name, contentType, []byte(body)) {
				if d != nil {
					mergeMeta(&d.Meta, in.Meta)
				}
				if !yield(d, err) {
					return false
				}
			}
			return true
		}
		if strings.TrimSpace(in.Text) != "" && !pasted(in.Text, "text/plain; charset=utf-8") {
			return
		}
		if strings.TrimSpace(in.HTML) != "" && !pasted(in.HTML, "text/html; charset=utf-8") {
			return
		}
		for _, f := range in.Files {
			for d, err := range rd.FromBytes(ctx, f.Name, f.ContentType, f.Body) {
				if !yield(d, err) {
					return
				}
			}
		}
		for _, u := range in.URLs {
			for d, err := range rd.FetchURL(ctx, u) {
				if !yield(d, err) {
					return
				}
			}
		}
	}
}

func mergeMeta(dst *crosscheck.Meta, src crosscheck.Meta) {
	if src.Title != "" {
		dst.Title = src.Title
	}
	if src.Outlet != "" {
		dst.Outlet = src.Outlet
	}
	if src.Author != "" {
		dst.Author = src.Author
	}
	if !src.Published.IsZero() {
		dst.Published, dst.PublishedDateOnly = src.Published, src.PublishedDateOnly
	}
	if src.Language != "" {
		dst.Language = src.Language
	}
}

// progressFunc is told how an add goes: documents done, documents known
// so far, the current input, and whether it failed.
type progressFunc func(done, total int, current string, failed bool)

// maxResultArticles caps the articles an add's result lists by name; the
// counts are always the true ones.
const maxResultArticles = 100

// add runs an add request through the pipeline and drops the cached
// reports of the stories it touched.
func (s *Server) add(ctx context.Context, in *addInput, progress progressFunc) (*addOutcome, error) {
	if err := in.validate(); err != nil {
		return nil, err
	}
	var pp pipeline.Progress
	if progress != nil {
		known := in.count()
		pp = func(done int, current string, err error) {
			known = max(known, done)
			progress(done, known, current, err != nil)
		}
	}
	sum, err := s.cfg.Ingester.Ingest(ctx, s.docs(ctx, in), pp)
	s.reports.invalidate(sum.Stories)
	if sum.Ingested > 0 {
		s.lists.clear()
		s.outlets.clear()
	}
	s.metrics.ingested.WithLabelValues("new").Add(float64(sum.Ingested))
	s.metrics.ingested.WithLabelValues("duplicate").Add(float64(sum.Duplicates))
	s.metrics.ingested.WithLabelValues("failed").Add(float64(sum.Failed))
	if err != nil {
		return nil, fmt.Errorf("add: %w", err)
	}
	out := &addOutcome{Summary: sum}
	for _, e := range sum.Errors {
		ie := inputError{Message: e.Error()}
		var in *crosscheck.InputError
		if errors.As(e, &in) {
			ie = inputError{Input: in.Input, Message: in.Err.Error()}
		}
		out.Errors = append(out.Errors, ie)
	}
	s.log.Info("added", "ingested", sum.Ingested, "duplicates", sum.Duplicates, "failed", sum.Failed, "stories", len(sum.Stories))
	// The first articles for links; every story the batch touched (a
	// duplicate's story too).
	seen := map[string]bool{}
	for _, id := range sum.Stories {
		if seen[id] {
			continue
		}
		seen[id] = true
		if st, err := s.cfg.Stories.Story(ctx, id); err == nil {
			out.Stories = append(out.Stories, st)
		}
	}
	for i, id := range sum.Articles {
		a, err := s.cfg.Articles.Article(ctx, id)
		if err != nil {
			continue
		}
		if i < maxResultArticles {
			out.Articles = append(out.Articles, a)
		}
		if a.StoryID != "" && !seen[a.StoryID] {
			seen[a.StoryID] = true
			if st, err := s.cfg.Stories.Story(ctx, a.StoryID); err == nil {
				out.Stories = append(out.Stories, st)
			}
		}
	}
	return out, nil
}

// readForm reads an add form or multipart API request, within the size
// limit already set on r.Body.
func readForm(r *http.Request) (*addInput, error) {
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var err error
	if mt == "multipart/form-data" {
		err = r.ParseMultipartForm(4 << 20)
	} else {
		err = r.ParseForm()
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "The form could not be read (%v): send it again.", err)
	}
	in := &addInput{
		Text:   r.FormValue("text"),
		HTML:   r.FormValue("html"),
		Source: strings.TrimSpace(r.FormValue("source")),
		Meta: crosscheck.Meta{
			Title:  strings.TrimSpace(r.FormValue("title")),
			Outlet: strings.TrimSpace(r.FormValue("outlet")),
			Author: strings.TrimSpace(r.FormValue("author")),
		},
	}
	if err := parseDate(r.FormValue("published"), &in.Meta); err != nil {
		return nil, err
	}
	for _, field := range []string{"url", "urls"} {
		for _, v := range r.Form[field] {
			for _, line := range strings.Fields(v) {
				in.URLs = append(in.URLs, line)
			}
		}
	}
	if r.MultipartForm != nil {
		for _, field := range []string{"file", "files"} {
			for _, fh := range r.MultipartForm.File[field] {
				if len(in.Files) >= maxFiles+1 {
					break
				}
				u, err := readUpload(fh)
				if err != nil {
					return nil, err
				}
				if u.Name == "" && len(u.Body) == 0 {
					continue // the empty file input of a form
				}
				in.Files = append(in.Files, u)
			}
		}
	}
	return in, nil
}

func readUpload(fh *multipart.FileHeader) (upload, error) {
	f, err := fh.Open()
	if err != nil {
		return upload{}, fmt.Errorf("open upload: %w", err)
	}
	defer f.Close()
	body, err := io.ReadAll(f)
	if err != nil {
		return upload{}, fmt.Errorf("read upload: %w", err)
	}
	name := path.Base(strings.ReplaceAll(fh.Filename, `\`, "/"))
	if name == "." || name == "/" {
		name = ""
	}
	if name != "" {
		name = "upload:" + name
	}
	return upload{Name: name, ContentType: fh.Header.Get("Content-Type"), Body: body}, nil
}

type addData struct {
	AllowPrivate bool
	MaxMiB       int64
	Error        string
	Form         url.Values
	Result       *addOutcome
}

func (s *Server) handleAddForm(w http.ResponseWriter, r *http.Request) {
	s.render(w, r, http.StatusOK, "add.html", page{Title: "Add reports", Nav: "add",
		Data: addData{AllowPrivate: s.cfg.AllowPrivateFetch, MaxMiB: s.cfg.MaxUploadBytes >> 20}})
}

// handleAdd reads the form, then runs the add as a job and sends the
// browser to its page, which shows the progress (and works without
// JavaScript: it refreshes itself until the job is done).
func (s *Server) handleAdd(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes)
	d := addData{AllowPrivate: s.cfg.AllowPrivateFetch, MaxMiB: s.cfg.MaxUploadBytes >> 20}
	fail := func(err error) {
		status, msg := s.classify(r, err)
		d.Error = msg
		if r.Form != nil {
			d.Form = r.Form
		}
		s.render(w, r, status, "add.html", page{Title: "Add reports", Nav: "add", Data: d})
	}
	in, err := readForm(r)
	if err != nil {
		fail(err)
		return
	}
	if err := in.validate(); err != nil {
		fail(err)
		return
	}
	j := s.jobs.startAdd(s, in)
	http.Redirect(w, r, "/jobs/"+j.ID, http.StatusSeeOther)
}

type jobData struct {
	Job     jobView
	Outcome *addOutcome
	// Refresh is the seconds before the page reloads itself; 0 when done.
	Refresh int
	Failed  bool
}

func (s *Server) handleJob(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil {
		s.renderError(w, r, crosscheck.Errorf(crosscheck.ENOTFOUND, "There is no such job: jobs are kept in memory until the server restarts."))
		return
	}
	v := j.view()
	d := jobData{Job: v, Outcome: v.outcome}
	if !v.Finished {
		d.Refresh = 1
	}
	status := http.StatusOK
	if v.Finished && v.Kind == "add" && (v.outcome == nil || len(v.outcome.Summary.Articles) == 0) {
		// Nothing could be read: say why.
		d.Failed = true
		status = http.StatusUnprocessableEntity
	}
	title := "Adding reports"
	if v.Kind == "analyse" {
		title = "Analysing stories"
	}
	b, err := s.renderBytes("job.html", page{Title: title, Nav: "add", Data: d, Refresh: d.Refresh})
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	writeHTMLStatus(w, status, b)
}

// handleAnalyse starts analysing every story not analysed yet.
func (s *Server) handleAnalyse(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.startAnalyse(s)
	http.Redirect(w, r, "/jobs/"+j.ID, http.StatusSeeOther)
}
