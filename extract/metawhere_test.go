package extract

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

var metaWhere = flag.String("meta.where", "", "TestMetaWhere: for these html-metadata pages (comma-separated file names), print every date source and where the gold day appears in the page")

// Month names of the languages of html-metadata, for finding a day written
// out in a page's text.
var whereMonths = [][]string{
	{"january", "januar", "jänner", "enero", "janvier", "gennaio", "janeiro", "januari", "tammikuu"},
	{"february", "februar", "febrero", "février", "febbraio", "fevereiro", "februari", "helmikuu"},
	{"march", "märz", "marzo", "mars", "março", "maart", "maaliskuu"},
	{"april", "abril", "avril", "aprile", "huhtikuu"},
	{"may", "mai", "mayo", "maggio", "maio", "mei", "toukokuu"},
	{"june", "juni", "junio", "juin", "giugno", "junho", "kesäkuu"},
	{"july", "juli", "julio", "juillet", "luglio", "julho", "heinäkuu"},
	{"august", "agosto", "août", "augustus", "elokuu"},
	{"september", "septiembre", "septembre", "settembre", "setembro", "syyskuu"},
	{"october", "oktober", "octubre", "octobre", "ottobre", "outubro", "lokakuu"},
	{"november", "noviembre", "novembre", "novembro", "marraskuu"},
	{"december", "dezember", "diciembre", "décembre", "dicembre", "dezembro", "joulukuu"},
}

// dayPattern matches the ways a page may write day d: ISO, numeric with
// dots or slashes, and written out in several languages.
func dayPattern(d time.Time) *regexp.Regexp {
	y, m, dd := d.Year(), int(d.Month()), d.Day()
	var alts []string
	alts = append(alts, fmt.Sprintf(`%d[-/.]0?%d[-/.]0?%d\b`, y, m, dd))
	alts = append(alts, fmt.Sprintf(`\b0?%d[./]\s?0?%d[./]\s?(%d|%02d)\b`, dd, m, y, y%100))
	alts = append(alts, fmt.Sprintf(`\b0?%d/0?%d/%d\b`, m, dd, y))
	alts = append(alts, fmt.Sprintf(`%d%02d%02d`, y, m, dd))
	for _, name := range whereMonths[m-1] {
		short := name
		if len([]rune(name)) > 3 {
			short = string([]rune(name)[:3])
		}
		alts = append(alts, fmt.Sprintf(`\b0?%d(\.|th|st|nd|rd)?\s*(de\s+)?(%s|%s\.?)\w*,?\s*(de\s+|del\s+)?%d`, dd, name, short, y))
		alts = append(alts, fmt.Sprintf(`(%s|%s\.?)\w*\s+0?%d(th|st|nd|rd)?,?\s+%d`, name, short, dd, y))
	}
	return regexp.MustCompile(`(?i)` + strings.Join(alts, "|"))
}

var whereTags = regexp.MustCompile(`(?s)<script.*?</script>|<style.*?</style>|<[^>]*>`)

// TestMetaWhere prints, for each page of -meta.where, every date the page
// states by source, what the metadata step chose, and each place the gold
// day appears, in the markup (attributes, scripts) and in the visible text.
func TestMetaWhere(t *testing.T) {
	if *metaWhere == "" {
		t.Skip("no -meta.where given")
	}
	gold := map[string]metaGold{}
	for _, p := range loadMetaPages(t) {
		gold[p.gold.File] = p.gold
	}
	for _, name := range strings.Split(*metaWhere, ",") {
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
		now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
		vis := visibleDate(root, f.canonical, now)
		m := resolveMetaVisible(f, pageHost(nil, f), vis, now)
		g := gold[name]
		var b strings.Builder
		fmt.Fprintf(&b, "== %s gold=%s got=%s (%s) lang=%q\n", name, g.Date, m.published.t.Format(time.RFC3339), m.dateSrc, f.lang)
		for _, l := range []struct {
			name string
			vs   []metaValue
		}{{"published", f.published}, {"time+", f.timeMarked}, {"time", f.timePlain}, {"modified", f.modified}} {
			for _, v := range l.vs {
				fmt.Fprintf(&b, "  %-9s %-11s %-22s out=%v %q\n", l.name, v.src, v.key, v.outside, v.val)
			}
		}
		fmt.Fprintf(&b, "  visible   %s %v\n", vis.t.Format(time.RFC3339), vis.hasTime)
		if d, err := time.Parse(time.DateOnly, g.Date); err == nil {
			re := dayPattern(d)
			src := string(body)
			text := whereTags.ReplaceAllString(src, " ")
			for _, part := range []struct {
				name, s string
			}{{"markup", src}, {"text", text}} {
				locs := re.FindAllStringIndex(part.s, -1)
				fmt.Fprintf(&b, "  gold day in %s: %d times\n", part.name, len(locs))
				for i, loc := range locs {
					if i == 6 {
						break
					}
					from, to := max(0, loc[0]-90), min(len(part.s), loc[1]+60)
					fmt.Fprintf(&b, "    @%d%%: %s\n", 100*loc[0]/len(part.s), strings.ToValidUTF8(foldSpace(part.s[from:to]), ""))
				}
			}
		}
		t.Log(b.String())
	}
}

var metaDump = flag.String("meta.dump", "", "TestMetaDump: write every html-metadata page's facts, choices and gold here as JSON Lines")

// TestMetaDump writes what every source of every page states, what the
// metadata step chose and the gold, one JSON object a line, for studying
// the corpus as a whole (which source agrees with the gold how often).
func TestMetaDump(t *testing.T) {
	if *metaDump == "" {
		t.Skip("no -meta.dump given")
	}
	type val struct {
		Src    string `json:"src"`
		Key    string `json:"key,omitempty"`
		Val    string `json:"val"`
		Person bool   `json:"person,omitempty"`
		Org    bool   `json:"org,omitempty"`
		Out    bool   `json:"outside,omitempty"`
		Plain  bool   `json:"plain,omitempty"`
	}
	conv := func(vs []metaValue) []val {
		out := []val{}
		for _, v := range vs {
			out = append(out, val{v.src.String(), v.key, v.val, v.person, v.org, v.outside, v.plain})
		}
		return out
	}
	pages := loadMetaPages(t)
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	out, err := os.Create(*metaDump)
	if err != nil {
		t.Fatal(err)
	}
	defer out.Close()
	enc := json.NewEncoder(out)
	for _, p := range pages {
		root, err := parseHTML(p.body)
		if err != nil {
			continue
		}
		f := collectFacts(root)
		addJSONLD(f)
		vis := visibleDate(root, f.canonical, now)
		m := resolveMetaVisible(f, pageHost(nil, f), vis, now)
		var ga any
		_ = json.Unmarshal(p.gold.Author, &ga)
		rec := map[string]any{
			"file": p.gold.File, "set": p.gold.Set,
			"gold":   map[string]any{"title": p.gold.Title, "author": ga, "date": p.gold.Date},
			"titles": conv(f.titles), "authors": conv(f.authors), "published": conv(f.published),
			"modified": conv(f.modified), "timeMarked": conv(f.timeMarked), "timePlain": conv(f.timePlain),
			"sites": conv(f.sites), "headings": f.headings, "lang": f.lang, "canonical": f.canonical,
			"visible": formatPublished(vis.t, !vis.hasTime),
			"chosen": map[string]any{"title": m.title, "titleSrc": m.titleSrc, "author": m.author, "credit": m.credit,
				"authorSrc": m.authorSrc, "published": formatPublished(m.published.t, !m.published.hasTime), "dateSrc": m.dateSrc,
				"modified": formatPublished(m.modified.t, !m.modified.hasTime), "site": m.site},
		}
		if err := enc.Encode(rec); err != nil {
			t.Fatal(err)
		}
	}
}

var metaQuick = flag.Bool("meta.quick", false, "TestMetaQuick: score the metadata step alone (no main text) on html-metadata, for fast work on it")

// TestMetaQuick scores the chosen metadata of every html-metadata page
// without extracting the main text: the scorer's comparison, near enough,
// in seconds. -meta.v lists the misses.
func TestMetaQuick(t *testing.T) {
	if !*metaQuick {
		t.Skip("no -meta.quick given")
	}
	pages := loadMetaPages(t)
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	type score struct{ right, n int }
	res := map[string]map[string]*score{}
	var misses []string
	for _, p := range pages {
		root, err := parseHTML(p.body)
		if err != nil {
			continue
		}
		f := collectFacts(root)
		addJSONLD(f)
		vis := visibleDate(root, f.canonical, now)
		m := resolveMetaVisible(f, pageHost(nil, f), vis, now)
		o := metaArticle{Source: p.name, Title: strPtr(m.title), Author: strPtr(m.author), Published: strPtr(formatPublished(m.published.t, !m.published.hasTime))}
		miss := metaMisses(p.gold, o, metaArticle{})
		misses = append(misses, miss...)
		if res[p.gold.Set] == nil {
			res[p.gold.Set] = map[string]*score{"title": {}, "author": {}, "date": {}}
		}
		var ga any
		_ = json.Unmarshal(p.gold.Author, &ga)
		for field, has := range map[string]bool{"title": p.gold.Title != "", "author": len(goldNames(ga)) > 0, "date": p.gold.Date != ""} {
			if !has {
				continue
			}
			s := res[p.gold.Set][field]
			s.n++
			s.right++
			for _, l := range miss {
				if strings.Contains(l, " "+field+" gold=") {
					s.right--
				}
			}
		}
	}
	var b strings.Builder
	tot := map[string]*score{"title": {}, "author": {}, "date": {}}
	for _, set := range []string{"trafilatura", "fundus"} {
		fmt.Fprintf(&b, "%s:", set)
		for _, field := range []string{"title", "author", "date"} {
			s := res[set][field]
			tot[field].right += s.right
			tot[field].n += s.n
			fmt.Fprintf(&b, " %s %d/%d", field, s.right, s.n)
		}
		b.WriteString("\n")
	}
	b.WriteString("total:")
	for _, field := range []string{"title", "author", "date"} {
		fmt.Fprintf(&b, " %s %d/%d (%.1f%%)", field, tot[field].right, tot[field].n, 100*float64(tot[field].right)/float64(tot[field].n))
	}
	t.Log(b.String())
	if *metaVerbose {
		t.Log("\n" + strings.Join(misses, "\n"))
	}
}
