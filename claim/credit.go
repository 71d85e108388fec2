package claim

import (
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// credits finds the sources each sentence credits. Quotes read them first
// (to resolve "the statement said"), so this is a no-op after quotes.
func (x *extractor) credits() { x.readCredits() }

// readCredits reads every reporting clause of the article, in order, into
// Credits: the source of each verb of saying or reporting, the medium it
// told, and the organisations its people speak for.
func (x *extractor) readCredits() {
	if x.speech.credited {
		return
	}
	x.speech.credited = true
	seen := map[string]bool{}
	add := func(si int, s source) {
		s.text = strings.TrimSpace(s.text)
		if s.text == "" {
			return
		}
		// "two people told Coastline Daily" in Coastline Daily: its own
		// reporting, not a source it credits
		if o := strings.TrimPrefix(x.a.Outlet, "The "); o != "" && strings.EqualFold(strings.TrimPrefix(strings.TrimPrefix(s.text, "the "), "The "), o) {
			return
		}
		key := strings.ToLower(s.text) + "|" + itoa(si)
		if seen[key] {
			return
		}
		seen[key] = true
		c := Credit{Source: s.text, Kind: s.kind, Sentence: si, Entity: s.entity, Role: s.role, statement: s.statement, person: s.person, named: s.named || s.entity >= 0}
		if s.entity >= 0 {
			e := &x.an.Entities[s.entity]
			// "Nordwire reported": a name credited as an outlet is an organisation
			if (s.kind == crosscheck.AttrOutlet || s.kind == crosscheck.AttrAgency) && e.Kind == crosscheck.KindOther && !e.Cued {
				e.Kind, e.Cued = crosscheck.KindOrganization, true
			}
		}
		x.an.Credits = append(x.an.Credits, c)
	}
	for si := range x.sents {
		if x.sents[si].headline && headlineCase(x.sents[si].toks) {
			continue
		}
		for _, c := range x.clauses(si) {
			verb := x.sents[si].toks[c.verb].low
			for _, p := range c.src {
				s, ok := x.resolve(p, verb)
				if !ok {
					continue
				}
				add(si, s)
				for _, a := range s.affil {
					add(si, a)
				}
				if s.person && p.a == 0 {
					for _, a := range x.brokenTitle(si) {
						add(si, a)
					}
				}
			}
			for _, m := range c.media {
				s, ok := x.resolve(m, "medium")
				if ok && x.isMedium(m, s) {
					add(si, s)
					for _, a := range s.affil {
						add(si, a)
					}
				}
			}
		}
	}
}

// isMedium reports whether a phrase after "told" or "speaking to" is a news
// outlet or agency, which is credited; people and institutions told
// something are not.
func (x *extractor) isMedium(p phrase, s source) bool {
	if s.kind != crosscheck.AttrOutlet && s.kind != crosscheck.AttrAgency {
		return false
	}
	if s.named {
		return true
	}
	return p.head >= 0 && mediaHeads[x.sents[p.si].toks[p.head].low]
}

// headlineCase reports a headline in title case, whose capitals say
// nothing of names.
func headlineCase(toks []token) bool {
	words, caps := 0, 0
	for _, t := range toks {
		if t.kind == 'w' && len(t.text) > 3 {
			words++
			if t.cap {
				caps++
			}
		}
	}
	return words >= 3 && caps*10 >= words*7
}

func itoa(n int) string {
	if n == 0 {
		return "0"
	}
	var b [20]byte
	i := len(b)
	for n > 0 {
		i--
		b[i] = byte('0' + n%10)
		n /= 10
	}
	return string(b[i:])
}

// IsPerson reports a credit to a named person speaking (not to the
// organisation they speak for).
func (c Credit) IsPerson() bool { return c.person }

// brokenTitle reads the institution in a title that a line break cut from
// the name opening sentence si ("Vancouver police Const." / "Tim Fanning
// told a news conference").
func (x *extractor) brokenTitle(si int) []source {
	if si == 0 {
		return nil
	}
	toks := x.sents[si-1].toks
	n := len(toks)
	if n < 3 || toks[n-1].text != "." || !(honorifics[toks[n-2].low] || abbreviations[toks[n-2].low]) {
		return nil
	}
	a := n - 2
	for a > 0 && toks[a-1].kind == 'w' && n-a < 7 {
		a--
	}
	for t := a; t < n-2; t++ {
		if speech.institution[toks[t].low] {
			b := t
			for b > a && toks[b-1].cap && !titleWords[toks[b-1].low] {
				b--
			}
			return []source{{text: x.text[toks[b].start:toks[t].end], kind: crosscheck.AttrOfficial, entity: -1}}
		}
	}
	return nil
}

// Named reports a credit to a source known by its name ("Reuters", "Tim
// Fanning", "Defence Ministry"), not by a common noun ("police", "a source
// with knowledge of the talks").
func (c Credit) Named() bool { return c.named }
