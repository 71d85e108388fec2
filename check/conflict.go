package check

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// exclusiveVerbs are roles one person holds for an event: two different
// people said to chair the same talks is a conflict.
var exclusiveVerbs = map[string]bool{"lead": true, "host": true, "presid": true, "moder": true, "win": true}

// weakVerbs say too little for a negation to contradict anything.
var weakVerbs = map[string]bool{"be": true, "have": true, "say": true, "do": true, "tell": true, "make": true, "get": true,
	"can": true, "could": true, "may": true, "might": true, "will": true, "would": true, "should": true, "must": true}

type vref struct {
	item int
	v    *claim.ValueFact
}

// exactTolerance widens an exact value: reported numbers are rounded.
const exactTolerance = 0.05

func bounds(v *claim.ValueFact) (float64, float64) {
	lo, hi := v.Min, v.Max
	if lo == hi && v.Kind == crosscheck.ValueTime {
		// a clock time is not rounded by a share of itself: a few minutes,
		// half an hour for a whole hour ("at 7 a.m.")
		d := 300.0
		if int64(lo)%3600 == 0 {
			d = 1800
		}
		return lo - d, hi + d
	}
	if lo == hi {
		d := lo * exactTolerance
		if d < 0 {
			d = -d
		}
		lo, hi = lo-d, hi+d
	}
	return lo, hi
}

// compatible reports whether two values can both be true.
func compatible(a, b *claim.ValueFact) bool {
	alo, ahi := bounds(a)
	blo, bhi := bounds(b)
	return alo <= bhi && blo <= ahi
}

// conflicts finds facts that different outlets give incompatible values:
// same kind and unit, same governing verb and preposition, same subject,
// neither marked as a separate event, ranges that do not overlap. Names
// (who chaired), roles (which ministry) and negations are checked too.
// When unsure, no conflict is reported.
func (s *state) conflicts() []crosscheck.Conflict {
	var out []crosscheck.Conflict
	// the slots first: a figure the sentence rules find too is theirs
	slots := s.slotConflicts()
	for _, p := range s.valueConflicts() {
		if !sameConflict(slots, p.c) {
			s.markDisputed(&p.c, p.items)
			out = append(out, p.c)
		}
	}
	for i := range slots {
		s.claimSlot(&slots[i])
		out = append(out, slots[i].c)
	}
	s.agreedSlots()
	out = append(out, s.dateConflicts()...)
	out = append(out, s.nameConflicts()...)
	out = append(out, s.roleConflicts()...)
	out = append(out, s.titleConflicts()...)
	out = append(out, s.negationConflicts()...)
	if out == nil {
		out = []crosscheck.Conflict{}
	}
	return out
}

// pending is a conflict found, not yet recorded on claims.
type pending struct {
	c     crosscheck.Conflict
	items []int
}

func (s *state) fact(i int) *claim.Fact {
	it := s.items[i]
	return &s.ans[it.art].Facts[it.fact]
}

func (s *state) valueConflicts() []pending {
	blocks := map[string][]vref{}
	var keys []string
	for i, it := range s.items {
		f := s.fact(i)
		for vi := range f.Values {
			v := &f.Values[vi]
			// the slots (slot.go) compare counts, sums, shares and times;
			// the sentence frame is kept for how long something lasted
			if v.Kind != crosscheck.ValueDuration {
				continue
			}
			var k string
			switch {
			case v.Total && !v.Negated:
				// claim leaves no total in a sentence about another event
				// ("a second bus"), so "the first crossing" does not bar it
				// a whole set counted ("all 214 passengers", "carrying 241
				// passengers"): its count is one fact whatever the verb
				k = "T|" + string(v.Kind) + "|" + v.Unit
				// a person's total is theirs alone: "scored all 11 points"
				if subj := s.subjectKey(it.art, v.SubjectKey, v.Subject); strings.HasPrefix(subj, "E:") && s.ents[atoi(subj[2:])].Kind == crosscheck.KindPerson {
					k += "|" + subj
				}
			case f.Distinct || v.Verb == "" || v.Distinct || v.Unit == "" || weakVerbs[v.Verb]:
				continue
			default:
				subj := s.subjectKey(it.art, v.SubjectKey, v.Subject)
				if subj == "" {
					continue
				}
				neg := "+"
				if v.Negated {
					neg = "-"
				}
				k = string(v.Kind) + "|" + v.Unit + "|" + v.Verb + "|" + v.Prep + "|" + subj + "|" + neg
				if v.Zoned {
					k += "|utc" // a local time and a zoned one may be the same instant
				}
			}
			if _, ok := blocks[k]; !ok {
				keys = append(keys, k)
			}
			blocks[k] = append(blocks[k], vref{item: i, v: v})
		}
	}
	var out []pending
	for _, k := range keys {
		refs := blocks[k]
		if len(refs) < 2 {
			continue
		}
		total := strings.HasPrefix(k, "T|")
		same := func(i, j int, vi, vj *claim.ValueFact) bool {
			if total {
				// the count is the fact: any shared context will do
				return s.sameSetting(i, j, vi.Verb, vj.Verb) && s.context(i, j, vi) >= 1
			}
			return s.sameEvent(i, j, vi, vj)
		}
		// at least one pair of outlets must disagree about the same event:
		// shared context besides the frame, and no different dates
		// An outlet that gives both values treats them as different facts.
		agrees := func(o string, v *claim.ValueFact) bool {
			for _, r := range refs {
				if s.okey[s.items[r.item].art] == o && compatible(r.v, v) {
					return true
				}
			}
			return false
		}
		inPair := make([]bool, len(refs))
		active := false
		for x := 0; x < len(refs); x++ {
			for y := x + 1; y < len(refs); y++ {
				ix, iy := refs[x].item, refs[y].item
				ox, oy := s.okey[s.items[ix].art], s.okey[s.items[iy].art]
				if ox == oy || compatible(refs[x].v, refs[y].v) || agrees(ox, refs[y].v) || agrees(oy, refs[x].v) {
					continue
				}
				// different objects are different facts: met Brandt / met the unions
				objx, objy := s.globalKey(s.items[ix].art, refs[x].v.ObjectKey), s.globalKey(s.items[iy].art, refs[y].v.ObjectKey)
				if !total && objx != "" && objy != "" && !sameObject(objx, objy) {
					continue
				}
				if same(ix, iy, refs[x].v, refs[y].v) {
					active = true
					inPair[x], inPair[y] = true, true
				}
			}
		}
		if !active {
			continue
		}
		// outlets that agree with one side of the disagreement about the
		// same event are part of that side
		for grown := true; grown; {
			grown = false
			for x := range refs {
				if inPair[x] {
					continue
				}
				// a value that fits both sides ("more than 200") takes none
				against := false
				for y := range refs {
					against = against || inPair[y] && !compatible(refs[x].v, refs[y].v)
				}
				if !against {
					continue
				}
				for y := range refs {
					if inPair[y] && compatible(refs[x].v, refs[y].v) &&
						(total || sameObject(s.globalKey(s.items[refs[x].item].art, refs[x].v.ObjectKey), s.globalKey(s.items[refs[y].item].art, refs[y].v.ObjectKey))) &&
						same(refs[x].item, refs[y].item, refs[x].v, refs[y].v) {
						inPair[x], grown = true, true
						break
					}
				}
			}
		}
		kept := refs[:0:0]
		for x, r := range refs {
			if inPair[x] {
				kept = append(kept, r)
			}
		}
		refs = kept
		// variants: groups of mutually compatible values
		var variants [][]vref
		for _, r := range refs {
			placed := false
			for vi := range variants {
				ok := true
				for _, m := range variants[vi] {
					if !compatible(r.v, m.v) {
						ok = false
						break
					}
				}
				if ok {
					variants[vi] = append(variants[vi], r)
					placed = true
					break
				}
			}
			if !placed {
				variants = append(variants, []vref{r})
			}
		}
		if len(variants) < 2 {
			continue
		}
		// the disagreement must be between outlets, not within one article
		outlets := map[string]bool{}
		for _, vs := range variants {
			seen := map[string]bool{}
			for _, r := range vs {
				seen[s.okey[s.items[r.item].art]] = true
			}
			for o := range seen {
				outlets[o] = true
			}
		}
		if len(outlets) < 2 {
			continue
		}
		first := refs[0]
		prep := first.v.Prep
		if k := strings.IndexAny(prep, "+>"); k >= 0 {
			prep = prep[:k]
		}
		c := crosscheck.Conflict{Kind: crosscheck.ConflictValue,
			About: strings.TrimSpace(first.v.Subject + " " + first.v.VerbText + " " + prep)}
		if total {
			w := strings.Fields(first.v.Text)
			c.About = "how many " + w[len(w)-1] + " in all"
		} else if first.v.Kind == crosscheck.ValueTime && first.v.Subject != "" {
			c.About = "when " + lowerArticle(first.v.Subject) + " " + first.v.VerbText
		} else if first.v.SubjectKey != "" && first.v.SubjectKey[0] == 'h' && first.v.Subject == first.v.Unit {
			// the value is the subject: "people killed", in the source's words
			w := strings.Fields(first.v.Text)
			c.About = strings.TrimSpace(w[len(w)-1] + " " + first.v.VerbText)
		}
		for _, vs := range variants {
			var items []int
			for _, r := range vs {
				items = append(items, r.item)
			}
			c.Variants = append(c.Variants, s.variant(vs[0].v.Text, items))
		}
		out = append(out, pending{c, refsItems(refs)})
	}
	return out
}

// lowerArticle lowers the article that starts a phrase quoted mid-line:
// "The ferry" -> "the ferry".
func lowerArticle(p string) string {
	if w, rest, ok := strings.Cut(p, " "); ok && (w == "The" || w == "A" || w == "An") {
		return strings.ToLower(w) + " " + rest
	}
	return p
}

// sameObject reports whether two object keys can name one thing: equal,
// or the same head noun where one names no modifier ("the reef" and "the
// Norra reef").
func sameObject(a, b string) bool {
	if a == b {
		return true
	}
	if !strings.HasPrefix(a, "H:") || !strings.HasPrefix(b, "H:") {
		return false
	}
	ha, ma, _ := strings.Cut(a, "|")
	hb, mb, _ := strings.Cut(b, "|")
	return ha == hb && (ma == "" || mb == "")
}

// sameEvent reports whether two facts plausibly speak of the same event:
// they share an entity or two content words, and do not carry different
// dates.
func (s *state) sameEvent(i, j int, vi, vj *claim.ValueFact) bool {
	return s.sameEventDates(i, j, vi, vj, true)
}

// sameSetting reports whether two facts may be about one event: they do
// not name different towns, nor different days. Only dates of the clauses
// of verbs vi and vj count when these are given ("" for every date, "-"
// for none).
func (s *state) sameSetting(i, j int, vi, vj string) bool {
	fi, fj := s.fact(i), s.fact(j)
	if pi, pj := s.townsOf(i), s.townsOf(j); len(pi) > 0 && len(pj) > 0 && !s.townsMeet(pi, pj) {
		return false
	}
	// "killing at least three people" in southern Iran and "a dozen people
	// were killed" in eastern China: two countries, two events
	if vi == "-" {
		return true
	}
	di, dj := map[string]bool{}, map[string]bool{}
	for _, v := range fi.Values {
		if v.Kind == crosscheck.ValueDate && !v.Time.IsZero() && (vi == "" || v.Verb == vi) {
			di[v.Time.Format("2006-01-02")] = true
		}
	}
	for _, v := range fj.Values {
		if v.Kind == crosscheck.ValueDate && !v.Time.IsZero() && (vj == "" || v.Verb == vj) {
			dj[v.Time.Format("2006-01-02")] = true
		}
	}
	return len(di) == 0 || len(dj) == 0 || meets(di, dj)
}

// townsOf returns the towns and cities (global entity ids) item i names,
// except ends of a route ("from Marstad", "to Holmvik"): a voyage from one
// town to another is one event.
func (s *state) townsOf(i int) map[int]bool {
	if t, ok := s.towns[i]; ok {
		return t
	}
	if s.towns == nil {
		s.towns = map[int]map[int]bool{}
	}
	it := s.items[i]
	an := s.ans[it.art]
	f := s.fact(i)
	text := an.Article.Text
	out := map[int]bool{}
	if f.Title {
		s.towns[i] = out // a headline's places are not spans of the text
		return out
	}
	for _, m := range an.Mentions {
		if m.Start < f.Span.Start || m.End > f.Span.End || m.Entity < 0 || m.Entity >= len(s.gid[it.art]) {
			continue
		}
		g := s.gid[it.art][m.Entity]
		if s.ents[g].Kind != crosscheck.KindPlace || isCountry(s.ents[g].Name) {
			continue
		}
		before := strings.Fields(text[max(f.Span.Start, m.Start-12):m.Start])
		if n := len(before); n > 0 {
			if w := strings.ToLower(before[n-1]); w == "from" || w == "to" || w == "via" || w == "towards" || w == "toward" {
				continue
			}
		}
		out[g] = true
	}
	s.towns[i] = out
	return out
}

// townsMeet reports two sets of places that share one, or a place whose
// name holds the other's ("West Papua" and "Papua").
func (s *state) townsMeet(a, b map[int]bool) bool {
	if meets(a, b) {
		return true
	}
	for x := range a {
		for y := range b {
			nx, ny := strings.ToLower(s.ents[x].Name), strings.ToLower(s.ents[y].Name)
			if strings.Contains(nx, ny) || strings.Contains(ny, nx) {
				return true
			}
		}
	}
	return false
}

func meets[K comparable](a, b map[K]bool) bool {
	for k := range a {
		if b[k] {
			return true
		}
	}
	return false
}

// sameEventDates is sameEvent, with the check that the dates agree
// optional (a date conflict is about dates that do not).
func (s *state) sameEventDates(i, j int, vi, vj *claim.ValueFact, dates bool) bool {
	if !dates {
		return s.sameSetting(i, j, "-", "-") && s.context(i, j, vi) >= 2
	}
	return s.sameSetting(i, j, "", "") && s.context(i, j, vi) >= 2
}

// context counts what two facts share besides the value's frame: content
// words, or 2 for an entity other than the subject.
func (s *state) context(i, j int, vi *claim.ValueFact) int {
	fi, fj := s.fact(i), s.fact(j)
	ai, aj := s.items[i].art, s.items[j].art
	frame := map[string]bool{vi.Verb: true, claim.Stem(vi.Unit): true, claim.Stem(singularize(vi.Text)): true}
	subj := s.globalKey(ai, vi.SubjectKey)
	ents := map[int]bool{}
	for _, e := range fi.Entities {
		ents[s.gid[ai][e]] = true
	}
	for _, e := range fj.Entities {
		g := s.gid[aj][e]
		if ents[g] && subj != "E:"+itoa(g) {
			return 2
		}
	}
	stems := map[string]bool{}
	for _, st := range fi.Stems {
		stems[st] = true
	}
	n := 0
	for _, st := range fj.Stems {
		if stems[st] && !frame[st] {
			n++
		}
	}
	return n
}

// singularize returns the last word of a value text, singular: the unit
// as written ("minutes" -> "minute").
func singularize(text string) string {
	f := strings.Fields(strings.ToLower(text))
	if len(f) == 0 {
		return ""
	}
	return strings.TrimSuffix(f[len(f)-1], "s")
}

// dateConflicts finds one act of one person dated to different days by
// different outlets: same subject, verb and object (all required), days
// that do not overlap, and the same event otherwise.
func (s *state) dateConflicts() []crosscheck.Conflict {
	blocks := map[string][]vref{}
	var keys []string
	for i, it := range s.items {
		f := s.fact(i)
		if f.Distinct {
			continue
		}
		for vi := range f.Values {
			v := &f.Values[vi]
			if v.Kind != crosscheck.ValueDate || v.Time.IsZero() || v.Verb == "" || weakVerbs[v.Verb] || v.Negated || v.Distinct || v.ObjectKey == "" {
				continue
			}
			subj := s.subjectKey(it.art, v.SubjectKey, v.Subject)
			if !strings.HasPrefix(subj, "E:") {
				continue
			}
			k := v.Verb + "|" + subj + "|" + s.globalKey(it.art, v.ObjectKey)
			if _, ok := blocks[k]; !ok {
				keys = append(keys, k)
			}
			blocks[k] = append(blocks[k], vref{item: i, v: v})
		}
	}
	var out []crosscheck.Conflict
	for _, k := range keys {
		refs := blocks[k]
		byDay := map[string][]int{}
		var days []string
		for x, r := range refs {
			d := r.v.Time.Format("2006-01-02")
			if _, ok := byDay[d]; !ok {
				days = append(days, d)
			}
			byDay[d] = append(byDay[d], x)
		}
		if len(days) < 2 {
			continue
		}
		// every day's outlets must differ from the others' and the facts
		// must share their context
		outs := map[string]map[string]bool{}
		for _, d := range days {
			outs[d] = map[string]bool{}
			for _, x := range byDay[d] {
				outs[d][s.okey[s.items[refs[x].item].art]] = true
			}
		}
		ok := true
		for a := 0; a < len(days) && ok; a++ {
			for b := a + 1; b < len(days) && ok; b++ {
				for o := range outs[days[a]] {
					if outs[days[b]][o] {
						ok = false // one outlet gives both days: two acts
					}
				}
				x, y := byDay[days[a]][0], byDay[days[b]][0]
				if !s.sameEventDates(refs[x].item, refs[y].item, refs[x].v, refs[y].v, false) {
					ok = false
				}
			}
		}
		if !ok {
			continue
		}
		first := refs[0].v
		c := crosscheck.Conflict{Kind: crosscheck.ConflictValue, About: strings.TrimSpace(first.Subject + " " + first.VerbText)}
		var all []int
		for _, d := range days {
			var items []int
			for _, x := range byDay[d] {
				items = append(items, refs[x].item)
			}
			c.Variants = append(c.Variants, s.variant(refs[byDay[d][0]].v.Text, items))
			all = append(all, items...)
		}
		s.markDisputed(&c, all)
		out = append(out, c)
	}
	return out
}

func refsItems(refs []vref) []int {
	var out []int
	for _, r := range refs {
		out = append(out, r.item)
	}
	return out
}

// variant builds a conflict variant from the facts stating one value.
func (s *state) variant(value string, items []int) crosscheck.Variant {
	v := crosscheck.Variant{Value: value}
	seenA, seenO := map[string]bool{}, map[string]bool{}
	for _, i := range items {
		it := s.items[i]
		f := s.fact(i)
		c := s.cite(it.art, f.Sentence)
		if v.Sentence == "" {
			v.Sentence = c.Sentence
		}
		v.Sources = append(v.Sources, c)
		if !seenA[c.Article] {
			seenA[c.Article] = true
			v.Articles = append(v.Articles, c.Article)
		}
		if o := s.outlet[it.art]; !seenO[o] {
			seenO[o] = true
			v.Outlets = append(v.Outlets, o)
		}
	}
	return v
}

// markDisputed names the conflict and records it on the claims of its items.
func (s *state) markDisputed(c *crosscheck.Conflict, items []int) {
	s.nConflicts++
	c.ID = "x" + itoa(s.nConflicts)
	seen := map[int]bool{}
	for _, i := range items {
		cl := s.claimOf[i]
		if seen[cl] {
			continue
		}
		seen[cl] = true
		s.claims[cl].disputed = true
		s.claims[cl].conflicts = append(s.claims[cl].conflicts, c.ID)
	}
}

func (s *state) nameConflicts() []crosscheck.Conflict {
	blocks := map[string][]int{}
	var keys []string
	for i, it := range s.items {
		f := s.fact(i)
		if !exclusiveVerbs[f.Verb] || f.Negated || f.Distinct || f.Object == "" || habitual(f) {
			continue
		}
		subj := s.globalKey(it.art, f.SubjectKey)
		if !strings.HasPrefix(subj, "E:") || strings.Contains(f.Subject, " and ") || strings.Contains(f.Subject, ",") {
			continue
		}
		if s.ents[atoi(subj[2:])].Kind != crosscheck.KindPerson {
			continue
		}
		k := f.Verb + "|" + f.Object
		if _, ok := blocks[k]; !ok {
			keys = append(keys, k)
		}
		blocks[k] = append(blocks[k], i)
	}
	var out []crosscheck.Conflict
	for _, k := range keys {
		bySubj := map[string][]int{}
		var subjs []string
		for _, i := range blocks[k] {
			subj := s.globalKey(s.items[i].art, s.fact(i).SubjectKey)
			if _, ok := bySubj[subj]; !ok {
				subjs = append(subjs, subj)
			}
			bySubj[subj] = append(bySubj[subj], i)
		}
		if len(subjs) < 2 || !s.acrossOutlets(bySubj) {
			continue
		}
		first := s.fact(blocks[k][0])
		c := crosscheck.Conflict{Kind: crosscheck.ConflictName, About: "who " + first.VerbText + " it"}
		var all []int
		for _, subj := range subjs {
			items := bySubj[subj]
			c.Variants = append(c.Variants, s.variant(s.fact(items[0]).Subject, items))
			all = append(all, items...)
		}
		c.About = strings.TrimSpace(first.VerbText)
		s.markDisputed(&c, all)
		out = append(out, c)
	}
	return out
}

// habitual reports a fact about repeated or past experience ("has hosted
// the show several times"), which another holder does not contradict.
func habitual(f *claim.Fact) bool {
	for _, w := range strings.Fields(strings.ToLower(f.VerbText)) {
		if w == "has" || w == "have" || w == "had" || w == "would" || w == "used" {
			return true
		}
	}
	for _, v := range f.Values {
		if v.Unit == "time" {
			return true
		}
	}
	return false
}

// acrossOutlets reports whether the groups come from at least two outlets
// that do not appear in every group.
func (s *state) acrossOutlets(groups map[string][]int) bool {
	outs := map[string]int{}
	for _, items := range groups {
		seen := map[string]bool{}
		for _, i := range items {
			seen[s.okey[s.items[i].art]] = true
		}
		for o := range seen {
			outs[o]++
		}
	}
	n := 0
	for _, c := range outs {
		if c < len(groups) {
			n++
		}
	}
	return n >= 2
}

func (s *state) roleConflicts() []crosscheck.Conflict {
	type roleRef struct {
		art, sent int
		role      string
		ports     []string
	}
	byEnt := map[int][]roleRef{}
	var ents []int
	for a, an := range s.ans {
		for _, m := range an.Mentions {
			if m.Role == "" || m.RoleOnly || m.Entity < 0 {
				continue
			}
			head, ports := claim.RolePortfolio(m.Role)
			if head == "" || len(ports) == 0 {
				continue
			}
			g := s.gid[a][m.Entity]
			if _, ok := byEnt[g]; !ok {
				ents = append(ents, g)
			}
			byEnt[g] = append(byEnt[g], roleRef{art: a, sent: m.Sentence, role: head + "|" + strings.Join(ports, ","), ports: ports})
		}
	}
	var out []crosscheck.Conflict
	for _, g := range ents {
		refs := byEnt[g]
		var groups [][]roleRef
		for _, r := range refs {
			placed := false
			for gi := range groups {
				if overlap(groups[gi][0].ports, r.ports) && strings.SplitN(groups[gi][0].role, "|", 2)[0] == strings.SplitN(r.role, "|", 2)[0] {
					groups[gi] = append(groups[gi], r)
					placed = true
					break
				}
			}
			if !placed {
				groups = append(groups, []roleRef{r})
			}
		}
		if len(groups) < 2 {
			continue
		}
		outs := map[string]bool{}
		for _, gr := range groups {
			outs[s.okey[gr[0].art]] = true
		}
		if len(outs) < 2 {
			continue
		}
		c := crosscheck.Conflict{Kind: crosscheck.ConflictName, About: s.ents[g].Name}
		for _, gr := range groups {
			v := crosscheck.Variant{}
			seen := map[string]bool{}
			for _, r := range gr {
				an := s.ans[r.art]
				// the role as written, from the mention
				for _, m := range an.Mentions {
					if m.Sentence == r.sent && m.Role != "" && s.gid[r.art][m.Entity] == g && v.Value == "" {
						v.Value = m.Role
					}
				}
				ci := s.cite(r.art, r.sent)
				if v.Sentence == "" {
					v.Sentence = ci.Sentence
				}
				v.Sources = append(v.Sources, ci)
				if !seen[ci.Article] {
					seen[ci.Article] = true
					v.Articles = append(v.Articles, ci.Article)
					v.Outlets = append(v.Outlets, s.outlet[r.art])
				}
			}
			c.Variants = append(c.Variants, v)
		}
		var items []int
		for i, it := range s.items {
			for _, gr := range groups {
				for _, r := range gr {
					if it.art == r.art && s.fact(i).Sentence == r.sent {
						items = append(items, i)
					}
				}
			}
		}
		s.markDisputed(&c, items)
		out = append(out, c)
	}
	return out
}

func overlap(a, b []string) bool {
	for _, x := range a {
		for _, y := range b {
			if x == y || (x == "defence" || x == "defense") && (y == "defence" || y == "defense") {
				return true
			}
		}
	}
	return false
}

func (s *state) negationConflicts() []crosscheck.Conflict {
	blocks := map[string][]int{}
	var keys []string
	for i, it := range s.items {
		f := s.fact(i)
		if f.Verb == "" || weakVerbs[f.Verb] || f.Object == "" || f.Distinct {
			continue
		}
		subj := s.globalKey(it.art, f.SubjectKey)
		if !strings.HasPrefix(subj, "E:") {
			continue
		}
		k := subj + "|" + f.Verb + "|" + f.Object
		if _, ok := blocks[k]; !ok {
			keys = append(keys, k)
		}
		blocks[k] = append(blocks[k], i)
	}
	var out []crosscheck.Conflict
	for _, k := range keys {
		var pos, neg []int
		for _, i := range blocks[k] {
			if s.fact(i).Negated {
				neg = append(neg, i)
			} else {
				pos = append(pos, i)
			}
		}
		if len(pos) == 0 || len(neg) == 0 {
			continue
		}
		if !s.acrossOutlets(map[string][]int{"+": pos, "-": neg}) {
			continue
		}
		fp, fn := s.fact(pos[0]), s.fact(neg[0])
		c := crosscheck.Conflict{Kind: crosscheck.ConflictNegation, About: "whether " + strings.TrimSpace(lowerArticle(fp.Subject)+" "+fp.VerbText)}
		c.Variants = append(c.Variants, s.variant(fp.VerbText, pos), s.variant(fn.VerbText, neg))
		s.markDisputed(&c, append(append([]int{}, pos...), neg...))
		out = append(out, c)
	}
	return out
}

// sameConflict reports a conflict the slots found: the same variants'
// articles, found by the sentence rules and by the slots both.
func sameConflict(list []slotConflict, c crosscheck.Conflict) bool {
	key := func(c crosscheck.Conflict) string {
		var vs []string
		for _, v := range c.Variants {
			vs = append(vs, strings.Join(v.Articles, ","))
		}
		sort.Strings(vs)
		return strings.Join(vs, "|")
	}
	k := key(c)
	for _, d := range list {
		if key(d.c) == k {
			return true
		}
	}
	return false
}

// countriesOf returns the countries (global entity ids) item i names in
// its text, as places ("in eastern China"), not as a nationality.
func (s *state) countriesOf(i int) map[int]bool {
	if c, ok := s.countries[i]; ok {
		return c
	}
	if s.countries == nil {
		s.countries = map[int]map[int]bool{}
	}
	it := s.items[i]
	an := s.ans[it.art]
	f := s.fact(i)
	out := map[int]bool{}
	if !f.Title {
		for _, m := range an.Mentions {
			if m.Start < f.Span.Start || m.End > f.Span.End || m.Entity < 0 || m.Entity >= len(s.gid[it.art]) {
				continue
			}
			// "fighting Sudan's army": a country's own is an actor, not
			// the setting
			if after := an.Article.Text[m.End:min(len(an.Article.Text), m.End+3)]; strings.HasPrefix(after, "'s") || strings.HasPrefix(after, "’s") || strings.HasPrefix(after, " 's") {
				continue
			}
			if g := s.gid[it.art][m.Entity]; s.ents[g].Kind == crosscheck.KindPlace && isCountry(s.ents[g].Name) {
				out[s.countryID(g)] = true
			}
		}
	}
	s.countries[i] = out
	return out
}

// isCountry reports a country, or a region of one named by its side
// ("Southern Iran", "eastern China").
func isCountry(name string) bool {
	return claim.IsCountry(countryPart(name))
}

func countryPart(name string) string {
	if claim.IsCountry(name) {
		return name // "North Korea" is a country, not the north of Korea
	}
	if i := strings.IndexByte(name, ' '); i > 0 && compassWords[strings.ToLower(name[:i])] {
		return name[i+1:]
	}
	return name
}

var compassWords = map[string]bool{
	"northern": true, "southern": true, "eastern": true, "western": true, "central": true,
	"northeastern": true, "northwestern": true, "southeastern": true, "southwestern": true,
	"north": true, "south": true, "east": true, "west": true,
}

// countryID is the entity of the country a place names: "Southern Iran"
// is in Iran when the story names Iran; otherwise the place itself.
func (s *state) countryID(g int) int {
	name := countryPart(s.ents[g].Name)
	if name == s.ents[g].Name {
		return g
	}
	for i, e := range s.ents {
		if e.Kind == crosscheck.KindPlace && strings.EqualFold(e.Name, name) {
			return i
		}
	}
	return g
}

// mainCountry is the country most of the story's reports name (global
// entity id), or -1 when none is named by more than half of them.
func (s *state) mainCountry() int {
	if s.mainC != nil {
		return *s.mainC
	}
	arts := map[int]map[string]bool{}
	for g, e := range s.ents {
		if e.Kind != crosscheck.KindPlace || !isCountry(e.Name) {
			continue
		}
		c := s.countryID(g)
		if arts[c] == nil {
			arts[c] = map[string]bool{}
		}
		for _, a := range e.Articles {
			arts[c][a] = true
		}
	}
	best, n := -1, len(s.ans)/2
	for c, as := range arts {
		if len(as) > n {
			best, n = c, len(as)
		}
	}
	s.mainC = &best
	return best
}

// digression reports a set of countries only one report of the story
// names each.
func (s *state) digression(cs map[int]bool) bool {
	for c := range cs {
		if len(s.ents[c].Articles) > 1 {
			return false
		}
	}
	return len(cs) > 0
}

// sameCountry reports two sentences that may be set in one country.
func (s *state) sameCountry(i, j int) bool {
	// two countries, two events. A sentence that names none is set in the
	// story's own, and one that names only countries no other report
	// names is a digression ("a dozen people were killed by a quake in
	// eastern China" in a report of a quake in Iran).
	if ci, cj := s.countriesOf(i), s.countriesOf(j); len(ci) > 0 || len(cj) > 0 {
		if mc := s.mainCountry(); mc >= 0 {
			if len(ci) == 0 && s.digression(cj) {
				ci = map[int]bool{mc: true}
			}
			if len(cj) == 0 && s.digression(ci) {
				cj = map[int]bool{mc: true}
			}
		}
		if len(ci) > 0 && len(cj) > 0 && !meets(ci, cj) {
			return false
		}
	}
	return true
}

// sameDay reports two sentences that may be of one day: one that names
// no weekday is of the story's day, so "the bombing of Guffa on Tuesday,
// which he said killed seven" is not the toll of a story of a Thursday.
func (s *state) sameDay(i, j int) bool {
	wi, wj := s.fact(i).Weekdays, s.fact(j).Weekdays
	if len(wi) > 0 == (len(wj) > 0) {
		return true // both name days (apart weighs them) or neither
	}
	d := s.storyWeekday()
	if d == 0 {
		return true
	}
	named := wi
	if len(named) == 0 {
		named = wj
	}
	return contains(named, d)
}

// storyWeekday is the weekday most of the story's reports name (0 when
// none is named by a third of them or more).
func (s *state) storyWeekday() int {
	if s.wday != nil {
		return *s.wday
	}
	arts := map[int]map[int]bool{}
	for i, it := range s.items {
		for _, d := range s.fact(i).Weekdays {
			if arts[d] == nil {
				arts[d] = map[int]bool{}
			}
			arts[d][it.art] = true
		}
	}
	best, n := 0, (len(s.ans)+2)/3-1
	for d := 0; d <= 7; d++ {
		if len(arts[d]) > n {
			best, n = d, len(arts[d])
		}
	}
	s.wday = &best
	return best
}
