package extract

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

const ecbPath = "../../shared/corpora/ecbplus/articles.jsonl"

// TestECBPlusKeepsProse runs the plain-text path over the 982 real news
// texts of ECB+ and checks that it removes little: only lines it reads as
// metadata or boilerplate, never more than a few percent of the lines.
func TestECBPlusKeepsProse(t *testing.T) {
	f, err := os.Open(ecbPath)
	if os.IsNotExist(err) {
		t.Skipf("ECB+ corpus not found at %s", ecbPath)
	}
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<24)
	var docs, lines, kept int
	for sc.Scan() {
		var rec struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatal(err)
		}
		docs++
		a, err := Extract(&crosscheck.Document{Source: rec.ID, Format: crosscheck.FormatText, Body: []byte(rec.Text)}, Options{})
		if err != nil {
			t.Errorf("%s: %v", rec.ID, err)
			continue
		}
		checkArticle(t, a)
		for _, l := range splitLines(rec.Text) {
			if l != "" {
				lines++
			}
		}
		kept += len(a.Paragraphs)
		if a.Title != "" {
			kept++
		}
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	if docs < 900 {
		t.Fatalf("read %d articles, want the 982 of ECB+", docs)
	}
	if share := float64(kept) / float64(lines); share < 0.97 {
		t.Errorf("kept %d of %d lines (%.3f), want at least 97%%", kept, lines, share)
	}
}
