package claim

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// article builds an article from invented text, with sentences split by
// SplitSentences (extract does this in the pipeline).
func article(id, outlet, published, text string) *crosscheck.Article {
	a := &crosscheck.Article{ID: id, Source: id + ".txt", Text: text}
	a.Outlet = outlet
	if published != "" {
		t, err := time.Parse(time.DateOnly, published)
		if err != nil {
			panic(err)
		}
		a.Published = t
		a.PublishedDateOnly = true
	}
	a.Sentences = SplitSentences(text)
	return a
}

func TestSplitSentences(t *testing.T) {
	text := "The U.S. envoy arrived at 9 a.m. on Monday. “We are here,” he said.\n\nA second paragraph follows. Is it over?"
	got := SplitSentences(text)
	var sents []string
	for _, s := range got {
		sents = append(sents, text[s.Start:s.End])
	}
	want := []string{"The U.S. envoy arrived at 9 a.m. on Monday.", "“We are here,” he said.", "A second paragraph follows.", "Is it over?"}
	if strings.Join(sents, "|") != strings.Join(want, "|") {
		t.Fatalf("sentences=%q, want %q", sents, want)
	}
	if got[2].Para != 1 {
		t.Fatalf("para of third sentence=%d, want 1", got[2].Para)
	}
}

func TestValues(t *testing.T) {
	tests := []struct {
		name     string
		text     string
		kind     crosscheck.ValueKind
		unit     string
		min, max float64
	}{
		{"exact duration", "She left after 45 minutes.", crosscheck.ValueDuration, "second", 2700, 2700},
		{"approximate", "She left after approximately 20 minutes.", crosscheck.ValueDuration, "second", 900, 1500},
		{"less than an hour", "The talks lasted less than an hour.", crosscheck.ValueDuration, "second", 0, 3600},
		{"hyphenated", "They held a separate 25-minute meeting.", crosscheck.ValueDuration, "second", 1500, 1500},
		{"count", "Twelve countries pledged new funds on Monday.", crosscheck.ValueCount, "country", 12, 12},
		{"more than", "Delegations from more than 30 nations came.", crosscheck.ValueCount, "country", 30, Unbounded},
		{"as many as", "As many as 26 countries signed.", crosscheck.ValueCount, "country", 0, 26},
		{"percent", "Turnout rose by 12% in the city.", crosscheck.ValuePercent, "percent", 12, 12},
		{"money", "The fund holds $5 billion.", crosscheck.ValueMoney, "USD", 5e9, 5e9},
		{"and a half", "The talks lasted an hour and a half on Monday.", crosscheck.ValueDuration, "second", 5400, 5400},
		{"one and a half", "The talks lasted one and a half hours on Monday.", crosscheck.ValueDuration, "second", 5400, 5400},
		{"range", "The talks lasted between 20 and 30 minutes on Monday.", crosscheck.ValueDuration, "second", 1200, 1800},
		{"range with to", "The talks lasted 20 to 30 minutes on Monday.", crosscheck.ValueDuration, "second", 1200, 1800},
		{"vague plural", "Dozens of people were hurt in the crash on Monday.", crosscheck.ValueCount, "person", 24, 99},
		{"money suffix", "The fund holds $1.2bn in reserves.", crosscheck.ValueMoney, "USD", 1.2e9, 1.2e9},
		{"million people", "About 1.5 million people fled the city.", crosscheck.ValueCount, "person", 1.125e6, 1.875e6},
		{"a won-lost record", "The Sixers have a record of 9-14 this season.", crosscheck.ValueNumber, "record", 9014, 9014},
		{"a record after a verb", "Klitschko improved his record to 58 - 3 on Saturday.", crosscheck.ValueNumber, "record", 58003, 58003},
		{"a game's score", "It was an 88-72 setback at Cleveland.", crosscheck.ValueNumber, "score", 88072, 88072},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := Extract(article("a", "X", "2024-03-12", tt.text), Options{})
			var found *crosscheck.Value
			for _, f := range an.Facts {
				for i := range f.Values {
					if f.Values[i].Kind == tt.kind {
						found = &f.Values[i].Value
					}
				}
			}
			if found == nil {
				t.Fatalf("no %s value in %q: %+v", tt.kind, tt.text, an.Facts)
			}
			if found.Unit != tt.unit || found.Min != tt.min || found.Max != tt.max {
				t.Fatalf("value=%+v, want unit %s [%v,%v]", *found, tt.unit, tt.min, tt.max)
			}
			if !strings.Contains(tt.text, found.Text) {
				t.Fatalf("value text %q not in the sentence", found.Text)
			}
		})
	}
}

func TestBadSpans(t *testing.T) {
	a := article("a", "X", "2024-03-12", "Mayor Ana Ruiz reopened the bridge over the river on Monday.")
	a.Sentences = []crosscheck.Sentence{{Span: crosscheck.Span{Start: 5, End: 900}}}
	an := Extract(a, Options{})
	if len(an.Facts) != 1 || an.Facts[0].Text != a.Text {
		t.Fatalf("facts=%+v, want the sentence split again", an.Facts)
	}
}

func TestDates(t *testing.T) {
	an := Extract(article("a", "X", "2024-03-14", "The mayor spoke on Tuesday. The vote was held on March 2, 2024. Talks resume on 20 April."), Options{})
	var got []string
	for _, f := range an.Facts {
		for _, v := range f.Values {
			if v.Kind == crosscheck.ValueDate {
				got = append(got, v.Time.Format(time.DateOnly))
			}
		}
	}
	want := []string{"2024-03-12", "2024-03-02", "2024-04-20"}
	if strings.Join(got, ",") != strings.Join(want, ",") {
		t.Fatalf("dates=%v, want %v", got, want)
	}
}

func TestEntities(t *testing.T) {
	text := "Interior Minister Karin Holtz met Mayor Jonas Zelinskyy in Vienna on Monday. " +
		"Holtz, the minister in charge of police, later spoke to Jonas Zelinsky again. " +
		"Zelinskiy said little. Stephen Marlowe, the special envoy of the European Union, joined them. " +
		"Steve Marlowe left early."
	an := Extract(article("a", "X", "2024-03-12", text), Options{})
	find := func(name string) *Entity {
		for i := range an.Entities {
			e := &an.Entities[i]
			if e.Name == name {
				return e
			}
			for _, al := range e.Aliases {
				if al == name {
					return e
				}
			}
		}
		return nil
	}
	holtz := find("Karin Holtz")
	if holtz == nil || holtz.Kind != crosscheck.KindPerson {
		t.Fatalf("no person Karin Holtz in %+v", an.Entities)
	}
	if find("Holtz") != holtz {
		t.Fatalf("Holtz not merged with Karin Holtz")
	}
	if !contains(holtz.Roles, "Interior Minister") {
		t.Fatalf("roles of Holtz=%v, want Interior Minister", holtz.Roles)
	}
	z := find("Jonas Zelinskyy")
	if z == nil || find("Jonas Zelinsky") != z || find("Zelinskiy") != z {
		t.Fatalf("transliterations of Zelinsky not merged: %+v", an.Entities)
	}
	m := find("Stephen Marlowe")
	if m == nil || find("Steve Marlowe") != m {
		t.Fatalf("Steve/Stephen Marlowe not merged: %+v", an.Entities)
	}
	if v := find("Vienna"); v == nil || v.Kind != crosscheck.KindPlace {
		t.Fatalf("Vienna is not a place: %+v", v)
	}
}

func TestQuotes(t *testing.T) {
	tests := []struct {
		name    string
		text    string
		speaker string
		quotes  []string
	}{
		{"speaker after", "“We will rebuild the bridge before winter,” Mayor Ana Ruiz said on Monday.", "Ana Ruiz",
			[]string{"We will rebuild the bridge before winter"}},
		{"he said", "Governor Tom Kessler toured the flooded district. “The damage is worse than we feared,” he said.", "Tom Kessler",
			[]string{"The damage is worse than we feared"}},
		{"he is the previous subject", "Governor Tom Kessler praised Mayor Ana Ruiz on Monday. “The response was fast and brave,” he said.", "Tom Kessler",
			[]string{"The response was fast and brave"}},
		{"speaker before colon", "Ana Ruiz told reporters: “Nobody will be left behind.”", "Ana Ruiz",
			[]string{"Nobody will be left behind."}},
		{"quote over two paragraphs", "Mayor Ana Ruiz said: “The levee held through the night.\n\n“We need new pumps before the spring floods,” she added.", "Ana Ruiz",
			[]string{"The levee held through the night.", "We need new pumps before the spring floods"}},
		{"multi sentence", "“The levee held. The pumps did not,” said Tom Kessler. “We need new ones before spring.”", "Tom Kessler",
			[]string{"The levee held. The pumps did not", "We need new ones before spring."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := Extract(article("a", "X", "2024-03-12", tt.text), Options{})
			var got []string
			for _, q := range an.Quotes {
				if q.Speaker != tt.speaker {
					t.Fatalf("speaker of %q=%q, want %q", q.Text, q.Speaker, tt.speaker)
				}
				if !strings.Contains(tt.text, q.Text) {
					t.Fatalf("quote %q is not verbatim", q.Text)
				}
				got = append(got, q.Text)
			}
			if strings.Join(got, "|") != strings.Join(tt.quotes, "|") {
				t.Fatalf("quotes=%q, want %q", got, tt.quotes)
			}
		})
	}
}

func TestCredits(t *testing.T) {
	text := "The dam was closed, according to Reuters. The Daily Ledger reported that repairs would take weeks. " +
		"Two unnamed city officials said the cost was rising. Reports from the Evening Courier suggested a delay. " +
		"According to Interior Minister Karin Holtz, the repairs are funded. The engineers told the news agency Tass that the dam held. " +
		"The Morning Gazette first reported the closure."
	an := Extract(article("a", "X", "2024-03-12", text), Options{})
	want := map[string]crosscheck.AttributionKind{
		"Reuters":                    crosscheck.AttrAgency,
		"Daily Ledger":               crosscheck.AttrOutlet,
		"Two unnamed city officials": crosscheck.AttrAnonymous,
		"Evening Courier":            crosscheck.AttrOutlet,
		"Karin Holtz":                crosscheck.AttrOfficial,
		"Tass":                       crosscheck.AttrAgency,
		"Morning Gazette":            crosscheck.AttrOutlet,
	}
	got := map[string]crosscheck.AttributionKind{}
	for _, c := range an.Credits {
		got[c.Source] = c.Kind
	}
	for src, kind := range want {
		if got[src] != kind {
			t.Errorf("credit %q kind=%q, want %q (all: %v)", src, got[src], kind, got)
		}
	}
}

func TestNotClaims(t *testing.T) {
	text := "Is the bridge safe? I think the council should resign. Subscribe to our newsletter! The bridge reopened on Monday."
	an := Extract(article("a", "X", "2024-03-12", text), Options{})
	if len(an.Facts) != 1 || !strings.Contains(an.Facts[0].Text, "reopened") {
		var got []string
		for _, f := range an.Facts {
			got = append(got, f.Text)
		}
		t.Fatalf("facts=%q, want only the reopening", got)
	}
}

func contains(ss []string, s string) bool {
	for _, x := range ss {
		if x == s {
			return true
		}
	}
	return false
}

// FuzzExtract feeds arbitrary text to Extract: it must not panic, and
// everything it returns must be a verbatim slice of the text.
func FuzzExtract(f *testing.F) {
	f.Add("“We will rebuild,” Mayor Ana Ruiz said on Monday. She left after about 20 minutes.")
	f.Add("\" quoted , \" the rep told People.\nA friend said \"")
	f.Add("More than 30 nations, $5 billion, 12%, 15:06 Moscow time, September 4, 2025.")
	f.Add("“Unclosed quote. Another sentence,” he said. “")
	f.Fuzz(func(t *testing.T, text string) {
		a := &crosscheck.Article{ID: "f", Text: text}
		a.Published = time.Date(2024, 3, 12, 0, 0, 0, 0, time.UTC)
		an := Extract(a, Options{})
		for _, q := range an.Quotes {
			if q.Span.End > len(text) || text[q.Span.Start:q.Span.End] != q.Text {
				t.Fatalf("quote %q not at its span", q.Text)
			}
		}
		for _, fa := range an.Facts {
			if text[fa.Span.Start:fa.Span.End] != fa.Text {
				t.Fatalf("fact %q not at its span", fa.Text)
			}
			for _, v := range fa.Values {
				if v.End > len(text) || text[v.Start:v.End] != v.Text {
					t.Fatalf("value %q not at its span", v.Text)
				}
				if v.Min > v.Max {
					t.Fatalf("value %q has min %v > max %v", v.Text, v.Min, v.Max)
				}
			}
		}
		for _, m := range an.Mentions {
			if text[m.Start:m.End] != m.Text {
				t.Fatalf("mention %q not at its span", m.Text)
			}
		}
	})
}

func TestRoleAlias(t *testing.T) {
	text := "U.S. envoy Steve Marlowe arrived in Vienna on Monday. Later the U.S. envoy met Mayor Ana Ruiz at the town hall."
	an := Extract(article("a", "X", "2024-03-12", text), Options{})
	for _, e := range an.Entities {
		if e.Name == "Steve Marlowe" {
			if !contains(e.Aliases, "the U.S. envoy") {
				t.Fatalf("aliases of Steve Marlowe=%q, want the U.S. envoy", e.Aliases)
			}
			if !contains(e.Roles, "U.S. envoy") {
				t.Fatalf("roles of Steve Marlowe=%q, want U.S. envoy", e.Roles)
			}
			return
		}
	}
	t.Fatalf("no Steve Marlowe in %+v", an.Entities)
}

func TestEntityKinds(t *testing.T) {
	text := "The tanker Morning Star ran aground near Velby on Sunday. " +
		"Twelve sailors were rescued by the Velby Coast Guard, the Maritime Safety Board said. " +
		"Divers reached the hull within an hour. Captain Ingrid Halvorsen said the Morning Star had lost power. " +
		"Rescuers worked through the night. Nordic Tank Lines, which owns the ship, said it would pay for the clean-up. " +
		"Halvorsen said oil had leaked into the bay. Oil reached the shore by Monday. " +
		"The company is based in Port Ellis. Port Ellis officials said the harbour was closed."
	an := Extract(article("a", "X", "2024-03-12", text), Options{})
	kinds := map[string]crosscheck.EntityKind{}
	for _, e := range an.Entities {
		kinds[e.Name] = e.Kind
	}
	for _, tt := range []struct {
		name string
		want crosscheck.EntityKind
	}{
		{"Morning Star", crosscheck.KindOther},
		{"Velby Coast Guard", crosscheck.KindOrganization},
		{"Maritime Safety Board", crosscheck.KindOrganization},
		{"Nordic Tank Lines", crosscheck.KindOrganization},
		{"Ingrid Halvorsen", crosscheck.KindPerson},
		{"Port Ellis", crosscheck.KindPlace},
	} {
		if got, ok := kinds[tt.name]; !ok || got != tt.want {
			t.Errorf("kind of %q=%q (found %v), want %q; entities %v", tt.name, got, ok, tt.want, kinds)
		}
	}
	for _, junk := range []string{"Twelve", "Divers", "Rescuers", "Oil"} {
		if _, ok := kinds[junk]; ok {
			t.Errorf("%q is an entity: a common word starting a sentence", junk)
		}
	}
}

func TestReportedClause(t *testing.T) {
	tests := []struct {
		text, subject, verb string
		negated             bool
	}{
		{"Nordic Tank Lines said the Morning Star had passed its annual hull inspection.", "the Morning Star", "pass", false},
		{"The harbour master told reporters that the Morning Star did not pass its hull inspection.", "the Morning Star", "pass", true},
		{"Ingrid Halvorsen said that the crew had left the ship before noon.", "the crew", "leave", false},
		{"Ingrid Halvorsen said on Monday the crew was safe.", "Ingrid Halvorsen", "say", false},
		{"Ingrid Halvorsen said the Morning Star had failed to pass its inspection.", "the Morning Star", "pass", true},
		{"Ingrid Halvorsen failed to attend the hearing.", "Ingrid Halvorsen", "attend", true},
	}
	for _, tt := range tests {
		an := Extract(article("a", "X", "2024-03-12", tt.text), Options{})
		if len(an.Facts) != 1 {
			t.Fatalf("%q: %d facts, want 1", tt.text, len(an.Facts))
		}
		f := an.Facts[0]
		if f.Subject != tt.subject || f.Verb != tt.verb || f.Negated != tt.negated {
			t.Errorf("%q: subject %q verb %q negated %v, want %q %q %v", tt.text, f.Subject, f.Verb, f.Negated, tt.subject, tt.verb, tt.negated)
		}
	}
}

func TestClockTimes(t *testing.T) {
	tests := []struct {
		text     string
		min, max float64
	}{
		{"The ferry struck the reef at 07:15 on Monday.", 26100, 26100},
		{"The ferry struck the reef at about 07:00 on Monday.", 25200 - 900, 25200 + 900},
		{"The ferry struck the reef at 7 a.m. on Monday.", 25200, 25200},
		{"The ferry struck the reef at 9pm on Monday.", 75600, 75600},
		{"The ferry struck the reef at 12:30 p.m. on Monday.", 45000, 45000},
	}
	for _, tt := range tests {
		an := Extract(article("a", "X", "2024-03-12", tt.text), Options{})
		var got *ValueFact
		for _, f := range an.Facts {
			for i := range f.Values {
				if f.Values[i].Kind == crosscheck.ValueTime {
					got = &f.Values[i]
				}
			}
		}
		if got == nil || got.Min != tt.min || got.Max != tt.max {
			t.Errorf("%q: time %+v, want [%v, %v]", tt.text, got, tt.min, tt.max)
		}
	}
}

func TestOwnOutletNotCredited(t *testing.T) {
	text := "The ferry did not pass its inspection, two people familiar with the inquiry told the Coastal Ledger. The port reopened on Monday, Seawire reported."
	an := Extract(article("a", "The Coastal Ledger", "2024-03-12", text), Options{})
	var got []string
	for _, c := range an.Credits {
		got = append(got, c.Source)
	}
	if contains(got, "Coastal Ledger") || contains(got, "the Coastal Ledger") || !contains(got, "Seawire") {
		t.Fatalf("credits=%q, want Seawire and not the article's own outlet", got)
	}
}

// Ranges are not records: "aged 18-24", "20-30 people".
func TestNoRecord(t *testing.T) {
	for _, text := range []string{"Voters aged 18-24 stayed home.", "Some 20-30 people gathered outside.", "It ran from 10-12 on Monday."} {
		an := Extract(article("a", "X", "2024-03-12", text), Options{})
		for _, f := range an.Facts {
			for _, v := range f.Values {
				if v.Unit == "record" || v.Unit == "score" {
					t.Errorf("%q: %q read as a %s", text, v.Text, v.Unit)
				}
			}
		}
	}
}

// A line whose full stop was lost is still a sentence; a headline is
// short or capitalises its words, and a line cut after a comma goes on.
func TestHeadlineOrSentence(t *testing.T) {
	for _, tt := range []struct {
		line     string
		headline bool
	}{
		{"4.6 earthquake shakes Northern California", true},
		{"Paris Thieves Nab Jewels Worth Millions In Brazen Raid On Luxury Store Near Place Vendome", true},
		{"A magnitude 4.6 earthquake struck Northern California on Thursday morning,", false},
		{"Thompson, who was the mandatory challenger nominated by the IBF, dropped to 36 - 3 in the bout", false},
		{"The quake struck at dawn.", false},
	} {
		if got := isHeadline(tt.line, nil); got != tt.headline {
			t.Errorf("isHeadline(%q) = %v, want %v", tt.line, got, tt.headline)
		}
	}
}

// A population is of the place the sentence gives it to: named before
// "home to" with its place noun, the subject of "is ..., with a population
// of", or the place noun of "the island, which has ... residents".
func TestPopulationHolder(t *testing.T) {
	for _, tt := range []struct{ text, holder, head string }{
		{"The quake was centred near Qeshm Island, home to 200,000 people, officials said.", "Qeshm Island", ""},
		{"A quake struck the island of Qeshm on Sunday. Qeshm is Iran's largest island in the Persian Gulf, with a population of 120,000.", "Qeshm", ""},
		{"The island, which has about 200,000 residents, is far from Tehran.", "", "place:island"},
	} {
		an := Extract(article("a", "X", "2008-09-10", tt.text), Options{})
		ok := false
		for _, f := range an.Facts {
			for _, v := range f.Values {
				if v.Attr != AttrPopulation {
					continue
				}
				h := ""
				if v.Holder >= 0 {
					h = an.Entities[v.Holder].Name
				}
				ok = h == tt.holder && (tt.head == "" || v.Head == tt.head)
			}
		}
		if !ok {
			t.Errorf("%q: no population of %q%s", tt.text, tt.holder, tt.head)
		}
	}
}

// A crowd's size is a count of people protesting when they "took to the
// streets" or when police "put the march at" it.
func TestCrowdAct(t *testing.T) {
	for _, text := range []string{
		"Police said as many as 20,000 people took to the streets of Athens on Wednesday.",
		"Police put the march, to mark a 24-hour nationwide strike, at roughly 30,000 people.",
	} {
		an := Extract(article("a", "X", "2010-05-05", text), Options{})
		ok := false
		for _, f := range an.Facts {
			for _, v := range f.Values {
				if v.Head == "person" && v.VerbClass == "protest" {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%q: no count of people protesting", text)
		}
	}
}

// Figures that pick a part out of a set count no thing of the event; the
// others stay counts (excerpts from ECB+).
func TestParts(t *testing.T) {
	for _, tt := range []struct {
		text string
		part map[float64]bool // figure -> is a part
	}{
		{"The Sixers signed Elton Brand last summer, but they have struggled with him in the lineup and have lost eight of 10.",
			map[float64]bool{8: true, 10: true}},
		{"Manning completed his first 17 passes in leading the Colts to their eighth consecutive victory.",
			map[float64]bool{17: true}},
		{"Five bombs were dropped, of which four exploded, they told our correspondent.",
			map[float64]bool{5: false, 4: true}},
		{"Manning completed 29 of 34 passes for 364 yards and three touchdowns.",
			map[float64]bool{34: false}},
		{"The two jurors, who were among the nine voting to put Nichols to death, reported one of the holdouts worked a crossword puzzle.",
			map[float64]bool{9: true}},
	} {
		an := Extract(article("a", "X", "2008-12-20", tt.text), Options{})
		got := map[float64]bool{}
		for _, f := range an.Facts {
			for _, v := range f.Values {
				got[v.Min] = v.Part
			}
		}
		for n, part := range tt.part {
			if p, ok := got[n]; !ok || p != part {
				t.Errorf("%q: %g part=%v (found %v), want %v", tt.text, n, p, ok, part)
			}
		}
	}
}

// A month without its day is a date of an act; a bare "may" is no month,
// and "since June" or "fighting began in July" date a start.
func TestMonths(t *testing.T) {
	for _, tt := range []struct {
		text  string
		month int    // 0: no month value
		year  int    // of the month's first instant
		act   string // VerbLemma, "*" for any
		spec  string
	}{
		{"In July, the Utah Supreme Court overturned the 2007 convictions.", 7, 2010, "overturn", ""},
		{"In September 2007 a Utah jury found him guilty of two counts.", 9, 2007, "*", ""},
		{"Since fighting between the army and the rebels began in July, thousands have fled.", 7, 2010, "fight", "start"},
		{"Rebels have been fighting the army since June.", 6, 2010, "fight", "start"},
		{"In December, the court heard the appeal.", 12, 2009, "hear", ""},
		{"Officials said the case may go to trial.", 0, 0, "", ""},
		{"Voters will march on the capital.", 0, 0, "", ""},
	} {
		an := Extract(article("a", "X", "2010-11-09", tt.text), Options{})
		var got *ValueFact
		for _, f := range an.Facts {
			for i := range f.Values {
				if f.Values[i].Attr == AttrMonth {
					got = &f.Values[i]
				}
			}
		}
		switch {
		case tt.month == 0 && got != nil:
			t.Errorf("%q: month %q, want none", tt.text, got.Text)
		case tt.month == 0:
		case got == nil:
			t.Errorf("%q: no month", tt.text)
		case got.Month != tt.month || time.Unix(int64(got.Min), 0).UTC().Year() != tt.year || tt.act != "*" && got.VerbLemma != tt.act || got.Spec != tt.spec:
			t.Errorf("%q: month %d of %d act %q spec %q, want %d of %d %q %q", tt.text, got.Month,
				time.Unix(int64(got.Min), 0).UTC().Year(), got.VerbLemma, got.Spec, tt.month, tt.year, tt.act, tt.spec)
		}
	}
}

// A count with a participle of its own does not take the act of the count
// before it: the 14 were trapped, not killed.
func TestOwnParticiple(t *testing.T) {
	an := Extract(article("a", "X", "2013-07-03", "One report said six children were killed and 14 trapped under debris when a mosque collapsed."), Options{})
	for _, f := range an.Facts {
		for _, v := range f.Values {
			if v.Min == 14 && (v.VerbClass == "die" || v.Head == "person") {
				t.Errorf("%q: counted as killed (class %q, head %q)", v.Text, v.VerbClass, v.Head)
			}
			if v.Min == 6 && v.VerbClass != "die" {
				t.Errorf("%q: class %q, want die", v.Text, v.VerbClass)
			}
		}
	}
}

// A count "in those bombings" is of events told before.
func TestEarlierEvents(t *testing.T) {
	an := Extract(article("a", "X", "2011-11-10", "The president said on Thursday that seven people were killed in those bombings."), Options{})
	for _, f := range an.Facts {
		for _, v := range f.Values {
			if v.Min == 7 && !v.Other {
				t.Errorf("%q: not another event's", v.Text)
			}
		}
	}
}

// Where one person died is a value; a death of several is not placed.
func TestDeathPlace(t *testing.T) {
	for _, tt := range []struct {
		text string
		code float64
	}{
		{"The woman, identified by the police as Madeline Kafoury, died at the scene, the authorities said.", 1},
		{"She said the third victim died on the way to the hospital.", 2},
		{"The driver died later in hospital, police said.", 3},
		{"Two people died at the scene, police said.", 0},
	} {
		an := Extract(article("a", "X", "2007-04-10", tt.text), Options{})
		got := 0.0
		for _, f := range an.Facts {
			for _, v := range f.Values {
				if v.Attr == AttrDeathPlace {
					got = v.N
				}
			}
		}
		if got != tt.code {
			t.Errorf("%q: place of death %g, want %g", tt.text, got, tt.code)
		}
	}
}

// "suffered serious injuries" counts the injured, and the gravely hurt
// are a count of their own; "and injured dozens" is injuring even when
// the tagger takes "injured" for an adjective.
func TestSeriousInjuries(t *testing.T) {
	for _, tt := range []struct{ text, class, spec string }{
		{"Officials said eight people had suffered serious injuries in the quake.", "injure", "serious"},
		{"A girl was killed and dozens of others were seriously injured in the quakes.", "injure", "serious"},
		{"The quakes killed one person and injured dozens others, officials said.", "injure", ""},
	} {
		an := Extract(article("a", "X", "2009-01-04", tt.text), Options{})
		ok := false
		for _, f := range an.Facts {
			for _, v := range f.Values {
				if v.Head == "person" && v.VerbClass == tt.class && v.Spec == tt.spec && (v.Min == 8 || v.Min == 24) {
					ok = true
				}
			}
		}
		if !ok {
			t.Errorf("%q: no count of the injured (%s)", tt.text, tt.spec)
		}
	}
}

// "There were no casualties" and "no one was killed" are a toll of none;
// "no one" is nobody, not one.
func TestNoneKilled(t *testing.T) {
	for _, text := range []string{
		"Aid workers said there were no casualties in the camp.",
		"Sources indicated that no one was killed or injured in the attack.",
	} {
		an := Extract(article("a", "X", "2011-11-10", text), Options{})
		zero, one := false, false
		for _, f := range an.Facts {
			for _, v := range f.Values {
				if v.Head == "person" && v.VerbClass == "die" {
					zero = zero || v.Max == 0
					one = one || v.Min == 1
				}
			}
		}
		if !zero || one {
			t.Errorf("%q: toll of none %v, toll of one %v", text, zero, one)
		}
	}
}

// The offence a sentence charges someone with is one value, whatever the
// words around it.
func TestChargeAt(t *testing.T) {
	keys := map[string]bool{}
	for _, text := range []string{
		"A 61-year-old man was charged with first-degree murder Saturday after the shooting.",
		"Eric Allen Kirkpatrick faces one count of first-degree murder, police said.",
		"He appeared in court Monday on a charge of first degree murder.",
	} {
		an := Extract(article("a", "X", "2008-12-13", text), Options{})
		for _, f := range an.Facts {
			for _, v := range f.Values {
				if v.Attr == AttrCharge {
					keys[v.Spec] = true
				}
			}
		}
	}
	if len(keys) != 1 || !keys["first degree murder"] {
		t.Errorf("offences %v, want one: first degree murder", keys)
	}
}
