package story

import (
	"maps"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/extract"
	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
)

const eventsDir = "../../shared/corpora/ecbplus-crosscheck"

// goldEvent is one folder of the ECB+ cross-check set: the reports of one
// real event, as analyze reads them.
type goldEvent struct {
	name  string
	split string
	arts  []*crosscheck.Article
}

// readEvents extracts every report of every event folder the way analyze
// does (plain text through extract), in file-name order.
func readEvents(t testing.TB) []goldEvent {
	t.Helper()
	dirs, _ := filepath.Glob(filepath.Join(eventsDir, "*", "expected.json"))
	if len(dirs) == 0 {
		t.Skipf("ECB+ cross-check set missing in %s", eventsDir)
	}
	splits := readSplits(t)
	var out []goldEvent
	for _, e := range dirs {
		dir := filepath.Dir(e)
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		sort.Strings(files)
		ev := goldEvent{name: filepath.Base(dir), split: splits[filepath.Base(dir)]}
		for _, f := range files {
			body, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			doc := &crosscheck.Document{Source: f, Format: crosscheck.FormatText, Body: body}
			a, err := extract.Extract(doc, extract.Options{Now: time.Date(2025, 11, 9, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatalf("extract %s: %v", f, err)
			}
			a.ID = strings.TrimSuffix(filepath.Base(f), ".txt")
			ev.arts = append(ev.arts, a)
		}
		out = append(out, ev)
	}
	return out
}

// readSplits reads the dev/check split of each event from the set's README table.
func readSplits(t testing.TB) map[string]string {
	b, err := os.ReadFile(filepath.Join(eventsDir, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	m := map[string]string{}
	for _, line := range strings.Split(string(b), "\n") {
		f := strings.Split(line, "|")
		if len(f) > 3 {
			name, split := strings.TrimSpace(f[1]), strings.TrimSpace(f[2])
			if split == "dev" || split == "check" {
				m[name] = split
			}
		}
	}
	return m
}

// TestEventsOneStory: the reports of each real event of the ECB+
// cross-check set, analysed on their own, form one story (issue 8).
func TestEventsOneStory(t *testing.T) {
	evs := readEvents(t)
	one := 0
	for _, ev := range evs {
		c := NewClusterer(Options{})
		n := map[string]int{}
		days := map[string][]time.Time{}
		for i, p := range c.PlaceBatch(ev.arts) {
			n[p.StoryID]++
			if d := ev.arts[i].Published; !d.IsZero() {
				days[p.StoryID] = append(days[p.StoryID], d)
			}
		}
		sizes := make([]int, 0, len(n))
		for _, k := range n {
			sizes = append(sizes, k)
		}
		sort.Sort(sort.Reverse(sort.IntSlice(sizes)))
		t.Logf("%-11s %-5s %2d reports: %d stories %v", ev.name, ev.split, len(ev.arts), len(n), sizes)
		switch {
		case len(n) == 1:
			one++
		case len(days) == len(n) && testcorpus.ApartInTime(slices.Collect(maps.Values(days))):
			// reports published a year or more apart (36_ecbplus holds
			// 2008 and 2010 pieces on earlier stages of the case beside
			// the 2011 trial) are stories of their own times
			t.Logf("%s: set apart by their publication dates", ev.name)
		default:
			t.Errorf("%s: %d reports in %d stories %v, want one", ev.name, len(ev.arts), len(n), sizes)
		}
	}
	t.Logf("%d of %d events form one story", one, len(evs))
	if one < len(evs)-1 {
		t.Errorf("%d of %d events form one story, want at least %d", one, len(evs), len(evs)-1)
	}
}

// headlineOnly is ECB+ as a feed of headlines gives it: each record's
// first line only, as its title and its text.
func headlineOnly(t *testing.T) ([]*crosscheck.Article, []string) {
	t.Helper()
	arts, gold := readGoldFile(t, ecbPath)
	out := make([]*crosscheck.Article, len(arts))
	for i, a := range arts {
		line, _, _ := strings.Cut(a.Text, "\n")
		line = strings.TrimSpace(line)
		h := &crosscheck.Article{ID: a.ID, Source: a.Source, Text: line, Meta: crosscheck.Meta{Title: line}}
		h.Sentences = splitSentences(h.Text)
		out[i] = h
	}
	return out, gold
}

// TestECBPlusHeadlines groups ECB+ from headlines alone (issue 10): short
// items must still come together, and look-alike events stay apart.
func TestECBPlusHeadlines(t *testing.T) {
	arts, gold := headlineOnly(t)
	got, _ := place(Options{}, arts, 200)
	s := Score(got, gold)
	t.Logf("ECB+ headlines only, file order, batches of 200:\n%s", s)
	// Reached: P 0.882 R 0.745 F1 0.808 (0.799 before headlines sharing
	// no name or number counted less, 0.782 before slots that contrast
	// look-alike events, 0.731 before short items had their own bar;
	// issue 10 asks 0.80). Topics 1-35 (ECB+ train and dev) went into
	// the design: 0.790 -> 0.799; topics 36-45 only checked it: 0.837 ->
	// 0.854.
	if s.BCubedF1 < 0.807 {
		t.Errorf("B-cubed F1 = %.3f, want >= 0.807", s.BCubedF1)
	}
	if s.BCubedP < 0.88 {
		t.Errorf("B-cubed precision = %.3f, want >= 0.88", s.BCubedP)
	}
}
