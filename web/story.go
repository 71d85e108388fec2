package web

import (
	"cmp"
	"fmt"
	"html/template"
	"net/http"
	"slices"

	"github.com/crosscheck-news/crosscheck"
)

// ref is a link to an article, named by its outlet.
type ref struct {
	Outlet  string
	Article string
}

type articleRow struct {
	A      *crosscheck.Article
	Outlet string
}

type briefRow struct {
	Text     string
	Refs     []ref
	Conflict string
}

type variantView struct {
	Value    string
	Sentence template.HTML // escaped, value marked
	Refs     []ref
}

type conflictView struct {
	ID, About, Kind string
	Variants        []variantView
}

type cell struct {
	Glyph, Class, Title string
}

type matrixRow struct {
	Claim  *crosscheck.Claim
	Cells  []cell
	Anchor string
}

type matrixView struct {
	Outlets []string
	Rows    []matrixRow
	Hidden  int
}

type quoteView struct {
	Speaker, Text string
	Refs          []ref
	Variants      []quoteVariantView
}

type quoteVariantView struct {
	Text string
	Refs []ref
}

type attributionView struct {
	Source, Kind string
	Refs         []ref
}

type timelineRow struct {
	When, Text string
	Refs       []ref
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
}

// maxMatrixRows keeps the claims matrix readable on big stories; the rest
// are counted.
const maxMatrixRows = 80

func (s *Server) storyReport(r *http.Request, id string) (*crosscheck.StoryReport, error) {
	st, err := s.cfg.Stories.Story(r.Context(), id)
	if err != nil {
		return nil, err
	}
	return s.reportWithin(r, st)
}

func (s *Server) handleStory(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("id")
	rep, err := s.storyReport(r, id)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	// The page depends on the report only: render it once per report.
	if b := s.reports.page(id, rep); b != nil {
		writeHTML(w, http.StatusOK, b)
		return
	}
	v := buildStoryView(rep)
	b, err := s.renderBytes("story.html", page{Title: v.Story.Title, Nav: "stories", Data: v})
	if err != nil {
		s.renderError(w, r, fmt.Errorf("render story %s: %w", id, err))
		return
	}
	s.reports.setPage(id, rep, b)
	writeHTML(w, http.StatusOK, b)
}

func buildStoryView(rep *crosscheck.StoryReport) *storyView {
	outletOf := map[string]string{}
	v := &storyView{Story: &rep.Story, Entities: rep.Entities}
	for _, a := range rep.Articles {
		outletOf[a.ID] = outletLabel(a)
		v.Articles = append(v.Articles, articleRow{A: a, Outlet: outletLabel(a)})
	}
	v.Analysed = len(rep.Claims) > 0 || len(rep.Brief) > 0 || len(rep.Conflicts) > 0
	refs := func(ids []string) []ref {
		var out []ref
		seen := map[string]bool{}
		for _, id := range ids {
			if seen[id] {
				continue
			}
			seen[id] = true
			o := outletOf[id]
			if o == "" {
				o = id
			}
			out = append(out, ref{Outlet: o, Article: id})
		}
		return out
	}
	citeRefs := func(cs []crosscheck.Citation) []ref {
		ids := make([]string, 0, len(cs))
		for _, c := range cs {
			ids = append(ids, c.Article)
		}
		return refs(ids)
	}

	for _, b := range rep.Brief {
		v.Brief = append(v.Brief, briefRow{Text: b.Text, Refs: refs(b.Articles), Conflict: b.Conflict})
	}

	// Outlets of each variant of each conflict, for "contradicts".
	conflictOutlets := map[string]map[string]bool{} // claim ID -> outlets in its conflicts
	for _, c := range rep.Conflicts {
		cv := conflictView{ID: c.ID, About: c.About, Kind: string(c.Kind)}
		all := map[string]bool{}
		for _, vr := range c.Variants {
			ids := slices.Clone(vr.Articles)
			for _, src := range vr.Sources {
				ids = append(ids, src.Article)
			}
			rs := refs(ids)
			for _, x := range rs {
				all[x.Outlet] = true
			}
			cv.Variants = append(cv.Variants, variantView{
				Value: vr.Value, Sentence: highlightIn(vr.Sentence, vr.Value, "hl-value"), Refs: rs,
			})
		}
		for _, id := range c.Claims {
			if conflictOutlets[id] == nil {
				conflictOutlets[id] = map[string]bool{}
			}
			for o := range all {
				conflictOutlets[id][o] = true
			}
		}
		v.Conflicts = append(v.Conflicts, cv)
	}

	// Columns: the coverage's outlets, else the articles'.
	omitted := map[string]map[string]bool{} // outlet -> claim IDs
	for _, cv := range rep.Coverage {
		v.Matrix.Outlets = append(v.Matrix.Outlets, cv.Outlet)
		omitted[cv.Outlet] = map[string]bool{}
		for _, id := range cv.Omitted {
			omitted[cv.Outlet][id] = true
		}
	}
	if len(v.Matrix.Outlets) == 0 {
		for _, a := range v.Articles {
			if !slices.Contains(v.Matrix.Outlets, a.Outlet) {
				v.Matrix.Outlets = append(v.Matrix.Outlets, a.Outlet)
			}
		}
	}
	claims := make([]*crosscheck.Claim, len(rep.Claims))
	for i := range rep.Claims {
		claims[i] = &rep.Claims[i]
	}
	rank := map[crosscheck.ClaimStatus]int{crosscheck.Disputed: 0, crosscheck.Corroborated: 1, crosscheck.SingleSource: 2}
	slices.SortStableFunc(claims, func(a, b *crosscheck.Claim) int {
		return cmp.Or(cmp.Compare(rank[a.Status], rank[b.Status]), cmp.Compare(len(citeRefs(b.Sources)), len(citeRefs(a.Sources))))
	})
	if len(claims) > maxMatrixRows {
		v.Matrix.Hidden = len(claims) - maxMatrixRows
		claims = claims[:maxMatrixRows]
	}
	for _, c := range claims {
		states := map[string]bool{}
		for _, x := range citeRefs(c.Sources) {
			states[x.Outlet] = true
		}
		for _, o := range c.Outlets {
			states[o] = true
		}
		row := matrixRow{Claim: c, Anchor: "claim-" + c.ID}
		for _, o := range v.Matrix.Outlets {
			switch {
			case states[o]:
				row.Cells = append(row.Cells, cell{Glyph: "●", Class: "states", Title: o + " states this"})
			case conflictOutlets[c.ID][o]:
				row.Cells = append(row.Cells, cell{Glyph: "✕", Class: "contradicts", Title: o + " gives another value"})
			case omitted[o][c.ID]:
				row.Cells = append(row.Cells, cell{Glyph: "○", Class: "omits", Title: o + " does not report this"})
			default:
				row.Cells = append(row.Cells, cell{Class: "none", Title: o + ": not reported"})
			}
		}
		v.Matrix.Rows = append(v.Matrix.Rows, row)
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
	v.Chart = buildChart(rep)
	return v
}

// buildChart lays out the per-outlet coverage bars: claims stated (the
// exclusive part darker) and claims omitted, scaled to the largest count.
func buildChart(rep *crosscheck.StoryReport) chartView {
	const rowH, labelW, barMax = 34, 200, 380
	ch := chartView{LabelW: labelW, BarX: labelW + 10, Width: labelW + 10 + barMax + 70}
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
		ch.Rows = append(ch.Rows, chartRow{
			Outlet: c.Outlet, Y: y, TextY: y + 15,
			Claims: c.Claims, Exclusive: len(c.Exclusive), Omitted: len(c.Omitted), Arts: len(c.Articles),
			ClaimsW: scale(c.Claims), ExclusiveW: min(scale(len(c.Exclusive)), scale(c.Claims)), OmittedW: scale(len(c.Omitted)),
		})
	}
	ch.Height = 20 + len(rep.Coverage)*rowH
	return ch
}
