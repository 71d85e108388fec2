package web

import (
	"net/http/httptest"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

const evil = `<script>alert(1)</script><img src=x onerror=alert(2)>`

// syntheticReport is a story report with every section filled, some of it
// hostile, made up for the rendering tests.
func syntheticReport() (*crosscheck.StoryReport, *crosscheck.Article) {
	a1 := &crosscheck.Article{ID: "a1", Source: "one.txt", Meta: crosscheck.Meta{Title: "One " + evil, Outlet: "Outlet A"},
		Text: "The envoy left after 45 minutes. \"We are ready,\" the president said, Reuters reported. " + evil}
	a2 := &crosscheck.Article{ID: "a2", Source: "two.txt", Meta: crosscheck.Meta{Title: "Two", Outlet: "Outlet B"},
		Text: "The envoy left after 20 minutes. Nothing else happened."}
	a3 := &crosscheck.Article{ID: "a3", Source: "three.txt", Meta: crosscheck.Meta{Outlet: "Outlet C"}, Text: "Leaders met in Paris."}
	cite := func(a *crosscheck.Article, sentence string) crosscheck.Citation {
		i := strings.Index(a.Text, sentence)
		return crosscheck.Citation{Article: a.ID, Outlet: a.Outlet, Sentence: sentence, Span: crosscheck.Span{Start: i, End: i + len(sentence)}}
	}
	s1 := "The envoy left after 45 minutes."
	s2 := "The envoy left after 20 minutes."
	rep := &crosscheck.StoryReport{
		Story:    crosscheck.Story{ID: "s1", Title: "Envoy leaves " + evil, EventDate: time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC), Outlets: []string{"Outlet A", "Outlet B", "Outlet C"}, Articles: 3},
		Articles: []*crosscheck.Article{a1, a2, a3},
		Brief:    []crosscheck.BriefItem{{Text: "Leaders met in Paris.", Articles: []string{"a3"}}, {Text: s1, Articles: []string{"a1"}, Conflict: "x1"}},
		Claims: []crosscheck.Claim{
			{ID: "c1", Text: "envoy left after 45 minutes", Status: crosscheck.Disputed, Sources: []crosscheck.Citation{cite(a1, s1)}, Outlets: []string{"Outlet A"}},
			{ID: "c2", Text: "envoy left after 20 minutes", Status: crosscheck.Disputed, Sources: []crosscheck.Citation{cite(a2, s2)}, Outlets: []string{"Outlet B"}},
			{ID: "c3", Text: "claim " + evil, Status: crosscheck.SingleSource, Sources: []crosscheck.Citation{cite(a1, evil)}, Outlets: []string{"Outlet A"}},
		},
		Conflicts: []crosscheck.Conflict{{ID: "x1", About: "how long the envoy stayed " + evil, Kind: crosscheck.ConflictValue, Claims: []string{"c1", "c2"},
			Variants: []crosscheck.Variant{
				{Value: "45 minutes", Sentence: s1, Articles: []string{"a1"}, Sources: []crosscheck.Citation{cite(a1, s1)}},
				{Value: "20 minutes", Sentence: s2, Articles: []string{"a2"}, Sources: []crosscheck.Citation{cite(a2, s2)}},
			}}},
		Quotes: []crosscheck.Quote{{Speaker: "the president", Text: "We are ready,", Articles: []string{"a1"},
			Sources:  []crosscheck.Citation{cite(a1, `"We are ready," the president said, Reuters reported.`)},
			Variants: []crosscheck.QuoteVariant{{Text: "We are ready,", Articles: []string{"a1"}}, {Text: "We're ready " + evil, Articles: []string{"a2"}}}}},
		Attributions: []crosscheck.Attribution{{Source: "Reuters", Kind: crosscheck.AttrAgency, Articles: []string{"a1"},
			Sources: []crosscheck.Citation{cite(a1, `"We are ready," the president said, Reuters reported.`)}}},
		Coverage: []crosscheck.Coverage{
			{Outlet: "Outlet A", Articles: []string{"a1"}, Claims: 2, Exclusive: []string{"c3"}},
			{Outlet: "Outlet B", Articles: []string{"a2"}, Claims: 1},
			{Outlet: "Outlet C", Articles: []string{"a3"}, Claims: 0, Omitted: []string{"c1"}},
		},
		Timeline: []crosscheck.TimelineEntry{{When: time.Date(2025, 9, 4, 0, 0, 0, 0, time.UTC), DateOnly: true, Text: "Leaders met " + evil, Sources: []crosscheck.Citation{cite(a3, "Leaders met in Paris.")}}},
	}
	return rep, a1
}

func assertInert(t *testing.T, html string) {
	t.Helper()
	for _, bad := range []string{"<script>alert", "<img src=x", "onerror=alert(2)>"} {
		if strings.Contains(html, bad) {
			t.Errorf("page holds raw %q", bad)
		}
	}
	if !strings.Contains(html, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Errorf("page does not show the hostile text escaped")
	}
}

func TestStoryPageRendersEverySection(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	rep, _ := syntheticReport()
	w := httptest.NewRecorder()
	f.srv.render(w, httptest.NewRequest("GET", "/stories/s1", nil), 200, "story.html", page{Title: rep.Story.Title, Data: buildStoryView(rep, matrixFilter{})})
	html := w.Body.String()
	if w.Code != 200 {
		t.Fatalf("status %d: %s", w.Code, html)
	}
	for _, want := range []string{
		`<p class="value">45 minutes</p>`,
		`<p class="value">20 minutes</p>`,
		`The envoy left after <mark class="hl-value">45 minutes</mark>.`,
		`<td class="c states"><span aria-hidden="true">●</span><span class="sr">states it</span></td>`,
		`<td class="c contradicts"><span aria-hidden="true">✕</span><span class="sr">gives another value</span></td>`,
		`<td class="c omits"><span aria-hidden="true">○</span><span class="sr">leaves it out</span></td>`,
		`<caption class="sr">Disputed claims: what each outlet says of each claim</caption>`,
		`<th scope="col" class="outlet">`,
		`<span id="conflict-count">1 conflict</span>`,
		`class="bar-claims"`, `class="bar-omitted"`,
		`<summary>2 wordings</summary>`,
		`<th scope="row">Reuters</th><td>agency</td>`,
		`<time>4 Sep 2025</time>`,
		`href="#conflict-a1-0"`,
		`<a class="permalink" href="/stories/s1/claims/a1-0">link</a>`,
		`<a class="ref" href="/articles/a3">Outlet C</a>`,
	} {
		if !strings.Contains(html, want) {
			t.Errorf("story page lacks %s", want)
		}
	}
	assertInert(t, html)
	// Disputed claims come first in the matrix.
	if i, j := strings.Index(html, `id="claim-a1-0"`), strings.Index(html, `id="claim-a1-87"`); i < 0 || j < 0 || i > j {
		t.Errorf("matrix order: disputed claim at %d, single-source at %d", i, j)
	}
}

func TestArticlePageMarksItsClaims(t *testing.T) {
	f := newFixture(t, fixtureOptions{})
	rep, a1 := syntheticReport()
	v := buildArticleView(a1, rep)
	body := string(v.Body)
	for _, want := range []string{
		`<a class="mark-link" href="/stories/s1#claim-a1-0"><mark class="hl-claim-disputed">The envoy left after </mark><mark class="hl-claim-disputed hl-value">45 minutes</mark>`,
		`<mark class="hl-quote">We are ready,</mark>`,
		`<mark class="hl-attr">Reuters</mark>`,
		`<a class="mark-link" href="/stories/s1#claim-a1-87"><mark class="hl-claim-single">&lt;script&gt;alert(1)&lt;/script&gt;`,
	} {
		if !strings.Contains(body, want) {
			t.Errorf("article body lacks %s\nbody: %s", want, body)
		}
	}
	if v.Counts.Claims != 2 || v.Counts.Quotes != 1 || v.Counts.Attributions != 1 || v.Counts.Conflicts != 1 {
		t.Errorf("counts = %+v, want 2 claims, 1 quote, 1 attribution, 1 conflict", v.Counts)
	}
	if len(v.Related) != 2 || v.Related[0].Article != "a2" || v.Related[0].Contradicts != 1 {
		t.Errorf("related = %+v, want a2 first with one conflict", v.Related)
	}
	w := httptest.NewRecorder()
	f.srv.render(w, httptest.NewRequest("GET", "/articles/a1", nil), 200, "article.html", page{Title: a1.Title, Data: v})
	assertInert(t, w.Body.String())
}

func TestArticleURLLinkedOnlyWhenHTTP(t *testing.T) {
	for _, tc := range []struct {
		url, source, want string
	}{
		{"https://news.example/a", "x.txt", "https://news.example/a"},
		{"javascript:alert(1)", "x.txt", ""},
		{"", "https://news.example/b", "https://news.example/b"},
		{"", "javascript:alert(1)", ""},
		{"data:text/html,x", "/etc/passwd", ""},
	} {
		a := &crosscheck.Article{ID: "a", URL: tc.url, Source: tc.source, Text: "x"}
		if got := buildArticleView(a, nil).URL; got != tc.want {
			t.Errorf("URL %q source %q: link %q, want %q", tc.url, tc.source, got, tc.want)
		}
	}
}
