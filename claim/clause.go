package claim

import (
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Reporting clauses: a verb of saying or reporting and the phrases it
// credits, read over a sentence's tokens with the words of speech.go.

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
				c := clause{si: si, verb: i, form: 'A', src: []phrase{p}, quoting: low == "according", first: i, last: p.c - 1}
				// "according to international media and Greek Sky TV"
				if q, ok := x.coordinated(si, p); ok {
					c.src = append(c.src, q)
					c.last = q.c - 1
				}
				out = append(out, c)
				i = c.last
			}
			continue
		}
		// "(Fox News article)": a page quoting another outlet's story
		if low == "article" || low == "story" || low == "report" {
			if i+1 < len(toks) && toks[i+1].text == ")" {
				k := i
				for k > 0 && toks[k-1].text != "(" && i-k < 5 {
					k--
				}
				if k > 0 && toks[k-1].text == "(" {
					if p := x.makePhrase(si, k, i, i); p.ok && p.head < 0 {
						out = append(out, clause{si: si, verb: i, form: 'M', media: []phrase{p}, first: k, last: i})
					}
				}
			}
		}
		if n := matchWords(toks, i, speech.medium); n > 0 && !isReporting(low) {
			// "speaking to IRNA", "in an interview with the BBC"
			if p := x.readRight(si, i+n); p.ok {
				out = append(out, clause{si: si, verb: i, form: 'M', media: []phrase{p}, first: i, last: p.c - 1})
			}
			continue
		}
		if speech.witnessVerb[low] && i > 0 {
			// "A Reuters correspondent heard a large explosion"
			if p := x.readLeft(si, i); p.ok && p.head >= 0 {
				if k, h, _ := headKind(toks[p.head].low); k == crosscheck.AttrWitness || speech.pressRole[h] {
					out = append(out, clause{si: si, verb: i, form: 'S', src: []phrase{p}, first: p.a, last: i})
				}
			}
			continue
		}
		if speech.afterQuote[low] && i > 0 && quoteMarkText(toks[i-1].text) || speech.afterQuote[low] && i > 1 && toks[i-1].text == "," && quoteMarkText(toks[i-2].text) {
			// '"...," read the press release'
			if p := x.readRight(si, i+1); p.ok && p.head >= 0 {
				out = append(out, clause{si: si, verb: i, form: 'V', src: []phrase{p}, quoting: true, first: i, last: p.c - 1})
			}
			continue
		}
		if !isReporting(low) || toks[i].cap && i > 0 {
			continue
		}
		if i > 0 && (toks[i-1].low == "a" || toks[i-1].low == "an" || toks[i-1].low == "the") {
			continue // "a written statement", "the reports"
		}
		if toks[i].pos != "" && !toks[i].isVerb() && i > 0 && (nounAfter[toks[i-1].pos] ||
			strings.HasPrefix(toks[i-1].pos, "NN") && !toks[i-1].cap && (i+1 < len(toks) && toks[i+1].kind == 'w' && toks[i+1].low != "that" || i > 1 && nounAfter[toks[i-2].pos])) {
			continue // "his radio show", "a tsunami warning system": a noun, not a verb
		}
		if i+1 < len(toks) && (toks[i+1].low == "nothing" || toks[i+1].low == "little") {
			continue // "he said nothing"
		}
		if i+1 < len(toks) && toks[i+1].low == "to" && !strings.HasPrefix(low, "tell") && low != "told" && low != "testified" && low != "wrote" && low != "writes" {
			continue // "added to their list", "is said to be": no one speaks
		}
		if strings.HasPrefix(low, "add") && addsThing(toks, i) {
			continue // "added the inmate to their list"
		}
		if c, ok := x.readClause(si, i, out); ok {
			out = append(out, c)
		}
	}
	return out
}

// be are the forms of "be" that make a verb of saying passive.
var be = set(`is are was were be been being`)

// takesTo are nouns followed by "to" and a verb of their own ("Berlin's
// decision to lend"): after one, "to" gives no order.
var takesTo = set(`decision decisions plan plans bid attempt effort efforts move vote order call need right
chance time way ability power deal agreement promise pledge`)

// nounAfter are the tags of the words after which a verb of reporting the
// tagger calls a noun is one ("his radio show", "the first reports").
var nounAfter = set(`DT PRP$ JJ JJR JJS POS CD`)

// addsThing reports "add" used of putting something somewhere: an object
// and then "to" before any verb ("added the inmate to their list").
func addsThing(toks []token, v int) bool {
	for t := v + 1; t < len(toks) && t <= v+7; t++ {
		if toks[t].kind == 'p' || toks[t].low == "that" || clauseVerb(toks, t) {
			return false
		}
		if toks[t].low == "to" && t > v+1 {
			return true
		}
	}
	return false
}

// readClause reads the clause of the reporting verb at token v.
func (x *extractor) readClause(si, v int, prev []clause) (clause, bool) {
	toks := x.sents[si].toks
	low := toks[v].low
	c := clause{si: si, verb: v, quoting: speech.say[low] || quotingReport[low], first: v, last: v}
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
	// participle: "X condemned the killings, saying: ...", "An official
	// downplayed the unrest saying that ..."
	if speech.participle[low] && v > 0 && (toks[v-1].text == "," || !x.readLeft(si, v).ok) {
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
			if toks[t].low == "to" && t+1 < len(toks) && toks[t+1].kind == 'w' && !toks[t+1].cap && !dayNames[toks[t+1].low] && !takesTo[toks[t-1].low] {
				return c, false
			}
		}
		if m := x.readRight(si, v+1); m.ok {
			c.media = append(c.media, m)
			c.last = m.c - 1
		}
	}
	// passive: "he has been described as", "is said to": the subject is
	// spoken of, not speaking
	for k := v - 1; k >= 0 && k >= v-3 && !strings.HasSuffix(low, "ing"); k-- {
		if be[toks[k].low] {
			return c, false
		}
		if !speech.between[toks[k].low] || toks[k].kind != 'w' {
			break
		}
	}
	c.form = 'S'
	// "he went on to say", "continued to insist": the subject of the verb
	// before "to"; "declined to say" says nothing
	if v >= 2 && toks[v-1].low == "to" {
		k := v - 2
		if toks[k].low == "on" && k > 0 {
			k--
		}
		if negators[toks[k].low] || toks[k].low == "declined" || toks[k].low == "refused" || toks[k].low == "unable" {
			return c, false
		}
		if toks[k].isVerb() || isVerbLike(toks[k]) {
			v = k
		}
	}
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
	// "South Sudan officials and witnesses said"; but "team president and
	// general manager Ed Stefanski said" is one person's two titles, and
	// "DiLeo is a guard for Temple and he said" two clauses
	if p.a >= 2 && p.pron == "" && (toks[p.a-1].low == "and" || toks[p.a-1].low == "or") {
		if q := x.readLeft(si, p.a-1); q.ok && q.pron == "" && (q.head >= 0 || len(x.namedIn(si, q.a, q.b)) > 0) && (q.a == 0 || !clauseVerb(toks, q.a-1)) {
			if len(x.namedIn(si, q.a, q.b)) == 0 && titleWords[toks[q.b-1].low] && !toks[p.a].cap && len(x.namedIn(si, p.a, p.b)) > 0 {
				p.a = q.a
				c.src = []phrase{p}
			} else {
				c.src = append([]phrase{q}, c.src...)
			}
			c.first = q.a
		}
	}
	return c, true
}

// appositive reports whether tokens [a, b) read as an appositive to a
// name: "a spokesman for the Enough Project", "22", "Interoute's director
// of wholesale products", "the store's insurer"; not a clause ("whose
// head was crushed", "identified as Yolanda Mandofi").
func (x *extractor) appositive(si, a, b int) bool {
	toks := x.sents[si].toks
	if a >= b {
		return false
	}
	f := toks[a]
	if relativeWords[f.low] || boundaryWords[f.low] || isPrep(f.low) && f.low != "from" && f.low != "of" && f.low != "at" && f.low != "with" || f.kind == 'w' && !f.cap && f.isVerb() || isVerbLike(f) {
		return false // "from the Egyptian ministry" is one; "whose head was crushed" is not
	}
	for t := a + 1; t < b; t++ {
		if relativeWords[toks[t].low] || toks[t].low == "that" {
			break // "an activist group that works to end genocide"
		}
		if clauseVerb(toks, t) && !(toks[t].pos == "VBN" || toks[t].pos == "VBG") {
			return false
		}
	}
	return true
}

// dashes set off an appositive as commas do ("Jonathan Wright - director
// of wholesale products at Interoute - told the BBC").
var dashes = set(`- — – --`)

// coordinated reads a second phrase joined to p by "and" or "or".
func (x *extractor) coordinated(si int, p phrase) (phrase, bool) {
	toks := x.sents[si].toks
	if p.c+1 < len(toks) && p.c == p.b && (toks[p.c].low == "and" || toks[p.c].low == "or") {
		if q := x.readRight(si, p.c+1); q.ok && q.pron == "" && (q.head >= 0 || len(x.namedIn(si, q.a, q.b)) > 0 || x.nameLike(si, q.a, q.b)) {
			return q, true
		}
	}
	return phrase{}, false
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
	if d := toks[k].text; d == "," || dashes[d] {
		// "X, a spokesman for Y, said", "X - director at Y - told"
		c := k - 1
		for c >= 0 && toks[c].text != d && !(toks[c].kind == 'p' && hardStop(toks[c]) && !dashes[toks[c].text]) && k-c <= 16 {
			if isReporting(toks[c].low) && !x.sents[si].quoted[c] {
				return phrase{}
			}
			c--
		}
		if c < 1 || toks[c].text != d || !x.appositive(si, c+1, k) {
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
	// more appositives: "Abdolreza Sheikholeslami, the governor of Hormozgan
	// Province, the center of the damaged area, said"; or one whose closing
	// comma is missing: "Jerry Strickland, a spokesman for Texas Attorney
	// General Greg Abbott told TIME"
	roleChunk := a < end && (toks[a].low == "a" || toks[a].low == "an") && x.appositive(si, a, end) ||
		end-a == 2 && toks[a].cap && toks[a+1].text == "." // "Mohave County, Az. said"
	for n := 0; n < 2 && (end < appEnd || roleChunk) && a >= 2 && toks[a-1].text == "," && a < end && (toks[a].low == "the" || toks[a].low == "a" || toks[a].low == "an" || !toks[a].cap || roleChunk && n == 0); n++ {
		e := a - 1
		b := e - 1
		for b >= 0 && !hardStop(toks[b]) && e-b <= 8 {
			b--
		}
		b++
		if b >= e || len(x.namedIn(si, b, e)) == 0 {
			break
		}
		if roleChunk && end == appEnd && n == 0 && (toks[a].low == "a" || toks[a].low == "an") {
			if _, ok := x.personIn(si, b, e); !ok {
				break
			}
		}
		end, a = e, b
	}
	// a relative clause ends the phrase: "a spokeswoman who asked not to be named"
	for t := a; t < end; t++ {
		if relativeWords[toks[t].low] && t > a {
			end = t
			break
		}
	}
	// the phrase starts after the last verb of the clause before it
	for t := end - 1; t >= a; t-- {
		if clauseVerb(toks, t) || toks[t].kind == 'p' && doubleMark(toks[t].text) {
			a = t + 1
			break
		}
	}
	// a leading preposition: only a time before the subject ("On Monday
	// police said"); "caught in northeast Houston, ..., said X" has none
	if a < end && isPrep(toks[a].low) && !toks[a].cap {
		a++
		for a < end && (speech.between[toks[a].low] || dayNames[toks[a].low] || monthNames[toks[a].low] || toks[a].kind == 'n') {
			a++
		}
		if a == end || a > 0 && isPrep(toks[a-1].low) {
			return phrase{}
		}
	}
	return x.makePhrase(si, a, end, appEnd)
}

// clauseVerb reports a token that is a verb of a clause (by the lexicons,
// or by its tag), not a participle modifying the noun after it ("armed
// forces", "unnamed officials").
func clauseVerb(toks []token, t int) bool {
	tk := toks[t]
	if tk.pos == "VBN" && t > 0 && strings.HasPrefix(toks[t-1].pos, "NN") && !tk.cap {
		return false // "a message posted on the firm's site said": a modifier
	}
	if isVerbLike(tk) {
		return true
	}
	if tk.kind != 'w' || tk.cap || !tk.isVerb() {
		return false
	}
	if (tk.pos == "VBN" || tk.pos == "VBG") && t+1 < len(toks) && toks[t+1].kind == 'w' && !isPrep(toks[t+1].low) && !boundaryWords[toks[t+1].low] {
		return false
	}
	return true
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
		if t.kind == 'w' && !t.cap && j > k && toks[j-1].cap && toks[j-1].kind == 'w' && !toks[j-1].poss && !nameConnectors[t.low] && !postModifiers[t.low] && !x.capitalSoon(si, j) {
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

var prepWords = set(`in on at by with from for of to into onto over under about after before during since
until across through near outside inside toward towards without within against among amid between upon via per`)

func isPrep(low string) bool { return prepWords[low] }

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

// makePhrase checks that tokens [a, b) name someone who can be credited
// and finds the phrase's head.
func (x *extractor) makePhrase(si, a, b, c int) phrase {
	toks := x.sents[si].toks
	for a < b && (toks[a].kind == 'p' || boundaryWords[toks[a].low]) {
		a++ // "But residents at the village said"
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
	// "one of the rebel leaders": the head is the leaders'
	h0 := a
	if b-a >= 4 && (toks[a].low == "one" || toks[a].low == "some" || toks[a].low == "two" || toks[a].low == "several" || toks[a].low == "many") && toks[a+1].low == "of" {
		h0 = a + 2
	}
	// the head: the last word before the first post-modifier ("a
	// spokesman for X", "records obtained by X")
	h := b - 1
	for t := h0 + 1; t < b; t++ {
		if toks[t].pos == "VBN" && !toks[t].cap && strings.HasPrefix(toks[t-1].pos, "NN") {
			h = t - 1 // "a message posted on ..."
			break
		}
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
	// "the governor - general of the province": a hyphenated title spaced out
	if _, _, ok := headKind(toks[h].low); !ok && h-2 >= a && toks[h-1].text == "-" {
		if _, _, ok := headKind(toks[h-2].low); ok {
			h -= 2
		}
	}
	if _, _, ok := headKind(toks[h].low); ok && toks[h].kind == 'w' {
		// a capitalised head only where nothing is named ("Police said",
		// "Witnesses at the camp said")
		if !toks[h].cap || len(x.namedIn(si, a, b)) == 0 || b-a == 1 && x.sentenceStart(si, a) {
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

// sentenceStart reports a token that opens its sentence (after any
// quotation mark).
func (x *extractor) sentenceStart(si, t int) bool {
	toks := x.sents[si].toks
	for k := 0; k < t; k++ {
		if toks[k].kind != 'p' {
			return false
		}
	}
	return true
}

// nameLike reports a run of tokens that reads as a name: capitalised words
// (and a number, a ".com"), or a known agency or outlet.
func (x *extractor) nameLike(si, a, b int) bool {
	toks := x.sents[si].toks
	low := x.joinLow(toks[a:b])
	if speech.agency[low] || agencies[low] || speech.outletName[low] {
		return true
	}
	if b-a <= 2 && (monthNames[toks[a].low] || dayNames[toks[a].low] || monthAbbrevs[toks[a].low]) {
		return false // "announced Nov. 12"
	}
	if w := toks[a].low; b-a == 1 && (strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ed")) && !x.midCaps[w] && x.personBySurname(toks[a].text) < 0 {
		return false // "Mapping reveals", but "Fanning said"
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

// subjectPhrase is the subject of the sentence holding token v: the
// phrase that opens the sentence before its first verb ("Kiir denied ...",
// "A government official downplayed ..."), or a person or organisation
// named there; nothing when the sentence's subject is not that plain.
func (x *extractor) subjectPhrase(si, v int) phrase {
	toks := x.sents[si].toks
	first := -1
	for t := 1; t < v; t++ {
		if clauseVerb(toks, t) {
			first = t
			break
		}
	}
	if first < 0 {
		return phrase{}
	}
	if p := x.readLeft(si, first); p.ok && p.a <= 1 {
		return p
	}
	if len(toks) > 0 && (toks[0].low == "he" || toks[0].low == "she") {
		return phrase{si: si, a: 0, b: 1, c: 1, head: -1, pron: toks[0].low, ok: true}
	}
	for _, m := range x.namedIn(si, 0, first) {
		e := x.an.Entities[m.Entity]
		if e.Kind == crosscheck.KindPlace || x.inQuote(m.Start) {
			continue
		}
		a, b := x.tokenRange(si, m.Start, m.End)
		if a <= 1 {
			return x.makePhrase(si, a, b, b)
		}
	}
	return phrase{}
}
