package claim

import (
	_ "embed"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Reporting language: who a sentence credits, and with which verb. Quotes
// and credits read the same clauses: "police said", "said the minister",
// "according to court documents", "X told Reuters", "X was quoted by IRNA
// as saying". The words are data (data/speech.txt); this file is the
// mechanism that reads them over a sentence's tokens.

//go:embed data/speech.txt
var speechData string

// speechLexicon is data/speech.txt read into sets.
type speechLexicon struct {
	say, report, participle, between map[string]bool
	before, medium, anonymous        [][]string
	// kind maps the head noun of a credited phrase to the kind of source
	// it makes ("police": official, "witnesses": witness).
	kind                             map[string]crosscheck.AttributionKind
	witnessRole, pressRole           map[string]bool
	agency, outletName, outletSuffix map[string]bool
	// body heads are institutions credited as a whole ("Vancouver
	// police"); statement heads stand for their issuer; institution words
	// as modifiers credit the institution too ("a police sergeant").
	body, statement, institution map[string]bool
}

var speech = readSpeech(speechData)

func readSpeech(data string) *speechLexicon {
	l := &speechLexicon{
		say: map[string]bool{}, report: map[string]bool{}, participle: map[string]bool{}, between: map[string]bool{},
		kind: map[string]crosscheck.AttributionKind{}, witnessRole: map[string]bool{}, pressRole: map[string]bool{},
		agency: map[string]bool{}, outletName: map[string]bool{}, outletSuffix: map[string]bool{},
		body: map[string]bool{}, statement: map[string]bool{}, institution: map[string]bool{},
	}
	kinds := map[string]crosscheck.AttributionKind{
		"official": crosscheck.AttrOfficial, "witness": crosscheck.AttrWitness, "unnamed": crosscheck.AttrAnonymous,
		"documents": crosscheck.AttrDocuments, "outlet": crosscheck.AttrOutlet,
	}
	for _, line := range strings.Split(data, "\n") {
		if i := strings.IndexByte(line, '#'); i >= 0 {
			line = line[:i]
		}
		sec, words, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		sec = strings.TrimSpace(sec)
		for _, w := range strings.Fields(words) {
			phrase := strings.Split(w, "_")
			w = strings.Join(phrase, " ")
			switch sec {
			case "say":
				l.say[w] = true
			case "report":
				l.report[w] = true
			case "participle":
				l.participle[w] = true
			case "between":
				l.between[w] = true
			case "before":
				l.before = append(l.before, phrase)
			case "medium":
				l.medium = append(l.medium, phrase)
			case "anonymous":
				l.anonymous = append(l.anonymous, phrase)
			case "witnessrole":
				l.witnessRole[w] = true
			case "pressrole":
				l.pressRole[w] = true
			case "agency":
				l.agency[w] = true
			case "outletname":
				l.outletName[w] = true
			case "outletsuffix":
				l.outletSuffix[w] = true
			case "institution":
				l.institution[w] = true
			case "body", "statement":
				if sec == "body" {
					l.body[w] = true
				} else {
					l.statement[w] = true
				}
				if _, seen := l.kind[w]; !seen {
					l.kind[w] = crosscheck.AttrOfficial
				}
			default:
				if k, ok := kinds[sec]; ok {
					if _, seen := l.kind[w]; !seen {
						l.kind[w] = k
					}
				}
			}
		}
	}
	return l
}

// isReporting reports a verb that credits its subject.
func isReporting(low string) bool { return speech.say[low] || speech.report[low] }

// matchWords returns the length of the first phrase of ps that the tokens
// from i spell, 0 when none.
func matchWords(toks []token, i int, ps [][]string) int {
	for _, p := range ps {
		if i+len(p) > len(toks) {
			continue
		}
		ok := true
		for k, w := range p {
			if toks[i+k].low != w {
				ok = false
				break
			}
		}
		if ok {
			return len(p)
		}
	}
	return 0
}

// boundaryWords start a new clause: a credited phrase never runs over one.
var boundaryWords = set(`that which but and or nor while as because when if so since after before although
though where whereas than unless until whether yet once`)

// relativeWords start a relative clause inside a phrase ("a spokeswoman who
// asked not to be named").
var relativeWords = set(`who whom whose which`)

// personalPronouns stand for a source named elsewhere.
var personalPronouns = set(`he she it they we i you him her them us me`)

// auxVerbs and other verbs that end a phrase read backwards.
var auxVerbs = set(`is are was were be been being has have had do does did will would can could
may might must shall should`)

// postModifiers may follow the head of a credited phrase: "a spokesman
// for X", "Witnesses at the camp", "records obtained by X".
var postModifiers = set(`of for at with from in by`)

// quoteMarkRune reports a quotation mark.
func quoteMarkText(s string) bool {
	switch s {
	case "\"", "“", "”", "„", "«", "»", "'", "‘", "’":
		return true
	}
	return false
}

// doubleMark reports a double quotation mark.
func doubleMark(s string) bool {
	switch s {
	case "\"", "“", "”", "„", "«", "»":
		return true
	}
	return false
}

// isVerbLike reports a lower-case word that is a verb of the sentence, not
// part of a name or a noun phrase.
func isVerbLike(t token) bool {
	if t.kind != 'w' || t.cap {
		return false
	}
	return isReporting(t.low) || auxVerbs[t.low] || verbish[t.low] || speechVerbs[t.low]
}

// hardStop ends a phrase in either direction.
func hardStop(t token) bool {
	if t.kind == 'p' {
		switch t.text {
		case ".", "-", "'", "’", "&", "/":
			return false
		}
		return true
	}
	return t.kind == 'w' && !t.cap && boundaryWords[t.low]
}

// phrase is a credited noun phrase in a sentence.
type phrase struct {
	si      int
	a, b    int // the phrase proper, tokens [a, b)
	c       int // end of its appositives (", a spokesman for X,"), >= b
	head    int // token of its head noun, -1 for names
	pron    string
	ok      bool
	inverse bool // read after the verb ("said the minister")
}

// speechState is what an extraction knows of reporting language: each
// sentence's clauses, read once, shared by quotes and credits.
type speechState struct {
	clauses [][]clause
	done    []bool
	// credited is true once the credits are read (quotes resolve "the
	// statement" and "the newspaper" against them).
	credited bool
}

// clause is one reporting clause: a verb and who it credits.
type clause struct {
	si   int
	verb int // token of the verb (or of the phrase that credits: "according")
	// form: 'S' source then verb, 'V' verb then source, 'A' according to
	// and the like, 'P' a participle taking the sentence's subject.
	form byte
	src  []phrase
	// media are the outlets that carried the words ("told Reuters").
	media []phrase
	// quoting is true when the verb can introduce a quotation.
	quoting bool
	// first and last are the tokens the clause spans.
	first, last int
}

// clauses returns the reporting clauses of sentence si, read once.
func (x *extractor) clauses(si int) []clause {
	sp := &x.speech
	if sp.clauses == nil {
		sp.clauses = make([][]clause, len(x.sents))
		sp.done = make([]bool, len(x.sents))
	}
	if !sp.done[si] {
		sp.done[si] = true
		sp.clauses[si] = x.readClauses(si)
	}
	return sp.clauses[si]
}

// readClauses finds the reporting clauses of a sentence.
func (x *extractor) readClauses(si int) []clause {
	s := &x.sents[si]
	toks := s.toks
	var out []clause
	for i := 0; i < len(toks); i++ {
		if s.quoted[i] || toks[i].kind != 'w' {
			continue
		}
		low := toks[i].low
		if n := matchWords(toks, i, speech.before); n > 0 {
			if p := x.readRight(si, i+n); p.ok {
				out = append(out, clause{si: si, verb: i, form: 'A', src: []phrase{p}, quoting: low == "according", first: i, last: p.c - 1})
				i = p.b - 1
			}
			continue
		}
		if n := matchWords(toks, i, speech.medium); n > 0 && !isReporting(low) {
			// "speaking to IRNA", "in an interview with the BBC"
			if p := x.readRight(si, i+n); p.ok {
				out = append(out, clause{si: si, verb: i, form: 'M', media: []phrase{p}, first: i, last: p.c - 1})
			}
			continue
		}
		if !isReporting(low) || toks[i].cap && i > 0 {
			continue
		}
		if i+1 < len(toks) && (toks[i+1].low == "nothing" || toks[i+1].low == "little") {
			continue // "he said nothing"
		}
		if c, ok := x.readClause(si, i, out); ok {
			out = append(out, c)
		}
	}
	return out
}

// readClause reads the clause of the reporting verb at token v.
func (x *extractor) readClause(si, v int, prev []clause) (clause, bool) {
	toks := x.sents[si].toks
	low := toks[v].low
	c := clause{si: si, verb: v, quoting: speech.say[low], first: v, last: v}
	tell := low == "told" || low == "tells" || low == "tell" || low == "telling"
	// "X quoted Y as saying", "X was quoted by Y as saying", "X was heard saying"
	if low == "saying" && v >= 2 && (toks[v-1].low == "as" || toks[v-1].low == "heard") {
		q := v - 1
		if toks[q].low == "as" {
			for q > 0 && toks[q].low != "quoted" && v-q < 14 {
				q--
			}
			if toks[q].low != "quoted" {
				return c, false
			}
		}
		c.quoting = true
		passive := q > 0 && auxVerbs[toks[q-1].low]
		if passive {
			// "Ali Naghavi was quoted by IRNA as saying"
			p := x.readLeft(si, q-1)
			if !p.ok {
				return c, false
			}
			c.form, c.src, c.first = 'S', []phrase{p}, p.a
			if toks[q].low == "quoted" && q+1 < len(toks) && toks[q+1].low == "by" {
				if m := x.readRight(si, q+2); m.ok {
					c.media = append(c.media, m)
				}
			}
			return c, true
		}
		// "IRNA quoted the head of the zone, Ali Rezapour, as saying"
		p := x.readLeft(si, q)
		if !p.ok {
			return c, false
		}
		c.form, c.first = 'S', p.a
		c.media = append(c.media, p)
		if y := x.readRight(si, q+1); y.ok {
			c.src = []phrase{y}
		}
		return c, len(c.src) > 0
	}
	if low == "quoted" || low == "heard" {
		return c, false // read from their "saying"
	}
	// inverted: "...," said the minister (unless the comma closes an
	// appositive: "X, a spokesman for Y, said")
	if v > 0 && !tell && speech.say[low] && (toks[v-1].text == "," || quoteMarkText(toks[v-1].text)) {
		left := phrase{}
		if toks[v-1].text == "," {
			left = x.readLeft(si, v)
		}
		if !left.ok || left.c == left.b {
			if p := x.readRight(si, v+1); p.ok && !isPrep(toks[p.a].low) && (p.head >= 0 || p.pron != "" || len(x.namedIn(si, p.a, p.b)) > 0 || x.nameLike(si, p.a, p.b)) {
				p.inverse = true
				c.form, c.src, c.last = 'V', []phrase{p}, p.c-1
				return c, true
			}
		}
	}
	// participle: "X condemned the killings, saying: ..."
	if speech.participle[low] && v > 0 && toks[v-1].text == "," {
		c.form = 'P'
		if len(prev) > 0 && len(prev[len(prev)-1].src) > 0 {
			c.src = prev[len(prev)-1].src
		} else if p := x.subjectPhrase(si, v); p.ok {
			c.src = []phrase{p}
		}
		return c, len(c.src) > 0
	}
	if tell {
		// "told lawmakers in Berlin to pass the bill" is an order, not a report
		for t := v + 1; t < len(toks) && t < v+9; t++ {
			if toks[t].text == "," || toks[t].low == "that" || isVerbLike(toks[t]) {
				break
			}
			if toks[t].low == "to" && t+1 < len(toks) && toks[t+1].kind == 'w' && !toks[t+1].cap && !dayNames[toks[t+1].low] {
				return c, false
			}
		}
		if m := x.readRight(si, v+1); m.ok {
			c.media = append(c.media, m)
			c.last = m.c - 1
		}
	}
	c.form = 'S'
	p := x.readLeft(si, v)
	if !p.ok {
		// "... and added, ...": the subject of the clause before
		k := v - 1
		for k >= 0 && speech.between[toks[k].low] {
			k--
		}
		if k >= 0 && (toks[k].low == "and" || toks[k].low == "but") && len(prev) > 0 && len(prev[len(prev)-1].src) > 0 {
			c.src = prev[len(prev)-1].src
			return c, true
		}
		return c, len(c.media) > 0
	}
	c.first = p.a
	c.src = []phrase{p}
	// "South Sudan officials and witnesses said"
	if p.a >= 2 && (toks[p.a-1].low == "and" || toks[p.a-1].low == "or") {
		if q := x.readLeft(si, p.a-1); q.ok && q.pron == "" && (q.head >= 0 || len(x.namedIn(si, q.a, q.b)) > 0) {
			c.src = append([]phrase{q}, c.src...)
			c.first = q.a
		}
	}
	return c, true
}

// readLeft reads the phrase that ends right before the verb at token v,
// passing over the words that may stand between ("Police on Monday said")
// and an appositive ("X, the governor of Y, said").
func (x *extractor) readLeft(si, v int) phrase {
	toks := x.sents[si].toks
	k := v - 1
	for k >= 0 && speech.between[toks[k].low] && (toks[k].kind == 'w') {
		k--
	}
	if k < 0 || relativeWords[toks[k].low] || toks[k].low == "that" {
		return phrase{} // "a spokeswoman who asked not to be named": the verb of a relative clause
	}
	end, appEnd := k+1, k+1
	if toks[k].text == "," {
		// "X, a spokesman for Y, said"
		c := k - 1
		for c >= 0 && toks[c].text != "," && !(toks[c].kind == 'p' && hardStop(toks[c])) && k-c <= 16 {
			if isReporting(toks[c].low) && !x.sents[si].quoted[c] {
				return phrase{}
			}
			c--
		}
		if c < 1 || toks[c].text != "," {
			return phrase{}
		}
		// a second appositive: "Sara Sadeqi, 22, a homemaker,"
		if c >= 2 && toks[c-1].kind == 'n' && toks[c-2].text == "," {
			c -= 2
		}
		end = c
	}
	a := end - 1
	for a >= 0 && !hardStop(toks[a]) && end-a <= 16 {
		a--
	}
	a++
	// a relative clause ends the phrase: "a spokeswoman who asked not to be named"
	for t := a; t < end; t++ {
		if relativeWords[toks[t].low] && t > a {
			end = t
			break
		}
	}
	// the phrase starts after the last verb of the clause before it
	for t := end - 1; t >= a; t-- {
		if isVerbLike(toks[t]) || toks[t].kind == 'p' && doubleMark(toks[t].text) {
			a = t + 1
			break
		}
	}
	// a leading preposition with its object: "On Monday police said"
	if a < end && isPrep(toks[a].low) && !toks[a].cap {
		for a < end && (isPrep(toks[a].low) || speech.between[toks[a].low] || toks[a].kind == 'n') {
			a++
		}
	}
	return x.makePhrase(si, a, end, appEnd)
}

// readRight reads the phrase that starts at token k ("according to X",
// "said X", "told X").
func (x *extractor) readRight(si, k int) phrase {
	toks := x.sents[si].toks
	j := k
	for j < len(toks) && j-k < 14 {
		t := toks[j]
		if t.kind == 'p' {
			if t.text == "(" {
				// "the San Angelo (Texas) Standard-Times"
				if j+2 < len(toks) && toks[j+2].text == ")" && toks[j+1].cap {
					j += 3
					continue
				}
			}
			if hardStop(t) || t.text == "." && j+1 < len(toks) && !toks[j+1].cap && toks[j+1].low != "com" {
				break
			}
			j++
			continue
		}
		if t.kind == 'w' && j > k && (dayNames[t.low] || timeWords[t.low]) {
			break // "Le Parisien Wednesday", "told Reuters on Monday"
		}
		if t.kind == 'w' && !t.cap && j > k && toks[j-1].cap && toks[j-1].kind == 'w' && !nameConnectors[t.low] && !postModifiers[t.low] && !x.capitalSoon(si, j) {
			if _, _, head := headKind(t.low); !head && !mediaHeads[t.low] && t.low != "affiliate" && t.low != "news" {
				break // "told Reuters one of the victims was pregnant"
			}
		}
		if t.kind == 'w' && !t.cap {
			if boundaryWords[t.low] || relativeWords[t.low] || personalPronouns[t.low] && j > k || t.low == "to" || isVerbLike(t) {
				break
			}
			if isPrep(t.low) && !postModifiers[t.low] {
				break
			}
			// "in Golden", "at a news conference", "by phone": a place or
			// circumstance, not part of who is credited
			if (t.low == "in" || t.low == "at" || t.low == "by") && j > k && !x.modifierContinues(si, j) {
				break
			}
		}
		j++
	}
	for j > k && toks[j-1].kind == 'p' {
		j--
	}
	c := j
	// appositives: ", a refugee from the Nuba mountains,", ", 22,"
	for n := 0; n < 2 && c < len(toks) && toks[c].text == ","; n++ {
		e := c + 1
		if e < len(toks) && (relativeWords[toks[e].low] || boundaryWords[toks[e].low] || isVerbLike(toks[e])) {
			break
		}
		for e < len(toks) && toks[e].text != "," && !(toks[e].kind == 'p' && hardStop(toks[e])) && e-c < 14 {
			if isVerbLike(toks[e]) || !toks[e].cap && boundaryWords[toks[e].low] {
				break
			}
			e++
		}
		if e == c+1 {
			break
		}
		c = e
	}
	return x.makePhrase(si, k, j, c)
}

// capitalSoon reports a capitalised word among the three tokens after j
// ("Hardester's Market clerk Alicia Mullin").
func (x *extractor) capitalSoon(si, j int) bool {
	toks := x.sents[si].toks
	for t := j + 1; t < len(toks) && t <= j+3; t++ {
		if toks[t].kind != 'w' || boundaryWords[toks[t].low] || isVerbLike(toks[t]) {
			return false
		}
		if toks[t].cap {
			return true
		}
	}
	return false
}

// modifierContinues reports whether the preposition at token j goes on
// naming who is credited: "records obtained by The Associated Press",
// "director of assurance at Reliance Globalcom".
func (x *extractor) modifierContinues(si, j int) bool {
	toks := x.sents[si].toks
	if toks[j].low == "by" {
		p := toks[j-1].low
		return strings.HasSuffix(p, "ed") || p == "seen" || p == "written"
	}
	if j+1 >= len(toks) {
		return false
	}
	// an organisation named after "at": "a director at Interoute"
	if toks[j].low == "at" {
		for _, m := range x.namedIn(si, j+1, min(j+6, len(toks))) {
			if x.an.Entities[m.Entity].Kind == crosscheck.KindOrganization {
				return true
			}
		}
	}
	return false
}

var dayNames = set(`monday tuesday wednesday thursday friday saturday sunday`)

var timeWords = set(`today yesterday tonight tomorrow`)

var prepositions = set(`in on at by with from for of to into onto over under about after before during since
until across through near outside inside toward towards without within against among amid between upon via per`)

func isPrep(low string) bool { return prepositions[low] }

// namedIn returns the mentions of named entities (not bare roles) whose
// first token lies in tokens [a, b) of sentence si.
func (x *extractor) namedIn(si, a, b int) []Mention {
	toks := x.sents[si].toks
	if a >= b || a >= len(toks) {
		return nil
	}
	if b > len(toks) {
		b = len(toks)
	}
	var out []Mention
	for _, m := range x.mentionsAll(toks[a].start, toks[b-1].end) {
		if !m.RoleOnly {
			out = append(out, m)
		}
	}
	return out
}

// mentionsAll returns every mention starting in [a, b), places included.
func (x *extractor) mentionsAll(a, b int) []Mention {
	ms := x.an.Mentions
	lo, hi := 0, len(ms)
	for lo < hi {
		h := (lo + hi) / 2
		if ms[h].Start < a {
			lo = h + 1
		} else {
			hi = h
		}
	}
	var out []Mention
	for k := lo; k < len(ms) && ms[k].Start < b; k++ {
		if ms[k].Entity >= 0 {
			out = append(out, ms[k])
		}
	}
	return out
}

// makePhrase checks that tokens [a, b) name someone who can be credited
// and finds the phrase's head.
func (x *extractor) makePhrase(si, a, b, c int) phrase {
	toks := x.sents[si].toks
	for a < b && toks[a].kind == 'p' {
		a++
	}
	for b > a && toks[b-1].kind == 'p' && toks[b-1].text != "." {
		b--
	}
	if c < b {
		c = b
	}
	p := phrase{si: si, a: a, b: b, c: c, head: -1}
	if b <= a || b-a > 12 {
		return p
	}
	if b-a == 1 && personalPronouns[toks[a].low] {
		p.pron, p.ok = toks[a].low, true
		return p
	}
	// the head: the last word before the first post-modifier ("a
	// spokesman for X", "records obtained by X")
	h := b - 1
	for t := a + 1; t < b; t++ {
		if postModifiers[toks[t].low] && !toks[t].cap {
			h = t - 1
			if toks[t].low == "by" && strings.HasSuffix(toks[h].low, "ed") && h > a {
				h--
			}
			break
		}
	}
	for h > a && toks[h].kind == 'p' {
		h--
	}
	if _, _, ok := headKind(toks[h].low); ok && toks[h].kind == 'w' {
		// a capitalised head only where nothing is named ("Police said",
		// "Witnesses at the camp said")
		if !toks[h].cap || len(x.namedIn(si, a, b)) == 0 {
			p.head = h
		}
	}
	switch {
	case p.head >= 0:
		p.ok = true
	case len(x.namedIn(si, a, b)) > 0:
		for _, m := range x.namedIn(si, a, b) {
			if x.an.Entities[m.Entity].Kind != crosscheck.KindPlace {
				p.ok = true
			}
		}
	default:
		// a name nothing else knows: "SportsCenter 5", "dpa", "InSession"
		p.ok = x.nameLike(si, a, b)
	}
	return p
}

// nameLike reports a run of tokens that reads as a name: capitalised words
// (and a number, a ".com"), or a known agency or outlet.
func (x *extractor) nameLike(si, a, b int) bool {
	toks := x.sents[si].toks
	low := x.joinLow(toks[a:b])
	if speech.agency[low] || agencies[low] || speech.outletName[low] {
		return true
	}
	caps := 0
	for t := a; t < b; t++ {
		switch {
		case toks[t].kind == 'w' && toks[t].cap:
			if stopCaps[toks[t].low] && t > a {
				return false
			}
			caps++
		case toks[t].kind == 'n', toks[t].text == ".", toks[t].text == "-", toks[t].low == "com":
		case toks[t].low == "the" && t == a:
		default:
			return false
		}
	}
	return caps > 0 && !(caps == 1 && stopCaps[toks[a].low])
}

// subjectPhrase is the subject of the sentence holding token v: its first
// named person or organisation before v.
func (x *extractor) subjectPhrase(si, v int) phrase {
	toks := x.sents[si].toks
	for _, m := range x.namedIn(si, 0, v) {
		e := x.an.Entities[m.Entity]
		if e.Kind == crosscheck.KindPerson || e.Kind == crosscheck.KindOrganization {
			for t := 0; t < v; t++ {
				if toks[t].start == m.Start {
					end := t + 1
					for end < v && toks[end].end <= m.End {
						end++
					}
					return x.makePhrase(si, t, end, end)
				}
			}
		}
	}
	if len(toks) > 0 && (toks[0].low == "he" || toks[0].low == "she") {
		return phrase{si: si, a: 0, b: 1, c: 1, head: -1, pron: toks[0].low, ok: true}
	}
	return phrase{}
}

// source is who a phrase credits, resolved: a named entity, or the phrase
// as written for unnamed sources.
type source struct {
	text   string
	kind   crosscheck.AttributionKind
	entity int
	// affil are the organisations the source speaks for ("a spokesman for
	// the Enough Project", "The Boston Herald's Michael Silverman").
	affil []source
	// statement is true for an issuer credited through its statement.
	statement bool
	// named is true for a source known by its name, not a common noun;
	// person for a named person speaking.
	named, person bool
}

// headKind returns the kind of source a head noun makes, trying the parts
// of a hyphenated word ("governor-general").
func headKind(low string) (crosscheck.AttributionKind, string, bool) {
	if k, ok := speech.kind[low]; ok {
		return k, low, true
	}
	if strings.Contains(low, "-") {
		for _, part := range strings.Split(low, "-") {
			if k, ok := speech.kind[part]; ok {
				return k, part, true
			}
		}
	}
	return "", "", false
}

// personRole reports a head that names a person by role ("spokesman",
// "son"), as opposed to a body ("police") or a thing ("statement").
func personRole(head string) bool {
	k, h, ok := headKind(head)
	if !ok || speech.body[h] || speech.statement[h] {
		return false
	}
	return k == crosscheck.AttrOfficial || k == crosscheck.AttrWitness || k == crosscheck.AttrAnonymous || k == crosscheck.AttrOutlet && speech.pressRole[h]
}

// resolve turns a phrase into the source it credits; ok is false for a
// pronoun or an anaphor that nothing before resolves, and for a phrase
// that credits no one ("people", "some").
func (x *extractor) resolve(p phrase, verb string) (source, bool) {
	toks := x.sents[p.si].toks
	if p.pron != "" {
		return x.resolvePronoun(p)
	}
	// "The Boston Herald's Michael Silverman", "Iran's seismologic center"
	for t := p.a; t < p.b-1; t++ {
		if toks[t].poss && toks[t].cap {
			return x.resolvePossessive(p, t, verb)
		}
	}
	if p.head >= 0 {
		h := toks[p.head].low
		// "the governor of the province, Abdolreza Sheikholeslami": the
		// person the role phrase names
		if personRole(h) {
			if m, ok := x.personIn(p.si, p.b, p.c); ok {
				return x.personSource(p, m), true
			}
		}
		// "the AFP news agency", "French newspaper Le Parisien"
		if mediaHeads[h] || h == "agency" {
			if s, ok := x.namedSource(p.si, p.a, p.b, verb); ok {
				return s, true
			}
		}
		return x.resolveCommon(p, verb)
	}
	// "French newspaper Le Parisien", "State news agency IRNA"
	for t := p.a; t < p.b; t++ {
		if toks[t].kind == 'w' && !toks[t].cap && (mediaHeads[toks[t].low] || toks[t].low == "agency") {
			if s, ok := x.namedSource(p.si, t+1, p.b, verb); ok {
				return s, true
			}
		}
	}
	// the person whose name ends the phrase: "Red Sox owner John Henry"
	ms := x.namedIn(p.si, p.a, p.b)
	for i := len(ms) - 1; i >= 0; i-- {
		if m := ms[i]; x.an.Entities[m.Entity].Kind == crosscheck.KindPerson && x.nameRunTo(p.si, m.End, p.b) {
			return x.personSource(p, m), true
		}
	}
	// "Merkel told", "Mr Alishbandi told", "Strauss - Kahn said": names
	// nothing marks as an organisation, speaking, are a person's
	if ms := x.namedIn(p.si, p.a, p.b); speech.say[verb] && len(ms) > 0 && x.nameRunTo(p.si, ms[0].Start, p.b) {
		person := true
		for _, m := range ms {
			if x.an.Entities[m.Entity].Kind != crosscheck.KindOther || isAcronym(m.Text) || !x.surnameLike(p.si, m) {
				person = false
			}
		}
		if person && (len(ms) == 1 && !strings.Contains(ms[0].Text, " ") || x.hyphenated(p.si, ms)) {
			m := ms[0]
			s := x.personSource(p, m)
			if len(ms) > 1 {
				a, _ := x.tokenRange(p.si, ms[0].Start, ms[0].End)
				_, b := x.tokenRange(p.si, ms[len(ms)-1].Start, ms[len(ms)-1].End)
				s.text = x.nameText(p.si, a, b)
			}
			return s, true
		}
	}
	return x.namedSource(p.si, p.a, p.b, verb)
}

// hyphenated reports names joined by hyphens ("Strauss - Kahn").
func (x *extractor) hyphenated(si int, ms []Mention) bool {
	if len(ms) != 2 {
		return false
	}
	between := strings.TrimSpace(x.text[ms[0].End:ms[1].Start])
	return between == "-"
}

// nameRunTo reports whether only name words lie between offset off and
// token b ("Stephen A" + ". Smith").
func (x *extractor) nameRunTo(si, off, b int) bool {
	toks := x.sents[si].toks
	for t := b - 1; t >= 0 && toks[t].start >= off; t-- {
		if !(toks[t].kind == 'w' && toks[t].cap || toks[t].text == "." || toks[t].text == "-") {
			return false
		}
	}
	return true
}

// surnameLike reports whether a lone capitalised name reads as a person's
// surname rather than an organisation's name: no agency, outlet or
// organisation word, and an honorific, a verb of saying or nothing before.
func (x *extractor) surnameLike(si int, m Mention) bool {
	low := strings.ToLower(m.Text)
	if speech.agency[low] || agencies[low] || speech.outletName[low] || orgSuffixes[low] || speech.outletSuffix[low] {
		return false
	}
	return true
}

// resolvePronoun resolves "he" and "she" to the person last credited or
// named, "it" to the organisation last credited.
func (x *extractor) resolvePronoun(p phrase) (source, bool) {
	toks := x.sents[p.si].toks
	switch p.pron {
	case "he", "she", "him", "her":
		if e := x.focusPerson(p.si, toks[p.a].start); e >= 0 {
			return source{text: x.an.Entities[e].Name, entity: e, kind: x.personKind(e, nil), named: true, person: true}, true
		}
	case "it":
		return x.recentCredit(p.si, func(c Credit) bool {
			return !c.person && (c.Kind == crosscheck.AttrOfficial || c.Kind == crosscheck.AttrOutlet || c.Kind == crosscheck.AttrAgency)
		})
	}
	return source{}, false
}

// focusPerson resolves "he" or "she" at offset off of sentence si: the
// person the sentence before credits (the one speaking), else the person
// named last (lastPerson).
func (x *extractor) focusPerson(si, off int) int {
	if x.speech.credited {
		for k := len(x.an.Credits) - 1; k >= 0; k-- {
			c := x.an.Credits[k]
			if c.Sentence < si-1 {
				break
			}
			if c.Sentence < si && c.person && c.Entity >= 0 {
				// only when no other person is named since
				if e := x.lastPerson(off); e >= 0 && e != c.Entity && x.namedSince(e, x.an.Sentences[c.Sentence].End, off) {
					return e
				}
				return c.Entity
			}
		}
	}
	return x.lastPerson(off)
}

// namedSince reports whether entity e is mentioned in [a, b).
func (x *extractor) namedSince(e, a, b int) bool {
	for _, m := range x.mentionsAll(a, b) {
		if m.Entity == e && !x.inQuote(m.Start) {
			return true
		}
	}
	return false
}

// personIn returns the first person named in tokens [a, b).
func (x *extractor) personIn(si, a, b int) (Mention, bool) {
	for _, m := range x.namedIn(si, a, b) {
		if x.an.Entities[m.Entity].Kind == crosscheck.KindPerson {
			return m, true
		}
	}
	return Mention{}, false
}

// personSource is the source for the person m named in phrase p, with the
// organisations the phrase says they speak for.
func (x *extractor) personSource(p phrase, m Mention) source {
	toks := x.sents[p.si].toks
	s := source{text: x.an.Entities[m.Entity].Name, entity: m.Entity, named: true, person: true}
	// "Stephen A. Smith": the name as written when it says more
	if a, b := x.tokenRange(p.si, m.Start, m.End); b > a && b < p.b {
		end := b
		for end < p.b && (toks[end].cap && toks[end].kind == 'w' || toks[end].text == ".") {
			end++
		}
		if end == p.b && toks[end-1].cap {
			if t := x.text[m.Start:toks[end-1].end]; len(t) > len(s.text) {
				s.text = t
			}
		}
	}
	s.affil = x.affiliations(p, m)
	s.kind = x.personKind(m.Entity, &p)
	if s.kind == crosscheck.AttrPerson {
		for _, a := range s.affil {
			if a.kind == crosscheck.AttrOutlet || a.kind == crosscheck.AttrAgency {
				s.kind = crosscheck.AttrOutlet // a journalist, credited for their outlet's reporting
			}
		}
	}
	return s
}

// namedSource is the organisation, agency or outlet named in tokens [a, b):
// the entity named there, or a name nothing else knows ("SportsCenter 5").
func (x *extractor) namedSource(si, a, b int, verb string) (source, bool) {
	toks := x.sents[si].toks
	for _, m := range x.namedIn(si, a, b) {
		e := x.an.Entities[m.Entity]
		if e.Kind == crosscheck.KindPlace {
			continue
		}
		ma, mb := x.tokenRange(si, m.Start, m.End)
		if mb > b {
			mb = b
		}
		if mb <= ma {
			continue
		}
		// the whole phrase when only an article stands before the name
		// ("The Canadian Press" as written), else the name
		ta, tb := ma, mb
		if ta == a+1 && toks[a].low == "the" {
			ta = a
		}
		if tb < b && x.nameLike(si, ta, b) {
			tb = b
		}
		return source{text: x.nameText(si, ta, tb), entity: m.Entity, kind: x.orgKind(si, ma, mb, verb), named: true}, true
	}
	// a name no entity holds: the last capitalised run ("State news agency
	// IRNA" -> IRNA) or a known agency written in lower case ("dpa")
	k := b
	for k > a && (toks[k-1].cap || toks[k-1].kind == 'n' || toks[k-1].text == "." || toks[k-1].low == "com" || toks[k-1].text == "-") {
		k--
	}
	if k < b && x.nameLike(si, k, b) {
		if k == a+1 && toks[a].low == "the" {
			k = a
		}
		return source{text: x.nameText(si, k, b), entity: -1, kind: x.orgKind(si, k, b, verb), named: true}, true
	}
	if x.nameLike(si, a, b) {
		return source{text: x.nameText(si, a, b), entity: -1, kind: x.orgKind(si, a, b, verb), named: true}, true
	}
	return source{}, false
}

// resolvePossessive resolves "X's Y": Y when Y is a person (with X as what
// they speak for), X when Y is a thing X issued ("The Business Review's
// latest list"), the whole phrase when X is a place ("Iran's seismologic
// center").
func (x *extractor) resolvePossessive(p phrase, t int, verb string) (source, bool) {
	toks := x.sents[p.si].toks
	rest := x.makePhrase(p.si, t+1, p.b, p.c)
	owner, ownerOK := x.namedSource(p.si, p.a, t+1, verb)
	ownerIsPlace := false
	for _, m := range x.mentionsAll(toks[p.a].start, toks[t].end) {
		if k := x.an.Entities[m.Entity].Kind; k == crosscheck.KindPlace {
			ownerIsPlace = true
		} else if k == crosscheck.KindPerson {
			ownerOK = false // "Kafoury's son": a relative, not an affiliation
		}
	}
	if countries[strings.ToLower(toks[t].name())] != "" {
		ownerIsPlace = true
	}
	if m, ok := x.personIn(p.si, t+1, p.c); ok && (rest.head < 0 || m.Start < toks[rest.head].start || m.Start >= toks[rest.b-1].end) && !x.afterModifier(p.si, t+1, m.Start) {
		s := x.personSource(rest, m)
		if ownerOK && !ownerIsPlace {
			s.affil = append(s.affil, owner)
			if owner.kind == crosscheck.AttrOutlet || owner.kind == crosscheck.AttrAgency {
				if s.kind == crosscheck.AttrPerson {
					s.kind = crosscheck.AttrOutlet
				}
			}
		}
		if rest.head >= 0 {
			if k, h, _ := headKind(toks[rest.head].low); k == crosscheck.AttrWitness || speech.witnessRole[h] {
				s.kind = crosscheck.AttrWitness
			}
		}
		return s, true
	}
	if ownerIsPlace || !ownerOK {
		if rest.ok && rest.head >= 0 {
			whole := p
			whole.head = rest.head
			return x.resolveCommon(whole, verb)
		}
		if rest.ok {
			return x.resolve(rest, verb)
		}
		return source{}, false
	}
	if rest.ok && rest.head >= 0 && personRole(toks[rest.head].low) {
		// "the agency's spokesman": an unnamed role speaking for the owner
		s, ok := x.resolveCommon(rest, verb)
		if ok {
			s.text = x.text[toks[p.a].start:toks[rest.b-1].end]
			s.affil = append(s.affil, owner)
		}
		return s, ok
	}
	return owner, true
}

// afterModifier reports a post-modifier ("of", "for") between token a and
// offset off: a name there is not the phrase's own.
func (x *extractor) afterModifier(si, a, off int) bool {
	toks := x.sents[si].toks
	for t := a; t < len(toks) && toks[t].start < off; t++ {
		if postModifiers[toks[t].low] && !toks[t].cap {
			return true
		}
	}
	return false
}

// resolveCommon resolves a phrase headed by a common noun: "police", "a
// Defence Ministry statement", "the newspaper", "a source with knowledge
// of the team's thinking", "a France Telecom spokeswoman who asked not to
// be named".
func (x *extractor) resolveCommon(p phrase, verb string) (source, bool) {
	toks := x.sents[p.si].toks
	kind, head, _ := headKind(toks[p.head].low)
	if x.anonymousIn(p.si, p.a, p.c) {
		kind = crosscheck.AttrAnonymous
	}
	end := p.b
	issuer, hasIssuer := x.issuerOf(p, verb)
	if hasIssuer && kind == crosscheck.AttrDocuments && p.head+1 < p.b && !postModifiers[toks[p.head+1].low] {
		end = p.head + 1 // "real estate records obtained by The Associated Press": the records; the agency apart
	}
	text := x.text[toks[p.a].start:toks[end-1].end]
	s := source{text: text, kind: kind, entity: -1}
	definite := toks[p.a].low == "the" && p.head == p.a+1
	switch {
	case speech.statement[head]:
		// "a Defence Ministry statement said": the ministry speaks
		if hasIssuer {
			issuer.statement = true
			return issuer, true
		}
		if r, ok := x.recentStatement(p.si); ok {
			r.statement = true
			return r, true
		}
		s.kind = crosscheck.AttrDocuments
		return s, true
	case (head == "report" || head == "reports") && hasIssuer:
		return issuer, true // "reports from the Evening Courier"
	case definite && anaphoricHeads[head]:
		// "the newspaper", "the agency": the one credited just before
		if r, ok := x.recentCredit(p.si, func(c Credit) bool { return anaphorFits(head, c) }); ok {
			return r, true
		}
		if kind != crosscheck.AttrOutlet {
			return source{}, false
		}
	case (head == "source" || head == "sources") && definite:
		if r, ok := x.recentCredit(p.si, func(c Credit) bool { return c.Kind == crosscheck.AttrAnonymous }); ok {
			return r, true
		}
	case head == "people" || head == "person" || head == "persons":
		// only "people familiar with ..." are sources
		if !(p.head+1 < p.c && toks[p.head+1].low == "familiar") && kind != crosscheck.AttrAnonymous {
			return source{}, false
		}
	}
	if hasIssuer {
		s.affil = append(s.affil, issuer)
	}
	// "a police sergeant": the police speak through their sergeant
	if !speech.body[head] {
		for t := p.a; t < p.head; t++ {
			if speech.institution[toks[t].low] && !toks[t].cap {
				s.affil = append(s.affil, source{text: toks[t].text, kind: crosscheck.AttrOfficial, entity: -1})
				break
			}
		}
	}
	return s, true
}

// issuerOf returns the organisation a common-noun phrase speaks for: a
// name among its modifiers ("a France Telecom spokeswoman", "EYP MCF
// representatives") or after "of", "for", "from", "by" ("a statement
// from the Indian government", "records obtained by The Associated
// Press"). A body is credited as a whole, with no issuer ("Vancouver
// police").
func (x *extractor) issuerOf(p phrase, verb string) (source, bool) {
	toks := x.sents[p.si].toks
	_, head, _ := headKind(toks[p.head].low)
	if speech.body[head] {
		return source{}, false
	}
	// after the head: "of", "for", "from", "by", "at"
	k := p.head + 1
	for k < p.c && k < len(toks) && strings.HasSuffix(toks[k].low, "ed") {
		k++ // "obtained by"
	}
	if k < p.c && k < len(toks) && (postModifiers[toks[k].low] && toks[k].low != "with" && toks[k].low != "in") {
		end := p.c
		for t := k + 1; t < p.c; t++ {
			if toks[t].text == "," {
				end = t
				break
			}
		}
		if q := x.makePhrase(p.si, k+1, end, end); q.ok {
			if s, ok := x.resolve(q, verb); ok && s.text != "" {
				return s, true
			}
		}
	}
	// among the modifiers: a name of two words or more, or an acronym
	// ("EYP MCF representatives"); officials and authorities take places
	// as modifiers ("South Sudan officials")
	if head == "official" || head == "officials" || head == "authorities" || head == "authority" {
		return source{}, false
	}
	for _, m := range x.namedIn(p.si, p.a, p.head) {
		e := x.an.Entities[m.Entity]
		ma, mb := x.tokenRange(p.si, m.Start, m.End)
		if mb <= ma || e.Kind == crosscheck.KindPlace || countries[strings.ToLower(m.Text)] != "" {
			continue
		}
		if e.Kind == crosscheck.KindOrganization || mb-ma >= 2 || isAcronym(m.Text) {
			return source{text: x.nameText(p.si, ma, mb), entity: m.Entity, kind: x.orgKind(p.si, ma, mb, verb)}, true
		}
	}
	return source{}, false
}

// anaphoricHeads after "the" refer back to a source named before.
var anaphoricHeads = set(`newspaper paper daily agency company firm ministry department group organization
organisation broadcaster network channel station website magazine tabloid operator carrier`)

// mediaHeads are the common nouns that make a phrase a news medium ("told
// state television"); reporters and news conferences are not.
var mediaHeads = set(`television tv radio media newspaper station channel network broadcaster website
magazine paper daily tabloid`)

// anaphorFits reports whether "the HEAD" can stand for credit c.
func anaphorFits(head string, c Credit) bool {
	switch head {
	case "newspaper", "paper", "daily", "broadcaster", "network", "channel", "station", "website", "magazine", "tabloid":
		return c.Kind == crosscheck.AttrOutlet
	case "agency":
		return c.Kind == crosscheck.AttrAgency || c.Kind == crosscheck.AttrOfficial && c.Entity >= 0 && !c.person
	}
	return c.Kind == crosscheck.AttrOfficial && c.Entity >= 0 && !c.person
}

// anonymousIn reports a cue of anonymity in tokens [a, b).
func (x *extractor) anonymousIn(si, a, b int) bool {
	toks := x.sents[si].toks
	for t := a; t < b && t < len(toks); t++ {
		if matchWords(toks, t, speech.anonymous) > 0 {
			return true
		}
	}
	return false
}

// recentCredit returns the latest credit of this or the three sentences
// before that fits.
func (x *extractor) recentCredit(si int, fits func(Credit) bool) (source, bool) {
	for k := len(x.an.Credits) - 1; k >= 0; k-- {
		c := x.an.Credits[k]
		if c.Sentence < si-3 {
			break
		}
		if c.Sentence <= si && fits(c) {
			return source{text: c.Source, kind: c.Kind, entity: c.Entity, person: c.person, named: c.Entity >= 0}, true
		}
	}
	return source{}, false
}

// recentStatement returns who issued the statement last credited, or the
// latest organisation credited, for "the statement said".
func (x *extractor) recentStatement(si int) (source, bool) {
	for k := len(x.an.Credits) - 1; k >= 0; k-- {
		c := x.an.Credits[k]
		if c.Sentence < si-3 {
			break
		}
		if c.statement {
			return source{text: c.Source, kind: c.Kind, entity: c.Entity}, true
		}
	}
	return x.recentCredit(si, func(c Credit) bool {
		return c.Kind == crosscheck.AttrOfficial && !c.person
	})
}

// tokenRange returns the tokens of sentence si covering bytes [start, end).
func (x *extractor) tokenRange(si, start, end int) (int, int) {
	toks := x.sents[si].toks
	a, b := -1, -1
	for t := range toks {
		if a < 0 && toks[t].start >= start {
			a = t
		}
		if toks[t].start < end {
			b = t + 1
		}
	}
	if a < 0 || b <= a {
		return 0, 0
	}
	return a, b
}

// nameText is the name in tokens [a, b) as written, without a lower-case
// or sentence-initial "the" and without a possessive ending.
func (x *extractor) nameText(si, a, b int) string {
	toks := x.sents[si].toks
	if a >= b {
		return ""
	}
	if toks[a].low == "the" && (!toks[a].cap || a == 0 || quoteMarkText(toks[a-1].text)) && b-a > 1 {
		a++
	}
	for a < b && (toks[a].low == "a" || toks[a].low == "an") {
		a++
	}
	if a >= b {
		return ""
	}
	end := toks[b-1].end
	if toks[b-1].poss {
		end = toks[b-1].start + len(toks[b-1].name())
	}
	return x.text[toks[a].start:end]
}

// orgKind says whether the organisation named in tokens [a, b) is a news
// agency, an outlet, or a body speaking for itself.
func (x *extractor) orgKind(si, a, b int, verb string) crosscheck.AttributionKind {
	toks := x.sents[si].toks
	for t := a; t < b; t++ {
		if speech.agency[toks[t].low] || agencies[toks[t].low] {
			return crosscheck.AttrAgency
		}
	}
	low := strings.TrimPrefix(x.joinLow(toks[a:b]), "the ")
	if speech.agency[low] || agencies[low] {
		return crosscheck.AttrAgency
	}
	last := toks[b-1].low
	if speech.outletName[low] || speech.outletName[toks[a].low] || speech.outletSuffix[last] {
		return crosscheck.AttrOutlet
	}
	if speech.report[verb] || verb == "medium" {
		if x.unknownOrg(si, a, b) {
			return crosscheck.AttrOutlet // "SportsCenter 5 has learned", "told InSession"
		}
	}
	return crosscheck.AttrOfficial
}

// unknownOrg reports a name that is no person and no institution by its
// form ("InSession", "WDIV"): after "told" or "reported", an outlet.
func (x *extractor) unknownOrg(si, a, b int) bool {
	toks := x.sents[si].toks
	if orgSuffixes[toks[b-1].low] && !speech.outletSuffix[toks[b-1].low] {
		return false
	}
	for _, m := range x.namedIn(si, a, b) {
		if k := x.an.Entities[m.Entity].Kind; k == crosscheck.KindPerson && x.an.Entities[m.Entity].Cued || k == crosscheck.KindPlace {
			return false
		}
	}
	return true
}

// personKind says what a named person is as a source, by the roles the
// article gives them and the words of the phrase that names them.
func (x *extractor) personKind(e int, p *phrase) crosscheck.AttributionKind {
	var words []string
	for _, r := range x.an.Entities[e].Roles {
		words = append(words, strings.Fields(strings.ToLower(r))...)
	}
	if p != nil {
		toks := x.sents[p.si].toks
		for t := p.a; t < p.c && t < len(toks); t++ {
			if toks[t].kind == 'w' {
				words = append(words, toks[t].low)
			}
		}
	}
	kind := crosscheck.AttrPerson
	for _, w := range words {
		w = strings.Trim(w, ".,")
		switch {
		case speech.pressRole[w]:
			return crosscheck.AttrOutlet
		case speech.witnessRole[w]:
			kind = crosscheck.AttrWitness
		case kind == crosscheck.AttrPerson && (titleWords[w] || speech.kind[w] == crosscheck.AttrOfficial || policeRanks[w]):
			kind = crosscheck.AttrOfficial
		}
	}
	return kind
}

// policeRanks are abbreviated ranks that make a named person an official.
var policeRanks = set(`const lt sgt capt col gen cmdr det insp supt`)

// affiliations are the organisations a named person speaks for, as the
// phrase naming them says: "TransLink spokesman Drew Snider", "a spokesman
// for the Enough Project", "Jonathan Wright, a director at Interoute",
// "Vancouver police Const. Tim Fanning".
func (x *extractor) affiliations(p phrase, pm Mention) []source {
	toks := x.sents[p.si].toks
	var out []source
	seen := map[int]bool{pm.Entity: true}
	for _, m := range x.namedIn(p.si, p.a, p.c) {
		e := x.an.Entities[m.Entity]
		if seen[m.Entity] || e.Kind == crosscheck.KindPlace || e.Kind == crosscheck.KindPerson && m.Start > pm.Start {
			continue
		}
		if e.Kind != crosscheck.KindOrganization && m.Start > pm.Start {
			continue
		}
		if countries[strings.ToLower(m.Text)] != "" || demonyms[strings.ToLower(m.Text)] != "" {
			continue
		}
		seen[m.Entity] = true
		a, b := x.tokenRange(p.si, m.Start, m.End)
		if b <= a {
			continue
		}
		out = append(out, source{text: x.nameText(p.si, a, b), entity: m.Entity, kind: x.orgKind(p.si, a, b, "")})
	}
	// "Vancouver police Const. Tim Fanning": an institution before the name
	for t := p.a; t < p.b && toks[t].start < pm.Start; t++ {
		if speech.institution[toks[t].low] && toks[t].kind == 'w' {
			a := t
			for a > p.a && toks[a-1].kind == 'w' && toks[a-1].cap && !titleWords[toks[a-1].low] {
				a--
			}
			out = append(out, source{text: x.text[toks[a].start:toks[t].end], kind: crosscheck.AttrOfficial, entity: -1})
			break
		}
	}
	return out
}
