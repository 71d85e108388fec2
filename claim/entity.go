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
}

var nameConnectors = set(`von van der den de da del della di du la le bin ibn al el dos das ter`)

// entities finds names in every sentence, then merges them into entities.
func (x *extractor) entities() {
	// words capitalised inside sentences: a word capitalised only where a
	// sentence starts is probably a common word ("Water entered ...")
	x.midCaps = map[string]bool{}
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
	}
	for si := range x.sents {
		x.sentenceNames(si)
	}
	x.settleKinds()
	x.formEntities()
}

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
	return t.kind == 'w' && t.cap
}

// sentenceNames finds the capitalised sequences of sentence si.
func (x *extractor) sentenceNames(si int) {
	s := &x.sents[si]
	toks := s.toks
	if s.headline && len(toks) > 0 {
		return
	}
	first := 0 // index of the first word of the sentence (after an opening quote)
	for first < len(toks) && toks[first].kind == 'p' {
		first++
	}
	for i := 0; i < len(toks); {
		if !isNameToken(toks[i]) {
			i++
			continue
		}
		j := i + 1
		if !toks[i].poss {
			for j < len(toks) {
				t := toks[j]
				if isNameToken(t) {
					j++
					if t.poss {
						break
					}
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
				}
				break
			}
		}
		x.addSequence(si, i, j, i == first)
		i = j
	}
	x.rolePhrases(si)
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
	for i < j && (stopCaps[toks[i].low] || (sentStart && i == 0 && j-i == 1 && looksCommon(toks[i].low))) {
		i++
	}
	for i < j && demonyms[toks[i].low] != "" && j-i > 1 && !titleWords[toks[i+1].low] && !orgSuffixes[toks[j-1].low] {
		i++ // "European leaders": an adjective, not a name
	}
	if i >= j || j-i == 1 && utf8.RuneCountInString(toks[i].text) < 2 {
		return
	}
	if j-i == 1 && (demonyms[toks[i].low] != "" || demonyms[strings.TrimSuffix(toks[i].low, "s")] != "") && countries[toks[i].low] == "" {
		return // "French" alone is an adjective, "Europeans" a people
	}
	if sentStart && i == i0 && j-i == 1 && x.commonAtStart(toks, i) {
		return // "Eleven people were ...", "Water entered ...", "Investigators said ..."
	}
	// "Witkoff-Zelensky meeting": two names joined by a hyphen
	if j-i == 1 && strings.Contains(toks[i].text, "-") && j < len(toks) && toks[j].kind == 'w' && !toks[j].cap {
		parts := strings.Split(toks[i].text, "-")
		allCap := len(parts) > 1
		for _, p := range parts {
			r, _ := utf8.DecodeRuneInString(p)
			allCap = allCap && unicode.IsUpper(r)
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
	case orgSuffixes[lastLow] || agencies[x.joinLow(toks[i:j])] || isAcronym(toks[j-1].text) && countries[lastLow] == "":
		m.kind = crosscheck.KindOrganization
	case placeSuffixes[lastLow]:
		m.kind = crosscheck.KindPlace
	case countries[x.joinLow(toks[i:j])] != "":
		m.kind = crosscheck.KindPlace
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
			if i > 0 && (toks[i-1].low == "in" || toks[i-1].low == "near" || toks[i-1].low == "across") {
				m.kind = crosscheck.KindPlace
			}
		}
		if !m.person && (i > 1 && toks[i-1].low == "of" && placeNouns[toks[i-2].low] || j < len(toks) && placeNouns[toks[j].low] && !toks[j].cap) {
			m.kind = crosscheck.KindPlace // "the city of Khan Younis", "the Jabaliya refugee camp"
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
	}
	m.name = x.text[m.start:m.end]
	if m.kind == crosscheck.KindPerson && j-i > 5 {
		return
	}
	if i > 0 && !m.person {
		if p := toks[i-1].low; p == "the" || craftNouns[p] && !toks[i-1].cap {
			m.notPerson = true
		}
		if p := toks[i-1].low; (p == "in" || p == "near" || p == "outside") && !toks[j-1].poss && m.kind != crosscheck.KindOrganization {
			m.placeCue = true
		}
	}
	x.raw = append(x.raw, m)
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
	if x.midCaps[w] || agencies[w] || countries[w] != "" || toks[i].poss || isAcronym(toks[i].text) {
		return false
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
		if c < 'a' || c > 'z' {
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
	f := strings.Fields(strings.ReplaceAll(name, "’", "'"))
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
		if m.roleOnly || m.kind != crosscheck.KindPerson || !strings.Contains(m.name, " ") {
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
		if !strings.Contains(m.name, " ") && m.kind != crosscheck.KindPlace && m.kind != crosscheck.KindOrganization {
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
				key = "n:" + fold(m.name)
			}
		case m.kind == crosscheck.KindPerson:
			_, s := splitName(m.name)
			key = "p: " + s
		default:
			key = "n:" + fold(strings.TrimPrefix(m.name, "The "))
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
