package claim

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// rawMention is a name found in a sentence, before entities are formed.
type rawMention struct {
	sent       int
	ti, tj     int // name tokens [ti, tj)
	start, end int // byte span of the name
	name       string
	role       string
	kind       crosscheck.EntityKind
	person     bool // evidence that it is a person
	roleOnly   bool // a role phrase with no name ("the envoy")
	roleHead   string
	entity     int
	// notPerson is evidence that a name is no person: an article or a
	// craft's class noun right before it ("the Selje Star", "the ferry
	// Selje Star").
	notPerson bool
	// placeCue is evidence that a name is a place: "in Los Angeles".
	placeCue bool
	// cue is true when a head word or the gazetteer gives the kind:
	// "Ministry", "Street", "Ltd.", "France".
	cue bool
	// aliasOf is 1 + the index of the raw mention this one abbreviates
	// ("Meteorology and Geophysics Agency (BMG)"), 0 when none.
	aliasOf int
}

var nameConnectors = set(`von van der den de da del della di du la le bin ibn al el dos das ter`)

// entities finds names in every sentence, then merges them into entities.
func (x *extractor) entities() {
	x.spacedHyphens = spacedHyphens(x.text)
	// words capitalised inside sentences: a word capitalised only where a
	// sentence starts is probably a common word ("Water entered ...")
	x.midCaps, x.lowWords = map[string]bool{}, map[string]bool{}
	for si := range x.sents {
		toks := x.sents[si].toks
		first := 0
		for first < len(toks) && toks[first].kind == 'p' {
			first++
		}
		for k := first + 1; k < len(toks); k++ {
			if toks[k].cap && toks[k].kind == 'w' {
				x.midCaps[toks[k].low] = true
			}
		}
		for k := range toks {
			if !toks[k].cap && toks[k].kind == 'w' {
				x.lowWords[toks[k].low] = true
			}
		}
	}
	x.headlineNames()
	for si := range x.sents {
		x.sentenceNames(si)
	}
	x.coordinatedKinds()
	x.settleKinds()
	x.formEntities()
}

// evidence is how strongly the mention's kind is supported: 2 by a head
// word, the gazetteer, a title, a role or a known given name; 1 by a
// preposition ("in Talodi") or an article ("the Selje Star", no person);
// 0 not at all.
func (m *rawMention) evidence() int {
	switch {
	case m.cue || m.person || m.roleOnly || m.kind == crosscheck.KindPerson && hasGivenName(m.name) || m.aliasOf > 0:
		return 2
	case m.placeCue || m.notPerson:
		return 1
	}
	return 0
}

// coordinatedKinds gives a name with no cue of its kind the kind of a
// name it is listed with: "the provinces of Southern Kordofan and Blue
// Nile", "Qeshm, Bandar Abbas and Hormozgan".
func (x *extractor) coordinatedKinds() {
	for r := 1; r < len(x.raw); r++ {
		a, b := &x.raw[r-1], &x.raw[r]
		if a.sent != b.sent || a.roleOnly || b.roleOnly || a.tj > b.ti || !coordination(x.sents[a.sent].toks[a.tj:b.ti]) {
			continue
		}
		if toks := x.sents[a.sent].toks; b.ti-a.tj == 1 && toks[a.tj].text == "," && !x.listGoesOn(r) {
			continue // "back to Texas, Strickland said": a comma alone lists nothing
		}
		for _, p := range [2][2]*rawMention{{a, b}, {b, a}} {
			from, to := p[0], p[1]
			if !x.guessed(to) {
				continue
			}
			switch {
			case from.kind == crosscheck.KindPlace && (from.cue || from.placeCue):
				to.kind, to.placeCue = crosscheck.KindPlace, true
			case from.kind == crosscheck.KindOrganization && from.cue:
				to.kind = crosscheck.KindOrganization
			}
		}
	}
}

// listGoesOn reports whether the raw mention r is followed by another
// name joined by "and", "or" or a comma: "Tonban, Gavarzin, Khaledin and
// Gourian".
func (x *extractor) listGoesOn(r int) bool {
	if r+1 >= len(x.raw) {
		return false
	}
	b, c := &x.raw[r], &x.raw[r+1]
	return b.sent == c.sent && !c.roleOnly && b.tj <= c.ti && coordination(x.sents[b.sent].toks[b.tj:c.ti])
}

// coordination reports the tokens between two listed names: "and", "or",
// a comma, or a comma and "and".
func coordination(toks []token) bool {
	switch len(toks) {
	case 1:
		return toks[0].low == "and" || toks[0].low == "or" || toks[0].text == ","
	case 2:
		return toks[0].text == "," && (toks[1].low == "and" || toks[1].low == "or")
	}
	return false
}

// guessed reports a mention whose kind nothing supports: a capitalised
// name with no title, role, known given name, head word or preposition.
func (x *extractor) guessed(m *rawMention) bool {
	return !m.cue && !m.person && !m.placeCue && !m.notPerson && !m.roleOnly &&
		(m.kind == crosscheck.KindPerson || m.kind == crosscheck.KindOther) && !hasGivenName(m.name)
}

// spacedHyphens reports a text that writes hyphens apart inside words
// ("a 38 - year - old", "south - west"), as detokenised corpora do: there
// " - " joins names too ("Hewlett - Packard").
func spacedHyphens(text string) bool {
	for i := 0; ; {
		k := strings.Index(text[i:], " - ")
		if k < 0 {
			return false
		}
		k += i
		if k > 0 && k+3 < len(text) && (isLowerASCII(text[k-1]) || isDigitASCII(text[k-1])) && (isLowerASCII(text[k+3]) || isDigitASCII(text[k+3])) {
			return true
		}
		i = k + 3
	}
}

func isLowerASCII(c byte) bool { return c >= 'a' && c <= 'z' }

func isDigitASCII(c byte) bool { return c >= '0' && c <= '9' }

// settleKinds makes every mention of a name that something marks as no
// person ("the Selje Star") and nothing marks as one (a title, a role, a
// known given name) a thing rather than a person.
func (x *extractor) settleKinds() {
	not, is, place := map[string]bool{}, map[string]bool{}, map[string]bool{}
	for r := range x.raw {
		m := &x.raw[r]
		if m.roleOnly {
			continue
		}
		k := fold(m.name)
		if m.notPerson {
			not[k] = true
		}
		if m.placeCue {
			place[k] = true
		}
		if m.person || m.kind == crosscheck.KindPerson && hasGivenName(m.name) {
			is[k] = true
		}
	}
	for r := range x.raw {
		m := &x.raw[r]
		k := fold(m.name)
		if m.roleOnly || is[k] {
			continue
		}
		switch {
		case place[k] && (m.kind == crosscheck.KindPerson || m.kind == crosscheck.KindOther):
			m.kind = crosscheck.KindPlace // "in Los Angeles"
		case m.kind == crosscheck.KindPerson && not[k]:
			m.kind = crosscheck.KindOther
		}
	}
}

// hasGivenName reports whether a name starts with a known given name.
func hasGivenName(name string) bool {
	f := strings.Fields(name)
	if len(f) < 2 {
		return false
	}
	g := fold(f[0])
	_, ok := nicknames[g]
	return ok || givenNames[g]
}

// craftNouns name a kind of ship, aircraft or vehicle: a name right after
// one is the craft's ("the ferry Selje Star").
var craftNouns = set(`ferry ship vessel tanker freighter liner yacht trawler boat submarine carrier frigate
destroyer cruiser warship aircraft plane jet airliner helicopter train locomotive satellite spacecraft
rocket probe shuttle bus truck lorry storm hurricane typhoon cyclone tropical`)

func isNameToken(t token) bool {
	return t.kind == 'w' && t.cap || t.kind == 'n' && numberName(t.text)
}

// numberName reports a name that starts with digits: "76ers", "49ers";
// not "5th", "10am", "1990s", "30mph".
func numberName(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	if i == 0 || i == len(w) {
		return false
	}
	rest := w[i:]
	if len(rest) < 3 || numberSuffixes[strings.ToLower(rest)] {
		return false
	}
	for _, r := range rest {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// numberSuffixes are units and endings written on numbers.
var numberSuffixes = set(`mph kmh kph bhp mins hrs yrs kms lbs sec secs min kgs mbps gbps khz mhz ghz cms`)

// isInitial reports a single capital letter: the W of "John W. Henry".
func isInitial(t token) bool {
	if t.kind != 'w' || !t.cap {
		return false
	}
	_, n := utf8.DecodeRuneInString(t.text)
	return n == len(t.text)
}

// adjacent reports two tokens written without a space between them.
func adjacent(a, b token) bool { return a.end == b.start }

// sentenceNames finds the capitalised sequences of sentence si.
func (x *extractor) sentenceNames(si int) {
	s := &x.sents[si]
	toks := s.toks
	if s.headline && titleCase(toks) {
		return // "Police Arrest Man In Shooting": capitals say nothing
	}
	first := 0 // index of the first word of the sentence (after an opening quote)
	for first < len(toks) && toks[first].kind == 'p' {
		first++
	}
	from := len(x.raw)
	done := x.addresses(si)
	for i := 0; i < len(toks); {
		if i < len(done) && done[i] || !isNameToken(toks[i]) {
			i++
			continue
		}
		j := x.nameEnd(toks, i, done)
		x.addSequence(si, i, j, i == first)
		i = j
	}
	x.bracketAcronyms(si, from)
	x.rolePhrases(si)
}

// titleCase reports a line whose words are mostly capitalised, as
// headlines in title case are.
func titleCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.kind == 'w' {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words == 0 || 2*caps > words
}

// nameEnd returns the end of the name that starts at token i: capitalised
// words, with initials ("John W. Henry", "U. S. Geological Survey", "M/S
// Columbus"), connectors ("Ursula von der Leyen", "Ministry of Defence",
// "Meteorology and Geophysics Agency"), hyphens the text writes apart
// ("Hewlett - Packard") and a number that names ("SEA-ME-WE 4").
func (x *extractor) nameEnd(toks []token, i int, done []bool) int {
	j := i + 1
	if toks[i].poss {
		return j
	}
	for j < len(toks) {
		t := toks[j]
		if j < len(done) && done[j] {
			break
		}
		if isNameToken(t) {
			j++
			if t.poss {
				return j
			}
			continue
		}
		next := j+1 < len(toks) && isNameToken(toks[j+1])
		switch {
		case t.text == "." && next && isInitial(toks[j-1]) && adjacent(toks[j-1], t):
			j++ // "John W. Henry", "U. S. Geological Survey"
			continue
		case t.text == "/" && next && isInitial(toks[j-1]) && isInitial(toks[j+1]) && adjacent(toks[j-1], t) && adjacent(t, toks[j+1]):
			j++ // "M/S Columbus"
			continue
		case (t.text == "-" || t.text == "–") && next && !adjacent(toks[j-1], t) && !adjacent(t, toks[j+1]) && !stopCaps[toks[j+1].low] &&
			(x.spacedHyphens || j+2 < len(toks) && toks[j+2].cap && orgSuffixes[toks[j+2].low]):
			j++ // "Hewlett - Packard" in a text that writes "year - old", or before "Co."
			continue
		}
		// connectors inside names: "Ursula von der Leyen", "Ministry of Defence"
		if t.kind == 'w' && !t.cap {
			k := j
			for k < len(toks) && toks[k].kind == 'w' && !toks[k].cap && k-j < 2 &&
				(nameConnectors[toks[k].low] || ((toks[k].low == "of" || toks[k].low == "the") && (orgSuffixes[toks[j-1].low] || titleWords[toks[j-1].low] || toks[k-1].low == "of"))) {
				k++
			}
			if k > j && k < len(toks) && isNameToken(toks[k]) && !(toks[k-1].low == "of" && titleWords[toks[j-1].low] && !orgSuffixes[toks[j-1].low] && toks[j-1].low != "secretary") {
				j = k
				continue
			}
			if t.low == "of" && j+1 < len(toks) && isNameToken(toks[j+1]) && (KnownPlace(x.joinLow(toks[i:j+2])) || hasOrgWord(toks[i:j])) {
				j++ // "Horn of Africa", "Church of Jesus Christ of Latter Day Saints"
				continue
			}
			if t.low == "of" && j+2 < len(toks) && toks[j+1].low == "the" && isNameToken(toks[j+2]) && hasOrgWord(toks[i:j]) {
				j += 2 // "Church of the Jesus Christ of the Latter Day Saints"
				continue
			}
		}
		// "Meteorology and Geophysics Agency": "and" inside an organisation's name
		if (t.low == "and" || t.text == "&") && next {
			k := j + 1
			for k < len(toks) && isNameToken(toks[k]) && !toks[k].poss {
				k++
			}
			b := toks[j-1] // one plain word before "and": not "HP and EYP ...", "Britain and France Telecom"
			if orgSuffixes[toks[k-1].low] && !orgSuffixes[b.low] && (j-1 == i || toks[j-2].low == "of") &&
				!isAcronym(b.text) && !KnownPlace(b.low) && !KnownGivenName(b.low) {
				j = k
				continue
			}
		}
		break
	}
	if j < len(toks) && x.namesNumber(toks, i, j) {
		j++
	}
	return j
}

// namesNumber reports whether the number at token j belongs to the name
// [i, j): "SEA-ME-WE 4 cable", "Apollo 11"; not a score ("Chelsea 2,
// Arsenal 1"), a date ("December 25") or a count ("Iran 10 days later").
func (x *extractor) namesNumber(toks []token, i, j int) bool {
	n := toks[j]
	if n.kind != 'n' || len(n.text) > 2 || !isDigits(n.text) || strings.ContainsAny(n.text, ".,:") || toks[j-1].poss || !adjacentWord(toks[j-1]) {
		return false
	}
	named := false
	for k := i; k < j; k++ {
		l := toks[k].low
		if toks[k].kind == 'w' && !stopCaps[l] && !monthAbbrevs[l] {
			named = true
		}
	}
	if !named {
		return false
	}
	if i >= 2 && toks[i-1].text == "," && toks[i-2].kind == 'n' {
		return false // a list of scores
	}
	if j+1 < len(toks) {
		nx := toks[j+1]
		switch {
		case nx.kind == 'p':
			return nx.text == "." || nx.text == ")" || nx.text == ";"
		case nx.kind == 'n' || nx.cap:
			return false
		}
		if _, ok := durations[nx.low]; ok {
			return false
		}
		if _, ok := unitSynonyms[nx.low]; ok {
			return false
		}
		if _, ok := numberWords[nx.low]; ok {
			return false
		}
		if _, ok := multipliers[nx.low]; ok {
			return false
		}
		if countNouns[nx.low] || strings.HasSuffix(nx.low, "s") && nx.low != "lines" && nx.low != "cables" && !strings.HasSuffix(nx.low, "ss") {
			return false // "Hormozgan 10 villages": a count
		}
	}
	return true
}

func adjacentWord(t token) bool { return t.kind == 'w' }

// monthAbbrevs are months as datelines abbreviate them: "Dec. 25".
var monthAbbrevs = set(`jan feb mar apr jun jul aug sep sept oct nov dec`)

// countNouns follow a count: "10 percent", "Iran 3 times".
var countNouns = set(`percent per times points goals runs km miles kilometres kilometers metres meters feet
inches degrees am pm a.m. p.m. people`)

// streetWords end an address: "40 East Fifth Avenue", "40 East 5th Ave.".
var streetWords = set(`street st avenue ave av road rd boulevard blvd lane ln drive dr way highway hwy parkway
pkwy place pl court ct terrace square sq plaza`)

// compassWords may open a street's name: "40 East 5th Ave.".
var compassWords = set(`east west north south e w n s ne nw se sw`)

// addresses finds street addresses, a house number then the street's name
// ("40 East 5th Ave.", "40 East Fifth Avenue"), records them as places and
// returns the tokens they take.
func (x *extractor) addresses(si int) []bool {
	toks := x.sents[si].toks
	var done []bool
	for i := 0; i+2 < len(toks); i++ {
		n := toks[i]
		if n.kind != 'n' || !isDigits(n.text) || strings.ContainsAny(n.text, ".,:") || len(n.text) > 5 || i > 0 && toks[i-1].kind == 'p' && toks[i-1].text != "," && toks[i-1].text != "(" {
			continue
		}
		k := i + 1
		if compassWords[toks[k].low] && toks[k].cap {
			k++
			if k < len(toks) && toks[k].text == "." && adjacent(toks[k-1], toks[k]) {
				k++
			}
		}
		words := 0
		for k < len(toks) && words < 4 && (toks[k].kind == 'w' && toks[k].cap || toks[k].kind == 'n' && isOrdinal(toks[k].text)) {
			k++
			words++
			if streetWords[toks[k-1].low] && words >= 2 {
				break
			}
		}
		last := toks[k-1]
		if words < 2 || !streetWords[last.low] || !last.cap || yearLike(n.text) && i > 0 && (toks[i-1].low == "in" || toks[i-1].low == "since" || toks[i-1].low == "by" || toks[i-1].low == "until" || toks[i-1].low == "of") {
			continue
		}
		end := last.end
		if k < len(toks) && toks[k].text == "." && adjacent(last, toks[k]) && len(last.low) <= 4 {
			end = toks[k].end // "Ave."
		}
		m := rawMention{sent: si, ti: i, tj: k, start: n.start, end: end, kind: crosscheck.KindPlace, entity: -1, placeCue: true, cue: true}
		m.name = x.text[m.start:m.end]
		x.raw = append(x.raw, m)
		if done == nil {
			done = make([]bool, len(toks))
		}
		for t := i; t < k; t++ {
			done[t] = true
		}
		i = k - 1
	}
	return done
}

// yearLike reports a number that may be a year.
func yearLike(w string) bool { return len(w) == 4 && (w[:2] == "18" || w[:2] == "19" || w[:2] == "20") }

// isOrdinal reports "5th", "1st", "22nd".
func isOrdinal(w string) bool {
	i := 0
	for i < len(w) && w[i] >= '0' && w[i] <= '9' {
		i++
	}
	switch strings.ToLower(w[i:]) {
	case "st", "nd", "rd", "th":
		return i > 0
	}
	return false
}

// bracketAcronyms makes an acronym in brackets right after a name of two
// words or more an alias of it, when two of its letters or more are the
// name's initials: "Meteorology and Geophysics Agency (BMG)". A dateline's
// "PARIS (AFP)" is no such pair.
func (x *extractor) bracketAcronyms(si, from int) {
	toks := x.sents[si].toks
	for r := from + 1; r < len(x.raw); r++ {
		b := &x.raw[r]
		if b.roleOnly || b.sent != si || b.tj != b.ti+1 || !isAcronym(b.name) || b.ti < 1 || b.tj >= len(toks) || toks[b.ti-1].text != "(" || toks[b.tj].text != ")" {
			continue
		}
		for q := r - 1; q >= from; q-- {
			a := &x.raw[q]
			if a.roleOnly || a.sent != si || a.tj != b.ti-1 || a.tj-a.ti < 2 || a.kind == crosscheck.KindPlace || a.kind == crosscheck.KindPerson && a.person {
				continue
			}
			if sharedInitials(b.name, x.text[a.start:a.end]) >= 2 {
				b.aliasOf = q + 1
				b.kind = crosscheck.KindOrganization
				if a.kind != crosscheck.KindOrganization {
					a.kind = crosscheck.KindOrganization
				}
			}
			break
		}
	}
}

// sharedInitials counts the letters of an acronym that are initials of
// the name's words.
func sharedInitials(acr, name string) int {
	in := map[rune]bool{}
	for _, w := range nameWords(name) {
		r, _ := utf8.DecodeRuneInString(w.w)
		in[r] = true
	}
	n := 0
	for _, r := range strings.ToLower(acr) {
		if in[r] {
			n++
			in[r] = false
		}
	}
	return n
}

// rolePhrases finds role phrases standing for a person: "the U.S. envoy",
// "the French president".
func (x *extractor) rolePhrases(si int) {
	toks := x.sents[si].toks
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].low != "the" {
			continue
		}
		head := -1
		k := i + 1
		for ; k < len(toks) && k-i <= 4; k++ {
			t := toks[k]
			if t.kind != 'w' {
				break
			}
			if titleHeads[t.low] && !t.cap {
				head = k
				if t.poss {
					break
				}
				continue
			}
			if titleWords[t.low] && !t.cap || demonyms[t.low] != "" || countries[t.low] != "" && t.cap {
				continue
			}
			break
		}
		if head < 0 || head+1 < len(toks) && isNameToken(toks[head+1]) {
			continue
		}
		if toks[head].poss || head+1 < len(toks) && (toks[head+1].low == "of" || toks[head+1].low == "office") {
			continue // "the president's office": not the person
		}
		m := rawMention{sent: si, ti: i, tj: head + 1, roleOnly: true, kind: crosscheck.KindPerson, entity: -1,
			start: toks[i].start, end: toks[head].end, roleHead: toks[head].low}
		m.name = x.text[m.start:m.end]
		m.role = x.text[toks[i+1].start:toks[head].end]
		x.raw = append(x.raw, m)
		i = head
	}
}

// addSequence turns the capitalised tokens [i, j) into mentions.
func (x *extractor) addSequence(si, i, j int, sentStart bool) {
	toks := x.sents[si].toks
	i0 := i
	// drop capitalised function words and sentence-initial common words
	for i < j && (x.stopWordAt(toks, i, j, sentStart && i == i0) || (sentStart && i == 0 && j-i == 1 && looksCommon(toks[i].low))) {
		i++
	}
	for i < j && demonyms[toks[i].low] != "" && j-i > 1 && !titleWords[toks[i+1].low] && !hasOrgWord(toks[i:j]) {
		i++ // "European leaders": an adjective, not a name
	}
	for i < j && toks[i].kind == 'p' {
		i++
	}
	// "Naturally Scott Boras", "Whenever Warren Jeffs": an adverb opens the sentence
	if sentStart && i == i0 && j-i > 2 && toks[i].kind == 'w' && !x.midCaps[toks[i].low] && !KnownGivenName(toks[i].low) &&
		(looksCommon(toks[i].low) || x.lowWords[toks[i].low] || sentenceOpeners[toks[i].low]) {
		i++
	}
	// "Maurice Cheeks Saturday": a day or a month after a name is not of it
	for j-i > 1 && (isWeekday(toks[j-1].low) || monthAbbrevs[toks[j-1].low] || monthNames[toks[j-1].low] || eventNames[toks[j-1].low]) && !toks[j-1].poss {
		j--
	}
	if i >= j || j-i == 1 && utf8.RuneCountInString(toks[i].text) < 2 {
		return
	}
	if j-i == 1 && (demonyms[toks[i].low] != "" || demonyms[strings.TrimSuffix(toks[i].low, "s")] != "") && countries[toks[i].low] == "" {
		return // "French" alone is an adjective, "Europeans" a people
	}
	if j-i > 1 && compassNames[toks[i].low] && (demonyms[toks[j-1].low] != "" || strings.HasSuffix(toks[j-1].low, "ese")) && countries[toks[j-1].low] == "" {
		return // "South Sudanese refugees": an adjective
	}
	if j-i == 1 && (timeZones[toks[i].low] && isAcronym(toks[i].text) || rankAbbrevs[toks[i].low] || monthAbbrevs[toks[i].low] || interjections[toks[i].low]) {
		return // "10:30 GMT", "Const." alone, "Nov.", "Yes"
	}
	if sentStart && i == i0 && j-i == 1 && x.commonAtStart(toks, i) {
		return // "Eleven people were ...", "Water entered ...", "Investigators said ..."
	}
	// "Witkoff-Zelensky meeting": two names joined by a hyphen
	if j-i == 1 && strings.Contains(toks[i].text, "-") && j < len(toks) && toks[j].kind == 'w' && !toks[j].cap {
		parts := strings.Split(toks[i].text, "-")
		allCap := len(parts) > 1
		whole := strings.Count(x.text, toks[i].text)
		for _, p := range parts {
			r, _ := utf8.DecodeRuneInString(p)
			// each part is a name the text also uses alone ("Hewlett-Packard agreed" is one)
			allCap = allCap && unicode.IsUpper(r) && strings.Count(x.text, p) > whole
		}
		if allCap {
			off := toks[i].start
			for _, p := range parts {
				x.raw = append(x.raw, rawMention{sent: si, ti: i, tj: j, start: off, end: off + len(p), name: p, kind: crosscheck.KindOther, entity: -1})
				off += len(p) + 1
			}
			return
		}
	}
	lastLow := toks[j-1].low
	m := rawMention{sent: si, ti: i, tj: j, kind: crosscheck.KindOther, entity: -1}
	switch {
	case generational[lastLow] && j-i >= 3:
		m.kind = crosscheck.KindPerson // "Anthony LaCalamita III"
		m.person = true
	case countries[x.joinLow(toks[i:j])] != "" || KnownPlace(x.joinLow(toks[i:j])) ||
		j < len(toks) && toks[j].text == "." && adjacent(toks[j-1], toks[j]) && knownPlaces[x.joinLow(toks[i:j])+"."]:
		m.kind = crosscheck.KindPlace // before acronyms: "B.C.", "N.J."
		m.cue = true
	case orgSuffixes[lastLow] || agencies[x.joinLow(toks[i:j])] || isAcronym(toks[j-1].text) && countries[lastLow] == "":
		m.kind = crosscheck.KindOrganization
		m.cue = orgSuffixes[lastLow] || agencies[x.joinLow(toks[i:j])]
	case placeSuffixes[lastLow]:
		m.kind = crosscheck.KindPlace
		m.cue = true
	case j-i >= 2 && craftPrefixes[toks[i].low] && isAcronym(toks[i].text):
		m.kind = crosscheck.KindOther // "MV Stolt Valor", "INS Mysore": a ship
		m.notPerson, m.cue = true, true
	case j-i >= 2 && !KnownGivenName(toks[i].low) && !hasTitleWord(toks[i:j]) && !titleAcronyms[toks[i].low] && (anyProductWord(toks[i:j]) || isAcronym(toks[i].text) && len(toks[i].text) >= 3 && !initialsWord(toks[i].text) || articles[toks[i].low]):
		m.kind = crosscheck.KindOther // "HP Dynamic Smart Cooling", "Oracle OpenWorld", "La Croisette": no person
		m.notPerson = true
	case j-i >= 2 && !KnownGivenName(toks[i].low) && !hasTitleWord(toks[i:j]) && x.placePrefixed(toks, i, j):
		m.kind = crosscheck.KindOrganization // "New York Yankees", "Boston Red Sox": named after a place
		m.notPerson = true
	case eventNames[lastLow] || j-i >= 2 && eventHeads[lastLow]:
		m.kind = crosscheck.KindOther // "Christmas", "World Series", "Gold Glove"
		m.notPerson, m.cue = true, true
	case j-i >= 2 && placeOpeners[toks[i].low] && !hasOrgWord(toks[i:j]):
		m.kind = crosscheck.KindPlace // "Rue de Castiglione", "Interstate 75", "Mount Pleasant"
		m.placeCue, m.cue = true, true
	case j-i >= 2 && compassNames[toks[i].low] && !hasOrgWord(toks[i:j]):
		m.kind = crosscheck.KindPlace // "South Kordofan", "West Texas"
		m.placeCue = true
	case hasNumber(toks[i:j]):
		m.kind = crosscheck.KindOther // "SEA-ME-WE 4", "Apollo 11": no person
		m.notPerson = true
	case x.craftName(toks, i, j):
		m.kind = crosscheck.KindOther
		m.notPerson = true
	default:
		// a title inside the sequence: "French President Emmanuel Macron"
		k := -1
		for t := j - 1; t >= i; t-- {
			if titleWords[toks[t].low] {
				k = t
				break
			}
		}
		if k >= 0 && titleHeads[toks[k].low] {
			roleStart := x.roleStart(si, i)
			m.role = x.text[toks[roleStart].start:toks[k].end]
			m.roleHead = toks[k].low
			if k == j-1 {
				if toks[k].poss || j < len(toks) && !toks[j].cap && toks[j].kind == 'w' && !speechVerbs[toks[j].low] && !verbish[toks[j].low] {
					return // "the Prime Minister's office": not the person
				}
				// a role with no name: resolved to its holder later
				m.roleOnly = true
				m.start, m.end = toks[roleStart].start, toks[k].end
				m.name = m.role
				m.kind = crosscheck.KindPerson
				x.raw = append(x.raw, m)
				return
			}
			i = k + 1
			m.ti = i
			m.person = true
		} else if k < 0 {
			roleStart := x.roleStart(si, i)
			if roleStart < i {
				// "NATO chief Mark Rutte", "U.S. special envoy Steve Witkoff"
				for t := i - 1; t >= roleStart; t-- {
					if titleHeads[toks[t].low] {
						m.role = x.text[toks[roleStart].start:toks[t].end]
						m.roleHead = toks[t].low
						m.person = true
						break
					}
				}
			}
		} else {
			return // "Foreign" etc. without a head: not a name
		}
		m.kind = crosscheck.KindPerson
		for t := i; t < j && !m.person; t++ {
			if orgSuffixes[toks[t].low] || toks[t].low == "of" {
				m.kind = crosscheck.KindOrganization // "Coalition of the Willing", "Bank of England"
			}
		}
		if m.kind == crosscheck.KindOrganization {
			break
		}
		if !m.person && j-i == 1 {
			m.kind = crosscheck.KindOther
			if i > 0 && (x.placeBefore(toks, i) || toks[i-1].low == "across") && !toks[i].poss {
				m.kind = crosscheck.KindPlace
			}
		}
		if !m.person && j-i >= 2 && initialsWord(toks[i].text) {
			m.person = true // "P.J. Carlesimo", "J. Burnett"
			m.kind = crosscheck.KindPerson
		}
		if !m.person && personAfter(toks, i, j) {
			m.person = true // "Jordan -- who became close ...", "Anthony LaCalamita III, 38,"
			m.kind = crosscheck.KindPerson
		}
		if !m.person && (i > 1 && toks[i-1].low == "of" && placeNouns[toks[i-2].low] || j < len(toks) && placeNouns[toks[j].low] && !toks[j].cap) {
			m.kind = crosscheck.KindPlace // "the city of Khan Younis", "the Jabaliya refugee camp"
			m.placeCue = true
		}
		if app := x.appositiveRole(si, j); app != "" {
			if m.role == "" {
				m.role = app
			}
			m.person = true
			m.kind = crosscheck.KindPerson
		}
	}
	m.start, m.end = toks[i].start, toks[j-1].end
	if toks[j-1].poss {
		m.end = toks[j-1].start + len(toks[j-1].name())
	} else if j < len(toks) && toks[j].text == "." && adjacent(toks[j-1], toks[j]) && (nameAbbrevs[lastLow] || isInitial(toks[j-1])) {
		m.end = toks[j].end // "Canadian Broadcasting Corp.", "TallGrass Distribution Ltd."
	}
	m.name = x.text[m.start:m.end]
	if m.kind == crosscheck.KindPerson && wordCount(toks[i:j]) > 5 {
		return
	}
	if i > 0 && !m.person {
		if p := toks[i-1].low; p == "the" || craftNouns[p] && !toks[i-1].cap {
			m.notPerson = true
		}
		if x.placeBefore(toks, i) && !toks[j-1].poss && m.kind != crosscheck.KindOrganization {
			m.placeCue = true
		}
	}
	x.raw = append(x.raw, m)
}

// placeBefore reports a preposition of place before token i: "in Los
// Angeles", "near Velby", "58km south - west of Bandar Abbas"; not "their
// interest in Teixeira".
func (x *extractor) placeBefore(toks []token, i int) bool {
	p := toks[i-1].low
	switch p {
	case "in":
		return i < 2 || !inComplements[toks[i-2].low]
	case "near", "outside":
		return true
	case "of":
		return i >= 2 && compassWords[toks[i-2].low] && len(toks[i-2].low) > 2
	}
	return false
}

// inComplements take "in" before what they are about, not a place:
// "interest in Teixeira", "a stake in Gazprom".
var inComplements = set(`interest interested interests invest invested investing investment investments stake
stakes role part involvement confidence faith trust belief believe believes believed participate
participated participation engaged share shares stock stocks`)

// generational suffixes end a person's name.
var generational = set(`ii iii iv jr sr`)

// nameAbbrevs end a name with their period: "Corp.", "Jr.", "Ave.".
var nameAbbrevs = set(`co corp inc ltd jr sr bros ave blvd rd st`)

// hasOrgWord reports a word of the tokens that heads organisations'
// names: "American University of Sharjah".
func hasOrgWord(toks []token) bool {
	for _, t := range toks {
		if orgSuffixes[t.low] {
			return true
		}
	}
	return false
}

// hasNumber reports a number among the tokens.
func hasNumber(toks []token) bool {
	for _, t := range toks {
		if t.kind == 'n' {
			return true
		}
	}
	return false
}

// personAfter reports what only follows a person's name: "who" after a
// comma or a dash, not after "the" ("the Sixers, who ..." is a team), or
// an age between commas ("Anthony LaCalamita III, 38,").
func personAfter(toks []token, i, j int) bool {
	if j+1 >= len(toks) || i > 0 && toks[i-1].low == "the" || toks[j-1].poss {
		return false
	}
	p := toks[j].text
	if p != "," && p != "-" && p != "--" && p != "—" && p != "–" {
		return false
	}
	k := j + 1
	for k < len(toks) && (toks[k].text == "-" || toks[k].text == "—") {
		k++
	}
	if k < len(toks) && toks[k].low == "who" {
		return true
	}
	n := toks[j+1]
	return p == "," && n.kind == 'n' && len(n.text) <= 3 && isDigits(n.text) && !strings.ContainsAny(n.text, ".,:") &&
		j+2 < len(toks) && toks[j+2].text == ","
}

// rankAbbrevs are ranks and titles abbreviated, no names by themselves.
var rankAbbrevs = set(`const cpl sgt lt col gen capt cmdr adm maj gov sen rep det insp supt pres prof rev`)

// interjections start quoted speech, not names.
var interjections = set(`yes no ok okay amen oh wow hey hello please thanks`)

// titleAcronyms are titles written as acronyms: "COO Larry Lucchino".
var titleAcronyms = set(`ceo coo cfo cto cio gm vp evp svp md mp mep`)

// craftPrefixes open the names of ships: "MV Gibe", "INS Mysore", "HMS Victory".
var craftPrefixes = set(`mv ms m/s mt ss hms uss ins rms hmcs hmas sv my`)

// articles of other languages open names of places and things, not of
// persons: "La Croisette", "Le Monde", "El Dorado".
var articles = set(`la le les el los las il lo`)

// productWord reports a word with a capital inside after four letters or
// more, as products and companies write them ("OpenWorld", "EnerOpt"),
// unlike surnames ("McCain", "MacArthur", "LaCalamita", "DiLeo").
func productWord(w string) bool {
	lower := 0
	for i, r := range w {
		switch {
		case i == 0:
		case unicode.IsUpper(r):
			return lower >= 3
		case unicode.IsLower(r):
			lower++
		default:
			return false
		}
	}
	return false
}

// initialsWord reports initials written as a word: "P.J.", "J.".
func initialsWord(w string) bool {
	if len(w) < 2 || w[len(w)-1] != '.' {
		return false
	}
	for i := 0; i < len(w); i += 2 {
		if w[i] < 'A' || w[i] > 'Z' || i+1 >= len(w) || w[i+1] != '.' {
			return false
		}
	}
	return true
}

func anyProductWord(toks []token) bool {
	for _, t := range toks {
		if productWord(t.text) {
			return true
		}
	}
	return false
}

// eventNames are holidays and the like, never persons or places.
var eventNames = set(`christmas easter thanksgiving ramadan eid hanukkah halloween passover diwali`)

// eventHeads end the names of events, contests and awards: "World
// Series", "Gold Glove", "Cannes Film Festival".
var eventHeads = set(`series cup championship championships olympics games festival award awards prize
glove trophy tournament open marathon expo summit`)

// placeOpeners open places' names: "Rue de Castiglione", "Mount
// Pleasant", "Interstate 75", "Lake Victoria".
var placeOpeners = set(`rue via piazza calle avenida mount mt lake cape fort port interstate highway route`)

// hasTitleWord reports a title among the tokens: "Texas Attorney General
// Greg Abbott".
func hasTitleWord(toks []token) bool {
	for _, t := range toks {
		if titleWords[t.low] {
			return true
		}
	}
	return false
}

// placePrefixed reports a name that a known place opens and other words
// end, neither a place nor a street: "New York Yankees", "Philadelphia
// 76ers"; not "New York City", "Los Angeles".
func (x *extractor) placePrefixed(toks []token, i, j int) bool {
	for n := min(3, j-i-1); n >= 1; n-- {
		if !KnownPlace(x.joinLow(toks[i : i+n])) {
			continue
		}
		rest := toks[i+n : j]
		for k := 0; k+1 < len(rest); k++ {
			if KnownGivenName(rest[k].low) {
				return false // "Texas Ranger Nick Hanna"
			}
		}
		last := rest[len(rest)-1].low
		if KnownPlace(x.joinLow(rest)) || placeSuffixes[last] || placeNouns[last] || streetWords[last] || rest[0].kind == 'p' {
			return false
		}
		return true
	}
	return false
}

// wordCount counts the word tokens.
func wordCount(toks []token) int {
	n := 0
	for _, t := range toks {
		if t.kind != 'p' {
			n++
		}
	}
	return n
}

// compassNames open places' names: "South Kordofan", "Northern Ireland", "New Guffa".
var compassNames = set(`north south east west northern southern eastern western northeast northwest southeast
southwest north-east north-west south-east south-west central upper lower new`)

// sentenceOpeners are adverbs and conjunctions that open sentences.
var sentenceOpeners = set(`whenever wherever whatever whoever whichever instead otherwise indeed perhaps now thus
hence once just only even still besides moreover furthermore nevertheless nonetheless today tonight`)

func isWeekday(w string) bool {
	_, ok := weekdays[w]
	return ok
}

var monthNames = set(`january february march april may june july august september october november december`)

// leadVerbs are auxiliaries that open a question, never a name: "Does HP
// ...?"
var leadVerbs = set(`does did do is are was were has have had can could will would should shall must might`)

// nameLeads are capitalised words that open places' names inside a
// sentence ("New Guffa", "Southern Kordofan") but are common words at its
// start ("New rules ...").
var nameLeads = set(`new southern northern eastern western`)

// stopWordAt reports whether the capitalised token i of the sequence
// [i, j) is a function word rather than the start of a name.
func (x *extractor) stopWordAt(toks []token, i, j int, atStart bool) bool {
	t := toks[i]
	if atStart && leadVerbs[t.low] && j-i > 1 {
		return true
	}
	if !stopCaps[t.low] {
		return false
	}
	if isAcronym(t.text) && len(t.text) >= 2 && (t.low == "ms" || t.low == "mr" || t.low == "dr") {
		return false // "MS Columbus": a ship's prefix, not "Ms"
	}
	if nameLeads[t.low] && j-i > 1 && (!atStart || x.midCaps[t.low]) {
		return false
	}
	return true
}

// craftName reports a name that ends in a role noun yet is no role, after
// an article or a craft noun: "the Selje Star", "the ferry Evening Star".
func (x *extractor) craftName(toks []token, i, j int) bool {
	if j-i < 2 || i == 0 || !titleWords[toks[j-1].low] {
		return false
	}
	if p := toks[i-1]; p.low != "the" && !(craftNouns[p.low] && !p.cap) {
		return false
	}
	for t := i; t < j-1; t++ {
		w := toks[t].low
		if !titleWords[w] && demonyms[w] == "" && countries[w] == "" && !orgSuffixes[w] && !placeSuffixes[w] && !isAcronym(toks[t].text) && !toks[t].poss {
			return true
		}
	}
	return false
}

// commonAtStart reports whether the one capitalised word at i, which starts
// its sentence, is a common word: a number word, a word with a common
// ending, or one never capitalised inside a sentence of the article and
// not known as a name, unless it speaks ("Gazprom said").
func (x *extractor) commonAtStart(toks []token, i int) bool {
	w := toks[i].low
	if _, ok := numberWords[w]; ok || looksCommon(w) {
		return true
	}
	if x.midCaps[w] || agencies[w] || countries[w] != "" || toks[i].poss || isAcronym(toks[i].text) || KnownPlace(w) {
		return false
	}
	if KnownGivenName(w) && !x.lowWords[w] {
		return false // "Maddie was revered ..."
	}
	if i+1 < len(toks) && (speechVerbs[toks[i+1].low] || toks[i+1].low == "told") {
		return false
	}
	return true
}

// looksCommon reports a sentence-initial word that is probably not a name.
func looksCommon(w string) bool {
	return strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing") || strings.HasSuffix(w, "ly") ||
		strings.HasSuffix(w, "ions") || strings.HasSuffix(w, "ents") || strings.HasSuffix(w, "ers") ||
		strings.HasSuffix(w, "ors") || strings.HasSuffix(w, "ists")
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			n++
		}
	}
	return n >= 2
}

func (x *extractor) joinLow(toks []token) string {
	if len(toks) == 1 {
		return toks[0].low
	}
	var b strings.Builder
	for i, t := range toks {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.low)
	}
	return b.String()
}

// roleStart extends a role backwards from token i over title words,
// nationalities and possessives: "Ukrainian presidential chief of staff".
func (x *extractor) roleStart(si, i int) int {
	toks := x.sents[si].toks
	k := i
	for k > 0 {
		t := toks[k-1]
		if t.kind != 'w' && t.kind != 'n' {
			break
		}
		switch {
		case titleWords[t.low], demonyms[t.low] != "", countries[t.low] != "":
		case t.low == "of" && k-2 >= 0 && titleWords[toks[k-2].low] && titleWords[toks[k].low]:
		case t.cap && !stopCaps[t.low] && k < len(toks) && (titleWords[toks[k].low] || toks[k].cap):
		case t.poss && t.cap:
		default:
			return k
		}
		k--
	}
	return k
}

// appositiveRole returns the role in ", the special envoy of ..." after a name.
func (x *extractor) appositiveRole(si, j int) string {
	toks := x.sents[si].toks
	if j+2 >= len(toks) || toks[j].text != "," {
		return ""
	}
	k := j + 1
	det := false
	if d := toks[k].low; d == "the" || d == "a" || d == "an" {
		k++
		det = true
	}
	start := k
	end := -1
	for ; k < len(toks) && k-start < 8; k++ {
		t := toks[k]
		if t.kind != 'w' {
			break
		}
		if t.cap && !titleWords[t.low] && demonyms[t.low] == "" && !t.poss {
			break
		}
		if t.low == "of" && !(k+1 < len(toks) && titleWords[toks[k+1].low] && !toks[k+1].cap) {
			break
		}
		if titleHeads[t.low] {
			end = k
		}
	}
	if end < 0 {
		return ""
	}
	if !det && !(end+1 >= len(toks) || toks[end+1].kind == 'p') {
		return "" // "Witkoff, Ukrainian chief of staff Andriy Yermak": the next person's role
	}
	return x.text[toks[start].start:toks[end].end]
}

// skeleton normalises a surname so transliterations meet:
// Zelensky/Zelenskyy/Zelenskiy, Yermak/Iermak.
func skeleton(s string) string {
	s = fold(s)
	var b strings.Builder
	var prev byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		if (c < 'a' || c > 'z') && (c < '0' || c > '9') {
			continue
		}
		switch c {
		case 'y', 'j':
			c = 'i'
		case 'w':
			c = 'v'
		case 'c', 'q':
			c = 'k'
		case 'z':
			c = 's'
		}
		if c == 'h' && (prev == 'k' || prev == 'p' || prev == 't' || prev == 'g') {
			continue
		}
		if c == prev {
			continue
		}
		b.WriteByte(c)
		prev = c
	}
	return b.String()
}

// NameKey is the transliteration skeleton of a whole name, separators
// dropped: "Park Ji-hoon" and "Park Ji Hoon" share it.
func NameKey(name string) string { return skeleton(name) }

func givenKey(g string) string {
	g = fold(g)
	if k, ok := nicknames[g]; ok {
		return k
	}
	return g
}

// splitName returns a person's given-name and surname keys.
func splitName(name string) (given, surname string) {
	// "Strauss - Kahn" as a detokenised text writes "Strauss-Kahn"
	f := strings.Fields(strings.ReplaceAll(strings.ReplaceAll(name, "’", "'"), " - ", "-"))
	for len(f) > 1 {
		l := strings.TrimSuffix(strings.ToLower(f[len(f)-1]), ".")
		if l == "jr" || l == "sr" || l == "ii" || l == "iii" {
			f = f[:len(f)-1]
			continue
		}
		break
	}
	if len(f) == 0 {
		return "", ""
	}
	surname = skeleton(f[len(f)-1])
	if len(f) > 1 {
		given = givenKey(f[0])
	}
	return given, surname
}

// formEntities merges the raw mentions of the article into entities.
func (x *extractor) formEntities() {
	an := x.an
	byKey := map[string]int{}
	var persons []int // entity indexes of persons with a given name
	newEntity := func(m *rawMention, key string) int {
		e := Entity{Name: m.name, Kind: m.kind, Key: key}
		if m.kind == crosscheck.KindPerson {
			e.Given, e.Surname = splitName(m.name)
		}
		an.Entities = append(an.Entities, e)
		id := len(an.Entities) - 1
		byKey[key] = id
		return id
	}
	// persons with given and surname first, so bare surnames can attach to them
	for r := range x.raw {
		m := &x.raw[r]
		if m.roleOnly || m.kind != crosscheck.KindPerson || !strings.Contains(strings.ReplaceAll(m.name, " - ", "-"), " ") {
			continue
		}
		g, s := splitName(m.name)
		key := "p:" + g + " " + s
		if id, ok := byKey[key]; ok {
			m.entity = id
			continue
		}
		m.entity = newEntity(m, key)
		persons = append(persons, m.entity)
	}
	for r := range x.raw {
		m := &x.raw[r]
		if m.roleOnly || m.entity >= 0 {
			continue
		}
		if !strings.Contains(strings.ReplaceAll(m.name, " - ", "-"), " ") && m.kind != crosscheck.KindPlace && m.kind != crosscheck.KindOrganization {
			_, s := splitName(m.name)
			for _, p := range persons {
				if an.Entities[p].Surname == s {
					m.entity = p
					break
				}
			}
			if m.entity >= 0 {
				continue
			}
		}
		var key string
		switch {
		case m.kind == crosscheck.KindPlace || countries[strings.ToLower(m.name)] != "":
			m.kind = crosscheck.KindPlace
			if c := countries[strings.ToLower(m.name)]; c != "" {
				key = "n:" + fold(c)
			} else {
				key = "n:" + FormKey(m.name)
			}
		case m.kind == crosscheck.KindPerson:
			_, s := splitName(m.name)
			key = "p: " + s
		default:
			key = "n:" + FormKey(m.name)
		}
		if m.aliasOf > 0 {
			// "Meteorology and Geophysics Agency (BMG)": the acronym names the agency
			if a := x.raw[m.aliasOf-1].entity; a >= 0 {
				if id, ok := byKey[key]; !ok || id == a {
					byKey[key] = a
					m.entity = a
					continue
				}
			}
		}
		if id, ok := byKey[key]; ok {
			m.entity = id
			if m.person && an.Entities[id].Kind == crosscheck.KindOther {
				an.Entities[id].Kind = crosscheck.KindPerson
			}
			continue
		}
		m.entity = newEntity(m, key)
		if m.kind == crosscheck.KindOther || m.kind == crosscheck.KindPerson {
			_, s := splitName(m.name)
			an.Entities[m.entity].Surname = s
		}
	}
	// role-only mentions: "the envoy", "the French president" -> holder
	for r := range x.raw {
		m := &x.raw[r]
		if !m.roleOnly {
			continue
		}
		m.entity = x.roleHolder(m)
	}
	// collect mentions, aliases and roles
	counts := make([]map[string]int, len(an.Entities))
	for r := range x.raw {
		m := &x.raw[r]
		if m.entity < 0 {
			continue
		}
		e := &an.Entities[m.entity]
		e.Mentions++
		switch e.Kind {
		case crosscheck.KindPerson:
			e.Cued = e.Cued || m.person || m.roleOnly || hasGivenName(m.name)
		case crosscheck.KindOther:
			e.Cued = e.Cued || m.notPerson
		default:
			e.Cued = true
		}
		if ev := m.evidence(); ev > e.Evidence {
			e.Evidence = ev
		}
		if counts[m.entity] == nil {
			counts[m.entity] = map[string]int{}
		}
		if m.roleOnly {
			if !containsFold(e.Aliases, m.name) {
				e.Aliases = append(e.Aliases, m.name)
			}
		} else {
			counts[m.entity][m.name]++
			if m.role != "" && !containsFold(e.Roles, m.role) {
				e.Roles = append(e.Roles, m.role)
			}
		}
		an.Mentions = append(an.Mentions, Mention{Entity: m.entity, Text: m.name, Role: m.role, Sentence: m.sent, Start: m.start, End: m.end, RoleOnly: m.roleOnly})
	}
	for id := range an.Entities {
		e := &an.Entities[id]
		names := make([]string, 0, len(counts[id]))
		for n := range counts[id] {
			names = append(names, n)
		}
		sort.Slice(names, func(a, b int) bool {
			na, nb := len(strings.Fields(names[a])), len(strings.Fields(names[b]))
			if na != nb {
				return na > nb
			}
			if counts[id][names[a]] != counts[id][names[b]] {
				return counts[id][names[a]] > counts[id][names[b]]
			}
			return names[a] < names[b]
		})
		if len(names) > 0 {
			e.Name = names[0] // a name the article uses, never a gazetteer's
		}
		for _, n := range names {
			if n != e.Name && !containsFold(e.Aliases, n) {
				e.Aliases = append(e.Aliases, n)
			}
		}
	}
	sort.Slice(an.Mentions, func(a, b int) bool { return an.Mentions[a].Start < an.Mentions[b].Start })
}

// roleHolder finds the person a role-only mention stands for: the last
// person before it holding a role with the same head, or the only one.
func (x *extractor) roleHolder(m *rawMention) int {
	best, n := -1, 0
	seen := map[int]bool{}
	for r := range x.raw {
		o := &x.raw[r]
		if o.roleOnly || o.entity < 0 || o.role == "" {
			continue
		}
		if o.roleHead != m.roleHead && !strings.HasSuffix(strings.ToLower(o.role), m.roleHead) {
			continue
		}
		if !roleCompatible(o.role, m.role) {
			continue
		}
		if !seen[o.entity] {
			seen[o.entity] = true
			n++
		}
		if o.start < m.start || best < 0 {
			best = o.entity
		}
	}
	if n == 1 || (best >= 0 && n > 1 && false) {
		return best
	}
	return -1
}

// RoleMatches reports whether a role phrase ("the U.S. envoy") can name
// the holder of role ("U.S. special envoy"): same head word, and every
// qualifier of the phrase in the role.
func RoleMatches(role, phrase string) bool {
	rf, pf := strings.Fields(strings.ToLower(role)), strings.Fields(strings.ToLower(phrase))
	if len(rf) == 0 || len(pf) == 0 || !titleHeads[pf[len(pf)-1]] || strings.TrimSuffix(rf[len(rf)-1], "’s") != pf[len(pf)-1] {
		return false
	}
	return roleCompatible(role, phrase)
}

// roleCompatible reports whether a role phrase ("the French president") can
// name the holder of role ("French President"): its qualifiers must all
// appear in the holder's role.
func roleCompatible(role, phrase string) bool {
	rl := strings.Fields(strings.ToLower(strings.ReplaceAll(role, "’s", "")))
	for _, w := range strings.Fields(strings.ToLower(strings.ReplaceAll(phrase, "’s", ""))) {
		if w == "the" || w == "a" || w == "an" {
			continue
		}
		found := false
		for _, r := range rl {
			if r == w || (countries[r] != "" && countries[r] == countries[w]) || (demonyms[w] != "" && (demonyms[w] == countries[r] || demonyms[w] == demonyms[r])) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// headlineNames marks as names the surnames of the people a headline
// names in full ("Arcade Joseph Comeaux Jr, Prison Inmate, Pulls Gun"):
// a text that then opens its sentences with "Comeaux, 49, took ..." never
// capitalises the word mid-sentence, and would take it for a common word.
func (x *extractor) headlineNames() {
	t := x.a.Title
	if t == "" || strings.Contains(x.text, t) {
		return // the headline is part of the text, read with it
	}
	toks := tokenize(t, 0, len(t), nil)
	for i := 0; i+1 < len(toks); i++ {
		if toks[i].kind != 'w' || !toks[i].cap || !KnownGivenName(toks[i].low) {
			continue
		}
		j := i + 1
		for j < len(toks) && j < i+4 && toks[j].kind == 'w' && toks[j].cap && !titleWords[toks[j].low] {
			j++
		}
		// the surname, not the "Jr" after it, and only a word the text
		// itself uses capitalised
		for k := j - 1; k > i; k-- {
			w := toks[k].low
			if generational[strings.TrimSuffix(w, ".")] || KnownGivenName(w) {
				continue
			}
			if strings.Contains(x.text, toks[k].text) && !x.lowWords[w] {
				x.midCaps[w] = true
			}
			break
		}
		i = j - 1
	}
}
