package claim

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
	"github.com/kljensen/snowball/english"
)

// Unbounded is the Max of a value with no upper bound ("more than 30").
// JSON cannot carry infinity, so a large finite number stands for it.
const Unbounded = 1e18

// Options tunes Extract. The zero value is ready to use.
type Options struct {
	// Reference resolves relative dates ("on Thursday") when the article has
	// no publication date; zero leaves such dates unresolved.
	Reference time.Time
	// Story is the date the story's other articles were published (zero:
	// unknown). An article published more than MaxDrift away from it (a
	// late republication) resolves relative dates against Story instead.
	Story time.Time

	headline bool // the text is a headline: its lines state facts
}

// MaxDrift is how far an article's date may lie from its story's before
// its relative dates are resolved against the story's.
const MaxDrift = 7 * 24 * time.Hour

// Analysis is what one article states: its entities, facts, quotes and the
// sources it credits. Indexes into Sentences refer to the article's
// sentences.
type Analysis struct {
	// Article is the analysed article.
	Article *crosscheck.Article
	// Sentences are the article's sentences (the article's own, or split here
	// when it has none).
	Sentences []crosscheck.Sentence
	// Entities are the people, organisations and places, aliases merged
	// within the article.
	Entities []Entity
	// Mentions are every mention of an entity, in text order.
	Mentions []Mention
	// Facts are the sentences that state facts, with their values.
	Facts []Fact
	// Quotes are direct quotations with their speakers.
	Quotes []Quote
	// Credits are the sources the article credits.
	Credits []Credit
}

// Entity is one person, organisation or place of an article.
type Entity struct {
	// Name is the most complete name used.
	Name string
	// Kind is person, organization, place or other.
	Kind crosscheck.EntityKind
	// Aliases are the other names and role phrases used for it.
	Aliases []string
	// Roles are titles attached to it ("French President").
	Roles []string
	// Mentions counts its mentions.
	Mentions int
	// Given and Surname are the normalised keys of a person's name parts
	// (nickname key, transliteration skeleton); Key is the normalised name
	// of anything else.
	Given, Surname, Key string
	// Cued is true when Kind rests on a cue rather than a guess: a title,
	// a role or a known given name for a person, "the" or a craft noun
	// before the name of a thing ("the Selje Star"); organisations and
	// places always are. A person without it is a capitalised name guessed.
	Cued bool
	// Evidence is how strongly Kind is supported, at best among its
	// mentions: 2 by a head word ("Ministry", "Street", "Ltd."), the
	// gazetteer, a title, a role or a known given name; 1 by a preposition
	// ("in Talodi") or an article ("the Selje Star"); 0 not at all (a
	// capitalised name).
	Evidence int
}

// Mention is one mention of an entity.
type Mention struct {
	// Entity indexes Analysis.Entities.
	Entity int
	// Text is the name as written; Role the title attached to it here.
	Text, Role string
	// Sentence indexes Analysis.Sentences.
	Sentence int
	// Start and End are byte offsets in the article text.
	Start, End int
	// RoleOnly is true for a role phrase standing for a person ("the envoy").
	RoleOnly bool
}

// Fact is one sentence that states facts.
type Fact struct {
	// Sentence indexes Analysis.Sentences; Span is its span in the text.
	Sentence int
	Span     crosscheck.Span
	// Text is the sentence, verbatim.
	Text string
	// Subject is the subject as written; SubjectKey identifies it: "e:N"
	// for entity N, "h:STEM|N,M" for a common noun with entity modifiers.
	Subject, SubjectKey string
	// Verb is the lemma of the main verb; Object the stem of its object's head.
	Verb, Object string
	// VerbText is the verb phrase as written, auxiliaries and negation
	// included ("did not attend").
	VerbText string
	// Negated is true when the main statement is negated.
	Negated bool
	// Values are the normalised values the sentence states.
	Values []ValueFact
	// Entities index the entities mentioned (person subjects first).
	Entities []int
	// Stems are the stems of its content words, entity names excluded.
	Stems []string
	// Credits index Analysis.Credits made in the sentence.
	Credits []int
	// Distinct is true when the sentence marks a separate event.
	Distinct bool
	// Years, Months and Weekdays are those the sentence names ("in 2004",
	// "In February", "on Monday"), to tell one moment from another.
	Years, Months, Weekdays []int
	// Title is true for a fact of the article's headline when the
	// headline is not part of its text: Sentence is -1 and Span and the
	// values' offsets are within Article.Title.
	Title bool
	// LeadYears and LeadMonths are the year and month of a time adverbial
	// that opens the sentence ("In February, a gunman killed five people";
	// "In December 2003, ..."): news sets background apart that way.
	LeadYears, LeadMonths []int
}

// ValueFact is a value with the frame that says which fact it measures.
type ValueFact struct {
	crosscheck.Value
	// Start and End locate the value text in the article text.
	Start, End int
	// Verb is the lemma of the verb governing the value; Prep the
	// preposition before it ("after", "for"), "" when none.
	Verb, Prep string
	// VerbText is the governing verb as written.
	VerbText string
	// ObjectKey identifies the object between the verb and the value
	// ("met Brandt for 40 minutes"), keyed like SubjectKey; "" when none.
	ObjectKey string
	// Subject and SubjectKey are as in Fact, for the value's clause.
	Subject, SubjectKey string
	// Negated is true when the value's clause is negated.
	Negated bool
	// Distinct is true when the value's clause marks a separate event
	// ("a separate 25-minute meeting").
	Distinct bool
	// Approx is true when the value is hedged (about, nearly, more than).
	Approx bool
	// Zoned is true for a clock time given with its time zone ("15:06
	// Moscow time"), which Min and Max then hold in UTC; a time without one
	// is local and is not compared with a zoned one.
	Zoned bool
	// Total is true when a count is stated as the whole of its set,
	// whatever the verb: "all 214 passengers", "carrying 214 passengers",
	// "with 214 passengers on board".
	Total bool

	// The slot: which fact the value measures (see frame.go).
	//
	// Attr is the attribute: count, age, magnitude, population, distance,
	// speed, money:CUR, percent, duration, time, date.
	Attr string
	// Head is the key of the counted or measured thing ("boat", "person"
	// for any noun of people, "quake"); Spec a distinctive modifier
	// ("ak47", "somalia"); Spec2 the people noun a "person" head stood for.
	Head, Spec, Spec2 string
	// Phrase is the value with its noun phrase as written ("three
	// speedboats"), ending at PhraseEnd in the article text.
	Phrase    string
	PhraseEnd int
	// VerbClass is the class of the act that governs the value ("die" for
	// killed, dead, died), "" when none is known.
	VerbClass string
	// VerbLemma is the lemma of that verb, stemmed (a key); VerbWord its
	// dictionary form, for people to read ("carry").
	VerbLemma, VerbWord string
	// Other is true for a further set: "three other rifles", "another
	// 20,000 people".
	Other bool
	// Holder is the entity the value is an attribute of (whose age, which
	// town's population), -1 when none.
	Holder int
	// Context are the stems of the content words around the value.
	Context []string
	// Years are the years the sentence states besides the value; Past is
	// true when it speaks of an earlier time ("last year", "previous").
	Years []int
	Past  bool
	// Month, Day and Weekday (1 = Sunday) are a date's parts as stated,
	// 0 when not stated: "November 19" has no weekday, "on Monday" no day.
	Month, Day, Weekday int
	// Rate is true for a value per unit of time or thing ("100 RBIs a
	// season", "$23 million per season"); Place is the place a share is of
	// ("80 percent" of services "in Egypt"), -1 when none.
	Rate  bool
	Place int
	// Conv is true for a sum given as the equivalent of a sum in another
	// currency ("2m euros ($2.6m)").
	Conv bool
	// Dir is the direction of a distance ("north" in "50 miles north of
	// Detroit"); Of the thing it places ("building" in "the building is
	// 15 miles north of Detroit"), "" when unsaid.
	Dir, Of string
	// InYear is the year named right after the value ("a 9.1 temblor in
	// 2004"), 0 when none.
	InYear int
	// N is the figure as stated, before its hedge widened Min and Max
	// ("about 30" is 30); for times, dates and ages, Min.
	N float64
	// Part is true for the whole of a set some of which the clause
	// counts: "three victims" in "two of the three victims died".
	Part bool
	// Update is true when the value is a change over time ("rose to 10");
	// Modal when it is a possibility, plan or forecast ("could reach").
	Update, Modal bool
}

// Quote is a direct quotation.
type Quote struct {
	// Speaker is the speaker's entity name; SpeakerEntity indexes Entities.
	// A quote with a speech verb but no named speaker ("the spokesman said")
	// is kept with SpeakerEntity -1 and Speaker "": another outlet may name
	// the speaker of the same words.
	Speaker       string
	SpeakerEntity int
	// Text is the words inside the quotation marks, verbatim. A quotation
	// split around its speaker ("A," Schiff said, "B.") is one quote: Text
	// then runs from A to B, and Parts holds A and B.
	Text string
	// Span locates Text; First and Last are the sentences holding it.
	Span        crosscheck.Span
	First, Last int
	// Parts are the quoted pieces of a split quotation, nil for one piece.
	Parts []crosscheck.Span
	// person is true when the speaker is a named person, named when the
	// speaker is named at all (a person or an organisation, not "police"
	// or "a source with knowledge of ...").
	person, named bool
}

// Credit is a source the article credits.
type Credit struct {
	// Source is who is credited: a person's name, or the phrase as written
	// ("Reuters", "two unnamed officials", "Vancouver police").
	Source string
	// Kind is agency, outlet, official, witness, documents, person or
	// anonymous.
	Kind crosscheck.AttributionKind
	// Sentence indexes Analysis.Sentences.
	Sentence int
	// Entity indexes Entities for a named person or organisation, -1
	// otherwise.
	Entity int
	// Role is what the sentence calls a named person besides their name
	// ("navy spokesman", "the governor of Hormozgan province"), "" when
	// nothing.
	Role string
	// person is true for a named person; statement for an organisation
	// credited through its statement ("a Defence Ministry statement");
	// named for a source known by its name, not a common noun ("police").
	person, statement, named bool
}

// sent is a sentence being analysed.
type sent struct {
	span     crosscheck.Span
	para     int
	toks     []token
	headline bool
	quoted   []bool // per token: inside quotation marks
	year     int    // the one year the sentence is set in (sentenceYear)
}

// extractor holds the state of one Extract call.
type extractor struct {
	a      *crosscheck.Article
	opts   Options
	text   string
	sents  []sent
	an     *Analysis
	ref    time.Time
	stems  map[string]string
	raw    []rawMention
	qspans []quoteSpan
	// midCaps are the words capitalised inside a sentence somewhere;
	// lowWords the words written in lower case somewhere.
	midCaps, lowWords map[string]bool
	// spacedHyphens is true for a text that writes hyphens apart inside
	// words ("38 - year - old"), as detokenised corpora do.
	spacedHyphens bool
	speech        speechState
}

// Extract analyses one article. It is pure and safe for concurrent use.
func Extract(a *crosscheck.Article, opts Options) *Analysis {
	x := &extractor{a: a, opts: opts, text: a.Text, stems: map[string]string{}}
	x.an = &Analysis{Article: a, Sentences: a.Sentences}
	if len(x.an.Sentences) == 0 || !validSpans(a.Sentences, len(a.Text)) {
		x.an.Sentences = SplitSentences(a.Text)
	}
	x.ref = a.Published
	if x.ref.IsZero() {
		x.ref = opts.Reference
	}
	if !opts.Story.IsZero() && !x.ref.IsZero() && (x.ref.Sub(opts.Story) > MaxDrift || opts.Story.Sub(x.ref) > MaxDrift) {
		x.ref = opts.Story
	}
	if l := strings.ToLower(a.Language); l != "" && l != "en" && !strings.HasPrefix(l, "en-") {
		return x.an // the rules read English only: state nothing rather than guess
	}
	x.tokenizeAll()
	x.entities()
	x.quotes()
	x.credits()
	x.facts()
	if !opts.headline && a.Title != "" && !strings.Contains(a.Text, a.Title) {
		x.titleFacts()
	}
	return x.an
}

// titleFacts adds the facts of the article's headline, which extraction
// keeps apart from its text: a headline often states the figure the story
// is about ("Paris thieves nab $2.5 million worth of jewellery"). The
// headline is read as an article of its own; its entities are the
// article's entity of the same name, or new ones.
func (x *extractor) titleFacts() {
	h := *x.a
	h.Text, h.Sentences, h.Paragraphs = h.Title, nil, nil
	hopts := x.opts
	hopts.headline = true
	ha := Extract(&h, hopts)
	index := map[int]int{}
	ent := func(e int) int {
		if e < 0 || e >= len(ha.Entities) {
			return -1
		}
		if m, ok := index[e]; ok {
			return m
		}
		he := ha.Entities[e]
		for i, me := range x.an.Entities {
			if me.Kind == he.Kind && (strings.EqualFold(me.Name, he.Name) || containsFold(me.Aliases, he.Name)) {
				index[e] = i
				return i
			}
		}
		he.Mentions = 0
		x.an.Entities = append(x.an.Entities, he)
		index[e] = len(x.an.Entities) - 1
		return index[e]
	}
	for _, f := range ha.Facts {
		f.Title, f.Sentence, f.Credits = true, -1, nil
		ents := f.Entities[:0]
		for _, e := range f.Entities {
			if g := ent(e); g >= 0 {
				ents = append(ents, g)
			}
		}
		f.Entities = ents
		for k := range f.Values {
			v := &f.Values[k]
			v.Holder, v.Place = ent(v.Holder), ent(v.Place)
			if strings.HasPrefix(v.SubjectKey, "e:") {
				v.SubjectKey = ""
			}
		}
		if strings.HasPrefix(f.SubjectKey, "e:") {
			f.SubjectKey = ""
		}
		x.an.Facts = append(x.an.Facts, f)
	}
}

func (x *extractor) tokenizeAll() {
	x.qspans = findQuotes(x.text)
	x.sents = make([]sent, len(x.an.Sentences))
	q := 0
	for i, s := range x.an.Sentences {
		toks := mergeSpaced(x.text, tokenize(x.text, s.Start, s.End, nil))
		tagTokens(toks)
		x.sents[i] = sent{span: s.Span, para: s.Para, toks: toks}
		x.sents[i].headline = isHeadline(x.text[s.Start:s.End], toks)
		x.sents[i].year = sentenceYear(toks)
		m := make([]bool, len(toks))
		for k, t := range toks {
			for q < len(x.qspans) && x.qspans[q].close < t.start {
				q++
			}
			m[k] = q < len(x.qspans) && t.start >= x.qspans[q].open && t.start <= x.qspans[q].close
		}
		x.sents[i].quoted = m
	}
}

// validSpans reports whether sentence spans are in order, inside the text
// and apart: spans from elsewhere are not trusted to slice the text.
func validSpans(ss []crosscheck.Sentence, n int) bool {
	end := 0
	for _, s := range ss {
		if s.Start < end || s.End < s.Start || s.End > n {
			return false
		}
		end = s.End
	}
	return true
}

// isHeadline reports a line without final punctuation, or in title case.
func isHeadline(s string, _ []token) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(s)
	if strings.ContainsRune(".!?”\"’)", last) {
		return false
	}
	// a line cut after a comma is a sentence that went on
	if last == ',' || last == ';' {
		return false
	}
	// a long line in sentence case whose full stop was lost ("Thompson,
	// who was the mandatory challenger nominated by the IBF, dropped to
	// 36 - 3") is a sentence; a headline is short or capitalises its words
	words, caps := 0, 0
	for _, w := range strings.Fields(s) {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsLetter(r) {
			continue
		}
		words++
		if unicode.IsUpper(r) {
			caps++
		}
	}
	return words < 14 || caps*2 >= words
}

// stem returns the snowball stem of a lower-case word, cached.
func (x *extractor) stem(w string) string {
	if s, ok := x.stems[w]; ok {
		return s
	}
	s := english.Stem(w, false)
	x.stems[w] = s
	return s
}

// lemma returns a verb's lemma: irregular forms mapped, others stemmed.
func (x *extractor) lemma(w string) string {
	l, ok := irregular[w]
	if !ok {
		l = x.stem(w)
	}
	if s, ok := verbSynonyms[l]; ok {
		return s
	}
	return l
}

// verbSynonyms fold verbs news uses interchangeably for one act.
var verbSynonyms = map[string]string{
	"walk": "leave", "depart": "leave", "exit": "leave", "quit": "leave",
	"kill": "die", "wound": "injur", "hurt": "injur", "detain": "arrest",
	"chair": "lead", "head": "lead", "captur": "arrest",
	"hit": "strike", "ram": "strike",
}

// Stem is the stemmer claim uses, for callers that compare words.
func Stem(w string) string { return english.Stem(strings.ToLower(w), false) }
