package claim

import (
	_ "embed"
	"hash/fnv"
	"sort"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/lang"
)

// A value's slot says which fact it measures, so that check compares "two
// boats" with "three speedboats" and not with "two helicopters": the
// attribute (a count, an age, a magnitude, a population, a sum of money),
// the counted thing (its head noun and a distinctive modifier), the act
// that governs it (its verb's class: "killing 10" and "10 died" are one
// count of dead), and the context that can make two values different
// facts (another set, another year, another place, a forecast, an update).
// The noun phrase and the verbs come from the part-of-speech tagger.

//go:embed data/frames.txt
var framesData string

var (
	verbClass   = map[string]string{} // verb lemma or noun stem -> class
	personNouns = map[string]bool{}
	otherWords  = map[string]bool{}
	updateWords = map[string]bool{}
	modalWords  = map[string]bool{}
	quakeNouns  = map[string]string{} // noun -> "quake" or "aftershock"
	moneyNouns  = map[string]string{} // noun -> the thing a sum is of
)

func init() {
	for _, line := range strings.Split(framesData, "\n") {
		if k := strings.IndexByte(line, '#'); k >= 0 {
			line = line[:k]
		}
		head, words, ok := strings.Cut(line, ":")
		if !ok {
			continue
		}
		f := strings.Fields(head)
		for _, w := range strings.Fields(words) {
			w = strings.ReplaceAll(w, "_", " ")
			switch f[0] {
			case "verb":
				verbClass[w] = f[1]
			case "person":
				personNouns[w] = true
			case "other":
				otherWords[w] = true
			case "update":
				updateWords[w] = true
			case "modal":
				modalWords[w] = true
			case "quake", "aftershock":
				quakeNouns[w] = f[0]
			case "money":
				moneyNouns[w] = f[1]
			}
		}
	}
}

// Attribute names of ValueFact.Attr.
const (
	AttrCount      = "count"
	AttrAge        = "age"
	AttrMagnitude  = "magnitude"
	AttrPopulation = "population"
	AttrDistance   = "distance"
	AttrSpeed      = "speed"
	AttrMoney      = "money"
	AttrPercent    = "percent"
	AttrDuration   = "duration"
	AttrTime       = "time"
	AttrDate       = "date"
	// AttrMonth is a date stated to the month: "in July", "in September 2007"
	AttrMonth   = "month"
	AttrNumber  = "number"
	AttrMeasure = "measure"
	AttrDepth   = "depth"
	// AttrRecord is a won-lost record or a game's score ("58-3", "an
	// 88-72 setback"); Spec "score" for a game's
	AttrRecord = "record"
	// AttrDeathPlace is where someone died: at the scene (1), on the way
	// to hospital (2), in hospital (3)
	AttrDeathPlace = "deathplace"
	// AttrCharge is the offence someone is charged with, accused or
	// convicted of ("first-degree murder"); N is a key of its words
	AttrCharge = "charge"
)

// distanceUnits are lengths in metres.
var distanceUnits = map[string]float64{
	"mile": 1609.344, "miles": 1609.344, "mi": 1609.344, "km": 1000, "kms": 1000, "kilometer": 1000,
	"kilometers": 1000, "kilometre": 1000, "kilometres": 1000, "meter": 1, "meters": 1, "metre": 1,
	"metres": 1, "m": 1, "foot": 0.3048, "feet": 0.3048, "ft": 0.3048, "yard": 0.9144, "yards": 0.9144,
	"inch": 0.0254, "inches": 0.0254, "cm": 0.01, "centimeter": 0.01, "centimeters": 0.01,
	"centimetre": 0.01, "centimetres": 0.01,
}

// nationalityAfter reads a copula and a demonym from token k: "are
// Somali", "were reported to be Yemeni"; "" if there is none.
func nationalityAfter(toks []token, k int) string {
	if k >= len(toks) || !copulas[toks[k].low] {
		return ""
	}
	k++
	// "reported to be", "said to be", "believed to be"
	if k+2 < len(toks) && toks[k].pos == "VBN" && toks[k+1].low == "to" && toks[k+2].low == "be" {
		k += 3
	}
	if k < len(toks) && toks[k].cap && specKey2(toks[k].low) != "" && (k+1 == len(toks) || toks[k+1].kind != 'w' || toks[k+1].low == "and" || toks[k+1].low == "or") {
		return toks[k].low
	}
	return ""
}

var copulas = set(`are were is was`)

// isNumberTok reports a figure written in digits or in words.
func isNumberTok(t token) bool {
	return t.kind == 'n' || numberWords[t.low] > 0
}

// afterEvent reports a noun at t introduced as an event by "after",
// "before" or "following" ("after a shooting", "following the attack").
func afterEvent(toks []token, t int) bool {
	k := t - 1
	if k >= 0 && (toks[k].low == "a" || toks[k].low == "an" || toks[k].low == "the") {
		k--
	}
	return k >= 0 && (toks[k].low == "after" || toks[k].low == "before" || toks[k].low == "following")
}

// conjunctionIn reports an "and" or "or" among toks.
func conjunctionIn(toks []token) bool {
	for _, t := range toks {
		if t.low == "and" || t.low == "or" {
			return true
		}
	}
	return false
}

// aspectual verbs tell when an act named by their subject began.
var aspectual = set(`begin start erupt`)

// runWords, before a number, pick a run out of a larger set.
var runWords = set(`first last final opening closing top`)

// slot fills what value v of sentence si measures.
func (x *extractor) slot(si int, v *valueAt) {
	s := &x.sents[si]
	toks := s.toks
	v.Holder, v.Place = -1, -1
	if v.N == 0 {
		v.N = v.Min
	}
	v.Phrase = v.Text
	// "two of the three victims died": three is the whole, not the dead
	// (but "30 of the 80 wounded": 80 counts the wounded, see below);
	// "five bombs, of which four exploded": four is a part
	if v.ti >= 2 && toks[v.ti-1].low == "the" && (toks[v.ti-2].low == "of" || toks[v.ti-2].low == "among") {
		v.Part = true // "among the nine voting to put him to death"
	}
	if v.ti >= 2 && toks[v.ti-2].low == "of" && (toks[v.ti-1].low == "which" || toks[v.ti-1].low == "whom" || toks[v.ti-1].low == "them") {
		v.Part = true
	}
	// "have lost eight of 10": a share of a set the sentence does not
	// name, neither figure a count of it
	if v.ti >= 2 && toks[v.ti-1].low == "of" && isNumberTok(toks[v.ti-2]) && (v.tj >= len(toks) || toks[v.tj].kind != 'w') ||
		v.tj+1 < len(toks) && toks[v.tj].low == "of" && isNumberTok(toks[v.tj+1]) && (v.tj+2 >= len(toks) || toks[v.tj+2].kind != 'w') {
		v.Part = true
	}
	v.PhraseEnd = v.End
	switch v.Kind {
	case crosscheck.ValueMoney:
		v.Attr = AttrMoney + ":" + v.Unit
	case crosscheck.ValuePercent:
		v.Attr = AttrPercent
	case crosscheck.ValueDuration:
		v.Attr = AttrDuration
	case crosscheck.ValueTime:
		v.Attr = AttrTime
	case crosscheck.ValueDate:
		v.Attr = AttrDate
		// the figure of a date is its day as stated: "November 19" or "Monday"
		if v.Month != 0 && v.Day == 0 && v.Weekday == 0 {
			v.Attr, v.N = AttrMonth, v.Min // its first instant
		} else if v.Weekday != 0 {
			v.N = float64(v.Weekday)
		} else {
			v.N = float64(v.Month*100 + v.Day)
		}
	case crosscheck.ValueName, crosscheck.ValuePlace:
		return
	case crosscheck.ValueNumber:
		if v.Unit == "record" || v.Unit == "score" {
			v.Attr, v.Spec = AttrRecord, v.Unit
			return
		}
		v.Attr = AttrCount
	default:
		v.Attr = AttrCount
	}
	if v.hyphen && v.Kind != crosscheck.ValueMoney && v.Kind != crosscheck.ValuePercent {
		// "a six-game loss", "a 10-metre dhow", "a 24-hour strike": a measure
		// of the thing that follows, not a count of it
		x.measure(toks, v)
		return
	}
	if v.age {
		v.Attr = AttrAge
		x.ageHolder(toks, v)
		return
	}
	// "his first 17 passes", "the last two games": a run picked out of
	// a larger set
	if v.ti >= 1 && runWords[toks[v.ti-1].low] {
		v.Part = true
	}
	// the noun phrase the value quantifies
	k := v.mi + 1
	for k < len(toks) && (multipliers[toks[k].low] > 0 || toks[k].low == "of" && k == v.mi+1 && vagueRanges[toks[v.mi].low] != [2]float64{}) {
		k++
	}
	if v.Kind == crosscheck.ValueMoney {
		// "$80 million contract", "2 million euros deal": after the currency word
		for k < len(toks) && (currencies[toks[k].low] != "" || toks[k].text == ")") {
			k++
		}
	} else if v.Kind == crosscheck.ValuePercent || v.Kind == crosscheck.ValueDuration || v.age {
		k = v.tj
	}
	npEnd, head, spec, other := x.nounPhrase(toks, k)
	// "23 Somali and Yemeni pirates": one count of both kinds
	if k+2 < len(toks) && isDemonym(toks[k].low) && (toks[k+1].low == "and" || toks[k+1].low == "or") && isDemonym(toks[k+2].low) {
		if e, h, _, _ := x.nounPhrase(toks, k+2); h != "" {
			a, b := specKey(toks[k].low), specKey(toks[k+2].low)
			if b < a {
				a, b = b, a
			}
			npEnd, head, spec = e, h, a+"+"+b
		}
	}
	if v.Attr == AttrCount || v.Attr == AttrNumber {
		u, ok := 0.0, false
		if k < len(toks) {
			u, ok = distanceUnits[toks[k].low]
			if !ok && toks[k].low == "nautical" && k+1 < len(toks) && strings.HasPrefix(toks[k+1].low, "mile") {
				u, ok = 1852, true
			}
		}
		if ok {
			v.Attr, v.Kind = AttrDistance, crosscheck.ValueDistance
			v.Unit = "metre"
			v.Min, v.Max, v.N = v.Min*u, v.Max*u, v.N*u
			// "about 20 miles" is a distance rounded, not a guess: a tenth
			// either way ("about 26 miles" is another place)
			if v.Min < v.N && v.N < v.Max && v.Max < Unbounded {
				v.Min, v.Max = v.N*0.9, v.N*1.1
			} else if v.Min > 0 && v.Min < v.N && v.N == v.Max {
				v.Min = v.N * 0.9
			}
			x.distanceFrom(toks, v, npEnd)
			v.Of = x.locatedThing(toks, v)
			// "1.2 miles deep", "at a depth of 12 miles", "one mile below"
			if e := max(npEnd, v.tj); e < len(toks) && (toks[e].low == "deep" || toks[e].low == "below" || toks[e].low == "underground") ||
				v.ti >= 2 && toks[v.ti-1].low == "of" && toks[v.ti-2].low == "depth" {
				v.Attr = AttrDepth
			}
		}
	}
	// magnitudes: "magnitude 5.9", "a 6.1-magnitude quake", "measuring 7.6",
	// "registering 6.1 on the Richter scale", "a 4.6 earthquake"
	if q, ok := x.magnitude(toks, v, k, head); ok {
		v.Attr, v.Kind, v.Unit = AttrMagnitude, crosscheck.ValueNumber, "magnitude"
		v.Head = q
		head, spec = q, ""
		npEnd = v.tj
	}
	if v.Attr == AttrCount {
		if p, ok := x.population(toks, v); ok {
			v.Attr = AttrPopulation
			v.Holder = p
		}
	}
	if other {
		v.Other = true
	}
	for b := v.ti - 1; b >= 0 && b >= v.ti-2; b-- {
		if otherWords[toks[b].low] && toks[b].low != "new" && toks[b].low != "more" && !(b+1 < v.ti && placeOrdinal[toks[b+1].low]) {
			v.Other = true
		}
	}
	// "a second quake measuring 7.5", "one of the tremors": another of
	// several things than the story's main one
	if v.Attr == AttrMagnitude {
		for b := max(0, v.ti-5); b < v.ti; b++ {
			if l := toks[b].low; l == "second" || l == "another" || l == "third" || l == "one" && b+1 < len(toks) && toks[b+1].low == "of" {
				v.Other = true
			}
		}
	}
	if v.Kind == crosscheck.ValueMoney {
		x.moneyOf(toks, v, npEnd, head)
	}
	if v.Attr == AttrCount || v.Attr == AttrPopulation {
		if strings.HasPrefix(v.Head, "place:") {
			// the island whose residents are counted, not the residents
		} else if npEnd > k && head != "" {
			v.Head, v.Spec = head, spec
			v.PhraseEnd = toks[npEnd-1].end
			v.Phrase = x.text[v.Start:v.PhraseEnd]
		} else if h, sp, e := x.coordinatedHead(toks, k); h != "" {
			// "12 Somali and 11 Yemeni pirates": the head comes later
			v.Head, v.Spec = h, sp
			if k < len(toks) && toks[k].kind == 'w' && (toks[k].isAdj() || toks[k].isProper()) {
				v.Spec = specKey(toks[k].low)
				v.PhraseEnd = toks[k].end
				v.Phrase = x.text[v.Start:v.PhraseEnd]
			}
			_ = e
		}
	}
	if personNouns[v.Head] || personNouns[singular(v.Head)] {
		v.Spec2 = v.Head
		v.Head = "person"
	}
	// "80 wounded", "about 50 hurt", "10 dead": the participle is the act
	// ("11 rounds" are not rounded up: a plural noun is no participle)
	if v.Attr == AttrCount && v.Head != "" && v.Head != "person" && npEnd == k+1 && classOf(x.verbKey(toks[k].low)) != "" && !toks[k].cap && toks[k].pos != "NNS" {
		if c := classOf(x.verbKey(toks[k].low)); c == "die" || c == "injure" || c == "arrest" || c == "hospitalis" {
			v.Head, v.VerbClass = "person", c
			v.elided = true
			v.Part = false // "30 of the 80 wounded": the wounded are counted
		}
	}
	// the governing act; times and dates belong to the clause's verb
	// wherever it stands ("attacked a camp in South Sudan at 2:53 p.m.")
	window := 6
	if v.Attr == AttrTime || v.Attr == AttrDate || v.Attr == AttrMonth {
		window = 16
	}
	vb := x.governingVerb(toks, v.ti, max(npEnd, v.tj), window)
	if vb >= 0 && !v.elided {
		v.VerbClass = classOf(x.verbKey(toks[vb].low))
		if v.Verb == "" {
			v.Verb = x.verbKey(toks[vb].low)
		}
		for b := vb - 1; b >= 0 && b >= vb-3; b-- {
			if toks[b].pos == "MD" || modalWords[toks[b].low] {
				v.Modal = true
			}
		}
		if toks[vb].pos == "MD" {
			v.Modal = true
		}
		v.VerbLemma = x.verbKey(toks[vb].low)
		v.VerbWord = lang.Lemma(toks[vb].low)
	}
	// a month an act began: "fighting ... began in July" is the start of
	// the fighting, as "rebels have been fighting since June" is
	if v.Attr == AttrMonth {
		if toks[v.ti].low == "since" {
			v.Spec = "start"
		} else if vb >= 0 && aspectual[v.VerbWord] {
			for t := 0; t < vb; t++ {
				if toks[t].kind == 'w' && !toks[t].cap && strings.HasSuffix(toks[t].low, "ing") && (toks[t].pos == "NN" || toks[t].pos == "VBG") {
					k := x.verbKey(toks[t].low)
					v.VerbLemma, v.VerbClass, v.Spec = k, classOf(k), "start"
					break
				}
			}
		}
	}
	// "taken to hospital", "treated in hospital": the frame knows the act
	if v.Verb == "hospitalis" {
		v.VerbClass = "hospitalis"
	}
	// "of the 23 pirates arrested, 12 are reported to be Somali": the
	// nationality is the kind counted
	if v.Attr == AttrCount && v.Head == "" {
		if w := nationalityAfter(toks, k); w != "" {
			v.Head, v.Spec = w, specKey(w)
		}
	}
	// a count with no noun: "injuring 80", "80 hurt"
	if v.Attr == AttrCount && v.Head == "" {
		if k < len(toks) && toks[k].kind == 'w' && !toks[k].cap && classOf(x.verbKey(toks[k].low)) != "" {
			v.VerbClass = classOf(x.verbKey(toks[k].low))
			v.Head = "person"
			v.elided = true
			v.Part = false // "30 of the 80 wounded": the wounded are counted
		} else if k < len(toks) && toks[k].kind == 'w' && !toks[k].cap && toks[k].pos == "VBN" {
			// "six children were killed and 14 trapped under debris": a
			// participle of its own, of no act the frames know
			v.VerbClass, v.VerbLemma, v.VerbWord = "", x.verbKey(toks[k].low), lang.Lemma(toks[k].low)
		} else if v.VerbClass == "die" || v.VerbClass == "injure" || v.VerbClass == "arrest" || v.VerbClass == "hospitalis" {
			v.Head = "person"
		} else if c := tollOf(toks, v.ti); c != "" {
			// "the death toll from the quake rose to 10": the toll counts
			// the dead
			v.Head, v.VerbClass = "person", c
		}
	}
	// a crowd: "20,000 people took to the streets"; "police put the march
	// at roughly 30,000 people": the act is the one the estimated noun
	// names
	if v.Attr == AttrCount && v.Head == "person" && v.VerbClass == "" {
		if c := x.crowdAct(toks, v); c != "" {
			v.VerbClass, v.VerbWord = c, c
		}
	}
	// "eight people had suffered serious injuries": the injured
	if v.Attr == AttrCount && v.Head == "person" && (v.VerbClass == "" || v.VerbClass == "suffer") {
		if vb >= 0 && (toks[vb].low == "suffered" || toks[vb].low == "sustained" || toks[vb].low == "suffer" || toks[vb].low == "sustain") {
			for t := vb + 1; t < len(toks) && t <= vb+4; t++ {
				if l := toks[t].low; strings.HasPrefix(l, "injur") || strings.HasPrefix(l, "wound") || l == "burns" {
					v.VerbClass, v.VerbWord = "injure", "injure"
					break
				}
			}
		}
	}
	// "seriously injured", "serious injuries", "critically wounded": the
	// gravely hurt are a count of their own
	if v.Attr == AttrCount && v.Head == "person" && v.VerbClass == "injure" && v.Spec == "" && vb >= 0 {
		for t := max(0, vb-2); t < len(toks) && t <= vb+3; t++ {
			switch toks[t].low {
			case "seriously", "serious", "critically", "critical", "severely", "severe", "gravely", "badly":
				v.Spec = "serious"
			}
		}
	}
	// "another 70 wounded" adds to a toll; the toll's count is one fact
	if v.Head == "person" && (v.VerbClass == "die" || v.VerbClass == "injure" || v.VerbClass == "hospitalis") {
		v.Other = false
	}
	// "seven people were killed in those bombings", "in the earlier
	// attack": the count is of events told before, not the story's own
	if v.Attr == AttrCount && earlierEvents(toks, v.tj) {
		v.Other = true
	}
	// a change over time: "rose to 10", "climbed to 11", "now 10"
	if v.ti >= 2 && toks[v.ti-1].low == "to" && updateWords[toks[v.ti-2].low] || v.ti >= 1 && toks[v.ti-1].low == "now" {
		v.Update = true
	}
	// "at one point as much as 82 percent", "at its worst": one moment of
	// a figure that changed
	for b := 0; b+1 < len(toks); b++ {
		if toks[b].low == "at" && (toks[b+1].low == "one" && b+2 < len(toks) && toks[b+2].low == "point" || toks[b+1].low == "its" && b+2 < len(toks) && (toks[b+2].low == "worst" || toks[b+2].low == "peak" || toks[b+2].low == "height")) {
			v.Update = true
		}
	}
	// "at present 65% is offline", "traffic is now": the state at a later
	// moment than the event's
	for b := max(0, v.ti-6); b < min(len(toks), v.tj+6); b++ {
		if l := toks[b].low; l == "currently" || l == "now" && b+1 < len(toks) && toks[b+1].low != "that" || l == "present" && b > 0 && toks[b-1].low == "at" {
			v.Update = true
		}
	}
	for b := max(0, v.ti-6); b+1 < min(len(toks), v.tj+6); b++ {
		if toks[b].low == "so" && toks[b+1].low == "far" {
			v.Update = true
		}
	}
	// a rate is no count: "100 RBIs a season on average", "$23 million
	// per season", "averaging 30 home runs"
	for t := max(0, v.ti-6); t < min(len(toks), max(npEnd, v.tj)+4); t++ {
		l := toks[t].low
		// "43 RBIs in 54 games": a figure over a span of play or time
		if t >= max(npEnd, v.tj) && (l == "in" || l == "over") && t+2 < len(toks) && (toks[t+1].kind == 'n' || numberWord(toks[t+1].low)) && spanNouns[strings.TrimSuffix(toks[t+2].low, "s")] {
			v.Rate = true
		}
		if l == "per" && !(t+1 < len(toks) && toks[t+1].low == "cent") || strings.HasPrefix(l, "averag") || l == "each" || l == "annual" || l == "annually" ||
			t >= max(npEnd, v.tj) && (l == "a" || l == "an") && t+1 < len(toks) && (toks[t+1].low == "year" || toks[t+1].low == "season" || toks[t+1].low == "day" || toks[t+1].low == "month" || toks[t+1].low == "week" || toks[t+1].low == "game") {
			v.Rate = true
		}
	}
	// the time of "the first quake" or "a second blast" is another event's
	if v.Attr == AttrTime || v.Attr == AttrDate || v.Attr == AttrMonth {
		for t := 0; t < v.ti; t++ {
			l := toks[t].low
			if l != "first" && l != "second" && l != "third" && l != "latest" && l != "another" {
				continue
			}
			// "the second quake struck at 4:43", not "the building's
			// second floor around 10 a.m."
			if t+1 < len(toks) && placeOrdinal[toks[t+1].low] {
				continue
			}
			v.Other = true
		}
	}
	// the place a share is of: "in Egypt ... 80 percent", "80 percent of
	// services in Egypt"
	if v.Kind == crosscheck.ValuePercent {
		v.Place = x.nearestPlace(toks, v)
		if v.Head == "" {
			v.Head = shareOf(x, toks, v)
		}
	}
	// "a 9.1 temblor in 2004": the year the value is of
	for t := max(npEnd, v.tj); t+1 < len(toks) && t <= max(npEnd, v.tj)+2; t++ {
		if toks[t].low == "in" && toks[t+1].kind == 'n' && len(toks[t+1].low) == 4 && onlyDigits(toks[t+1].low) {
			v.InYear = atoi4(toks[t+1].low)
			break
		}
	}
	// "In 2004, a huge earthquake ... triggered a tsunami that killed
	// 230,000", "the 2004 tsunami that killed about 230,000": a sentence
	// set in one year is of that year (not "the worst since 2004")
	if v.InYear == 0 && v.Attr != AttrDate && v.Attr != AttrTime && v.Attr != AttrMonth {
		v.InYear = s.year
	}
	// the words around the value, its years and places
	lo, hi := max(0, v.ti-8), min(len(toks), max(npEnd, v.tj)+8)
	for t := lo; t < hi; t++ {
		tk := toks[t]
		if t >= v.ti && t < max(npEnd, v.tj) {
			continue
		}
		if tk.kind == 'w' && len(tk.low) > 2 && !stopwords[tk.low] && (tk.isNoun() || tk.isVerb() || tk.isAdj()) {
			v.Context = append(v.Context, x.stem(tk.low))
		}
	}
	for t, tk := range toks {
		if t >= v.ti && t < v.tj {
			continue
		}
		// "four years ago", "a decade ago": the clause is of another event
		if tk.low == "ago" && t > 0 && (strings.HasPrefix(toks[t-1].low, "year") || strings.HasPrefix(toks[t-1].low, "decade")) {
			v.Past = true
		}
		if tk.kind == 'n' && len(tk.low) == 4 {
			if y, err := strconv.Atoi(tk.low); err == nil && y >= 1900 && y <= 2100 {
				v.Years = append(v.Years, y)
			}
		}
		if t < v.ti-6 || t >= v.tj+6 {
			continue
		}
		// an earlier time near the value: "last year", "earlier this
		// month", "the previous attack"
		if tk.low == "last" && t+1 < len(toks) && (toks[t+1].low == "year" || toks[t+1].low == "month" || toks[t+1].low == "week" || toks[t+1].low == "season") {
			v.Past = true
		}
		if tk.low == "earlier" || tk.low == "previous" || tk.low == "previously" || tk.low == "former" {
			v.Past = true
		}
		// "in recent days", "in recent weeks": another, earlier event
		if tk.low == "recent" && t+1 < len(toks) && (toks[t+1].low == "days" || toks[t+1].low == "weeks" || toks[t+1].low == "months") {
			v.Past = true
		}
	}
}

// nounPhrase reads the noun phrase starting at token k: its end, the
// lemma of its head noun, a distinctive modifier (a proper or
// alphanumeric name: "AK-47", "Somali") and whether it names a further set
// ("three other rifles").
func (x *extractor) nounPhrase(toks []token, k int) (end int, head, spec string, other bool) {
	end = k
	var specs []string
	for t := k; t < len(toks) && t < k+6; t++ {
		tk := toks[t]
		if tk.kind == 'p' {
			break
		}
		low := tk.low
		if otherWords[low] && t == k && low != "new" && low != "more" {
			other = true
			end = t + 1
			continue
		}
		if stopUnit[low] || low == "were" || low == "was" {
			break
		}
		// the tagger takes some modifiers for prepositions ("outboard")
		if tk.pos == "IN" && !prepositions[low] && t+1 < len(toks) && toks[t+1].isNoun() {
			continue
		}
		if timeNouns[low] || weekdays[low] != 0 || low == "sunday" || months[low] != 0 && tk.cap {
			break // "$2.6 million early Monday", "$80 million last summer"
		}
		switch {
		case tk.isNoun():
			if hasDigit(low) || demonyms[low] != "" || demonyms[strings.TrimSuffix(low, "s")] != "" {
				specs = append(specs, specKey(low))
			}
			// only a plural is brought to its lemma: "crew" is no form of "crow"
			if tk.pos == "NNS" || tk.pos == "NNPS" {
				head = nounKey(lang.Lemma(low))
			} else {
				head = nounKey(low)
			}
			end = t + 1
		case tk.isAdj() || (head == "" || toks[t-1].isNoun() && t+1 < len(toks) && toks[t+1].isNoun() && !toks[t+1].isProper()) && (tk.pos == "VBN" || tk.pos == "VBG" || tk.pos == "VBD") && t+1 < len(toks) && toks[t+1].isNoun():
			if demonyms[low] != "" || hasDigit(low) {
				specs = append(specs, specKey(low))
			}
		case tk.kind == 'n' && t > k && toks[t-1].isProper():
			// "AK 47 guns": a model number
			specs = append(specs, specKey(toks[t-1].low)+specKey(low))
		default:
			t = len(toks)
		}
		if tk.poss {
			break
		}
	}
	if end == k || head == "" {
		return k, "", "", other
	}
	// the head itself may be the distinctive name ("seven AK-47s")
	if n := len(specs); n > 0 {
		spec = specs[0]
		if spec == head {
			head = spec
		}
	}
	return end, head, spec, other
}

// coordinatedHead reads "Somali and 11 Yemeni pirates" from token k: a
// modifier, a conjunction and a second count whose noun both share.
func (x *extractor) coordinatedHead(toks []token, k int) (head, spec string, end int) {
	if k >= len(toks) || !(toks[k].isAdj() || toks[k].isProper()) {
		return "", "", k
	}
	t := k + 1
	if t >= len(toks) || toks[t].low != "and" && toks[t].low != "or" {
		return "", "", k
	}
	t++
	if t >= len(toks) || !(toks[t].kind == 'n' || numberWord(toks[t].low)) {
		return "", "", k
	}
	e, h, _, _ := x.nounPhrase(toks, t+1)
	if h == "" {
		return "", "", k
	}
	return h, specKey(toks[k].low), e
}

// governingVerb finds the verb of the clause that holds the value at
// tokens [a, b): the verb after it when the value is its subject ("12
// people were injured"), else the nearest verb before it ("seized seven
// rifles", "killing 10 people"). It returns -1 when there is none.
func (x *extractor) governingVerb(toks []token, a, b, window int) int {
	// the value as subject: an auxiliary chain then a verb
	for t := b; t < len(toks) && t < b+5; t++ {
		tk := toks[t]
		if tk.low == "have" || tk.low == "had" || tk.low == "has" || tk.low == "were" || tk.low == "was" || tk.low == "are" ||
			tk.low == "is" || tk.low == "been" || tk.low == "being" || tk.low == "be" || tk.pos == "RB" || tk.pos == "MD" {
			continue
		}
		if tk.isVerb() && tk.kind == 'w' {
			return t
		}
		break
	}
	// a time or date that opens the sentence: "On November 19, INS Tabar
	// sank ...": the verb after its subject
	lead := true // only adverbs and punctuation before the value
	for t := 0; t < a && lead; t++ {
		lead = toks[t].kind == 'p' || toks[t].pos == "RB" || toks[t].pos == "IN"
	}
	if window > 6 && lead && b < len(toks) && toks[b].text == "," {
		for t := b + 1; t < len(toks) && t < b+10; t++ {
			if toks[t].isVerb() && !auxiliaries[toks[t].low] && toks[t].kind == 'w' {
				return t
			}
			if toks[t].kind == 'p' && toks[t].text != "-" {
				break
			}
		}
	}
	// "X died and two men, believed to be ..., underwent surgery": a value
	// that opens a coordinated clause is its subject; the verb before the
	// conjunction is another clause's
	if a > 0 && (toks[a-1].low == "and" || toks[a-1].low == "but") && b < len(toks) && toks[b].text == "," {
		return -1
	}
	// the value as object or after a preposition: the verb before
	// "the November 18 sinking of a trawler": the act named right after a date
	if window > 6 && b < len(toks) && deverbal(x, toks[b]) {
		return b
	}
	// "the Wednesday bombings": the act is the noun the date modifies
	// (not "the June 20 attempted murder": an act that did not happen)
	if window > 6 && b-1 > a && b <= len(toks) && toks[a].kind == 'w' && deverbal(x, toks[b-1]) && toks[b-2].low != "attempted" {
		return b - 1
	}
	for t := a - 1; t >= 0 && t >= a-window; t-- {
		tk := toks[t]
		if tk.kind == 'p' && tk.text != "-" && !isQuoteMark(tk.text) && !(window > 6 && tk.text == "," && t > 0 && toks[t-1].isProper()) {
			break
		}
		if tk.isVerb() && !auxiliaries[tk.low] && tk.kind == 'w' {
			return t
		}
		// "killed one person and injured dozens": a participle the tagger
		// took for an adjective, right before its object after "and"
		if t == a-1 && tk.kind == 'w' && tk.pos == "JJ" && strings.HasSuffix(tk.low, "ed") && t > 0 && (toks[t-1].low == "and" || toks[t-1].text == ",") && classOf(x.verbKey(tk.low)) != "" {
			return t
		}
		// a noun of the act: "destruction in seven villages", "deaths of 10"
		if tk.isNoun() && classOf(x.stem(tk.low)) != "" && t == a-2 && toks[a-1].pos == "IN" {
			return t
		}
		// a date after the act's noun phrase: "the bombing of Guffa in
		// Upper Nile state on Tuesday"
		// (not "the June 24 murder of Ortiz and on June 20, when a man
		// was shot": a conjunction starts another phrase)
		// "charged after a shooting at an office party in Vancouver
		// Friday": the day of the event "after" introduces
		if window > 6 && t+1 < a && (toks[t+1].low == "of" || afterEvent(toks, t)) && deverbal(x, tk) && classOf(x.verbKey(tk.low)) != "" && !conjunctionIn(toks[t+1:a]) {
			return t
		}
	}
	return -1
}

// classOf returns the class of a verb lemma or a noun stem, "" when none.
func classOf(l string) string {
	if c, ok := verbClass[l]; ok {
		return c
	}
	for len(l) > 4 {
		l = l[:len(l)-1]
		if c, ok := verbClass[l]; ok {
			return c
		}
	}
	return ""
}

// magnitude reports a value that is an earthquake's magnitude, with the
// kind of quake it measures.
func (x *extractor) magnitude(toks []token, v *valueAt, k int, head string) (string, bool) {
	if v.Kind != crosscheck.ValueCount && v.Kind != crosscheck.ValueNumber || v.Max > 12 || v.Min < 0 {
		return "", false
	}
	// the cue right beside the figure: "magnitude 5.9", "magnitude-5.9",
	// "5.9 magnitude", "measuring 7.6", "registering 6.1", "6.1 on the
	// Richter scale", "of magnitude 6"
	near := false
	// "put the quake's magnitude at 5.9", "a magnitude of 6.1"
	for b := v.mi - 1; b >= 0 && b >= v.mi-3; b-- {
		l := toks[b].low
		if strings.HasSuffix(l, "magnitude") {
			near = true
			break
		}
		if l != "at" && l != "of" && l != "was" && l != "is" && l != "to" && l != "reached" {
			break
		}
	}
	if b := v.mi - 1; b >= 0 {
		l := toks[b].low
		if strings.HasSuffix(l, "magnitude") || strings.HasSuffix(l, "magnitude-") || l == "measuring" || l == "registering" || l == "measured" || l == "of" && b > 0 && strings.Contains(toks[b-1].low, "magnitude") {
			near = true
		}
		if b > 0 && l == "-" && strings.HasSuffix(toks[b-1].low, "magnitude") {
			near = true
		}
	}
	e := v.mi + 1 // the word after the figure, whether or not taken for its unit
	if e < len(toks) {
		l := toks[e].low
		if strings.HasPrefix(l, "magnitude") || strings.HasPrefix(l, "-magnitude") || l == "on" && e+2 < len(toks) && toks[e+2].low == "richter" {
			near = true
		}
	}
	if strings.HasSuffix(toks[v.mi].low, "-magnitude") {
		near = true
	}
	// "7.6 and 7.5 magnitude quakes", "measuring 7.6 and 7.4": a list shares
	// its cue
	if e := v.mi + 1; !near && e+2 < len(toks) && (toks[e].low == "and" || toks[e].low == "or") && toks[e+1].kind == 'n' {
		l := toks[e+2].low
		if strings.HasPrefix(l, "magnitude") || strings.HasPrefix(l, "-magnitude") || strings.HasSuffix(toks[e+1].low, "-magnitude") {
			near = true
		}
	}
	if b := v.ti - 1; !near && b >= 1 && (toks[b].low == "and" || toks[b].low == "or") && toks[b-1].kind == 'n' {
		for c := b - 2; c >= 0 && c >= b-3; c-- {
			if l := toks[c].low; l == "measuring" || l == "registering" || strings.HasSuffix(l, "magnitude") || strings.HasSuffix(l, "magnitudes") {
				near = true
			}
		}
	}
	if q, ok := quakeNouns[singular(head)]; ok && v.N != float64(int(v.N)) {
		return q, true
	}
	if !near {
		return "", false
	}
	// which quake: the nearest quake noun in the sentence
	q, best := "quake", 1000
	for t, tk := range toks {
		if kind, ok := quakeNouns[singular(tk.low)]; ok {
			d := t - v.mi
			if d < 0 {
				d = -d
			}
			if d < best {
				q, best = kind, d
			}
		}
	}
	return q, true
}

// population reports "home to 120,000 people", "a city of 160,000",
// "with a population of 120,000", "200,000 residents", with the place
// whose population it is (an entity index), when there is one.
func (x *extractor) population(toks []token, v *valueAt) (int, bool) {
	cue := false
	if v.ti >= 2 && toks[v.ti-2].low == "home" && (toks[v.ti-1].low == "to" || toks[v.ti-1].low == "by") {
		cue = true
	}
	if v.ti >= 2 && toks[v.ti-1].low == "of" && (toks[v.ti-2].low == "population" || placeNouns[toks[v.ti-2].low]) {
		cue = true
	}
	if v.ti >= 2 && toks[v.ti-1].low == "population" && toks[v.ti-2].low == "of" {
		cue = true // "the coastal city of population 167,000"
	}
	if v.tj < len(toks) && (toks[v.tj-1].low == "residents" || toks[v.tj-1].low == "inhabitants") && v.ti > 0 && (toks[v.ti-1].low == "has" || toks[v.ti-1].low == "have" || toks[v.ti-1].low == "of") {
		cue = true
	}
	if !cue {
		return -1, false
	}
	// the place: named right before the cue ("Qeshm island, home to",
	// "Manokwari, a city of"), not any place earlier in the sentence
	c := v.ti - 2
	for c > 0 && (toks[c-1].text == "," || toks[c-1].low == "a" || toks[c-1].low == "which" || toks[c-1].low == "has" || toks[c-1].low == "is" || toks[c-1].low == "island" || toks[c-1].low == "city" || toks[c-1].low == "town") {
		c--
	}
	if c > 0 {
		// the name ends where the words skipped begin, or takes in the
		// place noun it ends with ("near Qeshm Island, home to")
		for _, m := range x.mentionsAll(toks[0].start, toks[v.ti-2].start) {
			if m.End >= toks[c-1].end && m.End <= toks[v.ti-2].start && m.Entity >= 0 && x.an.Entities[m.Entity].Kind != crosscheck.KindPerson {
				return m.Entity, true
			}
		}
	}
	// "Manokwari - a jumble of brick and cement structures home to
	// 167,000 people": the place the apposition describes, named a few
	// words before
	near := -1
	for _, m := range x.mentionsAll(toks[max(0, v.ti-14)].start, toks[v.ti].start) {
		between := x.text[m.End:toks[v.ti].start]
		if m.Entity >= 0 && x.an.Entities[m.Entity].Kind == crosscheck.KindPlace && !strings.ContainsAny(between, ";(,") &&
			(strings.HasPrefix(strings.TrimSpace(between), "-") || strings.HasPrefix(strings.TrimSpace(between), "—")) {
			near = m.Entity
		}
	}
	if near >= 0 {
		return near, true
	}
	// "Qeshm is Iran's largest island in the Persian Gulf, with a
	// population of 120,000": the place the sentence is about
	if ms := x.mentionsAll(toks[0].start, toks[v.ti].start); len(ms) > 0 && ms[0].Start == toks[0].start && ms[0].Entity >= 0 &&
		x.an.Entities[ms[0].Entity].Kind == crosscheck.KindPlace && v.ti >= 3 && toks[v.ti-1].low == "of" && toks[v.ti-2].low == "population" {
		for t := 0; t < v.ti; t++ {
			if toks[t].end > ms[0].End {
				if toks[t].low == "is" || toks[t].low == "has" {
					return ms[0].Entity, true
				}
				break
			}
		}
	}
	// no name: "the island, which has 200,000 residents", "the coastal
	// city of population 167,000": a place noun (check takes the story's
	// main place for it)
	for b := v.ti - 1; b >= 0 && b >= v.ti-6; b-- {
		if l := singular(toks[b].low); placeNouns[l] || l == "capital" {
			v.Head = "place:" + l
			break
		}
	}
	return -1, true
}

// nounKey is the key of a noun: lower case, singular, hyphens and spaces
// out ("AK-47s" and "AK 47" are "ak47").
func nounKey(w string) string {
	w = strings.ToLower(w)
	w = strings.NewReplacer("-", "", " ", "", ".", "").Replace(w)
	if strings.HasSuffix(w, "s") && hasDigit(w) {
		return w[:len(w)-1]
	}
	if c := singular(w); c != "" {
		return c
	}
	return w
}

// specKey is the key of a distinctive modifier: a demonym stands for its
// country ("Somali", "Somalian"), anything else as nounKey.
func specKey(w string) string {
	if c := demonyms[strings.ToLower(w)]; c != "" {
		return strings.ToLower(c)
	}
	if c := demonyms[strings.TrimSuffix(strings.ToLower(w), "s")]; c != "" {
		return strings.ToLower(c)
	}
	return nounKey(w)
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// ageHolder finds whose age v is: the name or noun after "21-year-old",
// the name before "aged 21" or "Dobbs, 21,". An appositive age with no
// person before it is no age ("Bern, 2012,"): v.drop is set.
func (x *extractor) ageHolder(toks []token, v *valueAt) {
	if v.appositive || v.ti > 0 && toks[v.ti].low == "aged" {
		b := v.ti - 1
		if b >= 0 && toks[b].text == "," {
			b--
		}
		if b >= 0 {
			for _, m := range x.mentionsAll(toks[0].start, toks[b].end) {
				if m.End == toks[b].end && m.Entity >= 0 {
					v.Holder = m.Entity
				}
			}
		}
		if v.Holder < 0 || x.an.Entities[v.Holder].Kind != crosscheck.KindPerson {
			if v.appositive {
				v.drop = true
			}
			v.Holder = -1
		}
		return
	}
	// "the 21-year-old Jesse Dobbs", "a 12-year-old girl"; not "a
	// 38-year-old Troy man": a place before a noun is no one's name
	k := v.tj
	for _, m := range x.mentionsAll(toks[min(k, len(toks)-1)].start, toks[len(toks)-1].end) {
		if k < len(toks) && m.Start == toks[k].start && m.Entity >= 0 && x.an.Entities[m.Entity].Kind == crosscheck.KindPerson {
			v.Holder = m.Entity
			return
		}
		break
	}
	_, head, _, _ := x.nounPhrase(toks, k)
	v.Head = head
	if head != "" {
		e, _, _, _ := x.nounPhrase(toks, k)
		v.PhraseEnd = toks[e-1].end
		v.Phrase = x.text[v.Start:v.PhraseEnd]
	}
}

// locatedThing is the noun a distance places: "the office building is
// about 15 miles north of Detroit" (building), "a motorist 50 miles north
// of Detroit" (motorist); "" when none stands just before.
func (x *extractor) locatedThing(toks []token, v *valueAt) string {
	for b := v.ti - 1; b >= 0 && b >= v.ti-4; b-- {
		l := toks[b].low
		if l == "is" || l == "was" || l == "are" || l == "located" || l == "about" || l == "some" || l == "lies" || l == "," {
			continue
		}
		if toks[b].isNoun() && !toks[b].isProper() {
			return nounKey(lang.Lemma(l))
		}
		break
	}
	return ""
}

// distanceFrom finds the place a distance is measured from: "50 miles
// north of Detroit", "1,500 kilometers south of Tehran", "13 nautical
// miles from the ship". The direction is kept in v.Dir.
func (x *extractor) distanceFrom(toks []token, v *valueAt, k int) {
	if k < v.tj {
		k = v.tj
	}
	// "1,150 kilometers (700 miles) southeast of Tehran": past the conversion
	if k < len(toks) && toks[k].text == "(" {
		for k < len(toks) && toks[k].text != ")" && k < v.tj+6 {
			k++
		}
		k++
	}
	for k < len(toks) && (directions[toks[k].low] || toks[k].low == "away" || toks[k].low == "off") {
		if directions[toks[k].low] {
			v.Dir = toks[k].low
		}
		k++
	}
	if k >= len(toks) || toks[k].low != "of" && toks[k].low != "from" {
		return
	}
	k++
	if k < len(toks) && toks[k].low == "the" {
		k++
	}
	if k >= len(toks) {
		return
	}
	end := -1
	for _, m := range x.mentionsAll(toks[k].start, toks[len(toks)-1].end) {
		if m.Start == toks[k].start && m.Entity >= 0 {
			v.Holder = m.Entity
			end = m.End
		}
		break
	}
	if v.Holder < 0 {
		if e, head, _, _ := x.nounPhrase(toks, k); head != "" {
			v.Head = head
			end = toks[e-1].end
		}
	}
	// the phrase runs to the place: "150 nautical miles west of Aden"
	if end > v.PhraseEnd {
		v.PhraseEnd = end
		v.Phrase = x.text[v.Start:end]
	}
}

// measure reads a hyphenated figure as a measure of the noun after it:
// "a 10-metre dhow" is a length of 10 m, "a six-game loss" a loss of six
// games. Lengths are in metres and durations in seconds, so that "a
// 10-metre dhow" and "a 30-foot dhow" meet.
func (x *extractor) measure(toks []token, v *valueAt) {
	v.Attr = AttrMeasure
	if v.Unit == "magnitude" {
		// "a 6.1-magnitude quake"
		v.Attr, v.Kind = AttrMagnitude, crosscheck.ValueNumber
		v.Head = "quake"
		if _, h, _, _ := x.nounPhrase(toks, v.tj); quakeNouns[h] != "" {
			v.Head = quakeNouns[h]
		}
		return
	}
	unit := strings.TrimPrefix(v.Unit, "square-")
	if u, ok := distanceUnits[unit]; ok && !strings.HasPrefix(v.Unit, "square-") {
		v.Unit = "metre"
		v.Min, v.Max, v.N = v.Min*u, v.Max*u, v.N*u
	} else if d, ok := durations[v.Unit]; ok {
		v.Unit = "second"
		v.Min, v.Max, v.N = v.Min*d, v.Max*d, v.N*d
	}
	_, head, _, _ := x.nounPhrase(toks, v.tj)
	v.Head = head
	if e, h, _, _ := x.nounPhrase(toks, v.tj); h != "" {
		v.PhraseEnd = toks[e-1].end
		v.Phrase = x.text[v.Start:v.PhraseEnd]
	}
}

// verbKey is the key of a verb: the stem of its lemma ("sank", "sunk",
// "sinking" -> "sink"), the form the class lexicon holds.
func (x *extractor) verbKey(w string) string {
	return x.stem(lang.Lemma(w))
}

// prepositions are English prepositions: a word the tagger marks IN that
// is not one of them is a modifier it took for one ("outboard").
var prepositions = set(`about above across after against along amid among around as at before behind below
beneath beside besides between beyond by despite down during except for from in inside into like near
of off on onto out outside over past per since than through throughout till to toward towards under
underneath unlike until up upon via with within without aboard`)

// moneyOf fills what a sum is of: the noun it qualifies ("a $160 million
// contract", "a deal worth $184 million") folded into a kind of sum
// (deal, haul, bailout), the person or organisation named just before it
// ("signed Elton Brand to an $82 million deal"), and, for a sum in
// brackets after a sum in another currency ("2m euros ($2.6m)"), that sum.
func (x *extractor) moneyOf(toks []token, v *valueAt, npEnd int, head string) {
	if head == "" && v.ti >= 2 && toks[v.ti-1].low == "worth" {
		_, h, _, _ := x.nounPhrase(toks, max(0, v.ti-3))
		if h == "" && v.ti >= 2 {
			h = nounKey(lang.Lemma(toks[v.ti-2].low))
		}
		head = h
	}
	// "$2.5 million worth of jewellery": the sum is of what follows
	if head == "worth" || head == "" {
		for k := max(v.mi, v.tj-1); k+1 < len(toks) && k <= v.tj+1; k++ {
			if toks[k].low == "worth" && toks[k+1].low == "of" {
				_, head, _, _ = x.nounPhrase(toks, k+2)
				break
			}
		}
		if head == "worth" {
			head = ""
		}
	}
	if head == "" {
		// "a €2 million ($2.6-million) booty": the noun after the bracket
		e := v.tj
		for e < len(toks) && (toks[e].text == ")" || toks[e].text == "-") {
			e++
		}
		_, head, _, _ = x.nounPhrase(toks, e)
		// "($143-billion) EU and IMF debt bailout": the kind of sum a few
		// words on
		if _, ok := moneyNouns[head]; !ok {
			for t := e; t < len(toks) && t < e+6 && toks[t].kind != 'p'; t++ {
				if _, ok := moneyNouns[singular(toks[t].low)]; ok {
					head = singular(toks[t].low)
					break
				}
			}
		}
	}
	if k, ok := moneyNouns[head]; ok {
		head = k
	}
	v.Head = head
	if npEnd > v.tj {
		v.PhraseEnd = toks[npEnd-1].end
		v.Phrase = x.text[v.Start:v.PhraseEnd]
	}
	for _, m := range x.mentionsAll(toks[max(0, v.ti-10)].start, toks[v.ti].start) {
		if m.Entity >= 0 && x.an.Entities[m.Entity].Kind != crosscheck.KindPlace {
			v.Holder = m.Entity
		}
	}
	// a conversion: the sum in brackets after another currency's
	if b := v.ti - 1; b >= 1 && (toks[b].text == "(" || toks[b].text == ";") {
		for c := b - 1; c >= 0 && c >= b-6; c-- {
			if cur := currencies[toks[c].low]; cur != "" && cur != v.Unit || cur == "" && currencies[toks[c].text] != "" && currencies[toks[c].text] != v.Unit {
				v.Conv = true
				break
			}
			if strings.HasPrefix(toks[c].low, "euro") && v.Unit != "EUR" {
				v.Conv = true
				break
			}
		}
	}
}

// nearestPlace returns the place named nearest the value within its
// clause (no comma or semicolon between), before it first, -1 when none.
func (x *extractor) nearestPlace(toks []token, v *valueAt) int {
	best, bd := -1, 1000
	for _, m := range x.mentionsAll(toks[0].start, toks[len(toks)-1].end) {
		if m.Entity < 0 || x.an.Entities[m.Entity].Kind != crosscheck.KindPlace {
			continue
		}
		lo, hi := m.End, v.Start
		d := 0
		if m.Start >= v.End {
			lo, hi = v.End, m.Start
			d = 1 // after the value: a tie goes to the place before
		}
		if lo > hi || strings.ContainsAny(x.text[lo:hi], ",;") && m.Start < v.Start {
			continue
		}
		if strings.ContainsAny(x.text[lo:hi], ";") {
			continue
		}
		// "down by 80 percent, in India by 65 percent": past a comma the
		// next share's place
		if m.Start >= v.End && strings.Contains(x.text[lo:hi], ",") {
			continue
		}
		d += 2 * (hi - lo)
		if d < bd {
			best, bd = m.Entity, d
		}
	}
	return best
}

// timeNouns name times, not things: a figure before one counts no thing.
var timeNouns = set(`summer winter spring autumn fall morning evening night afternoon noon midnight
today yesterday tomorrow week weekend month year day hour minute decade century season time`)

// isDemonym reports a word naming the people of a country ("Somali",
// "Yemenis").
func isDemonym(w string) bool {
	return demonyms[w] != "" || demonyms[strings.TrimSuffix(w, "s")] != ""
}

// NounDemonym returns the country a demonym used as a noun names
// ("somali", "yemenis" -> "somalia", "yemen"), "" for other words.
func NounDemonym(w string) string {
	return specKey2(w)
}

func specKey2(w string) string {
	if c := demonyms[strings.ToLower(w)]; c != "" {
		return strings.ToLower(c)
	}
	if c := demonyms[strings.TrimSuffix(strings.ToLower(w), "s")]; c != "" {
		return strings.ToLower(c)
	}
	return ""
}

// mentionsAll returns the mentions that start in [a, b), places included
// (mentionsIn leaves places out: no place speaks).
func (x *extractor) mentionsAll(a, b int) []Mention {
	ms := x.an.Mentions
	k := sort.Search(len(ms), func(i int) bool { return ms[i].Start >= a })
	var out []Mention
	for ; k < len(ms) && ms[k].Start < b; k++ {
		if ms[k].Entity >= 0 {
			out = append(out, ms[k])
		}
	}
	return out
}

// spanNouns are spans of play or time a figure can be over: "43 RBIs in 54
// games", "10 wins in three seasons".
var spanNouns = set(`game match season year month week day start appearance outing inning round`)

// isQuoteMark reports a quotation mark, which a verb's object may hold
// ("sunk a pirate 'mother ship' on November 19").
func isQuoteMark(t string) bool {
	switch t {
	case "'", "\"", "`", "‘", "’", "“", "”":
		return true
	}
	return false
}

// tollOf reads the class of a toll a headless figure states: "the death
// toll ... rose to 10", "the toll stood at 40" (the dead), "the injury toll"
// (the injured). The toll must be the clause's subject a few words back.
func tollOf(toks []token, ti int) string {
	for b := ti - 1; b >= 0 && b >= ti-12; b-- {
		l := toks[b].low
		if l == ";" || l == "." || toks[b].kind == 'n' {
			return ""
		}
		if l != "toll" && l != "tolls" {
			continue
		}
		if b > 0 && (toks[b-1].low == "injury" || toks[b-1].low == "casualty") {
			return "injure"
		}
		return "die"
	}
	return ""
}

// deverbal reports a word that names an act: "sinking", "killing" (a
// gerund or an -ing noun of a verb), or a noun the verb classes know
// ("attack", "arrest").
func deverbal(x *extractor, t token) bool {
	if t.kind != 'w' || t.cap {
		return false
	}
	if strings.HasSuffix(t.low, "ing") && (t.pos == "VBG" || t.pos == "NN" && lang.Lemma(t.low) != t.low) {
		return true
	}
	// "the Wednesday bombings"
	if t.pos == "NNS" && strings.HasSuffix(t.low, "ings") && classOf(x.verbKey(t.low)) != "" {
		return true
	}
	return t.pos == "NN" && classOf(x.verbKey(t.low)) != ""
}

// sentenceYear is the one year a sentence is set in ("in 2004", "the 2004
// tsunami"), or 0: none, several, or only years a comparison names ("since
// 2004", "than in 2004").
func sentenceYear(toks []token) int {
	y := 0
	for t := 1; t < len(toks); t++ {
		tk := toks[t]
		if tk.kind != 'n' || len(tk.low) != 4 || !onlyDigits(tk.low) {
			continue
		}
		n := atoi4(tk.low)
		if n < 1800 || n > 2100 {
			continue
		}
		p := toks[t-1].low
		set := p == "in" || (p == "the" || p == "a") && t+1 < len(toks) && toks[t+1].kind == 'w' && !toks[t+1].cap
		if t >= 2 {
			switch toks[t-2].low {
			case "since", "until", "than", "before", "after", "till":
				set = false
			}
		}
		switch p {
		case "since", "until", "than", "before", "after", "till":
			set = false
		}
		if !set {
			continue
		}
		if y != 0 && y != n {
			return 0
		}
		y = n
	}
	if len(toks) > 0 && toks[0].kind == 'n' && len(toks[0].low) == 4 && onlyDigits(toks[0].low) {
		return 0 // "2004 was the worst year": not a setting
	}
	return y
}

// placeOrdinal are nouns an ordinal places a thing in, not an event among
// others: "the second floor", "the third row".
var placeOrdinal = set(`floor floors storey story level row lane block grade place half quarter tier deck`)

// crowdAct reads the act of a crowd counted without a verb class of its
// own: "took to the streets" is a protest; "put the march at 30,000", "the
// rally was estimated at 5,000" take the class of the noun estimated.
func (x *extractor) crowdAct(toks []token, v *valueAt) string {
	for t := v.tj; t+2 < len(toks) && t < v.tj+4; t++ {
		if (toks[t].low == "took" || toks[t].low == "take" || toks[t].low == "taking" || toks[t].low == "takes") && toks[t+1].low == "to" && toks[t+2].low == "the" && t+3 < len(toks) && strings.HasPrefix(toks[t+3].low, "street") {
			return classOf(x.verbKey("protest"))
		}
	}
	if v.ti == 0 || toks[v.ti-1].low != "at" {
		return ""
	}
	// back from "at" to the verb of estimating, over its object
	for b := v.ti - 2; b >= 0 && b >= v.ti-12; b-- {
		l := toks[b].low
		if l == "put" || l == "puts" || l == "estimated" || l == "estimate" || l == "estimates" || l == "placed" || l == "places" {
			for o := b + 1; o < v.ti-1; o++ {
				if toks[o].kind == 'w' && strings.HasPrefix(toks[o].pos, "NN") && !toks[o].cap {
					if c := classOf(x.verbKey(toks[o].low)); c != "" {
						return c
					}
					if crowdNouns[toks[o].low] {
						return classOf(x.verbKey("protest"))
					}
				}
			}
			return ""
		}
		if toks[b].text == "." || toks[b].text == ";" {
			return ""
		}
	}
	return ""
}

// crowdNouns are gatherings whose size is a count of people protesting.
var crowdNouns = set(`crowd crowds turnout demonstration demonstrations rally rallies march marches protest protests`)

// shareOf is the thing a percentage is a share of: the head of "80 percent
// of Internet services", or the subject of "services in Egypt were down by
// 80 percent" (the last common noun before the clause's verb).
func shareOf(x *extractor, toks []token, v *valueAt) string {
	if v.tj+1 < len(toks) && toks[v.tj].low == "of" {
		if _, h, _, _ := x.nounPhrase(toks, v.tj+1); h != "" {
			return h
		}
	}
	verb := -1
	for b := v.ti - 1; b >= 0; b-- {
		if toks[b].kind == 'w' && toks[b].isVerb() {
			verb = b
		}
		if toks[b].text == "," || toks[b].text == ";" {
			break
		}
	}
	for b := verb - 1; b >= 0; b-- {
		t := toks[b]
		if t.kind == 'w' && !t.cap && (t.pos == "NN" || t.pos == "NNS") {
			return nounKey(t.low)
		}
		if t.text == "," || t.text == ";" {
			break
		}
	}
	return ""
}

// earlierEvents reports "in those bombings", "in the earlier attack",
// "during previous raids" after a value: events the text told of before.
func earlierEvents(toks []token, from int) bool {
	for t := from; t+2 < len(toks) && t < from+6; t++ {
		if toks[t].low != "in" && toks[t].low != "during" && toks[t].low != "from" {
			continue
		}
		d := toks[t+1].low
		if d == "the" && t+3 < len(toks) {
			d = toks[t+2].low
			t++
		}
		if d == "those" || d == "these" || d == "earlier" || d == "previous" || d == "past" || d == "prior" {
			n := toks[t+2]
			return n.kind == 'w' && strings.HasPrefix(n.pos, "NN")
		}
	}
	return false
}

// deathPlaces are the places a death is told at, each with its code.
var deathPlaces = []struct {
	words []string
	code  float64
}{
	{[]string{"at", "the", "scene"}, 1}, {[]string{"on", "the", "scene"}, 1},
	{[]string{"on", "the", "way", "to", "the", "hospital"}, 2}, {[]string{"on", "the", "way", "to", "hospital"}, 2},
	{[]string{"on", "the", "way", "to", "a", "hospital"}, 2}, {[]string{"en", "route", "to", "the", "hospital"}, 2},
	{[]string{"en", "route", "to", "hospital"}, 2}, {[]string{"en", "route", "to", "a", "hospital"}, 2},
	{[]string{"at", "the", "hospital"}, 3}, {[]string{"at", "a", "hospital"}, 3}, {[]string{"in", "hospital"}, 3},
	{[]string{"in", "the", "hospital"}, 3}, {[]string{"at", "hospital"}, 3},
}

// deathPlace reads where one person died: "The woman ... died at the
// scene", "the third victim died on the way to the hospital". Only a
// death told of one person (a singular subject or a person's name), with
// "died" right before the place.
func (x *extractor) deathPlace(si int) (valueAt, bool) {
	s := &x.sents[si]
	toks := s.toks
	for i := 1; i < len(toks); i++ {
		if toks[i].low != "died" || s.quoted[i] {
			continue
		}
		j := i + 1
		if j < len(toks) && (toks[j].low == "later" || toks[j].low == "instantly" || toks[j].low == "shortly") {
			j++
		}
		for _, dp := range deathPlaces {
			if j+len(dp.words) > len(toks) {
				continue
			}
			match := true
			for k, w := range dp.words {
				if toks[j+k].low != w {
					match = false
					break
				}
			}
			if !match || !singularSubject(toks[:i]) {
				continue
			}
			v := valueAt{ti: j, mi: j, tj: j + len(dp.words)}
			v.Kind, v.Unit = crosscheck.ValueNumber, "deathplace"
			v.Attr, v.VerbClass, v.Head = AttrDeathPlace, "die", "person"
			v.Min, v.Max, v.N = dp.code, dp.code, dp.code
			v.Holder, v.Place = -1, -1
			v.Start, v.End = toks[j].start, toks[v.tj-1].end
			v.Text = x.text[v.Start:v.End]
			v.Phrase, v.PhraseEnd = v.Text, v.End
			for _, m := range x.mentionsAll(toks[0].start, toks[i].start) {
				if m.Entity >= 0 && x.an.Entities[m.Entity].Kind == crosscheck.KindPerson {
					v.Holder = m.Entity
					break
				}
			}
			return v, true
		}
	}
	return valueAt{}, false
}

// singularSubject reports a clause before "died" whose subject is one
// person: a name, "she", "he", "the woman", "the third victim" — not
// "two people", "they", "the victims".
func singularSubject(toks []token) bool {
	for _, t := range toks {
		switch t.low {
		case "they", "both", "two", "three", "four", "five", "victims", "people", "others":
			return false
		}
		if t.kind == 'n' {
			return false
		}
	}
	return true
}

// noneKilled reads a toll of none: "there were no casualties", "no
// fatalities", "no one was killed", "nobody died", quoted or not (a figure a
// report quotes it prints). It is a count of the dead of 0, which disputes
// "12 people had been killed". A sentence that counts dead or hurt itself,
// or speaks of another event, gives none.
func (x *extractor) noneKilled(si int, vals []valueAt) (valueAt, bool) {
	s := &x.sents[si]
	toks := s.toks
	for _, v := range vals {
		if v.Head == "person" && (v.VerbClass == "die" || v.VerbClass == "injure") {
			return valueAt{}, false
		}
	}
	for _, t := range toks {
		if otherWords[t.low] && t.low != "more" && t.low != "new" || t.low == "aftershock" || t.low == "aftershocks" {
			return valueAt{}, false
		}
	}
	for i := 0; i+1 < len(toks); i++ {
		end := -1
		switch {
		case toks[i].low == "no" && (toks[i+1].low == "casualties" || toks[i+1].low == "fatalities" || toks[i+1].low == "deaths"):
			end = i + 2
		case (toks[i].low == "nobody" || toks[i].low == "no" && toks[i+1].low == "one") && i+3 < len(toks):
			k := i + 1
			if toks[i].low == "no" {
				k++
			}
			if toks[k].low == "was" || toks[k].low == "were" || toks[k].low == "had" || toks[k].low == "has" {
				k++
				if toks[k].low == "been" && k+1 < len(toks) {
					k++
				}
			}
			if l := toks[k].low; l == "killed" || l == "died" {
				end = k + 1
			}
		}
		if end < 0 {
			continue
		}
		v := valueAt{ti: i, mi: i, tj: end}
		v.Kind, v.Unit = crosscheck.ValueCount, "person"
		v.Attr, v.Head, v.VerbClass, v.VerbWord, v.VerbLemma = AttrCount, "person", "die", "die", "die"
		v.Holder, v.Place = -1, -1
		v.Start, v.End = toks[i].start, toks[end-1].end
		v.Text = x.text[v.Start:v.End]
		v.Phrase, v.PhraseEnd = v.Text, v.End
		for b := max(0, i-4); b < i; b++ {
			if toks[b].pos == "MD" || modalWords[toks[b].low] {
				v.Modal = true
			}
		}
		return v, true
	}
	return valueAt{}, false
}

// crimeWords end the name of an offence.
var crimeWords = set(`murder murders manslaughter homicide assault assaults robbery robberies theft thefts rape rapes
kidnapping abduction fraud arson burglary battery trafficking terrorism piracy bribery extortion embezzlement
smuggling espionage treason possession attempt conspiracy endangerment mischief harassment stalking`)

// chargeAt reads the offence a sentence charges someone with: "charged
// (Saturday) with first-degree murder", "faces one count of first-degree
// murder", "on a charge of first-degree murder", "accused of", "convicted
// of", "guilty of". Outlets that name the same offence agree on it.
func (x *extractor) chargeAt(si int) (valueAt, bool) {
	s := &x.sents[si]
	toks := s.toks
	for i := 0; i+1 < len(toks); i++ {
		if s.quoted[i] {
			continue
		}
		start := -1
		l := toks[i].low
		switch {
		case l == "charged":
			for k := i + 1; k < len(toks) && k <= i+3; k++ {
				if toks[k].low == "with" {
					start = k + 1
					break
				}
			}
		case (l == "charge" || l == "charges" || l == "count" || l == "counts") && toks[i+1].low == "of":
			start = i + 2
		case (l == "accused" || l == "convicted" || l == "guilty" || l == "suspicion") && toks[i+1].low == "of":
			start = i + 2
		}
		if start < 0 || start >= len(toks) {
			continue
		}
		end := start
		for end < len(toks) && end < start+5 && toks[end].kind == 'w' && !toks[end].cap && !chargeStops[toks[end].low] {
			end++
		}
		// the offence ends with a crime's name: "first-degree murder"
		last := end - 1
		for last >= start && !crimeWords[toks[last].low] {
			last--
		}
		if last < start {
			continue
		}
		words := make([]string, 0, last-start+1)
		for k := start; k <= last; k++ {
			words = append(words, strings.ReplaceAll(toks[k].low, "-", " "))
		}
		key := strings.Join(strings.Fields(strings.Join(words, " ")), " ")
		h := fnv.New32a()
		h.Write([]byte(key))
		v := valueAt{ti: start, mi: start, tj: last + 1}
		v.Kind, v.Unit = crosscheck.ValueNumber, "charge"
		v.Attr, v.Spec = AttrCharge, key
		v.N = float64(h.Sum32())
		v.Min, v.Max = v.N, v.N
		v.Holder, v.Place = -1, -1
		v.Start, v.End = toks[start].start, toks[last].end
		v.Text = x.text[v.Start:v.End]
		// the claim reads with its verb: "charged with first-degree murder"
		v.Phrase, v.PhraseEnd = x.text[toks[i].start:v.End], v.End
		return v, true
	}
	return valueAt{}, false
}

// chargeStops end an offence's words.
var chargeStops = set(`in after for at on and by over following when while against of from with to the a an his her their`)
