package report

import (
	"bytes"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

func TestCites(t *testing.T) {
	sv := newStoryView(1, fullReport().Stories[0], false)
	b := builder{s: sv, labels: map[string]*articleView{}}
	for _, a := range sv.Articles {
		b.labels[a.ID] = a
	}
	tests := []struct {
		ids  []string
		want string
	}{
		{nil, ""},
		{[]string{"e0f1a2b3c4d5e6f7", "3f9a0c1d2e4b5a60"}, "[1, 4]"},
		{[]string{"3f9a0c1d2e4b5a60", "3f9a0c1d2e4b5a60"}, "[1]"},
		{[]string{"zz-unknown", "7b21e8d4c0a95f13", "aa-unknown"}, "[2, zz-unknown, aa-unknown]"},
		{[]string{""}, ""},
	}
	for _, tt := range tests {
		if got := citeList(b.cites(tt.ids)); got != tt.want {
			t.Errorf("cites(%q)=%q, want %q", tt.ids, got, tt.want)
		}
	}
	if got, want := strings.ReplaceAll(textOutletCites(b.cites([]string{"7b21e8d4c0a95f13", "3f9a0c1d2e4b5a60", "c4d5e6f708192a3b"})), glue, " "), "Northern Ledger [1], Coastline Wire [2], Valley Times [3]"; got != want {
		t.Errorf("textOutletCites=%q, want %q", got, want)
	}
}

func TestStoryView(t *testing.T) {
	r := fullReport()
	sr := r.Stories[0]
	// A brief item naming only its claim is flagged through the claim's conflict.
	sr.Brief[1].Conflict = ""
	// A status the renderers do not know still shows, after the known ones.
	sr.Claims = append(sr.Claims, crosscheck.Claim{ID: "c9", Text: "an odd one", Status: "retracted",
		Sources: []crosscheck.Citation{cit(sr.Articles[0].ID, "", "An odd one.")}})
	// An exclusive claim ID that names no claim is shown as such.
	sr.Coverage[0].Exclusive = []string{"c404"}
	sv := newStoryView(1, sr, false)

	if sv.Brief[1].Conflict == nil || sv.Brief[1].Conflict.N != 1 || sv.Brief[1].Status != "disputed" {
		t.Errorf("brief item 2 = %+v, want flagged with conflict 1", sv.Brief[1])
	}
	var groups []string
	for _, g := range sv.ClaimGroups {
		groups = append(groups, g.Title)
	}
	if want := []string{"Corroborated", "Disputed", "Single source", "Retracted"}; !slices.Equal(groups, want) {
		t.Errorf("groups=%q, want %q", groups, want)
	}
	// Sources that only repeat the claim's words are dropped; others kept.
	for _, g := range sv.ClaimGroups {
		for _, c := range g.Claims {
			if c.Text == "a ferry service that ran during the closure will stop on Sunday" && c.Sources == nil {
				t.Error("ferry claim lost its differently worded source")
			}
		}
	}
	if got, want := sv.Coverage[0].Exclusive[0].Text, "claim c404"; got != want {
		t.Errorf("unknown exclusive=%q, want %q", got, want)
	}
	if got := sv.Articles[2].DuplicateOf; got == nil || got.Label != 1 {
		t.Errorf("duplicate of=%+v, want article 1", got)
	}
	if got, want := sv.Articles[3].URL, "https://harbour-radio.example/a/9?utm_source=feed"; got != want {
		t.Errorf("url=%q, want %q", got, want)
	}
	if got := sv.Articles[3].SourceHref; got != "" {
		t.Errorf("source href=%q for a feed path, want none", got)
	}
}

func TestCoverageCap(t *testing.T) {
	r := fullReport()
	sr := r.Stories[0]
	ids := []string{"c1", "c2", "c3", "c4", "c5"}
	sr.Coverage = []crosscheck.Coverage{{Outlet: "Harbour Radio", Articles: []string{sr.Articles[3].ID}, Claims: 5, Exclusive: ids}}
	var b bytes.Buffer
	if err := Text(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if got, want := strings.Count(out, "    exclusive: "), maxExclusive; got != want {
		t.Errorf("%d exclusive lines, want %d", got, want)
	}
	if !strings.Contains(out, "5 claims, 5 exclusive") || !strings.Contains(out, "and 2 more") {
		t.Errorf("coverage lacks counts:\n%s", out)
	}
	// Four exclusive claims are all shown: "and 1 more" would save nothing.
	sr.Coverage[0].Exclusive = ids[:4]
	b.Reset()
	if err := Text(&b, r, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Count(b.String(), "    exclusive: "), 4; got != want {
		t.Errorf("%d exclusive lines, want %d", got, want)
	}
}

// One article needs no legend: the header names its outlet.
func TestSingleArticleNoLegend(t *testing.T) {
	r := fullReport()
	sr := r.Stories[0]
	sr.Articles = sr.Articles[:1]
	sr.Story.Articles = 1
	for _, f := range []string{"text", "markdown"} {
		out := string(render(t, f, r, TextOptions{}))
		if strings.Contains(out, "Articles: [1]") {
			t.Errorf("%s: legend for a single article", f)
		}
	}
	if out := string(render(t, "html", r, TextOptions{})); strings.Contains(out, `class="legend"`) {
		t.Error("html: legend for a single article")
	}
}

// A figure agreed on is shown with whom it is of; a sentence is shown as
// it is.
func TestFigureClaimSubject(t *testing.T) {
	sr := &crosscheck.StoryReport{Claims: []crosscheck.Claim{
		{ID: "c1", Text: "47", Subject: "Paul Riva", Status: crosscheck.Corroborated},
		{ID: "c2", Text: "Riva was treated at Beaumont Hospital.", Subject: "Riva", Predicate: "was treated", Status: crosscheck.Corroborated},
		{ID: "c3", Text: "63", Status: crosscheck.Corroborated},
	}}
	sv := newStoryView(1, sr, false)
	var got []string
	for _, g := range sv.ClaimGroups {
		for _, c := range g.Claims {
			got = append(got, c.Text)
		}
	}
	want := []string{"Paul Riva: 47", "Riva was treated at Beaumont Hospital.", "63"}
	if !slices.Equal(got, want) {
		t.Errorf("claims shown as %q, want %q", got, want)
	}
}
