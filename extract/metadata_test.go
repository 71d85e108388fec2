package extract

import (
	"bufio"
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/text/unicode/norm"
)

const (
	metaDir    = "../../shared/corpora/html-metadata"
	metaScorer = "../../shared/tools/score_metadata.py"
)

// The gate on html-metadata, on the scorer's total line, in percent: the
// figures reached so far (465/545, 315/389, 462/485), cut to one
// decimal. Raise them as the metadata step improves; issue 10 asks for 85,
// 80 and 95.
const (
	minTitlePct  = 85.3
	minAuthorPct = 80.9
	minDatePct   = 95.2
)

var (
	metaVerbose = flag.Bool("meta.v", false, "print every page whose title, author or date the metadata test gets wrong")
	metaFast    = flag.Bool("meta.fast", false, "TestHTMLMetadataCorpus: skip go-trafilatura and its comparison (for working on the metadata step)")
	metaOut     = flag.String("meta.out", "", "also write the html-metadata report JSON here, as `crosscheck analyze --format json` would")
)

// metaGold is one line of html-metadata/gold.jsonl.
type metaGold struct {
	File   string          `json:"file"`
	Set    string          `json:"set"`
	Title  string          `json:"title"`
	Author json.RawMessage `json:"author"`
	Date   string          `json:"date"`
}

// metaPage is a corpus page decoded as ingest decodes it.
type metaPage struct {
	gold metaGold
	name string // file name without .gz, as analyze reports it in source
	body []byte
}

func loadMetaPages(tb testing.TB) []metaPage {
	tb.Helper()
	f, err := os.Open(filepath.Join(metaDir, "gold.jsonl"))
	if os.IsNotExist(err) {
		tb.Skipf("html-metadata corpus not found at %s", metaDir)
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var pages []metaPage
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		var g metaGold
		if err := json.Unmarshal(sc.Bytes(), &g); err != nil {
			tb.Fatal(err)
		}
		raw, err := readGzip(filepath.Join(metaDir, "pages", g.File))
		if err != nil {
			tb.Fatal(err)
		}
		body, err := decodePage(raw)
		if err != nil {
			tb.Fatal(err)
		}
		pages = append(pages, metaPage{gold: g, name: strings.TrimSuffix(g.File, ".gz"), body: body})
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return pages
}

// metaArticle is the part of the report's article the scorer reads.
type metaArticle struct {
	Source    string  `json:"source"`
	Title     *string `json:"title"`
	Author    *string `json:"author"`
	Published *string `json:"published"`
}

// metaReport writes articles as the JSON report does, one story holding all.
func metaReport(tb testing.TB, arts []metaArticle, path string) {
	tb.Helper()
	rep := map[string]any{"stories": []any{map[string]any{"articles": arts}}}
	data, err := json.Marshal(rep)
	if err != nil {
		tb.Fatal(err)
	}
	if err := os.WriteFile(path, data, 0o644); err != nil {
		tb.Fatal(err)
	}
}

func strPtr(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

// formatPublished is report.FormatPublished (report imports extract).
func formatPublished(t time.Time, dateOnly bool) string {
	switch {
	case t.IsZero():
		return ""
	case dateOnly:
		return t.Format(time.DateOnly)
	default:
		return t.Format(time.RFC3339)
	}
}

var scoreLine = regexp.MustCompile(`^(\w+): \d+ pages; title (\d+)/(\d+) \(\d+%\), author (\d+)/(\d+) \(\d+%\), date (\d+)/(\d+)`)

// metaScores are the scorer's figures: set -> field -> [right, scored].
type metaScores map[string]map[string][2]int

func (s metaScores) pct(set, field string) float64 {
	var v [2]int
	for name, m := range s {
		if set == "total" || name == set {
			v[0] += m[field][0]
			v[1] += m[field][1]
		}
	}
	if v[1] == 0 {
		return 0
	}
	return 100 * float64(v[0]) / float64(v[1])
}

func runMetaScorer(t *testing.T, python, report string) (metaScores, string) {
	t.Helper()
	out, err := exec.CommandContext(t.Context(), python, metaScorer, report).CombinedOutput()
	if err != nil {
		t.Fatalf("scorer: %v\n%s", err, out)
	}
	s := metaScores{}
	for _, line := range strings.Split(string(out), "\n") {
		m := scoreLine.FindStringSubmatch(line)
		if m == nil {
			continue
		}
		n := make([]int, 6)
		for i := range n {
			n[i], _ = strconv.Atoi(m[i+2])
		}
		s[m[1]] = map[string][2]int{"title": {n[0], n[1]}, "author": {n[2], n[3]}, "date": {n[4], n[5]}}
	}
	if len(s) == 0 {
		t.Fatalf("no figures in scorer output:\n%s", out)
	}
	return s, strings.TrimSpace(string(out))
}

// TestHTMLMetadataCorpus extracts title, author and publication date from the 621
// real pages of html-metadata, and go-trafilatura's own metadata from the
// same pages, scores both with the shared scorer and fails when crosscheck
// is below the gate on the total line or below go-trafilatura on any set
// and field.
func TestHTMLMetadataCorpus(t *testing.T) {
	if testing.Short() {
		t.Skip("reads 621 pages twice")
	}
	pages := loadMetaPages(t)
	python, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 not found: the scorer needs it")
	}
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC) // after the newest page
	ours := make([]metaArticle, len(pages))
	lib := make([]metaArticle, len(pages))
	idx := make(map[string]int, len(pages))
	list := make([]benchPage, len(pages))
	for i, p := range pages {
		idx[p.name] = i
		list[i] = benchPage{id: p.name, body: p.body}
	}
	var mu sync.Mutex
	runPages(list, workers, func(p benchPage) {
		i := idx[p.id]
		o := metaArticle{Source: p.id}
		if a, err := Extract(&crosscheck.Document{Source: p.id, Format: crosscheck.FormatHTML, Body: p.body}, Options{Now: now}); err == nil {
			o.Title, o.Author = strPtr(a.Title), strPtr(a.Author)
			o.Published = strPtr(formatPublished(a.Published, a.PublishedDateOnly))
		}
		l := metaArticle{Source: p.id}
		if *metaFast {
			// no comparison
		} else if r, err := trafilatura.Extract(bytes.NewReader(p.body), trafilatura.Options{}); err == nil {
			md := r.Metadata
			l.Title, l.Author = strPtr(md.Title), strPtr(md.Author)
			if !md.Date.IsZero() {
				l.Published = strPtr(md.Date.Format(time.DateOnly))
			}
		}
		mu.Lock()
		ours[i], lib[i] = o, l
		mu.Unlock()
	})
	dir := t.TempDir()
	oursPath, libPath := filepath.Join(dir, "crosscheck.json"), filepath.Join(dir, "trafilatura.json")
	metaReport(t, ours, oursPath)
	metaReport(t, lib, libPath)
	if *metaOut != "" {
		metaReport(t, ours, *metaOut)
	}
	got, gotOut := runMetaScorer(t, python, oursPath)
	base, baseOut := runMetaScorer(t, python, libPath)
	t.Logf("crosscheck:\n%s", gotOut)
	t.Logf("go-trafilatura:\n%s", baseOut)
	if *metaVerbose {
		for i, p := range pages {
			for _, line := range metaMisses(p.gold, ours[i], lib[i]) {
				t.Log(line)
			}
		}
	}
	for _, field := range []string{"title", "author", "date"} {
		min := map[string]float64{"title": minTitlePct, "author": minAuthorPct, "date": minDatePct}[field]
		pct := got.pct("total", field)
		t.Logf("total %s %.1f%% (gate %.1f%%, go-trafilatura %.1f%%)", field, pct, min, base.pct("total", field))
		if pct < min {
			t.Errorf("total %s %.1f%%, want >= %.1f%%", field, pct, min)
		}
		for set := range base {
			if *metaFast {
				break
			}
			if g, b := got[set][field], base[set][field]; g[0] < b[0] {
				t.Errorf("%s %s: %d/%d right, go-trafilatura %d/%d", set, field, g[0], g[1], b[0], b[1])
			}
		}
	}
}

// metaMisses describes what crosscheck got wrong on one page, with
// go-trafilatura's answer beside it. The comparison is the scorer's, near
// enough for reading.
func metaMisses(g metaGold, o, l metaArticle) []string {
	val := func(p *string) string {
		if p == nil {
			return ""
		}
		return *p
	}
	var out []string
	if g.Title != "" && metaNorm(val(o.Title)) != metaNorm(g.Title) {
		out = append(out, fmt.Sprintf("MISS %s title gold=%q got=%q lib=%q", g.File, g.Title, val(o.Title), val(l.Title)))
	}
	var ga any
	_ = json.Unmarshal(g.Author, &ga)
	if gs := goldNames(ga); len(gs) > 0 && !maps.Equal(gs, metaNames(val(o.Author))) {
		out = append(out, fmt.Sprintf("MISS %s author gold=%s got=%q lib=%q", g.File, string(g.Author), val(o.Author), val(l.Author)))
	}
	if g.Date != "" && !strings.HasPrefix(val(o.Published), g.Date) {
		out = append(out, fmt.Sprintf("MISS %s date gold=%q got=%q lib=%q", g.File, g.Date, val(o.Published), val(l.Published)))
	}
	return out
}

var (
	metaQuotes = regexp.MustCompile("[\u2018\u2019\u201c\u201d'\"`]")
	metaSpace  = regexp.MustCompile(`\s+`)
	metaSplit  = regexp.MustCompile(`;|,| and | und |\|`)
)

func metaNorm(s string) string {
	s = strings.ToLower(norm.NFKC.String(s))
	s = metaQuotes.ReplaceAllString(s, "")
	return strings.Trim(metaSpace.ReplaceAllString(s, " "), " -|:.,")
}

func metaNames(s string) map[string]bool {
	out := map[string]bool{}
	for _, p := range metaSplit.Split(s, -1) {
		if n := metaNorm(p); n != "" {
			out[n] = true
		}
	}
	return out
}

func goldNames(a any) map[string]bool {
	switch v := a.(type) {
	case string:
		return metaNames(v)
	case []any:
		out := map[string]bool{}
		for _, x := range v {
			if s, ok := x.(string); ok && metaNorm(s) != "" {
				out[metaNorm(s)] = true
			}
		}
		return out
	}
	return nil
}

var metaPageFlag = flag.String("meta.page", "", "TestMetaFacts: print the metadata facts of this html-metadata page (file name)")

// TestMetaFacts prints what every source of one page says, for reading a
// miss of TestHTMLMetadataCorpus: go test -run TestMetaFacts -meta.page NAME.
func TestMetaFacts(t *testing.T) {
	if *metaPageFlag == "" {
		t.Skip("no -meta.page given")
	}
	for _, name := range strings.Split(*metaPageFlag, ",") {
		raw, err := readGzip(filepath.Join(metaDir, "pages", name))
		if err != nil {
			t.Fatal(err)
		}
		body, err := decodePage(raw)
		if err != nil {
			t.Fatal(err)
		}
		root, err := parseHTML(body)
		if err != nil {
			t.Fatal(err)
		}
		f := collectFacts(root)
		addJSONLD(f)
		var b strings.Builder
		fmt.Fprintf(&b, "== %s\n", name)
		for _, l := range []struct {
			name string
			vs   []metaValue
		}{{"title", f.titles}, {"author", f.authors}, {"published", f.published}, {"time+", f.timeMarked}, {"time", f.timePlain}, {"modified", f.modified}, {"site", f.sites}} {
			for _, v := range l.vs {
				fmt.Fprintf(&b, "%-9s %-11s person=%v org=%v %q\n", l.name, v.src, v.person, v.org, v.val)
			}
		}
		for _, h := range f.headings {
			fmt.Fprintf(&b, "h1        %q\n", h)
		}
		m := resolveMeta(f, "", time.Now())
		fmt.Fprintf(&b, "=> title %q (%s)\n=> author %q credit %q (%s)\n=> published %v %v (%s)\n=> modified %v\n=> site %q\n",
			m.title, m.titleSrc, m.author, m.credit, m.authorSrc, m.published.t, m.published.hasTime, m.dateSrc, m.modified.t, m.site)
		t.Log(b.String())
	}
}
