package web

import (
	"bytes"
	"encoding/csv"
	"net/http"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Exports of a story's claims and conflicts (JSON lists and CSV files) and
// the pages that stable links to one claim or conflict open.

// apiClaim is a claim with its stable key and who states it.
type apiClaim struct {
	Key    string `json:"key"`
	ID     string `json:"id"`
	Text   string `json:"text"`
	Status string `json:"status"`
	// Outlets by what their own sentences say of the claim.
	States   []string      `json:"states"`
	Others   []string      `json:"other_value"`
	Partial  []string      `json:"without_figure"`
	Omits    []string      `json:"omits"`
	Sources  []apiCitation `json:"sources"`
	Conflict string        `json:"conflict,omitempty"`
	URL      string        `json:"url"`
	Citation string        `json:"citation"`
}

type apiCitation struct {
	Article  string `json:"article"`
	Outlet   string `json:"outlet"`
	Sentence string `json:"sentence"`
	Start    int    `json:"start"`
	End      int    `json:"end"`
}

type apiConflict struct {
	Key      string       `json:"key"`
	ID       string       `json:"id"`
	About    string       `json:"about"`
	Kind     string       `json:"kind"`
	Variants []apiVariant `json:"variants"`
	URL      string       `json:"url"`
}

type apiVariant struct {
	Value   string        `json:"value"`
	Outlets []string      `json:"outlets"`
	Sources []apiCitation `json:"sources"`
}

// storyClaims builds the matrix rows (unfiltered) of a story.
func (s *Server) storyClaims(r *http.Request) (*crosscheck.StoryReport, *articleIndex, []claimRow, []apiConflict, error) {
	rep, err := s.storyReport(r, r.PathValue("id"))
	if err != nil {
		return nil, nil, nil, nil, err
	}
	ix, cols := indexArticles(rep)
	path := "/stories/" + rep.Story.ID
	m, _ := buildMatrix(rep, ix, cols, matrixFilter{All: true}, path)
	var rows []claimRow
	for _, g := range m.Groups {
		rows = append(rows, g.Rows...)
	}
	cites := func(cs []crosscheck.Citation) []apiCitation {
		out := []apiCitation{}
		for _, c := range cs {
			out = append(out, apiCitation{Article: c.Article, Outlet: ix.label[c.Article].String(), Sentence: c.Sentence, Start: c.Span.Start, End: c.Span.End})
		}
		return out
	}
	var conflicts []apiConflict
	for i := range rep.Conflicts {
		c := &rep.Conflicts[i]
		key := stableKey(conflictCitations(c), ix.ingested)
		ac := apiConflict{Key: key, ID: c.ID, About: c.About, Kind: string(c.Kind), URL: path + "/conflicts/" + key}
		for _, v := range c.Variants {
			av := apiVariant{Value: v.Value, Sources: cites(v.Sources), Outlets: []string{}}
			for _, src := range v.Sources {
				if l := ix.label[src.Article].String(); !containsStr(av.Outlets, l) {
					av.Outlets = append(av.Outlets, l)
				}
			}
			ac.Variants = append(ac.Variants, av)
		}
		conflicts = append(conflicts, ac)
	}
	return rep, ix, rows, conflicts, nil
}

func containsStr(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

func claimItem(row claimRow, ix *articleIndex, path string) apiClaim {
	c := row.Claim
	out := apiClaim{Key: row.Key, ID: c.ID, Text: c.Text, Status: string(c.Status), States: nonNil(row.States), Others: nonNil(row.Others),
		Partial: nonNil(row.Partial), Omits: nonNil(row.Omits), Sources: []apiCitation{}, URL: path + "/claims/" + row.Key, Citation: row.Citation}
	if row.Conflict != "" {
		out.Conflict = path + "/conflicts/" + row.Conflict
	}
	for _, src := range c.Sources {
		out.Sources = append(out.Sources, apiCitation{Article: src.Article, Outlet: ix.label[src.Article].String(), Sentence: src.Sentence, Start: src.Span.Start, End: src.Span.End})
	}
	return out
}

func (s *Server) apiClaims(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), apiMaxLimit, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	rep, ix, rows, _, err := s.storyClaims(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	path := "/stories/" + rep.Story.ID
	var items []apiClaim
	for i := q.Offset; i < len(rows) && i < q.Offset+q.Limit; i++ {
		items = append(items, claimItem(rows[i], ix, path))
	}
	s.download(w, r, rep.Story.ID+"-claims.json")
	sendList(w, r, items, len(rows), q.Offset, q.Limit)
}

func (s *Server) apiConflicts(w http.ResponseWriter, r *http.Request) {
	q, err := parseList(r.URL.Query(), apiMaxLimit, apiMaxLimit)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	rep, _, _, conflicts, err := s.storyClaims(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var items []apiConflict
	for i := q.Offset; i < len(conflicts) && i < q.Offset+q.Limit; i++ {
		items = append(items, conflicts[i])
	}
	s.download(w, r, rep.Story.ID+"-conflicts.json")
	sendList(w, r, items, len(conflicts), q.Offset, q.Limit)
}

// download makes a JSON export a file to save when ?download=1 asks.
func (s *Server) download(w http.ResponseWriter, r *http.Request, name string) {
	if r.URL.Query().Get("download") != "" {
		w.Header().Set("Content-Disposition", `attachment; filename="`+name+`"`)
	}
}

func (s *Server) apiClaimsCSV(w http.ResponseWriter, r *http.Request) {
	rep, ix, rows, _, err := s.storyClaims(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	path := "/stories/" + rep.Story.ID
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"key", "status", "claim", "states", "other_value", "without_figure", "omits", "sources", "first_outlet", "first_sentence", "url"})
	for _, row := range rows {
		it := claimItem(row, ix, path)
		first, sentence := "", ""
		if len(it.Sources) > 0 {
			first, sentence = it.Sources[0].Outlet, it.Sources[0].Sentence
		}
		cw.Write(csvSafe(it.Key, it.Status, it.Text, strings.Join(it.States, "; "), strings.Join(it.Others, "; "),
			strings.Join(it.Partial, "; "), strings.Join(it.Omits, "; "), itoa(len(it.Sources)), first, sentence, it.URL))
	}
	cw.Flush()
	send(w, r, reply{ctype: "text/csv; charset=utf-8", body: buf.Bytes(), filename: rep.Story.ID + "-claims.csv"})
}

func (s *Server) apiConflictsCSV(w http.ResponseWriter, r *http.Request) {
	rep, _, _, conflicts, err := s.storyClaims(r)
	if err != nil {
		s.apiFail(w, r, err)
		return
	}
	var buf bytes.Buffer
	cw := csv.NewWriter(&buf)
	cw.Write([]string{"key", "about", "kind", "value", "outlets", "sentence", "url"})
	for _, c := range conflicts {
		for _, v := range c.Variants {
			sentence := ""
			if len(v.Sources) > 0 {
				sentence = v.Sources[0].Sentence
			}
			cw.Write(csvSafe(c.Key, c.About, c.Kind, v.Value, strings.Join(v.Outlets, "; "), sentence, c.URL))
		}
	}
	cw.Flush()
	send(w, r, reply{ctype: "text/csv; charset=utf-8", body: buf.Bytes(), filename: rep.Story.ID + "-conflicts.csv"})
}

// csvSafe keeps article text from being read as a formula by a
// spreadsheet: a cell starting with = + - @ gets a leading apostrophe.
func csvSafe(fields ...string) []string {
	for i, f := range fields {
		if f != "" && strings.ContainsRune("=+-@\t\r", rune(f[0])) {
			fields[i] = "'" + f
		}
	}
	return fields
}

type claimPage struct {
	Story     *crosscheck.Story
	Path      string
	Claim     *apiClaim
	Conflict  *apiConflict
	Permalink string
	JSON      string
}

// handleClaim shows one claim by its stable key; a key that no longer
// names a claim's anchor still finds the claim that cites its sentence.
func (s *Server) handleClaim(w http.ResponseWriter, r *http.Request) {
	rep, ix, rows, _, err := s.storyClaims(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	path := "/stories/" + rep.Story.ID
	key := r.PathValue("key")
	for _, want := range []bool{true, false} {
		for _, row := range rows {
			if (want && row.Key == key) || (!want && citesKey(row.Claim.Sources, key)) {
				it := claimItem(row, ix, path)
				s.render(w, r, http.StatusOK, "claim.html", page{Title: "Claim: " + row.Claim.Text, Nav: "stories",
					Data: claimPage{Story: &rep.Story, Path: path, Claim: &it, Permalink: path + "/claims/" + row.Key}})
				return
			}
		}
	}
	s.renderError(w, r, crosscheck.Errorf(crosscheck.ENOTFOUND, "No claim of this story cites that sentence any more: the story's articles may have been corrected. See the story's claims."))
}

func (s *Server) handleConflict(w http.ResponseWriter, r *http.Request) {
	rep, _, _, conflicts, err := s.storyClaims(r)
	if err != nil {
		s.renderError(w, r, err)
		return
	}
	path := "/stories/" + rep.Story.ID
	key := r.PathValue("key")
	for _, want := range []bool{true, false} {
		for i := range conflicts {
			c := &conflicts[i]
			hit := c.Key == key
			if !want {
				for _, v := range c.Variants {
					for _, src := range v.Sources {
						hit = hit || src.Article+"-"+itoa(src.Start) == key
					}
				}
			}
			if hit {
				s.render(w, r, http.StatusOK, "claim.html", page{Title: "Conflict: " + c.About, Nav: "stories",
					Data: claimPage{Story: &rep.Story, Path: path, Conflict: c, Permalink: c.URL}})
				return
			}
		}
	}
	s.renderError(w, r, crosscheck.Errorf(crosscheck.ENOTFOUND, "This story has no such conflict any more: the values may agree now, or the articles were corrected."))
}

func citesKey(cs []crosscheck.Citation, key string) bool {
	for _, c := range cs {
		if c.Article+"-"+itoa(c.Span.Start) == key {
			return true
		}
	}
	return false
}
