package check

import (
	"bufio"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// TestEntityKindsGold measures entity kinds on the reference events
// against hand labels (testdata/entity_kinds.tsv: the entities two reports
// or more name, labelled by reading the reports), per split, and fails
// below the figures reached. Names labelled "-" are no entity of any
// kind: how many of them still come out is shown, not gated.
func TestEntityKindsGold(t *testing.T) {
	if testing.Short() {
		t.Skip("analyses the 16 reference events")
	}
	split := goldSplit(t)
	f, err := os.Open("testdata/entity_kinds.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	type label struct{ name, kind string }
	labels := map[string][]label{}
	var events []string
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		p := strings.Split(line, "\t")
		if len(p) != 3 {
			t.Fatalf("bad label line %q", line)
		}
		if _, ok := labels[p[0]]; !ok {
			events = append(events, p[0])
		}
		labels[p[0]] = append(labels[p[0]], label{p[1], p[2]})
	}
	type tally struct{ right, total, missing, junk, junkLeft int }
	score := map[string]*tally{"dev": {}, "check": {}}
	for _, ev := range events {
		sr := Analyze(&crosscheck.Story{ID: "s-" + ev}, loadEvent(t, filepath.Join(goldRoot, ev)), Options{})
		sc := score[split[ev]]
		for _, l := range labels[ev] {
			var got *crosscheck.Entity
			for i, e := range sr.Entities {
				if e.Name == l.name || containsFold(e.Aliases, l.name) {
					got = &sr.Entities[i]
					break
				}
			}
			if l.kind == "-" {
				sc.junk++
				if got != nil {
					sc.junkLeft++
				}
				continue
			}
			sc.total++
			switch {
			case got == nil:
				sc.missing++
			case string(got.Kind) == l.kind:
				sc.right++
			case testing.Verbose():
				t.Logf("%s: %q is %s, labelled %s", ev, l.name, got.Kind, l.kind)
			}
		}
	}
	for _, sp := range []string{"dev", "check"} {
		s := score[sp]
		t.Logf("%-5s kinds right %d/%d (%.1f%%), not found %d; names that are no entity still out %d/%d",
			sp, s.right, s.total, pct(s.right, s.total), s.missing, s.junkLeft, s.junk)
		if pct(s.right, s.total) < kindGate {
			t.Errorf("%s: kinds right %.1f%%, want at least %.0f%%", sp, pct(s.right, s.total), kindGate)
		}
	}
}

// kindGate is the share of right kinds TestEntityKindsGold requires.
const kindGate = 85.0
