package check

import (
	"strings"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

func art(id, outlet, published, text string) *crosscheck.Article {
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
	a.Sentences = claim.SplitSentences(text)
	return a
}

func analyze(arts ...*crosscheck.Article) *crosscheck.StoryReport {
	return Analyze(&crosscheck.Story{ID: "s1", Title: "test"}, arts, Options{})
}

// hasConflict reports whether some conflict has a variant containing each value.
func hasConflict(r *crosscheck.StoryReport, values ...string) bool {
	for _, c := range r.Conflicts {
		ok := len(c.Variants) > 1
		for _, v := range values {
			found := false
			for _, cv := range c.Variants {
				if strings.Contains(strings.ToLower(cv.Value), v) {
					found = true
				}
			}
			ok = ok && found
		}
		if ok {
			return true
		}
	}
	return false
}

func TestConflicts(t *testing.T) {
	tests := []struct {
		name     string
		a, b     string
		conflict bool
		values   []string
	}{
		{"value conflict",
			"Finance Minister Laura Benedetti left the budget summit in Vienna after just 40 minutes.",
			"Finance Minister Laura Benedetti left the budget summit after roughly 15 minutes, aides said.",
			true, []string{"40", "15"}},
		{"compatible range",
			"The budget summit in Vienna lasted 40 minutes.",
			"The budget summit lasted less than an hour.",
			false, []string{"40", "hour"}},
		{"approximate within tolerance",
			"Laura Benedetti left the budget summit after about 50 minutes.",
			"Laura Benedetti left the budget summit after 55 minutes.",
			false, []string{"50", "55"}},
		{"range covers the value",
			"The budget summit in Vienna lasted between 20 and 30 minutes.",
			"The budget summit in Vienna lasted 25 minutes.",
			false, []string{"20", "25"}},
		{"an hour and a half",
			"The budget summit in Vienna lasted an hour and a half.",
			"The budget summit in Vienna lasted 90 minutes.",
			false, []string{"hour", "90"}},
		{"same unit different fact",
			"Delegations from more than 40 countries attended the budget summit in Vienna.",
			"At the budget summit, twelve countries pledged new money for the fund.",
			false, []string{"40", "twelve"}},
		{"separate sub-event",
			"Laura Benedetti left the budget summit in Vienna after 40 minutes.",
			"Laura Benedetti then held a separate 10-minute meeting with Olaf Brandt at the budget summit.",
			false, []string{"40", "10"}},
		{"different subject",
			"Laura Benedetti left the budget summit after 40 minutes.",
			"Olaf Brandt left the budget summit after 15 minutes.",
			false, []string{"40", "15"}},
		{"unresolved pronoun subject",
			"He left the budget summit in Vienna after 40 minutes.",
			"He left the budget summit in Vienna after 15 minutes.",
			false, []string{"40", "15"}},
		{"part of a figure",
			"The city will pay $300 million for the new bridge over the river, including $80 million in cash.",
			"The city will pay $310 million for the new bridge over the river.",
			false, []string{"80", "310"}},
		{"different cities",
			"Floods killed 12 people in Valencia on Monday, officials said.",
			"Floods killed 30 people in Murcia on Monday, officials said.",
			false, []string{"12", "30"}},
		{"clock time conflict",
			"The explosion hit the central station in Valencia at 7:48 a.m. on Monday.",
			"The explosion hit the central station in Valencia at 9:15 a.m. on Monday.",
			true, []string{"7:48", "9:15"}},
		{"whole hours half an hour apart",
			"The explosion hit the central station in Valencia at 7 a.m. on Monday.",
			"The explosion hit the central station in Valencia at 07:25 on Monday.",
			false, []string{"7 a.m.", "07:25"}},
		{"whole hours apart",
			"The explosion hit the central station in Valencia at 7 a.m. on Monday.",
			"The explosion hit the central station in Valencia at 9am on Monday.",
			true, []string{"7 a.m.", "9am"}},
		{"hospitalised, two ways of saying it",
			"Eleven people were treated in hospital for minor injuries after the crash in Valencia, the health authority said.",
			"Nine people were taken to hospital with minor injuries after the crash, the health authority said.",
			true, []string{"eleven", "nine"}},
		{"local and zoned clock times",
			"The explosion hit the central station in Valencia at 7:48 on Monday.",
			"The explosion hit the central station in Valencia at 6:48 GMT on Monday.",
			false, []string{"7:48", "6:48"}},
		{"clock times minutes apart",
			"The explosion hit the central station in Valencia at 07:48 on Monday.",
			"The explosion hit the central station in Valencia at 07:50 on Monday.",
			false, []string{"07:48", "07:50"}},
		{"clock time against a hedged one",
			"The explosion hit the central station in Valencia at 07:48 on Monday.",
			"The explosion hit the central station in Valencia at about 07:30 on Monday.",
			false, []string{"07:48", "07:30"}},
		{"synonym verbs",
			"Finance Minister Laura Benedetti walked out of the budget summit after 40 minutes.",
			"Finance Minister Laura Benedetti left the budget summit after about 15 minutes.",
			true, []string{"40", "15"}},
		{"different objects",
			"Finance Minister Laura Benedetti met Olaf Brandt for 40 minutes at the budget summit.",
			"Finance Minister Laura Benedetti met the union leaders for 15 minutes at the budget summit.",
			false, []string{"40", "15"}},
		{"role phrase resolved across outlets",
			"Finance Minister Laura Benedetti left the budget summit in Vienna after just 40 minutes.",
			"The finance minister left the budget summit in Vienna after roughly 15 minutes.",
			true, []string{"40", "15"}},
		{"date conflict",
			"Governor Tom Kessler visited the flooded district in Valencia on Monday, officials said.",
			"Governor Tom Kessler visited the flooded district in Valencia on Tuesday, aides said.",
			true, []string{"monday", "tuesday"}},
		{"different acts on different days",
			"Governor Tom Kessler visited the flooded district in Valencia on Monday.",
			"Governor Tom Kessler visited the new hospital in Valencia on Tuesday.",
			false, []string{"monday", "tuesday"}},
		{"name conflict",
			"Mayor Ana Ruiz chaired the flood talks in Valencia on Monday.",
			"Governor Tom Kessler chaired the flood talks in Valencia on Monday.",
			true, []string{"ruiz", "kessler"}},
		{"role conflict",
			"Interior Minister Karin Holtz opened the flood talks in Valencia.",
			"Defence Minister Karin Holtz opened the flood talks in Valencia.",
			true, []string{"interior", "defence"}},
		{"totals of one set, different verbs",
			"All 318 passengers were rescued after the ferry Aurora Dawn hit a sandbank near Kelso island.",
			"The ferry Aurora Dawn was carrying 381 passengers when it hit a sandbank near Kelso island.",
			true, []string{"318", "381"}},
		{"hedged total fits",
			"All 318 passengers were rescued after the ferry Aurora Dawn hit a sandbank near Kelso island.",
			"The ferry Aurora Dawn hit a sandbank near Kelso island with more than 300 passengers on board.",
			false, []string{"318", "300"}},
		{"totals of different people",
			"Mayor Ana Ruiz answered all 11 questions at the flood hearing in Valencia.",
			"Governor Tom Kessler answered all 14 questions at the flood hearing in Valencia.",
			false, []string{"11", "14"}},
		{"one act on one kind of thing (41_ecbplus)",
			"Five bombs were dropped, of which four exploded, they told our correspondent. The camp shelters families from the Nuba Mountains. Aid workers reached the clinic by road. The border has been tense for months. Food stocks are low.",
			"Four bombs were dropped within just a few moments. A relief flight had landed at the airstrip that morning. The agency condemned the raid. Rains have cut the roads. The refugees walked for a week.",
			true, []string{"five bombs", "four bombs"}},
		{"a quotation credited in its sentence states facts (12_ecb)",
			"\"Twenty-three personnel (12 Somali and 11 Yemeni) surrendered on boarding,\" the navy said.",
			"Taking the lead in the fight against piracy, the Indian Navy on Saturday arrested 23 Somali pirates.",
			true, []string{"12 somali", "23 somali pirates"}},
		{"months of an act that recurs",
			"In January, the Federal Reserve raised interest rates by a quarter point, its chairman said. Markets rose. Bonds fell. Analysts had expected it.",
			"In February, the Federal Reserve raised interest rates by a quarter point, its chairman said. Banks followed. Mortgage rates climbed. Savers gained.",
			false, []string{"in january", "in february"}},
		{"months of one act, which may recur, are not disputed (36_ecbplus)",
			"In July, the Utah Supreme Court overturned the 2007 convictions of the sect leader. The sect owns ranches in Texas. Prosecutors filed new charges. The trial opens next year.",
			"In August, the Utah Supreme Court tossed out a 2008 conviction of the sect leader in state court. His lawyers welcomed the ruling. The jail holds him still. Relatives declined to comment.",
			false, []string{"in july", "in august"}},
		{"days of one act named by its noun (41_ecbplus)",
			"President Salva Kiir said his country would not retaliate for the reported bombing of Guffa in Upper Nile state on Tuesday, which he said killed seven. The camp lies near the border. Aid flights resumed. The border has been tense for months. Doctors treated the wounded.",
			"The Wednesday bombings of Guffa in Upper Nile state sparked condemnation from Washington. The agency condemned the raid. Food is short. Rains have cut the roads. The refugees walked for a week.",
			true, []string{"on tuesday", "wednesday"}},
		{"a day of another act after a conjunction (16_ecbplus)",
			"The 35-year-old deputy was killed on June 24, while investigating an attack four days earlier.",
			"The complaint also alleged two counts of possession of a firearm by a felon for the June 24 murder of Ortiz and on June 20, when a man was shot and wounded in Hawaiian Gardens.",
			false, []string{"june 24", "june 20"}},
		{"a player's figures over other spans (10_ecb)",
			"After being acquired from the Braves, Mark Teixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.",
			"Playing in a combined 157 games with the Angels and Braves, Mark Teixeira had 33 homers and 121 RBIs.",
			false, []string{"43", "121"}},
		{"months of two years (20_ecbplus)",
			"In December 2003, a 6.7-strength quake killed more than 26,000 people in the ancient city of Bam in Iran. The city was rebuilt. Aid came from abroad.",
			"In February, a 6.4-magnitude quake killed hundreds of people near the ancient city of Bam in Iran. Rescuers dug through rubble. Schools were closed.",
			false, []string{"december 2003", "february"}},
		{"the day of the event 'after' introduces (18_ecb)",
			"A 61-year-old man was charged with first-degree murder Saturday after allegedly opening fire at his former employers' office Christmas party in Vancouver, killing one man, police said. The firm had laid him off. Guests hid under tables. A court date was set. Neighbours were shocked.",
			"A man has been charged with first-degree murder after a shooting at an office Christmas party in Vancouver Friday. Staff described panic. The victim was 40. Police searched his home. Flowers lay outside.",
			false, []string{"saturday", "friday"}},
		{"months of two acts",
			"In July, the Utah Supreme Court overturned the 2007 convictions of the sect leader.",
			"In August, the Utah governor signed the extradition request for the sect leader.",
			false, []string{"in july", "in august"}},
		{"a start in one month, in another (41_ecbplus)",
			"Since fighting between the army and the rebels in South Kordofan began in July, thousands of civilians have fled. The camp lies near the border. Aid flights resumed.",
			"Yida is a camp of refugees from South Kordofan, where rebels have been fighting Sudan's army since June. The agency condemned the raid. Food is short.",
			true, []string{"in july", "since june"}},
		{"a run out of a larger set (29_ecb)",
			"Manning completed his first 17 passes in leading the Colts to their eighth consecutive victory.",
			"Manning completed 29 of 34 passes for 364 yards and three touchdowns.",
			false, []string{"17", "34"}},
		{"a count limited to one town (37_ecbplus)",
			"At least five people were injured and 10 houses were damaged in Takengon, said the disaster agency.",
			"Around 40 houses were damaged by the quake, said a disaster agency official.",
			false, []string{"10", "40"}},
		{"totals in different towns",
			"A bus carrying 40 students crashed in Valencia on Monday.",
			"A bus carrying 25 students crashed in Murcia on Monday.",
			false, []string{"40", "25"}},
		{"failed to",
			"Prime Minister Jonas Lind attended the flood talks in Valencia.",
			"Prime Minister Jonas Lind failed to attend the flood talks in Valencia.",
			true, []string{"attended", "failed to attend"}},
		{"negation conflict",
			"Prime Minister Jonas Lind attended the flood talks in Valencia.",
			"Prime Minister Jonas Lind did not attend the flood talks in Valencia.",
			true, []string{"attended", "did not attend"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := analyze(art("a", "Alpha News", "2024-03-12", tt.a), art("b", "Beta Post", "2024-03-12", tt.b))
			got := hasConflict(r, tt.values...)
			if got != tt.conflict {
				t.Fatalf("conflict %v=%v, want %v; conflicts: %+v", tt.values, got, tt.conflict, r.Conflicts)
			}
			if !tt.conflict && len(r.Conflicts) != 0 {
				t.Fatalf("want no conflicts, got %+v", r.Conflicts)
			}
			for _, c := range r.Conflicts {
				for _, v := range c.Variants {
					if v.Sentence != tt.a && v.Sentence != tt.b && !strings.Contains(tt.a+tt.b, v.Sentence) {
						t.Fatalf("variant sentence %q is not verbatim", v.Sentence)
					}
				}
			}
		})
	}
}

func TestCorroboration(t *testing.T) {
	a := art("a", "Alpha News", "2024-03-12", "Floodwaters forced 3,000 residents of Valencia to leave their homes on Monday. The mayor praised the volunteers.")
	b := art("b", "Beta Post", "2024-03-12", "About 3,000 Valencia residents had to leave their homes as floodwaters rose on Monday. A new bridge opened in Lyon.")
	r := analyze(a, b)
	var corr, single int
	for _, c := range r.Claims {
		switch c.Status {
		case crosscheck.Corroborated:
			corr++
			if len(c.Sources) != 2 || c.Independent != 2 {
				t.Fatalf("corroborated claim sources=%d independent=%d, want 2 and 2", len(c.Sources), c.Independent)
			}
		case crosscheck.SingleSource:
			single++
		}
	}
	if corr != 1 || single != 2 {
		t.Fatalf("corroborated=%d single=%d, want 1 and 2; claims %+v", corr, single, r.Claims)
	}
	for _, cv := range r.Coverage {
		if len(cv.Exclusive) != 1 {
			t.Fatalf("coverage of %s exclusive=%v, want one claim", cv.Outlet, cv.Exclusive)
		}
	}
	if len(r.Brief) == 0 || !strings.Contains(r.Brief[0].Text, "3,000") || len(r.Brief[0].Articles) != 2 {
		t.Fatalf("brief=%+v, want the corroborated claim first", r.Brief)
	}
	if r.Story.EventDate.Format(time.DateOnly) != "2024-03-11" {
		t.Fatalf("event date=%v, want 2024-03-11", r.Story.EventDate)
	}
	if len(r.Timeline) == 0 || r.Timeline[0].When.Format(time.DateOnly) != "2024-03-11" {
		t.Fatalf("timeline=%+v", r.Timeline)
	}
}

func TestIndependence(t *testing.T) {
	a := art("a", "Alpha News", "2024-03-12", "The dam in Valencia was closed after cracks appeared, according to Reuters.")
	b := art("b", "Beta Post", "2024-03-12", "The dam in Valencia was closed after cracks appeared, Reuters reported.")
	c := art("c", "Gamma Daily", "2024-03-12", "Engineers closed the dam in Valencia after cracks appeared in the wall.")
	r := analyze(a, b, c)
	var found bool
	for _, cl := range r.Claims {
		if len(cl.Sources) == 3 {
			found = true
			if cl.Independent != 2 {
				t.Fatalf("independent=%d, want 2 (Reuters counted once)", cl.Independent)
			}
			if len(cl.CreditedTo) != 1 || cl.CreditedTo[0] != "Reuters" {
				t.Fatalf("credited to %v, want [Reuters]", cl.CreditedTo)
			}
		}
	}
	if !found {
		t.Fatalf("claims not aligned: %+v", r.Claims)
	}
	var reuters *crosscheck.Attribution
	for i := range r.Attributions {
		if r.Attributions[i].Source == "Reuters" {
			reuters = &r.Attributions[i]
		}
	}
	if reuters == nil || len(reuters.Articles) != 2 || reuters.Kind != crosscheck.AttrAgency {
		t.Fatalf("attribution to Reuters=%+v, want agency in 2 articles", reuters)
	}
}

func TestCopiesCountOnce(t *testing.T) {
	same := "Engineers closed the dam in Valencia on Monday after cracks appeared in its northern wall overnight."
	a := art("a", "Alpha News", "2024-03-12", same)
	b := art("b", "Beta Post", "2024-03-12", same)
	c := art("c", "Gamma Daily", "2024-03-12", "The dam in Valencia was closed by engineers on Monday after cracks appeared in the northern wall.")
	r := analyze(a, b, c)
	for _, cl := range r.Claims {
		if len(cl.Sources) == 3 {
			if cl.Status != crosscheck.Corroborated || cl.Independent != 2 {
				t.Fatalf("status=%s independent=%d, want corroborated by 2 independent outlets", cl.Status, cl.Independent)
			}
			return
		}
	}
	t.Fatalf("claims not aligned: %+v", r.Claims)
}

func TestQuoteVariants(t *testing.T) {
	a := art("a", "Alpha News", "2024-03-12", "Mayor Ana Ruiz visited the levee. “We will rebuild the bridge before winter. Nobody should doubt that,” she said.")
	b := art("b", "Beta Post", "2024-03-12", "“We will rebuild the bridge before winter. The money is there,” Ruiz said on Monday.")
	r := analyze(a, b)
	if len(r.Quotes) != 1 {
		t.Fatalf("quotes=%+v, want one grouped quote", r.Quotes)
	}
	q := r.Quotes[0]
	if q.Speaker != "Ana Ruiz" || len(q.Articles) != 2 || len(q.Variants) != 2 {
		t.Fatalf("quote=%+v, want Ana Ruiz in 2 articles with 2 variants", q)
	}
}

func TestEntitiesMerged(t *testing.T) {
	a := art("a", "Alpha News", "2024-03-12", "Mayor Jonas Zelinskyy met Stephen Marlowe in Valencia. Governor Park Ji-hoon joined them.")
	b := art("b", "Beta Post", "2024-03-12", "Jonas Zelinsky met Steve Marlowe, the special envoy, in Valencia. Governor Park Ji Hoon joined them.")
	r := analyze(a, b)
	names := func(e crosscheck.Entity) []string { return append([]string{e.Name}, e.Aliases...) }
	var z, m bool
	for _, e := range r.Entities {
		ns := strings.Join(names(e), "|")
		if strings.Contains(ns, "Jonas Zelinskyy") && strings.Contains(ns, "Jonas Zelinsky|") || strings.HasSuffix(ns, "Jonas Zelinsky") && strings.Contains(ns, "Jonas Zelinskyy") {
			z = len(e.Articles) == 2
		}
		if strings.Contains(ns, "Stephen Marlowe") && strings.Contains(ns, "Steve Marlowe") {
			m = len(e.Articles) == 2
		}
	}
	if !z || !m {
		t.Fatalf("entities not merged across articles: %+v", r.Entities)
	}
	c := art("c", "Gamma Daily", "2024-03-12", "The European Union sent 200 pumps to Valencia on Monday.")
	d := art("d", "Delta Wire", "2024-03-12", "The EU sent pumps to Valencia on Monday.")
	r2 := analyze(c, d)
	var eu bool
	for _, e := range r2.Entities {
		ns := strings.Join(names(e), "|")
		eu = eu || strings.Contains(ns, "European Union") && strings.Contains(ns, "EU")
	}
	if !eu {
		t.Fatalf("EU / European Union not merged: %+v", r2.Entities)
	}
	for _, e := range r.Entities {
		ns := strings.Join(names(e), "|")
		if strings.Contains(ns, "Park Ji") && !(strings.Contains(ns, "Park Ji-hoon") && strings.Contains(ns, "Park Ji Hoon")) {
			t.Fatalf("Park Ji-hoon / Park Ji Hoon not merged: %+v", e)
		}
	}
}

func TestNonEnglishStatesNothing(t *testing.T) {
	a := art("a", "Alpha News", "2024-03-12", "Le ministre Laura Benedetti a quitté le sommet après 40 minutes.")
	a.Language = "fr"
	b := art("b", "Beta Post", "2024-03-12", "Finance Minister Laura Benedetti left the summit after 15 minutes.")
	r := analyze(a, b)
	if len(r.Conflicts) != 0 {
		t.Fatalf("conflicts=%+v, want none from a text the rules cannot read", r.Conflicts)
	}
}

// FuzzAnalyze cross-checks two arbitrary texts: every citation must be
// verbatim and every conflict must have two variants from two articles.
func FuzzAnalyze(f *testing.F) {
	f.Add("Laura Benedetti left the summit after 40 minutes.", "Laura Benedetti left the summit after 15 minutes.")
	f.Add("“We will rebuild,” Ana Ruiz said. “Soon.”", "\" unclosed , \" he said")
	f.Fuzz(func(t *testing.T, x, y string) {
		r := analyze(art("a", "Alpha", "2024-03-12", x), art("b", "Beta", "2024-03-12", y))
		checkVerbatim(t, r)
		for _, c := range r.Conflicts {
			if len(c.Variants) < 2 {
				t.Fatalf("conflict with %d variants", len(c.Variants))
			}
		}
	})
}

func TestQuoteSpeakerFromOtherOutlet(t *testing.T) {
	a := art("a", "Alpha News", "2024-03-12", "“We will rebuild the bridge before winter, whatever it costs,” Mayor Ana Ruiz said on Monday.")
	b := art("b", "Beta Post", "2024-03-12", "“We will rebuild the bridge before winter, whatever it costs,” the mayor told reporters.")
	r := analyze(a, b)
	if len(r.Quotes) != 1 || r.Quotes[0].Speaker != "Ana Ruiz" || len(r.Quotes[0].Articles) != 2 {
		t.Fatalf("quotes=%+v, want one quote of Ana Ruiz in both articles", r.Quotes)
	}
}

func TestEmptyStory(t *testing.T) {
	r := Analyze(nil, nil, Options{})
	if r == nil || r.Claims == nil || r.Conflicts == nil || r.Quotes == nil || r.Attributions == nil || r.Entities == nil || r.Articles == nil {
		t.Fatalf("empty story report has nil lists: %+v", r)
	}
	one := art("a", "Alpha News", "", "")
	r = analyze(one)
	if len(r.Claims) != 0 || len(r.Articles) != 1 {
		t.Fatalf("report of one empty article: %+v", r)
	}
}

// A figure agreed on is of its holder, not of the first sentence's subject:
// "LaCalamita is charged ... in the death of Kafoury, 63" gives Kafoury's age.
func TestSlotClaimSubject(t *testing.T) {
	r := analyze(
		art("a", "Alpha News", "2010-04-08", "LaCalamita is charged with first-degree murder in the death of Madeline Kafoury, 63, of Warren."),
		art("b", "Beta Post", "2010-04-08", "The receptionist, Madeline Kafoury, 63, was shot dead in the office on Monday."))
	found := false
	for _, c := range r.Claims {
		if c.Text != "63" {
			continue
		}
		found = true
		if strings.Contains(c.Subject, "LaCalamita") {
			t.Errorf("claim %q has subject %q, the age is Kafoury's", c.Text, c.Subject)
		}
	}
	if !found {
		var texts []string
		for _, c := range r.Claims {
			texts = append(texts, c.Text+" ["+c.Subject+"]")
		}
		t.Fatalf("no claim of the age 63: %q", texts)
	}
}

// A conflict is named by the thing counted, without the figure, however
// the figure was written ("and 43" in "13 homers and 43 RBIs").
func TestConflictAboutCount(t *testing.T) {
	r := analyze(
		art("a", "Alpha News", "2008-12-20", "Mark Teixeira hit .358 with 13 homers and 43 RBIs with the Angels this season. The Red Sox made an offer. Fans waited for news. Talks went on for days."),
		art("b", "Beta Post", "2008-12-20", "Mark Teixeira hit .358 with 13 homers and 45 RBIs with the Angels this season. The Yankees made an offer. Agents kept quiet. The deal was signed later."))
	if !hasConflict(r, "43", "45") {
		t.Fatalf("no conflict of 43 and 45 RBIs: %+v", r.Conflicts)
	}
	for _, c := range r.Conflicts {
		if hasDigit(c.About) {
			t.Errorf("conflict named %q: the figure is not what is disputed", c.About)
		}
	}
}
