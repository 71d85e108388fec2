package sqlite_test

import (
	"bufio"
	"encoding/json"
	"os"
	"testing"
	"time"

	crosscheck "github.com/crosscheck-news/crosscheck"
)

// ecbRecord is one line of the ECB+ corpus.
type ecbRecord struct {
	ID      string `json:"id"`
	Cluster string `json:"cluster"`
	Title   string `json:"title"`
	Text    string `json:"text"`
	Outlet  string `json:"outlet"`
	URL     string `json:"url"`
}

func readECB(tb testing.TB) []ecbRecord {
	tb.Helper()
	f, err := os.Open("../../shared/corpora/ecbplus/articles.jsonl")
	if os.IsNotExist(err) {
		tb.Skip("corpus ../../shared/corpora/ecbplus missing")
	}
	if err != nil {
		tb.Fatal(err)
	}
	defer f.Close()
	var recs []ecbRecord
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 16<<20)
	for sc.Scan() {
		var r ecbRecord
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			tb.Fatal(err)
		}
		recs = append(recs, r)
	}
	if err := sc.Err(); err != nil {
		tb.Fatal(err)
	}
	return recs
}

// TestECBNearDuplicates ingests the 982 real articles of ECB+ and checks
// the precision of near-duplicate links: an article may only be linked to
// one that reports the same event (same gold cluster). Topics pair
// look-alike events, so this also catches links made on shared vocabulary.
func TestECBNearDuplicates(t *testing.T) {
	recs := readECB(t)
	db := open(t)
	ctx := t.Context()
	cluster := map[string]string{}
	var as []*crosscheck.Article
	for _, r := range recs {
		a := &crosscheck.Article{Source: "ecbplus#" + r.ID, URL: r.URL, Text: r.Text,
			Meta: crosscheck.Meta{Title: r.Title, Outlet: r.Outlet, Language: "en"}}
		as = append(as, a)
	}
	start := time.Now()
	var res []crosscheck.AddResult
	for i := 0; i < len(as); i += 100 {
		r, err := db.AddArticles(ctx, as[i:min(i+100, len(as))])
		if err != nil {
			t.Fatal(err)
		}
		res = append(res, r...)
	}
	t.Logf("stored %d real articles in %v", len(as), time.Since(start))
	for i, r := range res {
		cluster[r.ID] = recs[i].Cluster
	}
	dups, near, wrong := 0, 0, 0
	for i, r := range res {
		switch {
		case r.Duplicate:
			dups++
		case r.NearDuplicateOf != "":
			near++
			if got, want := cluster[r.NearDuplicateOf], recs[i].Cluster; got != want {
				wrong++
				t.Errorf("%s (event %s) linked to %s (event %s)", recs[i].ID, want, r.NearDuplicateOf, got)
			}
		}
	}
	t.Logf("%d exact duplicates, %d near duplicates, %d linked across events", dups, near, wrong)
}
