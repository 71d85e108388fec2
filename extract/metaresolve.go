package extract

import (
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"
)

// pageMeta is the metadata chosen from a page's facts.
type pageMeta struct {
	title, author, credit, site string
	published, modified         metaTime
	// sources say where each field came from, for tests and debugging.
	titleSrc, authorSrc, dateSrc string
}

// metaTime is a date a page states, with how much of it the page gives.
type metaTime struct {
	t time.Time
	// hasTime is false when only the day is known; a time without a zone
	// counts as the day only, since its instant is unknown.
	hasTime bool
}

func (m metaTime) zero() bool { return m.t.IsZero() }

// sortedBySource returns vs ordered by source trust, document order kept
// within a source.
func sortedBySource(vs []metaValue) []metaValue {
	out := append([]metaValue(nil), vs...)
	sort.SliceStable(out, func(i, j int) bool { return out[i].src < out[j].src })
	return out
}

// resolveMeta chooses each field from the facts: the most trusted source
// that gives a valid value, a more specific one when sources agree on it.
// host is the page's host name; now bounds the dates.
func resolveMeta(f *pageFacts, host string, now time.Time) pageMeta {
	return resolveMetaVisible(f, host, metaTime{}, now)
}

// resolveMetaVisible is resolveMeta with the date the page shows in its
// text, read by go-htmldate, as one more voice on the publication date.
func resolveMetaVisible(f *pageFacts, host string, visible metaTime, now time.Time) pageMeta {
	var m pageMeta
	m.site = chooseSite(f)
	m.title, m.titleSrc = chooseTitle(f, m.site, host)
	m.author, m.credit, m.authorSrc = chooseAuthor(f, outletNames(f, host))
	published := readDates(sortedBySource(append(append(slices.Clip(f.published), f.timeMarked...), f.timePlain...)), f.lang, now)
	modified := readDates(sortedBySource(f.modified), f.lang, now)
	all := append(slices.Clip(published), modified...)
	settleNumeric(published, all)
	settleNumeric(modified, all)
	zone := pageZone(append(slices.Clip(published), modified...), f.clocks)
	m.published, m.dateSrc = choosePublished(published, modified, visible, zone, now)
	m.modified, _ = chooseDate(modified, now)
	if !m.modified.zero() && !m.published.zero() && m.modified.t.Before(m.published.t) && m.modified.t.Format(time.DateOnly) != m.published.t.Format(time.DateOnly) {
		// A modification before the publication is a mislabelled field.
		m.modified = metaTime{}
	}
	return m
}

// chooseSite is the outlet's name as the page gives it: og:site_name
// first, which names the outlet where schema.org's publisher often names
// the company that owns it.
func chooseSite(f *pageFacts) string {
	vals := sortedBySource(f.sites)
	sort.SliceStable(vals, func(i, j int) bool { return vals[i].src == fromOpenGraph && vals[j].src != fromOpenGraph })
	for _, v := range vals {
		s := v.val
		if strings.HasPrefix(s, "@") || len(s) > 80 {
			continue
		}
		return s
	}
	return ""
}

// chooseTitle picks the headline: the article's visible <h1> when the
// page's titles confirm it (one of them is the heading, or starts or ends
// with it beside a separator), else the most trusted structured title,
// else an unconfirmed <h1> of the article, else the <title>; each without
// the site name it may carry. A title that is another structured title
// with a kicker or a site name added is cut to that title.
func chooseTitle(f *pageFacts, site, host string) (string, string) {
	t, src := chooseTitleRaw(f, site, host)
	return shortestStated(t, f, site), src
}

func chooseTitleRaw(f *pageFacts, site, host string) (string, string) {
	vals := sortedBySource(f.titles)
	// A heading that is one piece of a title beside others is the site's
	// name set as the page's heading ("Krimiblog-Archiv" over "Headline :
	// Krimiblog-Archiv | Tagline").
	headingSite, hostSite := "", ""
	for _, h := range f.headings {
		h = joinLines(h)
		if namesHost(h, host) && !slices.ContainsFunc(vals, func(v metaValue) bool { return v.src != fromTitleTag && sameText(v.val, h) }) {
			// The host's name as the page's heading: never the headline.
			headingSite, hostSite = h, h
			break
		}
		for _, v := range vals {
			if ps := splitTitle(foldSpace(v.val)); len(ps) > 1 && slices.ContainsFunc(ps, func(p string) bool { return strings.EqualFold(p, h) }) {
				headingSite = h
			}
		}
		if headingSite != "" {
			break
		}
	}
	var wholes []string // cleaned titles, folded
	var raws []string   // titles as written, folded and lowercased
	for _, v := range vals {
		if c := titleKey(cleanTitle(v.val, site, host)); c != "" {
			wholes = append(wholes, c)
		}
		raws = append(raws, strings.ToLower(foldSpace(v.val)))
	}
	siteKey := titleKey(site)
	usable := func(h string) bool {
		hn := titleKey(h)
		return len(h) >= 4 && len(h) <= 300 && hn != siteKey && len(hn) >= 3 && (hostSite == "" || !sameText(h, hostSite))
	}
	confirmed := func(h string) bool {
		hn := titleKey(h)
		if slices.Contains(wholes, hn) {
			return true
		}
		hl := strings.ToLower(foldSpace(h))
		for _, r := range raws {
			if beside(r, hl) {
				return true
			}
		}
		return false
	}
	// A heading's lines first: a kicker above a headline is one <h1>,
	// and the longest line that the titles confirm is the headline.
	for _, h := range f.headings {
		if !strings.Contains(h, "\n") {
			continue
		}
		best := ""
		for _, l := range strings.Split(h, "\n") {
			if usable(l) && strings.Contains(l, " ") && confirmed(l) && len(l) > len(best) {
				best = l
			}
		}
		if best != "" {
			return best, fromHeading.String()
		}
	}
	for _, h := range f.headings {
		if h = joinLines(h); usable(h) && confirmed(h) {
			return h, fromHeading.String()
		}
	}
	for _, h := range f.headings {
		h = joinLines(h)
		hn, ok := titleKey(h), usable(h)
		if !ok || len(hn) < 12 {
			continue
		}
		for _, c := range wholes {
			// Most of a longer title that carries a site name or a section
			// the cleaning did not recognise.
			if strings.Contains(c, hn) && 2*len(hn) >= len(c) {
				return h, fromHeading.String()
			}
		}
	}
	// The article's own heading, when it reads as a headline, is not a
	// piece of the page title (the site's name set as a heading) and is
	// the page's only one (or the article's): over the titles made for
	// sharing (og:title), which are often rewritten, not over schema.org's
	// headline.
	heading := ""
	if len(f.headings) == 1 || f.articleHeadings == 1 {
		h := joinLines(f.headings[0])
		hl := strings.ToLower(foldSpace(h))
		piece := false
		for _, r := range raws {
			for _, p := range splitTitle(r) {
				if p == hl {
					piece = true
				}
			}
		}
		if usable(h) && !piece && len(strings.Fields(h)) >= 3 {
			heading = h
		}
	}
	for _, v := range vals {
		if v.src == fromTitleTag {
			continue
		}
		if heading != "" && v.src > headingOver {
			break
		}
		t := cleanTitle(v.val, site, host)
		if headingSite != "" {
			t = cutSitePiece(t, headingSite)
		}
		if len(t) >= 4 {
			return t, v.src.String()
		}
	}
	if heading != "" {
		return heading, fromHeading.String()
	}
	for _, v := range vals {
		if v.src == fromTitleTag {
			t := cleanTitle(v.val, site, host)
			if headingSite != "" {
				t = cutSitePiece(t, headingSite)
			}
			if t != "" {
				return t, v.src.String()
			}
		}
	}
	return "", ""
}

// namesHost reports a heading that is the site's name as its host spells
// it: "DimidoBlog" on dimido.de, "Four Years Remaining" on fouryears.eu.
func namesHost(h, host string) bool {
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	label, _, _ := strings.Cut(host, ".")
	label = alnumLower(label)
	return len(label) >= 5 && len(strings.Fields(h)) <= 4 && strings.HasPrefix(titleKey(h), label)
}

// cutSitePiece cuts the site's name and what goes with it from a title:
// "Headline : Site | Tagline" is "Headline"; "Site » Section » Headline"
// is "Headline".
func cutSitePiece(title, siteName string) string {
	i := strings.Index(strings.ToLower(title), strings.ToLower(siteName))
	if i < 0 || len(siteName) == len(title) {
		return title
	}
	if i > 0 {
		if t := strings.TrimRight(title[:i], " |:-–—·»«/•~"); t != "" && hasTitleSep(title[:i], false) {
			return t
		}
		return title
	}
	rest := title[len(siteName):]
	if !hasTitleSep(rest, true) {
		return title
	}
	ps := splitTitle(rest)
	if len(ps) == 0 {
		return title
	}
	return ps[len(ps)-1]
}

// headingOver is the least trusted structured title source that the
// article's own heading does not overrule.
var headingOver = fromJSONLD

// beside reports whether title starts or ends with part, a separator
// between part and the rest: "part | Site", "Kicker: part".
func beside(title, part string) bool {
	if len(part) < 4 || len(title) <= len(part) {
		return false
	}
	if strings.HasPrefix(title, part) && hasTitleSep(title[len(part):], true) {
		return true
	}
	return strings.HasSuffix(title, part) && hasTitleSep(title[:len(title)-len(part)], false)
}

// hasTitleSep reports whether s starts (or ends) with a title separator.
func hasTitleSep(s string, start bool) bool {
	for _, sep := range titleSeps {
		sep = strings.TrimRight(sep, " ")
		if start && strings.HasPrefix(strings.TrimLeft(s, " "), strings.TrimSpace(sep)) ||
			!start && strings.HasSuffix(strings.TrimRight(s, " "), strings.TrimSpace(sep)) {
			return true
		}
	}
	return false
}

// joinLines joins the lines of a heading, without a space before
// punctuation that opened a line (": Stadt der Superlative").
func joinLines(h string) string {
	if !strings.Contains(h, "\n") {
		return h
	}
	var b strings.Builder
	for i, l := range strings.Split(h, "\n") {
		if i > 0 && !strings.HasPrefix(l, ":") && !strings.HasPrefix(l, ",") && !strings.HasPrefix(l, ".") {
			b.WriteByte(' ')
		}
		b.WriteString(l)
	}
	return b.String()
}

// shortestStated cuts a title to another structured title of the page it
// holds beside a separator: "Kicker: Headline" to "Headline" when og:title
// says "Headline", "Headline » Site" to "Headline". Only a title stated as
// such by structured data counts, never the site's name.
func shortestStated(t string, f *pageFacts, site string) string {
	tl := strings.ToLower(foldSpace(t))
	best := t
	for _, v := range f.titles {
		if v.src > fromMetaName {
			continue
		}
		c := foldSpace(v.val)
		cl := strings.ToLower(c)
		if len(strings.Fields(c)) < 2 || titleKey(c) == titleKey(site) || len(c) >= len(best) {
			continue
		}
		if beside(tl, cl) {
			best = c
		}
	}
	return best
}

// Separators between the pieces of a page title: headline, section, site.
var titleSeps = []string{" | ", " - ", " – ", " — ", " :: ", " » ", " « ", " · ", " : ", ": ", " / ", " • ", " ~ "}

// splitTitle cuts a page title into its pieces.
func splitTitle(s string) []string {
	return splitAny(s, titleSeps)
}

// titleKey folds a title for comparison.
func titleKey(s string) string { return alnumLower(s) }

// outletNames lists the names a page gives its outlet, one a line: the
// site names it states and its host.
func outletNames(f *pageFacts, host string) string {
	var names []string
	for _, v := range f.sites {
		names = append(names, v.val)
	}
	if host != "" {
		names = append(names, host)
	}
	return strings.Join(names, "\n")
}

// chooseAuthor reads the authors source by source in order of trust and
// takes the first source that names a person; when none does, the first
// organisation a structured source names as the author. credit is a news
// agency named beside the people. The other sources then complete the
// chosen one: a fuller list of the same people ("Jane Doe" in JSON-LD,
// "By Jane Doe and John Roe" in the byline), a user name written out
// ("jdoe" beside "Jane Doe").
func chooseAuthor(f *pageFacts, site string) (author, credit, src string) {
	readings := readAuthors(f, site)
	var orgs []string
	orgSrc := ""
	for i, r := range readings {
		if r.agencyOnly {
			// A structured field naming a news agency as the author is
			// surer than a person found in the page's text.
			return r.agency, r.agency, r.src.String()
		}
		if len(r.people) > 0 {
			people := completePeople(r.people, readings[i+1:])
			return strings.Join(people, ", "), r.agency, r.src.String()
		}
		if len(orgs) == 0 && len(r.orgs) > 0 {
			orgs, orgSrc = r.orgs, r.src.String()
		}
	}
	if len(orgs) > 0 {
		return orgs[0], "", orgSrc
	}
	return "", "", ""
}

// authorReading is what one source says of the authors.
type authorReading struct {
	src    metaSource
	people []string
	orgs   []string
	agency string
	// list is the people of the one value that named most of them: a
	// list as one statement gives it, never pieced together from
	// several fields.
	list []string
	// agencyOnly: a structured field names a news agency and no person.
	agencyOnly bool
}

// readAuthors reads the author values of each source, in order of trust.
func readAuthors(f *pageFacts, site string) []authorReading {
	vals := sortedBySource(f.authors)
	var out []authorReading
	for i := 0; i < len(vals); {
		j := i
		for j < len(vals) && vals[j].src == vals[i].src {
			j++
		}
		group := vals[i:j]
		i = j
		r := authorReading{src: group[0].src}
		if r.src == fromByline {
			r.people, r.orgs, r.agency = readBylines(group, site)
			r.list = r.people
		} else {
			readStructuredAuthors(group, site, &r)
		}
		r.people = dedupeFold(r.people)
		r.orgs = dedupeFold(r.orgs)
		out = append(out, r)
	}
	return out
}

// readBylines reads the one byline that names someone, the first of:
// marked bylines of the article, labelled text of the article, those
// outside it.
func readBylines(group []metaValue, site string) (people, orgs []string, agency string) {
	rank := func(v metaValue) int {
		r := 0
		if v.outside {
			r += 2
		}
		if v.plain {
			r++
		}
		return r
	}
	group = append([]metaValue(nil), group...)
	sort.SliceStable(group, func(a, b int) bool { return rank(group[a]) < rank(group[b]) })
	for _, v := range group {
		trust := labelledNames
		switch {
		case v.person:
			trust = lenientNames
		case v.plain && v.key == "dated":
			trust = labelledNames
		case v.plain:
			trust = strictNames
		}
		bsite := site
		if v.person {
			// An hCard or rel=author naming the site's own name is
			// the blog's author (one person, one blog).
			bsite = ""
		}
		p := parseAuthorValue(v.val, trust, bsite)
		if len(p.people) == 0 && v.person && len(p.orgs) == 1 && isAcronymWord(p.orgs[0]) && !wireAgencies[strings.ToLower(p.orgs[0])] {
			// An hCard holding initials ("LD") names a person.
			p.people = p.orgs
		}
		if len(p.people) > 0 {
			return p.people, p.orgs, p.agency
		}
		switch {
		case len(orgs) > 0:
		case p.agency != "":
			orgs = []string{p.agency}
		case v.person && len(p.orgs) > 0:
			// rel=author naming an organisation: its author as stated.
			orgs = p.orgs[:1]
		}
	}
	return nil, orgs, ""
}

// readStructuredAuthors reads the values of one structured source: the
// values of one item only (a list page's first article).
func readStructuredAuthors(group []metaValue, site string, r *authorReading) {
	s := r.src
	g := -1
	var listed []string // a schema.org list, people and organisations in order
	for _, v := range group {
		if g >= 0 && v.group != g {
			continue
		}
		if v.org && !v.person {
			if k, name := classifyName(v.val, true, site); k != noName {
				r.orgs = append(r.orgs, name)
				if !looksDomainName(name) {
					listed = append(listed, name)
				}
				if r.agency == "" && wireAgencies[strings.ToLower(name)] {
					r.agency = name
				}
			}
			continue
		}
		p := parseAuthorValue(v.val, lenientNames, site)
		if len(p.people) > 0 {
			g = v.group
		}
		if len(p.people) > len(r.list) {
			r.list = p.people
		}
		r.people = append(r.people, p.people...)
		r.orgs = append(r.orgs, p.orgs...)
		if s <= fromMicrodata && (v.person || v.org) {
			listed = append(listed, p.people...)
			for _, o := range p.orgs {
				if !looksDomainName(o) {
					listed = append(listed, o)
				}
			}
		}
		if r.agency == "" {
			r.agency = p.agency
		}
	}
	if len(r.people) > 0 && len(listed) > len(r.people) {
		// Schema.org lists its authors one by one: an agency or a
		// desk listed beside the people is an author as stated.
		r.people = listed
	}
	r.agencyOnly = len(r.people) == 0 && r.agency != "" && s <= fromMetaName
}

// completePeople completes the people a source names with what less
// trusted sources say of the same people: a user name the byline writes
// out ("jdoe" is "Jane Doe"), and a longer list that holds them all ("Jane
// Doe" where the byline says "Jane Doe and John Roe"): sources that list
// one author of several are common, sources that add a wrong one to the
// right ones are not.
func completePeople(people []string, others []authorReading) []string {
	people = append([]string(nil), people...)
	for i, p := range people {
		if strings.Contains(p, " ") {
			continue
		}
		key := alnumLower(p)
		for _, r := range others {
			for _, q := range r.people {
				if strings.Contains(q, " ") && alnumLower(q) == key {
					people[i] = q
				}
			}
		}
	}
	same := func(a, b string) bool { return alnumLower(a) == alnumLower(b) }
	for _, r := range others {
		if len(r.list) <= len(people) || len(r.list) > 6 {
			continue
		}
		all := true
		for _, p := range people {
			if !slices.ContainsFunc(r.list, func(q string) bool { return same(p, q) }) {
				all = false
			}
		}
		if all {
			return r.list
		}
	}
	// "Sophie Foster" and "sophie-foster": one person.
	out := people[:0]
	for _, p := range people {
		if !slices.ContainsFunc(out, func(q string) bool { return same(p, q) }) {
			out = append(out, p)
		}
	}
	return out
}

// chooseDate takes the first date of the most trusted source that lies
// between 1995 and now; a later source giving the same day with its time
// and zone makes it more precise.
func chooseDate(stmts []dateStmt, now time.Time) (metaTime, string) {
	var best metaTime
	src := ""
	for _, s := range stmts {
		t := s.mt
		if t.t.Year() < 1995 || t.t.After(now.Add(24*time.Hour)) {
			continue
		}
		if best.zero() {
			best, src = t, s.src.String()
			if best.hasTime {
				return best, src
			}
			continue
		}
		if t.hasTime && t.t.Format(time.DateOnly) == best.t.Format(time.DateOnly) {
			return t, src
		}
	}
	return best, src
}

// parseMetaDate reads a date as metadata writes it: ISO 8601 and its
// variants, RFC 1123, Unix seconds, or a date line ("4 September 2025").
func parseMetaDate(s string) (metaTime, bool) {
	s = strings.TrimSpace(s)
	if len(s) < 6 || len(s) > 80 {
		return metaTime{}, false
	}
	if isDigits(s) && (len(s) == 10 || len(s) == 13) {
		n, _ := strconv.ParseInt(s, 10, 64)
		if len(s) == 13 {
			n /= 1000
		}
		return metaTime{t: time.Unix(n, 0).UTC(), hasTime: true}, true
	}
	if t, ok := parseISOish(s); ok {
		return t, true
	}
	for _, layout := range []string{time.RFC1123Z, time.RFC1123, time.RFC850, time.RFC822Z, time.RFC822,
		"Mon, 2 Jan 2006 15:04:05 -0700", "Mon, 2 Jan 2006 15:04:05 MST", "2 Jan 2006 15:04:05 -0700", time.ANSIC} {
		if t, err := time.Parse(layout, s); err == nil {
			if _, off := t.Zone(); off == 0 && t.Location() != time.UTC && !strings.Contains(layout, "-0700") {
				if z, _ := t.Zone(); z != "UTC" && z != "GMT" {
					// A zone name Go does not know: the day is sure, the instant is not.
					return metaTime{t: dayOf(t)}, true
				}
			}
			return metaTime{t: t, hasTime: true}, true
		}
	}
	if d, ok := parseDateLine(s); ok {
		return metaTime{t: dayOf(d.t)}, true
	}
	return metaTime{}, false
}

// dayOf is midnight UTC of t's calendar day.
func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// parseISOish reads "2006-01-02", "2006/01/02", "20060102", each with an
// optional time ("T15:04", " 15:04:05.000") and zone ("Z", "+01:00",
// "+0100", "+01", " UTC").
func parseISOish(s string) (metaTime, bool) {
	var y, mo, d int
	rest := ""
	switch {
	case len(s) >= 10 && isDigits(s[:4]) && (s[4] == '-' || s[4] == '/' || s[4] == '.') && s[7] == s[4] && isDigits(s[5:7]) && isDigits(s[8:10]):
		y, _ = strconv.Atoi(s[:4])
		mo, _ = strconv.Atoi(s[5:7])
		d, _ = strconv.Atoi(s[8:10])
		rest = s[10:]
	case len(s) >= 8 && isDigits(s[:8]) && (len(s) == 8 || s[8] == 'T'):
		y, _ = strconv.Atoi(s[:4])
		mo, _ = strconv.Atoi(s[4:6])
		d, _ = strconv.Atoi(s[6:8])
		rest = s[8:]
	default:
		return metaTime{}, false
	}
	if mo < 1 || mo > 12 || d < 1 || d > daysIn(time.Month(mo), y) {
		return metaTime{}, false
	}
	day := time.Date(y, time.Month(mo), d, 0, 0, 0, 0, time.UTC)
	rest = strings.TrimSpace(rest)
	if rest == "" {
		return metaTime{t: day}, true
	}
	if rest[0] == 'T' || rest[0] == 't' {
		rest = rest[1:]
	}
	// Clock: hh:mm[:ss[.fff]]
	i := 0
	for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == ':' || rest[i] == '.' || rest[i] == ',') {
		i++
	}
	clock, zone := rest[:i], strings.TrimSpace(rest[i:])
	if !isClock(clock) {
		return metaTime{t: day}, true
	}
	hh, mm, ss := parseClock(clock)
	if hh > 23 || mm > 59 || ss > 60 {
		return metaTime{t: day}, true
	}
	loc, ok := parseZone(zone)
	if !ok {
		// A time without a zone is no instant: keep the day.
		return metaTime{t: day}, true
	}
	return metaTime{t: time.Date(y, time.Month(mo), d, hh, mm, min(ss, 59), 0, loc), hasTime: true}, true
}

// parseZone reads "Z", "+01:00", "+0100", "+01", "UTC", "GMT", "GMT+1".
func parseZone(z string) (*time.Location, bool) {
	z = strings.TrimSpace(z)
	switch strings.ToUpper(z) {
	case "":
		return nil, false
	case "Z", "UTC", "GMT", "+00:00", "+0000", "-00:00":
		return time.UTC, true
	}
	up := strings.ToUpper(z)
	for _, p := range []string{"UTC", "GMT"} {
		up = strings.TrimPrefix(up, p)
	}
	if up == "" || (up[0] != '+' && up[0] != '-') {
		return nil, false
	}
	sign := 1
	if up[0] == '-' {
		sign = -1
	}
	digits := strings.ReplaceAll(up[1:], ":", "")
	if !isDigits(digits) {
		return nil, false
	}
	var h, m int
	switch len(digits) {
	case 1, 2:
		h, _ = strconv.Atoi(digits)
	case 4:
		h, _ = strconv.Atoi(digits[:2])
		m, _ = strconv.Atoi(digits[2:])
	default:
		return nil, false
	}
	if h > 14 || m > 59 {
		return nil, false
	}
	off := sign * (h*3600 + m*60)
	if off == 0 {
		return time.UTC, true
	}
	return time.FixedZone("", off), true
}
