package claim

import (
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// Sources: who a credited phrase stands for, resolved against the
// article's entities and the credits before it.

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
	// role is what the phrase calls a named person besides their name.
	role string
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

// IsGivenName reports a common given name ("Charlie", "Tim").
func IsGivenName(word string) bool {
	w := strings.ToLower(word)
	_, nick := nicknames[w]
	return givenNames[w] || nick
}

// IsPersonRole reports a word naming a person by role ("spokesman",
// "sergeant", "son"), not a body ("police") or a thing ("statement").
func IsPersonRole(word string) bool { return personRole(strings.ToLower(word)) }

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
			m, ok := x.personIn(p.si, p.b, p.c)
			if !ok {
				m, ok = x.anyNameIn(p.si, p.head+1, p.c) // "Papua BMG spokesman Mujahidin"
			}
			if ok {
				return x.personSource(p, m), true
			}
		}
		// "the AFP news agency", "French newspaper Le Parisien", "the
		// Iranian news agency, IRNA,"
		if mediaHeads[h] || h == "agency" {
			if s, ok := x.namedSource(p.si, p.a, p.b, verb); ok {
				return s, true
			}
			if s, ok := x.namedSource(p.si, p.b, p.c, verb); ok && p.c > p.b {
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
	// the person whose name ends the phrase (or its part before "of"):
	// "Red Sox owner John Henry", "Michael Silverman of the Boston Herald"
	end := p.b
	for t := p.a + 1; t < p.b; t++ {
		if postModifiers[toks[t].low] && !toks[t].cap {
			end = t
			break
		}
	}
	for _, e := range []int{p.b, end} {
		ms := x.namedIn(p.si, p.a, e)
		for i := len(ms) - 1; i >= 0; i-- {
			if m := ms[i]; x.isPerson(m) && x.nameRunTo(p.si, m.End, e) && (!x.afterModifier(p.si, p.a+1, m.Start) || x.afterRole(p.si, m)) {
				return x.personSource(p, m), true
			}
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
		if e := x.focusPerson(p.si, toks[p.a].start); e >= 0 && !implausiblePerson(x.an.Entities[e].Name) {
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

// implausiblePerson reports a name that cannot be a person's: an
// acronym, a name ending in a word of an organisation or outlet
// ("Geological Survey"), a date ("Early November"), a participle opening a
// sentence ("Describing Yida"), a country's name first ("France Telecom").
func implausiblePerson(name string) bool {
	if isAcronym(name) {
		return true
	}
	f := strings.Fields(strings.ToLower(BareName(name)))
	if len(f) == 0 {
		return true
	}
	last := f[len(f)-1]
	if speech.body[last] || speech.outletSuffix[last] || orgSuffixes[last] || speech.agency[last] || corporateForms[last] || speech.kind[last] != "" && len(f) > 1 {
		return true // "Marine Commandos", "Interoute Plc"
	}
	for _, w := range f {
		if dayNames[w] || monthNames[w] {
			return true
		}
	}
	if len(f) >= 2 && (strings.HasSuffix(f[0], "ing") || strings.HasSuffix(f[0], "ed")) && !givenNames[f[0]] {
		return true
	}
	return countries[f[0]] != "" || demonyms[f[0]] != ""
}

// corporateForms end a company's name.
var corporateForms = set(`plc ltd inc llc corp co sa ag gmbh nv bv spa`)

// personBySurname returns the one person of the article whose name ends in
// surname, -1 when none or several.
func (x *extractor) personBySurname(surname string) int {
	found := -1
	for e, ent := range x.an.Entities {
		if ent.Kind != crosscheck.KindPerson || !strings.HasSuffix(ent.Name, " "+surname) {
			continue
		}
		if found >= 0 {
			return -1
		}
		found = e
	}
	return found
}

// isPerson reports a mention of a person: a person's entity whose name
// does not end in a word of an organisation or outlet ("Geological
// Survey", "Marshals Service") nor read as a date ("Early November"), or
// any name that, titles aside, starts with a known given name ("Police
// Constable Tim Fanning").
func (x *extractor) isPerson(m Mention) bool {
	if implausiblePerson(m.Text) {
		return false
	}
	f := strings.Fields(strings.ToLower(BareName(m.Text)))
	if x.an.Entities[m.Entity].Kind == crosscheck.KindPerson {
		return true
	}
	_, nick := nicknames[f[0]]
	return len(f) >= 2 && (givenNames[f[0]] || nick)
}

// personIn returns the first person named in tokens [a, b).
func (x *extractor) personIn(si, a, b int) (Mention, bool) {
	for _, m := range x.namedIn(si, a, b) {
		if x.isPerson(m) {
			return m, true
		}
	}
	return Mention{}, false
}

// afterRole reports a name right after a role or title word
// ("Department of Corrections spokeswoman Michelle Lyons"), not the object
// of "of" ("HP of Palo Alto").
func (x *extractor) afterRole(si int, m Mention) bool {
	toks := x.sents[si].toks
	a, _ := x.tokenRange(si, m.Start, m.End)
	if a == 0 {
		return false
	}
	w := strings.Trim(toks[a-1].low, ".")
	return titleWords[w] || personRole(w) || policeRanks[w] || honorifics[w]
}

// anyNameIn returns a lone name in tokens [a, b) that a role before it
// makes a person's ("spokesman Mujahidin", "wife Mapahai"): no place, no
// organisation by its form.
func (x *extractor) anyNameIn(si, a, b int) (Mention, bool) {
	for _, m := range x.namedIn(si, a, b) {
		e := x.an.Entities[m.Entity]
		if e.Kind == crosscheck.KindPlace || e.Kind == crosscheck.KindOrganization || isAcronym(m.Text) || x.afterModifier(si, a, m.Start) {
			continue
		}
		f := strings.Fields(strings.ToLower(m.Text))
		if last := f[len(f)-1]; speech.body[last] || orgSuffixes[last] || speech.outletSuffix[last] {
			continue
		}
		return m, true
	}
	return Mention{}, false
}

// personSource is the source for the person m named in phrase p, with the
// organisations the phrase says they speak for.
func (x *extractor) personSource(p phrase, m Mention) source {
	toks := x.sents[p.si].toks
	s := source{text: x.an.Entities[m.Entity].Name, entity: m.Entity, named: true, person: true}
	// "Stephen A. Smith": the name as written when it says more
	limit := p.b
	if p.b < len(toks) && m.Start >= toks[p.b].start {
		limit = p.c // named in the appositive: "a spokesman, Rabie A. Atti"
	}
	if a, b := x.tokenRange(p.si, m.Start, m.End); b > a && b < limit {
		end := b
		for end < limit && (toks[end].cap && toks[end].kind == 'w' || toks[end].text == ".") {
			end++
		}
		for end > b && toks[end-1].text == "." {
			end--
		}
		if end > b && toks[end-1].cap && (end == limit || toks[end].kind == 'p') {
			if t := x.text[m.Start:toks[end-1].end]; len(t) > len(s.text) {
				s.text = t
			}
		}
	}
	s.affil = x.affiliations(p, m)
	s.kind = x.personKind(m.Entity, &p)
	s.role = x.roleAround(p, m)
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
	// the name that ends the phrase heads it: "Hamburg-based cruise
	// operator Hapag-Lloyd"
	// ("HP of Palo Alto, Calif.": the name before "of" heads it)
	end := b
	for t := a + 1; t < b; t++ {
		if postModifiers[toks[t].low] && !toks[t].cap {
			if len(x.namedIn(si, a, t)) > 0 {
				end = t
			}
			break
		}
	}
	ms := x.namedIn(si, a, end)
	for i, j := 0, len(ms)-1; i < j; i, j = i+1, j-1 {
		ms[i], ms[j] = ms[j], ms[i]
	}
	for _, m := range ms {
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
		// "U. S. Geological Survey", "The New York Times": initials and
		// capitalised words the name left out
		for ta > a && (toks[ta-1].text == "." || toks[ta-1].kind == 'w' && toks[ta-1].cap && !toks[ta-1].poss && toks[ta-1].low != "the" ||
			toks[ta-1].text == "-" && ta-2 >= a && toks[ta-2].cap) {
			ta--
		}
		if ta == a+1 && toks[a].low == "the" {
			ta = a
		}
		if tb < b && x.nameLike(si, ta, b) {
			tb = b
		}
		return source{text: x.nameText(si, ta, tb), entity: m.Entity, kind: x.orgKind(si, ma, mb, verb), named: true}, true
	}
	// a surname alone, where no mention was found ("Fanning said" opening a
	// sentence): the one person of the article with that surname
	if b == a+1 && toks[a].cap && toks[a].kind == 'w' && speech.say[verb] {
		if e := x.personBySurname(toks[a].text); e >= 0 {
			return source{text: x.an.Entities[e].Name, entity: e, kind: x.personKind(e, nil), named: true, person: true}, true
		}
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
		} else if x.isPerson(m) {
			ownerOK = false // "Kafoury's son": a relative, not an affiliation
		}
	}
	if countries[strings.ToLower(toks[t].name())] != "" {
		ownerIsPlace = true
	}
	m, ok := x.personIn(p.si, t+1, p.c)
	if !ok && rest.head >= 0 && personRole(toks[rest.head].low) {
		m, ok = x.anyNameIn(p.si, rest.head+1, p.c) // "fisherman's wife Mapahai"
	}
	if ok && (rest.head < 0 || m.Start < toks[rest.head].start || m.Start >= toks[rest.b-1].end) && !x.afterModifier(p.si, t+1, m.Start) {
		s := x.personSource(rest, m)
		kin := false
		if rest.head >= 0 {
			if k, _, _ := headKind(toks[rest.head].low); k == crosscheck.AttrWitness {
				kin = true // "Kafoury's son, Charlie": a relative, not an affiliation
			}
		}
		if ownerOK && !ownerIsPlace && !kin {
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

// afterAffiliation reports "of", "for" or "at" between a person and name
// m: "a spokesman for X", "the co-founder of X", "a director at X"; not
// "in" ("the county attorney in Mohave County").
func (x *extractor) afterAffiliation(si int, pm, m Mention) bool {
	toks := x.sents[si].toks
	in := false
	for t := range toks {
		if toks[t].start < pm.End || toks[t].start >= m.Start {
			continue
		}
		switch toks[t].low {
		case "of", "for", "at":
			in = true
		case "in", "from", "near":
			in = false
		}
	}
	return in
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
	definite := toks[p.a].low == "the"
	for t := p.a + 1; t < p.head; t++ {
		if toks[t].cap || toks[t].kind != 'w' {
			definite = false // "the Defence Ministry statement": named
		}
	}
	switch {
	case speech.statement[head]:
		// "a Defence Ministry statement said": the ministry speaks
		if hasIssuer {
			issuer.statement = true
			return issuer, true
		}
		// "TallGrass, a wholesaler, issued a statement saying ...": the
		// sentence's subject issued it
		for _, iv := range []int{p.a - 1, p.a - 2} {
			if iv < 1 || !issueVerbs[toks[iv].low] {
				continue
			}
			if q := x.readLeft(p.si, iv); q.ok && q.pron == "" {
				if is, ok := x.resolve(q, "issued"); ok {
					is.statement = true
					return is, true
				}
			}
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
		// "the agency announced" after "The Texas Department of Criminal
		// Justice has made ...": the organisation the sentence is about
		if !mediaHeads[head] {
			for _, m := range x.namedIn(p.si, 0, p.a) {
				if k := x.an.Entities[m.Entity].Kind; k != crosscheck.KindPlace && !x.isPerson(m) && !x.inQuote(m.Start) {
					a, b := x.tokenRange(p.si, m.Start, m.End)
					return source{text: x.nameText(p.si, a, b), entity: m.Entity, kind: x.orgKind(p.si, a, b, verb), named: true}, true
				}
			}
		}
		// "the newspaper", "the agency": the one credited just before
		if r, ok := x.recentCredit(p.si, func(c Credit) bool { return anaphorFits(head, c) }); ok {
			return r, true
		}
		if kind != crosscheck.AttrOutlet {
			return source{}, false
		}
	case (head == "source" || head == "sources") && definite:
		// "the source said": the unnamed source named last, however far back
		for k := len(x.an.Credits) - 1; k >= 0; k-- {
			if c := x.an.Credits[k]; c.Kind == crosscheck.AttrAnonymous && c.Sentence < p.si {
				return source{text: c.Source, kind: c.Kind, entity: -1}, true
			}
		}
	case head == "people" || head == "person" || head == "persons":
		// only "people familiar with ..." and people who ask not to be
		// named are sources
		if !(p.head+1 < p.c && toks[p.head+1].low == "familiar") && !x.anonymousIn(p.si, p.a, p.c) {
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
		if q := x.makePhrase(p.si, k+1, end, p.c); q.ok {
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

// issueVerbs put out a statement: their subject is its issuer.
var issueVerbs = set(`issued issues released releases published publishes put sent posted`)

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
		if seen[m.Entity] || e.Kind == crosscheck.KindPlace || x.isPerson(m) && m.Start > pm.Start {
			continue
		}
		after := m.Start > pm.Start && x.afterAffiliation(p.si, pm, m) && !x.isPerson(m)
		if nameHasTitle(m.Text) || e.Kind != crosscheck.KindOrganization && !after && (m.Start > pm.Start || !strings.Contains(m.Text, " ") && !isAcronym(m.Text) && !x.beforeRole(p.si, m)) {
			continue // "Troy" in "Troy police Lt.", "Sgt", "CEO": no organisation
		}
		if countries[strings.ToLower(m.Text)] != "" || demonyms[strings.ToLower(m.Text)] != "" {
			continue
		}
		seen[m.Entity] = true
		a, b := x.tokenRange(p.si, m.Start, m.End)
		if b <= a {
			continue
		}
		for a > p.a && (toks[a-1].text == "." || toks[a-1].kind == 'w' && toks[a-1].cap && (len(toks[a-1].text) <= 2 || strings.Contains(toks[a-1].text, "."))) {
			a-- // "the U. S. Marshals Service"
		}
		out = append(out, source{text: x.nameText(p.si, a, b), entity: m.Entity, kind: x.orgKind(p.si, a, b, ""), named: true})
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

// roleAround is the text of phrase p around the name m: the words before
// it and its appositive ("navy spokesman", "a navy spokesman").
func (x *extractor) roleAround(p phrase, m Mention) string {
	toks := x.sents[p.si].toks
	var parts []string
	if a, _ := x.tokenRange(p.si, m.Start, m.End); a > p.a {
		parts = append(parts, x.text[toks[p.a].start:toks[a-1].end])
	}
	a, b := p.b, p.c
	for a < b && toks[a].kind == 'p' {
		a++
	}
	for b > a && toks[b-1].kind == 'p' {
		b--
	}
	if b > a {
		parts = append(parts, x.text[toks[a].start:toks[b-1].end])
	}
	return strings.Join(parts, ", ")
}

// SourceKey folds a credited source's text so that the ways outlets write
// the same source compare equal: case, articles, possessives, spacing in
// abbreviations ("U. S." / "U.S." / "US"), a country's names and
// adjectives ("Egyptian" / "Egypt's"), company forms ("Ltd.", "Plc") and a
// medium's site or station suffix (".com", "-TV").
func SourceKey(src string) string {
	s := strings.ToLower(strings.NewReplacer("’", "'", "‘", "'").Replace(src))
	s = strings.NewReplacer(" - ", "-", ". ", ".", "'s ", " ").Replace(s + " ")
	s = strings.TrimSuffix(strings.TrimSpace(s), "'s")
	f := strings.Fields(strings.NewReplacer(".", " ", ",", " ", "(", " ", ")", " ").Replace(s))
	var out []string
	for i := 0; i < len(f); i++ {
		w := strings.TrimSuffix(f[i], "'")
		if len(out) == 0 && (w == "the" || w == "a" || w == "an") {
			continue
		}
		// "u s" -> "us": single letters run together
		if len(w) == 1 && i+1 < len(f) && len(f[i+1]) == 1 {
			j := i
			for j < len(f) && len(f[j]) == 1 {
				j++
			}
			w = strings.Join(f[i:j], "")
			i = j - 1
		}
		if c := countries[w]; c != "" {
			w = strings.ToLower(c)
		} else if d := demonyms[w]; d != "" {
			w = strings.ToLower(d)
		}
		out = append(out, w)
	}
	if n := len(out); n > 0 && strings.HasSuffix(out[n-1], "-tv") {
		out[n-1] = strings.TrimSuffix(out[n-1], "-tv")
	}
	for len(out) > 1 {
		switch out[len(out)-1] {
		case "com", "org", "net", "tv", "plc", "ltd", "inc", "sa", "llc", "corp", "co", "ag", "gmbh":
			out = out[:len(out)-1]
			continue
		}
		break
	}
	j := strings.Join(out, " ")
	// "united states" and "us" are one country
	if c := countries[j]; c != "" {
		return strings.ToLower(c)
	}
	return j
}

// beforeRole reports a name right before a role word ("TransLink
// spokesman").
func (x *extractor) beforeRole(si int, m Mention) bool {
	toks := x.sents[si].toks
	_, b := x.tokenRange(si, m.Start, m.End)
	return b < len(toks) && toks[b].kind == 'w' && !toks[b].cap && personRole(toks[b].low)
}

// nameHasTitle reports a title or rank among the words of a name ("Troy
// Police Lt").
func nameHasTitle(name string) bool {
	for _, w := range strings.Fields(strings.ToLower(name)) {
		w = strings.Trim(w, ".,")
		if titleWords[w] || policeRanks[w] || speech.institution[w] {
			return true
		}
	}
	return false
}

// honorifics and ranks stand before a name and are no part of it.
var honorifics = set(`mr mrs ms miss dr prof sir dame rev commodore undersheriff constable const lt sgt
capt col gen cmdr det insp supt cpl pvt officer deputy`)

// WithoutTitles is a person's name as written without the titles, ranks
// and institutions before it ("Police Constable Tim Fanning" -> "Tim
// Fanning", "GM Ed Stefanski" -> "Ed Stefanski"), for showing a speaker.
func WithoutTitles(name string) string {
	f := strings.Fields(name)
	start := 0
	for i, w := range f {
		l := strings.ToLower(strings.Trim(w, ".,"))
		if titleWords[l] || honorifics[l] || speech.institution[l] || speech.kind[l] != "" || l == "gm" || l == "vp" {
			start = i + 1
		}
	}
	if start == 0 || start >= len(f) {
		return name
	}
	return strings.Join(f[start:], " ")
}

// BareName is a person's name without the titles, ranks and institutions
// written before it ("Police Constable Tim Fanning" -> "Tim Fanning",
// "Genesee County Sheriff Robert J. Pickell" -> "Robert J Pickell"), for
// telling that two credits name one person.
func BareName(name string) string {
	f := strings.Fields(strings.NewReplacer(".", " ", ",", " ").Replace(name))
	// the name starts after the last title or rank word
	start := 0
	for i, w := range f {
		l := strings.ToLower(w)
		if titleWords[l] || honorifics[l] || speech.institution[l] || speech.kind[l] != "" {
			start = i + 1
		}
	}
	if start >= len(f) {
		return strings.Join(f, " ")
	}
	return strings.Join(f[start:], " ")
}
