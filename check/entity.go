package check

import (
	"runtime"
	"sort"
	"strings"
	"sync"
	"unicode"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// extractAll runs claim.Extract over the articles, in parallel.
func extractAll(arts []*crosscheck.Article, opts claim.Options) []*claim.Analysis {
	out := make([]*claim.Analysis, len(arts))
	workers := runtime.GOMAXPROCS(0)
	if workers > len(arts) {
		workers = len(arts)
	}
	if workers <= 1 {
		for i, a := range arts {
			out[i] = claim.Extract(a, opts)
		}
		return out
	}
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				out[i] = claim.Extract(arts[i], opts)
			}
		}()
	}
	for i := range arts {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

// uf is a union-find over integers.
type uf []int

func newUF(n int) uf {
	u := make(uf, n)
	for i := range u {
		u[i] = i
	}
	return u
}

func (u uf) find(i int) int {
	for u[i] != i {
		u[i] = u[u[i]]
		i = u[i]
	}
	return i
}

func (u uf) union(a, b int) { u[u.find(a)] = u.find(b) }

type localEnt struct {
	art, idx int
	e        *claim.Entity
}

// mergeEntities merges the articles' entities into story-wide ones: persons
// by surname skeleton with compatible given names (nicknames,
// transliterations, one edit apart), everything else by normalised name.
func (s *state) mergeEntities() {
	var all []localEnt
	s.gid = make([][]int, len(s.ans))
	for a, an := range s.ans {
		s.gid[a] = make([]int, len(an.Entities))
		for i := range an.Entities {
			all = append(all, localEnt{art: a, idx: i, e: &an.Entities[i]})
		}
	}
	u := newUF(len(all))
	byKey := map[string]int{}
	// full-name persons: same surname skeleton and given-name key
	bySurname := map[string][]int{}
	for i, le := range all {
		e := le.e
		if e.Kind == crosscheck.KindPerson && e.Given != "" {
			k := "p:" + e.Given + " " + e.Surname
			if j, ok := byKey[k]; ok {
				u.union(i, j)
			} else {
				byKey[k] = i
				bySurname[e.Surname] = append(bySurname[e.Surname], i)
			}
		}
	}
	// the whole name's skeleton: "Park Ji-hoon" / "Park Ji Hoon"
	byFull := map[string]int{}
	for i, le := range all {
		e := le.e
		if e.Kind != crosscheck.KindPerson || e.Given == "" {
			continue
		}
		k := claim.NameKey(e.Name)
		if len(k) < 6 {
			continue
		}
		if j, ok := byFull[k]; ok {
			u.union(i, j)
		} else {
			byFull[k] = i
		}
	}
	// surnames one edit apart, same given name: Zelensky/Zelenskyi variants
	// beyond the skeleton, Iermak/Yermak.
	var surnames []string
	for sn := range bySurname {
		surnames = append(surnames, sn)
	}
	sort.Strings(surnames)
	byLen := map[int][]string{}
	for _, sn := range surnames {
		byLen[len(sn)] = append(byLen[len(sn)], sn)
	}
	for _, a := range surnames {
		if len(a) < 5 {
			continue
		}
		for d := 0; d <= 1; d++ {
			for _, b := range byLen[len(a)+d] {
				if b <= a && d == 0 || b == a || !editWithin1(a, b) {
					continue
				}
				for _, i := range bySurname[a] {
					for _, j := range bySurname[b] {
						gi, gj := all[i].e.Given, all[j].e.Given
						if gi == gj || gi[:1] == gj[:1] && (strings.HasPrefix(gi, gj) || strings.HasPrefix(gj, gi)) {
							u.union(i, j)
						}
					}
				}
			}
		}
	}
	// bare surnames: join the one person group with that surname
	for i, le := range all {
		e := le.e
		if e.Given != "" || e.Surname == "" || e.Kind == crosscheck.KindPlace || e.Kind == crosscheck.KindOrganization {
			continue
		}
		roots := map[int]bool{}
		for _, j := range bySurname[e.Surname] {
			roots[u.find(j)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				u.union(i, r)
			}
			continue
		}
		if len(roots) == 0 {
			k := "s:" + e.Surname
			if j, ok := byKey[k]; ok {
				u.union(i, j)
			} else {
				byKey[k] = i
			}
		}
	}
	// everything else by key
	for i, le := range all {
		e := le.e
		if e.Kind == crosscheck.KindPerson || e.Given != "" || e.Kind == crosscheck.KindOther && e.Surname != "" && !strings.Contains(e.Name, " ") {
			continue
		}
		k := "k:" + e.Key
		if j, ok := byKey[k]; ok {
			u.union(i, j)
		} else {
			byKey[k] = i
		}
	}
	// a lone word no person bears is the place or organisation of that
	// name: "Marstad" in one article, "MARSTAD" on a date line in another
	for i, le := range all {
		e := le.e
		if e.Kind != crosscheck.KindOther || e.Given != "" || strings.Contains(e.Name, " ") || len(bySurname[e.Surname]) > 0 {
			continue
		}
		if j, ok := byKey["k:"+e.Key]; ok && (all[j].e.Kind == crosscheck.KindPlace || all[j].e.Kind == crosscheck.KindOrganization) {
			u.union(i, j)
		}
	}
	// an organisation named by the tail of one longer name of the story:
	// "Coast Guard" is the "Veska Coast Guard" when no other fits
	longer := map[string][]int{}
	for i, le := range all {
		if le.e.Kind != crosscheck.KindOrganization {
			continue
		}
		f := strings.Fields(strings.ToLower(le.e.Name))
		for k := 1; k+2 <= len(f); k++ {
			t := strings.Join(f[k:], " ")
			longer[t] = append(longer[t], i)
		}
	}
	for i, le := range all {
		if le.e.Kind != crosscheck.KindOrganization || len(strings.Fields(le.e.Name)) < 2 {
			continue
		}
		roots := map[int]bool{}
		for _, j := range longer[strings.ToLower(le.e.Name)] {
			roots[u.find(j)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				u.union(i, r)
			}
		}
	}
	// acronyms: "EU" is the "European Union" when only one name fits
	byInitials := map[string][]int{}
	for i, le := range all {
		e := le.e
		if e.Kind == crosscheck.KindPerson || e.Kind == crosscheck.KindPlace {
			continue
		}
		if in := initials(e.Name); len(in) >= 2 {
			byInitials[in] = append(byInitials[in], i)
		}
	}
	for i, le := range all {
		e := le.e
		if e.Kind == crosscheck.KindPerson || !isAcronym(e.Name) {
			continue
		}
		roots := map[int]bool{}
		for _, j := range byInitials[strings.ReplaceAll(e.Name, ".", "")] {
			roots[u.find(j)] = true
		}
		if len(roots) == 1 {
			for r := range roots {
				u.union(i, r)
			}
		}
	}
	// build the global entities
	groups := map[int][]int{}
	var roots []int
	for i := range all {
		r := u.find(i)
		if _, ok := groups[r]; !ok {
			roots = append(roots, r)
		}
		groups[r] = append(groups[r], i)
	}
	for _, r := range roots {
		members := groups[r]
		id := len(s.ents)
		names := map[string]int{}
		var ent crosscheck.Entity
		kinds := map[crosscheck.EntityKind]int{}
		cued := map[crosscheck.EntityKind]int{} // kinds some article has a cue for
		arts := map[string]bool{}
		for _, i := range members {
			le := all[i]
			s.gid[le.art][le.idx] = id
			e := le.e
			names[e.Name] += e.Mentions
			for _, al := range e.Aliases {
				names[al] += 0
			}
			kinds[e.Kind] += e.Mentions
			if e.Cued {
				cued[e.Kind] += e.Mentions
			}
			for _, ro := range e.Roles {
				if !containsFold(ent.Roles, ro) {
					ent.Roles = append(ent.Roles, ro)
				}
			}
			ent.Mentions += e.Mentions
			aid := s.ans[le.art].Article.ID
			if !arts[aid] {
				arts[aid] = true
				ent.Articles = append(ent.Articles, aid)
			}
		}
		if len(cued) > 0 {
			kinds = cued
		}
		ent.Kind = crosscheck.KindOther
		best := 0
		for _, k := range []crosscheck.EntityKind{crosscheck.KindOther, crosscheck.KindPlace, crosscheck.KindOrganization, crosscheck.KindPerson} {
			// a person anywhere wins, unless another kind has a cue and
			// the person none: then only the cued kinds vote
			if kinds[k] > best || k == crosscheck.KindPerson && kinds[k] > 0 {
				ent.Kind, best = k, kinds[k]
			}
		}
		var ns []string
		for n := range names {
			ns = append(ns, n)
		}
		sort.Slice(ns, func(a, b int) bool {
			ra, rb := isRolePhrase(ns[a]), isRolePhrase(ns[b])
			if ra != rb {
				return !ra
			}
			wa, wb := len(strings.Fields(ns[a])), len(strings.Fields(ns[b]))
			if wa != wb && ent.Kind == crosscheck.KindPerson {
				return wa > wb
			}
			if names[ns[a]] != names[ns[b]] {
				return names[ns[a]] > names[ns[b]]
			}
			return ns[a] < ns[b]
		})
		ent.Name = ns[0]
		for _, n := range ns[1:] {
			if !containsFold(ent.Aliases, n) && !strings.EqualFold(n, ent.Name) {
				ent.Aliases = append(ent.Aliases, n)
			}
		}
		// specific roles name their holder too: "the U.S. envoy"
		for _, ro := range ent.Roles {
			if len(strings.Fields(ro)) >= 2 && !containsFold(ent.Aliases, ro) {
				ent.Aliases = append(ent.Aliases, ro)
			}
		}
		if ent.Aliases == nil {
			ent.Aliases = []string{}
		}
		s.ents = append(s.ents, ent)
	}
	// the report lists entities most covered first
	order := make([]int, len(s.ents))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(a, b int) bool {
		ea, eb := s.ents[order[a]], s.ents[order[b]]
		if len(ea.Articles) != len(eb.Articles) {
			return len(ea.Articles) > len(eb.Articles)
		}
		return ea.Mentions > eb.Mentions
	})
	for _, i := range order {
		s.rep.Entities = append(s.rep.Entities, s.ents[i])
	}
	if s.rep.Entities == nil {
		s.rep.Entities = []crosscheck.Entity{}
	}
}

// initials returns the capitals of a multi-word name's words: "European
// Union" -> "EU", "North Atlantic Treaty Organization" -> "NATO".
func initials(name string) string {
	f := strings.Fields(name)
	if len(f) < 2 {
		return ""
	}
	var b strings.Builder
	for _, w := range f {
		r := []rune(w)
		if len(r) == 0 || !unicode.IsUpper(r[0]) {
			continue
		}
		b.WriteRune(r[0])
	}
	return b.String()
}

func isAcronym(s string) bool {
	n := 0
	for _, r := range s {
		switch {
		case unicode.IsLower(r):
			return false
		case unicode.IsLetter(r):
			n++
		case r != '.':
			return false
		}
	}
	return n >= 2 && n <= 6
}

func isRolePhrase(n string) bool {
	l := strings.ToLower(n)
	return strings.HasPrefix(l, "the ") || strings.HasPrefix(l, "a ")
}

func containsFold(ss []string, s string) bool {
	for _, x := range ss {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

// editWithin1 reports whether a and b are at most one edit apart.
func editWithin1(a, b string) bool {
	if len(a) > len(b) {
		a, b = b, a
	}
	if len(b)-len(a) > 1 {
		return false
	}
	i, j, edits := 0, 0, 0
	for i < len(a) && j < len(b) {
		if a[i] == b[j] {
			i++
			j++
			continue
		}
		edits++
		if edits > 1 {
			return false
		}
		if len(a) == len(b) {
			i++
		}
		j++
	}
	return edits+(len(b)-j)+(len(a)-i) <= 1
}
