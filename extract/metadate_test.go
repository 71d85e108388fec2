package extract

import (
	"testing"
	"time"
)

// TestShownDates: what a page shows its readers against what its markup
// says, on pages of html-metadata's kinds.
func TestShownDates(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	meta := func(src metaSource, key, s string) metaValue { return metaValue{src: src, key: key, val: s} }
	line := func(key, s string, outside bool) metaValue {
		return metaValue{src: fromDateline, key: key, val: s, outside: outside}
	}
	day := func(s string) metaTime { d, _ := time.Parse(time.DateOnly, s); return metaTime{t: d} }
	cases := []struct {
		name     string
		pub, mod []metaValue
		visible  metaTime
		want     string
	}{
		{"a shown update dates a page that shows no publication",
			[]metaValue{meta(fromMetaName, "date", "2020-04-29")},
			[]metaValue{line("labelled", "28.04.2020 18:00 Uhr", false)}, day("2020-04-29"), "2020-04-28"},
		{"a page that shows both dates is dated by its publication",
			[]metaValue{meta(fromJSONLD, "", "2022-01-11T10:00:00+01:00"), {src: fromTimeTag, val: "2022-01-11T10:00:00+01:00"}},
			[]metaValue{meta(fromJSONLD, "", "2022-01-21T10:00:00+01:00"), line("labelled", "21.01.2022", false)}, metaTime{}, "2022-01-11T10:00:00+01:00"},
		{"an unlabelled date line on the day of the modification is a reissue",
			[]metaValue{meta(fromJSONLD, "", "2020-01-03T09:48:24Z"), meta(fromOpenGraph, "article:published_time", "2020-01-03T09:48:24Z"), line("marked", "Monday, 6 January 2020", false)},
			[]metaValue{meta(fromJSONLD, "", "2020-01-06T09:22:36Z")}, day("2020-01-03"), "2020-01-06"},
		{"a teaser's date beside the article is no reissue",
			[]metaValue{meta(fromJSONLD, "", "2020-01-03T09:48:24+01:00"), line("marked", "Monday, 6 January 2020", true)},
			[]metaValue{meta(fromJSONLD, "", "2020-01-06T09:22:36+01:00")}, metaTime{}, "2020-01-03T09:48:24+01:00"},
		{"a generic meta date yields to the date the page shows",
			[]metaValue{meta(fromDublinCore, "dc.date", "2021-10-15"), meta(fromMetaName, "date", "2021-10-15"), line("labelled", "13.10.2021", true)},
			nil, day("2021-10-15"), "2021-10-13"},
		{"a stated publication date outweighs an unlabelled date line",
			[]metaValue{meta(fromOpenGraph, "article:published_time", "2021-10-15"), line("marked", "13.10.2021", false)},
			nil, metaTime{}, "2021-10-15"},
		{"a date line in numbers is read in the order the markup confirms",
			[]metaValue{meta(fromJSONLD, "", "2021-11-01T05:00:14+01:00")},
			[]metaValue{line("labelled", "11/01/2021, 05:00", true)}, metaTime{}, "2021-11-01T05:00:14+01:00"},
		{"a shown update on the day the markup states keeps its instant",
			[]metaValue{meta(fromJSONLD, "", "2021-11-01T05:00:14+01:00")},
			[]metaValue{line("labelled", "01.11.2021, 09:00", false)}, metaTime{}, "2021-11-01T05:00:14+01:00"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			f := &pageFacts{published: tc.pub, modified: tc.mod, lang: "de"}
			got := resolveMetaVisible(f, "", tc.visible, now).published
			s := got.t.Format(time.DateOnly)
			if got.hasTime {
				s = got.t.Format(time.RFC3339)
			}
			if s != tc.want {
				t.Errorf("published %s, want %s", s, tc.want)
			}
		})
	}
}

// TestSettleNumeric: "11/01/2021" is the 1st of November beside markup
// that says so, the 11th of January beside none.
func TestSettleNumeric(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	vals := []metaValue{{src: fromDateline, key: "marked", val: "11/01/2021, 05:00"}}
	for _, tc := range []struct {
		markup string
		want   string
	}{{"2021-11-01T04:00:00Z", "2021-11-01"}, {"", "2021-01-11"}, {"2021-03-05", "2021-01-11"}} {
		stmts := readDates(vals, "de", now)
		var markup []dateStmt
		if tc.markup != "" {
			markup = readDates([]metaValue{{src: fromOpenGraph, val: tc.markup}}, "de", now)
		}
		settleNumeric(stmts, markup)
		if len(stmts) != 1 {
			t.Fatalf("markup %q: %d statements", tc.markup, len(stmts))
		}
		if got := stmts[0].mt.t.Format(time.DateOnly); got != tc.want {
			t.Errorf("markup %q: %s, want %s", tc.markup, got, tc.want)
		}
	}
}

// TestForeignDateYear: a date line read by go-dateparser keeps the year
// it writes; a reading relative to now is none.
func TestForeignDateYear(t *testing.T) {
	now := time.Date(2026, 12, 1, 0, 0, 0, 0, time.UTC)
	if d, ok := parseForeignDateLine("25/05/2025 21:57 h", "es", now); ok && d.t.Year() != 2025 {
		t.Errorf("read as %v, want 2025 or no date", d.t)
	}
	if d, ok := parseVisibleDate("Last updated on 20 Feb, 2020. 3 min read", "en", now); !ok || d.t.Format(time.DateOnly) != "2020-02-20" {
		t.Errorf("update line with reading time: %v %v, want 2020-02-20", d.t, ok)
	}
}

// TestVisibleDateMarks: dates a page marks for its readers without a
// class or a label: a calendar icon before the date, a bracketed date
// opening a paragraph.
func TestVisibleDateMarks(t *testing.T) {
	cases := []struct {
		name, page, want string
	}{
		{"calendar icon", `<div><span class="icon-calendar"></span>&nbsp; 12.01.2022</div>`, "12.01.2022"},
		{"font icon", `<span><i class="fa fa-calendar-alt"></i> 3. Mai 2022</span>`, "3. Mai 2022"},
		{"bracketed date opening the text", `<p>(21. November 2022) Energieverbraucher erhalten eine Preiserhöhung nach der nächsten.</p>`, "21. November 2022"},
		{"place and bracketed date", `<div><strong>Karlsruhe, (12.11.2021).</strong> Traditionell gedenken evangelische Christen.</div>`, "12.11.2021"},
		{"a bracketed date inside a sentence is none", `<p>The bridge that closed last year (21. November 2022) reopened on Monday.</p>`, ""},
		{"a bracketed aside without a year is none", `<p>(Pescasseroli, 14 Gennaio) Sono almeno 9 le femmine.</p>`, ""},
		{"place and a short year inside the brackets", `<div id="colonna_testo"><em>( Pescasseroli, 14 Gennaio 20 )</em><p>Sono almeno 9 le femmine.</p></div>`, "14 Gennaio 2020"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseHTML([]byte(`<!DOCTYPE html><html lang="de"><head><title>T</title></head><body><article><h1>T</h1>` + tc.page + `</article></body></html>`))
			if err != nil {
				t.Fatal(err)
			}
			got := ""
			if f := collectFacts(root); len(f.published) > 0 {
				got = f.published[0].val
			}
			if got != tc.want {
				t.Errorf("date line %q, want %q", got, tc.want)
			}
		})
	}
}
