package web

import (
	"fmt"
	"html/template"
	"net/http"
	"slices"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/report"
)

// ref is a link to an article, named by its outlet.
type ref struct {
	Outlet  string
	File    string // the file name when the outlet is unknown
	Article string
}

// refList is the articles something is cited from: the first few shown,
// the rest folded, so a fact 150 outlets state stays readable.
type refList []ref

const shownRefs = 6

func (l refList) Head() []ref { return l[:min(len(l), shownRefs)] }
func (l refList) Tail() []ref { return l[min(len(l), shownRefs):] }

type articleRow struct {
	A      *crosscheck.Article
	Outlet report.Label
	Title  string
}

type briefRow struct {
	Text     string
	Refs     refList
	Conflict string
}

type variantView struct {
	Value    string
	Sentence template.HTML // escaped, value marked
	Refs     refList
}

type conflictView struct {
	Key, Anchor, About, Kind string
	Variants                 []variantView
}

type quoteView struct {
	Speaker, Text string
	Refs          refList
	Variants      []quoteVariantView
}

type quoteVariantView struct {
	Text string
	Refs refList
}

type attributionView struct {
	Source, Kind string
	Refs         refList
}

type timelineRow struct {
	When, Text string
	Refs       refList
}

type chartRow struct {
	Outlet                           string
	Y, TextY                         int
	ClaimsW, ExclusiveW, OmittedW    int
	Claims, Exclusive, Omitted, Arts int
}

type chartView struct {
	Width, Height, LabelW, BarX int
	Rows                        []chartRow
}

type storyView struct {
	Story        *crosscheck.Story
	Path         string // "/stories/ID"
	Articles     []articleRow
	Brief        []briefRow
	Entities     []crosscheck.Entity
	Conflicts    []conflictView
	Matrix       matrixView
	Quotes       []quoteView
	Attributions []attributionView
	Timeline     []timelineRow
	Chart        chartView
	Analysed     bool
	// Outlets counts the outlets (matrix columns); Unknown those of them
	// whose outlet is unknown.
	Outlets, Unknown int
	// Corrections are the story's corrections, newest first; CanCorrect
	// shows the forms.
	Corrections []correctionRow
	CanCorrect  bool
}

func (s *Server) storyReport(r *http.Request, id string) (*crosscheck.StoryReport, error) {
	st, err := s.storyByID(r, id)
	if err != nil {
		return nil, err
	}
	return s.reportWithin(r, st)
}

func matrixFilterOf(r *http.Request) (matrixFilter, bool) {
	q := r.URL.Query()
	f := matrixFilter{Outlet: strings.TrimSpace(q.Get("outlet")), All: q.Get("all") != ""}
	for _, st := range q["status"] {
		if _, ok := groupTitles[st]; ok && !slices.Contains(f.Status, st) {
			f.Status = append(f.Status, st)
		}
	}
	return f, len(f.Status) > 0 || f.Outlet != "" || f.All
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	st, err := s.storyByID(r, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	if st.ID != id {
		// A unique prefix: send the browser to the story's full address.
		u := *r.URL
		u.Path = "/stories/" + st.ID
		http.Redirect(w, r, u.String(), http.StatusMovedPermanently)
		return
	}
	rep, err := s.reportWithin(r, st)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	f, filtered := matrixFilterOf(r)
	corrections := s.correctionsOf(r, crosscheck.CorrectionFilter{Story: &st.ID})
	// The plain page depends on the report and its corrections only:
	// render it once per report.
	if !filtered && len(corrections) == 0 {
		if b := s.reports.page(id, rep); b != nil {
			s.sendHTML(w, r, http.StatusOK, b)
			return
		}
	}
	v := buildStoryView(rep, f)
	v.Corrections = corrections
	v.CanCorrect = s.cfg.Corrections != nil && !s.cfg.ReadOnly
	b, err := s.renderBytes("story.html", page{Title: v.Story.Title, Nav: "stories", Data: v})
	if err != nil {
		s.renderError(w, r, fmt.Errorf("render story %s: %w", id, err))
		return
	}
	if !filtered && len(corrections) == 0 {
		s.reports.setPage(id, rep, b)
	}
	s.sendHTML(w, r, http.StatusOK, b)
}

func buildStoryView(rep *crosscheck.StoryReport, f matrixFilter) *storyView {
	ix, cols := indexArticles(rep)
	v := &storyView{Story: &rep.Story, Path: "/stories/" + rep.Story.ID, Entities: rep.Entities}
	for _, a := range rep.Articles {
		v.Articles = append(v.Articles, articleRow{A: a, Outlet: ix.label[a.ID], Title: articleTitle(a)})
	}
	v.Analysed = len(rep.Claims) > 0 || len(rep.Brief) > 0 || len(rep.Conflicts) > 0
	refs := func(ids []string) refList {
		var out refList
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			l, ok := ix.label[id]
			if !ok {
				l = report.Label{Name: id}
			}
			out = append(out, ref{Outlet: l.Name, File: l.File, Article: id})
		}
		return out
	}
	citeRefs := func(cs []crosscheck.Citation) refList {
		ids := make([]string, 0, len(cs))
		for _, c := range cs {
			ids = append(ids, c.Article)
		}
		return refs(ids)
	}

	conflictKeys := map[string]string{}
	for i := range rep.Conflicts {
		c := &rep.Conflicts[i]
		key := stableKey(conflictCitations(c), ix.ingested)
		conflictKeys[c.ID] = key
		cv := conflictView{Key: key, Anchor: "conflict-" + key, About: c.About, Kind: string(c.Kind)}
		for _, vr := range c.Variants {
			ids := slices.Clone(vr.Articles)
			for _, src := range vr.Sources {
				ids = append(ids, src.Article)
			}
			cv.Variants = append(cv.Variants, variantView{
				Value: vr.Value, Sentence: highlightIn(vr.Sentence, vr.Value, "hl-value"), Refs: refs(ids),
			})
		}
		v.Conflicts = append(v.Conflicts, cv)
	}
	for _, b := range rep.Brief {
		row := briefRow{Text: b.Text, Refs: refs(b.Articles)}
		if b.Conflict != "" {
			row.Conflict = "conflict-" + conflictKeys[b.Conflict]
		}
		v.Brief = append(v.Brief, row)
	}

	v.Matrix, _ = buildMatrix(rep, ix, cols, f, v.Path)
	v.Outlets = len(cols)
	for _, c := range cols {
		if !c.Label.Known {
			v.Unknown++
		}
	}

	for _, q := range rep.Quotes {
		qv := quoteView{Speaker: q.Speaker, Text: q.Text, Refs: refs(q.Articles)}
		if len(q.Variants) > 1 {
			for _, qvr := range q.Variants {
				qv.Variants = append(qv.Variants, quoteVariantView{Text: qvr.Text, Refs: refs(qvr.Articles)})
			}
		}
		v.Quotes = append(v.Quotes, qv)
	}
	for _, a := range rep.Attributions {
		v.Attributions = append(v.Attributions, attributionView{Source: a.Source, Kind: string(a.Kind), Refs: refs(a.Articles)})
	}
	for _, t := range rep.Timeline {
		when := "undated"
		switch {
		case t.When.IsZero():
		case t.DateOnly:
			when = t.When.Format("2 Jan 2006")
		default:
			when = t.When.Format("2 Jan 2006 15:04 MST")
		}
		v.Timeline = append(v.Timeline, timelineRow{When: when, Text: t.Text, Refs: citeRefs(t.Sources)})
	}
	v.Chart = buildChart(rep, cols)
	return v
}

// buildChart lays out the per-outlet coverage bars: claims stated (the
// exclusive part hatched) and claims omitted, scaled to the largest count.
// Each bar also carries its numbers as text: nothing is told by colour
// alone.
func buildChart(rep *crosscheck.StoryReport, cols []column) chartView {
	const rowH, labelW, barMax = 34, 200, 300
	ch := chartView{LabelW: labelW, BarX: labelW + 10, Width: labelW + 10 + barMax + 200}
	most := 1
	for _, c := range rep.Coverage {
		most = max(most, c.Claims, len(c.Omitted))
	}
	scale := func(n int) int {
		if n == 0 {
			return 0
		}
		return max(2, n*barMax/most)
	}
	for i, c := range rep.Coverage {
		y := 10 + i*rowH
		name := c.Outlet
		if i < len(cols) {
			name = cols[i].Label.String()
		}
		ch.Rows = append(ch.Rows, chartRow{
			Outlet: name, Y: y, TextY: y + 15,
			Claims: c.Claims, Exclusive: len(c.Exclusive), Omitted: len(c.Omitted), Arts: len(c.Articles),
			ClaimsW: scale(c.Claims), ExclusiveW: min(scale(len(c.Exclusive)), scale(c.Claims)), OmittedW: scale(len(c.Omitted)),
		})
	}
	ch.Height = 20 + len(rep.Coverage)*rowH
	return ch
}
