package check

import (
	"sort"
	"strings"
	"unicode"

	"github.com/crosscheck-news/crosscheck"
)

// Title conflicts: one person given two ranks or offices that cannot both
// be right at once. "Commander Nirad Sinha" in one report and "Commodore
// Nirad Sinha" in another; "CEO Larry Lucchino" and "COO Larry Lucchino";
// "state District Judge Barbara Walther" and "U.S. District Judge Barbara
// Walther". Titles are compared within a family of exclusive titles only
// (a rank, a chief officer's letters, a court's level): a person can be
// "president and chief executive", "team president and general manager".

// titleFamilies map a title word, lower case and without its points, to
// its family of mutually exclusive titles.
var titleFamilies = map[string]string{}

func init() {
	for fam, words := range map[string]string{
		// one rank at a time, in armed forces and police
		"rank": `private corporal cpl sergeant sgt staff-sergeant lieutenant lt captain capt major maj colonel col
			commander cmdr commodore admiral adm general gen brigadier marshal ensign sub-lieutenant superintendent supt
			inspector insp detective det constable pvt cpt brig`,
		// one chief-officer post at a time
		"officer": `ceo coo cfo cto cio cmo`,
		// one level of court
		"court": `state federal u.s us county superior municipal`,
	} {
		for _, w := range strings.Fields(words) {
			titleFamilies[w] = fam
		}
	}
}

// titleWordsBefore are words that may stand between a title and a name,
// or before a title, without ending it: "navy spokesman Commander", "U.S.
// District Judge".
var titleJoiners = map[string]bool{"district": true, "judge": true, "court": true, "circuit": true, "lt.": true}

// titleRef is one title given to a person in one sentence.
type titleRef struct {
	art, sent int
	word      string // the distinctive word: "commodore", "coo", "state"
	fam       string
	text      string // the title as written
}

// titleConflicts finds persons given two titles of one family by
// different outlets, neither outlet giving both.
func (s *state) titleConflicts() []crosscheck.Conflict {
	byEnt := map[int][]titleRef{}
	var ents []int
	for a, an := range s.ans {
		text := an.Article.Text
		for _, m := range an.Mentions {
			if m.Entity < 0 || m.Entity >= len(s.gid[a]) || m.Sentence < 0 || m.Sentence >= len(an.Sentences) {
				continue
			}
			g := s.gid[a][m.Entity]
			if s.ents[g].Kind != crosscheck.KindPerson {
				continue
			}
			sp := an.Sentences[m.Sentence].Span
			if m.Start < sp.Start || m.End > sp.End {
				continue
			}
			ref, ok := titleOf(text[sp.Start:m.Start], text[m.Start:m.End])
			if !ok {
				continue
			}
			ref.art, ref.sent = a, m.Sentence
			if _, seen := byEnt[g]; !seen {
				ents = append(ents, g)
			}
			byEnt[g] = append(byEnt[g], ref)
		}
	}
	sort.Ints(ents)
	var out []crosscheck.Conflict
	for _, g := range ents {
		refs := byEnt[g]
		// per family, per outlet, the words it uses
		for _, fam := range []string{"rank", "officer", "court"} {
			words := map[string]map[string]bool{} // outlet -> words
			var order []string
			for _, r := range refs {
				if r.fam != fam {
					continue
				}
				o := s.okey[r.art]
				if words[o] == nil {
					words[o] = map[string]bool{}
				}
				if !words[o][r.word] {
					words[o][r.word] = true
					order = append(order, r.word)
				}
			}
			// outlets that give one word each, two words between them
			single := map[string]string{}
			for o, ws := range words {
				if len(ws) == 1 {
					for w := range ws {
						single[o] = w
					}
				}
			}
			distinct := map[string]bool{}
			for _, w := range single {
				distinct[w] = true
			}
			disputed := false
			for a := range distinct {
				for b := range distinct {
					disputed = disputed || !sameTitle(a, b)
				}
			}
			if !disputed {
				continue
			}
			c := crosscheck.Conflict{Kind: crosscheck.ConflictName, About: "title of " + bareName(s.ents[g].Name)}
			var all []int
			seenW := map[string]bool{}
			for _, w := range order {
				if !distinct[w] || seenW[w] {
					continue
				}
				seenW[w] = true
				v := crosscheck.Variant{}
				seenA := map[string]bool{}
				for _, r := range refs {
					if r.fam != fam || r.word != w || single[s.okey[r.art]] != w {
						continue
					}
					ci := s.cite(r.art, r.sent)
					if v.Value == "" {
						v.Value, v.Sentence = r.text, ci.Sentence
					} else if !strings.Contains(v.Value, r.text) {
						v.Value += " / " + r.text
					}
					v.Sources = append(v.Sources, ci)
					if !seenA[ci.Article] {
						seenA[ci.Article] = true
						v.Articles = append(v.Articles, ci.Article)
						v.Outlets = append(v.Outlets, s.outlet[r.art])
					}
					all = append(all, s.itemOf(r.art, r.sent)...)
				}
				c.Variants = append(c.Variants, v)
			}
			if len(c.Variants) >= 2 {
				s.markDisputed(&c, all)
				out = append(out, c)
			}
		}
	}
	return out
}

// itemOf returns the items of sentence sent of article a.
func (s *state) itemOf(a, sent int) []int {
	var out []int
	for i, it := range s.items {
		if it.art == a && s.ans[a].Facts[it.fact].Sentence == sent {
			out = append(out, i)
		}
	}
	return out
}

// titleOf reads the title just before a person's name (before, the text
// of the sentence up to the name) or at the start of the name itself
// ("COO Larry Lucchino" named so), and returns its distinctive word and
// family. The title is the run of title words and joiners that ends right
// before the name: "navy spokesman Commander", "state District Judge",
// "U. S. District Judge".
func titleOf(before, name string) (titleRef, bool) {
	words := strings.Fields(before)
	// a title inside the name: its leading words
	nw := strings.Fields(name)
	lead := 0
	for lead < len(nw)-1 && titleFamilies[titleKey(nw[lead])] != "" {
		lead++
	}
	words = append(words, nw[:lead]...)
	// the run before the name, read backwards
	var run []string
	for k := len(words) - 1; k >= 0 && len(run) < 5; k-- {
		w := words[k]
		key := titleKey(w)
		if titleFamilies[key] == "" && !titleJoiners[strings.ToLower(w)] && !(key == "s" || key == "u" || key == "u.s") {
			break
		}
		run = append([]string{w}, run...)
	}
	// "U. S." written apart
	joined := strings.ToLower(strings.Join(run, " "))
	joined = strings.ReplaceAll(joined, "u. s.", "u.s")
	// the family of the first title word; its words in the run, in order
	// ("commander inspector")
	fam := ""
	var ws []string
	for _, w := range strings.Fields(joined) {
		k := titleKey(w)
		f := titleFamilies[k]
		if f == "" {
			continue
		}
		// a court's level counts only before "judge" or "court"
		if f == "court" && !strings.Contains(joined, "judge") && !strings.Contains(joined, "court") {
			continue
		}
		if fam == "" {
			fam = f
		}
		if f == fam {
			ws = append(ws, k)
		}
	}
	if fam == "" {
		return titleRef{}, false
	}
	return titleRef{word: strings.Join(ws, " "), fam: fam, text: strings.Join(run, " ")}, true
}

// sameTitle reports two titles of a family that can be one: equal, or the
// words of one within the other's ("Inspector", "Commander Inspector").
func sameTitle(a, b string) bool {
	if a == b {
		return true
	}
	in := func(x, y string) bool {
		for _, w := range strings.Fields(x) {
			if !strings.Contains(" "+y+" ", " "+w+" ") {
				return false
			}
		}
		return true
	}
	return in(a, b) || in(b, a)
}

// titleKey lowers a title word and drops its points and commas: "Lt." ->
// "lt", "U.S." -> "u.s".
func titleKey(w string) string {
	w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return unicode.IsPunct(r) && r != '.' }))
	w = strings.TrimSuffix(w, ".")
	if w == "u.s" || w == "us" {
		return "u.s"
	}
	w = strings.ReplaceAll(w, ".", "")
	if full, ok := rankAbbrevs[w]; ok {
		return full
	}
	return w
}

// rankAbbrevs give the full word of a rank's abbreviation: "Lt." and
// "Lieutenant" are one rank.
var rankAbbrevs = map[string]string{"lt": "lieutenant", "sgt": "sergeant", "capt": "captain", "cpt": "captain",
	"maj": "major", "col": "colonel", "cmdr": "commander", "adm": "admiral", "gen": "general", "cpl": "corporal",
	"supt": "superintendent", "insp": "inspector", "det": "detective", "pvt": "private", "brig": "brigadier"}

// bareName drops the title words a name was written with: "Commodore
// Nirad Sinha" -> "Nirad Sinha".
func bareName(n string) string {
	ws := strings.Fields(n)
	k := 0
	for k < len(ws)-1 && titleFamilies[titleKey(ws[k])] != "" {
		k++
	}
	return strings.Join(ws[k:], " ")
}
