package claim

import (
	"math"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// valueAt is a value found in a sentence with its token range.
type valueAt struct {
	ValueFact
	ti, tj int // tokens of the value, modifiers included
	mi     int // first token of the number itself
	age    bool
	// appositive: an age written as a bare number after a name ("Dobbs,
	// 21,"), kept only when the name is a person's
	appositive bool
	drop       bool    // not a value after all (see slot)
	hyphen     bool    // a figure joined to its unit by a hyphen ("10-metre")
	elided     bool    // a count whose noun is implied ("80 wounded")
	zoneOff    float64 // a zoned clock time's offset from UTC, in seconds
}

var months = map[string]time.Month{
	"january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4,
	"may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9,
	"sep": 9, "sept": 9, "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}

var weekdays = map[string]time.Weekday{
	"sunday": 0, "monday": 1, "tuesday": 2, "wednesday": 3, "thursday": 4, "friday": 5, "saturday": 6,
}

// zones are UTC offsets of time-zone words found after a clock time.
var zones = map[string]int{
	"gmt": 0, "utc": 0, "bst": 1, "cet": 1, "cest": 2, "eet": 2, "eest": 3, "moscow": 3, "kyiv": 2,
	"est": -5, "edt": -4, "cst": -6, "cdt": -5, "pst": -8, "pdt": -7, "et": -5, "pt": -8,
}

type modifier struct {
	words []string
	kind  byte // '~' about, '<' at most, '>' at least, 'n' nearly, '=' exact
}

// modifiers, longest first.
var modifiers = []modifier{
	{[]string{"a", "little", "more", "than"}, '>'}, {[]string{"a", "little", "over"}, '>'},
	{[]string{"no", "more", "than"}, '<'}, {[]string{"no", "fewer", "than"}, '>'}, {[]string{"no", "less", "than"}, '>'},
	{[]string{"as", "many", "as"}, '<'}, {[]string{"as", "much", "as"}, '<'}, {[]string{"as", "few", "as"}, '>'},
	{[]string{"in", "excess", "of"}, '>'}, {[]string{"upwards", "of"}, '>'}, {[]string{"just", "over"}, '>'},
	{[]string{"just", "under"}, '<'}, {[]string{"more", "than"}, '>'}, {[]string{"less", "than"}, '<'},
	{[]string{"fewer", "than"}, '<'}, {[]string{"at", "least"}, '>'}, {[]string{"at", "most"}, '<'},
	{[]string{"up", "to"}, '<'}, {[]string{"close", "to"}, 'n'}, {[]string{"an", "estimated"}, '~'},
	{[]string{"or", "so"}, '~'},
	{[]string{"about"}, '~'}, {[]string{"around"}, '~'}, {[]string{"approximately"}, '~'}, {[]string{"roughly"}, '~'},
	{[]string{"some"}, '~'}, {[]string{"nearly"}, 'n'}, {[]string{"almost"}, 'n'}, {[]string{"over"}, '>'},
	{[]string{"under"}, '<'}, {[]string{"below"}, '<'}, {[]string{"above"}, '>'}, {[]string{"estimated"}, '~'},
	{[]string{"just"}, '='}, {[]string{"only"}, '='}, {[]string{"exactly"}, '='}, {[]string{"precisely"}, '='},
	{[]string{"barely"}, '='}, {[]string{"approx"}, '~'}, {[]string{"circa"}, '~'}, {[]string{"nearly"}, 'n'},
}

// values finds the values of sentence si.
func (x *extractor) values(si int) []valueAt {
	s := &x.sents[si]
	toks := s.toks
	var out []valueAt
	for i := 0; i < len(toks); i++ {
		// a figure inside a quotation is the outlet's too: it printed it
		// ("Twenty-three personnel (12 Somali and 11 Yemeni) surrendered,"
		// the navy said)
		if v, ok := x.ageAt(toks, i); ok {
			out = append(out, v)
			i = v.tj - 1
			continue
		}
		if v, ok := x.recordAt(toks, i); ok {
			out = append(out, v)
			i = v.tj - 1
			continue
		}
		if v, ok := x.militaryTime(toks, i); ok {
			out = append(out, v)
			i = v.tj - 1
			continue
		}
		if v, ok := x.dateAt(toks, i); ok {
			// "between 07:28 and 08:06": one span of time
			if v.Kind == crosscheck.ValueTime && v.ti > 0 && toks[v.ti-1].low == "between" && v.tj+1 < len(toks) && toks[v.tj].low == "and" {
				if w, ok := x.dateAt(toks, v.tj+1); ok && w.Kind == crosscheck.ValueTime && w.Zoned && !v.Zoned {
					// "between 07:28 and 08:06 UTC": the zone is the range's
					v.Min, v.Max, v.Zoned = v.Min-w.zoneOff, v.Max-w.zoneOff, true
				}
				if w, ok := x.dateAt(toks, v.tj+1); ok && w.Kind == crosscheck.ValueTime && w.Zoned == v.Zoned && w.Max >= v.Min {
					v.ti--
					v.tj = w.tj
					v.Max, v.Approx = w.Max, true
					x.finishDate(&v, toks)
				}
			}
			out = append(out, v)
			i = v.tj - 1
			continue
		}
		if v, ok := x.numberAt(toks, i); ok {
			out = append(out, v)
			i = v.tj - 1
		}
	}
	return out
}

// ageAt reads an age at token i: "21-year-old", "a 38 - year - old",
// "11 - year old", "aged 21", "21 years old", and the appositive of a
// name: "Jesse Dobbs, 21,". Its Holder is set by slot.
func (x *extractor) ageAt(toks []token, i int) (valueAt, bool) {
	t := toks[i]
	v := valueAt{ti: i, mi: i, age: true}
	n, end := -1.0, i+1
	low := t.low
	switch {
	case strings.HasSuffix(low, "-year-old") || strings.HasSuffix(low, "-years-old"):
		n = ageNumber(low[:strings.Index(low, "-year")])
	case (strings.HasSuffix(low, "-year") || strings.HasSuffix(low, "-years")) && i+1 < len(toks) && (toks[i+1].low == "old" || toks[i+1].low == "-old"):
		n = ageNumber(low[:strings.Index(low, "-year")])
		end = i + 2
	case i > 0 && toks[i-1].low == "aged" && (t.kind == 'n' || numberWord(low)):
		n = ageNumber(low)
		v.ti = i - 1
	case (t.kind == 'n' || numberWord(low)) && i+2 < len(toks) && toks[i+1].low == "years" && toks[i+2].low == "old":
		n = ageNumber(low)
		end = i + 3
	case t.kind == 'n' && i > 0 && toks[i-1].text == "," && i+1 < len(toks) && (toks[i+1].text == "," || toks[i+1].text == "." || toks[i+1].text == ";") && i > 1 && (toks[i-2].cap && toks[i-2].kind == 'w' || i > 2 && toks[i-2].text == "." && generational[toks[i-3].low]):
		// "Jesse Dobbs, 21," after a name (checked against a person by slot)
		n = ageNumber(low)
		v.appositive = true
	}
	if n <= 0 || n > 125 {
		return v, false
	}
	v.tj = end
	v.Kind, v.Unit = crosscheck.ValueCount, "year-old"
	v.Min, v.Max = n, n
	v.Start, v.End = toks[v.ti].start, toks[end-1].end
	v.Text = x.text[v.Start:v.End]
	return v, true
}

func ageNumber(s string) float64 {
	if f, ok := numberWords[s]; ok {
		return f
	}
	if f, err := strconv.Atoi(s); err == nil {
		return float64(f)
	}
	return -1
}

// militaryTime reads a clock time written as four digits: "at 1100
// hours", "1353 local time", "1023 GMT".
func (x *extractor) militaryTime(toks []token, i int) (valueAt, bool) {
	t := toks[i]
	v := valueAt{ti: i, mi: i}
	if t.kind != 'n' || len(t.low) != 4 || !onlyDigits(t.low) || i+1 >= len(toks) {
		return v, false
	}
	next := toks[i+1].low
	zone, zoned := zones[next]
	if next != "hours" && next != "hrs" && next != "hour" && next != "local" && !zoned && next != "ist" {
		return v, false
	}
	h, _ := strconv.Atoi(t.low[:2])
	mi, _ := strconv.Atoi(t.low[2:])
	if h > 23 || mi > 59 {
		return v, false
	}
	end := i + 2
	if next == "local" && end < len(toks) && toks[end].low == "time" {
		end++
	}
	if next == "ist" {
		zone, zoned = 0, false // a zone we do not place: kept local
	}
	if end < len(toks) && toks[end].low == "ist" {
		end++
	}
	v.Kind, v.Unit, v.Zoned = crosscheck.ValueTime, "second", zoned
	sec := float64(h*3600 + mi*60 - zone*3600)
	v.Min, v.Max = sec, sec
	v.tj = end
	if i > 0 && clockHedges[toks[i-1].low] {
		v.ti = i - 1
		v.Min, v.Max, v.Approx = v.Min-900, v.Max+900, true
	}
	x.finishDate(&v, toks)
	return v, true
}

// isFirstWord reports the first word of a sentence, which is capitalised
// whatever it is.
func isFirstWord(toks []token, i int) bool {
	for k := 0; k < i; k++ {
		if toks[k].kind != 'p' {
			return false
		}
	}
	return true
}

func parseNum(s string) (float64, bool) {
	s = strings.ReplaceAll(s, ",", "")
	f, err := strconv.ParseFloat(s, 64)
	return f, err == nil
}

// dateAt reads a date or clock time starting at token i.
func (x *extractor) dateAt(toks []token, i int) (valueAt, bool) {
	t := toks[i]
	v := valueAt{ti: i, mi: i}
	v.Kind = crosscheck.ValueDate
	year, day := 0, 0
	var month time.Month
	end := i
	switch {
	case t.cap && months[strings.TrimSuffix(t.low, ".")] != 0 && (t.low != "may" && t.low != "march" || i+1 < len(toks) && toks[i+1].kind == 'n'):
		month = months[strings.TrimSuffix(t.low, ".")]
		end = i + 1
		if end < len(toks) && toks[end].kind == 'n' {
			if d, err := strconv.Atoi(strings.TrimRight(toks[end].text, "stndrh")); err == nil && d >= 1 && d <= 31 {
				day = d
				end++
				if end+1 < len(toks) && toks[end].text == "," && toks[end+1].kind == 'n' {
					if y, err := strconv.Atoi(toks[end+1].text); err == nil && y > 1900 && y < 2200 {
						year = y
						end += 2
					}
				} else if end < len(toks) && toks[end].kind == 'n' {
					if y, err := strconv.Atoi(toks[end].text); err == nil && y > 1900 && y < 2200 {
						year = y
						end++
					}
				}
			}
		}
		if day == 0 {
			return x.monthAt(toks, i, month)
		}
	case t.kind == 'n' && i+1 < len(toks) && toks[i+1].cap && months[strings.TrimSuffix(toks[i+1].low, ".")] != 0:
		d, err := strconv.Atoi(t.text)
		if err != nil || d < 1 || d > 31 {
			return v, false
		}
		day, month = d, months[strings.TrimSuffix(toks[i+1].low, ".")]
		end = i + 2
		if end < len(toks) && toks[end].kind == 'n' {
			if y, err := strconv.Atoi(toks[end].text); err == nil && y > 1900 && y < 2200 {
				year = y
				end++
			}
		}
	case t.kind == 'n' && len(t.text) == 10 && t.text[4] == '-' && t.text[7] == '-':
		d, err := time.Parse(time.DateOnly, t.text)
		if err != nil {
			return v, false
		}
		v.tj = i + 1
		v.Time = d
		x.finishDate(&v, toks)
		return v, true
	case t.kind == 'w' && weekdays[t.low] != 0 || t.low == "sunday":
		wd := weekdays[t.low]
		v.Weekday = int(wd) + 1
		if x.ref.IsZero() {
			// unresolved: the weekday alone, for comparing with other weekdays
			v.ti = i
			if i > 0 && (toks[i-1].low == "on" || toks[i-1].low == "next" || toks[i-1].low == "last") {
				v.ti = i - 1
			}
			v.tj = i + 1
			v.Start, v.End = toks[v.ti].start, toks[v.tj-1].end
			v.Text = x.text[v.Start:v.End]
			return v, true
		}
		ref := x.ref
		diff := (int(ref.Weekday()) - int(wd) + 7) % 7
		dt := ref.AddDate(0, 0, -diff)
		if i > 0 && toks[i-1].low == "next" {
			dt = ref.AddDate(0, 0, (int(wd)-int(ref.Weekday())+7)%7)
			if dt.Equal(ref) {
				dt = dt.AddDate(0, 0, 7)
			}
		} else if i > 0 && toks[i-1].low == "last" && diff == 0 {
			dt = dt.AddDate(0, 0, -7)
		}
		v.ti = i
		if i > 0 && (toks[i-1].low == "on" || toks[i-1].low == "next" || toks[i-1].low == "last") {
			v.ti = i - 1
		}
		v.tj = i + 1
		v.Time = time.Date(dt.Year(), dt.Month(), dt.Day(), 0, 0, 0, 0, time.UTC)
		x.finishDate(&v, toks)
		return v, true
	case t.low == "yesterday" || t.low == "today" || t.low == "tomorrow":
		if x.ref.IsZero() {
			return v, false
		}
		d := map[string]int{"yesterday": -1, "today": 0, "tomorrow": 1}[t.low]
		dt := x.ref.AddDate(0, 0, d)
		v.tj = i + 1
		v.Time = time.Date(dt.Year(), dt.Month(), dt.Day(), 0, 0, 0, 0, time.UTC)
		x.finishDate(&v, toks)
		return v, true
	case t.kind == 'n' || t.kind == 'w' && len(t.low) > 2 && t.low[0] >= '0' && t.low[0] <= '9':
		h, mi, e, ok := clockAt(toks, i)
		if !ok {
			return v, false
		}
		end = e
		offset, zoned := 0, false
		if end < len(toks) {
			if o, ok := zones[toks[end].low]; ok {
				offset, zoned = o, true
				end++
				if end < len(toks) && toks[end].low == "time" {
					end++
				}
			} else if end+2 < len(toks) && toks[end].low == "coordinated" && toks[end+1].low == "universal" && toks[end+2].low == "time" {
				offset, zoned = 0, true // "07:28 Coordinated Universal Time"
				end += 3
			} else if end+2 < len(toks) && toks[end].text == "(" && (toks[end+1].low == "utc" || toks[end+1].low == "gmt") && toks[end+2].text == ")" {
				offset, zoned = 0, true // "07:28 (UTC)"
			}
		}
		v.Kind = crosscheck.ValueTime
		v.Zoned = zoned
		v.tj = end
		if !x.ref.IsZero() {
			loc := time.UTC
			if zoned {
				loc = time.FixedZone("", offset*3600)
			}
			v.Time = time.Date(x.ref.Year(), x.ref.Month(), x.ref.Day(), h, mi, 0, 0, loc).UTC()
		}
		v.Min, v.Max = float64(h*3600+mi*60-offset*3600), float64(h*3600+mi*60-offset*3600)
		v.zoneOff = float64(offset * 3600)
		v.Unit = "second"
		// "at about 07:00": a hedged clock time is half an hour either way
		if i > 0 && clockHedges[toks[i-1].low] {
			v.ti = i - 1
			v.Min, v.Max, v.Approx = v.Min-900, v.Max+900, true
		}
		x.finishDate(&v, toks)
		return v, true
	default:
		return v, false
	}
	if year == 0 {
		if x.ref.IsZero() {
			v.Month, v.Day = int(month), day
			v.tj = end
			x.finishDate(&v, toks)
			return v, true
		}
		year = x.ref.Year()
		// "December 30" in a January article is last year's
		if d := time.Date(year, month, day, 0, 0, 0, 0, time.UTC); d.Sub(x.ref) > 60*24*time.Hour {
			year--
		}
	}
	v.Time = time.Date(year, month, day, 0, 0, 0, 0, time.UTC)
	v.Month, v.Day = int(month), day
	if i > 0 && toks[i-1].low == "on" {
		v.ti = i - 1
	}
	v.tj = end
	x.finishDate(&v, toks)
	return v, true
}

// monthAt reads a month without its day: "in July", "since June", "in
// September 2007". Its bounds are the month's first and last instants;
// it has no Time, so it places nothing on the timeline. A month alone
// must follow a word that makes it a time ("may", "march" need a year).
func (x *extractor) monthAt(toks []token, i int, month time.Month) (valueAt, bool) {
	v := valueAt{ti: i, mi: i, tj: i + 1}
	v.Kind = crosscheck.ValueDate
	year := 0
	if i+1 < len(toks) && toks[i+1].kind == 'n' && len(toks[i+1].text) == 4 {
		if y, err := strconv.Atoi(toks[i+1].text); err == nil && y > 1900 && y < 2200 {
			year = y
			v.tj = i + 2
		}
	}
	before := ""
	if i > 0 {
		before = toks[i-1].low
	}
	low := strings.TrimSuffix(toks[i].low, ".")
	if year == 0 && (!monthLead[before] || low == "may" || low == "march") {
		return v, false
	}
	if year == 0 {
		if x.ref.IsZero() {
			return v, false
		}
		// "in July" is the last July before the article
		year = x.ref.Year()
		if month > x.ref.Month() {
			year--
		}
	}
	if monthLead[before] {
		v.ti = i - 1
	}
	v.Month = int(month)
	x.finishDate(&v, toks)
	start := time.Date(year, month, 1, 0, 0, 0, 0, time.UTC)
	v.Min, v.Max = float64(start.Unix()), float64(start.AddDate(0, 1, 0).Unix()-1)
	return v, true
}

// monthLead words make a bare month name a time: "in July", "since June".
var monthLead = set(`in since until by during last early late mid`)

func (x *extractor) finishDate(v *valueAt, toks []token) {
	v.Start, v.End = toks[v.mi].start, toks[v.tj-1].end
	if v.ti < v.mi {
		v.Start = toks[v.ti].start
	}
	v.Text = x.text[v.Start:v.End]
	if v.Kind == crosscheck.ValueDate && !v.Time.IsZero() {
		u := float64(v.Time.Unix())
		v.Min, v.Max = u, u+86399
	}
}

// numberAt reads a number with its modifier and unit starting at token i.
func (x *extractor) numberAt(toks []token, i int) (valueAt, bool) {
	t := toks[i]
	v := valueAt{ti: i, mi: i}
	var n float64
	unitTok := -1
	hyphenUnit := ""
	if t.low == "one" && i > 0 && (toks[i-1].low == "no" || toks[i-1].low == "every" || toks[i-1].low == "any") {
		return v, false // "no one was killed": nobody, not one
	}
	switch {
	case t.kind == 'n' && i > 0 && toks[i-1].kind == 'w' && toks[i-1].cap && months[strings.TrimSuffix(toks[i-1].low, ".")] == 0 && !numberWord(toks[i-1].low) && toks[i-1].start+len(toks[i-1].text)+1 == t.start && !isFirstWord(toks, i-1):
		// "Interstate 75", "AK 47", "Boeing 747": a name's number, not a count
		return v, false
	case t.kind == 'n':
		num := t.low // merged spaced numbers ("2. 6") read in their joined form
		suffixMul := 1.0
		for _, sfx := range []string{"bn", "tn", "mm", "m", "k"} {
			if strings.HasSuffix(strings.ToLower(num), sfx) && len(num) > len(sfx) && num[len(num)-len(sfx)-1] >= '0' && num[len(num)-len(sfx)-1] <= '9' {
				suffixMul = map[string]float64{"bn": 1e9, "tn": 1e12, "mm": 1e6, "m": 1e6, "k": 1e3}[sfx]
				num = num[:len(num)-len(sfx)]
				break
			}
		}
		if k := strings.IndexByte(num, '-'); k > 0 {
			num, hyphenUnit = num[:k], strings.ToLower(num[k+1:])
			if m, ok := multipliers[hyphenUnit]; ok {
				suffixMul *= m // "$2.6-million"
				hyphenUnit = ""
			} else if hyphenUnit == "" || hyphenUnit[0] >= '0' && hyphenUnit[0] <= '9' || strings.HasSuffix(hyphenUnit, "old") {
				return v, false // a range, an ISO date or an age
			} else {
				v.hyphen = true // "a six-game loss", "a 10-metre dhow": a measure of what follows
			}
		}
		f, ok := parseNum(num)
		if !ok || strings.Contains(num, ":") || len(num) > 1 && num[0] == '0' && num[1] != '.' {
			return v, false // "000": the tail of a number split by a stray space
		}
		// a year or an address-like number is not a quantity
		if f >= 1900 && f <= 2200 && !strings.Contains(num, ",") && hyphenUnit == "" {
			return v, false
		}
		n = f * suffixMul
		if i > 0 && toks[i-1].text == "/" || i+1 < len(toks) && toks[i+1].text == "/" {
			return v, false // a fraction or a score
		}
	case t.kind == 'w' && !t.cap || (t.kind == 'w' && i == 0):
		w := t.low
		hy := ""
		if k := strings.IndexByte(w, '-'); k > 0 {
			w, hy = w[:k], w[k+1:]
		}
		f, ok := numberWords[w]
		if !ok {
			if (w == "a" || w == "an") && i+1 < len(toks) && durations[toks[i+1].low] != 0 && !strings.HasSuffix(toks[i+1].low, "s") && i > 0 &&
				(toks[i-1].low == "than" || toks[i-1].low == "about" || toks[i-1].low == "nearly" || toks[i-1].low == "almost" || toks[i-1].low == "after" || toks[i-1].low == "for" || toks[i-1].low == "within" || toks[i-1].low == "over" || toks[i-1].low == "under" || toks[i-1].low == "half" || toks[i-1].low == "lasted") {
				f, ok = 1, true
			}
		}
		if !ok || w == "half" && !(i+2 < len(toks) && (toks[i+1].low == "an" || toks[i+1].low == "a")) {
			return v, false
		}
		if w == "half" {
			i += 1 // "half an hour"
		}
		if hy != "" {
			if g, ok2 := numberWords[hy]; ok2 && g < 10 {
				f += g // twenty-five
			} else if strings.HasSuffix(hy, "old") {
				return v, false // an age
			} else if m, ok := multipliers[hy]; ok {
				f *= m // "two-million"
			} else {
				hyphenUnit = hy
				v.hyphen = true
			}
		}
		n = f
		if w == "one" && i+1 < len(toks) && (toks[i+1].low == "of" || toks[i+1].kind == 'p') {
			return v, false
		}
	default:
		return v, false
	}
	j := i + 1
	base, mult := n, 1.0
	// "5 billion", "two hundred"
	for j < len(toks) && toks[j].kind == 'w' {
		if m, ok := multipliers[toks[j].low]; ok && (toks[j].low != "m" || t.kind == 'n') {
			n *= m
			mult *= m
			j++
			continue
		}
		break
	}
	// "dozens of people", "hundreds of homes": a vague range
	vague, isVague := vagueRanges[t.low]
	if isVague && j < len(toks) && toks[j].low == "of" {
		j++
	}
	// "one and a half hours"
	if j+2 < len(toks) && toks[j].low == "and" && toks[j+1].low == "a" && toks[j+2].low == "half" {
		n += 0.5 * mult
		j += 3
	}
	kind := crosscheck.ValueCount
	unit := ""
	currency := ""
	if i > 0 && toks[i-1].kind == 'p' && currencies[toks[i-1].text] != "" {
		currency = currencies[toks[i-1].text]
		v.ti = i - 1
	}
	switch {
	case hyphenUnit != "":
		unit = hyphenUnit
		unitTok = i
	case j < len(toks) && (toks[j].text == "%" || toks[j].low == "percent"):
		kind, unit = crosscheck.ValuePercent, "percent"
		j++
	case j+1 < len(toks) && toks[j].low == "per" && toks[j+1].low == "cent":
		kind, unit = crosscheck.ValuePercent, "percent"
		j += 2
	case j < len(toks) && toks[j].kind == 'w':
		u := toks[j].low
		if currencies[u] != "" {
			currency = currencies[u]
			j++
			break
		}
		if stopUnit[u] {
			break
		}
		// names before the counted noun: "3,000 Valencia residents"
		for skip := 0; skip < 3 && toks[j].cap && j+1 < len(toks) && toks[j+1].kind == 'w'; skip++ {
			j++
			u = toks[j].low
		}
		// skip one adjective before the counted noun: "26 European countries"
		for skip := 0; skip < 3 && j+1 < len(toks) && toks[j+1].kind == 'w' && !stopUnit[toks[j+1].low] && durations[u] == 0 &&
			(demonyms[u] != "" || adjectiveLike(u)); skip++ {
			j++
			u = toks[j].low
		}
		unit = u
		unitTok = j
		j++
	}
	// "an hour and a half"
	if unitTok >= 0 && j+2 < len(toks) && toks[j].low == "and" && toks[j+1].low == "a" && toks[j+2].low == "half" {
		n += 0.5 * mult
		j += 3
	}
	if currency != "" {
		kind, unit = crosscheck.ValueMoney, currency
	} else if d, ok := durations[unit]; ok {
		if unitTok >= 0 && unitTok+1 < len(toks) && (toks[unitTok+1].low == "ago" || toks[unitTok+1].low == "old" || strings.HasSuffix(toks[unitTok+1].low, "-old") || toks[unitTok+1].low == "later" || toks[unitTok+1].low == "earlier") {
			return v, false // a relative date or an age, not a duration
		}
		if i > 0 && (toks[i-1].low == "last" || toks[i-1].low == "next" || toks[i-1].low == "past") {
			return v, false
		}
		kind, unit = crosscheck.ValueDuration, "second"
		n *= d
		mult *= d
	} else if unit != "" && kind == crosscheck.ValueCount {
		unit = singular(unit)
		if s, ok := unitSynonyms[unit]; ok {
			unit = s
		}
	}
	if unit == "" && kind == crosscheck.ValueCount {
		kind = crosscheck.ValueNumber
	}
	v.Kind, v.Unit = kind, unit
	v.tj = j
	// modifiers before the number
	lo, hi := n, n
	approx := false
	if t.kind == 'n' && n == float64(int64(n)) && int64(n)%5 == 0 && n >= 10 {
		approx = false
	}
	start := v.ti
	if start == i && t.low == "half" {
		start = i - 1
		v.ti = start
	}
	for _, m := range modifiers {
		k := start - len(m.words)
		if k < 0 {
			continue
		}
		match := true
		for w := range m.words {
			if toks[k+w].low != m.words[w] {
				match = false
				break
			}
		}
		if !match {
			continue
		}
		v.ti = k
		switch m.kind {
		case '~':
			lo, hi, approx = n*(1-approxShare(n/mult)), n*(1+approxShare(n/mult)), true
		case 'n':
			lo, hi, approx = n*(1-approxShare(n/mult)), n, true
		case '>':
			lo, hi, approx = n, Unbounded, true
		case '<':
			lo, hi, approx = 0, n, true
		}
		break
	}
	if isVague {
		lo, hi, approx = vague[0]*mult, vague[1]*mult, true
	}
	// "20 to 30 minutes", "between 20 and 30 minutes"
	if lo == hi && v.ti >= 2 && (toks[v.ti-1].low == "to" || toks[v.ti-1].low == "and") {
		if a, ok := plainNumber(toks[v.ti-2]); ok && a < base {
			lo, approx = a*mult, true
			v.ti -= 2
			if v.ti > 0 && (toks[v.ti-1].low == "between" || toks[v.ti-1].low == "from") {
				v.ti--
			}
		}
	}
	v.Min, v.Max, v.Approx = lo, hi, approx
	v.N = n
	v.Start, v.End = toks[v.ti].start, toks[v.tj-1].end
	v.Text = x.text[v.Start:v.End]
	return v, true
}

// clockAt reads a clock time at token i: "07:15", "7:15 a.m.", "7 a.m.",
// "9pm". A bare number is no clock time.
func clockAt(toks []token, i int) (h, mi, end int, ok bool) {
	t := toks[i].low
	half := ""
	for _, suf := range []string{"a.m.", "p.m.", "am", "pm"} {
		if strings.HasSuffix(t, suf) && len(t) > len(suf) {
			t, half = strings.TrimSuffix(t, suf), strings.ReplaceAll(suf, ".", "")
			break
		}
	}
	hs, ms, colon := strings.Cut(t, ":")
	var err error
	if h, err = strconv.Atoi(hs); err != nil || h > 24 || len(hs) > 2 {
		return 0, 0, 0, false
	}
	if colon {
		if mi, err = strconv.Atoi(ms); err != nil || mi > 59 || len(ms) != 2 {
			return 0, 0, 0, false
		}
	}
	end = i + 1
	if half == "" && end < len(toks) {
		if l := strings.ReplaceAll(toks[end].low, ".", ""); l == "am" || l == "pm" {
			half = l
			end++
		}
	}
	if !colon && (half == "" || h < 1 || h > 12) {
		return 0, 0, 0, false // "7" alone, "13 pm"
	}
	switch half {
	case "pm":
		if h < 12 {
			h += 12
		}
	case "am":
		if h == 12 {
			h = 0
		}
	}
	return h, mi, end, true
}

// clockHedges before a clock time make it approximate.
var clockHedges = set(`about around approximately roughly circa nearly almost some approx`)

// vagueRanges bound plural round numbers: "dozens" is 24 to 99.
var vagueRanges = map[string][2]float64{
	"dozens": {24, 99}, "hundreds": {200, 999}, "thousands": {2000, 9999},
}

// plainNumber reads a token that is only a number: "20", "twenty".
func plainNumber(t token) (float64, bool) {
	if t.kind == 'n' {
		return parseNum(t.text)
	}
	if f, ok := numberWords[t.low]; ok {
		return f, true
	}
	return 0, false
}

// stopUnit are words after a number that are not what it counts.
var stopUnit = set(`of and or to in on at for from by with the a an as than per is are was were
has have had will would who which that percent`)

func adjectiveLike(w string) bool {
	for _, s := range []string{"al", "ive", "ous", "ful", "ic", "ary", "ish", "ed", "ing", "less", "able"} {
		if strings.HasSuffix(w, s) && len(w) > len(s)+2 {
			return true
		}
	}
	switch w {
	case "new", "more", "other", "major", "senior", "unnamed", "foreign", "former", "top", "key", "big", "small", "large":
		return true
	}
	return false
}

// singular returns a plural noun's singular form, roughly.
func singular(w string) string {
	switch {
	case strings.HasSuffix(w, "ies") && len(w) > 4:
		return w[:len(w)-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "ches") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "xes"):
		return w[:len(w)-2]
	case strings.HasSuffix(w, "ss") || strings.HasSuffix(w, "us"):
		return w
	case strings.HasSuffix(w, "s") && len(w) > 3:
		return w[:len(w)-1]
	}
	return w
}

// approxShare is how far "about n" or "nearly n" may be from n: a quarter
// for small counts ("about 10" may be 12), a tenth for large round figures
// ("roughly 21,000" is not "over 24,000").
func approxShare(n float64) float64 {
	if math.Abs(n) >= 1000 {
		return 0.1
	}
	return 0.25
}

// recordRe is a won-lost record or a score as one token: "9-14",
// "58 - 3", "88-72".
var recordRe = regexp.MustCompile(`^(\d{1,3}) ?- ?(\d{1,3})$`)

// recordNouns may follow a record or a score: "a 9-14 start", "an 88-72
// setback", "a 10-5 vote". Any other noun makes the figures a range ("20-30
// people").
var recordNouns = set(`record records start starts setback setbacks win wins victory victories loss losses defeat defeats
mark run streak lead decision verdict triumph rout season campaign vote lifetime career overall`)

// gameNouns make a score of one game, not a standing record.
var gameNouns = set(`setback win victory loss defeat decision triumph rout`)

// recordAt reads a won-lost record or a game's score at token i ("the
// 76ers have opened 9-14", "Klitschko, 58 - 3 with 51 knockouts", "an
// 88-72 setback"). The figure is won*1000+lost; Unit "record", or
// "score" for one game's.
func (x *extractor) recordAt(toks []token, i int) (valueAt, bool) {
	v := valueAt{ti: i, mi: i}
	m := recordRe.FindStringSubmatch(toks[i].text)
	if m == nil {
		return v, false
	}
	if i > 0 {
		switch toks[i-1].low {
		case "from", "between", "aged", "ages", "age", "to", "of", "for", "with", "$", "€", "£":
			// "from 20-30", "ages 18-24": a range; "to 58-3", "a record of
			// 9-14" are records only by the words before those
			if toks[i-1].low == "to" && i > 1 && (recordVerbs[toks[i-2].low] || recordNouns[toks[i-2].low]) || toks[i-1].low == "of" && i > 1 && recordNouns[toks[i-2].low] {
				break
			}
			return v, false
		}
	}
	unit := "record"
	if i+1 < len(toks) {
		n := toks[i+1]
		if n.kind == 'w' && strings.HasPrefix(n.pos, "NN") && !n.cap && !recordNouns[n.low] {
			return v, false // "20-30 people", "10-15 minutes"
		}
		if n.kind == 'w' && (n.pos == "VBN" || n.pos == "JJ") && !n.cap {
			return v, false // "a 3-2 split decision" is read by its noun; keep it simple
		}
		if gameNouns[n.low] {
			unit = "score"
		}
	}
	a, _ := strconv.Atoi(m[1])
	b, _ := strconv.Atoi(m[2])
	v.Kind, v.Unit = crosscheck.ValueNumber, unit
	v.Min = float64(a*1000 + b)
	v.Max, v.N = v.Min, v.Min
	v.tj = i + 1
	x.finishDate(&v, toks)
	return v, true
}

// recordVerbs move a record: "improved to 58-3", "fell to 36-3".
var recordVerbs = set(`improved improves improve fell falls fall dropped drops drop slipped slips moved moves went goes rose rises climbed`)
