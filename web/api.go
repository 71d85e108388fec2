package web

import (
	"encoding/json"
	"errors"
	"mime"
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/report"
)

// apiMaxLimit caps the page size of API lists: the same as the command line's.
const apiMaxLimit = crosscheck.ListMax

// maxSearchHits bounds the hits a search ranks, so its total is exact up to it.
const maxSearchHits = 1000

// apiFail writes err as a problem with the status classify gives.
func (s *Server) apiFail(w http.ResponseWriter, r *http.Request, err error) {
	status, msg := s.classify(r, err)
	code := crosscheck.ErrorCode(err)
	switch status {
	case http.StatusRequestEntityTooLarge:
		code = "too_large"
	case http.StatusServiceUnavailable:
		code = "timeout"
	}
	writeProblem(w, r, status, code, msg, nil)
}

// apiList is the one shape of every collection: the page's items, the
// total before paging, and the paging asked for. Link headers carry the
// first, prev, next and last pages.
type apiList[T any] struct {
	Items  []T `json:"items"`
	Total  int `json:"total"`
	Offset int `json:"offset"`
	Limit  int `json:"limit"`
}

func sendList[T any](w http.ResponseWriter, r *http.Request, items []T, total, offset, limit int) {
	if items == nil {
		items = []T{}
	}
	setLinks(w, r, offset, limit, total)
	sendJSON(w, r, apiList[T]{Items: items, Total: total, Offset: offset, Limit: limit}, time.Time{})
}

// apiStory is a story on the wire: the event date as a day, instants in
// RFC 3339, and what the server knows of its analysis.
type apiStory struct {
	ID        string   `json:"id"`
	Title     string   `json:"title"`
	EventDate *string  `json:"event_date"`
	Places    []string `json:"places"`
	Entities  []string `json:"entities"`
	Outlets   []string `json:"outlets"`
	Articles  int      `json:"articles"`
	Created   string   `json:"created,omitempty"`
	Updated   string   `json:"updated,omitempty"`
	Latest    string   `json:"latest,omitempty"`
	// Conflicts and Claims are present once the story was analysed.
	Conflicts *int `json:"conflicts,omitempty"`
	Claims    *int `json:"claims,omitempty"`
}

func storyItem(st *crosscheck.Story) apiStory {
	return apiStory{
		ID: st.ID, Title: st.Title, EventDate: dayOnly(st.EventDate),
		Places: nonNil(st.Places), Entities: nonNil(st.Entities), Outlets: nonNil(st.Outlets), Articles: st.Articles,
		Created: rfc3339(st.Created), Updated: rfc3339(st.Updated), Latest: rfc3339(st.Latest),
	}
}

func (s *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	q, err := s.parseStoryList(r, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	stories, total, err := s.lists.stories(r.Context(), q.storyFilter())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	counts := s.countsFor(r.Context(), stories)
	items := make([]apiStory, 0, len(stories))
	for _, st := range stories {
		it := storyItem(st)
		if c, ok := counts[st.ID]; ok {
			it.Conflicts, it.Claims = &c.conflicts, &c.claims
		}
		items = append(items, it)
	}
	sendList(w, r, items, total, q.Offset, q.Limit)
}

// storyOr404 reads a story by ID or unique ID prefix.
func (s *Server) storyByID(r *http.Request, id string) (*crosscheck.Story, error) {
	st, err := s.cfg.Stories.Story(r.Context(), id)
	if crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND && s.cfg.Catalog != nil {
		full, rerr := s.cfg.Catalog.ResolveID(r.Context(), "story", id)
		if rerr != nil {
			return nil, rerr
		}
		return s.cfg.Stories.Story(r.Context(), full)
	}
	return st, err
}

func (s *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	st, err := s.storyByID(r, r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	it := storyItem(st)
	if c, ok := s.countsFor(r.Context(), []*crosscheck.Story{st})[st.ID]; ok {
		it.Conflicts, it.Claims = &c.conflicts, &c.claims
	}
	sendJSON(w, r, it, st.Updated)
}

// apiStoryReport gives a story's report in the Story shape of the report
// contract (shared/REPORT-CONTRACT.md).
func (s *Server) apiStoryReport(w http.ResponseWriter, r *http.Request) {
	rep, err := s.storyReport(r, r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	sendJSON(w, r, report.WireStory(rep), rep.Story.Updated)
}

// apiArticle is an article on the wire, without its text in lists.
type apiArticle struct {
	ID     string `json:"id"`
	Source string `json:"source"`
	URL    string `json:"url,omitempty"`
	Title  string `json:"title,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	// OutletLabel names the outlet as every page does: the outlet, else
	// the host of the URL, else "unknown outlet" with the file name.
	OutletLabel string `json:"outlet_label"`
	Author      string `json:"author,omitempty"`
	Published   string `json:"published,omitempty"`
	Language    string `json:"language,omitempty"`
	StoryID     string `json:"story_id,omitempty"`
	DuplicateOf string `json:"duplicate_of,omitempty"`
	Ingested    string `json:"ingested,omitempty"`
}

func articleItem(a *crosscheck.Article) apiArticle {
	return apiArticle{
		ID: a.ID, Source: a.Source, URL: a.URL, Title: a.Title, Outlet: a.Outlet, OutletLabel: report.OutletLabel(a).String(),
		Author: a.Author, Published: report.FormatPublished(a), Language: a.Language, StoryID: a.StoryID,
		DuplicateOf: a.DuplicateOf, Ingested: rfc3339(a.Ingested),
	}
}

func (s *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), s.cfg.PageSize, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if q.Story != "" {
		// An unknown story is an error, not an empty list.
		st, err := s.storyByID(r, q.Story)
		if err != nil {
			s.apiFail(w, r, err)
			return
		}
		q.Story = st.ID
	}
	arts, total, err := s.cfg.Articles.Articles(r.Context(), q.articleFilter())
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	items := make([]apiArticle, 0, len(arts))
	for _, a := range arts {
		items = append(items, articleItem(a))
	}
	sendList(w, r, items, total, q.Offset, q.Limit)
}

// apiArticleFull is one article with its text and sentence spans.
type apiArticleFull struct {
	apiArticle
	Text        string                `json:"text"`
	Correction  string                `json:"correction,omitempty"`
	ContentHash string                `json:"content_hash,omitempty"`
	Paragraphs  []crosscheck.Span     `json:"paragraphs"`
	Sentences   []crosscheck.Sentence `json:"sentences"`
}

func (s *Server) articleByID(r *http.Request, id string) (*crosscheck.Article, error) {
	a, err := s.cfg.Articles.Article(r.Context(), id)
	if crosscheck.ErrorCode(err) == crosscheck.ENOTFOUND && s.cfg.Catalog != nil {
		full, rerr := s.cfg.Catalog.ResolveID(r.Context(), "article", id)
		if rerr != nil {
			return nil, rerr
		}
		return s.cfg.Articles.Article(r.Context(), full)
	}
	return a, err
}

// modifiedOf is when an article last changed: stored, or corrected since.
func (s *Server) modifiedOf(r *http.Request, a *crosscheck.Article) time.Time {
	t := a.Ingested
	if s.cfg.Corrections != nil {
		if cs, _, err := s.cfg.Corrections.Corrections(r.Context(), crosscheck.CorrectionFilter{Article: &a.ID, Limit: 1}); err == nil && len(cs) > 0 {
			c := cs[0]
			t = later(t, later(c.Created, c.Undone))
		}
	}
	return t
}

func later(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}

func (s *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.articleByID(r, r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	out := apiArticleFull{
		apiArticle: articleItem(a), Text: a.Text, Correction: a.Correction, ContentHash: a.ContentHash,
		Paragraphs: nonNil(a.Paragraphs), Sentences: nonNil(a.Sentences),
	}
	// The text never changes; the metadata may be corrected, so clients
	// revalidate (cheaply, with the validators).
	sendJSON(w, r, out, s.modifiedOf(r, a))
}

type apiHit struct {
	Article apiArticle `json:"article"`
	Snippet string     `json:"snippet"`
	Rank    float64    `json:"rank"`
}

func (s *Server) apiSearch(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), s.cfg.PageSize, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if q.Q == "" {
		writeProblem(w, r, http.StatusBadRequest, crosscheck.EINVALID, "give a search query in q", nil)
		return
	}
	hits, err := s.cfg.Articles.Search(r.Context(), q.Q, min(maxSearchHits, q.Offset+q.Limit))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	total := len(hits)
	if total == q.Offset+q.Limit && total < maxSearchHits {
		// There may be more: count them, up to the cap.
		if all, err := s.cfg.Articles.Search(r.Context(), q.Q, maxSearchHits); err == nil {
			total = len(all)
		}
	}
	var items []apiHit
	for i, h := range hits {
		if i < q.Offset {
			continue
		}
		items = append(items, apiHit{Article: articleItem(h.Article), Snippet: h.Snippet, Rank: h.Rank})
	}
	sendList(w, r, items, total, q.Offset, q.Limit)
}

func (s *Server) apiOutlets(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), apiMaxLimit, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	all := s.outlets.all(r.Context())
	if q.Q != "" {
		all = matchOutlets(all, q.Q)
	}
	page := all[min(q.Offset, len(all)):min(q.Offset+q.Limit, len(all))]
	sendList(w, r, page, len(all), q.Offset, q.Limit)
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
	Ingested       int          `json:"ingested"`
	Duplicates     int          `json:"duplicates"`
	NearDuplicates int          `json:"near_duplicates"`
	Failed         int          `json:"failed"`
	Errors         []inputError `json:"errors"`
	// Articles are the first articles of the batch (Total says how many
	// there are); Stories every story it touched.
	Articles      []apiArticle `json:"articles"`
	TotalArticles int          `json:"total_articles"`
	Stories       []string     `json:"stories"`
}

func ingestResponse(out *addOutcome) apiIngestResponse {
	resp := apiIngestResponse{
		Ingested: out.Summary.Ingested, Duplicates: out.Summary.Duplicates, NearDuplicates: out.Summary.NearDuplicates,
		Failed: out.Summary.Failed, Errors: nonNil(out.Errors), Articles: []apiArticle{},
		TotalArticles: len(out.Summary.Articles), Stories: nonNil(out.Summary.Stories),
	}
	for _, a := range out.Articles {
		resp.Articles = append(resp.Articles, articleItem(a))
	}
	return resp
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
		writeProblem(w, r, http.StatusUnsupportedMediaType, crosscheck.EINVALID,
			"send application/json ({\"text\": ...} or {\"url\": ...}) or multipart/form-data with file fields", nil)
		return
	}
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if err := in.validate(); err != nil {
		s.apiFail(w, r, err)
		return
	}
	if strings.Contains(strings.ToLower(r.Header.Get("Prefer")), "respond-async") {
		j := s.jobs.startAdd(s, in)
		w.Header().Set("Location", "/api/jobs/"+j.ID)
		w.Header().Set("Preference-Applied", "respond-async")
		writeJSON(w, http.StatusAccepted, j.view())
		return
	}
	out, err := s.add(r.Context(), in, nil)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	if len(out.Summary.Articles) == 0 {
		writeProblem(w, r, http.StatusUnprocessableEntity, crosscheck.EINVALID, "no input could be read; nothing was stored", out.Errors)
		return
	}
	writeJSON(w, http.StatusOK, ingestResponse(out))
}

func readJSONIngest(r *http.Request) (*addInput, error) {
	var req apiIngestRequest
	if err := decodeBody(r, &req); err != nil {
		return nil, err
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

// decodeBody reads a JSON request body strictly.
func decodeBody(r *http.Request, v any) error {
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return err
		}
		return crosscheck.Errorf(crosscheck.EINVALID, "The JSON body could not be read (%v): see /api/openapi.json for its fields.", err)
	}
	return nil
}

func (s *Server) apiOpenAPI(w http.ResponseWriter, r *http.Request) {
	send(w, r, reply{ctype: "application/json; charset=utf-8", body: s.openAPI, cache: "public, max-age=3600"})
}

func (s *Server) apiJob(w http.ResponseWriter, r *http.Request) {
	j := s.jobs.get(r.PathValue("id"))
	if j == nil {
		writeProblem(w, r, http.StatusNotFound, crosscheck.ENOTFOUND, "no such job: jobs are kept in memory until the server restarts", nil)
		return
	}
	v := j.view()
	w.Header().Set("Cache-Control", "no-store")
	send(w, r, reply{ctype: "application/json; charset=utf-8", body: marshal(v), cache: "no-store"})
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

func atoi64(s string) (int64, error) {
	n, err := strconv.ParseInt(s, 10, 64)
	if err != nil || n <= 0 {
		return 0, crosscheck.Errorf(crosscheck.ENOTFOUND, "no correction %q: correction IDs are whole numbers", s)
	}
	return n, nil
}

func itoa(n int) string { return strconv.Itoa(n) }
