package web

import (
	"net/http"
	"net/url"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Corrections by the user: an article's title, outlet, author or date;
// an article moved to another story; stories merged or split. Each is
// recorded by the store with when and what changed, can be undone, and
// holds after stories are re-clustered.

// correctionRow is a correction as the pages list it.
type correctionRow struct {
	C       *crosscheck.Correction
	Summary string
	When    string
}

// summary says in words what a correction did.
func summary(c *crosscheck.Correction) string {
	switch c.Kind {
	case crosscheck.CorrectArticle:
		var parts []string
		for _, f := range c.Fields {
			before, after := f.Before, f.After
			if before == "" {
				before = "(none)"
			}
			if after == "" {
				after = "(none)"
			}
			parts = append(parts, f.Field+" “"+before+"” → “"+after+"”")
		}
		return "Article " + c.Article + ": " + strings.Join(parts, "; ")
	case crosscheck.CorrectMove:
		return "Article " + c.Article + " moved from story " + orNone(c.Story) + " to " + c.Target
	case crosscheck.CorrectMerge:
		return "Story " + c.Story + " merged into " + c.Target + " (" + countWord(len(c.Articles), "article", "articles") + ")"
	case crosscheck.CorrectSplit:
		return countWord(len(c.Articles), "article", "articles") + " split from story " + c.Story + " into " + c.Target
	}
	return string(c.Kind)
}

func orNone(s string) string {
	if s == "" {
		return "(none)"
	}
	return s
}

func countWord(n int, one, many string) string {
	if n == 1 {
		return "1 " + one
	}
	return itoa(n) + " " + many
}

func (s *Server) correctionsOf(r *http.Request, f crosscheck.CorrectionFilter) []correctionRow {
	if s.cfg.Corrections == nil {
		return nil
	}
	f.Limit = 100
	cs, _, err := s.cfg.Corrections.Corrections(r.Context(), f)
	if err != nil {
		s.log.Warn("list corrections", "err", err)
		return nil
	}
	var out []correctionRow
	for _, c := range cs {
		out = append(out, correctionRow{C: c, Summary: summary(c), When: c.Created.Format("2 Jan 2006 15:04 MST")})
	}
	return out
}

// correct applies c and drops what it made stale.
func (s *Server) correct(r *http.Request, c *crosscheck.Correction) error {
	if c.Kind == crosscheck.CorrectArticle || c.Kind == crosscheck.CorrectMove {
		a, err := s.articleByID(r, c.Article)
		if err != nil {
			return err
		}
		c.Article = a.ID
	}
	for _, p := range []*string{&c.Story, &c.Target} {
		if *p == "" || (c.Kind == crosscheck.CorrectSplit && p == &c.Target) {
			continue
		}
		st, err := s.storyByID(r, *p)
		if err != nil {
			return err
		}
		*p = st.ID
	}
	if err := s.cfg.Corrections.Correct(r.Context(), c); err != nil {
		return err
	}
	s.changed(c)
	return nil
}

// changed drops the cached reports, lists and outlets a correction touched.
func (s *Server) changed(c *crosscheck.Correction) {
	s.reports.invalidate([]string{c.Story, c.Target})
	s.lists.clear()
	s.outlets.clear()
	s.log.Info("corrected", "id", c.ID, "kind", c.Kind, "article", c.Article, "story", c.Story, "target", c.Target)
}

// handleCorrectArticle takes the article page's form: new metadata, or a
// story to move the article to.
func (s *Server) handleCorrectArticle(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	if err := r.ParseForm(); err != nil {
		s.renderError(w, r, crosscheck.Errorf(crosscheck.EINVALID, "The form could not be read: send it again."))
		return
	}
	a, err := s.articleByID(r, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	note := strings.TrimSpace(r.PostFormValue("note"))
	var c *crosscheck.Correction
	if target := strings.TrimSpace(r.PostFormValue("story")); target != "" {
		c = &crosscheck.Correction{Kind: crosscheck.CorrectMove, Article: a.ID, Target: target, Note: note}
	} else {
		c = &crosscheck.Correction{Kind: crosscheck.CorrectArticle, Article: a.ID, Note: note}
		for _, f := range crosscheck.CorrectableFields {
			if v, ok := r.PostForm[f]; ok && strings.TrimSpace(v[0]) != fieldValue(a, f) {
				c.Fields = append(c.Fields, crosscheck.FieldChange{Field: f, After: strings.TrimSpace(v[0])})
			}
		}
	}
	if err := s.correct(r, c); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/articles/"+a.ID+"?corrected="+itoa(int(c.ID))+"#corrections", http.StatusSeeOther)
}

// fieldValue is an article field as the correction form shows it.
func fieldValue(a *crosscheck.Article, field string) string {
	switch field {
	case crosscheck.FieldTitle:
		return a.Title
	case crosscheck.FieldOutlet:
		return a.Outlet
	case crosscheck.FieldAuthor:
		return a.Author
	case crosscheck.FieldPublished:
		if a.Published.IsZero() {
			return ""
		}
		return a.Published.Format("2006-01-02")
	}
	return ""
}

// handleCorrectStory takes the story page's forms: merge into another
// story, or split the checked articles into a new one.
func (s *Server) handleCorrectStory(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		s.renderError(w, r, crosscheck.Errorf(crosscheck.EINVALID, "The form could not be read: send it again."))
		return
	}
	st, err := s.storyByID(r, r.PathValue("id"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	note := strings.TrimSpace(r.PostFormValue("note"))
	var c *crosscheck.Correction
	switch r.PostFormValue("action") {
	case "merge":
		c = &crosscheck.Correction{Kind: crosscheck.CorrectMerge, Story: st.ID, Target: strings.TrimSpace(r.PostFormValue("into")), Note: note}
		if c.Target == "" {
			s.renderError(w, r, crosscheck.Errorf(crosscheck.EINVALID, "Give the story to merge this one into: its ID or the first characters of it."))
			return
		}
	case "split":
		c = &crosscheck.Correction{Kind: crosscheck.CorrectSplit, Story: st.ID, Articles: r.PostForm["article"], Note: note}
		if len(c.Articles) == 0 {
			s.renderError(w, r, crosscheck.Errorf(crosscheck.EINVALID, "Tick the articles to move to a new story, then press Split."))
			return
		}
	default:
		s.renderError(w, r, crosscheck.Errorf(crosscheck.EINVALID, "Choose merge or split."))
		return
	}
	if err := s.correct(r, c); err != nil {
		s.renderError(w, r, err)
		return
	}
	http.Redirect(w, r, "/stories/"+c.Target+"#corrections", http.StatusSeeOther)
}

func (s *Server) handleUndo(w http.ResponseWriter, r *http.Request) {
	id, err := atoi64(r.PathValue("id"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	c, err := s.cfg.Corrections.Undo(r.Context(), id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	s.changed(c)
	back := "/stories/" + c.Story + "#corrections"
	if c.Kind == crosscheck.CorrectArticle || c.Kind == crosscheck.CorrectMove {
		back = "/articles/" + c.Article + "#corrections"
	}
	if ref := r.PostFormValue("back"); strings.HasPrefix(ref, "/") && !strings.HasPrefix(ref, "//") {
		if u, err := url.Parse(ref); err == nil && u.Host == "" {
			back = u.String()
		}
	}
	http.Redirect(w, r, back, http.StatusSeeOther)
}

// apiCorrection is a correction on the wire.
type apiCorrection struct {
	ID       int64                     `json:"id"`
	Kind     crosscheck.CorrectionKind `json:"kind"`
	Article  string                    `json:"article,omitempty"`
	Story    string                    `json:"story,omitempty"`
	Target   string                    `json:"target,omitempty"`
	Articles []string                  `json:"articles,omitempty"`
	Anchor   string                    `json:"anchor,omitempty"`
	Fields   []crosscheck.FieldChange  `json:"fields,omitempty"`
	Note     string                    `json:"note,omitempty"`
	Created  string                    `json:"created"`
	Undone   string                    `json:"undone,omitempty"`
	Summary  string                    `json:"summary"`
}

func correctionItem(c *crosscheck.Correction) apiCorrection {
	return apiCorrection{ID: c.ID, Kind: c.Kind, Article: c.Article, Story: c.Story, Target: c.Target, Articles: c.Articles,
		Anchor: c.Anchor, Fields: c.Fields, Note: c.Note, Created: rfc3339(c.Created), Undone: rfc3339(c.Undone), Summary: summary(c)}
}

// apiCorrectRequest is the JSON body of POST /api/corrections.
type apiCorrectRequest struct {
	Kind     crosscheck.CorrectionKind `json:"kind"`
	Article  string                    `json:"article"`
	Story    string                    `json:"story"`
	Target   string                    `json:"target"`
	Articles []string                  `json:"articles"`
	// Fields maps title, outlet, author or published to the new value.
	Fields map[string]string `json:"fields"`
	Note   string            `json:"note"`
}

func (s *Server) apiCorrect(w http.ResponseWriter, r *http.Request) {
	r.Body = http.MaxBytesReader(w, r.Body, 1<<20)
	if ct := r.Header.Get("Content-Type"); !strings.HasPrefix(ct, "application/json") {
		writeProblem(w, r, http.StatusUnsupportedMediaType, crosscheck.EINVALID, "send application/json: see /api/openapi.json", nil)
		return
	}
	var req apiCorrectRequest
	if err := decodeBody(r, &req); err != nil {
		s.apiFail(w, r, err)
		return
	}
	c := &crosscheck.Correction{Kind: req.Kind, Article: req.Article, Story: req.Story, Target: req.Target, Articles: req.Articles, Note: req.Note}
	for _, f := range crosscheck.CorrectableFields {
		if v, ok := req.Fields[f]; ok {
			c.Fields = append(c.Fields, crosscheck.FieldChange{Field: f, After: v})
		}
	}
	for f := range req.Fields {
		if fieldValueKnown(f) {
			continue
		}
		writeProblem(w, r, http.StatusBadRequest, crosscheck.EINVALID, "field "+f+" cannot be corrected: use title, outlet, author or published", nil)
		return
	}
	if err := s.correct(r, c); err != nil {
		s.apiFail(w, r, err)
		return
	}
	w.Header().Set("Location", "/api/corrections/"+itoa(int(c.ID)))
	writeJSON(w, http.StatusCreated, correctionItem(c))
}

func fieldValueKnown(f string) bool {
	for _, k := range crosscheck.CorrectableFields {
		if k == f {
			return true
		}
	}
	return false
}

func (s *Server) apiUndo(w http.ResponseWriter, r *http.Request) {
	id, err := atoi64(r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	c, err := s.cfg.Corrections.Undo(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	s.changed(c)
	writeJSON(w, http.StatusOK, correctionItem(c))
}

func (s *Server) apiCorrections(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), s.cfg.PageSize, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	f := crosscheck.CorrectionFilter{Offset: q.Offset, Limit: q.Limit}
	if a := r.URL.Query().Get("article"); a != "" {
		f.Article = &a
	}
	if q.Story != "" {
		f.Story = &q.Story
	}
	cs, total, err := s.cfg.Corrections.Corrections(r.Context(), f)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	items := make([]apiCorrection, 0, len(cs))
	for _, c := range cs {
		items = append(items, correctionItem(c))
	}
	sendList(w, r, items, total, q.Offset, q.Limit)
}

func (s *Server) apiCorrection(w http.ResponseWriter, r *http.Request) {
	id, err := atoi64(r.PathValue("id"))
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	c, err := s.cfg.Corrections.Correction(r.Context(), id)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	sendJSON(w, r, correctionItem(c), later(c.Created, c.Undone))
}
