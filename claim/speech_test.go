package claim

import (
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// The sentences below are real reporting: short excerpts from the ECB+
// corpus (../shared/corpora/ecbplus-crosscheck, CC BY 3.0), kept with the
// corpus's own spacing ("“ professional staff, ”", "6: 00 p.m."), and a few
// written in the style of wire copy. Each paragraph of a report is one
// line there; paras joins them the way extract does.

func paras(lines ...string) string { return strings.Join(lines, "\n\n") }

// quoteOf is a quotation a text must give: its speaker and words it holds.
type quoteOf struct{ speaker, holds string }

func TestQuoteForms(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []quoteOf
	}{
		{"speaker after, spaced marks",
			`" We fired in self-defense and in response to firing upon our vessel, " Commodore Nirad Sinha, a navy spokesman, told CNN.`,
			[]quoteOf{{"Nirad Sinha", "We fired in self-defense"}}},
		{"verb before speaker",
			`"There is a suspicion that there might have been a third upper management official he was seeking, " said Troy police Lt. Gerry Scherlinck.`,
			[]quoteOf{{"Gerry Scherlinck", "third upper management official"}}},
		{"speaker before, comma",
			`By way of declining to offer the numbers, team president Stan Kasten said, "There are bargains, but luxury goods are still not being discounted. "`,
			[]quoteOf{{"Stan Kasten", "There are bargains"}}},
		{"speaker before, colon",
			`The head of the million - member strong GSEE private sector union, Giannis Panagopoulos, said: "The Greek people have been called to make sacrifices while the rich pay nothing. "`,
			[]quoteOf{{"Giannis Panagopoulos", "called to make sacrifices"}}},
		{"quote over several lines, closed once",
			paras(`Luke Pigeon, who lives in an apartment building next door, said he didn't hear a gunshot.`,
				`" It wasn't typical, crazy noise that sometimes happens.`,
				`You got the feeling there was something definitely, definitely wrong, " Pigeon told The Canadian Press.`),
			[]quoteOf{{"Luke Pigeon", "It wasn't typical, crazy noise"}}},
		{"paragraph continuing the speaker's quotation",
			paras(`"Tony Thompson is very hard to hit, " Steward said.`,
				`"Tony was watching Wladimir's right hand all night. "`),
			[]quoteOf{{"Steward", "very hard to hit"}, {"Steward", "watching Wladimir's right hand"}}},
		{"news style: no closing mark between quoted paragraphs",
			"“The levee held through the night,” Mayor Ana Ruiz said.\n\n“We need new pumps before the spring floods.\n\n“Nobody will be left behind,” she added.",
			[]quoteOf{{"Ana Ruiz", "levee held"}, {"Ana Ruiz", "new pumps"}, {"Ana Ruiz", "Nobody will be left behind"}}},
		{"quotation split around its speaker",
			`"You might have asked yourselves, " Nichols said, "a lot of people may ask, why would someone record sex? "`,
			[]quoteOf{{"Nichols", "a lot of people may ask"}}},
		{"he resolved to the person just named",
			paras(`Jonathan Wright, a director at telecoms company Interoute, said that the outage could have a devastating affect on business.`,
				`" The potential impact of an outage of this size can not be underestimated - it is like severing a major artery, " he said.`),
			[]quoteOf{{"Jonathan Wright", "severing a major artery"}}},
		{"she resolved across a sentence without a person",
			paras(`German Chancellor Angela Merkel addressed parliament, raising her voice above the catcalls.`,
				`"This is about nothing less than the future of Europe and with it the future of Germany in Europe, " she said.`),
			[]quoteOf{{"Angela Merkel", "future of Germany in Europe"}}},
		{"partial quote inside a sentence",
			paras(`Prime Minister George Papandreou vowed Wednesday that those responsible would be brought to justice.`,
				`He told Parliament that "a demonstration is one thing and murder is quite another. "`),
			[]quoteOf{{"George Papandreou", "murder is quite another"}}},
		{"participle after a comma takes the sentence's subject",
			`Greek prime minister George Papandreou condemned the killings, saying: "A demonstration is one thing and murder is quite another".`,
			[]quoteOf{{"George Papandreou", "murder is quite another"}}},
		{"curly marks with spaces",
			`“ I ’ m not positive all three of the people were targeted but there appeared to be some purpose, ” Troy Police Chief Charles Craft said.`,
			[]quoteOf{{"Charles Craft", "not positive all three"}}},
		{"single quotes",
			`'He probably realized if he didn't, he was going to be shot, ' Undersheriff James Gage said.`,
			[]quoteOf{{"James Gage", "he was going to be shot"}}},
		{"single quotes, spaced, pronoun speaker",
			paras(`Police Chief Tom Harris said officers were searching the woods.`, `' We're actively looking for him, ' he said.`),
			[]quoteOf{{"Tom Harris", "actively looking for him"}}},
		{"mixed straight and curly marks",
			`“The shock was tremendous, but everyone got out safely," Constable Tim Fanning said.`,
			[]quoteOf{{"Tim Fanning", "shock was tremendous"}}},
		{"verb of writing",
			`Jeffs also wrote: "If the world knew what I was doing, they would hang me from the highest tree. "`,
			[]quoteOf{{"Jeffs", "they would hang me"}}},
		{"said in a statement",
			`"The data center is the foundation of IT for enterprises, an essential building block, " John McCain, senior vice president of HP Services, said in a statement.`,
			[]quoteOf{{"John McCain", "foundation of IT"}}},
		{"was heard saying",
			`"A good wife is trained for her husband and follows the spirit of peace, " Jeffs was heard saying.`,
			[]quoteOf{{"Jeffs", "A good wife is trained"}}},
		{"inverted with age and role",
			`"They're taking everything from me, I don't know how I'm going to get by, " said 61 - year - old Anargyros Bizianis, a municipal worker in the Athens suburb of Piraeus.`,
			[]quoteOf{{"Anargyros Bizianis", "how I'm going to get by"}}},
		{"unnamed speaker kept as written",
			`" It's not 100 percent on the coach, " a source with knowledge of the 76ers ' thinking said Saturday afternoon.`,
			[]quoteOf{{"a source with knowledge of the 76ers ' thinking", "100 percent on the coach"}}},
		{"police as speaker",
			`" The suspect, a 61-year-old man, entered the business, which had at least a dozen people inside, " police said in a statement.`,
			[]quoteOf{{"police", "entered the business"}}},
		{"the statement resolved to its issuer",
			paras(`The pirate boats attempted to escape, according to a statement from the Indian government.`,
				`Marine commandoes boarded the pirate boats and seized " a substantial cache of arms and equipment, " including seven rifles, the statement said.`),
			[]quoteOf{{"Indian government", "substantial cache of arms"}}},
		{"quote after a sentence crediting the same source",
			paras(`The INS Mysore received a distress call from the MV Gibe, a Defence Ministry statement said.`,
				`" On sighting the helicopter and Mysore, the boats disengaged from MV Gibe and attempted escape.`,
				`Mysore closed the vessels and ordered them to stop. "`),
			[]quoteOf{{"Defence Ministry", "boats disengaged"}}},
		{"attribution at the end of a sentence holding the quote",
			`"It lasted a really long time. You could tell" it was larger, said Hardester's Market clerk Alicia Mullin.`,
			[]quoteOf{{"Alicia Mullin", "It lasted a really long time."}}},
		{"a place before the verb closes an appositive left open",
			`Matt Smith, the county attorney in Mohave County, Az. said in a press release Wednesday that "the indictments in Texas do not affect the Arizona case at all. "`,
			[]quoteOf{{"Matt Smith", "do not affect the Arizona case"}}},
		{"a name the entity cuts at an initial",
			`"They promised us a lot of things; nothing actually implemented, " said a Sudanese government spokesman, Rabie A. Atti.`,
			[]quoteOf{{"Rabie A. Atti", "promised us a lot of things"}}},
		{"she is the witness the sentence before quoted",
			paras(`" I am half-dead in my tent, " said fisherman's wife Mapahai, 35, who fled with her husband and six children.`,
				`" Two of my children are sick, I am also sick, " she said.`),
			[]quoteOf{{"Mapahai", "half-dead in my tent"}, {"Mapahai", "Two of my children are sick"}}},
		{"a relative named in an appositive",
			`"She wasn't just a receptionist. She was our mom and the grandmother of our children, " Kafoury's son, Charlie, said after the hearing.`,
			[]quoteOf{{"Charlie", "grandmother of our children"}}},
		{"a headline in single quotes",
			paras(`Merkel: 'We are at a fork in the road'`, `German Chancellor Angela Merkel urged lawmakers to pass the bailout.`),
			[]quoteOf{{"Merkel", "fork in the road"}}},
		{"colon after a possessive pronoun",
			paras(`Red Sox owner John Henry has said, in so many words, that his team will not sign Mark Teixeira.`,
				`His exact words:`,
				`“ We met with Mr. Teixeira and were very much impressed with him. ”`),
			[]quoteOf{{"John Henry", "very much impressed with him"}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := Extract(article("a", "", "2024-03-12", tt.text), Options{})
			var got []string
			for _, q := range an.Quotes {
				got = append(got, q.Speaker+": "+q.Text)
				if !strings.Contains(tt.text, q.Text) {
					t.Errorf("quote %q is not verbatim", q.Text)
				}
			}
			for _, w := range tt.want {
				found := false
				for _, q := range an.Quotes {
					if strings.Contains(q.Text, w.holds) && strings.Contains(q.Speaker, w.speaker) {
						found = true
					}
				}
				if !found {
					t.Errorf("no quote of %q holding %q; got %q", w.speaker, w.holds, got)
				}
			}
			if len(an.Quotes) != len(tt.want) {
				t.Errorf("%d quotes, want %d: %q", len(an.Quotes), len(tt.want), got)
			}
		})
	}
}

// TestNoQuote lists marks that quote nobody: a quote's speaker must be
// right, so where none is given there is no quote.
func TestNoQuote(t *testing.T) {
	tests := []struct{ name, text string }{
		{"scare quotes", `Police 'locked down ' the neighborhood and the Indian navy said it had sunk a pirate " mother vessel " in the Gulf of Aden.`},
		{"a title", `Klitschko led the crowd in singing "Happy Birthday" to trainer Emanuel Steward, who turned 68 on Saturday.`},
		{"a banner", `A group of about 200 communists had stormed the Acropolis, unfurling banners reading "Peoples of Europe, Rise Up. "`},
		{"a nickname", `Brand was Stefanski's target in the summer, the " Philly Max, " as Brand later called it.`},
		{"an apostrophe is no quotation mark", `Cheeks ' coaching moves have frequently been criticized over the years, both in Philadelphia and in the Sixers ' old arena.`},
		{"a label before a colon", `Update: "the bridge will stay closed until the inspection is over"`},
		{"a stray mark after a web address", `In August, IBM added http: / / blogs. business2. com / 2007 / 08 / ibm - moves. html ">carbon consulting to its business consulting operation.`},
		{"marks set the wrong way round", `The U. S. Marshals have added to their ” 15 Most Wanted “ list of fugitives a man serving three life sentences.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			an := Extract(article("a", "", "2024-03-12", tt.text), Options{})
			for _, q := range an.Quotes {
				t.Errorf("quote %q of %q, want none", q.Text, q.Speaker)
			}
		})
	}
}

// creditOf is a source a sentence must credit, and its kind.
type creditOf struct {
	source string
	kind   crosscheck.AttributionKind
}

func TestCreditForms(t *testing.T) {
	official, agency, outlet := crosscheck.AttrOfficial, crosscheck.AttrAgency, crosscheck.AttrOutlet
	unnamed, witness, docs, person := crosscheck.AttrAnonymous, crosscheck.AttrWitness, crosscheck.AttrDocuments, crosscheck.AttrPerson
	tests := []struct {
		text string
		want []creditOf
	}{
		{`A former employee opened fire at an office Christmas party Friday, killing one person, police said.`,
			[]creditOf{{"police", official}}},
		{`Eric Allen Kirkpatrick faces one count of first-degree murder, Vancouver police said.`,
			[]creditOf{{"Vancouver police", official}}},
		{`A man shot to death his former girlfriend, authorities say.`,
			[]creditOf{{"authorities", official}}},
		{`The weapons conviction stemmed from a 1999 incident, according to court documents.`,
			[]creditOf{{"court documents", docs}}},
		{`Marfin bank officials told Reuters one of the female victims was pregnant.`,
			[]creditOf{{"Marfin bank officials", official}, {"Reuters", agency}}},
		{`A spokesman for the Enough Project, an activist group that works to end genocide, said there were no dead.`,
			[]creditOf{{"A spokesman for the Enough Project", official}, {"Enough Project", official}}},
		{`Pirates have attacked nearly 100 vessels off Somalia's coast, the International Maritime Bureau said.`,
			[]creditOf{{"International Maritime Bureau", official}}},
		{`The thieves set fire to the vehicle before making off in another vehicle, Le Monde reported.`,
			[]creditOf{{"Le Monde", outlet}}},
		{`The Philadelphia 76ers fired coach Maurice Cheeks on Saturday, dpa reported.`,
			[]creditOf{{"dpa", agency}}},
		{`Stephen A. Smith has reported that the Philadelphia 76ers have parted ways with coach Maurice Cheeks.`,
			[]creditOf{{"Stephen A. Smith", person}}},
		{`Mr Alishbandi told the AFP news agency he was not expecting the death toll to rise.`,
			[]creditOf{{"Alishbandi", person}, {"AFP", agency}}},
		{`The quake struck Qeshm island, home to 120, 000 people, and the city of Bandar Abbas, state media said.`,
			[]creditOf{{"state media", outlet}}},
		{`A refugee camp was bombed Thursday, South Sudan officials and witnesses said.`,
			[]creditOf{{"South Sudan officials", official}, {"witnesses", witness}}},
		{`The company will become a division of HP for an undisclosed sum, according to sources.`,
			[]creditOf{{"sources", unnamed}}},
		{`" Everybody zones them, " an Eastern Conference executive said Saturday.`,
			[]creditOf{{"an Eastern Conference executive", official}, {"Eastern Conference", official}}},
		{`The cuts were to the Sea Me We 4 line, a France Telecom spokeswoman who asked not to be named said.`,
			[]creditOf{{"a France Telecom spokeswoman", unnamed}, {"France Telecom", official}}},
		{`Airport chief Ali Naghavi was quoted by IRNA as saying that operations had resumed.`,
			[]creditOf{{"Ali Naghavi", official}, {"IRNA", agency}}},
		{`State news agency IRNA quoted the head of the free - trade zone, Ali Rezapour, as saying the quake caused damage.`,
			[]creditOf{{"IRNA", agency}, {"Ali Rezapour", official}}},
		{`The Boston Herald's Michael Silverman wrote in his Monday column the offer was expected to be in the range of $145 million.`,
			[]creditOf{{"Michael Silverman", outlet}, {"Boston Herald", outlet}}},
		{`"Everyone must remain extremely vigilant" to this risk, Strauss - Kahn said in an interview in French newspaper Le Parisien Wednesday.`,
			[]creditOf{{"Strauss - Kahn", person}, {"Le Parisien", outlet}}},
		{`The suspect bought a shotgun, according to real estate records obtained by The Associated Press.`,
			[]creditOf{{"The Associated Press", agency}, {"real estate records", docs}}},
		{`A Coast Mountain bus was called in to collect witnesses, TransLink spokesman Drew Snider said.`,
			[]creditOf{{"Drew Snider", official}, {"TransLink", official}}},
		{`Its Albany office had engineering billings of $7. 2 million in 2006, according to The Business Review's latest List of Engineering Firms.`,
			[]creditOf{{"The Business Review", outlet}}},
		{`Despite saying they have been outbid for Teixeira, the Red Sox do not believe they are out of the chase, SportsCenter 5 has learned.`,
			[]creditOf{{"SportsCenter 5", outlet}}},
		{`"Justice has been served, " Jeffs' nephew, Brent Jeffs, told InSession soon after the sentence.`,
			[]creditOf{{"Brent Jeffs", witness}, {"InSession", outlet}}},
		{`The bodies were found in the wreckage of a bank branch, the fire brigade said.`,
			[]creditOf{{"the fire brigade", official}}},
		{`The Texas Department of Criminal Justice is searching for an escaped inmate, MyFoxHouston. com reports.`,
			[]creditOf{{"MyFoxHouston. com", outlet}}},
		{`A man fired four days earlier walked into his old office with a shotgun, a police sergeant said Wednesday.`,
			[]creditOf{{"a police sergeant", official}, {"police", official}}},
		{`Among the dead was a 10-year-old girl, identified as Yolanda Mandofi, whose head was crushed, said local hospital director Hengky Tewu.`,
			[]creditOf{{"Hengky Tewu", official}}},
		{`Jonathan Wright - director of wholesale products at Interoute which manages part of the network - told the BBC that the effects would be felt for days.`,
			[]creditOf{{"Jonathan Wright", official}, {"Interoute", official}, {"BBC", outlet}}},
		{`Internet traffic was hampered Friday, according to international media and Greek Sky TV.`,
			[]creditOf{{"international media", outlet}, {"Greek Sky TV", outlet}}},
		{`A Reuters correspondent heard a large explosion, then saw a crater about two metres wide.`,
			[]creditOf{{"A Reuters correspondent", outlet}, {"Reuters", agency}}},
		{`About 14,000 people fled their homes at the weekend after a local tsunami warning was issued, the UN said on its Web site.`,
			[]creditOf{{"UN", official}}},
		{`Peter Gross, CEO of EYP MCF, said worldwide data - center requirements are growing rapidly.`,
			[]creditOf{{"Peter Gross", official}, {"EYP MCF", official}}},
		{`HP of Palo Alto, Calif., said it has agreed to acquire EYP Mission Critical Facilities Inc.`,
			[]creditOf{{"HP", official}}},
		{`Department of Corrections spokeswoman Michelle Lyons said Thursday that the convicted sex offender was still on the run.`,
			[]creditOf{{"Michelle Lyons", official}, {"Department of Corrections", official}}},
		{`His son, T.J. DiLeo, is a guard for Temple and he said after the win that he was excited.`,
			[]creditOf{{"T.J. DiLeo", person}}},
		{`TallGrass, a wholesaler of natural health products, issued a statement Saturday evening saying it was " deeply saddened by the tragic death of our president. "`,
			[]creditOf{{"TallGrass", official}}},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			an := Extract(article("a", "", "2024-03-12", tt.text), Options{})
			var got []string
			for _, c := range an.Credits {
				got = append(got, string(c.Kind)+":"+c.Source)
			}
			for _, w := range tt.want {
				found := false
				for _, c := range an.Credits {
					if c.Source == w.source && c.Kind == w.kind {
						found = true
					}
				}
				if !found {
					t.Errorf("no credit %s:%s; got %q", w.kind, w.source, got)
				}
			}
			if len(an.Credits) != len(tt.want) {
				t.Errorf("%d credits, want %d: %q", len(an.Credits), len(tt.want), got)
			}
		})
	}
}

// TestNoCredit lists sentences that credit nobody: a listener is no
// source, a speech verb inside a quotation credits nobody, and neither
// does a verb whose subject is no one who could speak for the story.
func TestNoCredit(t *testing.T) {
	tests := []string{
		`"We told them to leave the building, " he said.`,
		`Merkel told lawmakers in Berlin to pass the bill by Friday.`,
		`He told Parliament that the cuts would go ahead.`,
		`The pirates said nothing after officers surrounded them.`,
		`Some have said that the team has missed its run and gun offense from last season.`,
		`The U. S. Marshals have added the inmate to their list of fugitives.`,
		`Teixeira is said to be seeking more than $21 million a year.`,
		`Financial details of the acquisition, announced Nov. 12, were not disclosed.`,
		`Earl Bloom heard the news on his radio show.`,
		`Indonesia has recently launched an early tsunami warning system across the country.`,
	}
	for _, text := range tests {
		t.Run(text, func(t *testing.T) {
			an := Extract(article("a", "", "2024-03-12", text), Options{})
			for _, c := range an.Credits {
				t.Errorf("credit %s:%q, want none", c.Kind, c.Source)
			}
		})
	}
}

func TestBareName(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Police Constable Tim Fanning", "Tim Fanning"},
		{"Genesee County Sheriff Robert J. Pickell", "Robert J Pickell"},
		{"Commodore Nirad Sinha", "Nirad Sinha"},
		{"Tim Fanning", "Tim Fanning"},
		{"Angela Merkel", "Angela Merkel"},
	}
	for _, tt := range tests {
		if got := BareName(tt.in); got != tt.want {
			t.Errorf("BareName(%q)=%q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestSourceKey(t *testing.T) {
	tests := []struct{ a, b string }{
		{"U. S. Geological Survey", "United States Geological Survey"},
		{"U.S. Geological Survey", "US Geological Survey"},
		{"Egypt's communications ministry", "the Egyptian communications ministry"},
		{"WCVB - TV", "WCVB"},
		{"Reliance Globalcom Ltd.", "Reliance GlobalCom"},
		{"Interoute Plc", "Interoute"},
		{"MyFoxHouston. com", "MyFoxHouston.com"},
		{"The Associated Press", "Associated Press"},
	}
	for _, tt := range tests {
		if SourceKey(tt.a) != SourceKey(tt.b) {
			t.Errorf("SourceKey(%q)=%q, SourceKey(%q)=%q: want one source", tt.a, SourceKey(tt.a), tt.b, SourceKey(tt.b))
		}
	}
	if SourceKey("Sky News") == SourceKey("Sky TV") {
		t.Errorf("Sky News and Sky TV are two outlets")
	}
}

// A quotation opened mid-paragraph and never closed ends with its
// paragraph when the paragraphs after it credit sources of their own: the
// figures there are the writer's, and stay facts.
func TestUnclosedQuoteEndsWithParagraph(t *testing.T) {
	text := "A correspondent reported hearing a blast, then saw \"a crater two metres wide.\n" +
		"One bomb landed inside a school yard, according to a local official.\n" +
		"The camp is home to more than 22,000 refugees, aid workers said.\n" +
		"\"We are afraid,\" one refugee said."
	an := Extract(article("a", "", "2024-03-12", text), Options{})
	found := false
	for _, f := range an.Facts {
		for _, v := range f.Values {
			if v.Min == 22000 {
				found = true
			}
		}
	}
	if !found {
		t.Errorf("the figure after the unclosed quotation is not a fact")
	}
	for _, q := range an.Quotes {
		if strings.Contains(q.Text, "22,000") {
			t.Errorf("quote %q runs over the writer's paragraphs", q.Text)
		}
	}
}
