package web

import (
	"cmp"
	"html/template"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
	"github.com/crosscheck-news/crosscheck/report"
)

// The claims matrix: a row per claim, a column per outlet. A cell says
// what the outlet's own sentences say of the claim, checked here rather
// than taken from the grouping: an outlet grouped with a claim whose
// figure its sentence does not give is shown as reporting it without the
// figure, or as giving another value.

// Cell states, from the strongest.
const (
	cellStates  = "states"      // its sentence states the claim, figures included
	cellOther   = "contradicts" // it gives another value
	cellPartial = "partial"     // it reports the fact without the figure
	cellOmits   = "omits"       // most others state it; this outlet does not
	cellNone    = ""            // it does not mention it
)

var cellRank = map[string]int{cellStates: 4, cellOther: 3, cellPartial: 2, cellOmits: 1, cellNone: 0}

// cellText is what a screen reader (and the phone layout) says of a cell.
var cellText = map[string]string{
	cellStates:  "states it",
	cellOther:   "gives another value",
	cellPartial: "reports it without the figure",
	cellOmits:   "leaves it out",
	cellNone:    "does not mention it",
}

var cellGlyph = map[string]string{cellStates: "●", cellOther: "✕", cellPartial: "◐", cellOmits: "○"}

// column is one outlet of the matrix.
type column struct {
	Label    report.Label
	Articles []string
	// Claims counts the rows it states, for the order of the columns.
	Claims int
}

// Name is the column's header text.
func (c column) Name() string { return c.Label.Name }

type cell struct {
	State string
}

func (c cell) Glyph() string { return cellGlyph[c.State] }
func (c cell) Text() string  { return cellText[c.State] }

// HTML is the whole cell, made once per state from the constants above
// (never from article data): a story of 150 outlets has thousands of cells,
// and one template action each keeps its page quick to render.
func (c cell) HTML() template.HTML { return cellHTML[c.State] }

var cellHTML = func() map[string]template.HTML {
	m := map[string]template.HTML{}
	for st, text := range cellText {
		h := `<td class="c ` + template.HTMLEscapeString(st) + `">`
		if g := cellGlyph[st]; g != "" {
			h += `<span aria-hidden="true">` + g + `</span>`
		}
		m[st] = template.HTML(h + `<span class="sr">` + template.HTMLEscapeString(text) + `</span></td>`)
	}
	return m
}()

// claimRow is one claim with its cells and the outlets by state.
type claimRow struct {
	Claim  *crosscheck.Claim
	Key    string // stable: survives new articles
	Anchor string
	Cells  []cell
	// Outlets by what they do, for the phone layout and exports.
	States, Others, Partial, Omits []string
	// Citation is a ready-to-copy citation of the claim.
	Citation string
	// Conflict is the key of a conflict the claim is part of.
	Conflict string
}

type claimGroupView struct {
	Status, Title string
	Rows          []claimRow
	Total         int  // rows before the cap
	Open          bool // shown unfolded
}

type matrixView struct {
	Columns []column
	Groups  []claimGroupView
	Rows    int // rows shown
	Total   int // claims in the story
	Wide    bool
	// Filter state, for the form.
	Status []string
	Outlet string
	All    bool
	// Outlets offered by the filter.
	Outlets []string
}

// maxGroupRows caps a group's rows unless all are asked for.
const maxGroupRows = 100

// matrixFilter is what the story page's matrix form asks for.
type matrixFilter struct {
	Status []string // statuses to show; none means all
	Outlet string   // only claims this outlet states or contradicts
	All    bool     // no cap on rows
}

// articleIndex maps article IDs to what the matrix needs of them.
type articleIndex struct {
	column   map[string]int
	ingested map[string]time.Time
	label    map[string]report.Label
	art      map[string]*crosscheck.Article
}

func indexArticles(rep *crosscheck.StoryReport) (*articleIndex, []column) {
	ix := &articleIndex{column: map[string]int{}, ingested: map[string]time.Time{}, label: map[string]report.Label{}, art: map[string]*crosscheck.Article{}}
	for _, a := range rep.Articles {
		ix.ingested[a.ID] = a.Ingested
		ix.label[a.ID] = report.OutletLabel(a)
		ix.art[a.ID] = a
	}
	var cols []column
	for _, cv := range rep.Coverage {
		col := column{Articles: cv.Articles}
		if len(cv.Articles) > 0 {
			col.Label = ix.label[cv.Articles[0]]
		} else {
			col.Label = report.Label{Name: cv.Outlet, Known: true}
		}
		for _, id := range cv.Articles {
			ix.column[id] = len(cols)
		}
		cols = append(cols, col)
	}
	for _, a := range rep.Articles {
		if _, ok := ix.column[a.ID]; !ok {
			ix.column[a.ID] = len(cols)
			cols = append(cols, column{Label: ix.label[a.ID], Articles: []string{a.ID}})
		}
	}
	return ix, cols
}

// stableKey names a set of citations by the one from the earliest-stored
// article (then the lowest article ID and offset): articles added later
// never displace it, so links made with it keep working.
func stableKey(cs []crosscheck.Citation, ingested map[string]time.Time) string {
	if len(cs) == 0 {
		return ""
	}
	best := cs[0]
	for _, c := range cs[1:] {
		bi, ci := ingested[best.Article], ingested[c.Article]
		if r := cmp.Or(ci.Compare(bi), cmp.Compare(c.Article, best.Article), cmp.Compare(c.Span.Start, best.Span.Start)); r < 0 {
			best = c
		}
	}
	return best.Article + "-" + strconv.Itoa(best.Span.Start)
}

func conflictCitations(c *crosscheck.Conflict) []crosscheck.Citation {
	var cs []crosscheck.Citation
	for _, v := range c.Variants {
		cs = append(cs, v.Sources...)
	}
	return cs
}

// figures are the values of a claim that a sentence must give to state it.
func figures(c *crosscheck.Claim) []crosscheck.Value {
	var out []crosscheck.Value
	for _, v := range c.Values {
		switch v.Kind {
		case crosscheck.ValueCount, crosscheck.ValueNumber, crosscheck.ValueMoney, crosscheck.ValuePercent, crosscheck.ValueDuration:
			out = append(out, v)
		}
	}
	return out
}

// valueCache keeps the values found in each sentence while one view is built.
type valueCache map[string][]crosscheck.Value

func (vc valueCache) of(sentence string) []crosscheck.Value {
	if vs, ok := vc[sentence]; ok {
		return vs
	}
	an := claim.Extract(&crosscheck.Article{Text: sentence}, claim.Options{})
	var vs []crosscheck.Value
	for _, f := range an.Facts {
		for _, v := range f.Values {
			vs = append(vs, v.Value)
		}
	}
	vc[sentence] = vs
	return vs
}

func sameMeasure(a, b crosscheck.Value) bool {
	return a.Kind == b.Kind && (a.Unit == b.Unit || a.Unit == "" || b.Unit == "")
}

func overlaps(a, b crosscheck.Value) bool { return a.Min <= b.Max && b.Min <= a.Max }

// sentenceState says what a sentence grouped with claim c says of it.
func (vc valueCache) sentenceState(c *crosscheck.Claim, sentence string) string {
	figs := figures(c)
	if len(figs) == 0 || sentence == c.Text {
		return cellStates
	}
	for _, f := range figs {
		if f.Text != "" && strings.Contains(sentence, f.Text) {
			return cellStates
		}
	}
	found, other := false, false
	for _, f := range figs {
		for _, v := range vc.of(sentence) {
			if !sameMeasure(f, v) {
				continue
			}
			if overlaps(f, v) {
				found = true
			} else {
				other = true
			}
		}
	}
	switch {
	case other:
		return cellOther
	case found:
		return cellStates
	}
	return cellPartial
}

var statusRank = map[crosscheck.ClaimStatus]int{crosscheck.Disputed: 0, crosscheck.Corroborated: 1, crosscheck.SingleSource: 2}

var groupTitles = map[string]string{
	string(crosscheck.Disputed):     "Disputed",
	string(crosscheck.Corroborated): "Corroborated",
	string(crosscheck.SingleSource): "Single source",
}

// buildMatrix lays out the claims of rep with the filter applied.
func buildMatrix(rep *crosscheck.StoryReport, ix *articleIndex, cols []column, f matrixFilter, storyURL string) (matrixView, map[string]string) {
	m := matrixView{Total: len(rep.Claims), Status: f.Status, Outlet: f.Outlet, All: f.All}
	vc := valueCache{}
	// Columns of each conflict's variants, for "gives another value".
	conflictCols := map[string]map[int]bool{}
	conflictKey := map[string]string{}
	for i := range rep.Conflicts {
		c := &rep.Conflicts[i]
		key := stableKey(conflictCitations(c), ix.ingested)
		all := map[int]bool{}
		for _, v := range c.Variants {
			for _, id := range v.Articles {
				all[ix.column[id]] = true
			}
			for _, src := range v.Sources {
				all[ix.column[src.Article]] = true
			}
		}
		for _, id := range c.Claims {
			conflictCols[id] = all
			conflictKey[id] = key
		}
	}
	omitted := map[int]map[string]bool{}
	for i, cv := range rep.Coverage {
		omitted[i] = map[string]bool{}
		for _, id := range cv.Omitted {
			omitted[i][id] = true
		}
	}
	outletCol := -1
	for i, c := range cols {
		if f.Outlet != "" && strings.EqualFold(c.Label.String(), f.Outlet) {
			outletCol = i
		}
	}
	keys := map[string]string{} // claim ID -> stable key
	var rows []claimRow
	for i := range rep.Claims {
		c := &rep.Claims[i]
		key := stableKey(c.Sources, ix.ingested)
		keys[c.ID] = key
		state := make([]string, len(cols))
		for _, src := range c.Sources {
			col, ok := ix.column[src.Article]
			if !ok {
				continue
			}
			if st := vc.sentenceState(c, src.Sentence); cellRank[st] > cellRank[state[col]] {
				state[col] = st
			}
		}
		for col := range cols {
			switch {
			case state[col] != "":
			case conflictCols[c.ID][col]:
				state[col] = cellOther
			case omitted[col][c.ID]:
				state[col] = cellOmits
			}
		}
		row := claimRow{Claim: c, Key: key, Anchor: "claim-" + key, Conflict: conflictKey[c.ID]}
		for col, st := range state {
			row.Cells = append(row.Cells, cell{State: st})
			name := cols[col].Label.String()
			switch st {
			case cellStates:
				row.States = append(row.States, name)
				cols[col].Claims++
			case cellOther:
				row.Others = append(row.Others, name)
			case cellPartial:
				row.Partial = append(row.Partial, name)
			case cellOmits:
				row.Omits = append(row.Omits, name)
			}
		}
		row.Citation = citationText(c, ix, storyURL+"/claims/"+key)
		if outletCol >= 0 && state[outletCol] == cellNone {
			continue
		}
		if len(f.Status) > 0 && !slices.Contains(f.Status, string(c.Status)) {
			continue
		}
		rows = append(rows, row)
	}
	slices.SortStableFunc(rows, func(a, b claimRow) int {
		return cmp.Or(cmp.Compare(statusRank[a.Claim.Status], statusRank[b.Claim.Status]), cmp.Compare(len(b.States), len(a.States)))
	})
	for _, r := range rows {
		st := string(r.Claim.Status)
		if len(m.Groups) == 0 || m.Groups[len(m.Groups)-1].Status != st {
			title := groupTitles[st]
			if title == "" {
				title = st
			}
			m.Groups = append(m.Groups, claimGroupView{Status: st, Title: title})
		}
		g := &m.Groups[len(m.Groups)-1]
		g.Total++
		if f.All || len(g.Rows) < maxGroupRows {
			g.Rows = append(g.Rows, r)
			m.Rows++
		}
	}
	for i := range m.Groups {
		g := &m.Groups[i]
		// Long single-source lists start folded; everything else open.
		g.Open = g.Status != string(crosscheck.SingleSource) || g.Total <= 10 || len(f.Status) > 0
	}
	m.Columns = cols
	m.Wide = len(cols) > 6
	for _, c := range cols {
		m.Outlets = append(m.Outlets, c.Label.String())
	}
	return m, keys
}

// citationText is a claim cited for pasting into a document: the first
// source's sentence, its outlet, title and date, and where to find both.
func citationText(c *crosscheck.Claim, ix *articleIndex, permalink string) string {
	if len(c.Sources) == 0 {
		return c.Text + " (" + permalink + ")"
	}
	src := c.Sources[0]
	a := ix.art[src.Article]
	parts := []string{"“" + strings.Join(strings.Fields(src.Sentence), " ") + "”", ix.label[src.Article].String()}
	if a != nil {
		if a.Title != "" {
			parts = append(parts, "“"+strings.Join(strings.Fields(a.Title), " ")+"”")
		}
		if p := report.FormatPublished(a); p != "" {
			parts = append(parts, p)
		}
		if u := httpURL(a.URL); u != "" {
			parts = append(parts, u)
		} else if a.Source != "" {
			parts = append(parts, a.Source)
		}
	}
	s := strings.Join(parts, ", ") + "."
	if n := len(c.Outlets); n > 1 {
		s += " Also stated by " + strconv.Itoa(n-1) + " other " + map[bool]string{true: "outlet", false: "outlets"}[n == 2] + "."
	}
	return s + " Cross-checked: " + permalink
}
