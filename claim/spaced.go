package claim

import (
	"strings"
)

// Some corpora and feeds print text detokenised, with a space after every
// joining mark: "magnitude - 5. 9", "120, 000 people", "10: 30 a. m.",
// "a 38 - year - old". mergeSpaced joins such runs into the single tokens
// they stand for, so that "5. 9" is one number. A merged token's text is the
// verbatim run; its low form has the spaces taken out ("5.9", "120,000",
// "10:30", "a.m.", "38-year-old").
//
// Only joins that cannot be prose are made: digits on both sides of a
// point or a colon, three digits after a comma, a single letter on both
// sides of a point that is followed by another point ("a. m."), and a
// hyphen between a figure and a word. A dash between two words ("within a
// few moments - two landed") is left alone.
func mergeSpaced(text string, toks []token) []token {
	if len(toks) < 3 {
		return toks
	}
	out := toks[:0]
	for i := 0; i < len(toks); i++ {
		t := toks[i]
		for i+2 < len(toks) {
			p, r := toks[i+1], toks[i+2]
			if p.kind != 'p' || r.start != p.end+1 || text[p.end] != ' ' {
				break
			}
			// "38 - year": a hyphen spaced on both sides; other marks only after
			if p.start != t.end && !(p.text == "-" && p.start == t.end+1 && text[t.end] == ' ') {
				break
			}
			joined := false
			switch p.text {
			case ".":
				// "5. 9": a decimal, not a sentence end (the splitter keeps it whole)
				if t.kind == 'n' && r.kind == 'n' && len(t.low) <= 3 && onlyDigits(t.low) && decimalTail(r.low) {
					joined = true
				}
				// "a. m", "p. m", "U. S": single letters
				if !joined && len(t.low) == 1 && len(r.low) == 1 && isLetter(t.low[0]) && isLetter(r.low[0]) {
					joined = true
				}
			case ",":
				if t.kind == 'n' && r.kind == 'n' && len(r.text) == 3 && onlyDigits(r.text) && numberHead(t.low) {
					joined = true
				}
			case ":":
				if t.kind == 'n' && r.kind == 'n' && len(t.low) <= 2 && onlyDigits(t.low) && len(r.low) == 2 && onlyDigits(r.low) {
					joined = true
				}
			case "-":
				// "38 - year", "6.1 - magnitude", "two - million", "38-year - old"
				if (t.kind == 'n' || numberWord(t.low) || strings.Contains(t.low, "-") && hasDigitOrNumberWord(t.low)) && (r.kind == 'n' || compoundTails[r.low] || numberWord(r.low)) {
					joined = true
				}
			}
			if !joined {
				break
			}
			low := t.low + p.text + r.low
			if p.text == "." && len(t.low) == 1 && isLetter(t.low[0]) {
				low = t.low + "." + r.low
			}
			t = token{text: text[t.start:r.end], low: low, start: t.start, end: r.end, kind: t.kind, cap: t.cap, poss: r.poss}
			if t.kind == 'p' {
				t.kind = 'w'
			}
			i += 2
		}
		// the closing point of "a. m." and "U. S.": part of the abbreviation
		if i+1 < len(toks) && toks[i+1].text == "." && toks[i+1].start == t.end && strings.Count(t.low, ".") == 1 && len(t.low) == 3 && isLetter(t.low[0]) && isLetter(t.low[2]) {
			t.text = text[t.start:toks[i+1].end]
			t.low += "."
			t.end = toks[i+1].end
			i++
		}
		out = append(out, t)
	}
	return out
}

// compoundTails are the words a figure joins with a hyphen: "38-year-old",
// "12-gauge", "6.1-magnitude", "two-million-euro". A dash before any other
// word is punctuation ("killed 12 - including two children").
var compoundTails = set(`year years old month months week weeks day days hour hours minute minutes second
seconds foot feet inch inches mile miles meter meters metre metres kilometer kilometers kilometre kilometres
km square story storey stories floor gauge magnitude point points ton tons tonne tonnes seat member man
person page lane acre yard game percent billion million thousand hundred mph caliber calibre mm by to
euro dollar pound yen time times run strong round inning degree degrees ounce pound liter litre gallon
bedroom room mile-long long wide high deep tall`)

// decimalTail reports the digits after a point, with a scale suffix at
// most: "6", "7m", "5bn".
func decimalTail(s string) bool {
	d := 0
	for d < len(s) && s[d] >= '0' && s[d] <= '9' {
		d++
	}
	if d == 0 || d > 3 {
		return false
	}
	switch s[d:] {
	case "", "m", "bn", "k", "tn":
		return true
	}
	return false
}

func onlyDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z' }

// numberHead reports the leading group of a number with thousands: "120",
// "1,500".
func numberHead(s string) bool {
	g := strings.Split(s, ",")
	if len(g[0]) > 3 || !onlyDigits(g[0]) {
		return false
	}
	for _, x := range g[1:] {
		if len(x) != 3 || !onlyDigits(x) {
			return false
		}
	}
	return true
}

func numberWord(w string) bool {
	_, ok := numberWords[w]
	return ok
}

func hasDigitOrNumberWord(w string) bool {
	for _, part := range strings.Split(w, "-") {
		if part != "" && (part[0] >= '0' && part[0] <= '9' || numberWord(part)) {
			return true
		}
	}
	return false
}
