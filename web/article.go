package web

import (
	"cmp"
	"html/template"
	"net/http"
	"slices"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/report"
)

type relatedRow struct {
	ref
	Title       string
	Shared      int // claims both state
	Contradicts int // conflicts where they give different values
}

type articleClaim struct {
	ID, Key, Text, Status string
	Outlets               int
}

type articleView struct {
	A         *crosscheck.Article
	Title     string
	Label     report.Label
	Outlet    string
	URL       string
	Published string
	Story     *crosscheck.Story
	Body      template.HTML // escaped segments with marks
	Claims    []articleClaim
	Related   []relatedRow
	Counts    struct{ Claims, Quotes, Attributions, Conflicts int }
	Duplicate string
	// Corrections of this article, newest first; CanCorrect shows the form.
	Corrections []correctionRow
	CanCorrect  bool
	// Form holds the correction form's current values.
	Form map[string]string
	// Notice confirms a correction just made.
	Notice string
}

func (s *Server) handleArticle(w http.ResponseWriter, r *http.Request) {
	a, err := s.articleByID(r, r.PathValue("id"))
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if a.ID != r.PathValue("id") {
		http.Redirect(w, r, "/articles/"+a.ID, http.StatusMovedPermanently)
		return
	}
	var rep *crosscheck.StoryReport
	if a.StoryID != "" {
		if rep, err = s.storyReport(r, a.StoryID); err != nil && crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
			s.renderError(w, r, err)
			return
		}
	}
	v := buildArticleView(a, rep)
	v.Corrections = s.correctionsOf(r, crosscheck.CorrectionFilter{Article: &a.ID})
	v.CanCorrect = s.cfg.Corrections != nil && !s.cfg.ReadOnly
	v.Form = map[string]string{}
	for _, f := range crosscheck.CorrectableFields {
		v.Form[f] = fieldValue(a, f)
	}
	if n := r.URL.Query().Get("corrected"); n != "" {
		v.Notice = "Correction " + n + " recorded. It can be undone below."
	}
	s.render(w, r, http.StatusOK, "article.html", page{Title: v.Title, Nav: "stories", Data: v})
}

func buildArticleView(a *crosscheck.Article, rep *crosscheck.StoryReport) *articleView {
	v := &articleView{A: a, Title: articleTitle(a), Label: report.OutletLabel(a), Outlet: outletLabel(a), URL: httpURL(a.URL), Published: publishedOf(a), Duplicate: a.DuplicateOf}
	if v.URL == "" {
		v.URL = httpURL(a.Source)
	}
	if rep == nil {
		v.Body = highlight(a.Text, nil)
		return v
	}
	v.Story = &rep.Story
	text := a.Text
	var marks []mark
	mine := func(cs []crosscheck.Citation) []crosscheck.Citation {
		var out []crosscheck.Citation
		for _, c := range cs {
			if c.Article == a.ID {
				out = append(out, c)
			}
		}
		return out
	}
	// Claims: the whole sentence, coloured by status.
	stated := map[string]bool{} // claim IDs this article states
	ingested := map[string]time.Time{}
	for _, o := range rep.Articles {
		ingested[o.ID] = o.Ingested
	}
	for _, c := range rep.Claims {
		cs := mine(c.Sources)
		if len(cs) == 0 {
			continue
		}
		stated[c.ID] = true
		v.Counts.Claims++
		key := stableKey(c.Sources, ingested)
		v.Claims = append(v.Claims, articleClaim{ID: c.ID, Key: key, Text: c.Text, Status: string(c.Status), Outlets: len(c.Outlets)})
		class := "hl-claim-" + statusClass(c.Status)
		for _, src := range cs {
			if st, en, ok := locate(text, src); ok {
				marks = append(marks, mark{start: st, end: en, class: class, ref: "/stories/" + rep.Story.ID + "#claim-" + key})
			}
		}
	}
	// Conflicts: the value this article gives.
	for _, c := range rep.Conflicts {
		hit := false
		for _, vr := range c.Variants {
			for _, src := range mine(vr.Sources) {
				if st, en, ok := locate(text, src); ok {
					if vs, ve, ok := within(text, st, en, vr.Value); ok {
						marks = append(marks, mark{start: vs, end: ve, class: "hl-value"})
					}
					hit = true
				}
			}
			if slices.Contains(vr.Articles, a.ID) {
				hit = true
			}
		}
		if hit {
			v.Counts.Conflicts++
		}
	}
	// Quotes: the quoted words inside their sentence.
	for _, q := range rep.Quotes {
		texts := []string{q.Text}
		for _, qv := range q.Variants {
			texts = append(texts, qv.Text)
		}
		found := false
		for _, src := range mine(q.Sources) {
			st, en, ok := locate(text, src)
			if !ok {
				continue
			}
			for _, t := range texts {
				if qs, qe, ok := within(text, st, en, t); ok {
					marks = append(marks, mark{start: qs, end: qe, class: "hl-quote"})
					found = true
					break
				}
			}
		}
		if !found && slices.Contains(q.Articles, a.ID) {
			for _, t := range texts {
				if qs, qe, ok := within(text, 0, len(text), t); ok {
					marks = append(marks, mark{start: qs, end: qe, class: "hl-quote"})
					found = true
					break
				}
			}
		}
		if found {
			v.Counts.Quotes++
		}
	}
	// Attributions: the credited source's name inside the crediting sentence.
	for _, at := range rep.Attributions {
		found := false
		for _, src := range mine(at.Sources) {
			st, en, ok := locate(text, src)
			if !ok {
				continue
			}
			if as, ae, ok := within(text, st, en, at.Source); ok {
				marks = append(marks, mark{start: as, end: ae, class: "hl-attr"})
			} else {
				marks = append(marks, mark{start: st, end: en, class: "hl-attr"})
			}
			found = true
		}
		if found || slices.Contains(at.Articles, a.ID) {
			v.Counts.Attributions++
		}
	}
	v.Body = highlight(text, marks)

	// Other reports of the same facts: every other article of the story,
	// by the number of claims they share with this one.
	for _, o := range rep.Articles {
		if o.ID == a.ID {
			continue
		}
		row := relatedRow{ref: ref{Outlet: outletLabel(o), Article: o.ID}, Title: o.Title}
		for _, c := range rep.Claims {
			if !stated[c.ID] {
				continue
			}
			for _, src := range c.Sources {
				if src.Article == o.ID {
					row.Shared++
					break
				}
			}
		}
		for _, c := range rep.Conflicts {
			mineV, theirs := -1, -1
			for i, vr := range c.Variants {
				if variantHas(vr, a.ID) {
					mineV = i
				}
				if variantHas(vr, o.ID) {
					theirs = i
				}
			}
			if mineV >= 0 && theirs >= 0 && mineV != theirs {
				row.Contradicts++
			}
		}
		v.Related = append(v.Related, row)
	}
	slices.SortStableFunc(v.Related, func(x, y relatedRow) int {
		return cmp.Or(cmp.Compare(y.Shared+y.Contradicts, x.Shared+x.Contradicts), cmp.Compare(x.Outlet, y.Outlet))
	})
	return v
}

func variantHas(v crosscheck.Variant, id string) bool {
	if slices.Contains(v.Articles, id) {
		return true
	}
	for _, s := range v.Sources {
		if s.Article == id {
			return true
		}
	}
	return false
}

func statusClass(s crosscheck.ClaimStatus) string {
	switch s {
	case crosscheck.Corroborated:
		return "corroborated"
	case crosscheck.Disputed:
		return "disputed"
	default:
		return "single"
	}
}
