package check

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/report"
)

const parisDir = "../../shared/corpora/paris-2025-09-04"

// loadCorpus extracts every NNN_*.txt file of a corpus directory.
func loadCorpus(tb testing.TB, dir string) []*crosscheck.Article {
	tb.Helper()
	files, err := filepath.Glob(filepath.Join(dir, "[0-9][0-9][0-9]_*.txt"))
	if err != nil || len(files) == 0 {
		tb.Skipf("corpus %s is missing: nothing to check", dir)
	}
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

// TestParisScore runs the whole cross-check on the Paris corpus and the
// project's scorer on its contract JSON.
func TestParisScore(t *testing.T) {
	arts := loadCorpus(t, parisDir)
	expected := filepath.Join(parisDir, "expected.json")
	// extract removes the boilerplate the corpus files carry
	for _, bp := range []string{"Subscribe to Pravda", "Sponsored Content Below", "Share this post", "Stay informed!", "via Getty Images"} {
		for _, a := range arts {
			if strings.Contains(a.Text, bp) {
				t.Errorf("article %s still holds boilerplate %q", a.ID, bp)
			}
		}
	}
	sr := Analyze(&crosscheck.Story{ID: "paris", Title: "Paris"}, arts, Options{})
	checkVerbatim(t, sr)
	var buf bytes.Buffer
	if err := report.JSON(&buf, &crosscheck.Report{Stories: []*crosscheck.StoryReport{sr}}); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(t.TempDir(), "report.json")
	if err := os.WriteFile(out, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	if keep := os.Getenv("CROSSCHECK_KEEP_REPORT"); keep != "" {
		_ = os.WriteFile(keep, buf.Bytes(), 0o644)
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not installed: cannot run the scorer")
	}
	cmd := exec.Command(py, "../../shared/tools/score_report.py", out, expected)
	res, _ := cmd.CombinedOutput()
	sc := bufio.NewScanner(bytes.NewReader(res))
	failed := false
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "FAIL") {
			failed = true
			t.Error(sc.Text())
		}
	}
	if failed || !strings.Contains(string(res), " 0 failed") {
		t.Logf("scorer output:\n%s", res)
		if !failed {
			t.Error("scorer did not report 0 failed")
		}
	}
}

// checkVerbatim asserts that every sentence and quote of the report is a
// verbatim slice of its article's text.
func checkVerbatim(t *testing.T, sr *crosscheck.StoryReport) {
	t.Helper()
	text, title := map[string]string{}, map[string]string{}
	for _, a := range sr.Articles {
		text[a.ID] = a.Text
		title[a.ID] = a.Title
	}
	check := func(what string, c crosscheck.Citation) {
		tx := text[c.Article]
		if c.InTitle {
			tx = title[c.Article]
		}
		if c.Span.End > len(tx) || tx[c.Span.Start:c.Span.End] != c.Sentence {
			t.Errorf("%s: sentence %q is not at its span in article %s", what, c.Sentence, c.Article)
		}
	}
	for _, c := range sr.Claims {
		for _, s := range c.Sources {
			check("claim "+c.ID, s)
		}
		found := false
		for _, s := range c.Sources {
			if strings.Contains(text[s.Article], c.Text) || s.InTitle && strings.Contains(title[s.Article], c.Text) {
				found = true
			}
		}
		if !found {
			t.Errorf("claim text %q is not in any source", c.Text)
		}
	}
	for _, c := range sr.Conflicts {
		for _, v := range c.Variants {
			for _, s := range v.Sources {
				check("conflict "+c.ID, s)
			}
			// a variant's value is its wordings, each verbatim in one of its sources
			for _, w := range strings.Split(v.Value, " / ") {
				in := false
				for _, s := range v.Sources {
					in = in || strings.Contains(s.Sentence, w)
				}
				if !in {
					t.Errorf("conflict value %q is not in any sentence of its variant", w)
				}
			}
		}
	}
	for _, q := range sr.Quotes {
		in := false
		for _, s := range q.Sources {
			check("quote", s)
			if strings.Contains(s.Sentence, q.Text) {
				in = true
			}
		}
		if !in {
			t.Errorf("quote %q is not in its sources", q.Text)
		}
	}
	for _, b := range sr.Brief {
		in := false
		for _, id := range b.Articles {
			if strings.Contains(text[id], b.Text) {
				in = true
			}
		}
		if !in {
			t.Errorf("brief item %q is not in its articles", b.Text)
		}
	}
}
