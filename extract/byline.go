package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Byline labels, lowercased, longest first where one is a prefix of another.
var bylineLabels = []string{
	"author`s name", "author's name", "author’s name", "authors", "author",
	"written by", "reporting by", "reported by", "story by", "words by", "text by",
	"posted by", "by",
}

// Words that say what a byline's person is, not who.
var roleWords = map[string]bool{
	"staff": true, "writer": true, "reporter": true, "correspondent": true,
	"editor": true, "contributor": true, "columnist": true, "senior": true,
	"special": true, "chief": true, "political": true, "foreign": true,
	"news": true, "desk": true, "team": true, "producer": true, "analyst": true,
	"associate": true, "contributing": true, "investigative": true, "freelance": true,
	"journalist": true, "international": true, "national": true, "business": true,
	"deputy": true, "managing": true, "bureau": true, "white": true, "house": true,
}

// News agencies a byline may name after the author ("Jane Doe, Reuters").
var agencies = map[string]bool{
	"reuters": true, "ap": true, "associated press": true, "the associated press": true,
	"afp": true, "agence france-presse": true, "bloomberg": true, "tass": true,
	"xinhua": true, "dpa": true, "ansa": true, "efe": true, "upi": true, "cnn": true,
	"bbc": true, "bbc news": true, "sputnik": true, "ria novosti": true, "interfax": true,
	"kyodo": true, "yonhap": true, "pti": true, "ani": true, "anadolu": true,
	"anadolu agency": true, "al jazeera": true, "cnbc": true, "abc news": true,
	"nbc news": true, "cbs news": true, "fox news": true, "npr": true, "politico": true,
	"axios": true, "the hill": true,
}

// Words that end the name of a newspaper or broadcaster.
var outletWords = map[string]bool{
	"gazette": true, "times": true, "post": true, "news": true, "herald": true,
	"tribune": true, "journal": true, "daily": true, "chronicle": true,
	"telegraph": true, "guardian": true, "independent": true, "express": true,
	"observer": true, "mirror": true, "courier": true, "dispatch": true,
	"inquirer": true, "examiner": true, "bulletin": true, "sentinel": true,
	"register": true, "enquirer": true, "standard": true, "globe": true,
	"mail": true, "monitor": true, "review": true, "press": true, "star": true,
	"record": true, "today": true, "weekly": true, "magazine": true, "wire": true,
	"network": true, "radio": true, "tv": true, "television": true, "agency": true,
	"digest": true, "ledger": true, "reporter": true, "insider": true, "zeitung": true,
	"post-gazette": true, "free press": true, "sun": true, "voice": true,
	"leader": true, "citizen": true, "advocate": true, "pravda": true, "report": true,
}

// Lowercase words allowed inside a personal name.
var nameParticles = map[string]bool{
	"de": true, "da": true, "van": true, "von": true, "der": true, "den": true,
	"bin": true, "al": true, "la": true, "le": true, "del": true, "di": true,
	"du": true, "dos": true, "das": true, "ter": true, "y": true, "el": true,
	"ibn": true, "bint": true, "zu": true,
}

// Capitalised words that are never part of a personal name in a byline.
var notNameWords = map[string]bool{
	"the": true, "staff": true, "news": true, "press": true, "reuters": true,
	"agency": true, "editor": true, "editors": true, "writer": true, "reporter": true,
	"updated": true, "published": true, "posted": true, "and": true, "our": true,
	"in": true, "on": true, "at": true, "for": true, "of": true, "with": true,
	"correspondent": true, "team": true, "desk": true, "online": true, "contributor": true,
	"service": true, "services": true, "media": true, "group": true, "inc": true,
	"ltd": true, "photo": true, "photos": true, "video": true, "share": true,
	"subscribe": true, "comments": true, "comment": true, "read": true, "more": true,
	"world": true, "politics": true, "business": true, "sports": true, "opinion": true,
}

// isPersonName reports whether s looks like one person's name: two to five
// capitalised words (name particles and initials allowed), no digits.
func isPersonName(s string) bool {
	if len(s) > 60 {
		return false
	}
	words := strings.Fields(s)
	if len(words) < 2 || len(words) > 5 {
		return false
	}
	caps := 0
	for i, w := range words {
		lw := strings.ToLower(w)
		if nameParticles[lw] && i > 0 && i < len(words)-1 {
			continue
		}
		if notNameWords[lw] || monthNames[strings.TrimSuffix(lw, ".")] != 0 || weekdayNames[lw] {
			return false
		}
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return false
		}
		for _, c := range w {
			if !unicode.IsLetter(c) && c != '-' && c != '\'' && c != '’' && c != '.' {
				return false
			}
		}
		caps++
	}
	return caps >= 2
}

// parseNames splits "Jane Doe and John Roe" or "Jane Doe, John Roe" into
// names, all of which must be person names.
func parseNames(s string) (string, bool) {
	s = strings.TrimSpace(strings.TrimRight(s, " .,;:"))
	parts := splitAny(s, []string{" and ", " & ", ", ", "; "})
	for _, p := range parts {
		if !isPersonName(p) {
			return "", false
		}
	}
	return s, len(parts) > 0
}

func splitAny(s string, seps []string) []string {
	out := []string{s}
	for _, sep := range seps {
		var next []string
		for _, p := range out {
			for _, q := range strings.Split(p, sep) {
				if q = strings.TrimSpace(q); q != "" {
					next = append(next, q)
				}
			}
		}
		out = next
	}
	return out
}

// parseByline reads a byline line: "By Jane Doe", "Author's name Jane Doe",
// "XYZ Staff Jane Doe", "Jane Doe, Reuters", "Reporting by Jane Doe;
// Editing by John Roe". It returns the person's name without labels and an
// outlet when the line names one.
func parseByline(line string) (author, outlet string, ok bool) {
	if len(line) > 160 {
		return "", "", false
	}
	low := strings.ToLower(line)
	for _, label := range bylineLabels {
		if !strings.HasPrefix(low, label) {
			continue
		}
		rest := line[len(label):]
		if rest == "" || (rest[0] != ' ' && rest[0] != ':' && rest[0] != '\t') {
			continue
		}
		rest = strings.TrimLeft(rest, " :\t")
		if i := strings.IndexByte(rest, ';'); i >= 0 {
			rest = rest[:i]
		}
		return splitNameParts(rest)
	}
	// "XYZ Staff Jane Doe": the words before the role name the outlet.
	words := strings.Fields(line)
	for i := 1; i < len(words)-1 && i <= 3; i++ {
		if words[i] != "Staff" {
			continue
		}
		j := i + 1
		for j < len(words) && roleWords[strings.ToLower(words[j])] {
			j++
		}
		name := strings.Join(words[j:], " ")
		if a, ok := parseNames(name); ok && looksOutletName(strings.Join(words[:i], " ")) {
			return a, strings.Join(words[:i], " "), true
		}
	}
	// "Jane Doe, Reuters" / "Jane Doe | The Daily Star"
	for _, sep := range []string{", ", " | ", " - ", " — ", " – "} {
		name, org, found := strings.Cut(line, sep)
		if !found || !isPersonName(name) {
			continue
		}
		if o := strings.TrimSpace(org); agencies[strings.ToLower(o)] || looksOutletName(o) {
			return strings.TrimSpace(name), o, true
		}
	}
	return "", "", false
}

// splitNameParts reads what follows a byline label: names, then maybe a
// role or an outlet after a separator.
func splitNameParts(rest string) (author, outlet string, ok bool) {
	rest = strings.TrimSpace(rest)
	if agencies[strings.ToLower(strings.TrimRight(rest, " ."))] {
		return strings.TrimRight(rest, " ."), "", true // "By Reuters"
	}
	if a, ok := parseNames(rest); ok {
		return a, "", true
	}
	for _, sep := range []string{" | ", " - ", " — ", " – ", ", "} {
		i := strings.LastIndex(rest, sep)
		if i <= 0 {
			continue
		}
		a, ok := parseNames(rest[:i])
		if !ok {
			continue
		}
		t := strings.TrimSpace(strings.TrimRight(rest[i+len(sep):], " ."))
		switch {
		case agencies[strings.ToLower(t)] || looksOutletName(t) || looksDomainName(t):
			return a, t, true
		case isRole(t):
			return a, "", true
		}
		// Something else after the names ("By Jane Doe, Paris"): the names
		// are sure, the rest is not an outlet we can tell.
		return a, "", true
	}
	return "", "", false
}

// looksDomainName reports a capitalised name with a dot, as outlets named
// after their site are ("Pravda.Ru", "Example.com").
func looksDomainName(s string) bool {
	if strings.ContainsAny(s, " /") || len(s) < 4 || len(s) > 40 {
		return false
	}
	i := strings.LastIndexByte(s, '.')
	if i <= 0 || i >= len(s)-2 {
		return false
	}
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsLower(r)
}

func isRole(s string) bool {
	words := strings.Fields(strings.ToLower(s))
	if len(words) == 0 {
		return false
	}
	for _, w := range words {
		if !roleWords[w] && w != "and" && w != "for" && w != "the" {
			return false
		}
	}
	return true
}

// looksOutletName reports whether s reads like a publication's name: a few
// capitalised words ending in a newspaper word, or an acronym.
func looksOutletName(s string) bool {
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 5 || len(s) > 50 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	if outletWords[strings.ToLower(words[len(words)-1])] {
		return true
	}
	if len(words) == 1 && len(s) >= 2 && len(s) <= 6 && strings.ToUpper(s) == s {
		return true
	}
	return false
}

// bylineWithPlace reads "Jane Doe in Geneva" or "Jane Doe and John Roe in
// Paris": names, "in", a capitalised place of up to three words.
func bylineWithPlace(line string) (string, bool) {
	if len(line) > 100 {
		return "", false
	}
	i := strings.LastIndex(line, " in ")
	if i <= 0 {
		return "", false
	}
	place := strings.Fields(line[i+4:])
	if len(place) == 0 || len(place) > 3 {
		return "", false
	}
	for _, w := range place {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) {
			return "", false
		}
	}
	return parseNames(line[:i])
}
