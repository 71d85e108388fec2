package check

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// creditRef is one credit of one article of the story.
type creditRef struct {
	art int
	c   claim.Credit
	key string // claim.SourceKey of the source
	gid int    // the story's entity for a named source, -1 otherwise
}

// creditGroups groups the sources the articles credit, once per analysis:
// credits are one source when they name the same entity of the story, or
// the same source written alike (claim.SourceKey: "U. S. Geological
// Survey" / "US Geological Survey", "WCVB-TV" / "WCVB"); a bare
// institution ("police") joins the qualified form most articles use
// ("Vancouver police"); an unnamed role ("a navy spokesman") joins the one
// named person the story gives that role ("Commodore Nirad Sinha, a navy
// spokesman"). The attributions of the report and the independence of
// claims both read this grouping.
func (s *state) creditGroups() *creditGrouping {
	if s.credits != nil {
		return s.credits
	}
	var refs []creditRef
	for a, an := range s.ans {
		for _, c := range an.Credits {
			r := creditRef{art: a, c: c, key: claim.SourceKey(c.Source), gid: -1}
			if c.Entity >= 0 {
				r.gid = s.gid[a][c.Entity]
			}
			refs = append(refs, r)
		}
	}
	// a person's name without titles ("Police Constable Tim Fanning" -> "tim
	// fanning"), and the words of their roles, once
	bare := make([]string, len(refs))
	roleKey := make([]string, len(refs))
	for i, r := range refs {
		if r.c.IsPerson() {
			bare[i] = claim.SourceKey(claim.BareName(s.personName(r.art, r.c)))
			if r.c.Role != "" {
				roleKey[i] = claim.SourceKey(r.c.Role)
			}
		}
	}
	u := newUF(len(refs))
	byKey, byGid := map[string]int{}, map[int]int{}
	byWord := map[string][]int{} // first and last word of a key -> non-person refs
	for i, r := range refs {
		if r.gid >= 0 {
			if j, ok := byGid[r.gid]; ok {
				u.union(i, j)
			} else {
				byGid[r.gid] = i
			}
		}
		key := r.key
		if r.c.IsPerson() {
			// one full name, one source, whatever the entity's kind; a
			// surname alone joins below
			if !strings.Contains(bare[i], " ") {
				continue
			}
			key = bare[i]
		} else if f := strings.Fields(key); len(f) > 1 {
			byWord[f[0]] = append(byWord[f[0]], i)
			byWord[f[len(f)-1]] = append(byWord[f[len(f)-1]], i)
		}
		if j, ok := byKey[key]; ok {
			u.union(i, j)
		} else {
			byKey[key] = i
		}
	}
	// "Fanning" with the one "Tim Fanning" of the story
	bySurname := map[string][]int{}
	for i, b := range bare {
		if f := strings.Fields(b); len(f) > 1 {
			bySurname[f[len(f)-1]] = append(bySurname[f[len(f)-1]], i)
		}
	}
	for i, b := range bare {
		if b == "" || strings.Contains(b, " ") {
			continue
		}
		root := -1
		for _, j := range bySurname[b] {
			if root >= 0 && u.find(root) != u.find(j) {
				root = -2
				break
			}
			root = j
		}
		if root >= 0 {
			u.union(i, root)
		}
	}
	// "police" with the "Vancouver police" most articles name, "WCVB" with
	// "Boston WCVB", "witnesses" with "witnesses at the camp"
	for i, r := range refs {
		if r.c.IsPerson() || strings.Contains(r.key, " ") || r.key == "" {
			continue
		}
		// the qualified form most articles use, when one leads
		arts := map[int]map[int]bool{}
		for _, j := range byWord[r.key] {
			if o := refs[j]; !strings.HasSuffix(o.key, " "+r.key) && !headedBy(o.key, r.key) {
				continue
			}
			g := u.find(j)
			if arts[g] == nil {
				arts[g] = map[int]bool{}
			}
			arts[g][refs[j].art] = true
		}
		best, bestN, second := -1, 0, 0
		for g, as := range arts {
			switch n := len(as); {
			case n > bestN:
				best, bestN, second = g, n, bestN
			case n > second:
				second = n
			}
		}
		if best >= 0 && bestN > second {
			u.union(i, best)
		}
	}
	// "a navy spokesman" with the one person called so
	roleOf := map[int]string{} // root -> the role phrase that joined it
	for i, r := range refs {
		if r.c.IsPerson() || r.gid >= 0 || r.c.Kind == crosscheck.AttrAnonymous {
			continue
		}
		words := strings.Fields(r.key)
		if len(words) < 2 || !claim.IsPersonRole(words[len(words)-1]) {
			continue
		}
		holder := -1
		for j := range refs {
			if roleKey[j] == "" || !hasAllWords(roleKey[j], words) {
				continue
			}
			if holder >= 0 && u.find(holder) != u.find(j) {
				holder = -2
				break
			}
			holder = j
		}
		if holder >= 0 {
			u.union(i, holder)
			roleOf[u.find(holder)] = strings.Join(words, " ")
		}
	}
	settled := map[int]string{}
	for root, role := range roleOf {
		settled[u.find(root)] = role
	}
	g := &creditGrouping{refs: refs, u: u, roleOf: settled, byCredit: map[string]int{}}
	for i, r := range refs {
		g.byCredit[creditID(r.art, r.c)] = u.find(i)
	}
	s.credits = g
	return g
}

// creditGrouping is the story's sources: every credit with its group.
type creditGrouping struct {
	refs []creditRef
	u    uf
	// roleOf is the role phrase that joined a group to its named person.
	roleOf map[int]string
	// byCredit maps creditID to the group's root.
	byCredit map[string]int
}

// creditID names one credit of one article.
func creditID(art int, c claim.Credit) string {
	return itoa(art) + "|" + itoa(c.Sentence) + "|" + c.Source
}

// independenceKey is the source a fact credited to c rests on, for counting
// the outlets that state it on their own: one key per source of the story,
// so that outlets crediting the same agency, outlet, official, document or
// named person count once; "" for unnamed sources and unnamed witnesses,
// whom two outlets citing need not share.
func (s *state) independenceKey(art int, c claim.Credit) string {
	if c.Kind == crosscheck.AttrAnonymous || c.Kind == crosscheck.AttrWitness && !c.IsPerson() {
		return ""
	}
	g := s.creditGroups()
	if root, ok := g.byCredit[creditID(art, c)]; ok {
		return "credit:" + itoa(root)
	}
	return "credit:" + claim.SourceKey(c.Source)
}

// attributions lists the sources the articles credit, as creditGroups
// groups them.
func (s *state) attributions() {
	g := s.creditGroups()
	refs, u, roleOf := g.refs, g.u, g.roleOf
	groups := map[int][]int{}
	var roots []int
	for i := range refs {
		r := u.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	for _, root := range roots {
		members := groups[root]
		// the source shown: a person's name in the story, else the wording
		// most articles use (the qualified one over a bare "police"),
		// with an acronym the others spell out: "Canadian Broadcasting
		// Corp. (CBC)"
		person, persons := -1, 0
		forms := map[string]map[int]bool{}
		var order []string
		for _, i := range members {
			r := refs[i]
			if r.c.IsPerson() {
				persons++
				if person < 0 {
					person = i
				}
			}
			if forms[r.c.Source] == nil {
				forms[r.c.Source] = map[int]bool{}
				order = append(order, r.c.Source)
			}
			forms[r.c.Source][r.art] = true
		}
		best := ""
		for _, f := range order {
			bare := !strings.Contains(claim.SourceKey(f), " ")
			bb := !strings.Contains(claim.SourceKey(best), " ")
			switch {
			case best == "":
				best = f
			case bare != bb && len(order) > 1:
				if bb {
					best = f
				}
			case len(forms[f]) > len(forms[best]) || len(forms[f]) == len(forms[best]) && len(f) > len(best):
				best = f
			}
		}
		kind := crosscheck.AttrOfficial
		for _, i := range members {
			if refs[i].c.Source == best {
				kind = refs[i].c.Kind
				break
			}
		}
		at := crosscheck.Attribution{Source: best, Kind: kind}
		if isAcronymForm(best) {
			// "Hewlett - Packard (HP)": the name spelled out, then the acronym
			long := ""
			for _, f := range order {
				if !isAcronymForm(f) && strings.Contains(f, " ") && len(f) > len(long) && !strings.Contains(strings.ToLower(f), strings.ToLower(best)) {
					long = f
				}
			}
			if long != "" {
				at.Source = long + " (" + best + ")"
			}
		} else {
			for _, f := range order {
				if isAcronymForm(f) && !strings.Contains(strings.ToLower(best), strings.ToLower(f)) {
					at.Source += " (" + f + ")"
					break
				}
			}
		}
		if person >= 0 && 2*persons >= len(members) {
			at.Source, at.Kind = s.groupPersonName(refs, members), refs[person].c.Kind
			for _, i := range members {
				if k := refs[i].c.Kind; refs[i].c.IsPerson() && k != crosscheck.AttrPerson {
					at.Kind = k // what the articles that say more call them
					break
				}
			}
			if role := roleOf[u.find(root)]; role != "" {
				at.Source += ", " + role
			}
		}
		seen := map[string]bool{}
		for _, i := range members {
			r := refs[i]
			an := s.ans[r.art]
			if !containsFold(at.Articles, an.Article.ID) {
				at.Articles = append(at.Articles, an.Article.ID)
			}
			if k := an.Article.ID + "|" + itoa(r.c.Sentence); !seen[k] {
				seen[k] = true
				at.Sources = append(at.Sources, s.cite(r.art, r.c.Sentence))
			}
		}
		s.rep.Attributions = append(s.rep.Attributions, at)
	}
	sort.SliceStable(s.rep.Attributions, func(i, j int) bool {
		return len(s.rep.Attributions[i].Articles) > len(s.rep.Attributions[j].Articles)
	})
	if s.rep.Attributions == nil {
		s.rep.Attributions = []crosscheck.Attribution{}
	}
}

// hasAllWords reports whether every word of words is a word of s.
func hasAllWords(s string, words []string) bool {
	have := strings.Fields(s)
	for _, w := range words {
		found := false
		for _, h := range have {
			if h == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// personName is the name of the person credit c names, as the story knows
// them.
func (s *state) personName(art int, c claim.Credit) string {
	if c.Entity >= 0 {
		return s.storyName(art, c.Entity, c.Source)
	}
	return c.Source
}

// isAcronymForm reports a source written as an acronym ("CBC", "USGS").
func isAcronymForm(f string) bool {
	n := 0
	for _, r := range f {
		switch {
		case r >= 'A' && r <= 'Z':
			n++
		case r == '.' || r == ' ':
		default:
			return false
		}
	}
	return n >= 2 && n <= 6
}

// headedBy reports a key that is word with a place or circumstance after
// it ("witnesses at the camp").
func headedBy(key, word string) bool {
	rest, ok := strings.CutPrefix(key, word+" ")
	if !ok {
		return false
	}
	switch strings.Fields(rest)[0] {
	case "at", "in", "from", "near", "on", "inside", "outside":
		return true
	}
	return false
}

// groupPersonName is the full name most of a group's credits give a
// person, titles aside ("Tim Fanning" for "Police Constable Tim Fanning",
// "Const. Tim Fanning" and "Fanning").
func (s *state) groupPersonName(refs []creditRef, members []int) string {
	forms := map[string]int{}
	var order []string
	first := ""
	for _, i := range members {
		r := refs[i]
		if !r.c.IsPerson() {
			continue
		}
		n := claim.WithoutTitles(s.personName(r.art, r.c))
		if first == "" {
			first = n
		}
		if !strings.Contains(n, " ") {
			continue
		}
		if forms[n] == 0 {
			order = append(order, n)
		}
		forms[n]++
	}
	name := first
	for _, n := range order {
		if !strings.Contains(name, " ") || forms[n] > forms[name] || forms[n] == forms[name] && len(n) > len(name) {
			name = n
		}
	}
	return name
}
