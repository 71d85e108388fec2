package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
)

// TestAnalyzeEventsOneStory analyses each real event of the ECB+
// cross-check set on its own, as a user would: all its reports must form
// one story (issue 8).
func TestAnalyzeEventsOneStory(t *testing.T) {
	root := abs(t, "../../../shared/corpora/ecbplus-crosscheck")
	dirs, _ := filepath.Glob(filepath.Join(root, "*", "expected.json"))
	if len(dirs) == 0 {
		t.Skipf("no events in %s", root)
	}
	one := 0
	for _, e := range dirs {
		dir := filepath.Dir(e)
		files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
		r := mustRun(t, t.TempDir(), "analyze", "--format", "json", dir)
		var rep wireReport
		if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
			t.Fatalf("%s: %v", dir, err)
		}
		var sizes []int
		for _, s := range rep.Stories {
			sizes = append(sizes, len(s.Articles))
		}
		t.Logf("%-11s %2d reports: stories %v", filepath.Base(dir), len(files), sizes)
		switch {
		case len(rep.Stories) == 1:
			one++
		case apartInTime(rep):
			// reports published a year or more apart (36_ecbplus holds
			// 2008 and 2010 pieces on earlier stages of the case beside
			// the 2011 trial) are stories of their own times: the
			// clusterer's window is weeks
			t.Logf("%s: stories %v, set apart by their publication dates", filepath.Base(dir), sizes)
		default:
			t.Errorf("%s: stories %v, want one", filepath.Base(dir), sizes)
		}
	}
	t.Logf("%d of %d events form one story", one, len(dirs))
	if one < len(dirs)-1 {
		t.Errorf("%d of %d events form one story, want at least %d", one, len(dirs), len(dirs)-1)
	}
}

// apartInTime reports stories set apart by their reports' publication
// days (testcorpus.ApartInTime).
func apartInTime(rep wireReport) bool {
	days := make([][]time.Time, len(rep.Stories))
	for i, s := range rep.Stories {
		for _, a := range s.Articles {
			if a.Published == nil {
				continue
			}
			if d, err := time.Parse(time.DateOnly, (*a.Published)[:min(10, len(*a.Published))]); err == nil {
				days[i] = append(days[i], d)
			}
		}
	}
	return testcorpus.ApartInTime(days)
}
