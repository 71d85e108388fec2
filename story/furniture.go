package story

import (
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// stampWords are the words of publication stamps and clock times
// ("Posted 11/27/2005 7:21 AM ET", "Last updated at 11:11 GMT"): they tell
// when a page was made, not what it reports.
var stampWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`posted updated published pm am p.m a.m gmt utc est edt cst cdt mst mdt pst pdt
bst cet cest ist et pt ct hrs`) {
		m[w] = true
	}
	return m
}()

// dateTokens marks the tokens that spell a date or a clock time: the day
// and year numbers beside a month name, numeric dates (11/27/2005,
// 2025-09-04) and times (7:21). A date says when, not what: as terms, the
// numbers of two unrelated date lines would make them look alike. The
// event day is read separately (eventDay).
func dateTokens(a *crosscheck.Article, toks []token) ([]bool, []weighted) {
	mark := make([]bool, len(toks))
	var terms []weighted
	val := func(i int) int {
		v, _ := strconv.Atoi(strings.TrimRight(toks[i].lower, "stndrh"))
		return v
	}
	// month adds the term of a month of a year, "@2005-11", weighted as
	// the sentence it is in.
	month := func(i, y, m int) {
		if y < 100 {
			y += 2000
		}
		if y < 1900 || y > 2200 || m < 1 || m > 12 {
			return
		}
		terms = append(terms, weighted{w: "@" + strconv.Itoa(y) + "-" + strconv.Itoa(m/10) + strconv.Itoa(m%10), v: float64(toks[i].sent)})
	}
	src := func(t token) string {
		if t.sent < 0 {
			return a.Title
		}
		return a.Text
	}
	same := func(i, j int) bool { return j >= 0 && j < len(toks) && toks[i].sent == toks[j].sent }
	num := func(i, lo, hi int) bool {
		if i < 0 || i >= len(toks) || !toks[i].digit {
			return false
		}
		v, err := strconv.Atoi(strings.TrimRight(toks[i].lower, "stndrh"))
		return err == nil && v >= lo && v <= hi
	}
	// gap is the text between tokens i and i+1 when they are in the same
	// sentence, without spaces.
	gap := func(i int) (string, bool) {
		if !same(i, i+1) {
			return "", false
		}
		s := src(toks[i])
		if toks[i].end > toks[i+1].start || toks[i+1].start > len(s) {
			return "", false
		}
		return strings.TrimSpace(s[toks[i].end:toks[i+1].start]), true
	}
	year := func(i int) bool { return num(i, 1900, 2200) && len(toks[i].lower) == 4 }
	for i, t := range toks {
		if t.class&clMonth != 0 && t.upper {
			m := monthIndex[t.lower]
			// Month Day[, Year] and Day Month [Year].
			if num(i+1, 1, 31) && same(i, i+1) {
				mark[i+1] = true
				if year(i+2) && same(i, i+2) {
					mark[i+2] = true
					month(i, val(i+2), m)
				}
			}
			if num(i-1, 1, 31) && same(i-1, i) {
				mark[i-1] = true
			}
			if year(i+1) && same(i, i+1) {
				mark[i+1] = true
				month(i, val(i+1), m)
			}
			continue
		}
		if !t.digit {
			continue
		}
		g, ok := gap(i)
		if !ok {
			continue
		}
		switch {
		case g == ":" && num(i, 0, 24) && num(i+1, 0, 59):
			// 7:21, "2: 53 p. m." as the corpus spaces it.
			mark[i], mark[i+1] = true, true
		case (g == "/" || g == "-" || g == ".") && i+2 < len(toks) && same(i, i+2):
			g2, _ := gap(i + 1)
			if g2 != g {
				continue
			}
			switch {
			case year(i) && num(i+1, 1, 12) && num(i+2, 1, 31):
				mark[i], mark[i+1], mark[i+2] = true, true, true
				month(i, val(i), val(i+1))
			case num(i, 1, 31) && num(i+1, 1, 31) && (year(i+2) || num(i+2, 0, 99) && len(toks[i+2].lower) == 2):
				mark[i], mark[i+1], mark[i+2] = true, true, true
				m := val(i) // month first, as in the US, unless it cannot be
				if m > 12 {
					m = val(i + 1)
				}
				month(i, val(i+2), m)
			}
		}
	}
	return mark, terms
}

// titleCase reports, per sentence index (the title at -1), whether the
// sentence capitalises nearly every word, as headlines do: there a
// capital letter does not tell a name. The result is indexed by sent+1.
func titleCase(toks []token) []bool {
	n := 0
	for _, t := range toks {
		n = max(n, t.sent+2)
	}
	upper := make([]int, n)
	words := make([]int, n)
	for _, t := range toks {
		if t.digit || t.class&clStop != 0 && len(t.lower) < 4 || t.first {
			continue
		}
		words[t.sent+1]++
		if t.upper {
			upper[t.sent+1]++
		}
	}
	out := make([]bool, n)
	for i := range out {
		out[i] = words[i] >= 3 && float64(upper[i]) >= 0.75*float64(words[i])
	}
	return out
}
