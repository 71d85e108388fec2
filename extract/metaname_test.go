package extract

import (
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// TestParseAuthorValue reads author fields and bylines as pages write them.
func TestParseAuthorValue(t *testing.T) {
	cases := []struct {
		name   string
		in     string
		trust  nameTrust
		site   string
		people string // joined with "|"
		orgs   string
		agency string
	}{
		{"plain byline", "By Jane Doe", strictNames, "", "Jane Doe", "", ""},
		{"two people", "By Jane Doe and John Roe", strictNames, "", "Jane Doe|John Roe", "", ""},
		{"german byline with date", "Von Jane Doe | 12.03.2020, 10:00 Uhr", labelledNames, "", "Jane Doe", "", ""},
		{"agency credited", "By Jane Doe, Reuters", strictNames, "", "Jane Doe", "Reuters", "Reuters"},
		{"agency in brackets", "Jane Doe (AFP)", lenientNames, "", "Jane Doe", "AFP", "AFP"},
		{"job title after the name", "Jane Doe, Senior Correspondent", strictNames, "", "Jane Doe", "", ""},
		{"job title before the name", "Staff Writer Jane Doe", lenientNames, "", "Jane Doe", "", ""},
		{"staff is no one", "Herald Staff", lenientNames, "", "", "", ""},
		{"desk is no person but credited", "Redaktion", lenientNames, "", "", "Redaktion", ""},
		{"an outlet's desk", "BR24 Redaktion", lenientNames, "", "", "BR24 Redaktion", ""},
		{"a person beside the desk", "Michael Rädel, Redaktion", lenientNames, "", "Michael Rädel", "Redaktion", ""},
		{"navigation is no one", "Read more", lenientNames, "", "", "", ""},
		{"particles", "Christoph von Eichhorn", strictNames, "", "Christoph von Eichhorn", "", ""},
		{"initials", "R.C. Baker", lenientNames, "", "R.C. Baker", "", ""},
		{"surname in capitals", "Von: Bill MCCARTHY, Marisha GOLDHAMER", strictNames, "", "Bill MCCARTHY|Marisha GOLDHAMER", "", ""},
		{"a name that is a month", "Jan Lukas Strozyk", strictNames, "", "Jan Lukas Strozyk", "", ""},
		{"user name after a label", "von zahlenzauberin", labelledNames, "", "zahlenzauberin", "", ""},
		{"single name needs a label", "Heiko", labelledNames, "", "", "", ""},
		{"korean reporter title", "신현주 기자", strictNames, "", "신현주", "", ""},
		{"place after a full name", "Anna Sleegers, Frankfurt", lenientNames, "", "Anna Sleegers", "", ""},
		{"broadcaster in capitals", "David Straub, MDR THÜRINGEN", lenientNames, "", "David Straub", "MDR THÜRINGEN", ""},
		{"outlet naming itself", "Example Times", lenientNames, "Example Times", "", "Example Times", ""},
		{"organisation with a web address", "Deutsche Welle (www.dw.com)", lenientNames, "", "", "Deutsche Welle", ""},
		{"legal form", "Hanns-Seidel-Stiftung e.V.", lenientNames, "", "", "Hanns-Seidel-Stiftung e.V", ""},
		{"profile address", "https://www.facebook.com/janedoe", lenientNames, "", "", "", ""},
		{"social handle", "@janedoe", lenientNames, "", "", "", ""},
		{"agency sign", "det/dpa", lenientNames, "", "", "det/dpa", ""},
		{"label on its own line", "Von\nJane Doe", labelledNames, "", "Jane Doe", "", ""},
		{"caption is no byline", "Utopie oder Dystopie? In Südkorea zeigt eine App, an welchen Orten Menschen waren, die später positiv auf Corona getestet wurden", labelledNames, "", "", "", ""},
		{"comment header", "Stephangoeldi said", lenientNames, "", "", "", ""},
		{"follow button beside the name", "Inga Hoeltmann Follow", lenientNames, "", "Inga Hoeltmann", "", ""},
		{"chinese editor label", "责任编辑：  焦鹏", strictNames, "", "焦鹏", "", ""},
		{"byline in brackets, names in a chinese list", "(责编：牛镛、岳弘彬)", strictNames, "", "牛镛|岳弘彬", "", ""},
		{"agency still credited beside a bracketed name", "Jane Doe (Reuters)", strictNames, "", "Jane Doe", "Reuters", "Reuters"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			p := parseAuthorValue(tc.in, tc.trust, tc.site)
			if got := strings.Join(p.people, "|"); got != tc.people {
				t.Errorf("people = %q, want %q", got, tc.people)
			}
			if got := strings.Join(p.orgs, "|"); got != tc.orgs {
				t.Errorf("orgs = %q, want %q", got, tc.orgs)
			}
			if p.agency != tc.agency {
				t.Errorf("agency = %q, want %q", p.agency, tc.agency)
			}
		})
	}
}

// TestParseMetaDate reads dates as metadata writes them, keeping the zone.
func TestParseMetaDate(t *testing.T) {
	cases := []struct {
		in      string
		want    string // RFC 3339 with time, DateOnly without
		hasTime bool
	}{
		{"2025-03-12T09:30:00Z", "2025-03-12T09:30:00Z", true},
		{"2025-03-12T09:30:00+01:00", "2025-03-12T09:30:00+01:00", true},
		{"2025-03-12T09:30:00.123+0100", "2025-03-12T09:30:00+01:00", true},
		{"2025-03-12 09:30", "2025-03-12", false}, // no zone: the day only
		{"2025-03-12", "2025-03-12", false},
		{"20250312", "2025-03-12", false},
		{"Wed, 12 Mar 2025 09:30:00 GMT", "2025-03-12T09:30:00Z", true},
		{"Wed, 12 Mar 2025 09:30:00 +0200", "2025-03-12T09:30:00+02:00", true},
		{"1741771800", "2025-03-12T09:30:00Z", true},
		{"12.03.2025", "2025-03-12", false},
		{"March 12, 2025", "2025-03-12", false},
	}
	for _, tc := range cases {
		got, ok := parseMetaDate(tc.in)
		if !ok {
			t.Errorf("parseMetaDate(%q) failed", tc.in)
			continue
		}
		s := got.t.Format(time.DateOnly)
		if got.hasTime {
			s = got.t.Format(time.RFC3339)
		}
		if s != tc.want || got.hasTime != tc.hasTime {
			t.Errorf("parseMetaDate(%q) = %s (time %v), want %s (time %v)", tc.in, s, got.hasTime, tc.want, tc.hasTime)
		}
	}
	for _, bad := range []string{"", "yesterday", "2025-13-01", "2025-02-30", "12345"} {
		if got, ok := parseMetaDate(bad); ok {
			t.Errorf("parseMetaDate(%q) = %v, want no date", bad, got.t)
		}
	}
}

// TestChoosePublished: the vote of the sources on the publication day.
func TestChoosePublished(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	v := func(src metaSource, s string) metaValue { return metaValue{src: src, val: s} }
	day := func(s string) metaTime { d, _ := time.Parse(time.DateOnly, s); return metaTime{t: d} }
	cases := []struct {
		name    string
		vals    []metaValue
		visible metaTime
		want    string
	}{
		{"one source, its instant", []metaValue{v(fromOpenGraph, "2025-03-12T09:30:00+01:00")}, metaTime{}, "2025-03-12T09:30:00+01:00"},
		{"a day made precise by a later source", []metaValue{v(fromJSONLD, "2025-03-12"), v(fromOpenGraph, "2025-03-12T09:30:00+01:00")}, metaTime{}, "2025-03-12T09:30:00+01:00"},
		{"most sources agree", []metaValue{v(fromJSONLD, "2015-01-16T14:53:35+01:00"), v(fromOpenGraph, "2017-12-01T12:01:11+01:00"), v(fromTimeTag, "2017-12-01T12:01:11+01:00")}, day("2017-12-01"), "2017-12-01T12:01:11+01:00"},
		{"a UTC instant is the page's previous day", []metaValue{v(fromOpenGraph, "2022-05-04T00:25:56Z")}, day("2022-05-03"), "2022-05-03"},
		{"a UTC instant alone keeps its day", []metaValue{v(fromOpenGraph, "2022-05-04T00:25:56Z")}, metaTime{}, "2022-05-04T00:25:56Z"},
		{"the future is no publication date", []metaValue{v(fromJSONLD, "2030-01-01"), v(fromMetaName, "2025-03-12")}, metaTime{}, "2025-03-12"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got, _ := choosePublished(readDates(tc.vals, "", now), nil, tc.visible, nil, now)
			s := got.t.Format(time.DateOnly)
			if got.hasTime {
				s = got.t.Format(time.RFC3339)
			}
			if s != tc.want {
				t.Errorf("got %s, want %s", s, tc.want)
			}
		})
	}
}

// TestStructuredMetadata reads a page's metadata from JSON-LD (an @graph
// with an author list and a reference), keeps published and modified
// apart, and credits an agency listed among the authors.
func TestStructuredMetadata(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head>
<title>Bridge reopens after repairs | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<meta property="og:title" content="Bridge reopens after repairs">
<meta name="author" content="Valley Herald">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[
 {"@type":"NewsArticle","headline":"Bridge reopens after repairs",
  "author":[{"@id":"#jane"},{"@type":"Organization","name":"Reuters"}],
  "datePublished":"2025-03-12T09:30:00+01:00","dateModified":"2025-03-13T08:00:00+01:00",
  "publisher":{"@type":"NewsMediaOrganization","name":"Valley Herald Media Group"}},
 {"@type":"Person","@id":"#jane","name":"Jane Doe"}]}</script>
</head><body><nav><a href="/">Home</a></nav><article><h1>Bridge reopens after repairs</h1>
<p class="byline">By <a rel="author" href="/staff">Staff</a></p>
<p>The harbour bridge reopened on Monday after eight months of repairs, city officials said at a news conference held beside the river.</p>
<p>Drivers returned quickly. By noon the traffic was as heavy as before the closure, and the police had sent extra officers.</p>
</article></body></html>`
	a, err := Extract(&crosscheck.Document{Source: "p.html", Format: crosscheck.FormatHTML, Body: []byte(page)}, Options{Now: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Bridge reopens after repairs" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Author != "Jane Doe, Reuters" || a.Credit != "Reuters" {
		t.Errorf("author, credit = %q, %q, want the list as stated and the agency credited", a.Author, a.Credit)
	}
	if a.Outlet != "Valley Herald" {
		t.Errorf("outlet = %q, want og:site_name", a.Outlet)
	}
	if got := a.Published.Format(time.RFC3339); got != "2025-03-12T09:30:00+01:00" || a.PublishedDateOnly {
		t.Errorf("published = %s (date only %v), want the instant in the page's zone", got, a.PublishedDateOnly)
	}
	if got := a.Modified.Format(time.RFC3339); got != "2025-03-13T08:00:00+01:00" {
		t.Errorf("modified = %s", got)
	}
}

// FuzzAuthorValue: whatever the field holds, every name read from it is
// words the field holds; nothing is made up.
func FuzzAuthorValue(f *testing.F) {
	for _, s := range []string{"By Jane Doe and John Roe", "Von: Bill MCCARTHY, Marisha GOLDHAMER", "Jane Doe (Reuters)",
		"Deutsche Welle (www.dw.com)", "신현주 기자", "det/dpa", "Von\nJane Doe | 12.03.2020", "((((", "By By By"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		for _, trust := range []nameTrust{strictNames, labelledNames, lenientNames} {
			p := parseAuthorValue(s, trust, "Example Times")
			folded := strings.ToLower(foldSpace(strings.ToValidUTF8(s, "")))
			for _, n := range append(p.people, p.orgs...) {
				if n == "" || !utf8.ValidString(n) {
					t.Fatalf("name %q from %q", n, s)
				}
				for _, w := range strings.Fields(strings.ToLower(n)) {
					if !strings.Contains(folded, w) {
						t.Fatalf("name %q from %q holds %q, which the field does not", n, s, w)
					}
				}
			}
		}
	})
}

// FuzzMetaDate: a date read from metadata is a real day in range, and
// reading its own RFC 3339 form gives the same instant back.
func FuzzMetaDate(f *testing.F) {
	for _, s := range []string{"2025-03-12T09:30:00+01:00", "Wed, 12 Mar 2025 09:30:00 GMT", "20250312", "12.03.2025", "1741771800", "2025-03-12T25:61"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, ok := parseMetaDate(s)
		if !ok {
			return
		}
		if got.t.IsZero() {
			t.Fatalf("%q: zero time accepted", s)
		}
		if got.hasTime {
			again, ok := parseMetaDate(got.t.Format(time.RFC3339))
			if !ok || !again.t.Equal(got.t) || !again.hasTime {
				t.Fatalf("%q -> %v, read again -> %v %v", s, got.t, again.t, ok)
			}
		}
	})
}

// FuzzJSONLD: any script parses without panic, and what it yields is text.
func FuzzJSONLD(f *testing.F) {
	f.Add(`{"@graph":[{"@type":"NewsArticle","author":{"@id":"#a"}},{"@id":"#a","name":"Jane"}]}`)
	f.Add(`<!--{"@type":["Article"],"author":[{"name":"A"},"B"],"headline":"H"}-->`)
	f.Add(`{"@type":"Article","mainEntity":{"@type":"NewsArticle","headline":"x","author":{"@id":"#self"},"@id":"#self"}}`)
	f.Fuzz(func(t *testing.T, s string) {
		pf := &pageFacts{jsonld: []string{s}}
		addJSONLD(pf)
		for _, vs := range [][]metaValue{pf.titles, pf.authors, pf.published, pf.modified, pf.sites} {
			for _, v := range vs {
				if v.val == "" || !utf8.ValidString(v.val) && utf8.ValidString(s) {
					t.Fatalf("value %q from %q", v.val, s)
				}
			}
		}
	})
}

// FuzzReadStream: the token-stream reader returns one-line paragraphs of
// the page's text, whatever the page.
func FuzzReadStream(f *testing.F) {
	f.Add([]byte(`<html><head><title>T</title></head><body><article><p>One.</p><div class="related"><p>No.</p></div></article></body></html>`))
	f.Add([]byte(`<p>a</p><p>b</p></article></div></span><script>x</script>`))
	f.Add([]byte(strings.Repeat("<div>", 5000) + "deep" + strings.Repeat("</span>", 5000)))
	f.Fuzz(func(t *testing.T, body []byte) {
		paras, head := readStream(body)
		if len(head) > len(body) {
			t.Fatalf("head longer than the page")
		}
		for _, p := range paras {
			if p == "" || strings.ContainsAny(p, "\n\t") || p != foldSpace(p) {
				t.Fatalf("paragraph %q not one folded line", p)
			}
		}
	})
}

// FuzzFlattenHTML: a flattened page always parses, and its text is the
// page's text.
func FuzzFlattenHTML(f *testing.F) {
	f.Add([]byte(strings.Repeat("<div><b>", 300) + "text" + strings.Repeat("</b></div>", 300)))
	f.Add([]byte("<table><tr><td><script>x</script>a</td></tr></table>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		for _, depth := range []int{0, 8, flattenDepth} {
			out := flattenHTML(body, depth)
			if _, err := parseHTML(out); err != nil {
				t.Fatalf("depth %d: flattened page does not parse: %v", depth, err)
			}
		}
	})
}
