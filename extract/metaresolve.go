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
	m.published, m.dateSrc = choosePublished(append(sortedBySource(f.published), append(f.timeMarked, f.timePlain...)...), visible, now)
	m.modified, _ = chooseDate(sortedBySource(f.modified), now)
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
		return len(h) >= 4 && len(h) <= 300 && hn != siteKey && len(hn) >= 3
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
	for _, v := range vals {
		if v.src == fromTitleTag {
			continue
		}
		if t := cleanTitle(v.val, site, host); len(t) >= 4 {
			return t, v.src.String()
		}
	}
	if len(f.headings) > 0 {
		// No structured title: the article's own heading, when it reads as
		// a headline and is not a piece of the page title (the site's
		// name set as a heading).
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
			return h, fromHeading.String()
		}
	}
	for _, v := range vals {
		if v.src == fromTitleTag {
			if t := cleanTitle(v.val, site, host); t != "" {
				return t, v.src.String()
			}
		}
	}
	return "", ""
}

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
// agency named beside the people.
func chooseAuthor(f *pageFacts, site string) (author, credit, src string) {
	vals := sortedBySource(f.authors)
	var orgs []string
	orgSrc := ""
	for i := 0; i < len(vals); {
		j := i
		for j < len(vals) && vals[j].src == vals[i].src {
			j++
		}
		group := vals[i:j]
		i = j
		s := group[0].src
		var people, gorgs []string
		agency := ""
		if s == fromByline {
			// One byline, the first that names someone: marked bylines of
			// the article first, then labelled text of the article, then
			// those outside it.
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
			sort.SliceStable(group, func(a, b int) bool { return rank(group[a]) < rank(group[b]) })
			for _, v := range group {
				trust := labelledNames
				switch {
				case v.person:
					trust = lenientNames
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
					people, agency = p.people, p.agency
					break
				}
				switch {
				case len(gorgs) > 0:
				case p.agency != "":
					gorgs = []string{p.agency}
				case v.person && len(p.orgs) > 0:
					// rel=author naming an organisation: its author as stated.
					gorgs = p.orgs[:1]
				}
			}
		} else {
			// Values of one item only: a list page's first article.
			g := -1
			var listed []string // a schema.org list, people and organisations in order
			for _, v := range group {
				if g >= 0 && v.group != g {
					continue
				}
				if v.org && !v.person {
					if k, name := classifyName(v.val, true, site); k != noName {
						gorgs = append(gorgs, name)
						if !looksDomainName(name) {
							listed = append(listed, name)
						}
						if agency == "" && wireAgencies[strings.ToLower(name)] {
							agency = name
						}
					}
					continue
				}
				p := parseAuthorValue(v.val, lenientNames, site)
				if len(p.people) > 0 {
					g = v.group
				}
				people = append(people, p.people...)
				gorgs = append(gorgs, p.orgs...)
				if s <= fromMicrodata && (v.person || v.org) {
					listed = append(listed, p.people...)
					for _, o := range p.orgs {
						if !looksDomainName(o) {
							listed = append(listed, o)
						}
					}
				}
				if agency == "" {
					agency = p.agency
				}
			}
			if len(people) > 0 && len(listed) > len(people) {
				// Schema.org lists its authors one by one: an agency or a
				// desk listed beside the people is an author as stated.
				people = listed
			}
			if len(people) == 0 && agency != "" && s <= fromMetaName {
				// A structured field naming a news agency as the author is
				// surer than a person found in the page's text.
				return agency, agency, s.String()
			}
		}
		people = dedupeFold(people)
		if len(people) > 0 {
			return strings.Join(people, ", "), agency, s.String()
		}
		if len(orgs) == 0 && len(gorgs) > 0 {
			orgs, orgSrc = dedupeFold(gorgs), s.String()
		}
	}
	if len(orgs) > 0 {
		return orgs[0], "", orgSrc
	}
	return "", "", ""
}

// Weights of the sources of a publication date in the vote of
// choosePublished: structured fields tied to the article weigh most, the
// date the page shows (go-htmldate's reading of it) as much as a meta tag.
var dateWeights = map[metaSource]int{
	fromJSONLD: 5, fromMicrodata: 4, fromOpenGraph: 4, fromDublinCore: 3, fromMetaName: 3,
	fromTimeTag: 2, fromVisible: 3,
}

// dateCand is one statement of the publication date.
type dateCand struct {
	mt     metaTime
	src    metaSource
	weight int
	// days are the calendar days the statement is compatible with: its
	// own day, and for an instant given in UTC the neighbouring day it
	// falls on in the page's own zone, which UTC does not tell.
	days []string
}

// choosePublished votes on the publication day: every source supports
// the days its date is compatible with, weighted by its trust; the day
// with the most support wins, the most trusted source breaking ties. The
// date returned is the most trusted statement of that day with its time
// and zone, or the day alone when no source gives its instant.
func choosePublished(vals []metaValue, visible metaTime, now time.Time) (metaTime, string) {
	var cands []dateCand
	perSource := map[metaSource]int{}
	add := func(mt metaTime, src metaSource) {
		if mt.t.Year() < 1995 || mt.t.After(now.Add(24*time.Hour)) {
			return
		}
		// A page states many times (related stories, comments): a few of
		// each source are enough.
		if perSource[src]++; perSource[src] > 3 {
			return
		}
		c := dateCand{mt: mt, src: src, weight: dateWeights[src]}
		day := mt.t.Format(time.DateOnly)
		c.days = []string{day}
		if mt.hasTime && mt.t.Location() == time.UTC {
			for _, off := range []time.Duration{-12 * time.Hour, 14 * time.Hour} {
				if d := mt.t.Add(off).Format(time.DateOnly); d != day {
					c.days = append(c.days, d)
				}
			}
		}
		cands = append(cands, c)
	}
	for _, v := range vals {
		if t, ok := parseMetaDate(v.val); ok {
			if _, off := t.t.Zone(); off == 0 && t.hasTime {
				t.t = t.t.UTC() // "GMT", "+00:00", "Z": one zone
			}
			add(t, v.src)
		}
	}
	if !visible.zero() {
		add(visible, fromVisible)
	}
	if len(cands) == 0 {
		return metaTime{}, ""
	}
	support := map[string]int{}
	for _, d := range distinctDays(cands) {
		best := map[metaSource]int{}
		for _, c := range cands {
			if slices.Contains(c.days, d) && c.weight > best[c.src] {
				best[c.src] = c.weight
			}
		}
		for _, w := range best {
			support[d] += w
		}
	}
	// The winning day: most support; on a tie, the day of the most trusted
	// statement (cands are in order of trust).
	day, top := "", -1
	for _, c := range cands {
		for _, d := range c.days[:1] {
			if support[d] > top {
				day, top = d, support[d]
			}
		}
	}
	for _, c := range cands {
		// A shifted UTC day may win only through a local statement of it.
		for _, d := range c.days[1:] {
			if support[d] > top {
				day, top = d, support[d]
			}
		}
	}
	for _, c := range cands {
		if c.mt.hasTime && c.days[0] == day {
			return c.mt, c.src.String()
		}
	}
	for _, c := range cands {
		if slices.Contains(c.days, day) {
			d, _ := time.Parse(time.DateOnly, day)
			return metaTime{t: d}, c.src.String()
		}
	}
	return metaTime{}, ""
}

func distinctDays(cands []dateCand) []string {
	var out []string
	for _, c := range cands {
		for _, d := range c.days {
			if !slices.Contains(out, d) {
				out = append(out, d)
			}
		}
	}
	return out
}

// chooseDate takes the first date of the most trusted source that parses
// and lies between 1995 and now; a later source giving the same day with
// its time and zone makes it more precise.
func chooseDate(vals []metaValue, now time.Time) (metaTime, string) {
	var best metaTime
	src := ""
	for _, v := range vals {
		t, ok := parseMetaDate(v.val)
		if !ok || t.t.Year() < 1995 || t.t.After(now.Add(24*time.Hour)) {
			continue
		}
		if best.zero() {
			best, src = t, v.src.String()
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
