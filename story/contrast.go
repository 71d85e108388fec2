package story

import (
	"slices"
	"strconv"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// A slot is a value an item gives to one kind of thing, told by the word
// beside it: "23 pirates" gives pirates the value 23, "beats Chambers"
// gives what is beaten the value Chambers, "6.1 magnitude" gives the
// magnitude 6.1. Two look-alike events of one topic (the same boxer
// against two opponents, two quakes of one region) are told in words
// they share; the values they give the same slot are what sets them
// apart. Names or numbers one item has and the other lacks tell little:
// a short item leaves most things out.
type slot struct {
	key string // the neighbouring word's stem, "<w" before the value, "w>" after it
	val string // the number, or the name's words, lowercased, space-separated
	num bool
	amt bool // a number followed by a scale word ("85 million"): an amount
	// kh is a hash of key (0 for no key): most keys differ, and telling
	// so by a number spares comparing strings.
	kh uint32
}

// rawSlot is a slot found by draft whose name words are capitalised in a
// headline-case sentence, where the capital does not tell a name: finish
// keeps it when the words are names in running text.
type rawSlot struct {
	slot
	words []string // a name's words, for the check
	cap   bool
}

// slotSents is how many sentences of the text slots are read from: the
// headline and the lead tell the event, later sentences its background.
const slotSents = 1

// slotRuns finds the slots of a's headline and lead: runs of number
// tokens (joined by spaces or punctuation only, "20 - 13", "6.1") and of
// name tokens, each keyed by the word before and the word after it.
func slotRuns(a *crosscheck.Article, toks []token, dates []bool, caps []bool, out []rawSlot) []rawSlot {
	src := func(t token) string {
		if t.sent < 0 {
			return a.Title
		}
		return a.Text
	}
	// near reports whether y follows x in the same text with nothing but
	// spaces and punctuation between them (at most three bytes).
	near := func(x, y token) bool {
		if x.sent != y.sent || y.start-x.end > 3 || y.start < x.end {
			return false
		}
		return !strings.ContainsFunc(src(x)[x.end:y.start], func(r rune) bool {
			return r != ' ' && r != '.' && r != '-' && r != ',' && r != '–' && r != ':' && r != '/'
		})
	}
	// A key is a content word; a title ("President", "coach") is no
	// slot: many hold it. Nor is a counter of a running story ("update
	// 2", "day six", "part 3"): its reports number themselves.
	content := func(i int) bool {
		t := toks[i]
		return !t.digit && !dates[i] && t.class&(clStop|clStamp|clRole|clSequence) == 0 && len(t.lower) > 1
	}
	for i := 0; i < len(toks); {
		t := toks[i]
		if t.sent >= slotSents || dates[i] {
			i++
			continue
		}
		headline := caps[t.sent+1]
		isName := func(k int) (bool, bool) { // name, pending
			u := toks[k]
			if !u.upper || u.digit || dates[k] || u.class&(clStop|clStamp|clRole) != 0 || len(u.lower) < 2 {
				return false, false
			}
			if headline || u.first || u.sent < 0 {
				return true, true
			}
			return true, false
		}
		j := i + 1
		var s rawSlot
		switch {
		case t.digit:
			for j < len(toks) && toks[j].digit && !dates[j] && near(toks[j-1], toks[j]) {
				j++
			}
			parts := make([]string, 0, j-i)
			for k := i; k < j; k++ {
				parts = append(parts, strings.NewReplacer(".", "|", ",", "|").Replace(toks[k].lower))
			}
			s.val, s.num = strings.Join(parts, "|"), true
			s.amt = j < len(toks) && toks[j].class&clScale != 0
			// Two or three figures joined by dashes are a score or a
			// record ("31-24", "20 - 13", "52-3-1"): one slot, whatever
			// the words around them.
			if j-i >= 2 && j-i <= 3 {
				dash := true
				for k := i + 1; k < j; k++ {
					if strings.Trim(src(toks[k])[toks[k-1].end:toks[k].start], " ") != "-" {
						dash = false
					}
				}
				if dash {
					x := rawSlot{slot: slot{key: "#score", val: s.val, num: true}}
					out = append(out, x)
				}
			}
		default:
			ok, pending := isName(i)
			if !ok {
				i++
				continue
			}
			s.cap = pending
			// A possessive ends a name: "Indonesia's Aceh" is Aceh, of
			// Indonesia.
			for j < len(toks) && adjacent(a, toks[j-1], toks[j]) && !possessive(src(toks[j-1]), toks[j-1]) {
				ok, p := isName(j)
				if !ok {
					break
				}
				s.cap = s.cap || p
				j++
			}
			for k := i; k < j; k++ {
				s.words = append(s.words, toks[k].lower)
			}
			s.val = strings.Join(s.words, " ")
		}
		// Every value, keyed or not, tells what the item mentions.
		out = append(out, s)
		if i > 0 && toks[i-1].sent == t.sent && content(i-1) {
			x := s
			x.key = "<" + toks[i-1].lower
			out = append(out, x)
		}
		// The word after a name is most often what the name qualifies
		// ("Greek bank", "Indian navy"), a weak sign of the same slot;
		// after a number it is what is counted ("23 pirates").
		if s.num && j < len(toks) && toks[j].sent == t.sent && content(j) {
			x := s
			x.key = toks[j].lower + ">"
			out = append(out, x)
		}
		i = j
	}
	return out
}

// possessive reports whether t is written with a possessive 's.
func possessive(text string, t token) bool {
	w := text[t.start:t.end]
	return len(w) > len(t.lower) && (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s") || strings.HasSuffix(w, "'S") || strings.HasSuffix(w, "’S"))
}

// keepSlots resolves the pending names of raw slots and stems the keys.
func (c *Clusterer) keepSlots(raw []rawSlot) []slot {
	var out []slot
	for _, r := range raw {
		if r.cap && !r.num && r.key != "" {
			keep := true
			for _, w := range r.words {
				if c.nameness(c.wordID(w)) < 0.5 {
					keep = false
					break
				}
			}
			if !keep {
				continue
			}
		}
		s := r.slot
		if s.key != "" && s.key[0] != '#' {
			if s.key[0] == '<' {
				s.key = "<" + c.stem.stem(s.key[1:])
			} else {
				s.key = c.stem.stem(s.key[:len(s.key)-1]) + ">"
			}
		}
		if s.key != "" {
			s.kh = keyHash(s.key)
		}
		if !slices.Contains(out, s) {
			out = append(out, s)
		}
	}
	return out
}

// contrast reports whether two items give different values to the same
// slot, and neither value shows anywhere in the other item.
func contrast(a, b []slot) bool {
	if len(a) == 0 || len(b) == 0 {
		return false
	}
	for _, x := range a {
		if x.key == "" {
			continue
		}
		for _, y := range b {
			if x.kh != y.kh || x.key != y.key || x.num != y.num || same(x, y) {
				continue
			}
			if hasVal(b, x) || hasVal(a, y) {
				continue
			}
			if x.num && !differ(x, y) {
				continue
			}
			return true
		}
	}
	return false
}

// same reports whether two values are one: equal numbers, or names that
// share a word (a surname, "Thompson" and "Tony Thompson") or its first
// five letters ("Somali" and "Somalian").
func same(x, y slot) bool {
	if x.val == y.val {
		return true
	}
	if x.num || y.num {
		return false
	}
	// Values are lowercased words joined by single spaces (see slotRuns).
	for xs := x.val; xs != ""; {
		var w string
		w, xs, _ = strings.Cut(xs, " ")
		for ys := y.val; ys != ""; {
			var v string
			v, ys, _ = strings.Cut(ys, " ")
			if w == v || len(w) >= 5 && len(v) >= 5 && w[:5] == v[:5] {
				return true
			}
		}
	}
	return false
}

// keyHash is FNV-1a of a slot key, never 0.
func keyHash(k string) uint32 {
	h := uint32(2166136261)
	for i := 0; i < len(k); i++ {
		h ^= uint32(k[i])
		h *= 16777619
	}
	return h | 1
}

func hasVal(ss []slot, x slot) bool {
	for _, s := range ss {
		if s.num == x.num && same(s, x) {
			return true
		}
	}
	return false
}

// sequenceWords count the reports or stages of one running story.
var sequenceWords = map[string]bool{"update": true, "updates": true, "part": true, "day": true, "days": true, "week": true, "weeks": true,
	"episode": true, "chapter": true, "no": true, "number": true, "vol": true, "volume": true, "page": true, "live": true}

// scaleWords make a number an amount: amounts are told in several
// currencies and rounded, so only amounts apart by more than half count
// as different.
var scaleWords = map[string]bool{"million": true, "billion": true, "mn": true, "bn": true, "thousand": true, "trillion": true, "millions": true, "billions": true}

// differ reports whether two numbers of one slot are of one kind (years,
// ordinals, counts) and tell different figures.
func differ(x, y slot) bool {
	kx, ky := numKind(x.val), numKind(y.val)
	if kx != ky {
		return false
	}
	if !x.amt && !y.amt {
		return true
	}
	a, b := amount(x.val), amount(y.val)
	if a <= 0 || b <= 0 {
		return false
	}
	return max(a, b) > 1.5*min(a, b)
}

// numKind tells a year, an ordinal and a plain figure apart.
func numKind(v string) int {
	switch {
	case strings.HasSuffix(v, "st") || strings.HasSuffix(v, "nd") || strings.HasSuffix(v, "rd") || strings.HasSuffix(v, "th"):
		return 1
	case len(v) == 4 && (strings.HasPrefix(v, "19") || strings.HasPrefix(v, "20")) && !strings.Contains(v, "|"):
		return 2
	}
	return 0
}

// amount reads the figure of a value: its first two parts as a decimal
// ("2|6" is 2.6), letters around it ignored ("e80", "p74million").
func amount(v string) float64 {
	parts := strings.SplitN(v, "|", 3)
	num := strings.TrimFunc(parts[0], func(r rune) bool { return r < '0' || r > '9' })
	if len(parts) > 1 && len(parts[1]) <= 2 {
		num += "." + strings.TrimFunc(parts[1], func(r rune) bool { return r < '0' || r > '9' })
	}
	f, err := strconv.ParseFloat(strings.TrimSuffix(num, "."), 64)
	if err != nil {
		return 0
	}
	return f
}
