package check

import (
	"fmt"
	"maps"
	"math"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// Slot conflicts compare what the articles of a story say of one fact
// whatever sentence says it: "two boats" in one report and "three
// speedboats" in another are two counts of the pirates' boats although the
// sentences share little else. A slot is a value's attribute and the thing
// it measures (claim.ValueFact: Attr, Head, Spec, Holder, VerbClass).
//
// The steps, each a small predicate:
//   - usable: a value that states the story's own fact (no forecast, no
//     change over time, no earlier event, no part of a set);
//   - bucketKey: values of one attribute of one thing;
//   - offStory: a sentence about another year or month than the story's;
//   - sameSlot: two values of a bucket about the same moment, place, act
//     and thing, sharing some context when the thing is a common noun;
//   - a conflict needs two outlets that each give one value for the
//     bucket, incompatible with each other; a bucket whose outlets often
//     give several values counts several things (the magnitudes of two
//     quakes) and is left alone.

// slotRef is one value of one article.
type slotRef struct {
	item   int // index in s.items
	art    int
	v      *claim.ValueFact
	holder int    // global entity of v.Holder, -1
	subj   string // global subject key of the value's clause
	place  int    // global entity of v.Place, -1
}

// timeHeads are nouns of spans of time or of a game's parts: "19 seasons",
// "eight games" count no thing of the event.
var timeHeads = map[string]bool{"season": true, "game": true, "year": true, "month": true, "week": true,
	"day": true, "hour": true, "minute": true, "second": true, "time": true, "round": true, "inning": true,
	"quarter": true, "period": true, "term": true, "decade": true, "century": true, "night": true,
	"weekend": true, "point": true, "percent": true, "degree": true, "per": true}

// idHeads are nouns a number names rather than counts: "the 12000 block
// of Main Street", "a No. 5 seed", "Flight 93".
var idHeads = map[string]bool{"block": true, "seed": true, "pick": true, "number": true, "flight": true,
	"chapter": true, "page": true, "lane": true, "route": true, "room": true, "floor": true, "grade": true,
	"level": true, "version": true, "size": true, "pixel": true, "unit": true, "district": true, "ward": true,
	"precinct": true, "division": true, "row": true, "gate": true, "platform": true, "exit": true}

// usable reports whether v can take part in a slot comparison.
func usable(v *claim.ValueFact) bool {
	switch v.Attr {
	case "", claim.AttrNumber, claim.AttrDuration:
		return false
	case claim.AttrDate:
		if v.Month == 0 && v.Weekday == 0 || v.Month != 0 && v.Day == 0 {
			return false
		}
	}
	if v.Modal || v.Update || v.Past || v.Part || v.Negated || v.Rate {
		return false
	}
	if v.Attr == claim.AttrCount && (v.Head == "" || timeHeads[v.Head]) {
		return false
	}
	return true
}

// bucketKey is the coarse key of a slot: the attribute and what it
// measures. Values in different buckets are never compared; "" leaves a
// value out.
func (s *state) bucketKey(r slotRef) string {
	v := r.v
	switch v.Attr {
	case claim.AttrAge:
		if r.holder >= 0 {
			return "age|e" + itoa(r.holder)
		}
		if v.Head == "" {
			return "age|?" // "the 12-year-old": whoever of that age the story names (see mergeCompounds)
		}
		return "age|h" + v.Head
	case claim.AttrPopulation:
		if r.holder < 0 && strings.HasPrefix(v.Head, "place:") {
			// "the island", "the city" of the story, unnamed: its main place
			if p := s.mainPlace(); p >= 0 {
				return "pop|e" + itoa(p)
			}
		}
		if r.holder < 0 {
			return ""
		}
		return "pop|e" + itoa(s.islandOf(r.holder))
	case claim.AttrRecord:
		return "record|" + v.Spec
	case claim.AttrCharge:
		return "charge"
	case claim.AttrDeathPlace:
		// where the one person who died died; with several dead, which
		// one is meant cannot be told
		if s.severalDead() {
			return ""
		}
		return "dplace"
	case claim.AttrMagnitude:
		if v.Other {
			return "mag|" + v.Head + "|other"
		}
		return "mag|" + v.Head
	case claim.AttrDepth:
		return "depth"
	case claim.AttrCount:
		if idHeads[v.Head] {
			return "" // "the 12000 block", "a No. 5 seed": a number that names
		}
		if v.Total {
			// the whole of a set, whatever the verb: "all 241 passengers",
			// "carrying 214 passengers", "214 passengers on board"
			noun := v.Head
			if noun == "person" && v.Spec2 != "" {
				noun = v.Spec2
			}
			return "total|" + singularKey(noun)
		}
		k := "count|" + thingKey(v)
		if v.Other {
			k += "|other"
		}
		// a person's own count is theirs alone: "Clark finished with 25
		// points", "he caught eight passes"
		personal := strings.HasPrefix(r.subj, "E:") && s.ents[atoi(r.subj[2:])].Kind == crosscheck.KindPerson
		if v.Head != "person" && personal {
			k += "|" + r.subj
		}
		// a player's statistics are of a player: without a named one
		// ("he had nine rebounds") they cannot be told apart
		if statHeads[singularKey(v.Head)] && !personal {
			return k + "|stat" // agreed on, never disputed (see slotConflicts)
		}
		if v.Head == "person" {
			if v.VerbClass == "" {
				return ""
			}
			k += "|" + v.VerbClass
		}
		return k
	case claim.AttrMeasure:
		if v.Head == "" {
			return ""
		}
		// "a 10-year contract" asked and "an eight-year deal" offered: a
		// measure says what kind of thing it is, seldom which one, and is
		// only agreed on (see agreedSlots), never disputed
		return "measure|" + v.Unit + "|" + v.Head
	case claim.AttrDistance:
		// a distance is of one place from another: without the reference
		// it cannot be told from the story's other distances
		switch {
		case r.holder >= 0:
			return "dist|e" + itoa(r.holder)
		case v.Head != "":
			return "dist|h" + v.Head
		}
		return ""
	case claim.AttrTime:
		// the time of an act: times of different acts are different facts
		act := v.VerbClass
		if act == "" {
			act = v.VerbLemma
		}
		if act == "" || act == "be" || act == "have" || act == "say" {
			return ""
		}
		z := ""
		if v.Zoned {
			z = "|utc"
		}
		if v.Other {
			z += "|other" // "the first quake struck at 4:43"
		}
		return "time|" + act + z
	case claim.AttrDate:
		act := v.VerbClass
		if act == "" {
			act = v.VerbLemma
		}
		if act == "" || act == "be" || act == "have" {
			return ""
		}
		if v.Weekday != 0 {
			return "wday|" + act
		}
		return "day|" + act
	case claim.AttrMonth:
		// the month of an act: "In July, the Utah Supreme Court
		// overturned", "In August, the court tossed out"
		act := v.VerbClass
		if act == "" {
			act = v.VerbLemma
		}
		if act == "" || act == "be" || act == "have" || act == "say" || act == "announce" {
			return ""
		}
		if v.Spec == "start" {
			act += "|start" // "since June", "began in July"
		}
		return "month|" + act
	case claim.AttrPercent:
		// a share of something somewhere: "Greek stocks", "services in Egypt"
		if r.subj == "" {
			// "80 percent of Internet services in Egypt": a share of a
			// kind of thing in one place
			if v.Head != "" && r.place >= 0 {
				return "pct|n:" + singularKey(v.Head) + "|p" + itoa(r.place)
			}
			return "" // a share of what, of whom? (a vote of many candidates)
		}
		subj := r.subj
		if (subj == "H:percent" || subj == "H:per cent") && v.Head != "" {
			// "up to 80 percent of Internet services ... have been cut":
			// the share is the subject; what it is of says what it counts
			subj = "H:" + singularKey(v.Head)
		}
		k := "pct|" + subj + "|p" + itoa(r.place)
		// "the cables carry more than 75 percent of traffic": a share of
		// capacity, not of the traffic the event cut
		switch verbWord(v) {
		case "carry", "handle", "account", "represent", "comprise", "constitute":
			k += "|share"
		}
		return k
	}
	if strings.HasPrefix(v.Attr, claim.AttrMoney) {
		// a sum given as the equivalent of another currency's is one fact
		// with the other equivalents; otherwise a sum is of a kind of
		// thing (a deal, a haul), of someone, said by someone
		switch {
		case v.Head == "haul" || v.Head == "bailout":
			return v.Attr + "|" + v.Head
		case v.Conv:
			return v.Attr + "|conv"
		case v.Head == "":
			return ""
		case r.holder >= 0 && s.ents[r.holder].Kind == crosscheck.KindPerson:
			// a person's deal: "signed Elton Brand to an $82 million deal"
			return v.Attr + "|" + v.Head + "|e" + itoa(r.holder)
		case r.subj != "" && !sumSubject(r.subj):
			return v.Attr + "|" + v.Head + "|" + r.subj
		}
		return ""
	}
	return ""
}

// subjectOf keeps the part of a global subject key that names a thing:
// an entity ("E:3"), or a common noun's head without its modifiers
// ("H:stock"); "" for none.
func subjectOf(g string) string {
	if strings.HasPrefix(g, "E:") {
		return g
	}
	if strings.HasPrefix(g, "H:") {
		h, _, _ := strings.Cut(g, "|")
		if len(h) > 4 {
			return h
		}
	}
	return ""
}

// thingKey names the counted thing: a model name alone ("ak47": seven
// AK-47 rifles, 12 AK 47 guns), a nationality with its noun ("somalia/
// pirate", "somalia/" when the nationality is the noun: "12 Somalis"),
// else the head noun.
func thingKey(v *claim.ValueFact) string {
	switch {
	case v.Spec == "":
		return v.Head
	case hasDigit(v.Spec):
		return v.Spec
	case strings.EqualFold(claim.NounDemonym(v.Head), v.Spec) || v.Head == "person" && v.Spec2 == "":
		return v.Spec + "/"
	}
	return v.Spec + "/" + v.Head
}

func hasDigit(s string) bool {
	return strings.ContainsAny(s, "0123456789")
}

// specific reports a bucket whose key alone says which fact it is: an
// attribute of a named thing, a magnitude, a depth, a count of a named
// kind of thing ("AK-47s"), a count of people in an act. Other buckets
// need context shared by the two values.
func specific(v *claim.ValueFact, holder int) bool {
	switch v.Attr {
	case claim.AttrAge, claim.AttrPopulation, claim.AttrDistance:
		return holder >= 0
	case claim.AttrMagnitude, claim.AttrDepth:
		return true
	case claim.AttrCount:
		return v.Spec != "" || v.Head == "person"
	}
	return false
}

// slotConflict is a conflict of one slot, with the values of each variant.
type slotConflict struct {
	c      crosscheck.Conflict
	groups [][]slotRef
}

// slotConflicts finds the slots that outlets give incompatible values.
// Every bucket is kept in s.buckets for the claims of agreed figures.
func (s *state) slotConflicts() []slotConflict {
	buckets := map[string][]slotRef{}
	var keys []string
	for i, it := range s.items {
		f := s.fact(i)
		off := s.offStory(f)
		for vi := range f.Values {
			v := &f.Values[vi]
			risen := false
			if v.Update && v.Attr == claim.AttrCount {
				// a count that rose is not compared, but the story learns
				// that its earlier figures were lower
				u := *v
				u.Update = false
				risen = usable(&u)
			}
			if !risen && !usable(v) || off && v.Attr != claim.AttrDate && v.Attr != claim.AttrMonth {
				continue
			}
			// "a 9.1 temblor in 2004": another year's
			if v.InYear != 0 && v.InYear != s.articleYear(it.art) {
				continue
			}
			r := slotRef{item: i, art: it.art, v: v, holder: -1, place: -1}
			if v.Holder >= 0 && v.Holder < len(s.gid[it.art]) {
				r.holder = s.gid[it.art][v.Holder]
			}
			if v.Place >= 0 && v.Place < len(s.gid[it.art]) {
				r.place = s.gid[it.art][v.Place]
			}
			r.subj = subjectOf(s.subjectKey(it.art, v.SubjectKey, v.Subject))
			k := s.bucketKey(r)
			if k == "" {
				continue
			}
			if risen {
				if s.risen == nil {
					s.risen = map[string]float64{}
				}
				s.risen[k] = math.Max(s.risen[k], v.Min)
				continue
			}
			if _, ok := buckets[k]; !ok {
				keys = append(keys, k)
			}
			buckets[k] = append(buckets[k], r)
		}
	}
	keys = mergeCompounds(buckets, keys)
	sort.Strings(keys)
	var out []slotConflict
	s.buckets = nil
	for _, k := range keys {
		c, ok := s.slotConflict(buckets[k], s.risen[k])
		if strings.HasSuffix(k, "|stat") {
			ok = false // nobody's statistics: outlets may agree on them, not dispute
		}
		// four shares or more, each its own: a table of results (the
		// parties of an election), not one share disputed
		if ok && strings.HasPrefix(k, "pct|") && len(c.groups) >= 4 {
			ok = false
		}
		if debugSlots {
			s.debugBucket(k, buckets[k], ok)
		}
		if ok {
			out = append(out, c)
			// the bucket's values outside the dispute may still agree
			// ("some 2 million people died in the civil war" beside a
			// disputed toll of the day)
			in := map[*claim.ValueFact]bool{}
			for _, g := range c.groups {
				for _, r := range g {
					in[r.v] = true
				}
			}
			var rest []slotRef
			for _, r := range buckets[k] {
				if !in[r.v] {
					rest = append(rest, r)
				}
			}
			if len(rest) > 1 {
				s.buckets = append(s.buckets, rest)
			}
		} else {
			s.buckets = append(s.buckets, buckets[k])
		}
	}
	return out
}

// slotConflict decides one bucket.
//
// risen is the highest figure a report says the count rose to (0 if none):
// figures up to it are earlier counts of a toll that grew, not a dispute.
func (s *state) slotConflict(refs []slotRef, risen float64) (slotConflict, bool) {
	var none slotConflict
	if len(refs) < 2 {
		return none, false
	}
	// per outlet, the distinct figures it gives
	perOutlet := map[string][]*claim.ValueFact{}
	for _, r := range refs {
		o := s.okey[r.art]
		dup := false
		for _, w := range perOutlet[o] {
			if sameFigure(w, r.v) {
				dup = true
				break
			}
		}
		if !dup {
			perOutlet[o] = append(perOutlet[o], r.v)
		}
	}
	if len(perOutlet) < 2 {
		return none, false
	}
	// a bucket whose outlets often give several values counts several
	// things; an outlet whose figures lie close together ($2.5 million in
	// its headline, $2.6 million in its text) states one thing
	// inconsistently, and each of its figures stands
	several := map[string]bool{}
	for o, vs := range perOutlet {
		for i := range vs {
			for j := i + 1; j < len(vs); j++ {
				if !near(vs[i], vs[j]) {
					several[o] = true
				}
			}
		}
	}
	// per item, its values in the bucket (for contrasted)
	byItem := map[int][]slotRef{}
	for _, r := range refs {
		byItem[r.item] = append(byItem[r.item], r)
	}
	// two figures that one outlet gives as two things ("measuring 7.6 and
	// 7.4": two quakes) are not one fact disputed
	both := func(x, y *claim.ValueFact) bool {
		for o, vs := range perOutlet {
			if !several[o] {
				continue
			}
			hx, hy := false, false
			for _, w := range vs {
				hx = hx || sameFigure(w, x)
				hy = hy || sameFigure(w, y)
			}
			if hx && hy && !s.contrasted(byItem, o, x, y) {
				return true
			}
		}
		return false
	}
	// the core: two outlets that each give one value, incompatible, about
	// the same fact. The values are grouped by figure first, so that each
	// pair of figures is weighed once (a story of 200 reports repeats a
	// handful of figures).
	var figs [][]slotRef
	for _, r := range refs {
		placed := false
		for f := range figs {
			if sameValueAll(figs[f], r.v) {
				figs[f] = append(figs[f], r)
				placed = true
				break
			}
		}
		if !placed {
			figs = append(figs, []slotRef{r})
		}
	}
	var core []slotRef
	// nor the month of an act other than a start: acts recur month after
	// month ("in March the Fed raised rates", "in June the Fed raised
	// rates"), and a report naming one month does not deny another
	if refs[0].v.Attr == claim.AttrMonth && refs[0].v.Spec != "start" {
		figs = nil
	}
	if refs[0].v.Attr == claim.AttrMeasure || refs[0].v.Attr == claim.AttrRecord || refs[0].v.Attr == claim.AttrCharge {
		// measures are not disputed, see bucketKey; nor records, which
		// differ by their span (a coach's 122-147 with one club, 284-286
		// over his career): outlets that give the same one agree
		figs = nil
	}
	for fa := 0; fa < len(figs); fa++ {
		for fb := fa + 1; fb < len(figs); fb++ {
			x, y := figs[fa][0].v, figs[fb][0].v
			if allAgree(figs[fa], figs[fb]) || both(x, y) || (vague(x) || vague(y)) && !farFromVague(x, y) || !commensurate(x, y) {
				continue
			}
			if risen > 0 && x.Min <= risen && y.Min <= risen {
				continue // "the death toll rose to 10": 3 was an earlier count
			}
			// "one bomb fell within the camp": one thing of a count is most
			// often a part of it, not a count
			if x.Attr == claim.AttrCount && x.Head != "person" && (x.N == 1 || y.N == 1) && !x.Total && !y.Total {
				continue
			}
			// magnitudes disputed are close (5.9 / 6.1); far apart they
			// are two quakes (7.6 and 6.1, or the 9.1 of 2004)
			if x.Attr == claim.AttrMagnitude && math.Abs(x.N-y.N) > 0.3 {
				continue
			}
			// the first pair of values of the two figures about one fact
			found := false
			for _, ra := range figs[fa] {
				for _, rb := range figs[fb] {
					if agree(ra.v, rb.v) || s.okey[ra.art] == s.okey[rb.art] && !s.disagreesWithin(ra, rb, refs) {
						continue
					}
					// one of the two outlets must give this slot one value:
					// two outlets that each count several things (the toll of
					// the 2004 tsunami beside today's) prove no dispute
					if several[s.okey[ra.art]] && several[s.okey[rb.art]] {
						continue
					}
					if ra.v.Attr == claim.AttrAge && s.agedApart(ra, rb) {
						continue
					}
					if s.sameSlot(ra, rb, true) {
						core = append(core, ra, rb)
						found = true
						break
					}
				}
				if found {
					break
				}
			}
		}
	}
	if debugSlots {
		fmt.Fprintf(os.Stderr, "  core %d\n", len(core)/2)
	}
	if len(core) == 0 {
		return none, false
	}
	// only figures that some pair disputes are variants: outlets that give
	// 12 and 15 for two girls' ages do not make 15 part of a dispute
	// between 11 and 12
	disputed := func(v *claim.ValueFact) bool {
		for _, c := range core {
			if sameValue(c.v, v) {
				return true
			}
		}
		return false
	}
	// members: the core, and every value of the bucket about the same fact
	// as a core value; an outlet that gives several values joins with the
	// figures it shares with an outlet that gives one
	member := func(r slotRef) bool {
		for _, c := range core {
			if c.item == r.item && c.v == r.v || s.sameSlot(r, c, false) {
				return true
			}
		}
		return false
	}
	var groups [][]slotRef
	for _, r := range refs {
		if !member(r) || !disputed(r.v) {
			continue
		}
		placed := false
		for g := range groups {
			if sameValueAll(groups[g], r.v) {
				groups[g] = append(groups[g], r)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, []slotRef{r})
		}
	}
	// a figure that fits every other ("more than 200") contradicts none:
	// it is left out
	var kept [][]slotRef
	for i, g := range groups {
		against := false
		for j, h := range groups {
			if i == j || against {
				continue
			}
			for _, x := range g {
				for _, y := range h {
					if !agree(x.v, y.v) {
						against = true
						break
					}
				}
				if against {
					break
				}
			}
		}
		if against {
			kept = append(kept, g)
		}
	}
	groups = kept
	if debugSlots {
		fmt.Fprintf(os.Stderr, "  groups %d\n", len(groups))
	}
	if len(groups) < 2 {
		return none, false
	}
	sort.SliceStable(groups, func(i, j int) bool { return len(groups[i]) > len(groups[j]) })
	c := crosscheck.Conflict{Kind: crosscheck.ConflictValue, About: s.slotAbout(groups[0][0])}
	for _, g := range groups {
		var items []int
		for _, r := range g {
			items = append(items, r.item)
		}
		c.Variants = append(c.Variants, s.variant(wordings(g), items))
	}
	return slotConflict{c: c, groups: groups}, true
}

// wordings joins the distinct ways a group of values is written, most
// used first: "three boats / three speedboats".
func wordings(g []slotRef) string {
	var words []string
	count := map[string]int{}
	for _, r := range g {
		p := r.v.Phrase
		if p == "" {
			p = r.v.Text
		}
		if count[p] == 0 {
			words = append(words, p)
		}
		count[p]++
	}
	sort.SliceStable(words, func(i, j int) bool { return count[words[i]] > count[words[j]] })
	return strings.Join(words, " / ")
}

// claimSlot names a slot conflict and makes each variant a disputed claim
// of its own: the sentences that state the figure. The sentences' own
// claims keep their status: a sentence that states a disputed figure may
// state other facts that outlets agree on.
func (s *state) claimSlot(sc *slotConflict) {
	s.nConflicts++
	sc.c.ID = "x" + itoa(s.nConflicts)
	for _, g := range sc.groups {
		s.claims = append(s.claims, s.slotClaim(g, true, sc.c.ID))
	}
}

// agreedSlots makes a claim of every figure two or more outlets give for
// a slot no outlet disputes: "10 people" killed, in four reports.
func (s *state) agreedSlots() {
	for _, refs := range s.buckets {
		var groups [][]slotRef
		for _, r := range refs {
			placed := false
			for g := range groups {
				// the same won-lost record is the same fact wherever it
				// is told, as is one person's age
				if sameFigure(r.v, groups[g][0].v) && (r.v.Attr == claim.AttrRecord || r.v.Attr == claim.AttrCharge || r.v.Attr == claim.AttrAge && r.holder >= 0 && r.holder == groups[g][0].holder || s.sameSlot(r, groups[g][0], false)) {
					groups[g] = append(groups[g], r)
					placed = true
					break
				}
			}
			if !placed {
				groups = append(groups, []slotRef{r})
			}
		}
		for _, g := range groups {
			outlets := map[string]bool{}
			for _, r := range g {
				outlets[s.okey[r.art]] = true
			}
			if len(outlets) >= 2 {
				s.claims = append(s.claims, s.slotClaim(g, false, ""))
			}
		}
	}
	s.buckets = nil
}

// slotClaim is the claim of one figure of a slot.
func (s *state) slotClaim(g []slotRef, disputed bool, conflict string) claimGroup {
	cg := claimGroup{slot: true, disputed: disputed}
	if conflict != "" {
		cg.conflicts = []string{conflict}
	}
	seen := map[int]bool{}
	count := map[string]int{}
	for _, r := range g {
		if !seen[r.item] {
			seen[r.item] = true
			cg.items = append(cg.items, r.item)
		}
		p := r.v.Phrase
		if p == "" {
			p = r.v.Text
		}
		count[p]++
		if count[p] > count[cg.text] || count[p] == count[cg.text] && len(p) > len(cg.text) {
			cg.text = p
		}
	}
	if h := g[0].holder; h >= 0 {
		cg.subject = s.ents[h].Name
	}
	cg.vals = []crosscheck.Value{g[0].v.Value}
	if keyedValue(g[0].v.Attr) {
		cg.vals = nil // the claim's words say it (see keyedValue)
	}
	return cg
}

// sameSlot reports whether two values of one bucket speak of the same
// fact: no different years, months, weekdays or towns, no different acts,
// the same thing counted, and, for a common noun, some context shared
// (strict: the pair that makes the conflict).
func (s *state) sameSlot(a, b slotRef, strict bool) bool {
	va, vb := a.v, b.v
	if va.Attr == claim.AttrCount && !sameThing(va, vb) {
		return false
	}
	if va.Attr == claim.AttrDistance && va.Of != "" && vb.Of != "" && va.Of != vb.Of {
		return false // the building and the motorist, each some miles from Detroit
	}
	if va.VerbClass != "" && vb.VerbClass != "" && va.VerbClass != vb.VerbClass && (va.Head == "person" || va.Attr != claim.AttrCount) {
		return false
	}
	fa, fb := s.fact(a.item), s.fact(b.item)
	// the moments the sentences name tell events apart, but for a date,
	// which is the value compared
	if va.Attr != claim.AttrDate && va.Attr != claim.AttrMonth && (apart(fa.Years, fb.Years) || apart(fa.Months, fb.Months) || apart(fa.Weekdays, fb.Weekdays)) {
		return false
	}
	// months of two years ("in February", "in December 2003") are of two
	// events: a month's year is often the reader's guess
	if va.Attr == claim.AttrMonth && monthYear(va) != monthYear(vb) {
		return false
	}
	// "43 RBIs in 54 games" and "121 RBIs in 157 games": over other spans
	if va.Attr == claim.AttrCount && spansApart(fa, fb) {
		return false
	}
	// the towns a distance names are its reference points, not where the
	// event happened ("east of Cloverdale and 26 miles from Santa Rosa")
	// (and a population is of the place that holds it, whatever else the
	// sentence names)
	if va.Attr != claim.AttrDistance && va.Attr != claim.AttrPopulation && !s.sameSetting(a.item, b.item, "-", "-") || !s.sameCountry(a.item, b.item) || toll(va) && !s.sameDay(a.item, b.item) {
		return false
	}
	if a.subj != "" && b.subj != "" && a.subj != b.subj && (va.Attr == claim.AttrPercent || strings.HasPrefix(va.Attr, claim.AttrMoney) && !va.Conv && va.Head != "haul" && va.Head != "bailout") {
		return false
	}
	if strict && !specific(va, a.holder) && s.shared(a, b) < 1.5 {
		return false
	}
	// a day is disputed only between sentences that say nearly the same
	// thing ("HP announced on Tuesday" / "HP on Monday said it agreed"):
	// a story names many days, of many acts
	if strict && va.Attr == claim.AttrDate && s.shared(a, b) < 4 {
		return false
	}
	// an act starts once: the month of a start needs less ("fighting ...
	// began in July", "rebels have been fighting since June")
	if strict && va.Attr == claim.AttrMonth && s.shared(a, b) < 2 {
		return false
	}
	return true
}

// shared weighs what the sentences of two values have in common besides
// the value: entities, credited sources and content words, each by its
// rarity in the story (an inverse document frequency over its sentences).
func (s *state) shared(a, b slotRef) float64 {
	fa, fb := s.fact(a.item), s.fact(b.item)
	skip := map[string]bool{claim.Stem(a.v.Head): true, claim.Stem(b.v.Head): true, a.v.VerbLemma: true, b.v.VerbLemma: true}
	stems := map[string]bool{}
	for _, st := range fa.Stems {
		stems[st] = true
	}
	score := 0.0
	// one act done to one kind of thing ("five bombs were dropped" /
	// "dropped four bombs") is shared context, when neither sentence
	// limits it to a place the other does not name ("10 houses were
	// damaged in Takengon" is a part of the quake's toll) and neither
	// gives it another doer (the mayor's 11 answers, the governor's 14)
	if a.v.Attr == claim.AttrCount && a.v.Head != "person" && a.v.VerbLemma != "" && a.v.VerbLemma == b.v.VerbLemma &&
		(a.subj == b.subj || a.subj == "" || b.subj == "") && maps.Equal(s.townsOf(a.item), s.townsOf(b.item)) {
		score += s.idf["s:"+a.v.VerbLemma]
	}
	for _, st := range fb.Stems {
		if stems[st] && !skip[st] {
			score += s.idf["s:"+st]
		}
	}
	ents := map[int]bool{}
	for _, e := range fa.Entities {
		ents[s.gid[a.art][e]] = true
	}
	for _, e := range fb.Entities {
		if g := s.gid[b.art][e]; ents[g] {
			score += s.idf["e:"+itoa(g)]
		}
	}
	ca := map[string]bool{}
	for _, c := range s.creditsOf(a.item) {
		ca[strings.ToLower(c.Source)] = true
	}
	for _, c := range s.creditsOf(b.item) {
		if ca[strings.ToLower(c.Source)] {
			score += 1
		}
	}
	return score
}

// slotIDF weighs stems and entities by how few of the story's sentences
// hold them: log(n/df), capped.
func (s *state) slotIDF() {
	df := map[string]int{}
	n := 0
	for a, an := range s.ans {
		for _, f := range an.Facts {
			n++
			seen := map[string]bool{}
			for _, st := range f.Stems {
				seen["s:"+st] = true
			}
			for _, e := range f.Entities {
				seen["e:"+itoa(s.gid[a][e])] = true
			}
			for k := range seen {
				df[k]++
			}
		}
	}
	s.idf = make(map[string]float64, len(df))
	for k, d := range df {
		s.idf[k] = math.Min(3, math.Log(float64(n+1)/float64(d)))
	}
}

// sameThing reports whether two counts count the same thing: the same
// distinctive modifier, heads that are equal or one a compound of the
// other ("speedboats" and "boats").
func sameThing(a, b *claim.ValueFact) bool {
	if a.Spec != b.Spec {
		return false
	}
	if a.Spec != "" {
		return true
	}
	ha, hb := a.Head, b.Head
	if ha == hb {
		return true
	}
	if len(ha) > len(hb) {
		ha, hb = hb, ha
	}
	return len(ha) >= 3 && strings.HasSuffix(hb, ha)
}

// apart reports two non-empty sets of moments with nothing in common.
// monthYear is the year of a month value.
func monthYear(v *claim.ValueFact) int {
	return time.Unix(int64(v.Min), 0).UTC().Year()
}

// spansApart reports two sentences that count the same spans of time or
// play ("54 games", "157 games") with no figure in common: their other
// figures are over different spans.
func spansApart(a, b *claim.Fact) bool {
	found := false
	for i := range a.Values {
		x := &a.Values[i]
		if x.Attr != claim.AttrCount || !timeHeads[x.Head] {
			continue
		}
		for j := range b.Values {
			y := &b.Values[j]
			if y.Attr != claim.AttrCount || y.Head != x.Head {
				continue
			}
			if x.N == y.N {
				return false
			}
			found = true
		}
	}
	return found
}

func apart(a, b []int) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		for _, y := range b {
			if x == y {
				return false
			}
		}
	}
	return true
}

// sameFigure reports two values that state the same figure, whatever
// their hedges: "about 80" and "80"; a conversion ("30 miles" / "48km")
// within 3%.
func sameFigure(a, b *claim.ValueFact) bool {
	x, y := a.N, b.N
	if x == y {
		return true
	}
	if a.Attr == claim.AttrDate || a.Attr == claim.AttrMonth || a.Attr == claim.AttrAge || a.Attr == claim.AttrRecord || a.Attr == claim.AttrDeathPlace || a.Attr == claim.AttrCharge {
		return false // November 18 is not November 19, 58-3 not 58-4
	}
	d, m := math.Abs(x-y), math.Max(math.Abs(x), math.Abs(y))
	tol := 0.005
	if a.Attr == claim.AttrDistance || a.Attr == claim.AttrMeasure || a.Attr == claim.AttrDepth {
		tol = 0.03
	}
	return d <= tol*m
}

// storyMoment finds the year and month of the story from the articles'
// publication dates, when most articles have one.
func (s *state) storyMoment() {
	years, months := map[int]int{}, map[int]int{}
	dated := 0
	for _, an := range s.ans {
		if p := an.Article.Published; !p.IsZero() {
			dated++
			years[p.Year()]++
			months[p.Year()*100+int(p.Month())]++
		}
	}
	if dated*2 < len(s.ans) {
		return
	}
	s.year = mode(years)
	if ym := mode(months); ym != 0 {
		s.month = ym % 100
	}
}

// mode returns the key with the highest count when at least two articles
// name it and no other key ties with it; 0 otherwise.
func mode(c map[int]int) int {
	best, n, tie := 0, 1, false
	for k, v := range c {
		switch {
		case v > n:
			best, n, tie = k, v, false
		case v == n:
			tie = true
		}
	}
	if tie || n < 2 {
		return 0
	}
	return best
}

// offStory reports a sentence set at another time than the story's by a
// time adverbial that opens it: "In February, a gunman killed five
// people". Without publication dates any such month or year counts as
// another time: news opens with a month only for background.
func (s *state) offStory(f *claim.Fact) bool {
	for _, y := range f.LeadYears {
		if s.year == 0 || y != s.year {
			return true
		}
	}
	for _, m := range f.LeadMonths {
		if s.month == 0 || m != s.month {
			return true
		}
	}
	return false
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// slotAbout says what a slot is, in the words of one of its values.
func (s *state) slotAbout(r slotRef) string {
	v := r.v
	noun := strings.TrimSpace(strings.TrimPrefix(v.Phrase, v.Text))
	if !strings.HasPrefix(v.Phrase, v.Text) {
		// "and 43" beside "43 RBIs": the words after the figure
		w := strings.Fields(v.Phrase)
		for i, x := range w {
			if hasDigit(x) {
				noun = strings.Join(w[i+1:], " ")
				break
			}
		}
	}
	switch v.Attr {
	case claim.AttrAge:
		if r.holder >= 0 {
			return "age of " + s.ents[r.holder].Name
		}
		return "age of the " + v.Head
	case claim.AttrPopulation:
		if r.holder >= 0 {
			return "population of " + s.ents[r.holder].Name
		}
		return "population"
	case claim.AttrMagnitude:
		return "magnitude of the " + v.Head
	case claim.AttrDepth:
		return "depth"
	case claim.AttrCount:
		if strings.HasSuffix(thingKey(v), "/") && v.Spec != "" {
			// "12 Somali": people of a country, "number of Somalis"
			w := strings.Fields(v.Phrase)
			noun = strings.TrimSuffix(w[len(w)-1], "s") + "s"
		}
		if noun == "" {
			noun = plural(v.Head) // "number of boats"
			if v.Head == "person" && v.Spec2 != "" {
				noun = plural(v.Spec2) // "passengers", not "person"
			}
		}
		if v.Other && !strings.HasPrefix(noun, "other ") {
			noun = "other " + noun // "three other rifles" beside "seven AK-47s"
		}
		if v.Head == "person" && v.VerbLemma != "" {
			return "number of " + noun + " (" + verbWord(v) + ")"
		}
		return "number of " + noun
	case claim.AttrMeasure:
		return "size of the " + v.Head
	case claim.AttrTime:
		return "time of day (" + verbWord(v) + ")"
	case claim.AttrDistance:
		if r.holder >= 0 {
			return "distance from " + s.ents[r.holder].Name
		}
		return "distance"
	case claim.AttrPercent:
		return "percentage"
	case claim.AttrDeathPlace:
		return "where the victim died"
	case claim.AttrDate:
		if w := verbWord(v); w != "" {
			return "date (" + w + ")"
		}
		return "date"
	case claim.AttrMonth:
		if w := verbWord(v); w != "" {
			return "month (" + w + ")"
		}
		return "month"
	}
	if strings.HasPrefix(v.Attr, claim.AttrMoney) {
		return "amount of the " + v.Head
	}
	return v.Attr
}

// near reports two figures close enough to be one quantity stated twice,
// differently: within 10%, or a few tenths of a magnitude.
func near(a, b *claim.ValueFact) bool {
	x, y := math.Abs(a.N), math.Abs(b.N)
	if a.Attr == claim.AttrMagnitude {
		return math.Abs(x-y) <= 0.25
	}
	return math.Abs(x-y) <= 0.1*math.Max(x, y)
}

// agree reports whether two values of a slot can both be true.
func agree(a, b *claim.ValueFact) bool {
	switch a.Attr {
	case claim.AttrDate:
		if a.Weekday != 0 || b.Weekday != 0 {
			return a.Weekday == b.Weekday
		}
		return a.Month == b.Month && a.Day == b.Day
	case claim.AttrDistance:
		if !sameDirection(a.Dir, b.Dir) {
			return false
		}
	}
	alo, ahi := slotBounds(a)
	blo, bhi := slotBounds(b)
	return alo < bhi && blo < ahi
}

// slotBounds widens an exact figure by what its rounding allows, by
// attribute: magnitudes are given to a tenth, sums of money and shares to
// their last digit, a clock time to a few minutes, lengths converted from
// other units to a few percent. A hedged figure keeps the range its words
// give ("about 30", "more than 200").
func slotBounds(v *claim.ValueFact) (float64, float64) {
	lo, hi := v.Min, v.Max
	if lo != hi {
		return lo, hi
	}
	d := math.Abs(lo) * exactTolerance
	switch v.Attr {
	case claim.AttrMagnitude:
		d = 0.05
	case claim.AttrAge:
		d = 0.5
	case claim.AttrPercent:
		d = 0.5
	case claim.AttrTime:
		d = 300
		if int64(lo)%3600 == 0 {
			d = 1500 // "at 7 a.m." is not to the minute: 07:25 may be meant, 07:30 not
		}
	case claim.AttrCount, claim.AttrPopulation:
		d = math.Max(0.5, math.Abs(lo)*0.02)
	case claim.AttrDistance, claim.AttrDepth, claim.AttrMeasure:
		d = math.Abs(lo) * 0.03
	default:
		if strings.HasPrefix(v.Attr, claim.AttrMoney) {
			d = math.Abs(lo) * 0.005
		}
	}
	return lo - d, hi + d
}

// disagreesWithin reports one outlet's two values that it states as one
// thing: close figures ("$2.5 million" in the headline, "$2.6 million" in
// the text).
func (s *state) disagreesWithin(a, b slotRef, _ []slotRef) bool {
	return near(a.v, b.v) && a.item != b.item
}

// directions in degrees, for telling "east of Aden" from "west of Aden".
var bearing = map[string]float64{"north": 0, "northeast": 45, "north-east": 45, "east": 90, "southeast": 135,
	"south-east": 135, "south": 180, "southwest": 225, "south-west": 225, "west": 270, "northwest": 315,
	"north-west": 315, "northern": 0, "southern": 180, "eastern": 90, "western": 270}

// sameDirection reports two directions less than 90 degrees apart, or
// either unstated.
func sameDirection(a, b string) bool {
	x, okA := bearing[a]
	y, okB := bearing[b]
	if !okA || !okB {
		return true
	}
	d := math.Abs(x - y)
	if d > 180 {
		d = 360 - d
	}
	return d < 90
}

// vague reports a value too loose to contradict anything by itself:
// "dozens", "hundreds of".
func vague(v *claim.ValueFact) bool {
	w := strings.ToLower(v.Text)
	for _, x := range []string{"dozens", "hundreds", "thousands", "several", "scores"} {
		if strings.Contains(w, x) {
			return true
		}
	}
	return false
}

// commensurate reports two figures close enough to be accounts of one
// quantity: outlets that disagree give 80 and 50, or 3 and 2, not 80 and
// 1,400 (that is another quantity, usually another event's).
func commensurate(a, b *claim.ValueFact) bool {
	if a.Attr != claim.AttrCount && a.Attr != claim.AttrPopulation && !strings.HasPrefix(a.Attr, claim.AttrMoney) {
		return true
	}
	x, y := math.Abs(a.N), math.Abs(b.N)
	lo, hi := math.Min(x, y), math.Max(x, y)
	// "no casualties" against "12 people had been killed": none is
	// commensurate with any toll
	if lo == 0 && (a.Max == 0 || b.Max == 0) && a.Head == "person" {
		return true
	}
	return hi <= 10 || lo > 0 && hi/lo <= 5
}

// debugSlots prints every bucket and its fate (CROSSCHECK_DEBUG_SLOTS=1):
// a development aid.
var debugSlots = os.Getenv("CROSSCHECK_DEBUG_SLOTS") != ""

func (s *state) debugBucket(k string, refs []slotRef, ok bool) {
	if len(refs) < 2 {
		return
	}
	fmt.Fprintf(os.Stderr, "bucket %s conflict=%v risen=%g\n", k, ok, s.risen[k])
	for i, r := range refs {
		fmt.Fprintf(os.Stderr, "   %-14s %-30q N=%g", s.okey[r.art], r.v.Phrase, r.v.N)
		for j := 0; j < i; j++ {
			q := refs[j]
			if s.okey[q.art] != s.okey[r.art] && !agree(r.v, q.v) {
				fmt.Fprintf(os.Stderr, " [vs %d: same=%v shared=%.1f]", j, s.sameSlot(r, q, true), s.shared(r, q))
			}
		}
		fmt.Fprintln(os.Stderr)
	}
}

// mostCounted picks of keys the one bucket with the most values: the only
// one, or one with at least two values and more than any other; "" if none.
func mostCounted(buckets map[string][]slotRef, keys []string) string {
	if len(keys) == 1 {
		return keys[0]
	}
	best, n, tie := "", 0, false
	for _, k := range keys {
		switch m := len(buckets[k]); {
		case m > n:
			best, n, tie = k, m, false
		case m == n:
			tie = true
		}
	}
	if tie || n < 2 {
		return ""
	}
	return best
}

// mergeCompounds joins the count bucket of a closed compound to the bucket
// of its head when the story has both: "three speedboats" and "two boats"
// count the same boats. Heads shorter than four letters and people are
// left apart ("crewman" is no count of "man"). A nationality counted
// without a noun ("12 Somali") joins the count of that nationality's only
// noun ("23 Somali pirates").
func mergeCompounds(buckets map[string][]slotRef, keys []string) []string {
	nouns := map[string][]string{} // "count|somalia/" -> keys with a noun
	for _, k := range keys {
		if i := strings.Index(k, "/"); i > 0 && strings.HasPrefix(k, "count|") && !strings.HasSuffix(k, "/") {
			bare := k[:i+1]
			nouns[bare] = append(nouns[bare], k)
		}
	}
	// a sum in brackets ("2m euros ($2.6m)") joins the one sum of its
	// currency that states the same figure ("a $2.6 million heist")
	for _, k := range keys {
		cur, ok := strings.CutSuffix(k, "|conv")
		if !ok {
			continue
		}
		var rest []slotRef
		for _, r := range buckets[k] {
			// the bucket where most values state the figure; a tie is unsure
			into, best, tie := "", 0, false
			for _, k2 := range keys {
				if k2 == k || !strings.HasPrefix(k2, cur+"|") {
					continue
				}
				n := 0
				for _, q := range buckets[k2] {
					if sameFigure(q.v, r.v) {
						n++
					}
				}
				switch {
				case n > best:
					into, best, tie = k2, n, false
				case n == best && n > 0:
					tie = true
				}
			}
			if into == "" || tie {
				rest = append(rest, r)
				continue
			}
			buckets[into] = append(buckets[into], r)
		}
		buckets[k] = rest
	}
	// "the 12-year-old" joins the one kind of person the story gives that
	// age ("a 12-year-old girl"); with none, or several, it is left out
	if refs, ok := buckets["age|?"]; ok {
		for _, r := range refs {
			into := ""
			for _, k2 := range keys {
				if !strings.HasPrefix(k2, "age|h") {
					continue
				}
				for _, q := range buckets[k2] {
					if sameFigure(q.v, r.v) {
						if into != "" && into != k2 {
							into = "-"
						} else if into == "" {
							into = k2
						}
						break
					}
				}
			}
			if into != "" && into != "-" {
				buckets[into] = append(buckets[into], r)
			}
		}
		delete(buckets, "age|?")
	}
	var kept []string
	for _, k := range keys {
		if _, ok := buckets[k]; !ok {
			continue
		}
		// "12 Somalis" are of the one kind of Somali the story counts, or
		// of the kind it counts most ("23 Somali pirates" beside "three
		// Somali clans")
		if into := mostCounted(buckets, nouns[k]); into != "" {
			buckets[into] = append(buckets[into], buckets[k]...)
			delete(buckets, k)
			continue
		}
		kept = append(kept, k)
	}
	keys = kept
	heads := map[string]string{} // head -> bucket key
	for _, k := range keys {
		if h, ok := strings.CutPrefix(k, "count|"); ok && !strings.Contains(h, "|") {
			heads[h] = k
		}
	}
	var out []string
	for _, k := range keys {
		// ("23 Somali pirates" stay apart from "23 pirates": the kind is
		// what they count)
		h, ok := strings.CutPrefix(k, "count|")
		if !ok || strings.Contains(h, "|") || strings.Contains(h, "/") {
			out = append(out, k)
			continue
		}
		into := ""
		for h2, k2 := range heads {
			if h2 != h && len(h2) >= 4 && h2 != "person" && strings.HasSuffix(h, h2) && (into == "" || len(h2) > len(strings.TrimPrefix(into, "count|"))) {
				into = k2
			}
		}
		if into == "" {
			out = append(out, k)
			continue
		}
		buckets[into] = append(buckets[into], buckets[k]...)
		delete(buckets, k)
	}
	return out
}

// contrasted reports an outlet that states two figures in one sentence set
// against each other: "Tehran's seismologic center put the magnitude at
// 5.9, but the U.S. Geological Survey said it was 6.1" reports a dispute,
// not two things.
func (s *state) contrasted(byItem map[int][]slotRef, o string, x, y *claim.ValueFact) bool {
	for item, rs := range byItem {
		if len(rs) < 2 || s.okey[rs[0].art] != o {
			continue
		}
		hx, hy := false, false
		for _, r := range rs {
			hx = hx || sameFigure(r.v, x)
			hy = hy || sameFigure(r.v, y)
		}
		if hx && hy && contrastWord(s.fact(item).Text) {
			return true
		}
	}
	return false
}

// contrastWord reports a sentence that opposes two statements.
func contrastWord(t string) bool {
	t = " " + strings.ToLower(t) + " "
	for _, w := range []string{" but ", " while ", " whereas ", " however", " although ", " though "} {
		if strings.Contains(t, w) {
			return true
		}
	}
	return false
}

// agedApart reports two ages that the years between their articles
// explain: 38 in a report of the 2007 shooting, 39 in one of the 2008
// trial. An article's year is its publication's, else the latest year it
// names.
func (s *state) agedApart(a, b slotRef) bool {
	ya, yb := s.articleYear(a.art), s.articleYear(b.art)
	if ya == 0 || yb == 0 {
		return false
	}
	return math.Abs(a.v.N-b.v.N) <= math.Abs(float64(ya-yb))
}

func (s *state) articleYear(a int) int {
	if y := s.ownYear(a); y != 0 {
		return y
	}
	// an article that names no year is of the year most articles name
	years := map[int]int{}
	for b := range s.ans {
		if y := s.ownYear(b); y != 0 {
			years[y]++
		}
	}
	return mode(years)
}

func (s *state) ownYear(a int) int {
	an := s.ans[a]
	if !an.Article.Published.IsZero() {
		return an.Article.Published.Year()
	}
	y := 0
	for _, f := range an.Facts {
		for _, x := range f.Years {
			if x > y && x <= 2100 {
				y = x
			}
		}
	}
	return y
}

// singularKey folds a plural noun ("passengers") to its key.
func singularKey(w string) string {
	return strings.TrimSuffix(strings.ToLower(w), "s")
}

// mainPlace is the place (no country) the most articles of the story name,
// -1 when none is named by two.
func (s *state) mainPlace() int {
	if s.main != nil {
		return *s.main
	}
	best, n := -1, 1
	for g, e := range s.ents {
		if e.Kind != crosscheck.KindPlace || claim.IsCountry(e.Name) {
			continue
		}
		if len(e.Articles) > n {
			best, n = g, len(e.Articles)
		}
	}
	s.main = &best
	return best
}

// sameValue reports two values that say the same: the same figure and,
// for a distance, the same direction ("150 nautical miles east of Aden" is
// not "150 nautical miles west of Aden").
func sameValue(a, b *claim.ValueFact) bool {
	if !sameFigure(a, b) {
		return false
	}
	// "nearly 300" and "more than 300": one figure, two sides of it
	if a.Min != a.Max && b.Min != b.Max && !agree(a, b) {
		return false
	}
	if a.Attr == claim.AttrDistance && a.Dir != "" && b.Dir != "" && !sameDirection(a.Dir, b.Dir) {
		return false
	}
	return true
}

// sameValueAll reports a value that says the same as every value of a
// group: "150 nautical miles from Aden" may join "east of" or "west of",
// not both.
func sameValueAll(g []slotRef, v *claim.ValueFact) bool {
	for _, r := range g {
		if !sameValue(r.v, v) {
			return false
		}
	}
	return true
}

// allAgree reports two groups of values every pair of which can both be
// true.
func allAgree(a, b []slotRef) bool {
	for _, x := range a {
		for _, y := range b {
			if !agree(x.v, y.v) {
				return false
			}
		}
	}
	return true
}

// verbWord is the verb of a value as people read it: "carry", not the
// key "carri".
func verbWord(v *claim.ValueFact) string {
	w := v.VerbWord
	if w == "" {
		return v.VerbLemma
	}
	// "holding": the dictionary gives the noun; the key is the verb's stem
	if strings.HasSuffix(w, "ing") && len(v.VerbLemma) < len(w) && strings.HasPrefix(w, v.VerbLemma) {
		return v.VerbLemma
	}
	return w
}

// plural is the plural of a person noun: "passenger" -> "passengers",
// "crewman" -> "crewmen", "child" -> "children".
func plural(w string) string {
	switch {
	case strings.HasSuffix(w, "s") || strings.HasSuffix(w, "men") || w == "people" || w == "children" || w == "police":
		return w
	case w == "child":
		return "children"
	case w == "person":
		return "people"
	case strings.HasSuffix(w, "man"):
		return w[:len(w)-3] + "men"
	case strings.HasSuffix(w, "y") && len(w) > 2 && !strings.ContainsRune("aeiou", rune(w[len(w)-2])):
		return w[:len(w)-1] + "ies"
	}
	return w + "s"
}

// islandOf is the place an island's full name names when the story also
// names it bare: "Qeshm Island" is the "Qeshm" other reports call "Qeshm
// island" in lower case. Other names stay as they are ("Qeshm City" is a
// town on it).
func (s *state) islandOf(g int) int {
	name := s.ents[g].Name
	base := ""
	for _, suf := range []string{" Island", " island", " Isle"} {
		if b, ok := strings.CutSuffix(name, suf); ok {
			base = b
		}
	}
	if base == "" {
		return g
	}
	for i, e := range s.ents {
		if i != g && e.Kind == crosscheck.KindPlace && e.Name == base {
			return i
		}
	}
	return g
}

// toll reports a count of people killed, hurt or held: the figures of
// one day's event ("a day after the ship ran aground with 381 passengers"
// names another day and the same ship; "the bombing of Guffa on Tuesday,
// which killed seven" another event).
func toll(v *claim.ValueFact) bool {
	if v.Attr != claim.AttrCount || v.Head != "person" {
		return false
	}
	switch v.VerbClass {
	case "die", "injure", "hospitalis", "arrest":
		return true
	}
	return false
}

// severalDead reports a story in which some report counts more than one
// dead.
func (s *state) severalDead() bool {
	if s.dead != nil {
		return *s.dead
	}
	// the toll most reports give: one early report of two dead is not the
	// story's count
	one, more := map[int]bool{}, map[int]bool{}
	for i, it := range s.items {
		for _, v := range s.fact(i).Values {
			if v.Attr != claim.AttrCount || v.Head != "person" || v.VerbClass != "die" || v.Other || v.Part || v.InYear != 0 {
				continue
			}
			if v.N == 1 && v.Max == 1 {
				one[it.art] = true
			} else if v.N > 1 {
				more[it.art] = true
			}
		}
	}
	several := len(more) >= len(one)
	s.dead = &several
	return several
}

// farFromVague reports a vague plural and an exact figure far outside it:
// "dozens of others were seriously injured" and "eight people suffered
// serious injuries" (eight is not dozens, by half or more); "dozens" and
// 20 stay compatible.
func farFromVague(x, y *claim.ValueFact) bool {
	if vague(x) == vague(y) {
		return false
	}
	if vague(y) {
		x, y = y, x
	}
	if y.Min != y.Max || strings.Contains(strings.ToLower(x.Text), "several") || x.Max >= 1e17 {
		return false
	}
	// only people counted as people: "dozens of children" and "eight
	// RCMP officers" are other people, "thousands of cores" and "768
	// cores" other cores
	if x.Head != "person" || y.Head != "person" || !plainPeople(x.Spec2) || !plainPeople(y.Spec2) {
		return false
	}
	return y.Max*2 <= x.Min || y.Min >= x.Max*2
}

// plainPeople reports a person noun that says nothing of who they are.
func plainPeople(w string) bool {
	switch w {
	case "", "people", "person", "persons", "other", "others":
		return true
	}
	return false
}

// sumSubject reports a clause subject that is a sum itself ("a $103.1
// million sum ... and a $70 million contract for J. D. Drew"): it says
// nothing of whose deal a figure is.
func sumSubject(subj string) bool {
	h, ok := strings.CutPrefix(subj, "H:")
	if !ok {
		return false
	}
	h = strings.TrimSuffix(h, "|")
	if len(h) == 3 && strings.ToUpper(h) == h {
		return true // a currency code: USD, EUR
	}
	switch h {
	case "dollar", "euro", "pound", "million", "billion", "sum", "amount", "figure", "total":
		return true
	}
	return false
}

// statHeads are the things a player's statistics count.
var statHeads = map[string]bool{
	"touchdown": true, "pass": true, "rebound": true, "rbi": true, "rbis": true, "assist": true, "yard": true,
	"homer": true, "strikeout": true, "tackle": true, "sack": true, "interception": true, "ko": true, "kos": true,
	"knockout": true, "steal": true, "reception": true, "catch": true, "completion": true, "carry": true,
	"point": true, "basket": true, "save": true, "block": true, "inning": true, "walk": true, "hit": true,
}
