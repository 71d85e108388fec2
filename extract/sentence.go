package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// Words after which a period never ends a sentence: titles and other
// abbreviations that precede a name or a number.
var titleAbbrevs = map[string]bool{
	"Mr": true, "Mrs": true, "Ms": true, "Mx": true, "Dr": true, "Prof": true,
	"Sen": true, "Sens": true, "Rt": true, "Rep": true, "Reps": true, "Gov": true, "Gen": true, "Col": true,
	"Lt": true, "Sgt": true, "Capt": true, "Cpt": true, "Cmdr": true, "Adm": true,
	"Maj": true, "Pres": true, "Supt": true, "Insp": true, "Det": true, "Rev": true,
	"Fr": true, "Hon": true, "Amb": true, "Atty": true, "Gens": true, "Msgr": true,
	"St": true, "Mt": true, "Ft": true, "vs": true, "v": true,
	"cf": true, "approx": true, "ca": true, "incl": true, "Gov't": true,
}

// Abbreviations that stand before a number: "No. 5", "Art. 3".
var numberAbbrevs = map[string]bool{
	"No": true, "Nos": true, "Nr": true, "Art": true, "Arts": true, "Fig": true,
	"Figs": true, "Vol": true, "Vols": true, "p": true, "pp": true, "Ch": true,
	"Sec": true, "Para": true, "Pt": true, "Ex": true,
}

// Abbreviations that may end a sentence: a capitalised word of a usual
// sentence start after them still splits.
var endAbbrevs = map[string]bool{
	"Jan": true, "Feb": true, "Mar": true, "Apr": true, "Jun": true, "Jul": true,
	"Aug": true, "Sep": true, "Sept": true, "Oct": true, "Nov": true, "Dec": true,
	"Inc": true, "Corp": true, "Co": true, "Ltd": true, "Bros": true, "Jr": true,
	"Sr": true, "etc": true, "Ave": true, "Blvd": true, "Rd": true, "Dept": true,
	"Univ": true, "Assn": true, "Est": true, "al": true, "Calif": true, "Fla": true,
	"Mass": true, "Wash": true, "Ariz": true, "Ill": true, "Pa": true, "Va": true,
	"Mich": true, "Minn": true, "Tenn": true, "Tex": true, "Conn": true, "Colo": true,
	"Ga": true, "Ky": true, "La": true, "Md": true, "Mo": true, "Okla": true, "Ore": true,
	"Wis": true, "Neb": true, "Nev": true, "Ala": true, "Ark": true, "Kan": true,
}

// Capitalised words that usually start a sentence, used to decide whether a
// period after an ambiguous abbreviation (U.S., Inc., Sept.) ends one.
var sentenceStarters = map[string]bool{
	"The": true, "A": true, "An": true, "He": true, "She": true, "It": true,
	"They": true, "We": true, "I": true, "You": true, "But": true, "And": true,
	"Or": true, "In": true, "On": true, "At": true, "This": true, "That": true,
	"These": true, "Those": true, "There": true, "His": true, "Her": true,
	"Its": true, "Their": true, "Our": true, "After": true, "Before": true,
	"When": true, "While": true, "As": true, "If": true, "So": true, "Yet": true,
	"Meanwhile": true, "However": true, "Still": true, "Also": true, "Some": true,
	"Many": true, "Most": true, "Other": true, "Others": true, "One": true,
	"Two": true, "Both": true, "According": true, "During": true, "Since": true,
	"Last": true, "Earlier": true, "Later": true, "Now": true, "Then": true,
	"What": true, "Who": true, "Why": true, "How": true, "Where": true,
	"Officials": true, "Such": true, "For": true, "With": true, "By": true,
	"Under": true, "Despite": true, "Although": true, "Though": true, "Not": true,
	"No": true, "Yes": true, "My": true, "Your": true,
}

// maxQuoteLookahead bounds how far ahead a closing quote may be for a split
// inside a quotation to be held back: a longer quotation is split as usual.
const maxQuoteLookahead = 400

// splitSentences appends the sentences of the paragraph text[p.Start:p.End]
// to out. Offsets are into text; every span is trimmed and non-empty.
func splitSentences(text string, p crosscheck.Span, para int, out []crosscheck.Sentence) []crosscheck.Sentence {
	s := text[p.Start:p.End]
	start := 0
	inQuote := false // inside a double quotation (straight or curly)
	emit := func(end int) {
		a, b := start, end
		for a < b && isSpaceByte(s[a]) {
			a++
		}
		for b > a && isSpaceByte(s[b-1]) {
			b--
		}
		if a < b {
			out = append(out, crosscheck.Sentence{Span: crosscheck.Span{Start: p.Start + a, End: p.Start + b}, Para: para})
		}
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '“', '«', '„':
			inQuote = true
			i += size
			continue
		case '”', '»':
			inQuote = false
			i += size
			continue
		case '"':
			// Opening when it follows a space or starts the paragraph.
			if i == 0 || isSpaceByte(s[i-1]) || s[i-1] == '(' || s[i-1] == '[' {
				inQuote = true
			} else {
				inQuote = false
			}
			i++
			continue
		}
		cjk := r == '。' || r == '！' || r == '？'
		if r != '.' && r != '!' && r != '?' && r != '…' && !cjk {
			i += size
			continue
		}
		termStart := i
		// A run of terminators: "?!", "...".
		j := i
		single := true
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if r2 != '.' && r2 != '!' && r2 != '?' && r2 != '…' && r2 != '。' && r2 != '！' && r2 != '？' {
				break
			}
			if j > i {
				single = false
			}
			j += sz
		}
		// Closing quotes and brackets belong to the sentence.
		for j < len(s) {
			r2, sz := utf8.DecodeRuneInString(s[j:])
			if r2 == '"' || r2 == '”' || r2 == '»' {
				inQuote = false
			} else if r2 != '’' && r2 != '\'' && r2 != ')' && r2 != ']' {
				break
			}
			j += sz
		}
		i = j
		if j >= len(s) {
			break
		}
		if !cjk || !single {
			if !isSpaceByte(s[j]) {
				continue
			}
		}
		k := j
		for k < len(s) && isSpaceByte(s[k]) {
			k++
		}
		if k >= len(s) {
			break
		}
		if !cjk && !startsSentence(s[k:]) {
			continue
		}
		if single && r == '.' && !periodEnds(s[:termStart], s[k:]) {
			continue
		}
		if single && r == '.' && isListNumber(s[start:termStart]) {
			continue // "1. Preheat the oven"
		}
		if inQuote && quoteClosesSoon(s[k:]) {
			continue
		}
		emit(j)
		start = k
		i = k
	}
	emit(len(s))
	return out
}

func isSpaceByte(b byte) bool {
	return b == ' ' || b == '\t' || b == '\n' || b == '\r' || b == '\f' || b == '\v'
}

// startsSentence reports whether s can be the start of a sentence: not a
// lowercase letter.
func startsSentence(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	if unicode.IsLower(r) {
		return false
	}
	return r != ',' && r != ';' && r != ':' && r != ')' && r != ']'
}

// periodEnds decides whether a single period after before ends a sentence
// whose next word starts next.
func periodEnds(before, next string) bool {
	w := lastWord(before)
	if w == "" {
		return true
	}
	if titleAbbrevs[w] {
		return false
	}
	if spacedDecimal(w, next) {
		return false
	}
	if numberAbbrevs[w] {
		r, _ := utf8.DecodeRuneInString(next)
		return !unicode.IsDigit(r)
	}
	r, size := utf8.DecodeRuneInString(w)
	// An initial: "J. K. Rowling", "Donald J. Trump", or "Viera d. Palm Bay".
	if size == len(w) && unicode.IsLetter(r) {
		return false
	}
	nextWord := firstWord(next)
	if endAbbrevs[w] || strings.Contains(w, ".") {
		// "Sept. 4", "U.S. President": not an end; "U.S. The": an end.
		return sentenceStarters[nextWord]
	}
	return true
}

// spacedDecimal reports a decimal number written with a space after its
// point ("magnitude 5. 9", "$2. 6 million"), as detokenised corpora and some
// feeds print them: news style never starts a sentence with a figure, so a
// period between digits is no sentence end.
func spacedDecimal(w, next string) bool {
	n := 0
	for n < len(w) && w[len(w)-1-n] >= '0' && w[len(w)-1-n] <= '9' {
		n++
	}
	return n > 0 && n <= 3 && next != "" && next[0] >= '0' && next[0] <= '9'
}

// lastWord returns the word just before the end of s, without leading
// brackets or quotes.
func lastWord(s string) string {
	i := len(s)
	for i > 0 {
		r, size := utf8.DecodeLastRuneInString(s[:i])
		if unicode.IsSpace(r) || r == '(' || r == '[' || r == '"' || r == '“' || r == '‘' || r == '«' || r == '—' || r == '–' {
			break
		}
		i -= size
	}
	return s[i:]
}

// firstWord returns the leading letters of s after opening quotes.
func firstWord(s string) string {
	s = strings.TrimLeft(s, "\"“‘'«([")
	end := 0
	for end < len(s) {
		r, size := utf8.DecodeRuneInString(s[end:])
		if !unicode.IsLetter(r) && r != '\'' {
			break
		}
		end += size
	}
	return s[:end]
}

// quoteClosesSoon reports whether a closing double quote follows in s
// within maxQuoteLookahead bytes, before any opening one.
func quoteClosesSoon(s string) bool {
	if len(s) > maxQuoteLookahead {
		s = s[:maxQuoteLookahead]
	}
	for i := 0; i < len(s); {
		r, size := utf8.DecodeRuneInString(s[i:])
		switch r {
		case '”', '»':
			return true
		case '“', '«':
			return false
		case '"':
			return i > 0 && !isSpaceByte(s[i-1])
		}
		i += size
	}
	return false
}

// isListNumber reports the number of a list item: digits or a roman
// numeral at the start of a sentence.
func isListNumber(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" || len(s) > 4 {
		return false
	}
	return strings.Trim(s, "0123456789") == "" || strings.Trim(s, "IVXivx") == ""
}
