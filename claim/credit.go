package claim

import (
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// anonHeads end a phrase that credits unnamed people.
var anonHeads = set(`official officials source sources diplomat diplomats insider insiders aide aides
people person persons witness witnesses`)

// officialSuffixes make a credited organisation an official body, not a medium.
var officialSuffixes = set(`ministry council commission office department government kremlin pentagon
police army navy military parliament senate congress presidency embassy administration agency's
secretariat spokesperson spokesman spokeswoman court prosecutor guard coastguard board authority
lines ferries airlines airways railways company operator service services police`)

var mediaNouns = set(`news agency newspaper broadcaster outlet daily website magazine channel
station network paper tabloid weekly`)

// reportVerbs after a name credit it as a source.
var reportVerbs = set(`reported reports wrote writes quoted cited revealed published`)

// creditBefore are phrases after which the credited source is named.
var creditBefore = [][]string{
	{"according", "to"}, {"reports", "from"}, {"report", "from"}, {"report", "by"}, {"reported", "by"},
	{"citing"}, {"quoting"}, {"told"}, {"speaking", "with"}, {"speaking", "to"}, {"interview", "with"},
	{"cited", "by"}, {"quoted", "by"}, {"reporting", "by"}, {"sources", "told"},
}

// credits finds the sources each sentence credits.
func (x *extractor) credits() {
	seen := map[string]bool{}
	add := func(si int, src string, kind crosscheck.AttributionKind, ent int) {
		src = strings.TrimSpace(src)
		if src == "" {
			return
		}
		// "two people told Coastline Daily" in Coastline Daily: its own
		// reporting, not a source it credits
		if o := strings.TrimPrefix(x.a.Outlet, "The "); o != "" && (strings.EqualFold(strings.TrimPrefix(src, "the "), o) || strings.EqualFold(strings.TrimPrefix(src, "The "), o)) {
			return
		}
		key := strings.ToLower(src) + "|" + string(rune('0'+si%10)) + itoa(si)
		if seen[key] {
			return
		}
		seen[key] = true
		x.an.Credits = append(x.an.Credits, Credit{Source: src, Kind: kind, Sentence: si, Entity: ent})
	}
	for si := range x.sents {
		s := &x.sents[si]
		toks := s.toks
		if s.headline {
			continue
		}
		for i := 0; i < len(toks); i++ {
			if s.quoted[i] {
				continue
			}
			for _, pat := range creditBefore {
				if i+len(pat) > len(toks) {
					continue
				}
				ok := true
				for k, w := range pat {
					if toks[i+k].low != w {
						ok = false
						break
					}
				}
				if !ok {
					continue
				}
				k := i + len(pat)
				if src, kind, ent, ok := x.creditName(si, k); ok {
					add(si, src, kind, ent)
				} else if a, b, ok := anonPhrase(toks, k); ok {
					add(si, x.text[toks[a].start:toks[b].end], crosscheck.AttrAnonymous, -1)
				}
				break
			}
			// "Reuters reported", "the Reuters news agency reported"
			if toks[i].cap && toks[i].kind == 'w' && (i == 0 || !toks[i-1].cap) {
				j := i
				for j < len(toks) && toks[j].cap && toks[j].kind == 'w' {
					j++
				}
				k := j
				for k < len(toks) && (mediaNouns[toks[k].low] || toks[k].low == "first" || toks[k].low == "also" || toks[k].low == "earlier" || toks[k].low == "previously" || toks[k].low == "exclusively" || toks[k].low == "has" || toks[k].low == "had") {
					k++
				}
				if k < len(toks) && (reportVerbs[toks[k].low] || (speechVerbs[toks[k].low] && x.isMedia(toks[i:j]))) {
					if src, kind, ent, ok := x.creditName(si, i); ok && kind != crosscheck.AttrOfficial {
						add(si, src, kind, ent)
					}
				}
			}
			// "two unnamed officials said", "a ... official, speaking on condition of anonymity"
			if a, b, ok := anonPhrase(toks, i); ok && (i == 0 || toks[i-1].low != "to" && toks[i-1].low != "citing" && toks[i-1].low != "quoting") {
				k := b + 1
				for k < len(toks) && toks[k].text == "," {
					k++
				}
				strong := false
				for t := a; t <= b; t++ {
					if toks[t].low == "unnamed" || toks[t].low == "anonymous" {
						strong = true
					}
				}
				if k < len(toks) && (speechVerbs[toks[k].low] || toks[k].low == "speaking" || toks[k].low == "familiar" || toks[k].low == "who") {
					strong = true
				}
				if strong {
					add(si, x.text[toks[a].start:toks[b].end], crosscheck.AttrAnonymous, -1)
					i = b
				}
			}
		}
	}
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

// isMedia reports whether the name tokens are a news agency or outlet.
func (x *extractor) isMedia(toks []token) bool {
	if len(toks) == 0 {
		return false
	}
	if agencies[x.joinLow(toks)] || agencies[toks[0].low] {
		return true
	}
	last := toks[len(toks)-1].low
	return mediaSuffixes[last]
}

var mediaSuffixes = set(`times post journal news gazette press tribune herald guardian telegraph observer
review magazine network radio tv television daily weekly chronicle globe standard today courier ledger
express mirror independent spiegel monde zeitung pravda izvestia kommersant politico axios bbc cnn
nbc cbs abc fox msnbc npr reuters bloomberg`)

// creditName reads a credited name starting at token k ("the Financial
// Times", "Reuters", "Interior Minister Karin Holtz").
func (x *extractor) creditName(si, k int) (string, crosscheck.AttributionKind, int, bool) {
	toks := x.sents[si].toks
	if k < len(toks) && (toks[k].low == "the" || toks[k].low == "a") {
		k++
	}
	// "the news agency Tass", "the newspaper Le Monde"
	for k < len(toks) && !toks[k].cap && mediaNouns[toks[k].low] {
		k++
	}
	j := k
	for j < len(toks) && toks[j].kind == 'w' && (toks[j].cap || nameConnectors[toks[j].low] && j+1 < len(toks) && toks[j+1].cap) {
		j++
		if toks[j-1].poss {
			break
		}
	}
	if j == k {
		return "", "", -1, false
	}
	// a person named here: an official
	for _, m := range x.mentionsIn(toks[k].start, toks[j-1].end) {
		e := x.an.Entities[m.Entity]
		if e.Kind == crosscheck.KindPerson && !m.RoleOnly {
			return e.Name, crosscheck.AttrOfficial, m.Entity, true
		}
	}
	name := x.text[toks[k].start:toks[j-1].end]
	if toks[j-1].poss {
		name = x.text[toks[k].start : toks[j-1].start+len(toks[j-1].name())]
	}
	low := strings.ToLower(name)
	switch {
	case agencies[low] || agencies[toks[k].low]:
		x.asOrganization(toks[k].start, toks[j-1].end)
		return name, crosscheck.AttrAgency, -1, true
	case officialSuffixes[toks[j-1].low] || countries[low] != "" || titleWords[toks[j-1].low]:
		return name, crosscheck.AttrOfficial, -1, true
	}
	x.asOrganization(toks[k].start, toks[j-1].end)
	return name, crosscheck.AttrOutlet, -1, true
}

// asOrganization makes the unclassified names in [start, end) that an
// article credits as an outlet organisations ("Nordwire reported").
func (x *extractor) asOrganization(start, end int) {
	for _, m := range x.mentionsIn(start, end) {
		if e := &x.an.Entities[m.Entity]; e.Kind == crosscheck.KindOther && !e.Cued {
			e.Kind, e.Cued = crosscheck.KindOrganization, true
		}
	}
}

// anonPhrase reads a phrase crediting unnamed people from token k:
// "two unnamed European officials", "a senior official".
func anonPhrase(toks []token, k int) (int, int, bool) {
	if k >= len(toks) {
		return 0, 0, false
	}
	a := k
	for j := k; j < len(toks) && j-k < 6; j++ {
		t := toks[j]
		if t.kind == 'p' {
			return 0, 0, false
		}
		if anonHeads[t.low] && !t.cap {
			if j+1 < len(toks) && (toks[j+1].low == "of" || toks[j+1].kind == 'w' && anonHeads[toks[j+1].low]) {
				continue
			}
			if t.low == "people" || t.low == "person" || t.low == "persons" {
				// "people familiar with ..." only
				if !(j+1 < len(toks) && toks[j+1].low == "familiar") {
					return 0, 0, false
				}
			}
			return a, j, true
		}
		if j > k && t.cap && demonyms[t.low] == "" && countries[t.low] == "" {
			return 0, 0, false
		}
		if t.kind == 'w' && !t.cap && (verbish[t.low] || speechVerbs[t.low]) {
			return 0, 0, false
		}
		if stopUnit[t.low] && !(j == k && (t.low == "a" || t.low == "an")) {
			return 0, 0, false
		}
	}
	return 0, 0, false
}
