package extract

import (
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"time"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The publication date of a page: what the page states, in its markup and
// in its visible date line, weighed in one vote, each instant read as the
// day it was in the page's own time zone.

var (
	// datePublishedLabels and dateUpdatedLabels introduce a date in a
	// page's visible text, longest first.
	datePublishedLabels = longestFirst(lexiconList("date-published.txt"))
	dateUpdatedLabels   = longestFirst(lexiconList("date-updated.txt"))
	// dateLabelFirstWords are the first words of both kinds of label: a
	// cheap test of every text node of a page.
	dateLabelFirstWords = func() map[string]bool {
		m := map[string]bool{}
		for _, l := range append(append([]string(nil), datePublishedLabels...), dateUpdatedLabels...) {
			w, _, _ := strings.Cut(l, " ")
			m[strings.TrimSuffix(w, ":")] = true
		}
		return m
	}()
	// foreignMonths are the month names of other languages than English.
	foreignMonths = func() map[string]time.Month {
		m := map[string]time.Month{}
		for _, e := range lexiconList("months.txt") {
			name, num, ok := strings.Cut(e, " ")
			n, err := strconv.Atoi(strings.TrimSpace(num))
			if !ok || err != nil || n < 1 || n > 12 {
				panic("extract: bad entry in lexicon/months.txt: " + e)
			}
			m[name] = time.Month(n)
		}
		return m
	}()
	// dateFillers are the words a date line holds besides the date in the
	// languages of foreignMonths ("3 de mayo de 2022", "am 3. Februar 2022
	// um 21:17 Uhr").
	dateFillers = lexiconSet("date-fillers.txt")
)

func longestFirst(l []string) []string {
	sort.SliceStable(l, func(i, j int) bool { return len(l[i]) > len(l[j]) })
	return l
}

// monthOf reads a month name of any language the lexicons know.
func monthOf(w string) time.Month {
	w = strings.TrimSuffix(strings.ToLower(w), ".")
	if m := monthNames[w]; m != 0 {
		return m
	}
	return foreignMonths[w]
}

// Kinds of date a visible date line states.
const (
	lineUnlabelled = iota // a date marked as the article's by its element only
	linePublished         // "Veröffentlicht am ...", "Published ..."
	lineUpdated           // "Aktualisiert: ...", "Updated ..."
)

// cutDateLabel splits a date label off the start of s and says which kind
// it was; ok is false when s starts with none.
func cutDateLabel(s string) (rest string, kind int, ok bool) {
	low := strings.ToLower(strings.TrimLeft(s, " |·•\u00a0"))
	for _, set := range []struct {
		labels []string
		kind   int
	}{{dateUpdatedLabels, lineUpdated}, {datePublishedLabels, linePublished}} {
		for _, l := range set.labels {
			if !strings.HasPrefix(low, l) {
				continue
			}
			r := low[len(l):]
			if r != "" && !strings.ContainsRune(" :\u00a0", []rune(r)[0]) {
				continue // "dated", "publishers": a longer word
			}
			// The rest in its own case, from the byte where the label ended.
			off := len(s) - len(strings.TrimLeft(s, " |·•\u00a0"))
			return strings.TrimLeft(s[off+len(l):], " :\u00a0"), set.kind, true
		}
	}
	return s, lineUnlabelled, false
}

// startsWithDateLabelWord is the cheap first test of cutDateLabel.
func startsWithDateLabelWord(s string) bool {
	s = strings.TrimLeft(s, " |·•\u00a0")
	end := strings.IndexAny(s, " :\u00a0")
	if end < 0 {
		end = len(s)
	}
	return end <= 30 && dateLabelFirstWords[strings.ToLower(s[:end])]
}

// Class and id words that mark an element as holding the article's date.
var dateMarks = []string{"date", "datum", "dateline", "timestamp", "publish", "posted", "created", "pubtime", "time"}

// Class and id words that start like a date mark and are none.
var notDateMarks = map[string]bool{"timeline": true, "timer": true, "timetable": true, "times": true, "timeout": true, "dates": true, "datepicker": true, "postedby": true}

// Class and id words that mark the date as the modification date.
var updatedMarks = []string{"update", "modified", "aktualisiert", "lastmod", "changed"}

// isDateMarked reports an element whose class or id words mark it as a
// date; updated is set when they mark the modification date.
func isDateMarked(n *html.Node) (marked, updated bool) {
	switch n.DataAtom {
	case atom.Span, atom.Div, atom.P, atom.Time, atom.Small, atom.Li, atom.Dd, atom.Em, atom.Strong, atom.Abbr, atom.Section:
	default:
		return false, false
	}
	for _, tok := range strings.Fields(strings.ToLower(attr(n, "class") + " " + attr(n, "id"))) {
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '_' }) {
			for _, m := range dateMarks {
				if part == m || strings.HasPrefix(part, m) && !notDateMarks[part] || part == m+"s" {
					marked = true
				}
			}
			for _, m := range updatedMarks {
				if strings.HasPrefix(part, m) {
					updated = true
				}
			}
		}
	}
	return marked, updated
}

// dateline records an element marked as a date (class "date",
// "published", a <time> without a machine-readable value) whose text is
// short enough to be one; it reports whether it took the element.
func (w *factWalker) dateline(n *html.Node, ctx walkCtx) bool {
	marked, updated := isDateMarked(n)
	if n.DataAtom == atom.Time {
		// A <time> with a machine-readable value is read by timeTag.
		marked = attr(n, "datetime") == ""
	}
	if !marked || w.datelineSeen >= maxFactValues || holdsTimeTag(n, 40) {
		return false
	}
	t := foldSpace(textOf(n, 120))
	if len(t) < 6 || len(t) > 100 || !strings.ContainsAny(t, "0123456789") {
		return false
	}
	w.datelineSeen++
	v := metaValue{src: fromDateline, val: t, key: "marked", outside: !ctx.article}
	rest, kind, _ := cutDateLabel(t)
	switch {
	case kind == lineUpdated || kind == lineUnlabelled && updated:
		v.val = rest
		w.add(&w.f.modified, v)
	default:
		if kind == linePublished {
			v.key = "labelled"
		}
		v.val = rest
		w.add(&w.f.published, v)
	}
	return true
}

// holdsTimeTag reports a <time datetime> among the first budget elements
// under n: the date is read from it, not from the text around it.
func holdsTimeTag(n *html.Node, budget int) bool {
	var walk func(*html.Node) bool
	walk = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil && budget > 0; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			budget--
			if c.DataAtom == atom.Time && attr(c, "datetime") != "" || walk(c) {
				return true
			}
		}
		return false
	}
	return walk(n)
}

// labelledDate records a text that starts with a date label ("Erschienen
// am", "Updated") and what follows it up to the next line break or block:
// a date line nobody marked.
func (w *factWalker) labelledDate(c *html.Node, ctx walkCtx) {
	first := strings.TrimSpace(c.Data)
	if w.datelineSeen >= maxFactValues || first == "" || len(first) > 120 || !startsWithDateLabelWord(first) {
		return
	}
	t := foldSpace(labelRun(c, 120))
	rest, kind, ok := cutDateLabel(t)
	if ok && rest == "" {
		// "<span>Erschienen am:</span> <h2>13.10.2021</h2>": the date in
		// the element after the label's.
		rest = foldSpace(nextElementText(c, 60))
	}
	if !ok || len(rest) < 6 || len(rest) > 100 || !strings.ContainsAny(rest, "0123456789") {
		return
	}
	w.datelineSeen++
	v := metaValue{src: fromDateline, val: rest, key: "labelled", outside: ctx.aside}
	if kind == lineUpdated {
		w.add(&w.f.modified, v)
		return
	}
	w.add(&w.f.published, v)
}

// leadDate records the date in brackets that opens a paragraph, as press
// releases and reports date their text: "(21. November 2022)
// Energieverbraucher erhalten ...", "Karlsruhe, (12.11.2021). Traditionell
// ...". The text says when it was written as plainly as a label would;
// only the page's first such paragraph counts.
func (w *factWalker) leadDate(c *html.Node, ctx walkCtx) {
	if w.leadSeen || w.datelineSeen >= maxFactValues || !opensBlock(c) {
		return
	}
	t := strings.TrimSpace(c.Data)
	open := strings.IndexByte(t, '(')
	if open < 0 || open > 40 {
		return
	}
	if place := strings.TrimSpace(t[:open]); place != "" && (!strings.HasSuffix(place, ",") || len(strings.Fields(place)) > 3) {
		return
	}
	end := strings.IndexByte(t[open:], ')')
	if end < 0 || end > 40 {
		return
	}
	d := strings.TrimSpace(t[open+1 : open+end])
	if place, rest, ok := strings.Cut(d, ","); ok && len(strings.Fields(place)) <= 3 && !strings.ContainsAny(place, "0123456789") {
		// "(Pescasseroli, 14 Gennaio 20)": the place inside the brackets.
		d = strings.TrimSpace(rest)
	}
	d = fullYear(d)
	if len(d) < 6 || !hasYear(d) {
		return
	}
	w.leadSeen = true
	w.datelineSeen++
	w.add(&w.f.published, metaValue{src: fromDateline, val: d, key: "labelled", outside: ctx.aside})
}

// fullYear writes out a year of two digits that ends a date after its
// month's name ("14 Gennaio 20" is "14 Gennaio 2020"), as press releases
// abbreviate it; other text is returned as it is.
func fullYear(s string) string {
	words := strings.Fields(s)
	if n := len(words); n >= 2 && len(words[n-1]) == 2 && isDigits(words[n-1]) && monthOf(words[n-2]) != 0 {
		words[n-1] = "20" + words[n-1]
		return strings.Join(words, " ")
	}
	return s
}

// opensBlock reports a text node that opens a paragraph: the first text
// of a <p> or <div>, or of an inline element that opens one.
func opensBlock(c *html.Node) bool {
	n := c
	for {
		for prev := n.PrevSibling; prev != nil; prev = prev.PrevSibling {
			if prev.Type == html.ElementNode || prev.Type == html.TextNode && strings.TrimSpace(prev.Data) != "" {
				return false
			}
		}
		p := n.Parent
		if p == nil || p.Type != html.ElementNode {
			return false
		}
		if p.DataAtom == atom.P || p.DataAtom == atom.Div {
			return true
		}
		if !inlineTags[p.DataAtom] {
			return false
		}
		n = p
	}
}

// iconDate records the text that follows a calendar icon ("<span
// class=icon-calendar></span> 12.01.2022"): the icon says, as a label
// would, that a date follows.
func (w *factWalker) iconDate(n *html.Node, ctx walkCtx) {
	if w.datelineSeen >= maxFactValues || n.FirstChild != nil && n.DataAtom != atom.Svg || !isCalendarIcon(n) {
		return
	}
	next := n.NextSibling
	if next == nil || next.Type != html.TextNode {
		return
	}
	t := foldSpace(labelRun(next, 120))
	if len(t) < 6 || len(t) > 60 || !strings.ContainsAny(t, "0123456789") {
		return
	}
	w.datelineSeen++
	w.add(&w.f.published, metaValue{src: fromDateline, val: t, key: "marked", outside: !ctx.article || ctx.aside})
}

// isCalendarIcon reports an element whose class names a calendar icon
// ("fa fa-calendar", "icon-calendar", "glyphicon-calendar").
func isCalendarIcon(n *html.Node) bool {
	for _, tok := range strings.Fields(strings.ToLower(attr(n, "class"))) {
		for _, part := range strings.FieldsFunc(tok, func(r rune) bool { return r == '-' || r == '_' }) {
			if part == "calendar" {
				return true
			}
		}
	}
	return false
}

// nextElementText is the text of the element that follows the one c
// stands in, climbing out of inline elements, up to max bytes; "" when
// there is none or it is longer.
func nextElementText(c *html.Node, max int) string {
	node := c
	for node.NextSibling == nil || node.NextSibling.Type == html.TextNode && strings.TrimSpace(node.NextSibling.Data) == "" && node.NextSibling.NextSibling == nil {
		p := node.Parent
		if p == nil || p.Type != html.ElementNode || !inlineTags[p.DataAtom] {
			return ""
		}
		node = p
	}
	next := node.NextSibling
	for next != nil && next.Type == html.TextNode && strings.TrimSpace(next.Data) == "" {
		next = next.NextSibling
	}
	if next == nil || next.Type != html.ElementNode {
		return ""
	}
	t := textOf(next, max+1)
	if len(t) > max {
		return ""
	}
	return t
}

// clockText records a short text that holds a clock and a year ("3/5/2022
// 22:41", "19.10.2019, 05:00 Uhr"): the page's local time beside the
// instants its markup gives in UTC tells its time zone.
func (w *factWalker) clockText(c *html.Node) {
	t := strings.TrimSpace(c.Data)
	if len(w.f.clocks) >= maxFactValues || len(t) < 8 || len(t) > 60 || !strings.Contains(t, ":") || !hasYear(t) {
		return
	}
	if len(clocksIn(t)) > 0 {
		w.f.clocks = append(w.f.clocks, foldSpace(t))
	}
}

// parseVisibleDate reads a date as a page shows it to its readers, in the
// page's language lang: "19. Mai 2010", "07 Dezember, 2022", "3 de mayo de
// 2022", "19.10.2019, 05:00 Uhr". A time without a zone leaves the day
// only: the instant is unknown.
func parseVisibleDate(s, lang string, now time.Time) (metaTime, bool) {
	s = strings.TrimSpace(s)
	if rest, _, ok := cutDateLabel(s); ok {
		s = rest
	}
	if len(s) < 6 {
		return metaTime{}, false
	}
	if d, ok := parseDateLine(s); ok {
		return metaTime{t: dayOf(d.t)}, true
	}
	lang = baseLang(lang)
	if lang != "" && lang != "en" {
		if d, ok := parseForeignDateLine(s, lang, now); ok {
			return metaTime{t: dayOf(d.t)}, true
		}
	}
	// A date followed by other words: "05.02.2020 - Redaktion: ...",
	// "26. Jan 2022 im Format Aktuelles". The longest run of first words
	// that is a date.
	words := strings.Fields(s)
	for k := min(len(words)-1, 8); k >= 1; k-- {
		// "20 Feb, 2020. 3 min read": the sentence's stop is no part of it.
		if d, ok := parseDateLine(strings.TrimRight(strings.Join(words[:k], " "), ".,;")); ok {
			return metaTime{t: dayOf(d.t)}, true
		}
	}
	return metaTime{}, false
}

// baseLang is the language part of a language tag: "de-DE" is "de".
func baseLang(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i > 0 {
		tag = tag[:i]
	}
	return tag
}

// A dateStmt is one statement of a date by one source, read.
type dateStmt struct {
	mt  metaTime
	src metaSource
	// key is the meta name or how a visible date was found ("labelled",
	// "marked").
	key string
	// outside is set on a visible date found outside the article's markup.
	outside bool
	// shown is the text a <time> element shows beside its instant.
	shown string
	// swapped is the other reading of a date written in numbers whose
	// day and month may trade places ("11/01/2021"); zero when none.
	swapped time.Time
}

// numericDate finds a date written day, month and year in numbers.
var numericDate = regexp.MustCompile(`(?:^|[^0-9])([0-9]{1,2})[./-]([0-9]{1,2})[./-]((?:19|20)[0-9]{2})(?:[^0-9]|$)`)

// swappedReading is the reading of s, a date line read as the day of d,
// with day and month traded, when s writes them in numbers that allow it.
func swappedReading(s string, d time.Time) time.Time {
	m := numericDate.FindStringSubmatch(s)
	if m == nil {
		return time.Time{}
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	y, _ := strconv.Atoi(m[3])
	if a == b || a < 1 || b < 1 || a > 12 || b > 12 || y != d.Year() {
		return time.Time{}
	}
	switch {
	case int(d.Month()) == b && d.Day() == a:
		return time.Date(y, time.Month(a), b, 0, 0, 0, 0, time.UTC)
	case int(d.Month()) == a && d.Day() == b:
		return time.Date(y, time.Month(b), a, 0, 0, 0, 0, time.UTC)
	}
	return time.Time{}
}

// settleNumeric reads the dates the page shows in numbers whose day and
// month may trade places in the order the page's markup confirms: a page
// that writes "11/01/2021" beside datePublished 2021-11-01 writes month
// first, whatever its language usually does.
func settleNumeric(stmts []dateStmt, markup []dateStmt) {
	days := map[string]bool{}
	for _, m := range markup {
		if m.src <= fromMetaName {
			days[m.mt.t.Format(time.DateOnly)] = true
		}
	}
	for i, s := range stmts {
		if !s.swapped.IsZero() && !days[s.mt.t.Format(time.DateOnly)] && days[s.swapped.Format(time.DateOnly)] {
			stmts[i].mt = metaTime{t: s.swapped}
			stmts[i].swapped = time.Time{}
		}
	}
}

// readDates parses the date values of one field; those no parser reads are
// left out.
func readDates(vals []metaValue, lang string, now time.Time) []dateStmt {
	var out []dateStmt
	for _, v := range vals {
		mt, ok := parseMetaDate(v.val)
		if !ok {
			mt, ok = parseVisibleDate(v.val, lang, now)
		}
		if !ok {
			continue
		}
		if _, off := mt.t.Zone(); off == 0 && mt.hasTime {
			mt.t = mt.t.UTC() // "GMT", "+00:00", "Z": one zone
		}
		st := dateStmt{mt: mt, src: v.src, key: v.key, outside: v.outside, shown: v.shown}
		if v.src == fromDateline {
			st.swapped = swappedReading(v.val, mt.t)
		}
		out = append(out, st)
	}
	return out
}

// pageZone is the time zone the page lives in, when the page tells it:
// the offset most of its stated instants carry, else the offset between an
// instant it states in UTC and the local clock it shows for that instant
// ("2022-05-04T02:41Z" beside "3/5/2022 22:41" is UTC-4). Nil when the
// page does not tell.
func pageZone(stmts []dateStmt, clocks []string) *time.Location {
	offsets := map[int]int{}
	best, top := 0, 0
	for _, s := range stmts {
		if !s.mt.hasTime {
			continue
		}
		if _, off := s.mt.t.Zone(); off != 0 {
			offsets[off]++
			if offsets[off] > top || offsets[off] == top && off == best {
				best, top = off, offsets[off]
			}
		}
	}
	if top > 0 {
		return time.FixedZone("", best)
	}
	for _, s := range stmts {
		if !s.mt.hasTime || s.mt.t.Location() != time.UTC {
			continue
		}
		texts := clocks
		if s.shown != "" {
			texts = append([]string{s.shown}, clocks...)
		}
		for _, text := range texts {
			if off, ok := clockOffset(s.mt.t, text); ok {
				if off == 0 {
					return time.UTC
				}
				return time.FixedZone("", off)
			}
		}
	}
	return nil
}

// clockOffset finds in text the local clock of the UTC instant t: a clock
// with t's minutes whose difference from t's hour is a real zone offset,
// beside the day of the month the instant falls on in that zone. It
// returns the offset in seconds.
func clockOffset(t time.Time, text string) (int, bool) {
	for _, c := range clocksIn(text) {
		if c.min != t.Minute() {
			continue
		}
		diff := (c.hour*60 + c.min - (t.Hour()*60 + t.Minute()) + 24*60) % (24 * 60)
		if diff > 14*60 {
			diff -= 24 * 60
		}
		if diff < -12*60 || diff%15 != 0 {
			continue
		}
		local := t.Add(time.Duration(diff) * time.Minute)
		if hasNumber(text, local.Day()) && (hasNumber(text, local.Year()) || hasNumber(text, local.Year()%100)) {
			return diff * 60, true
		}
	}
	return 0, false
}

type clock struct{ hour, min int }

// clocksIn finds the clocks of a text: "22:41", "05:00 Uhr", "11:37 pm".
func clocksIn(text string) []clock {
	var out []clock
	low := strings.ToLower(text)
	for i := 0; i < len(low); i++ {
		if low[i] != ':' || i == 0 || i+2 >= len(low)+0 || i+3 > len(low) {
			continue
		}
		j := i
		for j > 0 && low[j-1] >= '0' && low[j-1] <= '9' {
			j--
		}
		if i-j < 1 || i-j > 2 || !isDigits(low[i+1:i+3]) || i+3 < len(low) && low[i+3] >= '0' && low[i+3] <= '9' {
			continue
		}
		if j > 0 && (low[j-1] == ':' || low[j-1] >= '0' && low[j-1] <= '9') {
			continue // the seconds of a clock already read
		}
		h, _ := strconv.Atoi(low[j:i])
		m, _ := strconv.Atoi(low[i+1 : i+3])
		after := strings.TrimLeft(low[i+3:], " ")
		if strings.HasPrefix(after, ":") && len(after) >= 3 {
			after = strings.TrimLeft(after[3:], " ") // seconds
		}
		after = strings.ReplaceAll(after, ".", "")
		after = strings.ReplaceAll(after, " ", "")
		switch {
		case strings.HasPrefix(after, "pm") && h < 12:
			h += 12
		case strings.HasPrefix(after, "am") && h == 12:
			h = 0
		}
		if h <= 23 && m <= 59 {
			out = append(out, clock{h, m})
		}
	}
	return out
}

// hasNumber reports n written as a number of its own in text ("3" in
// "3/5/2022", "05" counts as 5).
func hasNumber(text string, n int) bool {
	for i := 0; i < len(text); {
		if text[i] < '0' || text[i] > '9' {
			i++
			continue
		}
		j := i
		for j < len(text) && text[j] >= '0' && text[j] <= '9' {
			j++
		}
		if v, err := strconv.Atoi(text[i:j]); err == nil && v == n {
			return true
		}
		i = j
	}
	return false
}

// Weights of the sources of a publication date in the vote of
// choosePublished: structured fields tied to the article weigh most; a
// date the page's text labels as the publication date as much as a meta
// tag; an element merely marked as a date less, and less again outside
// the article's markup. go-htmldate's reading of the page counts as much
// as a meta tag, except when it only repeats the modification date the
// page states (see choosePublished).
var dateWeights = map[metaSource]int{
	fromJSONLD: 5, fromMicrodata: 4, fromOpenGraph: 4, fromDublinCore: 3, fromMetaName: 3,
	fromTimeTag: 2, fromDateline: 2, fromVisible: 3,
}

// Meta names that say "a date" without saying which: the page's, often
// its last change, rather than the article's publication.
var genericDateKeys = map[string]bool{"date": true, "dc.date": true, "dcterms.date": true}

// weight is a statement's say in the vote.
func (s dateStmt) weight() int {
	w := dateWeights[s.src]
	switch {
	case genericDateKeys[s.key]:
		w--
	case s.src == fromDateline && s.key == "labelled" && !s.outside:
		// The page says in words which date is the publication's.
		w = 5
	case s.src == fromDateline && s.key == "labelled":
		w = 2
	case s.src == fromDateline && s.outside:
		w = 1
	}
	return w
}

// dateCand is one statement of the publication date in the vote.
type dateCand struct {
	dateStmt
	weight int
	// days are the calendar days the statement is compatible with: its
	// day in the page's zone, and when the zone is unknown, for an
	// instant given in UTC, the neighbouring day it may fall on.
	days []string
}

// choosePublished votes on the publication day: every source supports
// the days its date is compatible with, weighted by its trust; the day
// with the most support wins, the most trusted source breaking ties. The
// date returned is the most trusted statement of that day with its time
// and zone, or the day alone when no source gives its instant. stmts are
// in order of trust; visible is go-htmldate's reading of the page; zone
// is the page's time zone, nil when unknown.
func choosePublished(stmts, modified []dateStmt, visible metaTime, zone *time.Location, now time.Time) (metaTime, string) {
	if d, src, ok := shownUpdate(stmts, modified, now); ok {
		return d, src.String()
	}
	if d, ok := reissued(stmts, modified, now); ok {
		return d, fromDateline.String()
	}
	if !statesPublication(stmts) && showsDate(stmts) {
		stmts, visible = withoutGeneric(stmts, visible)
	}
	visibleWeight := dateWeights[fromVisible]
	if !visible.zero() {
		if repeatsModified(visible, stmts, modified) {
			// go-htmldate read the modification date the page states: the
			// very mistake the vote is there to avoid.
			visibleWeight = 1
		}
		stmts = append(slices.Clip(stmts), dateStmt{mt: visible, src: fromVisible})
	}
	var cands []dateCand
	type kind struct{ src, weight int }
	perKind := map[kind]int{}
	for _, s := range stmts {
		mt := s.mt
		if mt.t.Year() < 1995 || mt.t.After(now.Add(24*time.Hour)) {
			continue
		}
		// A page states many times (related stories, comments): a few of
		// each source and weight are enough.
		if k := (kind{int(s.src), s.weight()}); perKind[k] < 3 {
			perKind[k]++
		} else {
			continue
		}
		utc := mt.hasTime && mt.t.Location() == time.UTC
		if utc && zone != nil {
			mt.t = mt.t.In(zone)
		}
		c := dateCand{dateStmt: s, weight: s.weight()}
		if s.src == fromVisible {
			c.weight = visibleWeight
		}
		c.mt = mt
		day := mt.t.Format(time.DateOnly)
		c.days = []string{day}
		if utc && zone == nil {
			for _, off := range []time.Duration{-12 * time.Hour, 14 * time.Hour} {
				if d := mt.t.Add(off).Format(time.DateOnly); d != day {
					c.days = append(c.days, d)
				}
			}
		}
		cands = append(cands, c)
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
		if d := c.days[0]; support[d] > top {
			day, top = d, support[d]
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
		if c.mt.hasTime && c.days[0] == day && c.src != fromDateline {
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

// The pages the vote would misread: dates the page shows its readers that
// say more than the markup does.

// inRange reports a date the vote may take.
func inRange(d metaTime, now time.Time) bool {
	return d.t.Year() >= 1995 && !d.t.After(now.Add(24*time.Hour))
}

// statesPublication reports a publication date the page's markup states
// in a field that says so (datePublished, article:published_time,
// DC.date.issued): more than a generic "date", which is often the day the
// page was generated or last touched.
func statesPublication(stmts []dateStmt) bool {
	for _, s := range stmts {
		if s.src <= fromMetaName && !genericDateKeys[s.key] {
			return true
		}
	}
	return false
}

// shows reports a date the page shows its readers as the article's: a
// <time> of the article, a date line in the article, or one labelled as
// the publication date anywhere.
func shows(s dateStmt) bool {
	return s.src == fromTimeTag || s.src == fromDateline && (!s.outside || s.key == "labelled")
}

// showsDate reports a date the page shows its readers, a date line
// outside the article's markup included.
func showsDate(stmts []dateStmt) bool {
	return slices.ContainsFunc(stmts, func(s dateStmt) bool { return s.src == fromTimeTag || s.src == fromDateline })
}

// withoutGeneric drops the generic meta dates from the vote, and
// go-htmldate's reading when it is one of them (it reads those tags
// first): the page shows its readers a date and states no publication
// date that would outweigh it ("Datum: 13.10.2021" on a page whose
// <meta name="date"> is the 15th, the day it was generated).
func withoutGeneric(stmts []dateStmt, visible metaTime) ([]dateStmt, metaTime) {
	var out []dateStmt
	for _, s := range stmts {
		if genericDateKeys[s.key] {
			if !visible.zero() && s.mt.t.Format(time.DateOnly) == visible.t.Format(time.DateOnly) {
				visible = metaTime{}
			}
			continue
		}
		out = append(out, s)
	}
	return out, visible
}

// shownUpdate is the date of a page that shows its readers only when it
// was last updated ("Stand: 28.04.2020 18:00 Uhr", "Updated June 13,
// 2019"), never when it was published: the text as it stands is of that
// day, whatever the markup says of its first version; the markup's
// instant of that day when it states one. A page that shows both dates is
// dated by its publication.
func shownUpdate(stmts, modified []dateStmt, now time.Time) (metaTime, metaSource, bool) {
	if slices.ContainsFunc(stmts, shows) {
		return metaTime{}, 0, false
	}
	for _, m := range modified {
		if m.src != fromDateline || !inRange(m.mt, now) {
			continue
		}
		day := m.mt.t.Format(time.DateOnly)
		for _, s := range stmts {
			if s.mt.hasTime && s.mt.t.Format(time.DateOnly) == day {
				// The markup states the instant of that day.
				return s.mt, s.src, true
			}
		}
		return metaTime{t: dayOf(m.mt.t)}, fromDateline, true
	}
	return metaTime{}, 0, false
}

// reissued is the date of a page that shows its readers, unlabelled in
// the article, the day its markup says the article was modified and not
// the day it says it was published: the page presents its latest version
// as the article ("Monday, 6 January 2020" under the headline, datePublished
// the 3rd, dateModified the 6th).
func reissued(stmts, modified []dateStmt, now time.Time) (metaTime, bool) {
	pub := map[string]bool{}
	mod := map[string]bool{}
	for _, s := range stmts {
		if s.src <= fromMetaName && !genericDateKeys[s.key] {
			pub[s.mt.t.Format(time.DateOnly)] = true
		}
	}
	for _, m := range modified {
		if m.src <= fromMetaName {
			mod[m.mt.t.Format(time.DateOnly)] = true
		}
	}
	for _, s := range stmts {
		if s.src != fromDateline || s.outside || s.key != "marked" || !inRange(s.mt, now) {
			continue
		}
		if day := s.mt.t.Format(time.DateOnly); mod[day] && !pub[day] {
			return metaTime{t: dayOf(s.mt.t)}, true
		}
	}
	return metaTime{}, false
}

// repeatsModified reports a date that is a modification date of mods
// (the same instant, or the same day when it has no time) and the day of
// no publication statement.
func repeatsModified(d metaTime, published, mods []dateStmt) bool {
	day := d.t.Format(time.DateOnly)
	for _, p := range published {
		if p.mt.t.Format(time.DateOnly) == day || p.mt.t.UTC().Format(time.DateOnly) == d.t.UTC().Format(time.DateOnly) {
			return false
		}
	}
	for _, m := range mods {
		switch {
		case d.hasTime && m.mt.hasTime && d.t.Equal(m.mt.t):
			return true
		case !d.hasTime && (m.mt.t.Format(time.DateOnly) == day || m.mt.t.UTC().Format(time.DateOnly) == day):
			return true
		}
	}
	return false
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
