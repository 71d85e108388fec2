package extract

import (
	"strings"
	"time"
	"unicode"
	"unicode/utf8"
)

// What a line of a plain-text document is.
type lineKind uint8

const (
	kindBody       lineKind = iota
	kindBlank               // empty
	kindBoiler              // boilerplate: prompts, markers, credits
	kindCorrection          // a correction notice
	kindDate                // a line that is only a date
	kindByline              // the author line
	kindMasthead            // the outlet's name (or its initials) on top
	kindTitle               // the headline
)

// How many non-empty lines at the top and at the bottom may hold the
// masthead, byline and date line.
const (
	headLines = 6
	footLines = 4
)

// Priorities of the outlet signals, best first.
const (
	outletMasthead = iota
	outletPrompt   // "Subscribe to Xyz Telegram channel"
	outletCopyright
	outletStaff // "XYZ Staff Jane Doe"
	outletByline
	outletDomain // a link to the outlet's own pages in a prompt
	outletNone
)

// Priorities of the date signals, best first.
const (
	dateHead = iota
	dateFoot
	dateUpdated
	dateCaption
	dateNone
)

// textDoc is the state of one plain-text extraction.
type textDoc struct {
	lines      []string
	kinds      []lineKind
	outlet     string
	outletPrio int
	date       dateLine
	datePrio   int
	author     string
	// credit is the news agency the byline credits ("Jane Doe, Reuters").
	credit      string
	corrections []string
}

// extractText finds the metadata a plain-text article states in its prose
// (headline, byline, date line, masthead) and keeps the body without
// boilerplate.
func extractText(body string, opts Options) *result {
	d := &textDoc{outletPrio: outletNone, datePrio: dateNone}
	d.lines = splitLines(body)
	d.kinds = make([]lineKind, len(d.lines))
	var nonEmpty []int
	for i, l := range d.lines {
		if l == "" {
			d.kinds[i] = kindBlank
			continue
		}
		nonEmpty = append(nonEmpty, i)
	}
	now := opts.now()
	lang := detectLanguage(body)

	// Lines that are boilerplate wherever they stand.
	for _, i := range nonEmpty {
		d.classifyAnywhere(i, now)
	}
	// Masthead, date line and byline stand at the top or the bottom.
	zone := make([]int, 0, headLines+footLines)
	for k, i := range nonEmpty {
		if k < headLines || k >= len(nonEmpty)-footLines {
			zone = append(zone, i)
		}
	}
	d.findMasthead(nonEmpty)
	for _, i := range zone {
		if d.kinds[i] != kindBody {
			continue
		}
		l := d.lines[i]
		if dl, ok := parseDateLine(l); ok {
			d.kinds[i] = kindDate
			if dl.t.After(now.Add(24 * time.Hour)) {
				continue
			}
			prio := dateHead
			switch {
			case dl.label == "updated":
				prio = dateUpdated
			case i > nonEmpty[min(headLines, len(nonEmpty))-1]:
				prio = dateFoot
			}
			d.setDate(dl, prio)
			continue
		}
		if (startsWithDateLabel(l) && len(l) <= 100 && hasYear(l)) || looksDateish(l) {
			// A date line we cannot read ("Posted 08. 07. 2012"): metadata
			// all the same.
			d.kinds[i] = kindDate
			continue
		}
		if dl, ok := parseForeignDateLine(l, lang, now); ok {
			d.kinds[i] = kindDate
			if !dl.t.After(now.Add(24 * time.Hour)) {
				d.setDate(dl, dateHead)
			}
			continue
		}
		if a, o, ok := parseByline(l); ok {
			d.kinds[i] = kindByline
			if d.author == "" {
				d.author = a
				if wireAgencies[strings.ToLower(strings.TrimSpace(o))] {
					d.credit = strings.TrimSpace(o)
				}
			}
			if o != "" {
				prio := outletByline
				if strings.Contains(l, "Staff") {
					prio = outletStaff
				}
				d.setOutlet(o, prio)
			}
		}
	}
	// "Jane Doe in Geneva" beside the date line is a byline with a place.
	if d.author == "" {
		for k, i := range nonEmpty {
			if k >= headLines || d.kinds[i] != kindBody {
				continue
			}
			nextToDate := (k > 0 && d.kinds[nonEmpty[k-1]] == kindDate) || (k+1 < len(nonEmpty) && d.kinds[nonEmpty[k+1]] == kindDate)
			if !nextToDate {
				continue
			}
			if a, ok := bylineWithPlace(d.lines[i]); ok {
				d.kinds[i] = kindByline
				d.author = a
				break
			}
		}
	}
	title := d.findTitle(nonEmpty)
	for _, c := range d.corrections {
		if title == "" {
			title = titleFromCorrection(c)
		}
	}

	r := &result{paras: d.paragraphs()}
	r.meta.Title = title
	r.meta.Language = lang
	r.meta.Author, r.meta.Credit = d.author, d.credit
	r.meta.Outlet = d.outlet
	if d.datePrio != dateNone {
		r.meta.Published = d.date.t
		r.meta.PublishedDateOnly = d.date.dateOnly
	}
	r.correction = strings.Join(d.corrections, "\n")
	return r
}

// firstLine returns the index of the first non-empty line.
func (d *textDoc) firstLine() int {
	for i, l := range d.lines {
		if l != "" {
			return i
		}
	}
	return -1
}

func (d *textDoc) setOutlet(o string, prio int) {
	o = strings.TrimSpace(strings.Trim(o, " .,:;!|-–—"))
	if o == "" || prio >= d.outletPrio {
		return
	}
	d.outlet, d.outletPrio = o, prio
}

func (d *textDoc) setDate(dl dateLine, prio int) {
	if prio >= d.datePrio {
		return
	}
	d.date, d.datePrio = dl, prio
}

// splitLines splits body into lines, trimmed and with whitespace folded.
func splitLines(body string) []string {
	if strings.IndexByte(body, '\n') < 0 && strings.IndexByte(body, '\r') >= 0 {
		body = strings.ReplaceAll(body, "\r", "\n") // old Mac line ends
	}
	n := strings.Count(body, "\n") + 1
	lines := make([]string, 0, n)
	for len(body) > 0 {
		i := strings.IndexByte(body, '\n')
		var l string
		if i < 0 {
			l, body = body, ""
		} else {
			l, body = body[:i], body[i+1:]
		}
		lines = append(lines, foldSpace(l))
	}
	return lines
}

// classifyAnywhere marks line i when it is boilerplate, a photo caption, a
// correction notice or a section-and-age line, and gathers the outlet and
// date signals such lines carry.
func (d *textDoc) classifyAnywhere(i int, now time.Time) {
	l := d.lines[i]
	// Every test below looks at the start of a line, or at short lines only.
	head := l
	if len(head) > 400 {
		cut := 400
		for cut > 0 && !utf8.RuneStart(head[cut]) {
			cut--
		}
		head = head[:cut]
	}
	low := strings.ToLower(head)
	if isCorrection(low) {
		d.kinds[i] = kindCorrection
		d.corrections = append(d.corrections, l)
		return
	}
	if isCaption(l, low) {
		d.kinds[i] = kindBoiler
		if t, ok := labeledISODate(l); ok && !t.After(now.Add(24*time.Hour)) {
			d.setDate(dateLine{t: t, dateOnly: true, label: "published"}, dateCaption)
		}
		return
	}
	if isURLLine(l) {
		d.kinds[i] = kindBoiler
		// A page's address saved above its text names the outlet's site.
		if i == d.firstLine() {
			if host := ownDomain(l); host != "" && !socialHosts[host] {
				d.setOutlet(host, outletDomain)
			}
		}
		return
	}
	if isSectionAge(l) {
		d.kinds[i] = kindBoiler
		return
	}
	if !isBoilerplate(low) {
		return
	}
	d.kinds[i] = kindBoiler
	if o := promptOutlet(l); o != "" {
		d.setOutlet(o, outletPrompt)
	}
	if o := copyrightHolder(l); o != "" {
		d.setOutlet(o, outletCopyright)
	}
	if isPrompt(low) {
		if host := ownDomain(l); host != "" {
			d.setOutlet(host, outletDomain)
		}
	}
}

// findMasthead marks the outlet's name on top: a short "The ... Gazette"
// line, or a name next to a line of its initials ("EG" / "The Express
// Gazette").
func (d *textDoc) findMasthead(nonEmpty []int) {
	top := nonEmpty
	if len(top) > 3 {
		top = top[:3]
	}
	for k, i := range top {
		if d.kinds[i] != kindBody {
			continue
		}
		l := d.lines[i]
		if !isMastheadName(l) {
			continue
		}
		words := strings.Fields(l)
		initials := false
		for _, nb := range []int{k - 1, k + 1} {
			if nb < 0 || nb >= len(top) {
				continue
			}
			j := top[nb]
			if d.kinds[j] == kindBody && isInitialsOf(d.lines[j], words) {
				d.kinds[j] = kindMasthead
				initials = true
			}
		}
		newspaper := strings.EqualFold(words[0], "the") && len(words) >= 2 && len(words) <= 5 &&
			mastheadWords[strings.ToLower(words[len(words)-1])]
		// "RADIO VESKA" over "Tuesday, October 14, 2025": a name in capitals
		// on the first line, right above the date line.
		capsOverDate := false
		if k == 0 && k+1 < len(top) && len(words) >= 2 && len(words) <= 4 && strings.ToUpper(l) == l && !hasSectionWord(words) {
			_, capsOverDate = parseDateLine(d.lines[top[k+1]])
		}
		if !initials && !newspaper && !capsOverDate {
			continue
		}
		// A newspaper's name stands over a date line or over a headline,
		// not over prose.
		if !initials && k+1 < len(top) {
			next := d.lines[top[k+1]]
			if _, ok := parseDateLine(next); !ok && !looksDateish(next) && !isHeadline(next) {
				continue
			}
		}
		// A masthead stands above the article: something must follow.
		if k == len(nonEmpty)-1 {
			continue
		}
		d.kinds[i] = kindMasthead
		d.setOutlet(l, outletMasthead)
		return
	}
}

// Words of section labels set in capitals above a story ("BREAKING NEWS",
// "WORLD POLITICS"): such a line is a kicker, not the outlet's name.
var sectionWords = map[string]bool{
	"breaking": true, "news": true, "world": true, "politics": true, "business": true,
	"sport": true, "sports": true, "opinion": true, "analysis": true, "exclusive": true,
	"live": true, "update": true, "updated": true, "local": true, "national": true,
	"international": true, "culture": true, "science": true, "tech": true,
	"technology": true, "health": true, "entertainment": true, "economy": true,
	"markets": true, "europe": true, "asia": true, "africa": true, "americas": true,
	"middle": true, "east": true, "us": true, "uk": true, "latest": true, "top": true,
	"stories": true, "story": true, "feature": true, "features": true, "editorial": true,
	"comment": true, "review": true, "reviews": true, "special": true, "report": true,
	"investigation": true, "lifestyle": true, "travel": true, "weather": true, "crime": true,
}

func hasSectionWord(words []string) bool {
	for _, w := range words {
		if sectionWords[strings.ToLower(strings.Trim(w, ".,:|"))] {
			return true
		}
	}
	return false
}

// Words that end a newspaper's name in a masthead ("The ... Gazette").
var mastheadWords = map[string]bool{
	"gazette": true, "times": true, "post": true, "news": true, "herald": true,
	"tribune": true, "journal": true, "daily": true, "chronicle": true, "telegraph": true,
	"guardian": true, "independent": true, "express": true, "observer": true,
	"mirror": true, "courier": true, "dispatch": true, "inquirer": true, "examiner": true,
	"bulletin": true, "sentinel": true, "register": true, "enquirer": true, "globe": true,
	"mail": true, "ledger": true, "zeitung": true, "post-gazette": true, "pravda": true,
}

// isMastheadName reports a short line of capitalised words without final
// punctuation.
func isMastheadName(l string) bool {
	if len(l) > 50 {
		return false
	}
	words := strings.Fields(l)
	if len(words) < 1 || len(words) > 6 {
		return false
	}
	for _, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(r) && !unicode.IsDigit(r) {
			return false
		}
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	return unicode.IsLetter(last) || unicode.IsDigit(last)
}

// isInitialsOf reports whether l is the initials of words, with or without
// a leading "The" ("EG" for "The Express Gazette").
func isInitialsOf(l string, words []string) bool {
	if len(l) < 2 || len(l) > 6 || strings.ToUpper(l) != l {
		return false
	}
	var all, noThe strings.Builder
	for k, w := range words {
		r, _ := utf8.DecodeRuneInString(w)
		all.WriteRune(unicode.ToUpper(r))
		if !(k == 0 && strings.EqualFold(w, "the")) {
			noThe.WriteRune(unicode.ToUpper(r))
		}
	}
	return l == all.String() || l == noThe.String()
}

// findTitle marks and returns the headline: the first remaining line above
// the body when it is short and has no final period.
func (d *textDoc) findTitle(nonEmpty []int) string {
	for k, i := range nonEmpty {
		if k >= headLines {
			return ""
		}
		if d.kinds[i] != kindBody {
			continue
		}
		l := d.lines[i]
		if isKicker(l) {
			continue
		}
		if !isHeadline(l) {
			// A one-sentence line right above the date line or byline is the
			// headline even with a final period.
			if k+1 < len(nonEmpty) && (d.kinds[nonEmpty[k+1]] == kindDate || d.kinds[nonEmpty[k+1]] == kindByline) && isShortLine(l) {
				d.kinds[i] = kindTitle
				return l
			}
			return ""
		}
		// The first line of a hard-wrapped paragraph is no headline.
		if i+1 < len(d.lines) && d.kinds[i+1] == kindBody {
			r, _ := utf8.DecodeRuneInString(d.lines[i+1])
			if unicode.IsLower(r) || d.looksWrapped() {
				return ""
			}
		}
		// Something of the body must follow.
		for _, j := range nonEmpty[k+1:] {
			if d.kinds[j] == kindBody {
				d.kinds[i] = kindTitle
				return l
			}
		}
		return ""
	}
	return ""
}

// isShortLine reports one short sentence: at most 200 bytes, 4 to 30
// words, one final period.
func isShortLine(l string) bool {
	words := strings.Fields(l)
	if len(l) > 200 || len(words) < 4 || len(words) > 30 {
		return false
	}
	return strings.Count(strings.TrimRight(l, "."), ". ") == 0
}

// isKicker reports a section label above a headline: one to three words
// in capitals ("WORLD", "BREAKING NEWS").
func isKicker(l string) bool {
	return len(l) <= 30 && len(strings.Fields(l)) <= 3 && strings.ToUpper(l) == l && strings.ToLower(l) != l
}

// isHeadline reports a short line that does not end a sentence.
func isHeadline(l string) bool {
	if len(l) > 250 {
		return false
	}
	words := strings.Fields(l)
	if len(words) < 2 || len(words) > 30 {
		return false
	}
	if startsWithDateLabel(l) {
		return false // "Posted ...", "Updated ..."
	}
	if looksDateish(l) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(l)
	switch last {
	case '.', ',', ';', ':', '…':
		return false
	}
	first, _ := utf8.DecodeRuneInString(l)
	return !unicode.IsLower(first)
}

// paragraphs returns the body lines as paragraphs. In hard-wrapped text the
// lines of a block are joined; otherwise every line is a paragraph.
func (d *textDoc) paragraphs() []string {
	wrapped := d.looksWrapped()
	out := make([]string, 0, len(d.lines)/2+1)
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for i, l := range d.lines {
		if d.kinds[i] != kindBody {
			flush()
			continue
		}
		if !wrapped {
			out = append(out, l)
			continue
		}
		cur = append(cur, l)
	}
	flush()
	return out
}

// looksWrapped reports hard-wrapped text: lines of similar length below
// 100 characters, many of them ending mid-sentence.
func (d *textDoc) looksWrapped() bool {
	var long, open, total, maxLen int
	for i, l := range d.lines {
		if d.kinds[i] != kindBody {
			continue
		}
		total++
		maxLen = max(maxLen, utf8.RuneCountInString(l))
		if len(l) >= 50 {
			long++
			last, _ := utf8.DecodeLastRuneInString(l)
			if last != '.' && last != '!' && last != '?' && last != '"' && last != '”' {
				open++
			}
		}
	}
	return total >= 4 && maxLen <= 100 && long*10 >= total*6 && open*10 >= long*3
}

// startsWithDateLabel reports a line starting "Published", "Posted",
// "Updated" or the like, maybe after "Article" or "Story".
func startsWithDateLabel(l string) bool {
	words := strings.Fields(strings.ToLower(l))
	if len(words) > 1 && (words[0] == "article" || words[0] == "story" || words[0] == "last" || words[0] == "first") {
		words = words[1:]
	}
	if len(words) == 0 {
		return false
	}
	lbl, ok := dateLabels[strings.TrimRight(words[0], ":")]
	return ok && lbl != "" && words[0] != "date" && words[0] != "first" && words[0] != "last"
}
