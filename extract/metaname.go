package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// authorParse is what one author value names.
type authorParse struct {
	people []string // persons, in order
	orgs   []string // organisations named as authors: agencies, desks of an outlet
	agency string   // the first news agency among orgs
}

// A nameKind is what a piece of an author field names.
type nameKind uint8

const (
	noName nameKind = iota
	personKind
	orgKind
)

// parseAuthorValue reads the people and organisations an author value
// names: "By Jane Doe and John Roe", "Jane Doe, Reuters", "Von Jane Doe |
// 12.03.2020", "Jane Doe, Senior Editor". lenient is for sources that say
// the value is a name (schema.org, rel=author, hCard): single names and
// user names are taken there, while a visible byline must read as a full
// name. site is the page's site name, so that an outlet naming itself is
// not taken for a person.
func parseAuthorValue(s string, trust nameTrust, site string) authorParse {
	s = strings.ToValidUTF8(s, "")
	var p authorParse
	lines := strings.Split(s, "\n")
	for i := 0; i+1 < len(lines); i++ {
		// "von" on a line of its own, the name on the next.
		if stripAuthorLabel(lines[i]) == "" && lines[i] != "" {
			lines[i+1] = lines[i] + " " + lines[i+1]
			lines[i] = ""
		}
	}
	for _, line := range lines {
		var lp authorParse
		parseAuthorLine(line, trust, site, &lp)
		if len(lp.people) > 0 {
			p.people = append(p.people, lp.people...)
			p.orgs = append(p.orgs, lp.orgs...)
			if p.agency == "" {
				p.agency = lp.agency
			}
			break // the first line naming people is the byline
		}
		if len(p.orgs) == 0 {
			p.orgs, p.agency = lp.orgs, lp.agency
		}
	}
	p.people = dedupeFold(p.people)
	p.orgs = dedupeFold(p.orgs)
	return p
}

// nameTrust says how surely a value holds names.
type nameTrust uint8

const (
	// strictNames: visible text; only full names are taken.
	strictNames nameTrust = iota
	// labelledNames: an element marked as a byline; after a label ("By",
	// "von") a single name is taken too.
	labelledNames
	// lenientNames: a field that is a name by definition (schema.org
	// author, meta author, rel=author): single names and user names too.
	lenientNames
)

// Separators that end a byline's names: what follows is a date, a role or
// a place.
var bylineBreaks = []string{" | ", " · ", " • ", " — ", " – ", " - ", " / ", "|", "•"}

// Separators between several names.
var nameJoins = []string{", ", ",", "; ", ";", "、", " & ", " and ", " und ", " et ", " y ", " e ", " i ", " og ", " och ", " en "}

func parseAuthorLine(line string, trust nameTrust, site string, p *authorParse) {
	lenient := trust == lenientNames
	line = strings.TrimSpace(line)
	if line == "" || len(line) > 300 {
		return
	}
	low := strings.ToLower(line)
	if strings.HasPrefix(low, "@") {
		return // a social network handle
	}
	if strings.Contains(low, "://") || strings.HasPrefix(low, "www.") && !strings.Contains(low, " ") && len(site) > 0 {
		return // a profile address, not a name
	}
	if inner, ok := wholeBracket(line); ok {
		line = inner // "(Text: Jane Doe)", "（责编：牛镛）": a byline set in brackets
	}
	// "Jane Doe (Reuters)": brackets credit an agency or hold an
	// abbreviation of the name ("(obe)"), never another person; a web
	// address there ("Deutsche Welle (www.dw.com)") marks an organisation.
	line, domain := creditBrackets(line, p)
	if domain {
		if k, name := classifyName(line, true, ""); k != noName {
			p.orgs = append(p.orgs, name)
		}
		return
	}
	if !lenient && len(line) > 120 {
		return // a sentence or a caption, not a byline
	}
	if l := stripAuthorLabel(line); l != line {
		// "By Jane", "von Heiko" in a marked byline: a label says a name
		// follows, even a single one.
		line, lenient = l, lenient || trust == labelledNames
	}
	segs := []string{line}
	for _, sep := range bylineBreaks {
		var next []string
		for _, s := range segs {
			next = append(next, strings.Split(s, sep)...)
		}
		segs = next
	}
	defer func(start int) { tidyPeople(p, start) }(len(p.people))
	for si, seg := range segs {
		seg = stripAuthorLabel(strings.TrimSpace(seg))
		if seg == "" {
			continue
		}
		if si > 0 && len(p.people) > 0 {
			// After the names, a break starts a date, a role or a place;
			// only an agency there is worth keeping.
			if a := strings.ToLower(strings.Trim(seg, " .,:")); wireAgencies[a] {
				p.orgs = append(p.orgs, strings.Trim(seg, " .,:"))
				if p.agency == "" {
					p.agency = strings.Trim(seg, " .,:")
				}
			}
			continue
		}
		parts := splitAny(seg, nameJoins)
		if singleWords(parts) {
			// "Jobs & Hire", "Müller und Söhne": one name of two words
			// joined, not two people of one word each.
			parts = []string{seg}
		}
		for _, part := range parts {
			part = stripAuthorLabel(trimNamePunct(part))
			part = stripTrailingDate(part)
			part = stripPlace(part)
			switch k, name := classifyName(part, lenient, site); k {
			case personKind:
				p.people = append(p.people, name)
			case orgKind:
				p.orgs = append(p.orgs, name)
				if p.agency == "" && wireAgencies[strings.ToLower(name)] {
					p.agency = name
				}
			}
		}
	}
}

// wholeBracket returns what a line wholly set in one pair of round
// brackets holds.
func wholeBracket(line string) (string, bool) {
	for _, p := range [][2]string{{"(", ")"}, {"（", "）"}} {
		if strings.HasPrefix(line, p[0]) && strings.HasSuffix(line, p[1]) {
			inner := line[len(p[0]) : len(line)-len(p[1])]
			if !strings.ContainsAny(inner, "()（）") {
				return strings.TrimSpace(inner), true
			}
		}
	}
	return "", false
}

// singleWords reports two or more parts of one word each, in a script
// with case: single names joined, as companies are named.
func singleWords(parts []string) bool {
	if len(parts) < 2 {
		return false
	}
	for _, p := range parts {
		p = trimNamePunct(p)
		if strings.Contains(p, " ") || caseless(p) || p == "" {
			return false
		}
	}
	return true
}

// tidyPeople looks at the people one line named, from index start: beside
// full names, a single word is a place or an abbreviation ("Anna Sleegers,
// Frankfurt") and a part in capitals among names in ordinary case is a
// desk or a broadcaster ("David Straub, MDR THÜRINGEN").
func tidyPeople(p *authorParse, start int) {
	names := p.people[start:]
	full, mixed := false, false
	for _, n := range names {
		if strings.Contains(n, " ") {
			full = true
		}
		if strings.ToUpper(n) != n {
			mixed = true
		}
	}
	out := names[:0]
	for _, n := range names {
		switch {
		case full && !strings.Contains(n, " ") && !caseless(n):
		case mixed && strings.ToUpper(n) == n && strings.ToLower(n) != n:
			p.orgs = append(p.orgs, n)
		default:
			out = append(out, n)
		}
	}
	p.people = p.people[:start+len(out)]
}

// creditBrackets removes bracketed pieces from line, keeping a news
// agency among them as a credit.
func creditBrackets(line string, p *authorParse) (rest string, domain bool) {
	for {
		i := strings.IndexAny(line, "([")
		if i < 0 {
			return line, domain
		}
		j := strings.IndexAny(line[i:], ")]")
		if j < 0 {
			return line[:i], domain
		}
		in := strings.TrimSpace(line[i+1 : i+j])
		if strings.HasPrefix(strings.ToLower(in), "www.") || looksDomainName(in) && strings.Count(in, ".") >= 1 && !strings.Contains(in, " ") && len(in) > 5 {
			domain = true
		}
		if wireAgencies[strings.ToLower(in)] {
			p.orgs = append(p.orgs, in)
			if p.agency == "" {
				p.agency = in
			}
		}
		line = line[:i] + " " + line[i+j+1:]
	}
}

// stripAuthorLabel drops a leading "By", "Von", "Written by", "Autor:".
func stripAuthorLabel(s string) string {
	s = strings.TrimLeft(s, " |·•\u00a0(（")
	for range 2 { // "Text: Von Jane Doe"
		low := strings.ToLower(s)
		found := false
		for _, l := range authorLabels {
			if !strings.HasPrefix(low, l) {
				continue
			}
			rest := s[len(l):]
			if strings.HasSuffix(l, ":") || strings.HasSuffix(l, "：") || rest == "" {
				s, found = strings.TrimSpace(rest), true
				break
			}
			if c := rest[0]; c == ' ' || c == ':' || c == '\t' || c == '\u00a0' {
				s, found = strings.TrimLeft(rest, " :\t\u00a0"), true
				break
			}
		}
		if !found {
			break
		}
	}
	return strings.TrimSpace(s)
}

func trimNamePunct(s string) string {
	return strings.Trim(s, " .,;:|-–—\"'“”„«»*·•@()（）")
}

// stripTrailingDate drops dates and date words ending a name: "Jane Doe
// Monday", "Jane Doe 12.03.2020", "Jane Doe Published".
func stripTrailingDate(s string) string {
	words := strings.Fields(s)
	for len(words) > 1 {
		lw := strings.ToLower(strings.Trim(words[len(words)-1], ".,:"))
		if monthNames[lw] == 0 && !weekdayNames[lw] && lw != "published" && lw != "updated" &&
			lw != "am" && lw != "pm" && lw != "uhr" && !hasDigit(lw) {
			break
		}
		words = words[:len(words)-1]
	}
	return strings.Join(words, " ")
}

// stripPlace drops " in Geneva" ending a name.
func stripPlace(s string) string {
	for _, sep := range []string{" in ", " aus ", " from ", " à ", " en "} {
		i := strings.LastIndex(s, sep)
		if i <= 0 {
			continue
		}
		place := strings.Fields(s[i+len(sep):])
		if len(place) == 0 || len(place) > 3 {
			continue
		}
		ok := true
		for _, w := range place {
			if r, _ := utf8.DecodeRuneInString(w); !unicode.IsUpper(r) {
				ok = false
			}
		}
		if ok {
			return s[:i]
		}
	}
	return s
}

func hasDigit(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			return true
		}
	}
	return false
}

// Words that end the name of an organisation rather than a person.
var orgEndWords = map[string]bool{
	"online": true, "redaktion": true, "verlag": true, "gmbh": true, "ag": true, "inc": true,
	"ltd": true, "llc": true, "media": true, "medien": true, "group": true, "gruppe": true,
	"zeitung": true, "nachrichten": true, "fernsehen": true, "rundfunk": true, "radio": true,
	"tv": true, "digital": true, "digitale": true, "agency": true, "agentur": true, "press": true,
	"presse": true, "news": true, "blog": true, "magazine": true, "magazin": true, "network": true,
	"institute": true, "institut": true, "university": true, "universität": true,
	"association": true, "verband": true, "verein": true, "e.v.": true, "stiftung": true,
	"foundation": true, "ministry": true, "ministerium": true, "department": true,
}

// isOrgName reports a name ending as organisations' names end: a legal
// form ("GmbH", "e. V.", "Inc"), a word such as "Zeitung" or "Media", or
// a compound ending in one ("Hanns-Seidel-Stiftung").
func isOrgName(words []string) bool {
	last := strings.ToLower(words[len(words)-1])
	key := strings.ReplaceAll(last, ".", "")
	if legalForms[key] || orgEndWords[key] || outletWords[key] && len(words) > 1 {
		return true
	}
	if len(words) > 1 && key == "v" && strings.ToLower(strings.TrimRight(words[len(words)-2], ".")) == "e" {
		return true // "e. V."
	}
	if i := strings.LastIndexByte(key, '-'); i > 0 && orgEndWords[key[i+1:]] {
		return true
	}
	for _, suffix := range []string{"stiftung", "verband", "verein", "zeitung", "gesellschaft", "ministerium", "agentur"} {
		if strings.HasSuffix(key, suffix) && len(key) > len(suffix)+2 {
			return true
		}
	}
	return false
}

// Legal forms of companies and associations, without dots.
var legalForms = map[string]bool{
	"gmbh": true, "ag": true, "kg": true, "ev": true, "inc": true, "ltd": true, "llc": true,
	"plc": true, "sa": true, "sarl": true, "srl": true, "spa": true, "bv": true, "nv": true,
	"co": true, "corp": true, "ug": true, "ohg": true, "gbr": true, "ab": true, "as": true, "oy": true,
}

// classifyName says whether a piece of an author field is a person's name,
// an organisation's, or neither, and returns it cleaned.
func classifyName(s string, lenient bool, site string) (nameKind, string) {
	s = trimNamePunct(s)
	if s == "" || len(s) > 80 {
		return noName, ""
	}
	low := strings.ToLower(s)
	if wireAgencies[low] {
		return orgKind, s
	}
	if a, b, ok := strings.Cut(low, "/"); ok && (wireAgencies[strings.TrimSpace(a)] || wireAgencies[strings.TrimSpace(b)]) {
		// "det/dpa", "AFP/The Local": an agency and a desk's or an
		// editor's sign, credited as written.
		return orgKind, s
	}
	words := strings.Fields(s)
	if len(words) > 6 {
		return noName, ""
	}
	// "Senior Correspondent Jane Doe", "신현주 기자": titles off the ends.
	n := len(words)
	for len(words) > 0 && roleLexicon[strings.ToLower(strings.Trim(words[0], ".,:"))] {
		words = words[1:]
	}
	for len(words) > 0 && roleLexicon[strings.ToLower(strings.Trim(words[len(words)-1], ".,:"))] {
		words = words[:len(words)-1]
	}
	if len(words) > 2 && followButtons[strings.ToLower(words[len(words)-1])] {
		// "Jane Doe Follow": the button an author box sets beside the name.
		words = words[:len(words)-1]
		n--
	}
	if len(words) == 0 || len(words) < n && len(words) == 1 && !caseless(words[0]) {
		// Only titles, or a title beside one word ("Herald Staff
		// Writer"): no one's name.
		return noName, ""
	}
	s = strings.Join(words, " ")
	for _, w := range words {
		lw := strings.ToLower(strings.Trim(w, ".,:;!?"))
		if notNameLexicon[lw] || strings.Contains(w, "@") || strings.Contains(w, "http") {
			return noName, ""
		}
	}
	if sameOutlet(s, site) {
		return orgKind, s
	}
	for _, w := range words {
		if deskLexicon[strings.ToLower(strings.Trim(w, ".,:;!?"))] {
			// "Redaktion", "BR24 Redaktion": the desk the page credits.
			return orgKind, s
		}
	}
	if isOrgName(words) || looksDomainName(s) {
		return orgKind, s
	}
	if len(words) == 1 && isAcronymWord(s) || mixesAcronym(words) {
		return orgKind, s
	}
	for _, w := range words {
		// Words of navigation and sections ("Read more", "Politics"):
		// no person's name holds them.
		if lw := strings.ToLower(strings.Trim(w, ".,:;!?")); notNameWords[lw] && !nameParticles[lw] {
			return noName, ""
		}
	}
	if isNameLike(words, lenient) {
		return personKind, s
	}
	return noName, ""
}

// The words of the button beside an author's name that follows the
// author's posts.
var followButtons = map[string]bool{"follow": true, "folgen": true, "suivre": true, "seguir": true, "segui": true, "volgen": true}

// sameOutlet reports a value that is the outlet's own name. site holds
// the names the page gives its outlet, one a line (og:site_name, the
// publisher, the host).
func sameOutlet(s, site string) bool {
	a := outletKey(s)
	if a == "" {
		return false
	}
	for _, name := range strings.Split(site, "\n") {
		if possessive(name, s) {
			// "Daniel Lemire's blog": the site of the person, who is not
			// the site.
			continue
		}
		b := outletKey(name)
		// Equal, or one the other with a short addition ("Spiegel" and
		// "Spiegel Online"); not a person named in the host ("Heiko",
		// heiko-adams.de).
		short, long := a, b
		if len(short) > len(long) {
			short, long = long, short
		}
		if short != "" && strings.HasPrefix(long, short) && 10*len(short) >= 6*len(long) {
			return true
		}
	}
	return false
}

// possessive reports a site name that is a person's: "Jane Doe's Blog",
// "Jane Doe’s kitchen".
func possessive(site, name string) bool {
	site, name = strings.ToLower(site), strings.ToLower(strings.TrimSpace(name))
	return name != "" && (strings.HasPrefix(site, name+"'s ") || strings.HasPrefix(site, name+"’s "))
}

// outletKey folds an outlet's name or host for comparison: "www." and a
// final ".com" or ".de" off, letters and digits only.
func outletKey(s string) string {
	s = strings.TrimPrefix(strings.ToLower(strings.TrimSpace(s)), "www.")
	if i := strings.LastIndexByte(s, '.'); i > 0 && !strings.Contains(s[i:], " ") && len(s)-i <= 4 {
		s = s[:i]
	}
	return alnumLower(s)
}

// isNameLike reports whether words read as one person's name. Strictly:
// two to five words, each capitalised (particles and initials allowed),
// letters only; a script without case (Chinese, Korean, Arabic) needs no
// capitals. Leniently, for values a page marks as a name, one word is
// enough and a user name may be lowercase or hold digits.
func isNameLike(words []string, lenient bool) bool {
	if len(words) > 5 {
		return false
	}
	if !lenient && len(words) < 2 && !caseless(words[0]) {
		return false
	}
	if len(words) == 1 {
		if lw := strings.ToLower(strings.Trim(words[0], ".")); monthNames[lw] != 0 || weekdayNames[lw] {
			return false
		}
	}
	caps := 0
	for i, w := range words {
		lw := strings.ToLower(w)
		if nameParticles[lw] && i > 0 && i < len(words)-1 {
			continue
		}
		for _, c := range w {
			switch {
			case unicode.IsLetter(c) || unicode.IsMark(c):
			case c == '-' || c == '\'' || c == '’' || c == '.':
			case (c == '_' || unicode.IsDigit(c)) && lenient && len(words) == 1 && hasLetter(w):
			default:
				return false
			}
		}
		r, _ := utf8.DecodeRuneInString(w)
		if unicode.IsUpper(r) || caseless(w) {
			caps++
		} else if !lenient || i == 0 && len(words) > 1 {
			// A user name may be lowercase ("zahlenzauberin"), a name may
			// hold a lowercase word ("Mobasir hassan"), but a phrase
			// starting in lowercase is no name.
			return false
		}
	}
	return caps >= 1 || lenient
}

func hasLetter(s string) bool {
	for _, c := range s {
		if unicode.IsLetter(c) {
			return true
		}
	}
	return false
}

// caseless reports a word whose letters have no case (Han, Hangul, Arabic,
// Hebrew, Thai, ...).
func caseless(w string) bool {
	letters := 0
	for _, c := range w {
		if unicode.IsLetter(c) {
			if unicode.IsUpper(c) || unicode.IsLower(c) {
				return false
			}
			letters++
		}
	}
	return letters > 0
}

// dedupeFold drops repeated names, ignoring case.
func dedupeFold(names []string) []string {
	if len(names) < 2 {
		return names
	}
	seen := map[string]bool{}
	out := names[:0]
	for _, n := range names {
		k := strings.ToLower(n)
		if !seen[k] {
			seen[k] = true
			out = append(out, n)
		}
	}
	return out
}
