package extract

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/markusmobius/go-dateparser"
	"github.com/markusmobius/go-dateparser/date"
)

var monthNames = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
	"april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
	"august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9, "october": 10,
	"oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdayNames = map[string]bool{
	"monday": true, "mon": true, "tuesday": true, "tue": true, "tues": true,
	"wednesday": true, "wed": true, "thursday": true, "thu": true, "thur": true,
	"thurs": true, "friday": true, "fri": true, "saturday": true, "sat": true,
	"sunday": true, "sun": true,
}

// Words that may stand beside a date in a date line, and the kind of date
// they make it.
var dateLabels = map[string]string{
	"published": "published", "posted": "published", "pub": "published",
	"created": "published", "first": "published", "date": "published",
	"dated": "published", "released": "published",
	"updated": "updated", "modified": "updated", "last": "updated",
	"edited": "updated", "revised": "updated",
	"on": "", "at": "", "in": "", "the": "", "of": "",
}

// Time zone abbreviations allowed in a date line; the time they qualify is
// kept as written.
var zoneNames = map[string]bool{
	"utc": true, "gmt": true, "et": true, "est": true, "edt": true, "pt": true,
	"pst": true, "pdt": true, "ct": true, "cst": true, "cdt": true, "mt": true,
	"mst": true, "mdt": true, "bst": true, "cet": true, "cest": true, "eet": true,
	"eest": true, "msk": true, "ist": true, "jst": true, "kst": true, "aest": true,
	"aedt": true, "z": true,
}

// dateLine is a date found on a line that says nothing else.
type dateLine struct {
	t        time.Time
	dateOnly bool
	label    string // "published", "updated" or ""
}

// parseDateLine reads a line made only of a date, an optional time, a
// weekday, a time zone and labels such as "Published On" or "Updated:".
// Examples: "Published On 4 Sep 2025", "8:46 AM – Thursday, September 4,
// 2025", "Saturday, November 8, 2025", "2025-09-04".
func parseDateLine(line string) (dateLine, bool) {
	if len(line) > 160 || len(line) < 6 {
		return dateLine{}, false
	}
	line = respaceDateLine(line)
	// "Posted May 3, 2013 8:10 am Updated May 4, 2013 9:00 am": both halves
	// must be date lines; the first is the publication date.
	low := strings.ToLower(line)
	for _, sep := range []string{" updated", " last updated", " modified", " | updated", " · updated"} {
		if i := strings.Index(low, sep); i > 0 && strings.ContainsAny(low[:i], "0123456789") {
			first, ok1 := parseDateLine(line[:i])
			_, ok2 := parseDateLine(line[i:])
			// "August 10, 2011 - - Updated 0947 GMT (1747 HKT)": the
			// update's stamp may be one the reader does not know
			if ok1 && !ok2 && strings.ContainsAny(low[i:], "0123456789") && len(line)-i < 40 {
				ok2 = true
			}
			if ok1 && ok2 {
				if first.label == "updated" {
					first.label = ""
				}
				return first, true
			}
			return dateLine{}, false
		}
	}
	if len(line) > 90 {
		return dateLine{}, false
	}
	var (
		year, day, hour, min, sec = 0, 0, -1, 0, 0
		month                     time.Month
		label                     string
		pm, am                    bool
		sawDigit                  bool
	)
	for i := 0; i < len(line); i++ {
		if line[i] >= '0' && line[i] <= '9' {
			sawDigit = true
			break
		}
	}
	if !sawDigit {
		return dateLine{}, false
	}
	toks := dateTokens(line)
	for _, tok := range toks {
		low := strings.ToLower(tok)
		switch {
		case isDigits(low) && len(low) == 4:
			if year != 0 {
				return dateLine{}, false
			}
			year, _ = strconv.Atoi(low)
		case isDigits(low) && len(low) <= 2:
			if day != 0 {
				return dateLine{}, false
			}
			day, _ = strconv.Atoi(low)
		case isOrdinal(low):
			if day != 0 {
				return dateLine{}, false
			}
			day, _ = strconv.Atoi(strings.TrimRight(low, "stndrh"))
		case len(low) <= 3 && strings.HasSuffix(low, ".") && isDigits(low[:len(low)-1]):
			// "19. Mai 2010": a day written with a dot, as German writes it.
			if day != 0 {
				return dateLine{}, false
			}
			day, _ = strconv.Atoi(low[:len(low)-1])
		case monthOf(low) != 0:
			if month != 0 {
				return dateLine{}, false
			}
			month = monthOf(low)
		case weekdayNames[strings.TrimSuffix(low, ".")]:
		case low == "am" || low == "a.m." || low == "a.m":
			am = true
		case low == "pm" || low == "p.m." || low == "p.m":
			pm = true
		case zoneNames[low]:
		case strings.Count(low, ":") >= 1 && isClock(strings.TrimSuffix(strings.TrimSuffix(low, "am"), "pm")):
			if hour >= 0 {
				return dateLine{}, false
			}
			pm = pm || strings.HasSuffix(low, "pm")
			am = am || strings.HasSuffix(low, "am")
			hour, min, sec = parseClock(strings.TrimSuffix(strings.TrimSuffix(low, "am"), "pm"))
		case isISODate(low):
			if year != 0 || month != 0 || day != 0 {
				return dateLine{}, false
			}
			y, m, d, rest := parseISODate(low)
			year, month, day = y, m, d
			if rest != "" {
				if rest[0] != 't' || !isClock(strings.TrimRight(rest[1:], "z")) {
					return dateLine{}, false
				}
				hour, min, sec = parseClock(strings.TrimRight(rest[1:], "z"))
			}
		case isDotClock(low) && hour < 0 && (year != 0 || month != 0):
			// "4 Sep 2025 10.20 BST": a clock written with a dot, after the date.
			hour, min, sec = parseClock(strings.Replace(low, ".", ":", 1))
		case isDottedDate(low):
			if year != 0 || month != 0 || day != 0 {
				return dateLine{}, false
			}
			day, month, year = parseDottedDate(low)
		case dateFillers[low]:
		default:
			l, ok := dateLabels[strings.TrimRight(low, ":")]
			if !ok {
				return dateLine{}, false
			}
			if label == "" {
				label = l
			}
		}
	}
	if year < 1990 || year > 2100 || month == 0 || day < 1 || day > daysIn(month, year) {
		return dateLine{}, false
	}
	d := dateLine{label: label, dateOnly: hour < 0}
	if hour < 0 {
		d.t = time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
		return d, true
	}
	if pm && hour < 12 {
		hour += 12
	}
	if am && hour == 12 {
		hour = 0
	}
	if hour > 23 || min > 59 || sec > 59 {
		return dateLine{}, false
	}
	d.t = time.Date(year, month, day, hour, min, sec, 0, time.UTC)
	return d, true
}

// dateTokens splits a line at spaces and at punctuation that separates the
// parts of a date line; colons, hyphens, dots and slashes stay inside tokens
// ("8:46", "2025-09-04", "a.m.").
func dateTokens(s string) []string {
	f := func(r rune) bool {
		switch r {
		case ' ', '\t', ',', '|', '–', '—', '•', '·', '(', ')', '[', ']', '\u00a0', '/':
			return true
		}
		return false
	}
	toks := strings.FieldsFunc(s, f)
	out := toks[:0]
	for _, t := range toks {
		t = strings.TrimRight(t, ":")
		if t == "" || t == "-" || t == "." {
			continue
		}
		out = append(out, t)
	}
	return out
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

func isOrdinal(s string) bool {
	for _, suf := range []string{"st", "nd", "rd", "th"} {
		if n, ok := strings.CutSuffix(s, suf); ok && isDigits(n) && len(n) <= 2 {
			return true
		}
	}
	return false
}

// isClock reports whether s is "H:MM" or "HH:MM:SS".
func isClock(s string) bool {
	parts := strings.Split(s, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return false
	}
	for i, p := range parts {
		if i > 0 && len(p) != 2 {
			if !(i == len(parts)-1 && len(p) > 2 && isDigits(p[:2]) && (p[2] == '.' || p[2] == '+' || p[2] == '-')) {
				return false
			}
			continue
		}
		if !isDigits(p) || len(p) > 2 {
			return false
		}
	}
	return true
}

func parseClock(s string) (h, m, sec int) {
	parts := strings.Split(s, ":")
	h, _ = strconv.Atoi(parts[0])
	m, _ = strconv.Atoi(parts[1][:2])
	if len(parts) == 3 {
		sec, _ = strconv.Atoi(parts[2][:2])
	}
	return h, m, sec
}

// isISODate reports whether s starts with YYYY-MM-DD.
func isISODate(s string) bool {
	return len(s) >= 10 && isDigits(s[:4]) && s[4] == '-' && isDigits(s[5:7]) && s[7] == '-' && isDigits(s[8:10])
}

func parseISODate(s string) (int, time.Month, int, string) {
	y, _ := strconv.Atoi(s[:4])
	m, _ := strconv.Atoi(s[5:7])
	d, _ := strconv.Atoi(s[8:10])
	if m < 1 || m > 12 {
		return 0, 0, 0, ""
	}
	return y, time.Month(m), d, s[10:]
}

// isDottedDate reports whether s is DD.MM.YYYY, the European numeric form
// (day first, never ambiguous with the US month-first slash form).
func isDottedDate(s string) bool {
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	return len(parts) == 3 && isDigits(parts[0]) && len(parts[0]) <= 2 &&
		isDigits(parts[1]) && len(parts[1]) <= 2 && isDigits(parts[2]) && len(parts[2]) == 4
}

func parseDottedDate(s string) (int, time.Month, int) {
	parts := strings.Split(strings.TrimSuffix(s, "."), ".")
	d, _ := strconv.Atoi(parts[0])
	m, _ := strconv.Atoi(parts[1])
	y, _ := strconv.Atoi(parts[2])
	if m < 1 || m > 12 {
		return 0, 0, 0
	}
	return d, time.Month(m), y
}

func daysIn(m time.Month, year int) int {
	return time.Date(year, m+1, 0, 0, 0, 0, 0, time.UTC).Day()
}

// labeledISODate finds "date YYYY-MM-DD" near the start of a line, as
// content systems glue into photo captions.
func labeledISODate(line string) (time.Time, bool) {
	low := strings.ToLower(line)
	i := strings.Index(low, "date")
	if i < 0 || i > 20 {
		return time.Time{}, false
	}
	rest := strings.TrimLeft(low[i+4:], " :")
	if !isISODate(rest) {
		return time.Time{}, false
	}
	y, m, d, _ := parseISODate(rest)
	if y < 1990 || m == 0 || d < 1 || d > daysIn(m, y) {
		return time.Time{}, false
	}
	return time.Date(y, m, d, 0, 0, 0, 0, time.UTC), true
}

var relativeUnits = map[string]time.Duration{
	"second": time.Second, "seconds": time.Second, "sec": time.Second, "secs": time.Second,
	"minute": time.Minute, "minutes": time.Minute, "min": time.Minute, "mins": time.Minute,
	"hour": time.Hour, "hours": time.Hour, "hr": time.Hour, "hrs": time.Hour,
	"day": 24 * time.Hour, "days": 24 * time.Hour, "week": 7 * 24 * time.Hour,
	"weeks": 7 * 24 * time.Hour, "month": 30 * 24 * time.Hour, "months": 30 * 24 * time.Hour,
	"year": 365 * 24 * time.Hour, "years": 365 * 24 * time.Hour,
}

// relativeDateEnd finds a relative date ("2 months ago", "an hour ago",
// "yesterday") ending the word list, and returns how many words it takes.
func relativeDateEnd(words []string) int {
	n := len(words)
	if n == 0 {
		return 0
	}
	last := strings.ToLower(words[n-1])
	switch last {
	case "yesterday", "today", "now":
		if last == "now" {
			if n >= 2 && strings.ToLower(words[n-2]) == "just" {
				return 2
			}
			return 0
		}
		return 1
	case "ago":
		if n < 3 {
			return 0
		}
		if _, ok := relativeUnits[strings.ToLower(words[n-2])]; !ok {
			return 0
		}
		q := strings.ToLower(words[n-3])
		if isDigits(q) || q == "a" || q == "an" || q == "one" || q == "two" || q == "few" {
			return 3
		}
	}
	return 0
}

// ResolveDate reads a date phrase found in an article, absolute ("4 Sep
// 2025", "Thursday") or relative ("2 months ago", "yesterday", "in two
// weeks"), and returns the time it names counted from base, which should be
// the article's own publication date: a relative date in a report refers to
// when it was written, not to today. lang is the article's ISO 639-1
// language, "" to let go-dateparser detect it. The bool is false when s is
// not a date.
func ResolveDate(s string, base time.Time, lang string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 100 || base.IsZero() {
		return time.Time{}, false
	}
	if words := strings.Fields(s); relativeDateEnd(words) == len(words) && len(words) == 3 {
		// "2 months ago": the common English form, without the parser.
		if n, err := strconv.Atoi(words[0]); err == nil {
			return resolveRelative(base, n, relativeUnits[strings.ToLower(words[1])]), true
		}
	}
	cfg := &dateparser.Configuration{CurrentTime: base, PreferredDateSource: dateparser.Past}
	if lang != "" && dateparser.IsKnownLocale(lang) {
		cfg.Languages = []string{lang}
	}
	d, err := dateparser.Parse(cfg, s)
	if err != nil || d.IsZero() {
		return time.Time{}, false
	}
	return d.Time, true
}

// resolveRelative counts n units back from base; months and years by the
// calendar.
func resolveRelative(base time.Time, n int, unit time.Duration) time.Time {
	switch unit {
	case 30 * 24 * time.Hour:
		return base.AddDate(0, -n, 0)
	case 365 * 24 * time.Hour:
		return base.AddDate(-n, 0, 0)
	}
	return base.Add(-time.Duration(n) * unit)
}

// parseForeignDateLine reads a date line in a language other than English
// with go-dateparser ("4 septembre 2025", "Publicado: 4 de septiembre de
// 2025"). Only short lines with a four-digit year are tried: the parser is
// slow.
func parseForeignDateLine(line, lang string, now time.Time) (dateLine, bool) {
	if lang == "" || lang == "en" || len(line) > 70 || !dateparser.IsKnownLocale(lang) {
		return dateLine{}, false
	}
	if words := strings.Fields(line); len(words) > 9 || !hasYear(line) {
		return dateLine{}, false
	}
	cfg := &dateparser.Configuration{
		Languages:          []string{lang},
		CurrentTime:        now,
		StrictParsing:      true,
		ReturnTimeAsPeriod: true,
	}
	// The line itself, then without one or two leading label words
	// ("Publié le ...", "Veröffentlicht am ...").
	try := []string{line}
	words := strings.Fields(line)
	for k := 1; k <= 2 && k < len(words)-1; k++ {
		try = append(try, strings.Join(words[k:], " "))
	}
	for _, s := range try {
		d, err := dateparser.Parse(cfg, s)
		if err != nil || d.IsZero() || d.Time.Year() < 1990 || d.Period == date.Month || d.Period == date.Year {
			continue
		}
		if !writesYear(s, d.Time.Year()) {
			// The parser read something else than the year the line
			// writes ("25/05/2025 21:57 h" as a date relative to now).
			continue
		}
		only := !d.Period.IsTime()
		t := d.Time
		if only {
			t = time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
		}
		return dateLine{t: t, dateOnly: only}, true
	}
	return dateLine{}, false
}

// hasYear reports a four-digit year 1990-2099 standing alone in s.
func hasYear(s string) bool {
	return writesYear(s, 0)
}

// writesYear reports the year y (any year 1990-2099 when y is 0) written
// in s as four digits standing alone.
func writesYear(s string, y int) bool {
	for i := 0; i+4 <= len(s); i++ {
		if (s[i] == '1' && s[i+1] == '9' || s[i] == '2' && s[i+1] == '0') && isDigits(s[i:i+4]) &&
			(i == 0 || s[i-1] < '0' || s[i-1] > '9') && (i+4 == len(s) || s[i+4] < '0' || s[i+4] > '9') {
			if n, _ := strconv.Atoi(s[i : i+4]); y == 0 || n == y {
				return true
			}
		}
	}
	return false
}

// looksDateish reports a line that is a date we could not read: a year,
// and besides date words, numbers and labels at most one other word
// ("INDONESIA, July 2, 2013", "May 2, 2013, 1: 12 PM").
func looksDateish(line string) bool {
	if len(line) > 100 || !hasYear(line) {
		return false
	}
	other, month := 0, false
	for _, tok := range dateTokens(line) {
		low := strings.Trim(strings.ToLower(tok), ".,:;")
		switch {
		case low == "":
		case monthNames[low] != 0:
			month = true
		case weekdayNames[low], zoneNames[low], low == "am", low == "pm", low == "a.m", low == "p.m":
		case strings.Trim(low, "0123456789:.-apm") == "", isOrdinal(low):
		default:
			if _, ok := dateLabels[low]; ok {
				continue
			}
			other++
		}
	}
	return month && other <= 1
}

// isDotClock reports "HH.MM".
func isDotClock(s string) bool {
	h, m, ok := strings.Cut(s, ".")
	return ok && isDigits(h) && len(h) <= 2 && isDigits(m) && len(m) == 2
}

var (
	spacedClock = regexp.MustCompile(`(\d{1,2}): (\d{2})(\D|$)`)
	spacedMer   = regexp.MustCompile(`(?i)\b([ap])\. m\.`)
	bracketed   = regexp.MustCompile(`\([^()]*\)`)
)

// respaceDateLine undoes the spacing of text split into words and joined
// again ("5: 46 PM", "7: 08 p. m."), and drops separators and bracketed
// asides ("July 29, 2011|10:57 pm", "- - Updated", "(1747 HKT)").
func respaceDateLine(line string) string {
	line = spacedClock.ReplaceAllString(line, "$1:$2$3")
	line = spacedMer.ReplaceAllString(line, "$1.m.")
	line = strings.ReplaceAll(line, "|", " ")
	line = strings.ReplaceAll(line, "- -", " ")
	line = bracketed.ReplaceAllString(line, " ")
	return strings.Join(strings.Fields(line), " ")
}
