package check

import (
	"bufio"
	"bytes"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/report"
)

const goldRoot = "../../shared/corpora/ecbplus-crosscheck"

var (
	goldOut  = flag.String("gold.out", "", "keep the reports and scores of TestGoldEvents in this directory")
	goldShow = flag.Bool("gold.fail", false, "log every failed check of TestGoldEvents")
	goldOnly = flag.String("gold.only", "", "score only the events whose name matches this regexp")
)

// goldCategories are the check families of ../shared/tools/score_gold.sh,
// in its order: a check counts for the first that its name holds.
var goldCategories = []string{"one story", "event date", "boilerplate", "one entity", "conflict found",
	"no false conflict", "conflicts beyond", "corroborated", "quote of", "attribution to", "analyze crashed", "present"}

// goldSplit reads the dev/check split from the corpus README table.
func goldSplit(tb testing.TB) map[string]string {
	b, err := os.ReadFile(filepath.Join(goldRoot, "README.md"))
	if err != nil {
		tb.Skipf("reference set is missing (%v): nothing to score", err)
	}
	split := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "|")
		if len(f) > 3 {
			ev, sp := strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
			if sp == "dev" || sp == "check" {
				split[ev] = sp
			}
		}
	}
	return split
}

// loadEvent extracts every report of one reference event, in file order.
func loadEvent(tb testing.TB, dir string) []*crosscheck.Article {
	tb.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	var arts []*crosscheck.Article
	for _, f := range files {
		body, err := os.ReadFile(f)
		if err != nil {
			tb.Fatal(err)
		}
		doc := &crosscheck.Document{Source: f, Format: crosscheck.FormatText, Body: body}
		a, err := extract.Extract(doc, extract.Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
		if err != nil {
			tb.Fatalf("extract %s: %v", f, err)
		}
		a.ID = strings.TrimSuffix(filepath.Base(f), ".txt")
		arts = append(arts, a)
	}
	return arts
}

// goldScore is the tally of one split.
type goldScore struct {
	pass, total map[string]int
}

func (g *goldScore) add(cat string, ok bool) {
	if g.pass == nil {
		g.pass, g.total = map[string]int{}, map[string]int{}
	}
	g.total[cat]++
	if ok {
		g.pass[cat]++
	}
}

func (g *goldScore) sum(cat string) (int, int) {
	if cat != "" {
		return g.pass[cat], g.total[cat]
	}
	p, t := 0, 0
	for _, c := range goldCategories {
		p += g.pass[c]
		t += g.total[c]
	}
	return p, t
}

var scoreLine = regexp.MustCompile(`^(ok|FAIL)\s+(.*)`)

// TestGoldEvents cross-checks each of the 16 hand-checked real events of
// ../shared/corpora/ecbplus-crosscheck as one story (grouping is tested
// apart, end to end, in cmd/crosscheck) and scores the contract JSON with
// the project's scorer, printing the per-category table of each split.
func TestGoldEvents(t *testing.T) {
	split := goldSplit(t)
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: cannot run the scorer")
	}
	out := *goldOut
	if out == "" {
		out = t.TempDir()
	} else if err := os.MkdirAll(out, 0o755); err != nil {
		t.Fatal(err)
	}
	var events []string
	for ev := range split {
		if *goldOnly != "" && !regexp.MustCompile(*goldOnly).MatchString(ev) {
			continue
		}
		events = append(events, ev)
	}
	sort.Strings(events)
	scores := map[string]*goldScore{"dev": {}, "check": {}, "all": {}}
	beyondOK, conflictEvents := 0, 0
	for _, ev := range events {
		dir := filepath.Join(goldRoot, ev)
		arts := loadEvent(t, dir)
		sr := Analyze(&crosscheck.Story{ID: "s-" + ev}, arts, Options{})
		checkVerbatim(t, sr)
		var buf bytes.Buffer
		if err := report.JSON(&buf, &crosscheck.Report{Stories: []*crosscheck.StoryReport{sr}}); err != nil {
			t.Fatal(err)
		}
		rp := filepath.Join(out, ev+".json")
		if err := os.WriteFile(rp, buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
		res, _ := exec.Command(py, "../../shared/tools/score_report.py", rp, filepath.Join(dir, "expected.json")).CombinedOutput()
		_ = os.WriteFile(filepath.Join(out, ev+".score"), res, 0o644)
		ep, et := 0, 0
		sc := bufio.NewScanner(bytes.NewReader(res))
		for sc.Scan() {
			m := scoreLine.FindStringSubmatch(sc.Text())
			if m == nil {
				continue
			}
			cat := ""
			for _, c := range goldCategories {
				if strings.Contains(m[2], c) {
					cat = c
					break
				}
			}
			if cat == "" {
				continue
			}
			ok := m[1] == "ok"
			scores[split[ev]].add(cat, ok)
			scores["all"].add(cat, ok)
			et++
			if ok {
				ep++
			}
			if cat == "conflicts beyond" {
				conflictEvents++
				if ok {
					beyondOK++
				}
			}
			if !ok && *goldShow {
				t.Logf("%s: %s", ev, sc.Text())
			}
		}
		t.Logf("%-12s %-5s %3d/%3d  conflicts reported %d", ev, split[ev], ep, et, len(sr.Conflicts))
	}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-20s %9s %9s %9s\n", "category", "dev", "check", "all")
	for _, c := range append(goldCategories, "") {
		name := c
		if c == "" {
			name = "total"
		}
		if _, t := scores["all"].sum(c); t == 0 {
			continue
		}
		fmt.Fprintf(&b, "%-20s", name)
		for _, sp := range []string{"dev", "check", "all"} {
			p, t := scores[sp].sum(c)
			fmt.Fprintf(&b, " %4d/%-4d", p, t)
		}
		b.WriteString("\n")
	}
	t.Log(b.String())
	p, tot := scores["all"].sum("")
	cp, ct := scores["all"].sum("conflict found")
	t.Logf("all checks %.1f%%, reference conflicts found %.1f%%, events with at most 2 extra conflicts %d/%d",
		pct(p, tot), pct(cp, ct), beyondOK, conflictEvents)
	if *goldOnly != "" {
		return
	}
	// The gate stands at the figures reached, at or above the issue's
	// targets (75% of checks, 60% of conflicts, 80% of events).
	if pct(p, tot) < goldGateChecks {
		t.Errorf("checks passed %.1f%%, want at least %.0f%%", pct(p, tot), goldGateChecks)
	}
	if pct(cp, ct) < goldGateConflicts {
		t.Errorf("reference conflicts found %.1f%%, want at least %.1f%%", pct(cp, ct), goldGateConflicts)
	}
	if beyondOK < goldGateBeyond {
		t.Errorf("events with at most 2 extra conflicts %d, want at least %d", beyondOK, goldGateBeyond)
	}
}

// The figures TestGoldEvents must reach.
const (
	goldGateChecks    = 82.0
	goldGateConflicts = 60.0
	goldGateBeyond    = 14
)

func pct(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return 100 * float64(a) / float64(b)
}
