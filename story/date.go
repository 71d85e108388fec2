package story

import (
	"strconv"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

var monthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// monthIndex maps month names and abbreviations to 1..12. "may" and "march"
// are also ordinary words: they count as months only next to a day number.
var monthIndex = func() map[string]int {
	m := map[string]int{}
	for i, n := range monthNames {
		m[n] = i + 1
		m[n[:3]] = i + 1
	}
	m["sept"] = 9
	return m
}()

var weekdayIndex = map[string]time.Weekday{
	"sunday": time.Sunday, "monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
	"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
}

// day is a calendar day as days since 1970-01-01 (UTC).
type day int32

const noDay day = -1 << 30

func dayOf(t time.Time) day {
	y, m, d := t.Date()
	return day(time.Date(y, m, d, 0, 0, 0, 0, time.UTC).Unix() / 86400)
}

func (d day) time() time.Time { return time.Unix(int64(d)*86400, 0).UTC() }

func mkDay(y, m, d int) (day, bool) {
	if y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1 || d > 31 {
		return noDay, false
	}
	t := time.Date(y, time.Month(m), d, 0, 0, 0, 0, time.UTC)
	if t.Day() != d {
		return noDay, false
	}
	return dayOf(t), true
}

// EventDate returns the day the event a reports happened (UTC midnight),
// resolved from the dates the text states ("on September 4", "on
// Thursday", "yesterday") against the publication date, and the
// publication day itself when the text states nothing usable. ok is false
// when neither the text nor the metadata gives a day.
func EventDate(a *crosscheck.Article) (time.Time, bool) {
	toks, sents := articleTokens(a, nil)
	d, _ := eventDay(a, toks, sents)
	if d == noDay {
		return time.Time{}, false
	}
	return d.time(), true
}

// Weights of date evidence: a date the text states beats the publication day.
const (
	fromText      = 2
	fromPublished = 1
)

// eventDay resolves the event day from the tokens of a (see EventDate)
// and says how it knows: fromText, fromPublished, or 0 with noDay.
func eventDay(a *crosscheck.Article, toks []token, sents []crosscheck.Sentence) (day, int) {
	d, kind, _ := eventDayWeek(a, toks, sents)
	return d, kind
}

// eventDayWeek is eventDay that also says whether the day rests only on
// weekday names ("on Thursday") resolved against the publication date: a
// page's date can be later than the article's, so the event may as well
// be on that weekday some weeks before.
func eventDayWeek(a *crosscheck.Article, toks []token, sents []crosscheck.Sentence) (day, int, bool) {
	ref := noDay
	if !a.Published.IsZero() {
		ref = dayOf(a.Published)
	}
	header := headerSentences(a, sents)
	if ref == noDay {
		// A dateline or a byline date stands for the publication date.
		for _, m := range scanDates(toks, noDay, header+3) {
			if m.full && m.sent < header+3 {
				ref = m.d
				break
			}
		}
	}
	if ref != noDay {
		ref = shiftByAgo(toks, ref)
	}
	votes := map[day]float64{}
	absolute := map[day]bool{}
	for _, m := range scanDates(toks, ref, 12) {
		if m.sent >= 0 && m.sent < header {
			continue // publication stamps, not the event
		}
		if ref != noDay && m.d > ref+1 {
			continue // an upcoming event, not the one reported
		}
		pos := m.sent
		if pos < 0 {
			pos = 0
		} else {
			pos -= header
		}
		w := m.weight / (1 + float64(pos)/3)
		if !m.weekday {
			w *= 1.5 // a stated date is firmer than a weekday name
		}
		votes[m.d] += w
		if !m.weekday {
			absolute[m.d] = true
		}
	}
	best, bestW := noDay, 0.0
	for d, w := range votes {
		if w > bestW || (w == bestW && d > best) {
			best, bestW = d, w
		}
	}
	if best != noDay {
		return best, fromText, !absolute[best]
	}
	if ref != noDay {
		return ref, fromPublished, false
	}
	return noDay, 0, false
}

// headerSentences counts the leading sentences that are page furniture
// (datelines, bylines, section labels): short lines without a verb-like
// length. Their dates are publication stamps.
func headerSentences(a *crosscheck.Article, sents []crosscheck.Sentence) int {
	n := 0
	for _, s := range sents {
		if n >= 6 {
			break
		}
		if s.Start < 0 || s.End > len(a.Text) || s.Start >= s.End {
			n++ // a span outside the text: skipped, as articleTokens does
			continue
		}
		txt := strings.TrimSpace(a.Text[s.Start:s.End])
		if txt == "" {
			// Only spaces (a no-break space trims to nothing): furniture,
			// counted so that sentence numbers stay in step.
			n++
			continue
		}
		if len(strings.Fields(txt)) >= 9 || strings.ContainsAny(txt[len(txt)-1:], ".!?\"”") {
			break // a sentence of the body
		}
		n++
	}
	return n
}

// shiftByAgo moves the reference day back when a short line near the top
// says the page was published "2 months ago": the stated date is then when
// the page was rendered, not when the article appeared.
func shiftByAgo(toks []token, ref day) day {
	var words [8]int
	for _, t := range toks {
		if t.sent >= 8 {
			break
		}
		if t.sent >= 0 {
			words[t.sent]++
		}
	}
	for i := 0; i+2 < len(toks); i++ {
		t := toks[i]
		if t.sent >= 8 {
			break
		}
		if t.sent < 0 || words[t.sent] > 5 {
			continue
		}
		if toks[i+2].lower != "ago" || toks[i+2].sent != t.sent {
			continue
		}
		n, err := strconv.Atoi(t.lower)
		if err != nil || n <= 0 || n > 100 {
			continue
		}
		unit := strings.TrimSuffix(toks[i+1].lower, "s")
		t0 := ref.time()
		switch unit {
		case "day":
			return ref - day(n)
		case "week":
			return ref - day(7*n)
		case "month":
			return dayOf(t0.AddDate(0, -n, 0))
		case "year":
			return dayOf(t0.AddDate(-n, 0, 0))
		}
	}
	return ref
}

// dateMention is a day the text refers to.
type dateMention struct {
	d       day
	sent    int
	full    bool // states the year
	weekday bool // a weekday name resolved against the reference day
	weight  float64
}

// scanDates finds the days the tokens of the first maxSent sentences
// refer to. Relative forms resolve against ref and are skipped without it.
func scanDates(toks []token, ref day, maxSent int) []dateMention {
	var out []dateMention
	num := func(i, lo, hi int) (int, bool) {
		if i < 0 || i >= len(toks) || !toks[i].digit {
			return 0, false
		}
		s := strings.TrimRight(toks[i].lower, "stndrh")
		v, err := strconv.Atoi(s)
		if err != nil || v < lo || v > hi {
			return 0, false
		}
		return v, true
	}
	same := func(i, j int) bool { return j < len(toks) && toks[i].sent == toks[j].sent }
	// yearless resolves a month and day against ref: this year when not
	// after ref, last year when it would be more than half a year ahead,
	// and nothing (an upcoming day) in between.
	yearless := func(m, d int) (day, bool) {
		if ref == noDay {
			return noDay, false
		}
		y := ref.time().Year()
		x, ok := mkDay(y, m, d)
		switch {
		case !ok || x <= ref+1:
		case x-ref <= 183:
			return noDay, false // an upcoming date this year
		default:
			x, ok = mkDay(y-1, m, d) // late last year, told early this year
		}
		return x, ok
	}
	// dayYear records the day d of month m found at token i, with the year
	// at i+2 when one follows in the same sentence, and returns how many
	// tokens past i the date used.
	dayYear := func(i, m, d int) int {
		sent := toks[i].sent
		if y, ok := num(i+2, 1900, 2200); ok && same(i, i+2) && len(toks[i+2].lower) == 4 {
			if x, ok := mkDay(y, m, d); ok {
				out = append(out, dateMention{d: x, sent: sent, full: true, weight: 1})
			}
			return 2
		}
		if x, ok := yearless(m, d); ok {
			out = append(out, dateMention{d: x, sent: sent, weight: 1})
		}
		return 1
	}
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		if t.sent >= maxSent {
			break
		}
		if t.class&clMonth != 0 {
			m := monthIndex[t.lower]
			if !t.upper {
				continue // "may" and "march" are words too
			}
			// Month Day[, Year]
			if d, ok := num(i+1, 1, 31); ok && same(i, i+1) {
				i += dayYear(i, m, d)
			}
			continue
		}
		if d, ok := num(i, 1, 31); ok && i+1 < len(toks) && same(i, i+1) {
			// Day Month [Year]
			if toks[i+1].class&clMonth != 0 && toks[i+1].upper {
				m := monthIndex[toks[i+1].lower]
				i += dayYear(i, m, d)
				continue
			}
		}
		// ISO 2025-09-04.
		if y, ok := num(i, 1900, 2200); ok && len(t.lower) == 4 && i+2 < len(toks) && same(i, i+2) {
			m, ok1 := num(i+1, 1, 12)
			d, ok2 := num(i+2, 1, 31)
			if ok1 && ok2 && toks[i+1].start == t.end+1 && toks[i+2].start == toks[i+1].end+1 {
				if x, ok := mkDay(y, m, d); ok {
					out = append(out, dateMention{d: x, sent: t.sent, full: true, weight: 1})
				}
				i += 2
				continue
			}
		}
		if ref == noDay {
			continue
		}
		if t.class&clWeekday != 0 && t.upper {
			wd := weekdayIndex[t.lower]
			if i > 0 && same(i-1, i) && (toks[i-1].lower == "next" || toks[i-1].lower == "coming") {
				continue
			}
			// A weekday followed by a stated date is that date, found above.
			if i+1 < len(toks) && same(i, i+1) {
				if _, ok := monthIndex[toks[i+1].lower]; ok {
					continue
				}
				if _, ok := num(i+1, 1, 31); ok {
					continue
				}
			}
			back := (int(ref.time().Weekday()) - int(wd) + 7) % 7
			if i > 0 && same(i-1, i) && toks[i-1].lower == "last" && back == 0 {
				back = 7
			}
			out = append(out, dateMention{d: ref - day(back), sent: t.sent, weekday: true, weight: 1})
			continue
		}
		switch t.lower {
		case "yesterday":
			out = append(out, dateMention{d: ref - 1, sent: t.sent, weight: 1})
		case "today", "tonight":
			out = append(out, dateMention{d: ref, sent: t.sent, weight: 0.5})
		}
	}
	return out
}
