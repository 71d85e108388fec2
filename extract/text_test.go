package extract

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

const parisDir = "../../shared/corpora/paris-2025-09-04"

// parisNow is a fixed reference time after the corpus was collected.
var parisNow = time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)

type parisExpected struct {
	Articles map[string]struct {
		OutletContains string `json:"outlet_contains"`
		Author         string `json:"author"`
		Published      string `json:"published"`
	} `json:"articles"`
	Boilerplate []string `json:"boilerplate"`
}

// TestParisCorpus checks the metadata of the five plain-text reports and
// that none of their boilerplate is left in the text.
func TestParisCorpus(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(parisDir, "expected.json"))
	if os.IsNotExist(err) {
		t.Skipf("paris corpus not found at %s", parisDir)
	}
	if err != nil {
		t.Fatal(err)
	}
	var want parisExpected
	if err := json.Unmarshal(raw, &want); err != nil {
		t.Fatal(err)
	}
	if len(want.Articles) == 0 {
		t.Fatal("expected.json lists no articles")
	}
	for name, w := range want.Articles {
		t.Run(name, func(t *testing.T) {
			body, err := os.ReadFile(filepath.Join(parisDir, name))
			if err != nil {
				t.Fatal(err)
			}
			a, err := Extract(&crosscheck.Document{Source: name, Format: crosscheck.FormatText, Body: body}, Options{Now: parisNow})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			if w.OutletContains == "" {
				if a.Outlet != "" {
					t.Errorf("outlet = %q, want empty: the text does not state it", a.Outlet)
				}
			} else if !strings.Contains(strings.ToLower(a.Outlet), w.OutletContains) {
				t.Errorf("outlet = %q, want it to contain %q", a.Outlet, w.OutletContains)
			}
			if w.Author != "" && a.Author != w.Author {
				t.Errorf("author = %q, want %q", a.Author, w.Author)
			}
			if w.Published != "" {
				if got := a.Published.Format(time.DateOnly); a.Published.IsZero() || got != w.Published {
					t.Errorf("published = %v, want %s", a.Published, w.Published)
				}
			}
			if a.Language != "en" {
				t.Errorf("language = %q, want en", a.Language)
			}
			for _, bp := range want.Boilerplate {
				if strings.Contains(a.Text, bp) {
					t.Errorf("boilerplate %q left in text", bp)
				}
			}
			if strings.Contains(string(body), "Correction:") && !strings.HasPrefix(a.Correction, "Correction:") {
				t.Errorf("correction = %q, want the notice", a.Correction)
			}
		})
	}
}

// checkArticle asserts the properties every article has: paragraphs and
// sentences are ordered, non-overlapping spans inside Text, sentences lie
// inside their paragraph, paragraphs are separated by a blank line, the
// text is valid UTF-8 and the hash is set.
func checkArticle(t testing.TB, a *crosscheck.Article) {
	t.Helper()
	if !utf8ValidString(a.Text) {
		t.Fatalf("text is not valid UTF-8")
	}
	if a.ID != "" {
		t.Errorf("ID = %q, want empty: the store sets it", a.ID)
	}
	if len(a.ContentHash) != 64 {
		t.Errorf("content hash = %q, want 64 hex digits", a.ContentHash)
	}
	prev := -2
	for i, p := range a.Paragraphs {
		if p.Start < 0 || p.End > len(a.Text) || p.Start >= p.End {
			t.Fatalf("paragraph %d span %v out of text of %d bytes", i, p, len(a.Text))
		}
		if i > 0 && a.Text[prev:p.Start] != "\n\n" {
			t.Fatalf("paragraph %d not separated by a blank line: %q", i, a.Text[prev:p.Start])
		}
		prev = p.End
	}
	if len(a.Paragraphs) > 0 && (a.Paragraphs[0].Start != 0 || a.Paragraphs[len(a.Paragraphs)-1].End != len(a.Text)) {
		t.Fatalf("paragraphs do not cover the text")
	}
	last := 0
	for i, s := range a.Sentences {
		if s.Start < last || s.End > len(a.Text) || s.Start >= s.End {
			t.Fatalf("sentence %d span %v out of order or out of text (last end %d, len %d)", i, s.Span, last, len(a.Text))
		}
		if s.Para < 0 || s.Para >= len(a.Paragraphs) {
			t.Fatalf("sentence %d in paragraph %d of %d", i, s.Para, len(a.Paragraphs))
		}
		if p := a.Paragraphs[s.Para]; s.Start < p.Start || s.End > p.End {
			t.Fatalf("sentence %d %v outside its paragraph %v", i, s.Span, p)
		}
		st := a.SentenceText(i)
		if strings.TrimSpace(st) != st {
			t.Fatalf("sentence %d has untrimmed space: %q", i, st)
		}
		last = s.End
	}
}

func utf8ValidString(s string) bool { return strings.ToValidUTF8(s, "\uFFFD") == s }

// The hand-written cases below use invented text.
func TestExtractTextMetadata(t *testing.T) {
	now := time.Date(2030, 6, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name                          string
		body                          string
		title, outlet, author, pubDay string
		dateOnly                      bool
		correction                    string
		notInText                     []string
		inText                        []string
	}{
		{
			name: "by line and published label",
			body: "Harbour Bridge Reopens After Repairs\n\nBy Jane Q. Doe and Rob Smith\n\nPublished on 12 March 2029\n\n" +
				"The harbour bridge reopened on Monday after eight months of repairs, officials said. Traffic was light.\n\n" +
				"Advertisement\n\nThe work cost more than planned, according to the city.\n",
			title: "Harbour Bridge Reopens After Repairs", author: "Jane Q. Doe and Rob Smith", pubDay: "2029-03-12", dateOnly: true,
			notInText: []string{"Advertisement", "Published on", "By Jane"},
		},
		{
			name: "staff label and time before weekday date",
			body: "Gadget Network Staff Mira Holt\n10:05 PM – Tuesday, October 2, 2029\n" +
				"A new dam on the upper river will open next spring, the regional water board said on Tuesday.\n" +
				"Get breaking news alerts delivered to your inbox. Sign up here. https://www.gadgetnet.example/alerts\n",
			outlet: "Gadget Network", author: "Mira Holt", pubDay: "2029-10-02",
			notInText: []string{"Staff", "alerts", "10:05"},
		},
		{
			name: "agency after the name",
			body: "Olive harvest falls short\nTomas Berg, Reuters\n" +
				"Farmers in the south picked a third fewer olives this year than last, the growers' union said.\n",
			title: "Olive harvest falls short", outlet: "Reuters", author: "Tomas Berg",
		},
		{
			name: "masthead with initials and section age line",
			body: "NL\nThe Northern Ledger\nFriday, January 4, 2030\n\nCity Council Approves Budget\n\nLocal 3 weeks ago\n\n" +
				"The council approved next year's budget on Thursday by a vote of seven to two.\n\n" +
				"© 2030 The Northern Ledger. All rights reserved.\n",
			title: "City Council Approves Budget", outlet: "The Northern Ledger", pubDay: "2030-01-04", dateOnly: true,
			notInText: []string{"Local 3 weeks ago", "Northern Ledger", "NL"},
		},
		{
			name: "prompt names the outlet, footer author",
			body: "The museum will stay closed through the summer while the roof is replaced, its director said.\n\n" +
				"Subscribe to Corvid.News Telegram channel and RSS!\n\nAuthor's name: Ana Lisboa\n",
			outlet: "Corvid.News", author: "Ana Lisboa",
			notInText: []string{"Subscribe", "Author"},
		},
		{
			name: "byline with a place beside the date line",
			body: "Envoys leave Geneva with no deal\nTalks stall over the ceasefire line as both sides dig in\nJane Doe in Geneva\nThu 4 Sep 2025 14.30 BST\n" +
				"Talks between the two delegations stalled on Thursday, officials said. Both sides blamed the other.\n",
			title: "Envoys leave Geneva with no deal", author: "Jane Doe", pubDay: "2025-09-04",
			notInText: []string{"Jane Doe in Geneva", "BST"},
			inText:    []string{"Talks stall over the ceasefire line"},
		},
		{
			name: "agency byline and updated stamp",
			body: "Talks stall as envoys leave Geneva\nBy Anna Berg and Tom Field, CNN\nUpdated 10:05 AM EDT, Thu September 4, 2025\n" +
				"Geneva (CNN) — Talks between the two delegations stalled on Thursday, officials said.\nShare\nTweet\nEmail\n" +
				"The next round is set for October, a spokesperson said.\n",
			title: "Talks stall as envoys leave Geneva", author: "Anna Berg and Tom Field", outlet: "CNN", pubDay: "2025-09-04",
			notInText: []string{"Tweet", "Updated", "By Anna"},
		},
		{
			name:  "a headline that ends like a newspaper is no masthead",
			body:  "The Last Daily News\nThe town's only paper printed its final edition on Friday after 120 years, its owners said.\n",
			title: "The Last Daily News",
		},
		{
			name:  "a headline ending in today is no age line",
			body:  "Markets Rally Today\nShares rose across Asia on Monday as investors welcomed the trade deal, dealers said.\n",
			title: "Markets Rally Today",
		},
		{
			name:  "carriage returns end lines",
			body:  "Harbour Bridge Reopens\r\rBy Jane Doe\r\rThe bridge reopened on Monday after eight months of repairs, officials said.\r",
			title: "Harbour Bridge Reopens", author: "Jane Doe",
		},
		{
			name:  "capitals over the date line are the masthead",
			body:  "KESTREL FM\nTuesday, October 14, 2025\n\nBoats rescue dozens\n\nRescue boats brought 40 people ashore on Tuesday after a ferry hit a reef, the coast guard said.\n",
			title: "Boats rescue dozens", outlet: "KESTREL FM", pubDay: "2025-10-14", dateOnly: true,
			notInText: []string{"KESTREL"},
		},
		{
			name:  "a section label over the date line is no masthead",
			body:  "WORLD NEWS\nTuesday, October 14, 2025\n\nBoats rescue dozens\n\nRescue boats brought 40 people ashore on Tuesday after a ferry hit a reef, the coast guard said.\n",
			title: "Boats rescue dozens", pubDay: "2025-10-14", dateOnly: true,
		},
		{
			name:  "published with a comma before the time",
			body:  "Ferry runs aground\n\nBy Ann Berg\n\nPublished 14 Oct 2025, 11:02\n\nThe ferry ran aground on rocks early on Tuesday, forcing the evacuation of all passengers, the coast guard said.\n",
			title: "Ferry runs aground", author: "Ann Berg", pubDay: "2025-10-14",
			notInText: []string{"Published"},
		},
		{
			name:  "the page's address on top names the site",
			body:  "https://www.tidewater-news.example/2025/10/ferry\nFerry runs aground\n\nThe ferry ran aground on rocks early on Tuesday, forcing the evacuation of all passengers, the coast guard said.\n",
			title: "Ferry runs aground", outlet: "tidewater-news.example",
			notInText: []string{"https://"},
		},
		{
			name: "a link in a prompt names the outlet's domain",
			body: "The city will plant 5,000 trees along the river next year, the mayor announced on Monday.\n\n" +
				"Stay informed! Receive breaking news alerts directly to your inbox. https://www.rivertown-news.example/alerts\n",
			outlet:    "rivertown-news.example",
			notInText: []string{"Stay informed", "https://"},
		},
		{
			name:   "a link in the body is not the outlet",
			body:   "The report, published at https://stats.example.org/report, shows a rise in rents across the region.\n",
			inText: []string{"https://stats.example.org/report"},
		},
		{
			name: "hard-wrapped paragraphs are joined",
			body: "The council met on Tuesday evening to discuss the new budget, which\nincludes money for two schools and a bridge over the river near the\nold mill, officials said after the meeting had ended.\n\n" +
				"Residents who spoke at the meeting asked for more money for the parks\nand for longer library hours on weekends, but the council did not\nagree to either request before the vote was taken.\n",
			inText: []string{"which includes money", "parks and for longer"},
		},
		{
			name: "no outlet when the text does not say",
			body: "Ministers met in Lisbon on Friday to discuss fishing quotas. They agreed on nothing.\n" +
				"Talks will resume next month, a spokesperson said.\n",
			notInText: []string{},
		},
		{
			name: "caption with credit and glued date",
			body: " date 2029-05-05 A ferry leaves the port at dawn. (JOHN ROE/POOL/AFP via Getty Images)\n\n" +
				"Ferry services resumed on Sunday after a two-day strike by port workers ended, the operator said.\n",
			pubDay: "2029-05-05", dateOnly: true,
			notInText: []string{"Getty", "ferry leaves the port"},
		},
		{
			name: "correction notice gives the title",
			body: "The festival drew a record crowd of 40,000 people on Saturday, organisers said.\n\n" +
				"Correction: Headline changed to “Festival draws record crowd”\n\nShare this post!\n",
			title: "Festival draws record crowd", correction: "Correction: Headline changed to “Festival draws record crowd”",
			notInText: []string{"Correction", "Share this"},
		},
		{
			name: "a future date is not the publication date",
			body: "Published: 2031-01-01\nThe launch is planned for the first day of next year, the agency said on Monday.\n",
		},
		{
			name:   "sentences with a period in the middle are not headlines",
			body:   "Rain is expected on Friday. Forecasters warned of flooding in low areas.\nRoads may close.\n",
			inText: []string{"Rain is expected on Friday."},
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			a, err := Extract(&crosscheck.Document{Source: "t", Format: crosscheck.FormatText, Body: []byte(tc.body)}, Options{Now: now})
			if err != nil {
				t.Fatal(err)
			}
			checkArticle(t, a)
			// No headline stated: no title (the report says "untitled").
			wantTitle := tc.title
			if a.Title != wantTitle {
				t.Errorf("title = %q, want %q", a.Title, wantTitle)
			}
			if a.Outlet != tc.outlet {
				t.Errorf("outlet = %q, want %q", a.Outlet, tc.outlet)
			}
			if a.Author != tc.author {
				t.Errorf("author = %q, want %q", a.Author, tc.author)
			}
			got := ""
			if !a.Published.IsZero() {
				got = a.Published.Format(time.DateOnly)
			}
			if got != tc.pubDay {
				t.Errorf("published = %q, want %q", got, tc.pubDay)
			}
			if tc.pubDay != "" && a.PublishedDateOnly != tc.dateOnly {
				t.Errorf("date only = %v, want %v", a.PublishedDateOnly, tc.dateOnly)
			}
			if a.Correction != tc.correction {
				t.Errorf("correction = %q, want %q", a.Correction, tc.correction)
			}
			for _, s := range tc.notInText {
				if strings.Contains(a.Text, s) {
					t.Errorf("text holds %q:\n%s", s, a.Text)
				}
			}
			for _, s := range tc.inText {
				if !strings.Contains(a.Text, s) {
					t.Errorf("text lacks %q:\n%s", s, a.Text)
				}
			}
		})
	}
}

func TestExtractErrors(t *testing.T) {
	tests := []struct {
		name string
		doc  *crosscheck.Document
		want string
	}{
		{"nil", nil, "empty document"},
		{"empty", &crosscheck.Document{Format: crosscheck.FormatText, Body: []byte(" \n\t")}, "empty document"},
		{"format", &crosscheck.Document{Format: "pdf", Body: []byte("x")}, "unknown document format"},
		{"only boilerplate", &crosscheck.Document{Format: crosscheck.FormatText, Body: []byte("Advertisement\n\nShare this post!\n")}, "no article text found"},
		{"empty html", &crosscheck.Document{Format: crosscheck.FormatHTML, Body: []byte("<html><body><nav>Home</nav></body></html>")}, "no article text found"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, err := Extract(tc.doc, Options{})
			if err == nil {
				t.Fatalf("no error, want %q", tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error = %q, want it to contain %q", err, tc.want)
			}
			if got := crosscheck.ErrorCode(err); got != crosscheck.EINVALID {
				t.Errorf("code = %q, want %q", got, crosscheck.EINVALID)
			}
		})
	}
}

func TestDocumentMetaWins(t *testing.T) {
	pub := time.Date(2029, 2, 3, 4, 5, 6, 0, time.UTC)
	doc := &crosscheck.Document{
		Source: "feed#1", URL: "https://example.org/a", Format: crosscheck.FormatText,
		Body: []byte("Snow Closes Mountain Pass\nBy Lee Park\nPublished 1 February 2029\nThe pass closed on Friday after heavy snow, police said.\n"),
		Meta: crosscheck.Meta{Title: "Given title", Outlet: "Given Outlet", Published: pub, Language: "de"},
	}
	a0, err := Extract(&crosscheck.Document{Format: crosscheck.FormatText, Body: []byte("Given title.\nThe pass closed on Friday after heavy snow, police said. It reopened on Sunday.\n"),
		Meta: crosscheck.Meta{Title: "Given Title."}}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(a0.Text, "Given") {
		t.Errorf("the container's title repeated in the text: %q", a0.Text)
	}
	a, err := Extract(doc, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Given title" || a.Outlet != "Given Outlet" || !a.Published.Equal(pub) || a.Language != "de" {
		t.Errorf("meta = %+v, want the document's", a.Meta)
	}
	if strings.Contains(a.Text, "Snow Closes") {
		t.Errorf("headline left in text: %q", a.Text)
	}
	if a.Author != "Lee Park" {
		t.Errorf("author = %q, want the extracted Lee Park", a.Author)
	}
	a1, err := Extract(&crosscheck.Document{Format: crosscheck.FormatText, URL: "https://www.valley-herald.example/news/1",
		Body: []byte("The pass closed on Friday after heavy snow, police said. It reopened on Sunday.\n")}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if a1.Outlet != "valley-herald.example" {
		t.Errorf("outlet = %q, want the document URL's site", a1.Outlet)
	}
	if a.Source != "feed#1" || a.URL != "https://example.org/a" {
		t.Errorf("source, url = %q, %q", a.Source, a.URL)
	}
}

func TestContentHash(t *testing.T) {
	a := contentHash("Hello  World\n\nAgain")
	b := contentHash("hello world again")
	if a != b {
		t.Errorf("hash differs on case and whitespace: %s vs %s", a, b)
	}
	if c := contentHash("hello world, again"); c == a {
		t.Errorf("hash equal for different text")
	}
}

func TestParseDateLine(t *testing.T) {
	tests := []struct {
		in       string
		want     string // RFC 3339, "" for no date line
		dateOnly bool
		label    string
	}{
		{"Published On 4 Sep 2029", "2029-09-04T00:00:00Z", true, "published"},
		{"8:46 AM – Thursday, September 4, 2029", "2029-09-04T08:46:00Z", false, ""},
		{"Saturday, November 8, 2029", "2029-11-08T00:00:00Z", true, ""},
		{"2029-09-04", "2029-09-04T00:00:00Z", true, ""},
		{"Updated: Sept. 5, 2029 at 3:10 p.m. ET", "2029-09-05T15:10:00Z", false, "updated"},
		{"05.09.2029", "2029-09-05T00:00:00Z", true, ""},
		{"March 3rd, 2029", "2029-03-03T00:00:00Z", true, ""},
		{"2029-09-04T10:11:12Z", "2029-09-04T10:11:12Z", false, ""},
		{"February 30, 2029", "", false, ""},
		{"The vote is on 4 September 2029", "", false, ""},
		{"Room 12, 2029 entries", "", false, ""},
		{"Just words here", "", false, ""},
	}
	for _, tc := range tests {
		d, ok := parseDateLine(tc.in)
		if tc.want == "" {
			if ok {
				t.Errorf("parseDateLine(%q) = %v, want no date line", tc.in, d.t)
			}
			continue
		}
		if !ok {
			t.Errorf("parseDateLine(%q): no date, want %s", tc.in, tc.want)
			continue
		}
		if got := d.t.Format(time.RFC3339); got != tc.want || d.dateOnly != tc.dateOnly || d.label != tc.label {
			t.Errorf("parseDateLine(%q) = %s only=%v label=%q, want %s only=%v label=%q", tc.in, got, d.dateOnly, d.label, tc.want, tc.dateOnly, tc.label)
		}
	}
}

func TestParseByline(t *testing.T) {
	tests := []struct {
		in, author, outlet string
	}{
		{"By Jane Doe", "Jane Doe", ""},
		{"by JANE DOE", "JANE DOE", ""},
		{"Author`s name Ivan Petrov", "Ivan Petrov", ""},
		{"Author’s name: Ivan Petrov", "Ivan Petrov", ""},
		{"Written by Ana de la Cruz", "Ana de la Cruz", ""},
		{"KXY Staff Lina Moss", "Lina Moss", "KXY"},
		{"Jane Doe, Reuters", "Jane Doe", "Reuters"},
		{"By Jane Doe | The Valley Herald", "Jane Doe", "The Valley Herald"},
		{"By Jane Doe, Staff Writer", "Jane Doe", ""},
		{"Reporting by Tom Hale and Ute Berg; Editing by Kim Li", "Tom Hale and Ute Berg", ""},
		{"By the way, nothing happened", "", ""},
		{"By Reuters", "Reuters", ""},
		{"Author: Ivan Petrov, Novosti.Example", "Ivan Petrov", "Novosti.Example"},
		{"By Jane Doe, John Roe and Ann Lee", "Jane Doe, John Roe and Ann Lee", ""},
		{"By Jane Doe, Paris", "Jane Doe", ""},
		{"By Jane Doe and John Roe, CNN", "Jane Doe and John Roe", "CNN"},
		{"By Thursday, 40 people had left", "", ""},
		{"Paris, France", "", ""},
	}
	for _, tc := range tests {
		a, o, ok := parseByline(tc.in)
		if tc.author == "" {
			if ok {
				t.Errorf("parseByline(%q) = %q, %q, want no byline", tc.in, a, o)
			}
			continue
		}
		if !ok || a != tc.author || o != tc.outlet {
			t.Errorf("parseByline(%q) = %q, %q, %v, want %q, %q", tc.in, a, o, ok, tc.author, tc.outlet)
		}
	}
}

func TestSentences(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"abbreviations", "Mr. Smith met Dr. Jones in the U.S. capital on Sept. 4. They talked.",
			[]string{"Mr. Smith met Dr. Jones in the U.S. capital on Sept. 4.", "They talked."}},
		{"dotted abbreviation ends a sentence", "He moved to the U.S. The family followed.",
			[]string{"He moved to the U.S.", "The family followed."}},
		{"initials", "The novel by J. R. Tolkin sold well. Critics agreed.",
			[]string{"The novel by J. R. Tolkin sold well.", "Critics agreed."}},
		{"decimals", "Growth was 2.5 percent. Prices rose 0.3% in May.",
			[]string{"Growth was 2.5 percent.", "Prices rose 0.3% in May."}},
		{"quote ending with period", `He said "we are done." Then he left.`,
			[]string{`He said "we are done."`, "Then he left."}},
		{"curly quote ending", "She said “it is over.” The crowd cheered.",
			[]string{"She said “it is over.”", "The crowd cheered."}},
		{"quotation kept whole", "“Why now? It is late. We wait,” the mayor said. Nobody answered.",
			[]string{"“Why now? It is late. We wait,” the mayor said.", "Nobody answered."}},
		{"question and exclamation", "Is it true? Yes! It is.",
			[]string{"Is it true?", "Yes!", "It is."}},
		{"lowercase after period", "The approx. figure is e.g. small. Done.",
			[]string{"The approx. figure is e.g. small.", "Done."}},
		{"domain names", "Visit example.com for more. Thanks.",
			[]string{"Visit example.com for more.", "Thanks."}},
		{"times", "It began at 8 a.m. Monday and ended at 5 p.m. The staff went home.",
			[]string{"It began at 8 a.m. Monday and ended at 5 p.m.", "The staff went home."}},
		{"ellipsis", "He paused... Then he spoke.",
			[]string{"He paused...", "Then he spoke."}},
		{"no terminator", "A line without an end", []string{"A line without an end"}},
		{"spaced decimal", "It was a magnitude - 5. 9 quake. The 6. 1 - magnitude quake hit at 1: 53 p. m. local time. It ended.",
			[]string{"It was a magnitude - 5. 9 quake.", "The 6. 1 - magnitude quake hit at 1: 53 p. m. local time.", "It ended."}},
		{"number abbreviation", "He ranked No. 5 in the poll. The answer was No. Then he left.",
			[]string{"He ranked No. 5 in the poll.", "The answer was No.", "Then he left."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			text := "First paragraph.\n\n" + tc.in
			p := crosscheck.Span{Start: len("First paragraph.\n\n"), End: len(text)}
			sents := splitSentences(text, p, 1, nil)
			var got []string
			for _, s := range sents {
				if s.Para != 1 {
					t.Errorf("para = %d, want 1", s.Para)
				}
				got = append(got, text[s.Start:s.End])
			}
			if strings.Join(got, "|") != strings.Join(tc.want, "|") {
				t.Errorf("got  %q\nwant %q", got, tc.want)
			}
		})
	}
}

func TestHTMLMetadata(t *testing.T) {
	page := `<!DOCTYPE html><html lang="en"><head><title>Bridge reopens after repairs | Valley Herald</title>
<meta property="og:site_name" content="Valley Herald">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2025-03-12T09:30:00Z">
</head><body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Bridge reopens after repairs</h1>
<p>The harbour bridge reopened on Monday after eight months of repairs, city officials said at a news conference held beside the river.</p>
<p>Drivers returned quickly. By noon the traffic was as heavy as before the closure, and the police had sent extra officers to the junctions.</p>
<p>The work cost more than planned, according to the city's own figures, because steel prices rose twice during the year.</p>
<p>Correction: An earlier version of this article misstated the length of the repairs.</p>
</article><footer>© 2025 Valley Herald</footer></body></html>`
	a, err := Extract(&crosscheck.Document{Source: "p", Format: crosscheck.FormatHTML, Body: []byte(page)}, Options{})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Title != "Bridge reopens after repairs" {
		t.Errorf("title = %q", a.Title)
	}
	if a.Outlet != "Valley Herald" || a.Author != "Jane Doe" || a.Language != "en" {
		t.Errorf("outlet, author, language = %q, %q, %q", a.Outlet, a.Author, a.Language)
	}
	if got := a.Published.Format(time.DateOnly); got != "2025-03-12" {
		t.Errorf("published = %v", a.Published)
	}
	if !strings.HasPrefix(a.Text, "The harbour bridge reopened") {
		t.Errorf("text starts %q, want the first paragraph without the headline", a.Text[:min(40, len(a.Text))])
	}
	if len(a.Paragraphs) != 3 {
		t.Errorf("%d paragraphs, want 3", len(a.Paragraphs))
	}
	if !strings.HasPrefix(a.Correction, "Correction: An earlier version") || strings.Contains(a.Text, "Correction") {
		t.Errorf("correction = %q", a.Correction)
	}
}

func TestForeignText(t *testing.T) {
	body := "Le pont rouvre après huit mois de travaux\n\nPublié le 12 mars 2025\n\n" +
		"Le pont du port a rouvert lundi après huit mois de travaux, ont indiqué les responsables de la ville. " +
		"La circulation était fluide dans la matinée et les commerçants du quartier se sont réjouis de la nouvelle.\n\n" +
		"Les travaux ont coûté plus cher que prévu, selon les chiffres publiés par la mairie.\n"
	a, err := Extract(&crosscheck.Document{Source: "fr", Format: crosscheck.FormatText, Body: []byte(body)}, Options{Now: parisNow})
	if err != nil {
		t.Fatal(err)
	}
	checkArticle(t, a)
	if a.Language != "fr" {
		t.Errorf("language = %q, want fr", a.Language)
	}
	if got := a.Published.Format(time.DateOnly); a.Published.IsZero() || got != "2025-03-12" {
		t.Errorf("published = %v, want 2025-03-12", a.Published)
	}
	if a.Title != "Le pont rouvre après huit mois de travaux" {
		t.Errorf("title = %q", a.Title)
	}
	if strings.Contains(a.Text, "Publié") {
		t.Errorf("date line left in text")
	}
}

func TestResolveDate(t *testing.T) {
	base := time.Date(2025, 11, 8, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		in, lang, want string
	}{
		{"2 months ago", "en", "2025-09-08"},
		{"3 days ago", "", "2025-11-05"},
		{"yesterday", "en", "2025-11-07"},
		{"il y a 2 jours", "fr", "2025-11-06"},
		{"4 Sep 2025", "en", "2025-09-04"},
		{"no date in here at all", "en", ""},
	}
	for _, tc := range tests {
		got, ok := ResolveDate(tc.in, base, tc.lang)
		s := ""
		if ok {
			s = got.Format(time.DateOnly)
		}
		if s != tc.want {
			t.Errorf("ResolveDate(%q) = %q, want %q", tc.in, s, tc.want)
		}
	}
}

func TestCleanHTMLMetadata(t *testing.T) {
	titles := []struct{ title, site, host, want string }{
		{"Bridge reopens | Valley Herald", "Valley Herald", "", "Bridge reopens"},
		{"Bridge reopens - Valley Herald", "", "www.valleyherald.example", "Bridge reopens"},
		{"Valley Herald | Local news for all: Bridge reopens", "Valley Herald | Local news for all", "", "Bridge reopens"},
		{"Opinion | Bridges are good", "Valley Herald", "", "Opinion | Bridges are good"},
		{"Bridge reopens: what we know", "Valley Herald", "", "Bridge reopens: what we know"},
	}
	for _, tc := range titles {
		if got := cleanTitle(tc.title, tc.site, tc.host); got != tc.want {
			t.Errorf("cleanTitle(%q, %q, %q) = %q, want %q", tc.title, tc.site, tc.host, got, tc.want)
		}
	}
	outlets := []struct{ site, host, want string }{
		{"Valley Herald", "valleyherald.example", "Valley Herald"},
		{"https://www.valleyherald.example", "", "valleyherald.example"},
		{"https://www.facebook.com/ValleyHerald", "www.valleyherald.example", "valleyherald.example"},
		{"Valley Herald | Local news; Valley Herald", "", "Valley Herald"},
		{"Copyright 2019", "valleyherald.example", "valleyherald.example"},
		{"", "", ""},
	}
	for _, tc := range outlets {
		if got := cleanOutlet(tc.site, tc.host); got != tc.want {
			t.Errorf("cleanOutlet(%q, %q) = %q, want %q", tc.site, tc.host, got, tc.want)
		}
	}
	authors := []struct{ in, want string }{
		{"Jane Doe", "Jane Doe"},
		{"Jane Doe; CNN Business", "Jane Doe"},
		{"Analysis by Jane Doe; CNN Editor-at-large", "Jane Doe"},
		{"Jane Doe Monday; November", "Jane Doe"},
		{"JANE DOE; AP Science Writer", "JANE DOE"},
		{"Jane Doe; Rob Roe", "Jane Doe, Rob Roe"},
		{"Reuters", "Reuters"},
		{"Herald Staff", ""},
		{"Admin", ""},
		{"Space Agency", ""},
		{"No Author", ""},
		{"Stephangoeldi Said", ""},
		{"Christoph von Eichhorn", "Christoph von Eichhorn"},
	}
	for _, tc := range authors {
		if got := cleanAuthor(tc.in); got != tc.want {
			t.Errorf("cleanAuthor(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestMoreDateLines(t *testing.T) {
	d, ok := parseDateLine("Last modified on Thu 4 Sep 2025 10.20 BST")
	if !ok || d.t.Format(time.RFC3339) != "2025-09-04T10:20:00Z" || d.label != "updated" {
		t.Errorf("got %v %v %q", d.t, ok, d.label)
	}
	d, ok = parseDateLine("Posted May 3, 2013 8:10 am Updated May 4, 2013 9:00 am")
	if !ok || d.t.Format(time.RFC3339) != "2013-05-03T08:10:00Z" || d.label != "published" {
		t.Errorf("got %v %v %q", d.t, ok, d.label)
	}
	if looksDateish("Budget for May 2026 approved by council") {
		t.Errorf("a headline with a month and a year taken for a date line")
	}
	if !looksDateish("CAIRO, May 2, 2013, 1: 12 PM") {
		t.Errorf("a broken date line not recognised")
	}
}

func TestSentencesLists(t *testing.T) {
	text := "1. Preheat the oven. Then wait. Sens. Doe and Roe voted. Viera d. Palm Bay 3-1."
	sents := splitSentences(text, crosscheck.Span{Start: 0, End: len(text)}, 0, nil)
	var got []string
	for _, s := range sents {
		got = append(got, text[s.Start:s.End])
	}
	want := []string{"1. Preheat the oven.", "Then wait.", "Sens. Doe and Roe voted.", "Viera d. Palm Bay 3-1."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}

// TestHeadlineOnlyItem: a feed entry or a record that gives a title and a
// short line, or a title over a date line only, is a whole item (issue
// 10): its text is the line, or the headline when the body held only
// metadata. A short body without a title is still refused.
func TestHeadlineOnlyItem(t *testing.T) {
	tests := []struct {
		name, title, body, text string
	}{
		{"short line", "Deputy Sheriff", "Deputy Sheriff", "Deputy Sheriff"},
		{"date line only", "May 2, 2013, 1: 12 PM", "May 2, 2013, 1: 12 PM", "May 2, 2013, 1: 12 PM"},
		{"headline over a date line", "Lindsay Lohan checks into Betty Ford Center", "Friday, June 7, 2013", "Lindsay Lohan checks into Betty Ford Center"},
		{"headline and summary", "Quake hits Iran", "Five hurt on Qeshm island.", "Five hurt on Qeshm island."},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := &crosscheck.Document{Source: "feed#1", Format: crosscheck.FormatText, Body: []byte(tc.body), Meta: crosscheck.Meta{Title: tc.title}}
			a, err := Extract(doc, Options{Now: time.Date(2025, 1, 1, 0, 0, 0, 0, time.UTC)})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if got, want := a.Text, tc.text; got != want {
				t.Errorf("text = %q, want %q", got, want)
			}
			if got, want := a.Title, tc.title; got != want {
				t.Errorf("title = %q, want %q", got, want)
			}
			if len(a.Sentences) == 0 {
				t.Error("no sentences")
			}
		})
	}
	_, err := Extract(&crosscheck.Document{Format: crosscheck.FormatText, Body: []byte("Deputy Sheriff")}, Options{})
	if err == nil || !strings.Contains(err.Error(), "no article text found") {
		t.Errorf("untitled fragment: err = %v, want no article text found", err)
	}
	_, err = Extract(&crosscheck.Document{Format: crosscheck.FormatText, Body: []byte(" \n"), Meta: crosscheck.Meta{Title: "A title"}}, Options{})
	if err == nil || !strings.Contains(err.Error(), "empty document") {
		t.Errorf("empty body: err = %v, want empty document", err)
	}
}
