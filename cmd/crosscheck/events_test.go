package main

import (
	"encoding/json"
	"path/filepath"
	"testing"
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
		if len(rep.Stories) == 1 {
			one++
		} else {
			t.Errorf("%s: stories %v, want one", filepath.Base(dir), sizes)
		}
	}
	t.Logf("%d of %d events form one story", one, len(dirs))
}
