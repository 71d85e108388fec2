package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// metaPage is a news page whose structured data states a publication and a
// later modification, and whose byline credits a news agency beside the
// reporter.
const metaPage = `<!DOCTYPE html><html lang="en"><head>
<title>Harbour bridge reopens after repairs | Eastport Post</title>
<meta property="og:site_name" content="Eastport Post">
<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle",
"headline":"Harbour bridge reopens after repairs",
"datePublished":"2025-03-03T09:15:00+01:00","dateModified":"2025-03-04T18:40:00+01:00"}</script>
</head><body><article>
<h1>Harbour bridge reopens after repairs</h1>
<p class="byline">By Jane Doe, Reuters</p>
<p>The harbour bridge in Eastport reopened to traffic on Monday after three weeks of repairs to its steel deck, the city council said in a statement.</p>
<p>Engineers replaced forty bearings and resurfaced the road, work that cost 4.2 million euros, according to the council. Buses return to their usual routes on Tuesday.</p>
<p>Drivers had been told to use the ring road while the bridge was closed, which added about twenty minutes to the journey into the centre at peak hours.</p>
</article></body></html>`

// TestAnalyzeKeepsModifiedAndCredit runs analyze on a page through the
// store it fills, and reads from the JSON report the publication and
// modification dates with their zone and the agency the byline credits;
// show prints them too.
func TestAnalyzeKeepsModifiedAndCredit(t *testing.T) {
	dir := t.TempDir()
	page := filepath.Join(dir, "bridge.html")
	if err := os.WriteFile(page, []byte(metaPage), 0o644); err != nil {
		t.Fatal(err)
	}
	r := mustRun(t, dir, "analyze", "--format", "json", page)
	var rep struct {
		Stories []struct {
			Articles []struct {
				Author    *string `json:"author"`
				Published *string `json:"published"`
				Modified  string  `json:"modified"`
				Credit    string  `json:"credit"`
			} `json:"articles"`
		} `json:"stories"`
	}
	if err := json.Unmarshal([]byte(r.stdout), &rep); err != nil {
		t.Fatalf("report is not JSON: %v\n%s", err, r.stdout)
	}
	if len(rep.Stories) != 1 || len(rep.Stories[0].Articles) != 1 {
		t.Fatalf("want one story of one article, got %s", r.stdout)
	}
	a := rep.Stories[0].Articles[0]
	if got, want := str(a.Author), "Jane Doe"; got != want {
		t.Errorf("author %q, want %q (the agency is credited, not an author)", got, want)
	}
	if got, want := a.Credit, "Reuters"; got != want {
		t.Errorf("credit %q, want %q", got, want)
	}
	if got, want := str(a.Published), "2025-03-03T09:15:00+01:00"; got != want {
		t.Errorf("published %q, want %q", got, want)
	}
	if got, want := a.Modified, "2025-03-04T18:40:00+01:00"; got != want {
		t.Errorf("modified %q, want %q", got, want)
	}

	db := filepath.Join(dir, "store.db")
	mustRun(t, dir, "ingest", "--db", db, page)
	out := mustRun(t, dir, "articles", "--db", db, "--format", "json").stdout
	var list struct {
		Articles []struct {
			ID string `json:"id"`
		} `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &list); err != nil || len(list.Articles) != 1 {
		t.Fatalf("articles --format json: %v\n%s", err, out)
	}
	show := mustRun(t, dir, "show", "--db", db, list.Articles[0].ID).stdout
	for _, want := range []string{"Credit:     Reuters", "Modified:   2025-03-04T18:40:00+01:00", "Published:  2025-03-03T09:15:00+01:00"} {
		if !strings.Contains(show, want) {
			t.Errorf("show lacks %q:\n%s", want, show)
		}
	}
}
