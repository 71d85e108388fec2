package claim

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// stopwords are left out of a fact's content stems.
var stopwords = set(`a an the and or but if then than so of to in on at by for from with about into over
under after before between among during without within upon as is are was were be been being has have
had do does did will would can could may might must shall should it its this that these those there here
he she they them his her their we our you your i me my who whom which what when where why how not no nor
also just only very more most such some any all each both other another own same too said says say
told tells stated added according while which whose whether even still yet however since until because
though although amid despite including include includes included one two three four five six seven eight
nine ten mr ms mrs`)

var directions = set(`north south east west northeast northwest southeast southwest northern southern
eastern western north-east north-west south-east south-west`)

var particles = set(`out off up away down back over`)

var pronouns = set(`he she they it we i you this that these those who which one`)

var adverbs = set(`also later then still now again already reportedly previously earlier ultimately
briefly soon once first further meanwhile`)

var auxiliaries = set(`is are was were be been being has have had do does did will would can could may
might must shall should 's 're`)

var preps = set(`after for within in by from of with over under during before since until to at on about than`)

// isVerbAt reports whether token i is probably a verb.
func isVerbAt(toks []token, i int) bool {
	t := toks[i]
	if t.kind != 'w' || t.cap {
		return false
	}
	if i > 0 {
		switch toks[i-1].low {
		case "the", "a", "an", "its", "their", "his", "her", "our", "this", "that", "these", "those", "of":
			return false
		}
		if toks[i-1].kind == 'n' {
			return false
		}
		if _, ok := numberWords[toks[i-1].low]; ok {
			return false
		}
	}
	if verbish[t.low] || speechVerbs[t.low] {
		return true
	}
	if _, ok := irregular[t.low]; ok {
		return true
	}
	return strings.HasSuffix(t.low, "ed") && len(t.low) > 4
}

// mainVerbFrom returns the main verb at or after an auxiliary at i: "had
// expressed", "did not attend", "was unable to attend".
func mainVerbFrom(toks []token, i int) int {
	if !auxiliaries[toks[i].low] && toks[i].low != "unable" {
		return i
	}
	for k := i + 1; k < len(toks) && k <= i+4; k++ {
		t := toks[k]
		if t.kind != 'w' {
			break
		}
		if negators[t.low] || strings.HasSuffix(t.low, "ly") || t.low == "been" || t.low == "to" || t.low == "be" || t.low == "unable" || t.low == "not" {
			continue
		}
		if isVerbAt(toks, k) || k > 0 && (toks[k-1].low == "not" || toks[k-1].low == "to" || toks[k-1].low == "n't") {
			if !auxiliaries[t.low] {
				return k
			}
			continue
		}
		break
	}
	return i
}

// attributedQuote reports a sentence whose words outside the quotation
// marks credit it to someone with a reporting verb.
func (x *extractor) attributedQuote(s *sent) bool {
	for i, t := range s.toks {
		if !s.quoted[i] && speechVerbs[t.low] {
			return true
		}
	}
	return false
}

// isClaim reports whether sentence si states facts.
func (x *extractor) isClaim(si int) bool {
	s := &x.sents[si]
	if s.headline && !x.opts.headline {
		return false
	}
	text := strings.TrimSpace(x.text[s.span.Start:s.span.End])
	if strings.HasSuffix(strings.TrimRight(text, "”\"’)"), "?") {
		return false
	}
	words, quoted := 0, 0
	for i, t := range s.toks {
		if t.kind == 'p' {
			continue
		}
		words++
		if s.quoted[i] {
			quoted++
			continue
		}
		if boilerplateWords[t.low] {
			return false
		}
		// first person and advice are opinion; "our correspondent" is the
		// outlet's own reporting
		if t.low == "our" && i+1 < len(s.toks) && ownStaff[s.toks[i+1].low] {
			continue
		}
		if t.low == "we" || t.low == "you" || t.low == "our" || t.text == "I" || t.low == "should" || t.low == "ought" {
			return false
		}
	}
	// a quotation credited in the sentence itself ("'Twenty-three
	// personnel (12 Somali and 11 Yemeni) surrendered,' the navy said")
	// states facts as its source gave them
	if quoted*2 > words && words >= 5 && x.attributedQuote(s) {
		return true
	}
	if words < 5 && !x.opts.headline || words < 3 || quoted*2 > words {
		return false
	}
	return true
}

// facts builds the facts of every claim sentence.
func (x *extractor) facts() {
	ms := x.an.Mentions
	mi := 0
	for si := range x.sents {
		s := &x.sents[si]
		for mi < len(ms) && ms[mi].Start < s.span.Start {
			mi++
		}
		if !x.isClaim(si) {
			continue
		}
		toks := s.toks
		f := Fact{Sentence: si, Span: s.span, Text: x.text[s.span.Start:s.span.End]}
		inName := make([]bool, len(toks))
		seen := map[int]bool{}
		for k := mi; k < len(ms) && ms[k].Start < s.span.End; k++ {
			if ms[k].Entity >= 0 && !seen[ms[k].Entity] {
				seen[ms[k].Entity] = true
				f.Entities = append(f.Entities, ms[k].Entity)
			}
			for t := range toks {
				if toks[t].start >= ms[k].Start && toks[t].end <= ms[k].End {
					inName[t] = true
				}
			}
		}
		stemSeen := map[string]bool{}
		for t, tok := range toks {
			if tok.kind != 'w' || inName[t] || stopwords[tok.low] || len(tok.low) < 3 {
				continue
			}
			if _, ok := numberWords[tok.low]; ok {
				continue
			}
			st := x.lemma(tok.low)
			if !stemSeen[st] {
				stemSeen[st] = true
				f.Stems = append(f.Stems, st)
			}
		}
		// main clause
		verb := -1
		for t := leadingAdverbial(toks); t < len(toks); t++ {
			if !s.quoted[t] && isVerbAt(toks, t) {
				verb = t
				break
			}
		}
		if verb >= 0 {
			mv := mainVerbFrom(toks, verb)
			f.Subject, f.SubjectKey = x.subjectBefore(si, verb)
			x.predicate(&f, toks, verb, mv)
			// reported speech: "X said (that) the ship had passed the
			// inspection" states the clause, not the saying
			if speechVerbs[toks[mv].low] && !s.quoted[mv] {
				if v2, c := x.reportedClause(si, mv); v2 >= 0 {
					if subj, key := x.npKey(si, c, trimAdverbs(toks, c, v2)); key != "" {
						f.Subject, f.SubjectKey = subj, key
						x.predicate(&f, toks, v2, mainVerbFrom(toks, v2))
					}
				}
			}
		}
		for _, t := range toks {
			if distinctEvent[t.low] {
				f.Distinct = true
			}
		}
		f.Years, f.Months, f.Weekdays = moments(toks)
		f.LeadYears, f.LeadMonths = leadMoment(toks)
		strong := false // "another", "a second": a count is no total of the story's set
		for _, t := range toks {
			strong = strong || separateWords[t.low]
		}
		vals := x.values(si)
		for k := range vals {
			x.frame(si, &vals[k])
			x.slot(si, &vals[k])
		}
		listParts(toks, vals)
		conjuncts(toks, vals)
		if v, ok := x.deathPlace(si); ok {
			vals = append(vals, v)
		}
		if v, ok := x.noneKilled(si, vals); ok {
			vals = append(vals, v)
		}
		if v, ok := x.chargeAt(si); ok {
			vals = append(vals, v)
		}
		for _, v := range vals {
			if v.drop {
				continue
			}
			v.Total = v.Total && !strong
			f.Values = append(f.Values, v.ValueFact)
		}
		// where: places after "in", "at", "near"
		for k := mi; k < len(ms) && ms[k].Start < s.span.End; k++ {
			m := ms[k]
			if m.Entity < 0 || x.an.Entities[m.Entity].Kind != crosscheck.KindPlace {
				continue
			}
			for t := 1; t < len(toks); t++ {
				if toks[t].start == m.Start && !s.quoted[t] && (toks[t-1].low == "in" || toks[t-1].low == "at" || toks[t-1].low == "near" || toks[t-1].low == "outside") {
					var v ValueFact
					v.Kind, v.Text, v.Start, v.End = crosscheck.ValuePlace, m.Text, m.Start, m.End
					f.Values = append(f.Values, v)
				}
			}
		}
		for ci, c := range x.an.Credits {
			if c.Sentence == si {
				f.Credits = append(f.Credits, ci)
			}
		}
		x.an.Facts = append(x.an.Facts, f)
	}
}

// predicate fills a fact's verb, negation and object from the verb phrase
// [verb, mv]; "failed to attend" says "did not attend".
func (x *extractor) predicate(f *Fact, toks []token, verb, mv int) {
	f.Verb = x.lemma(toks[mv].low)
	f.VerbText = x.text[toks[verb].start:toks[mv].end]
	f.Negated = negatedBefore(toks, verb, mv)
	f.Object = x.objectAfter(toks, mv)
	if l := toks[mv].low; (l == "failed" || l == "fails" || l == "fail") && mv+2 < len(toks) && toks[mv+1].low == "to" && toks[mv+2].kind == 'w' && !toks[mv+2].cap {
		f.Verb = x.lemma(toks[mv+2].low)
		f.VerbText = x.text[toks[verb].start:toks[mv+2].end]
		f.Negated = true
		f.Object = x.objectAfter(toks, mv+2)
	}
}

// reportedClause finds the clause a speech verb at mv reports: "said
// (that) NP VERB", "told reporters that NP VERB". It returns the clause's
// verb and the first token of its subject, or -1 when there is none.
func (x *extractor) reportedClause(si, mv int) (verb, start int) {
	s := &x.sents[si]
	toks := s.toks
	c := mv + 1
	// "told reporters that": the hearer, then "that"
	for k := c; k < len(toks) && k <= c+3; k++ {
		if toks[k].low == "that" {
			c = k + 1
			break
		}
		if toks[k].kind != 'w' {
			break
		}
	}
	if c >= len(toks) || toks[c].kind != 'w' || preps[toks[c].low] || toks[c].low == "that" {
		return -1, 0
	}
	for k := c; k < len(toks) && k < c+7; k++ {
		if s.quoted[k] || toks[k].kind == 'p' && !toks[k].poss {
			return -1, 0
		}
		if k > c && isVerbAt(toks, k) {
			return k, c
		}
	}
	return -1, 0
}

// trimAdverbs returns the end of a subject that ends before verb v, less
// trailing adverbs ("the ship reportedly passed").
func trimAdverbs(toks []token, a, v int) int {
	end := v
	for end > a+1 && (strings.HasSuffix(toks[end-1].low, "ly") || adverbs[toks[end-1].low]) && !toks[end-1].cap {
		end--
	}
	return end
}

func negatedBefore(toks []token, from, to int) bool {
	lo := from - 1
	if lo < 0 {
		lo = 0
	}
	for k := lo; k <= to && k < len(toks); k++ {
		if negators[toks[k].low] {
			return true
		}
	}
	return false
}

// leadingAdverbial returns the first token after an opening adverbial phrase
// ("After leaving the session, ..."), 0 when there is none.
func leadingAdverbial(toks []token) int {
	if len(toks) == 0 {
		return 0
	}
	l := toks[0].low
	if !(preps[l] || strings.HasSuffix(l, "ing") || adverbs[l] || l == "meanwhile" || l == "however" || l == "still") {
		return 0
	}
	for k := 1; k < len(toks) && k < 16; k++ {
		if toks[k].text == "," {
			return k + 1
		}
	}
	return 0
}

// objectAfter returns the stem of the head of the noun phrase after verb v
// ("attended the flood talks" -> "talk").
func (x *extractor) objectAfter(toks []token, v int) string {
	head := ""
	for k := v + 1; k < len(toks) && k <= v+6; k++ {
		t := toks[k]
		if t.kind != 'w' || preps[t.low] || isVerbAt(toks, k) && head != "" {
			break
		}
		if _, num := numberWords[t.low]; num || t.low == "several" || t.low == "many" || t.low == "some" {
			if head != "" {
				break
			}
			continue
		}
		if !stopwords[t.low] && !strings.HasSuffix(t.low, "ly") {
			head = x.stem(singular(t.low))
		}
	}
	return head
}

// frame fills the verb, preposition and subject of value v.
func (x *extractor) frame(si int, v *valueAt) {
	toks := x.sents[si].toks
	if v.ti > 0 && preps[toks[v.ti-1].low] {
		v.Prep = toks[v.ti-1].low
	}
	verb := -1
	// the value as the subject of the verb right after it: "10 houses were damaged"
	if v.tj < len(toks) && (isVerbAt(toks, v.tj) || auxiliaries[toks[v.tj].low]) && v.Kind != crosscheck.ValueDate && v.Kind != crosscheck.ValueTime {
		verb = -1
	} else {
		for k := v.ti - 1; k >= 0; k-- {
			if toks[k].text == ";" {
				break
			}
			if isVerbAt(toks, k) {
				verb = k
				break
			}
		}
	}
	// distances and times from a reference: "3 miles southwest of Cobb"
	if k := v.tj; k+1 < len(toks) && (directions[toks[k].low] || toks[k].low == "from") {
		for k < len(toks) && (directions[toks[k].low] || toks[k].low == "of" || toks[k].low == "from" || toks[k].low == "the") {
			k++
		}
		if k < len(toks) {
			v.Prep += ">" + toks[k].low
		}
	}
	// the preposition after the value is part of the frame: "19 seasons
	// with the team" is not "four seasons as director"
	if v.tj < len(toks) && preps[toks[v.tj].low] && !strings.Contains(v.Prep, ">") && v.Kind != crosscheck.ValueTime {
		v.Prep += "+" + toks[v.tj].low
	}
	// a conjunct is part of a list: "a man and two women died"
	if v.ti > 0 && (toks[v.ti-1].low == "and" || toks[v.ti-1].low == "or") {
		v.Distinct = true
	}
	if v.ti > 0 && partWords[toks[v.ti-1].low] || v.ti > 1 && partWords[toks[v.ti-2].low] {
		v.Distinct = true
	}
	mv := verb
	if verb >= 0 {
		// auxiliary before a main verb: take the main verb
		for k := verb; k >= 0 && k > verb-4; k-- {
			if auxiliaries[toks[k].low] {
				if m := mainVerbFrom(toks, k); m > k && m <= verb {
					mv = m
				}
			}
		}
	} else {
		// the value is the subject: "26 countries had expressed"
		for k := v.tj; k < len(toks) && k < v.tj+4; k++ {
			if isVerbAt(toks, k) {
				verb = k
				mv = mainVerbFrom(toks, k)
				break
			}
		}
	}
	if mv >= 0 {
		v.Verb = x.lemma(toks[mv].low)
		v.VerbText = toks[mv].text
		// "taken to hospital", "treated in hospital", "hospitalised": one act
		if hospitalVerbs[v.Verb] && mv+3 < len(toks) {
			for k := mv + 1; k <= mv+3; k++ {
				if toks[k].low == "hospital" || toks[k].low == "hospitals" {
					v.Verb = "hospitalis"
				}
			}
		}
		if strings.HasPrefix(toks[mv].low, "hospitali") {
			v.Verb = "hospitalis"
		}
		if mv+1 < v.ti {
			// the object: the noun phrase right after the verb, before any preposition
			b := mv + 1
			for b < v.ti && toks[b].kind == 'w' && (toks[b].low == "the" || toks[b].low == "a" || toks[b].low == "an" || particles[toks[b].low]) {
				b++
			}
			e := b
			for e < v.ti && toks[e].kind == 'w' && !preps[toks[e].low] && !isVerbAt(toks, e) {
				e++
			}
			for e > b+1 && strings.HasSuffix(toks[e-1].low, "ly") && !toks[e-1].cap {
				e-- // "struck the reef shortly after 07:15"
			}
			if e > b {
				_, v.ObjectKey = x.npKey(si, b, e)
			}
		}
	}
	if verb >= 0 && verb < v.ti {
		v.Subject, v.SubjectKey = x.subjectBefore(si, verb)
		v.Negated = negatedBefore(toks, verb, mv)
	} else {
		v.Subject, v.SubjectKey = v.Unit, "h:"+v.Unit+"|"
	}
	for k := v.ti - 1; k >= 0 && k >= v.ti-3; k-- {
		if distinctEvent[toks[k].low] {
			v.Distinct = true
		}
	}
	// "a separate 25-minute meeting": the value modifies a distinct event
	if v.tj < len(toks) && v.ti > 0 && distinctEvent[toks[v.ti-1].low] {
		v.Distinct = true
	}
	v.Total = v.Kind == crosscheck.ValueCount && !v.Distinct && isTotal(toks, v.ti, v.tj)
}

// separateWords mark a sentence about another event or set than the
// story's own.
var separateWords = set(`separate another second third other others subsequent previous follow-up earlier`)

// hospitalVerbs before "hospital" say someone was hospitalised.
var hospitalVerbs = map[string]bool{"take": true, "treat": true, "admit": true, "rush": true, "airlift": true, "send": true, "carri": true, "flown": true, "fli": true}

// carryVerbs make the count after them the whole load: "carrying 214
// passengers".
var carryVerbs = set(`carrying carried carries carry`)

// isTotal reports a count stated as the whole of its set: "all 214
// passengers", "carrying 214 passengers", "214 passengers on board".
func isTotal(toks []token, ti, tj int) bool {
	if ti > 0 && (toks[ti-1].low == "all" || carryVerbs[toks[ti-1].low]) {
		return true
	}
	if tj < len(toks) && toks[tj].low == "aboard" || tj+1 < len(toks) && toks[tj].low == "on" && toks[tj+1].low == "board" {
		return true
	}
	return false
}

// subjectBefore finds the subject of the clause whose verb is at token vp.
func (x *extractor) subjectBefore(si, vp int) (string, string) {
	toks := x.sents[si].toks
	// relative clause: "The meeting, which lasted ..."
	for k := vp - 1; k >= 0 && k >= vp-3; k-- {
		if l := toks[k].low; l == "which" || l == "who" {
			e := k - 1
			for e >= 0 && toks[e].kind == 'p' {
				e--
			}
			b := e
			for b > 0 && toks[b-1].kind == 'w' && !preps[toks[b-1].low] && toks[b-1].low != "the" && toks[b-1].low != "a" && !isVerbAt(toks, b-1) {
				b--
			}
			if e >= 0 {
				return x.npKey(si, b, e+1)
			}
		}
	}
	start := 0
	for k := vp - 1; k >= 0; k-- {
		l := toks[k].low
		if l == ";" || l == ":" || l == "while" || l == "whereas" || (l == "that" && k > 0 && toks[k-1].kind == 'w' && !toks[k-1].cap) {
			start = k + 1
			break
		}
	}
	for start < vp && toks[start].kind == 'p' {
		start++
	}
	// a leading adverbial: "After leaving the session, Witkoff held ..."
	if start < vp && (preps[toks[start].low] || strings.HasSuffix(toks[start].low, "ing") || toks[start].low == "meanwhile" || toks[start].low == "however") {
		for k := start; k < vp; k++ {
			if toks[k].text == "," {
				start = k + 1
				break
			}
		}
	}
	end := start
	for end < vp && toks[end].text != "," && !(preps[toks[end].low] && end > start) && !isVerbAt(toks, end) {
		end++
	}
	for end > start && (strings.HasSuffix(toks[end-1].low, "ly") || adverbs[toks[end-1].low]) && !toks[end-1].cap {
		end-- // "Witkoff briefly attended"
	}
	if end <= start {
		return "", ""
	}
	return x.npKey(si, start, end)
}

// npKey keys the noun phrase of tokens [a, b): the entity it names, or its
// head noun with the entities that modify it.
func (x *extractor) npKey(si, a, b int) (string, string) {
	toks := x.sents[si].toks
	text := x.text[toks[a].start:toks[b-1].end]
	last := toks[b-1]
	if b-a == 1 && pronouns[last.low] {
		if last.low == "he" || last.low == "she" {
			if p := x.lastPerson(last.start); p >= 0 {
				return text, "e:" + itoa(p)
			}
		}
		return text, "" // an unresolved pronoun names no subject
	}
	ms := x.mentionsIn(toks[a].start, toks[b-1].end)
	for _, m := range ms {
		if m.End >= last.end && m.Start <= last.start {
			return text, "e:" + itoa(m.Entity)
		}
	}
	if last.cap || last.kind == 'p' {
		for _, m := range ms {
			if x.an.Entities[m.Entity].Kind == crosscheck.KindPerson {
				return text, "e:" + itoa(m.Entity)
			}
		}
		if len(ms) > 0 {
			return text, "e:" + itoa(ms[len(ms)-1].Entity)
		}
	}
	var mods []string
	for _, m := range ms {
		mods = append(mods, itoa(m.Entity))
	}
	sort.Strings(mods)
	head := singular(last.low)
	if h, ok := headSynonyms[head]; ok {
		head = h
	}
	return text, "h:" + head + "|" + strings.Join(mods, ",")
}

// headSynonyms fold nouns that news uses interchangeably for one event.
var headSynonyms = map[string]string{
	"talk": "meeting", "session": "meeting", "summit": "meeting", "conference": "meeting",
	"gathering": "meeting", "earthquake": "quake", "tremor": "quake", "blaze": "fire",
	"explosion": "blast", "nation": "country", "people": "person",
	// the generic word for a craft stands for the kind named before it:
	// "the ferry" and "the vessel" are one ship in a story
	"ship": "vessel", "ferry": "vessel", "tanker": "vessel", "freighter": "vessel",
	"liner": "vessel", "trawler": "vessel", "yacht": "vessel", "steamer": "vessel", "cutter": "vessel",
	"plane": "aircraft", "jet": "aircraft", "airliner": "aircraft", "airplane": "aircraft", "aeroplane": "aircraft",
}

// moments returns the years, months and weekdays a sentence names. A
// month needs a capital, and "May" and "March" a number or "in" beside
// them, so that the verb and the noun are not taken for months.
func moments(toks []token) (ys, ms, wds []int) {
	for i, t := range toks {
		switch {
		case t.kind == 'n' && len(t.low) == 4 && onlyDigits(t.low):
			if y := atoi4(t.low); y >= 1900 && y <= 2100 {
				ys = append(ys, y)
			}
		case t.cap && months[strings.TrimSuffix(t.low, ".")] != 0:
			m := int(months[strings.TrimSuffix(t.low, ".")])
			if t.low == "may" || t.low == "march" {
				near := i+1 < len(toks) && toks[i+1].kind == 'n' || i > 0 && (toks[i-1].low == "in" || toks[i-1].low == "since" || toks[i-1].low == "early" || toks[i-1].low == "late" || toks[i-1].low == "mid")
				if !near {
					continue
				}
			}
			ms = append(ms, m)
		case t.cap && (weekdays[t.low] != 0 || t.low == "sunday"):
			wds = append(wds, int(weekdays[t.low]))
		}
	}
	return ys, ms, wds
}

func atoi4(s string) int {
	n := 0
	for i := 0; i < len(s); i++ {
		n = n*10 + int(s[i]-'0')
	}
	return n
}

// leadMoment reads a time adverbial of a month or a year that opens a
// sentence and ends at a comma: "In February,", "In early March,", "Last
// year,", "In December 2003,", "Early November,". "Last year" gives the
// year 1 (before any story's).
func leadMoment(toks []token) (years, mons []int) {
	i := 0
	for i < len(toks) && i < 3 && (toks[i].low == "in" || toks[i].low == "early" || toks[i].low == "late" || toks[i].low == "mid" || toks[i].low == "earlier" || toks[i].low == "since" || toks[i].low == "by") {
		i++
	}
	if i+1 < len(toks) && toks[i].low == "last" && (toks[i+1].low == "year" || toks[i+1].low == "month") && i+2 < len(toks) && toks[i+2].text == "," {
		return []int{1}, nil
	}
	start := i
	for i < len(toks) && i < start+3 {
		t := toks[i]
		switch {
		case t.cap && months[strings.TrimSuffix(t.low, ".")] != 0:
			mons = append(mons, int(months[strings.TrimSuffix(t.low, ".")]))
		case t.kind == 'n' && len(t.low) == 4 && onlyDigits(t.low):
			years = append(years, atoi4(t.low))
		case t.text == ",":
			if i > start && (len(years) > 0 || len(mons) > 0) {
				return years, mons
			}
			return nil, nil
		default:
			return nil, nil
		}
		i++
	}
	return nil, nil
}

// listParts marks the counts of people joined in a list ("two women and
// one man died", "a man, a woman and two children") as parts of one
// whole: each counts some of the people the clause speaks of, not all.
// Counts with distinctive modifiers ("12 Somali and 11 Yemeni pirates")
// stay whole: each is all of its kind.
func listParts(toks []token, vals []valueAt) {
	for k := 0; k+1 < len(vals); k++ {
		a, b := &vals[k], &vals[k+1]
		if a.Head != "person" || b.Head != "person" || a.Spec != "" || b.Spec != "" || a.Total || b.Total {
			continue
		}
		// a list of victims ("two women and one man died"), not of kinds of
		// people counted apart ("214 passengers and 12 crew")
		toll := func(c string) bool { return c == "die" || c == "injure" || c == "hospitalis" || c == "arrest" }
		if !toll(a.VerbClass) && !toll(b.VerbClass) {
			continue
		}
		end := a.tj
		if a.PhraseEnd > 0 {
			for end < len(toks) && toks[end].start < a.PhraseEnd {
				end++
			}
		}
		joined := true
		for t := end; t < b.ti; t++ {
			if l := toks[t].low; l != "and" && l != "or" && l != "," {
				joined = false
			}
		}
		if joined && b.ti-end <= 2 {
			a.Part, b.Part = true, true
			// "Police said two women and one man died": the people
			// joined share the verb that follows them
			if !toll(a.VerbClass) {
				a.VerbClass, a.VerbLemma, a.VerbWord = b.VerbClass, b.VerbLemma, b.VerbWord
			}
		}
	}
}

// ownStaff are an outlet's own people: "our correspondent", "our reporter".
var ownStaff = set(`correspondent correspondents reporter reporters staff team editor editors
journalist journalists photographer crew`)

// conjuncts gives a value joined to the one before by "and" the act of
// that one when it has none of its own: "hold at least 14 foreign vessels
// and more than 300 crew members".
func conjuncts(toks []token, vals []valueAt) {
	for k := 1; k < len(vals); k++ {
		a, b := &vals[k-1], &vals[k]
		if b.VerbClass != "" || a.VerbClass == "" || b.ti < 1 || toks[b.ti-1].low != "and" {
			continue
		}
		end := a.tj
		for end < len(toks) && a.PhraseEnd > 0 && toks[end].start < a.PhraseEnd {
			end++
		}
		if end != b.ti-1 {
			continue
		}
		b.VerbClass, b.VerbLemma, b.VerbWord = a.VerbClass, a.VerbLemma, a.VerbWord
	}
}
