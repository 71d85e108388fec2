package web

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/report"
)

// apiMaxLimit caps the page size of API lists.
const apiMaxLimit = 500

type apiError struct {
	Error apiErrorBody `json:"error"`
}

type apiErrorBody struct {
	Code    string       `json:"code"`
	Message string       `json:"message"`
	Inputs  []inputError `json:"inputs,omitempty"`
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.Encode(v)
}

func writeJSONError(w http.ResponseWriter, status int, code, msg string) {
	writeJSON(w, status, apiError{Error: apiErrorBody{Code: code, Message: msg}})
}

// apiFail writes err as a JSON error with the status classify gives.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.classify(r, err)
	code := crosscheck.ErrorCode(err)
	switch status {
	case http.StatusRequestEntityTooLarge:
		code = "too_large"
	case http.StatusServiceUnavailable:
		code = "timeout"
	}
	writeJSONError(w, status, code, msg)
}

// apiStoryItem is a story in the list, with what the server knows of its
// analysis.
type apiStoryItem struct {
	*crosscheck.Story
	// Conflicts and Claims are present once the story was analysed.
	Conflicts *int `json:"conflicts,omitempty"`
	Claims    *int `json:"claims,omitempty"`
}

type apiList[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), s.cfg.PageSize, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	stories, total, err := s.lists.stories(r.Context(), q.storyFilter())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiList[apiStoryItem]{Items: []apiStoryItem{}, Total: total, Offset: q.Offset, Limit: q.Limit}
	for _, st := range stories {
		it := apiStoryItem{Story: st}
		if c, ok := s.reports.countsOf(st); ok {
			it.Conflicts, it.Claims = &c.conflicts, &c.claims
		} else {
			s.reports.enqueue(st)
		}
		out.Items = append(out.Items, it)
	}
	writeJSON(w, http.StatusOK, out)
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	st, err := s.cfg.Stories.Story(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, st)
}

// apiStoryReport gives a story's report in the Story shape of the report
// contract (shared/REPORT-CONTRACT.md).
func (s *Server) apiStoryReport(w http.ResponseWriter, r *http.Request) {
	rep, err := s.storyReport(r, r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	writeJSON(w, http.StatusOK, report.WireStory(rep))
}

// apiArticleItem is an article in a list: no text or spans.
type apiArticleItem struct {
	ID          string `json:"id"`
	Source      string `json:"source"`
	URL         string `json:"url,omitempty"`
	Title       string `json:"title,omitempty"`
	Outlet      string `json:"outlet,omitempty"`
	Author      string `json:"author,omitempty"`
	Published   string `json:"published,omitempty"`
	Language    string `json:"language,omitempty"`
	StoryID     string `json:"story_id,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
}

func articleItem(a *crosscheck.Article) apiArticleItem {
	return apiArticleItem{
		ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Outlet: a.Outlet, Author: a.Author,
		Published: report.FormatPublished(a), Language: a.Language, StoryID: a.StoryID, DuplicateOf: a.DuplicateOf,
	}
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), s.cfg.PageSize, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	arts, total, err := s.cfg.Articles.Articles(r.Context(), q.articleFilter())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiList[apiArticleItem]{Items: []apiArticleItem{}, Total: total, Offset: q.Offset, Limit: q.Limit}
	for _, a := range arts {
		out.Items = append(out.Items, articleItem(a))
	}
	writeJSON(w, http.StatusOK, out)
}

// apiArticleFull is one article with its text and sentence spans.
type apiArticleFull struct {
	apiArticleItem
	Text        string                `json:"text"`
	Correction  string                `json:"correction,omitempty"`
	ContentHash string                `json:"content_hash,omitempty"`
	Paragraphs  []crosscheck.Span     `json:"paragraphs"`
	Sentences   []crosscheck.Sentence `json:"sentences"`
	Ingested    string                `json:"ingested,omitempty"`
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.cfg.Articles.Article(r.Context(), r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiArticleFull{
		apiArticleItem: articleItem(a), Text: a.Text, Correction: a.Correction, ContentHash: a.ContentHash,
		Paragraphs: nonNil(a.Paragraphs), Sentences: nonNil(a.Sentences),
	}
	if !a.Ingested.IsZero() {
		out.Ingested = a.Ingested.UTC().Format("2006-01-02T15:04:05Z07:00")
	}
	writeJSON(w, http.StatusOK, out)
}

type apiHit struct {
	Article apiArticleItem `json:"article"`
	Snippet string         `json:"snippet"`
	Rank    float64        `json:"rank"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), 20, 100)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if q.Q == "" {
		writeJSONError(w, http.StatusBadRequest, crosscheck.EINVALID, "give a search query in q")
		return
	}
	hits, err := s.cfg.Articles.Search(r.Context(), q.Q, q.Limit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := struct {
		Query string   `json:"query"`
		Hits  []apiHit `json:"hits"`
	}{Query: q.Q, Hits: []apiHit{}}
	for _, h := range hits {
		out.Hits = append(out.Hits, apiHit{Article: articleItem(h.Article), Snippet: h.Snippet, Rank: h.Rank})
	}
	writeJSON(w, http.StatusOK, out)
}

// apiIngestRequest is the JSON body of POST /api/ingest.
type apiIngestRequest struct {
	Text      string   `json:"text"`
	HTML      string   `json:"html"`
	URL       string   `json:"url"`
	URLs      []string `json:"urls"`
	Source    string   `json:"source"`
	Title     string   `json:"title"`
	Outlet    string   `json:"outlet"`
	Author    string   `json:"author"`
	Published string   `json:"published"`
	Language  string   `json:"language"`
}

type apiIngestResponse struct {
	Ingested       int              `json:"ingested"`
	Duplicates     int              `json:"duplicates"`
	NearDuplicates int              `json:"near_duplicates"`
	Failed         int              `json:"failed"`
	Errors         []inputError     `json:"errors"`
	Articles       []apiArticleItem `json:"articles"`
	Stories        []string         `json:"stories"`
}

func (s *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, s.cfg.MaxUploadBytes)
	mt, _, _ := mime.ParseMediaType(r.Header.Get("Content-Type"))
	var in *addInput
	var err error
	switch mt {
	case "application/json":
		in, err = readJSONIngest(r)
	case "multipart/form-data", "application/x-www-form-urlencoded":
		in, err = readForm(r)
	default:
		writeJSONError(w, http.StatusUnsupportedMediaType, crosscheck.EINVALID,
			"send application/json ({\"text\": ...} or {\"url\": ...}) or multipart/form-data with file fields")
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out, err := s.add(r.Context(), in)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	resp := apiIngestResponse{
		Ingested: out.Summary.Ingested, Duplicates: out.Summary.Duplicates, NearDuplicates: out.Summary.NearDuplicates,
		Failed: out.Summary.Failed, Errors: nonNil(out.Errors), Articles: []apiArticleItem{}, Stories: nonNil(out.Summary.Stories),
	}
	for _, a := range out.Articles {
		resp.Articles = append(resp.Articles, articleItem(a))
	}
	if len(out.Summary.Articles) == 0 {
		writeJSON(w, http.StatusUnprocessableEntity, apiError{Error: apiErrorBody{
			Code: crosscheck.EINVALID, Message: "no input could be read; nothing was stored", Inputs: out.Errors,
		}})
		return
	}
	writeJSON(w, http.StatusOK, resp)
}

func readJSONIngest(r *http.Request) (*addInput, error) {
	var req apiIngestRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return nil, err
		}
		return nil, crosscheck.Errorf(crosscheck.EINVALID, "The JSON body could not be read (%v): see /api/openapi.json for its fields.", err)
	}
	in := &addInput{
		Text: req.Text, HTML: req.HTML, Source: strings.TrimSpace(req.Source),
		Meta: crosscheck.Meta{Title: strings.TrimSpace(req.Title), Outlet: strings.TrimSpace(req.Outlet),
			Author: strings.TrimSpace(req.Author), Language: strings.TrimSpace(req.Language)},
		URLs: req.URLs,
	}
	if u := strings.TrimSpace(req.URL); u != "" {
		in.URLs = append([]string{u}, in.URLs...)
	}
	if err := parseDate(req.Published, &in.Meta); err != nil {
		return nil, err
	}
	return in, nil
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	w.Header().Set("Cache-Control", "public, max-age=3600")
	w.Write(s.openAPI)
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}
