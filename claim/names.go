package claim

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/kljensen/snowball/english"
)

// This file compares names as written. Each exported predicate answers one
// question about two names (are they the same words? one the acronym of
// the other? a misspelling?); package check decides with them, and with
// what the story says around the names, whether two entities are one.

// nameWord is one word of a name, normalised for comparison.
type nameWord struct {
	w   string // folded: lower case, diacritics and punctuation dropped
	acr bool   // written in capitals ("USGS", "EYP"), or a run of initials ("U. S.", "M/S")
	low bool   // written in lower case ("of", "bank")
}

// nameWords splits a name into words: letters and digits, everything else
// a separator (so "Hewlett - Packard", "Hewlett-Packard" and "SEA-ME-WE"
// split alike), apostrophes inside a word dropped ("O'Brien"), and runs of
// single capital letters joined ("U. S." -> "us", "M/S" -> "ms").
func nameWords(name string) []nameWord {
	var out []nameWord
	var b strings.Builder
	upper, lower := 0, 0
	flush := func() {
		if b.Len() > 0 {
			out = append(out, nameWord{w: b.String(), acr: upper >= 1 && lower == 0, low: upper == 0 && lower > 0})
		}
		b.Reset()
		upper, lower = 0, 0
	}
	for _, r := range name {
		switch {
		case unicode.IsLetter(r):
			if unicode.IsUpper(r) {
				upper++
			} else {
				lower++
			}
			r = unicode.ToLower(r)
			if m, ok := latinFold[r]; ok {
				b.WriteString(m)
			} else {
				b.WriteRune(r)
			}
		case unicode.IsDigit(r):
			b.WriteRune(r)
		case r == '\'' || r == '’' || unicode.IsMark(r):
		default:
			flush()
		}
	}
	flush()
	// runs of single capitals are one acronym: "U. S." -> "us"
	var joined []nameWord
	for i := 0; i < len(out); {
		j := i
		for j < len(out) && out[j].acr && utf8.RuneCountInString(out[j].w) == 1 {
			j++
		}
		if j-i >= 2 {
			var w strings.Builder
			for _, x := range out[i:j] {
				w.WriteString(x.w)
			}
			joined = append(joined, nameWord{w: w.String(), acr: true})
			i = j
			continue
		}
		// a single capital is an initial, not an acronym ("John W. Henry")
		if out[i].acr && utf8.RuneCountInString(out[i].w) == 1 {
			out[i].acr = false
		}
		joined = append(joined, out[i])
		i++
	}
	return joined
}

// NameWords returns a name's words as the predicates compare them: folded
// to lower case without diacritics, punctuation dropped, runs of initials
// joined ("U. S." -> "us").
func NameWords(name string) []string {
	ws := nameWords(name)
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.w
	}
	return out
}

// Names compares names and remembers what it has read of each, so that a
// story's thousands of comparisons read every name once. The zero value is
// ready to use; it is not safe for concurrent use.
type Names struct {
	m map[string]*parsedName
}

// parsedName is what the predicates read of a name.
type parsedName struct {
	words           []nameWord
	plain           []string // NameWords
	form, formStems []string // formWords and their stems
	content         []string // stems of the words but small words
	key             string   // FormKey
}

func (n *Names) get(name string) *parsedName {
	if p, ok := n.m[name]; ok {
		return p
	}
	if n.m == nil {
		n.m = map[string]*parsedName{}
	}
	p := &parsedName{words: nameWords(name)}
	p.plain = make([]string, len(p.words))
	for i, w := range p.words {
		p.plain[i] = w.w
		if !functionWords[w.w] {
			p.content = append(p.content, english.Stem(w.w, false))
		}
	}
	p.form = formWords(p.words)
	p.formStems = stems(p.form)
	p.key = strings.Join(p.formStems, "")
	n.m[name] = p
	return p
}

// Words is NameWords, remembered.
func (n *Names) Words(name string) []string { return n.get(name).plain }

// FormKey is FormKey, remembered.
func (n *Names) FormKey(name string) string { return n.get(name).key }

// corpSuffixes are the legal forms after a company's name: "Hewlett-Packard
// Co." and "Hewlett-Packard Corp." are the same company.
var corpSuffixes = set(`co corp corporation inc incorporated ltd limited llc plc company cos lp llp sa ag nv gmbh`)

// streetTypes maps the abbreviations of street types to the full word.
var streetTypes = map[string]string{
	"ave": "avenue", "av": "avenue", "st": "street", "str": "street", "rd": "road", "blvd": "boulevard",
	"ln": "lane", "hwy": "highway", "pkwy": "parkway", "sq": "square",
}

// ordinalWords are spelled-out ordinals as digits write them.
var ordinalWords = map[string]string{
	"first": "1st", "second": "2nd", "third": "3rd", "fourth": "4th", "fifth": "5th", "sixth": "6th",
	"seventh": "7th", "eighth": "8th", "ninth": "9th", "tenth": "10th", "eleventh": "11th",
	"twelfth": "12th", "thirteenth": "13th", "fourteenth": "14th", "fifteenth": "15th",
	"sixteenth": "16th", "seventeenth": "17th", "eighteenth": "18th", "nineteenth": "19th", "twentieth": "20th",
}

// compassAdjectives fold "Southern Kordofan" onto "South Kordofan".
var compassAdjectives = map[string]string{"southern": "south", "northern": "north", "eastern": "east", "western": "west"}

// formWords returns the words of a name as SameForm compares them:
// a country's names in a longer name made one ("U.S." and "United States"),
// a leading article and trailing company suffixes dropped, street types,
// ordinals and compass adjectives written one way, and articles and "of"
// and "and" inside the name dropped.
func formWords(ws []nameWord) []string {
	words := make([]string, 0, len(ws))
	for i := 0; i < len(ws); i++ {
		if len(ws) > 1 {
			if canon, n := countryRun(ws[i:]); n > 0 {
				words = append(words, strings.Fields(fold(canon))...)
				i += n - 1
				continue
			}
		}
		words = append(words, ws[i].w)
	}
	for len(words) > 1 && words[0] == "the" {
		words = words[1:]
	}
	for len(words) > 1 && corpSuffixes[words[len(words)-1]] {
		words = words[:len(words)-1]
	}
	out := words[:0]
	for i, w := range words {
		switch {
		case i > 0 && (w == "the" || w == "of" || w == "and"):
			continue
		case i == len(words)-1 && i > 0 && streetTypes[w] != "":
			w = streetTypes[w]
		case ordinalWords[w] != "":
			w = ordinalWords[w]
		case i < len(words)-1 && compassAdjectives[w] != "":
			w = compassAdjectives[w]
		}
		out = append(out, w)
	}
	return out
}

// countryRun returns the canonical name of a country named by the first
// one to three words, and how many words it takes.
func countryRun(ws []nameWord) (string, int) {
	for n := min(3, len(ws)); n >= 1; n-- {
		parts := make([]string, n)
		for i := range parts {
			parts[i] = ws[i].w
		}
		k := strings.Join(parts, " ")
		if c := countries[k]; c != "" && IsCountry(k) {
			return c, n
		}
	}
	return "", 0
}

func stems(words []string) []string {
	out := make([]string, len(words))
	for i, w := range words {
		out[i] = english.Stem(w, false)
	}
	return out
}

// FormKey is a name reduced to what SameForm compares: names with the same
// key are the same name written differently.
func FormKey(name string) string {
	return strings.Join(stems(formWords(nameWords(name))), "")
}

// SameForm reports whether two names are the same words written
// differently: spacing, hyphens and capitals ("SEA-ME-WE 4", "Sea Me We
// 4"), initials spaced or not ("U. S.", "US"), a country's short or full
// name, company suffixes ("Co.", "Corp.", "Ltd.", "Limited"), a compound
// written apart ("TallGrass", "Tall Grass"), street types and ordinals
// abbreviated or not ("5th Ave.", "Fifth Avenue"), compass adjectives
// ("Southern Kordofan"), plurals, and at most one word in another form of
// the same stem ("Distribution", "Distributors").
func SameForm(a, b string) bool { return new(Names).SameForm(a, b) }

// SameForm is SameForm, remembering the names.
func (n *Names) SameForm(a, b string) bool {
	pa, pb := n.get(a), n.get(b)
	if len(pa.form) == 0 || len(pb.form) == 0 {
		return false
	}
	if pa.key == pb.key {
		return true
	}
	ok, fuzzy := alignWords(pa.form, pa.formStems, pb.form, pb.formStems)
	return ok && (fuzzy == 0 || min(len(pa.form), len(pb.form)) >= 2)
}

// alignWords matches two word lists, given with their stems, word by
// word: same stem, a compound against its two halves, or (counted in
// fuzzy) another form of one word.
func alignWords(a, sa, b, sb []string) (ok bool, fuzzy int) {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case sa[i] == sb[j]:
			i, j = i+1, j+1
		case i+1 < len(a) && (a[i]+a[i+1] == b[j] || sa[i]+sa[i+1] == sb[j]):
			i, j = i+2, j+1
		case j+1 < len(b) && (a[i] == b[j]+b[j+1] || sa[i] == sb[j]+sb[j+1]):
			i, j = i+1, j+2
		case fuzzy == 0 && morphVariant(a[i], b[j], sa[i], sb[j]):
			fuzzy++
			i, j = i+1, j+1
		default:
			return false, 0
		}
	}
	return i == len(a) && j == len(b), fuzzy
}

// morphVariant reports two forms of one long word: "Advisors"/"Advisers",
// "Distribution"/"Distributors". Digits never vary.
func morphVariant(a, b, sa, sb string) bool {
	if hasDigit(a) || hasDigit(b) || min(len(a), len(b)) < 5 {
		return false
	}
	if editDistance1(a, b) {
		return true
	}
	if len(sa) > len(sb) {
		sa, sb = sb, sa
	}
	return len(sa) >= 7 && strings.HasPrefix(sb, sa) && len(sb)-len(sa) <= 3
}

// SpellingVariant reports whether two names differ by one misspelling or
// transliteration in one word: one letter added, dropped, changed or two
// swapped, in a word of seven letters or more; in a word of five or six
// letters only a vowel may differ (Talodi/Taludi, Karavan/Karvan). Shorter
// words, numbers and short names the gazetteer knows never vary: Gaza and
// Giza, Sudan and Sedan, SEA-ME-WE 3 and 4 are different things.
func SpellingVariant(a, b string) bool { return new(Names).SpellingVariant(a, b) }

// SpellingVariant is SpellingVariant, remembering the names.
func (n *Names) SpellingVariant(a, b string) bool {
	wa, wb := n.get(a).words, n.get(b).words
	if len(wa) != len(wb) || len(wa) == 0 || len(wa) > 4 {
		return false
	}
	if ka, kb := KnownPlace(a), KnownPlace(b); ka && kb || (ka || kb) && min(len(a), len(b)) < 8 {
		return false // the gazetteer's places are spelled its way: Sudan is no Sedan
	}
	diff := -1
	for i := range wa {
		if wa[i].w != wb[i].w {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	if diff < 0 {
		return false
	}
	return wordVariant(wa[diff].w, wb[diff].w)
}

func wordVariant(a, b string) bool {
	if hasDigit(a) || hasDigit(b) || !editDistance1(a, b) {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if ra[0] != rb[0] && len(ra) == len(rb) && !soundAlike(ra[0], rb[0]) {
		return false // Gourian, Tourian: another first sound is another name
	}
	n := min(utf8.RuneCountInString(a), utf8.RuneCountInString(b))
	switch {
	case n >= 7:
		return true
	case n >= 5:
		return vowelEdit(a, b)
	}
	return false
}

// vowelEdit reports whether the one edit between a and b adds, drops or
// changes a vowel.
func vowelEdit(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) < len(rb) {
		return isVowel(rb[i])
	}
	return i < len(ra) && isVowel(ra[i]) && isVowel(rb[i])
}

func isVowel(r rune) bool { return strings.ContainsRune("aeiouy", r) }

// AcronymTypo reports two acronyms of four letters or more that differ by
// two neighbouring letters swapped: FLDS, FDLS.
func AcronymTypo(a, b string) bool {
	if len(a) != len(b) || len(a) < 4 || a == b || !isAcronym(a) || !isAcronym(b) {
		return false
	}
	i := 0
	for i < len(a) && a[i] == b[i] {
		i++
	}
	return i+1 < len(a) && a[i] == b[i+1] && a[i+1] == b[i] && a[i+2:] == b[i+2:]
}

// editDistance1 reports whether a and b are one edit apart: a letter
// added, dropped or changed, or two neighbouring letters swapped.
func editDistance1(a, b string) bool {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb)-len(ra) > 1 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if len(ra) == len(rb) {
		if i == len(ra) {
			return false // equal
		}
		if string(ra[i+1:]) == string(rb[i+1:]) {
			return true // changed
		}
		return i+1 < len(ra) && ra[i] == rb[i+1] && ra[i+1] == rb[i] && string(ra[i+2:]) == string(rb[i+2:])
	}
	return string(ra[i:]) == string(rb[i+1:]) // added
}

// functionWords may stand in a name without giving a letter to its
// acronym: "Texas Department of Criminal Justice" is TDCJ.
var functionWords = set(`of and the for on in at de du la le da di del des von van`)

// Abbreviates reports whether short is long with one or more runs of its
// words written as an acronym: "USGS" / "U. S. Geological Survey", "LA
// Times" / "Los Angeles Times", "EYP MCF" / "EYP Mission Critical
// Facilities". A word gives its initial (hyphenated parts each theirs), a
// word in capitals its initial or all its letters, a number itself; small
// words ("of", "and") and company suffixes may give nothing.
func Abbreviates(short, long string) bool { return new(Names).Abbreviates(short, long) }

// Abbreviates is Abbreviates, remembering the names.
func (n *Names) Abbreviates(short, long string) bool {
	sw, lw := n.get(short).words, n.get(long).words
	if len(sw) == 0 || len(lw) < 2 || len(sw) >= len(lw) {
		return false
	}
	hasAcr := false
	for _, w := range sw {
		hasAcr = hasAcr || w.acr && len(w.w) >= 2
	}
	if !hasAcr {
		return false
	}
	return abbrevFrom(sw, lw, false)
}

// abbrevFrom matches the words sw against lw.
func abbrevFrom(sw, lw []nameWord, expanded bool) bool {
	if len(sw) == 0 {
		for _, w := range lw {
			if !corpSuffixes[w.w] {
				return false
			}
		}
		return expanded
	}
	if len(lw) == 0 {
		return false
	}
	if sw[0].w == lw[0].w && abbrevFrom(sw[1:], lw[1:], expanded) {
		return true
	}
	if !sw[0].acr || len(sw[0].w) < 2 {
		return false
	}
	// the acronym sw[0] spells a run of lw's words
	var try func(letters string, j, used int) bool
	try = func(letters string, j, used int) bool {
		if letters == "" {
			return used >= 2 && abbrevFrom(sw[1:], lw[j:], true)
		}
		if j >= len(lw) {
			return false
		}
		w := lw[j]
		if (functionWords[w.w] || corpSuffixes[w.w]) && try(letters, j+1, used) {
			return true
		}
		if hasDigit(w.w) {
			return strings.HasPrefix(letters, w.w) && try(letters[len(w.w):], j+1, used+1)
		}
		if w.acr && len(w.w) >= 2 && strings.HasPrefix(letters, w.w) && try(letters[len(w.w):], j+1, used+1) {
			return true
		}
		r, _ := utf8.DecodeRuneInString(w.w)
		c, _ := utf8.DecodeRuneInString(letters)
		return r == c && try(letters[utf8.RuneLen(c):], j+1, used+1)
	}
	return try(sw[0].w, 0, 0)
}

// ShortForm reports whether short is the first words of long, at least
// two, and the word long adds next is no head word of an organisation or
// a place: "EYP Mission" is "EYP Mission Critical Facilities", but "New
// York" is not the "New York Times", which is named after the city. The
// story must still say whether short names something else of its own (a
// place: "New York" and the "New York Stock Exchange").
func ShortForm(short, long string) bool { return new(Names).ShortForm(short, long) }

// ShortForm is ShortForm, remembering the names.
func (n *Names) ShortForm(short, long string) bool {
	k := n.prefixEnd(short, long)
	if k < 0 {
		return false
	}
	w := n.get(long).form[k]
	return !(orgSuffixes[w] || placeSuffixes[w] || placeNouns[w] || streetTypes[w] != "" || isStreetType(w))
}

// Prefix reports whether short is the first words of long, at least two,
// whatever long adds.
func Prefix(short, long string) bool { return new(Names).Prefix(short, long) }

// Prefix is Prefix, remembering the names.
func (n *Names) Prefix(short, long string) bool { return n.prefixEnd(short, long) >= 0 }

// prefixEnd returns the index in long's form words where short ends, -1
// when short is not its first words.
func (n *Names) prefixEnd(short, long string) int {
	ps, pl := n.get(short), n.get(long)
	sw, lw := ps.form, pl.form
	if len(sw) < 2 || len(lw) <= len(sw) {
		return -1
	}
	for k := len(sw); k < len(lw); k++ {
		if ok, _ := alignWords(sw, ps.formStems, lw[:k], pl.formStems[:k]); ok {
			return k
		}
	}
	return -1
}

// AfterPlace reports whether long is a known place's name and then short:
// "Boston Red Sox" / "Red Sox", "New York Yankees" / "Yankees".
func AfterPlace(short, long string) bool { return new(Names).AfterPlace(short, long) }

// AfterPlace is AfterPlace, remembering the names.
func (n *Names) AfterPlace(short, long string) bool {
	sw, lw := n.get(short).plain, n.get(long).plain
	if len(sw) == 0 || len(lw) <= len(sw) || KnownPlace(short) {
		return false
	}
	k := len(lw) - len(sw)
	if strings.Join(lw[k:], " ") != strings.Join(sw, " ") {
		return false
	}
	return KnownPlace(strings.Join(lw[:k], " "))
}

// Tail reports whether short is one word that ends long and names
// nothing by itself, as a head word does: "Sox" / "Red Sox", "Mysore" /
// "INS Mysore"; not "Times" / "Kelso Times", not "Texas" / "West Texas".
func Tail(short, long string) bool { return new(Names).Tail(short, long) }

// Tail is Tail, remembering the names.
func (n *Names) Tail(short, long string) bool {
	sw, lw := n.get(short).plain, n.get(long).plain
	if len(sw) != 1 || len(lw) < 2 || lw[len(lw)-1] != sw[0] {
		return false
	}
	w := sw[0]
	return !(orgSuffixes[w] || placeSuffixes[w] || placeNouns[w] || titleWords[w] || isStreetType(w) || KnownPlace(short) || KnownPlace(long) || hasDigit(w))
}

// Elides reports whether short is long with words of its middle left out,
// keeping its first word and its head, a word that names a kind of
// organisation or place: "Carlton Hotel" / "Carlton Intercontinental
// Hotel". A first word the gazetteer knows names many things: "Sudan Army"
// is not the "Sudan People's Liberation Army".
func Elides(short, long string) bool { return new(Names).Elides(short, long) }

// Elides is Elides, remembering the names.
func (n *Names) Elides(short, long string) bool {
	ps, pl := n.get(short), n.get(long)
	sw, lw := ps.form, pl.form
	if len(sw) < 2 || len(lw) <= len(sw) || KnownPlace(sw[0]) {
		return false
	}
	head := sw[len(sw)-1]
	if !orgSuffixes[head] && !placeSuffixes[head] {
		return false
	}
	ss, ls := ps.formStems, pl.formStems
	for a := 1; a < len(sw); a++ {
		b := len(sw) - a
		if ok, _ := alignWords(sw[:a], ss[:a], lw[:a], ls[:a]); !ok {
			continue
		}
		if ok, _ := alignWords(sw[a:], ss[a:], lw[len(lw)-b:], ls[len(lw)-b:]); ok {
			return true
		}
	}
	return false
}

// SameWords reports whether two names of three words or more are the same
// words in another order: "Dynamic Smart Cooling", "Smart Dynamic Cooling".
func SameWords(a, b string) bool { return new(Names).SameWords(a, b) }

// SameWords is SameWords, remembering the names.
func (n *Names) SameWords(a, b string) bool {
	wa, wb := n.get(a).content, n.get(b).content
	if len(wa) < 3 || len(wa) != len(wb) {
		return false
	}
	wa, wb = append([]string(nil), wa...), append([]string(nil), wb...)
	sort.Strings(wa)
	sort.Strings(wb)
	return strings.Join(wa, " ") == strings.Join(wb, " ")
}

// GivenVariant reports whether two given names can be one person's: one a
// nickname of the other (Mo/Maurice, Lou/Louis), or a transliteration or
// misspelling of a name of five letters or more: one letter changed or
// two swapped, a first letter only for one that sounds alike (Giannis /
// Yiannis, Ilias / Elias), a letter dropped inside (Andre / Anre). The last
// letter never differs: Maria and Mario, Louis and Louise are two people.
func GivenVariant(a, b string) bool {
	a, b = fold(a), fold(b)
	if a == b {
		return true
	}
	if nicknameMatch(a, b) {
		return true
	}
	if !editDistance1(a, b) || hasDigit(a) || hasDigit(b) {
		return false
	}
	ra, rb := []rune(a), []rune(b)
	if len(ra) > len(rb) {
		ra, rb = rb, ra
	}
	if len(rb) < 5 || len(ra) < 4 {
		return false
	}
	i := 0
	for i < len(ra) && ra[i] == rb[i] {
		i++
	}
	if i >= len(ra)-1 && len(ra) == len(rb) || i >= len(ra) {
		return false // the last letter
	}
	if len(ra) != len(rb) {
		return i > 0 && i < len(ra) // a letter dropped inside
	}
	if i == 0 {
		return len(ra) >= 5 && soundAlike(ra[0], rb[0])
	}
	return len(ra) >= 5
}

// soundGroups are letters that transliterations exchange.
var soundGroups = []string{"aeiouy", "ckq", "gyj", "sz", "vwb", "fp"}

func soundAlike(a, b rune) bool {
	for _, g := range soundGroups {
		if strings.ContainsRune(g, a) && strings.ContainsRune(g, b) {
			return true
		}
	}
	return false
}

// nicknameMatch reports whether two given names share a nickname group.
func nicknameMatch(a, b string) bool {
	for _, ga := range nickGroups[a] {
		for _, gb := range nickGroups[b] {
			if ga == gb {
				return true
			}
		}
	}
	return false
}

// particles begin surnames and are often left out: LaCalamita, Calamita.
var surnameParticles = []string{"la", "le", "de", "di", "da", "du", "van", "von", "der", "del", "al", "el"}

// SurnameVariant reports whether two surnames can be one person's: the
// same transliteration skeleton (Zelensky, Zelenskyy), one letter apart in
// a surname of five letters or more whose first sound is the same
// (Wolfe, Wolff), or with a particle left out (LaCalamita, Calamita).
func SurnameVariant(a, b string) bool {
	fa, fb := fold(a), fold(b)
	if fa == fb || skeleton(fa) == skeleton(fb) && len(skeleton(fa)) >= 4 {
		return true
	}
	if len(fa) > len(fb) {
		fa, fb = fb, fa
	}
	for _, p := range surnameParticles {
		if strings.HasPrefix(fb, p) && fb[len(p):] == fa && len(fa) >= 5 {
			return true
		}
	}
	if len(fb) < 5 || !editDistance1(fa, fb) {
		return false
	}
	ra, rb := []rune(fa), []rune(fb)
	return ra[0] == rb[0] || soundAlike(ra[0], rb[0])
}

func isStreetType(w string) bool {
	switch w {
	case "street", "avenue", "road", "boulevard", "lane", "highway", "parkway", "square", "drive", "way", "place", "court", "terrace":
		return true
	}
	return false
}

// KnownGivenName reports a given name or nickname the lexicon knows:
// "Maddie", "Lou".
func KnownGivenName(w string) bool {
	w = fold(w)
	return givenNames[w] || len(nickGroups[w]) > 0
}
