package check

import (
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// extractAll runs claim.Extract over the articles, in parallel.
func extractAll(arts []*crosscheck.Article, opts claim.Options) []*claim.Analysis {
	out := make([]*claim.Analysis, len(arts))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(arts) {
		workers = len(arts)
	}
	if workers <= 1 {
		for i, a := range arts {
			out[i] = claim.Extract(a, opts)
		}
		return out
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = claim.Extract(arts[i], opts)
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// uf is a union-find over integers.
type uf []int

func newUF(n int) uf {
	u := make(uf, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u uf) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u uf) union(a, b int) { u[u.find(a)] = u.find(b) }

type localEnt struct {
	art, idx int
	e        *claim.Entity
	// forms are the names the article writes for it, role phrases left out.
	forms []string
}

// mergeEntities merges the articles' entities into story-wide ones. Exact
// keys first (a person's given-name key and surname skeleton, the form of
// any other name), then rules that each answer one question with the
// predicates of package claim and what the story says around the names:
// is one a short form, an acronym, a misspelling, a nickname of the other?
// A rule joins a group to another only when that one is the only match (or
// all its matches are spellings of one another), when their kinds agree,
// and, for a spelling variant, when the two never stand in one article
// unless one spelling there is rare against the other.
func (s *state) mergeEntities() {
	var all []localEnt
	s.gid = make([][]int, len(s.ans))
	for a, an := range s.ans {
		s.gid[a] = make([]int, len(an.Entities))
		for i := range an.Entities {
			e := &an.Entities[i]
			le := localEnt{art: a, idx: i, e: e}
			for _, n := range append([]string{e.Name}, e.Aliases...) {
				if !isRolePhrase(n) && !containsFold(le.forms, n) && !containsFold(e.Roles, n) {
					le.forms = append(le.forms, n)
				}
			}
			all = append(all, le)
		}
	}
	m := &merger{all: all, u: newUF(len(all))}
	m.exactKeys()
	m.acronyms()
	m.personVariants()
	m.personRuns()
	m.bareNames()
	m.nameForms()
	m.spellings()
	m.knownAliases()
	s.buildEntities(all, m.u)
}

// merger holds the local entities being merged and the groups they form.
type merger struct {
	all []localEnt
	u   uf
	// g are the groups by root; order lists the roots in a fixed order.
	g     map[int]*group
	order []int
	// bySurname lists the persons with a given name per surname skeleton.
	bySurname map[string][]int
	// nm reads every name once for all the comparisons.
	nm claim.Names
}

// group is a set of local entities merged so far, as the rules see it.
type group struct {
	root     int
	forms    map[string]int // names as written -> mentions
	arts     map[int]bool
	mentions int
	// kind is the kind its best evidence supports; evidence is that
	// evidence (claim.Entity.Evidence).
	kind     crosscheck.EntityKind
	evidence int
	// person is true when a member is a person with a given name and the
	// group's kind is person; persons are their multi-word person names.
	// hasPerson is true when any member is of kind person.
	person, hasPerson bool
	persons           []string
	// bare is the one word of a group whose names are all one word.
	bare string
}

func (m *merger) refresh() {
	m.g = map[int]*group{}
	m.order = m.order[:0]
	type vote struct{ n [3]int }
	votes := map[int]map[crosscheck.EntityKind]*vote{}
	for i, le := range m.all {
		r := m.u.find(i)
		g := m.g[r]
		if g == nil {
			g = &group{root: r, forms: map[string]int{}, arts: map[int]bool{}}
			m.g[r] = g
			m.order = append(m.order, r)
			votes[r] = map[crosscheck.EntityKind]*vote{}
		}
		e := le.e
		for k, f := range le.forms {
			if k == 0 {
				g.forms[f] += e.Mentions
			} else {
				g.forms[f] += 0
			}
		}
		g.arts[le.art] = true
		g.mentions += e.Mentions
		v := votes[r][e.Kind]
		if v == nil {
			v = &vote{}
			votes[r][e.Kind] = v
		}
		ev := min(max(e.Evidence, 0), 2)
		v.n[ev] += max(e.Mentions, 1)
		g.hasPerson = g.hasPerson || e.Kind == crosscheck.KindPerson
		if e.Kind == crosscheck.KindPerson && e.Given != "" {
			g.person = true // until the kind says otherwise
			for _, f := range le.forms {
				if len(strings.Fields(f)) >= 2 && !containsFold(g.persons, f) {
					g.persons = append(g.persons, f)
				}
			}
		}
	}
	for _, r := range m.order {
		g := m.g[r]
		g.kind, g.evidence = crosscheck.KindOther, -1
		for ev := 2; ev >= 0 && g.evidence < 0; ev-- {
			best := 0
			for _, k := range []crosscheck.EntityKind{crosscheck.KindOther, crosscheck.KindPlace, crosscheck.KindOrganization, crosscheck.KindPerson} {
				if v := votes[r][k]; v != nil && v.n[ev] > best {
					g.kind, g.evidence, best = k, ev, v.n[ev]
				}
			}
		}
		g.evidence = max(g.evidence, 0)
		if g.kind != crosscheck.KindPerson {
			g.person, g.persons = false, nil
		}
		one := ""
		for f := range g.forms {
			ws := m.nm.Words(f)
			if len(ws) != 1 || one != "" && ws[0] != one {
				one = ""
				break
			}
			one = ws[0]
		}
		g.bare = one
	}
}

// kindsAgree reports whether two groups' kinds can be one entity's: the same
// kind, or either a guess, or "other" (a name that is no person: "the
// Selje Star") against an organisation or a place.
func kindsAgree(a, b *group) bool {
	if a.kind == b.kind || a.evidence == 0 || b.evidence == 0 {
		return true
	}
	other := func(k crosscheck.EntityKind) bool { return k == crosscheck.KindOther }
	return (other(a.kind) || other(b.kind)) && a.kind != crosscheck.KindPerson && b.kind != crosscheck.KindPerson
}

// together reports whether two groups are named in one article.
func together(a, b *group) bool {
	for art := range a.arts {
		if b.arts[art] {
			return true
		}
	}
	return false
}

// rare reports whether a is mentioned no more than a third as often as b:
// a spelling seen once against a dominant one.
func rare(a, b *group) bool { return 3*a.mentions <= b.mentions }

// spellingSafe reports whether two groups that differ by a spelling may be
// one: never named in one article, unless one spelling is rare there.
func spellingSafe(a, b *group) bool {
	return !together(a, b) || rare(a, b) || rare(b, a)
}

// joinUnique joins each group to the groups rel accepts among cands, when
// there is one, or when all are spellings of one another (Hormozgan,
// Hormouzgan, Hormuzgan): a name that fits two different entities joins
// neither.
func (m *merger) joinUnique(cands func(g *group) []int, rel func(a, b *group) bool) {
	m.joinCompatible(cands, rel, rel)
}

// joinCompatible is joinUnique where the matches of a group need only be
// compatible with one another: "EYP Mission" is a short form of both
// "EYP Mission Critical" and "EYP Mission Critical Facilities", one of
// which is the other's start.
func (m *merger) joinCompatible(cands func(g *group) []int, rel, compatible func(a, b *group) bool) {
	m.refresh()
	var pairs [][2]int
	for _, r := range m.order {
		a := m.g[r]
		var ok []*group
		seen := map[int]bool{r: true}
		for _, i := range cands(a) {
			b := m.g[m.u.find(i)]
			if seen[b.root] {
				continue
			}
			seen[b.root] = true
			if rel(a, b) {
				ok = append(ok, b)
			}
		}
		if len(ok) > 1 && !clique(ok, compatible) {
			continue
		}
		for _, b := range ok {
			pairs = append(pairs, [2]int{a.root, b.root})
		}
	}
	for _, p := range pairs {
		m.u.union(p[0], p[1])
	}
}

func clique(gs []*group, rel func(a, b *group) bool) bool {
	for i := range gs {
		for j := i + 1; j < len(gs); j++ {
			if !rel(gs[i], gs[j]) && !rel(gs[j], gs[i]) {
				return false
			}
		}
	}
	return true
}

// exactKeys merges what is written alike: persons by given-name key and
// surname skeleton (and whole-name skeleton: "Park Ji-hoon", "Park Ji
// Hoon"), bare surnames with the one person bearing them, other names by
// their form (claim.FormKey: "Hewlett - Packard Co." and "Hewlett-Packard
// Corp."), a lone word with the place or organisation of that name, and an
// organisation named by the tail of one longer name ("Coast Guard").
func (m *merger) exactKeys() {
	all, u := m.all, m.u
	byKey := map[string]int{}
	m.bySurname = map[string][]int{}
	for i, le := range all {
		e := le.e
		if e.Kind == crosscheck.KindPerson && e.Given != "" {
			k := "p:" + e.Given + " " + e.Surname
			if j, ok := byKey[k]; ok {
				u.union(i, j)
			} else {
				byKey[k] = i
				m.bySurname[e.Surname] = append(m.bySurname[e.Surname], i)
			}
		}
	}
	// the whole name's skeleton: "Park Ji-hoon" / "Park Ji Hoon"
	byFull := map[string]int{}
	for i, le := range all {
		e := le.e
		if e.Kind != crosscheck.KindPerson || e.Given == "" {
			continue
		}
		k := claim.NameKey(e.Name)
		if len(k) < 6 {
			continue
		}
		if j, ok := byFull[k]; ok {
			u.union(i, j)
		} else {
			byFull[k] = i
		}
	}
	// bare surnames: join the one person group with that surname
	for i, le := range all {
		e := le.e
		if e.Given != "" || e.Surname == "" || e.Kind == crosscheck.KindPlace || e.Kind == crosscheck.KindOrganization || !oneWord(e.Name) {
			continue
		}
		roots := map[int]bool{}
		for _, j := range m.bySurname[e.Surname] {
			roots[u.find(j)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				u.union(i, r)
			}
			continue
		}
		if len(roots) == 0 {
			k := "s:" + e.Surname
			if j, ok := byKey[k]; ok {
				u.union(i, j)
			} else {
				byKey[k] = i
			}
		}
	}
	// everything else by the form of each of its names, kinds agreeing
	for i, le := range all {
		e := le.e
		if e.Kind == crosscheck.KindPerson && e.Evidence > 0 || e.Given != "" && e.Evidence > 0 || e.Kind == crosscheck.KindOther && e.Surname != "" && !strings.Contains(e.Name, " ") {
			continue
		}
		keys := []string{"k:" + e.Key}
		for _, f := range le.forms {
			keys = append(keys, "f:"+m.nm.FormKey(f))
		}
		for _, k := range keys {
			if k == "f:" || k == "k:" {
				continue
			}
			if j, ok := byKey[k]; ok {
				if localAgree(e, all[j].e) {
					u.union(i, j)
				}
			} else {
				byKey[k] = i
			}
		}
	}
	// a lone word no person bears is the place or organisation of that
	// name: "Marstad" in one article, "MARSTAD" on a date line in another
	for i, le := range all {
		e := le.e
		if e.Kind != crosscheck.KindOther || e.Given != "" || strings.Contains(e.Name, " ") || len(m.bySurname[e.Surname]) > 0 {
			continue
		}
		if j, ok := byKey["k:"+e.Key]; ok && (all[j].e.Kind == crosscheck.KindPlace || all[j].e.Kind == crosscheck.KindOrganization) {
			u.union(i, j)
		}
	}
	// an organisation named by the tail of one longer name of the story:
	// "Coast Guard" is the "Veska Coast Guard" when no other fits
	longer := map[string][]int{}
	for i, le := range all {
		if le.e.Kind != crosscheck.KindOrganization {
			continue
		}
		f := strings.Fields(strings.ToLower(le.e.Name))
		for k := 1; k+2 <= len(f); k++ {
			t := strings.Join(f[k:], " ")
			longer[t] = append(longer[t], i)
		}
	}
	for i, le := range all {
		if le.e.Kind != crosscheck.KindOrganization || len(strings.Fields(le.e.Name)) < 2 {
			continue
		}
		roots := map[int]bool{}
		for _, j := range longer[strings.ToLower(le.e.Name)] {
			roots[u.find(j)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				u.union(i, r)
			}
		}
	}
}

// oneWord reports a name of one word, hyphens written apart or not:
// "Kirkpatrick", "Strauss-Kahn", "Strauss - Kahn".
func oneWord(name string) bool {
	return len(strings.Fields(strings.ReplaceAll(name, " - ", "-"))) == 1
}

// localAgree is kindsAgree for two entities of articles.
func localAgree(a, b *claim.Entity) bool {
	return kindsAgree(&group{kind: a.Kind, evidence: a.Evidence}, &group{kind: b.Kind, evidence: b.Evidence})
}

// nonPerson reports a group that no title, role or given name makes a
// person.
func nonPerson(g *group) bool {
	return !(g.kind == crosscheck.KindPerson && g.evidence == 2)
}

// acronyms joins an acronym to the one name it abbreviates: "USGS" / "U.
// S. Geological Survey", "LA Times" / "Los Angeles Times", "YFZ Ranch" /
// "Yearning For Zion Ranch". Never a country's ("US") or a person's.
func (m *merger) acronyms() {
	m.refresh()
	byInitial := map[rune][]int{}
	for _, r := range m.order {
		g := m.g[r]
		if !nonPerson(g) {
			continue
		}
		for f := range g.forms {
			ws := m.nm.Words(f)
			if len(ws) >= 2 && ws[0] != "" {
				c, _ := utf8.DecodeRuneInString(ws[0])
				byInitial[c] = append(byInitial[c], r)
			}
		}
	}
	m.joinUnique(func(g *group) []int {
		var out []int
		for f := range g.forms {
			if !hasAcronymWord(f) || claim.KnownPlace(f) {
				continue
			}
			ws := m.nm.Words(f)
			c, _ := utf8.DecodeRuneInString(ws[0])
			out = append(out, byInitial[c]...)
		}
		return out
	}, func(a, b *group) bool {
		if !nonPerson(a) || !nonPerson(b) || !kindsAgree(a, b) {
			return false
		}
		for fa := range a.forms {
			if !hasAcronymWord(fa) || claim.KnownPlace(fa) {
				continue
			}
			for fb := range b.forms {
				if m.nm.Abbreviates(fa, fb) {
					return true
				}
			}
		}
		return false
	})
}

// hasAcronymWord reports a name with a word in capitals: "USGS", "LA Times".
func hasAcronymWord(name string) bool {
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return r == ' ' || r == '-' }) {
		upper, lower := 0, 0
		for _, r := range w {
			if unicode.IsUpper(r) {
				upper++
			} else if unicode.IsLower(r) {
				lower++
			}
		}
		if upper >= 2 && lower == 0 {
			return true // "USGS", "SMW4", "U.S."
		}
	}
	return false
}

// personVariants joins two persons whose names are one person's written
// differently: a nickname or a transliterated given name with the same
// surname (Mo / Maurice Cheeks, Giannis / Yiannis Panagopoulos), or the
// same given name with a surname one letter apart or without its particle
// (Ilene Wolfe / Wolff, Anthony LaCalamita / Calamita). Spelled
// variations (not nicknames) of two persons named in one article are two
// people, unless one spelling there is rare.
func (m *merger) personVariants() {
	m.refresh()
	byPart := map[string][]int{}
	for _, r := range m.order {
		g := m.g[r]
		for _, f := range g.persons {
			given, sur := m.personParts(f)
			byPart["s:"+claim.NameKey(sur)] = append(byPart["s:"+claim.NameKey(sur)], r)
			byPart["g:"+given] = append(byPart["g:"+given], r)
		}
	}
	m.joinUnique(func(g *group) []int {
		var out []int
		for _, f := range g.persons {
			given, sur := m.personParts(f)
			out = append(out, byPart["s:"+claim.NameKey(sur)]...)
			out = append(out, byPart["g:"+given]...)
		}
		return out
	}, func(a, b *group) bool {
		if !a.person || !b.person {
			return false
		}
		for _, fa := range a.persons {
			ga, sa := m.personParts(fa)
			for _, fb := range b.persons {
				gb, sb := m.personParts(fb)
				switch {
				case ga == gb && claim.SurnameVariant(sa, sb):
					if ga != "" && spellingSafe(a, b) {
						return true
					}
				case claim.NameKey(sa) == claim.NameKey(sb) && len(sa) >= 4 && claim.GivenVariant(ga, gb):
					if nickname(ga, gb) || spellingSafe(a, b) {
						return true
					}
				case claim.NameKey(sa) == claim.NameKey(sb) && len(sa) >= 4 && initialOf(ga, gb):
					return true // "J. Smith" and "John Smith", when he is the only one
				}
			}
		}
		return false
	})
}

// initialOf reports a given name written as its initial: "j", "john".
func initialOf(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	return len(a) == 1 && len(b) > 1 && b[0] == a[0]
}

// nickname reports two given names of one nickname group (not a
// spelling): Mo and Maurice name one man in one article.
func nickname(a, b string) bool {
	return claim.GivenVariant(a, b) && !claim.SpellingVariant(a, b) && !oneEdit(a, b)
}

func oneEdit(a, b string) bool { return editWithin1(strings.ToLower(a), strings.ToLower(b)) }

// personParts returns a person's given name and surname as written, folded:
// "Anthony LaCalamita III" -> anthony, lacalamita.
func (m *merger) personParts(name string) (given, surname string) {
	ws := m.personWords(name)
	if len(ws) == 0 {
		return "", ""
	}
	if len(ws) == 1 {
		return "", ws[0]
	}
	return ws[0], ws[len(ws)-1]
}

// personWords are a person's name words without a generational suffix or
// a leading article joined by a hyphen ("Al - Sawarmi Khalid").
func (m *merger) personWords(name string) []string {
	ws := m.nm.Words(name)
	for len(ws) > 1 {
		switch ws[len(ws)-1] {
		case "jr", "sr", "ii", "iii", "iv":
			ws = ws[:len(ws)-1]
			continue
		}
		break
	}
	if len(ws) > 2 && (ws[0] == "al" || ws[0] == "el") && strings.Contains(name, "-") {
		ws = ws[1:]
	}
	return ws
}

// personRuns joins a person named by two words or more to the one person
// whose longer name starts or ends with them, word for word or spelled
// alike: "Khaled Saad" and "Al - Sawarmi Khalid" are "Sawarmi Khaled Saad".
func (m *merger) personRuns() {
	m.refresh()
	byWord := map[string][]int{}
	for _, r := range m.order {
		g := m.g[r]
		for _, f := range g.persons {
			for _, w := range m.personWords(f) {
				byWord[w] = append(byWord[w], r)
			}
		}
	}
	m.joinUnique(func(g *group) []int {
		var out []int
		for _, f := range g.persons {
			for _, w := range m.personWords(f) {
				out = append(out, byWord[w]...)
			}
		}
		return out
	}, func(a, b *group) bool {
		if !a.person || !b.person {
			return false
		}
		for _, fa := range a.persons {
			wa := m.personWords(fa)
			for _, fb := range b.persons {
				if wb := m.personWords(fb); len(wa) >= 2 && len(wb) > len(wa) && (m.wordsAlike(wa, wb[:len(wa)]) || m.wordsAlike(wa, wb[len(wb)-len(wa):])) {
					return true
				}
			}
		}
		return false
	})
}

// wordsAlike reports word lists equal word for word, or spelled alike
// (one vowel in a word of five letters or more, any letter in a longer).
func (m *merger) wordsAlike(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] && !m.nm.SpellingVariant(a[i], b[i]) && !(claim.NameKey(a[i]) == claim.NameKey(b[i]) && len(a[i]) >= 5) {
			return false
		}
	}
	return true
}

// bareNames joins a one-word name to the one person it names: a surname
// misspelled against the dominant spelling (Teixiera, Teixeira), or a
// known given name or nickname that only that person bears and no person
// has for surname (Maddie, Madeline Kafoury).
func (m *merger) bareNames() {
	m.refresh()
	bySur, byGiven := map[string][]int{}, map[string][]int{}
	surnames := map[string]bool{}
	for _, r := range m.order {
		g := m.g[r]
		for _, f := range g.persons {
			given, sur := m.personParts(f)
			surnames[sur] = true
			for _, k := range deletions(sur) {
				bySur[k] = append(bySur[k], r)
			}
			byGiven[given] = append(byGiven[given], r)
		}
	}
	m.joinUnique(func(g *group) []int {
		if g.bare == "" || g.person {
			return nil
		}
		out := append([]int(nil), byGiven[g.bare]...)
		for _, k := range deletions(g.bare) {
			out = append(out, bySur[k]...)
		}
		if claim.KnownGivenName(g.bare) {
			for given, rs := range byGiven {
				if claim.GivenVariant(g.bare, given) {
					out = append(out, rs...)
				}
			}
		}
		return out
	}, func(a, b *group) bool {
		if a.bare == "" || a.person || !b.person || a.evidence == 2 && a.kind != crosscheck.KindPerson || !kindsAgree(a, b) {
			return false
		}
		for _, f := range b.persons {
			given, sur := m.personParts(f)
			if m.nm.SpellingVariant(a.bare, sur) && rare(a, b) {
				return true
			}
			if claim.KnownGivenName(a.bare) && !surnames[a.bare] && given != "" && (a.bare == given || nickname(a.bare, given)) {
				return true
			}
		}
		return false
	})
}

// nameForms joins names that are one name in another form: the same words
// with one in another form (TallGrass Distribution / Tallgrass
// Distributors), the first words of a longer name ("EYP Mission"), the same
// words in another order (Dynamic Smart Cooling / Smart Dynamic Cooling).
// A short form that names a place of its own ("New York") joins nothing.
func (m *merger) nameForms() {
	m.refresh()
	surnames := map[string]bool{}
	for _, le := range m.all {
		if le.e.Kind == crosscheck.KindPerson && le.e.Given != "" {
			_, sur := m.personParts(le.e.Name)
			surnames[sur] = true
		}
	}
	idx := map[string][]int{}
	for _, r := range m.order {
		g := m.g[r]
		if !nonPerson(g) {
			continue
		}
		for f := range g.forms {
			for _, k := range m.formIndexKeys(f) {
				idx[k] = append(idx[k], r)
			}
		}
	}
	rel := func(a, b *group) bool {
		if !nonPerson(a) || !nonPerson(b) || !kindsAgree(a, b) {
			return false
		}
		for fa := range a.forms {
			for fb := range b.forms {
				if m.nm.SameForm(fa, fb) || m.nm.SameWords(fa, fb) {
					return true
				}
				if m.nm.Tail(fa, fb) && (b.hasPerson || surnames[a.bare]) {
					continue // "DiLeo" / "T.J. DiLeo": persons are the person rules'
				}
				if (m.nm.ShortForm(fa, fb) || m.nm.Elides(fa, fb) || m.nm.AfterPlace(fa, fb) || m.nm.Tail(fa, fb)) && !(a.kind == crosscheck.KindPlace && a.evidence > 0) && !claim.KnownPlace(fa) {
					return true
				}
			}
		}
		return false
	}
	m.joinCompatible(func(g *group) []int {
		var out []int
		for f := range g.forms {
			for _, k := range m.formIndexKeys(f) {
				out = append(out, idx[k]...)
			}
		}
		return out
	}, rel, func(a, b *group) bool {
		if rel(a, b) || rel(b, a) {
			return true
		}
		for fa := range a.forms {
			for fb := range b.forms {
				if m.nm.Prefix(fa, fb) || m.nm.Prefix(fb, fa) {
					return true
				}
			}
		}
		return false
	})
}

// formIndexKeys are the keys under which names that nameForms may join
// meet: their first and last words, and their words sorted.
func (m *merger) formIndexKeys(name string) []string {
	ws := m.nm.Words(name)
	if len(ws) == 1 {
		return []string{"t:" + ws[0]} // "Yankees" meets "New York Yankees"
	}
	if len(ws) < 2 {
		return nil
	}
	keys := []string{"a:" + claim.Stem(ws[0]), "z:" + claim.Stem(ws[len(ws)-1]), "t:" + ws[len(ws)-1]}
	sorted := append([]string(nil), ws...)
	sort.Strings(sorted)
	return append(keys, "s:"+strings.Join(sorted, " "))
}

// spellings joins names that differ by one misspelling or transliteration
// (Hormozgan / Hormouzgan / Hormuzgan, Talodi / Taludi, Salahuddin /
// Salaluddin) and acronyms with two letters swapped against a dominant one
// (FLDS / FDLS), kinds agreeing and never both in one article unless one
// spelling is rare there.
func (m *merger) spellings() {
	m.refresh()
	idx := map[string][]int{}
	for _, r := range m.order {
		g := m.g[r]
		if !nonPerson(g) {
			continue
		}
		for f := range g.forms {
			for _, k := range m.spellingKeys(f) {
				idx[k] = append(idx[k], r)
			}
		}
	}
	m.joinUnique(func(g *group) []int {
		var out []int
		for f := range g.forms {
			for _, k := range m.spellingKeys(f) {
				out = append(out, idx[k]...)
			}
		}
		return out
	}, func(a, b *group) bool {
		if !nonPerson(a) || !nonPerson(b) || !kindsAgree(a, b) {
			return false
		}
		for fa := range a.forms {
			for fb := range b.forms {
				if m.nm.SpellingVariant(fa, fb) && spellingSafe(a, b) {
					return true
				}
				if claim.AcronymTypo(fa, fb) && (rare(a, b) || rare(b, a)) {
					return true
				}
			}
		}
		return false
	})
}

// spellingKeys index a name of up to three words under every form of it
// with one letter of one word dropped: two names one edit apart share one.
func (m *merger) spellingKeys(name string) []string {
	ws := m.nm.Words(name)
	if len(ws) == 0 || len(ws) > 3 {
		return nil
	}
	var keys []string
	for i, w := range ws {
		rest := append(append([]string{}, ws[:i]...), ws[i+1:]...)
		tail := strconv.Itoa(i) + ":" + strings.Join(rest, " ") + "|"
		for _, d := range deletions(w) {
			keys = append(keys, tail+d)
		}
	}
	return keys
}

// deletions are w and w with one letter dropped.
func deletions(w string) []string {
	r := []rune(w)
	out := []string{w}
	for i := range r {
		out = append(out, string(r[:i])+string(r[i+1:]))
	}
	return out
}

// buildEntities makes the story's entities from the merged groups.
func (s *state) buildEntities(all []localEnt, u uf) {
	groups := map[int][]int{}
	var roots []int
	for i := range all {
		r := u.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	for _, r := range roots {
		members := groups[r]
		id := len(s.ents)
		names := map[string]int{}
		var ent crosscheck.Entity
		var votes [3]map[crosscheck.EntityKind]int
		arts := map[string]bool{}
		for _, i := range members {
			le := all[i]
			s.gid[le.art][le.idx] = id
			e := le.e
			names[e.Name] += e.Mentions
			for _, al := range e.Aliases {
				names[al] += 0
			}
			ev := min(max(e.Evidence, 0), 2)
			if votes[ev] == nil {
				votes[ev] = map[crosscheck.EntityKind]int{}
			}
			votes[ev][e.Kind] += max(e.Mentions, 1)
			for _, ro := range e.Roles {
				if !containsFold(ent.Roles, ro) {
					ent.Roles = append(ent.Roles, ro)
				}
			}
			ent.Mentions += e.Mentions
			aid := s.ans[le.art].Article.ID
			if !arts[aid] {
				arts[aid] = true
				ent.Articles = append(ent.Articles, aid)
			}
		}
		// the kind its best evidence supports: a title, head word or the
		// gazetteer over a preposition, a preposition over a guess
		ent.Kind = crosscheck.KindOther
		for ev := 2; ev >= 0; ev-- {
			if len(votes[ev]) == 0 {
				continue
			}
			best := 0
			for _, k := range []crosscheck.EntityKind{crosscheck.KindOther, crosscheck.KindPlace, crosscheck.KindOrganization, crosscheck.KindPerson} {
				if votes[ev][k] > best {
					ent.Kind, best = k, votes[ev][k]
				}
			}
			break
		}
		var ns []string
		for n := range names {
			ns = append(ns, n)
		}
		sort.Slice(ns, func(a, b int) bool {
			ra, rb := isRolePhrase(ns[a]), isRolePhrase(ns[b])
			if ra != rb {
				return !ra
			}
			wa, wb := len(strings.Fields(ns[a])), len(strings.Fields(ns[b]))
			if wa != wb && ent.Kind == crosscheck.KindPerson {
				return wa > wb
			}
			if names[ns[a]] != names[ns[b]] {
				return names[ns[a]] > names[ns[b]]
			}
			return ns[a] < ns[b]
		})
		ent.Name = ns[0]
		for _, n := range ns[1:] {
			if !containsFold(ent.Aliases, n) && !strings.EqualFold(n, ent.Name) {
				ent.Aliases = append(ent.Aliases, n)
			}
		}
		// specific roles name their holder too: "the U.S. envoy"
		for _, ro := range ent.Roles {
			if len(strings.Fields(ro)) >= 2 && !containsFold(ent.Aliases, ro) {
				ent.Aliases = append(ent.Aliases, ro)
			}
		}
		if ent.Aliases == nil {
			ent.Aliases = []string{}
		}
		s.ents = append(s.ents, ent)
	}
	// the report lists entities most covered first
	order := make([]int, len(s.ents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ea, eb := s.ents[order[a]], s.ents[order[b]]
		if len(ea.Articles) != len(eb.Articles) {
			return len(ea.Articles) > len(eb.Articles)
		}
		return ea.Mentions > eb.Mentions
	})
	for _, i := range order {
		s.rep.Entities = append(s.rep.Entities, s.ents[i])
	}
	if s.rep.Entities == nil {
		s.rep.Entities = []crosscheck.Entity{}
	}
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			n++
		case r != '.':
			return false
		}
	}
	return n >= 2 && n <= 6
}

func isRolePhrase(n string) bool {
	l := strings.ToLower(n)
	return strings.HasPrefix(l, "the ") || strings.HasPrefix(l, "a ")
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// editWithin1 reports whether a and b are at most one edit apart.
func editWithin1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i, j, edits := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i] == b[j] {
			i++
			j++
			continue
		}
		edits++
		if edits > 1 {
			return false
		}
		if len(a) == len(b) {
			i++
		}
		j++
	}
	return edits+(len(b)-j)+(len(a)-i) <= 1
}

// knownAliases joins names that general knowledge says are one thing and
// no spelling rule can see: "Salonika" / "Thessaloniki", "Sixers" /
// "76ers", "UN refugee agency" / "UNHCR" (claim.KnownAlias), when their
// kinds agree.
func (m *merger) knownAliases() {
	first := map[string]int{}
	kind := map[string]crosscheck.EntityKind{}
	for i, le := range m.all {
		for _, f := range le.forms {
			c := claim.KnownAlias(f)
			if c == "" {
				continue
			}
			j, ok := first[c]
			if !ok {
				first[c], kind[c] = i, le.e.Kind
				continue
			}
			if k := kind[c]; k == le.e.Kind || k == crosscheck.KindOther || le.e.Kind == crosscheck.KindOther {
				m.u.union(i, j)
			}
		}
	}
}
