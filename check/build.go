package check

import (
	"sort"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// creditKey is the source a citation's fact is credited to, for counting
// independent outlets: named agencies, outlets and officials collapse;
// anonymous sources do not (two outlets' unnamed officials may differ).
func (s *state) creditsOf(i int) []claim.Credit {
	it := s.items[i]
	an := s.ans[it.art]
	var out []claim.Credit
	for _, ci := range an.Facts[it.fact].Credits {
		out = append(out, an.Credits[ci])
	}
	return out
}

// buildClaims turns the aligned groups into claims.
func (s *state) buildClaims(conflicts []crosscheck.Conflict) {
	order := make([]int, len(s.claims))
	for i := range order {
		order[i] = i
	}
	outletsOf := func(c int) int {
		seen := map[string]bool{}
		for _, i := range s.claims[c].items {
			seen[s.okey[s.items[i].art]] = true
		}
		return len(seen)
	}
	nOut := make([]int, len(s.claims))
	for c := range s.claims {
		nOut[c] = outletsOf(c)
	}
	sort.SliceStable(order, func(a, b int) bool {
		ca, cb := order[a], order[b]
		if s.claims[ca].disputed != s.claims[cb].disputed {
			return s.claims[ca].disputed
		}
		return nOut[ca] > nOut[cb]
	})
	confIdx := map[string]int{}
	for i, c := range conflicts {
		confIdx[c.ID] = i
	}
	for n, c := range order {
		g := &s.claims[c]
		g.id = "c" + itoa(n+1)
		items := append([]int(nil), g.items...)
		sort.Slice(items, func(a, b int) bool {
			ia, ib := s.items[items[a]], s.items[items[b]]
			if ia.art != ib.art {
				return ia.art < ib.art
			}
			return ia.fact < ib.fact
		})
		rep := s.fact(items[0])
		cl := crosscheck.Claim{ID: g.id, Text: rep.Text, Subject: rep.Subject, Predicate: rep.VerbText, Negated: rep.Negated}
		for _, v := range rep.Values {
			if keyedValue(v.Attr) {
				continue // a record's or an offence's figure is a key, not a quantity
			}
			cl.Values = append(cl.Values, v.Value)
		}
		if g.slot {
			cl.Text, cl.Values, cl.Subject, cl.Predicate, cl.Negated = g.text, g.vals, g.subject, "", false
		}
		seenO := map[string]bool{}
		indep := map[string]bool{}
		copyOf := map[string]string{} // normalised sentence -> independence key
		credited := map[string]bool{}
		for _, i := range items {
			it := s.items[i]
			f := s.fact(i)
			cl.Sources = append(cl.Sources, s.cite(it.art, f.Sentence))
			if o := s.outlet[it.art]; !seenO[s.okey[it.art]] {
				seenO[s.okey[it.art]] = true
				cl.Outlets = append(cl.Outlets, o)
			}
			key := "outlet:" + s.okey[it.art]
			for _, cr := range s.creditsOf(i) {
				k := s.independenceKey(it.art, cr)
				if k == "" {
					continue
				}
				if !credited[cr.Source] {
					credited[cr.Source] = true
					cl.CreditedTo = append(cl.CreditedTo, cr.Source)
				}
				key = k
				break
			}
			if d := s.ans[it.art].Article.DuplicateOf; d != "" && key[0] == 'o' {
				key = "dup:" + d
			}
			// the same long sentence word for word in two outlets is a copy
			if norm := normSentence(f.Text); len(norm) > 80 {
				if k, ok := copyOf[norm]; ok {
					key = k
				} else {
					copyOf[norm] = key
				}
			}
			indep[key] = true
		}
		cl.Independent = len(indep)
		switch {
		case g.disputed:
			cl.Status = crosscheck.Disputed
		case len(seenO) >= 2:
			cl.Status = crosscheck.Corroborated
		default:
			cl.Status = crosscheck.SingleSource
		}
		for _, cid := range g.conflicts {
			k := confIdx[cid]
			conflicts[k].Claims = append(conflicts[k].Claims, g.id)
		}
		s.rep.Claims = append(s.rep.Claims, cl)
	}
	if s.rep.Claims == nil {
		s.rep.Claims = []crosscheck.Claim{}
	}
}

// normSentence folds case, punctuation and spacing so copies compare equal.
func normSentence(t string) string {
	return strings.Join(words(t), " ")
}

// words lower-cases a quote into words, punctuation dropped.
func words(t string) []string {
	f := strings.FieldsFunc(strings.ToLower(strings.ReplaceAll(t, "’", "'")), func(r rune) bool {
		return !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || r == '\'' || r > 127)
	})
	return f
}

// coverage says per outlet what only it reports and what it leaves out
// that most others report.
func (s *state) coverage() {
	type cov struct {
		c     crosscheck.Coverage
		claim map[string]bool
	}
	idx := map[string]int{}
	var covs []cov
	for a := range s.ans {
		k := s.okey[a]
		i, ok := idx[k]
		if !ok {
			covs = append(covs, cov{c: crosscheck.Coverage{Outlet: s.outlet[a]}, claim: map[string]bool{}})
			i = len(covs) - 1
			idx[k] = i
		}
		covs[i].c.Articles = append(covs[i].c.Articles, s.ans[a].Article.ID)
	}
	nOutlets := len(covs)
	for c, g := range s.claims {
		outs := map[string]bool{}
		for _, i := range g.items {
			outs[s.okey[s.items[i].art]] = true
		}
		for o := range outs {
			covs[idx[o]].claim[g.id] = true
			covs[idx[o]].c.Claims++
		}
		if len(outs) == 1 {
			for o := range outs {
				covs[idx[o]].c.Exclusive = append(covs[idx[o]].c.Exclusive, s.claims[c].id)
			}
		}
		// omitted: stated by most of the other outlets, at least two
		for k, i := range idx {
			if outs[k] {
				continue
			}
			others := nOutlets - 1
			if len(outs) >= 2 && len(outs)*2 > others {
				covs[i].c.Omitted = append(covs[i].c.Omitted, g.id)
			}
		}
	}
	for _, c := range covs {
		sort.Strings(c.c.Exclusive)
		sort.Strings(c.c.Omitted)
		s.rep.Coverage = append(s.rep.Coverage, c.c)
	}
	if s.rep.Coverage == nil {
		s.rep.Coverage = []crosscheck.Coverage{}
	}
}

// timeline lists the dated facts in order, and sets the story's event date
// to the day most articles date their facts to.
func (s *state) timeline() {
	type entry struct {
		e    crosscheck.TimelineEntry
		arts map[int]bool
	}
	byKey := map[string]*entry{}
	var keys []string
	dayArts := map[string]map[int]bool{}
	for _, g := range s.claims {
		if g.slot {
			continue // its sentences are in their own claims
		}
		for _, i := range g.items {
			it := s.items[i]
			f := s.fact(i)
			for _, v := range f.Values {
				if v.Time.IsZero() || v.Kind != crosscheck.ValueDate && v.Kind != crosscheck.ValueTime {
					continue
				}
				day := v.Time.Format(time.DateOnly)
				if v.Kind == crosscheck.ValueDate {
					if dayArts[day] == nil {
						dayArts[day] = map[int]bool{}
					}
					dayArts[day][it.art] = true
				}
				k := g.id + "|" + v.Time.Format(time.RFC3339)
				en, ok := byKey[k]
				if !ok {
					en = &entry{e: crosscheck.TimelineEntry{When: v.Time, DateOnly: v.Kind == crosscheck.ValueDate, Text: f.Text}, arts: map[int]bool{}}
					byKey[k] = en
					keys = append(keys, k)
				}
				if !en.arts[it.art] {
					en.arts[it.art] = true
					en.e.Sources = append(en.e.Sources, s.cite(it.art, f.Sentence))
				}
			}
		}
	}
	for _, k := range keys {
		s.rep.Timeline = append(s.rep.Timeline, byKey[k].e)
	}
	sort.SliceStable(s.rep.Timeline, func(i, j int) bool {
		a, b := s.rep.Timeline[i], s.rep.Timeline[j]
		if !a.When.Equal(b.When) {
			return a.When.Before(b.When)
		}
		return len(a.Sources) > len(b.Sources)
	})
	if s.rep.Timeline == nil {
		s.rep.Timeline = []crosscheck.TimelineEntry{}
	}
	best, bestN := "", 0
	for d, arts := range dayArts {
		if len(arts) > bestN || len(arts) == bestN && d > best {
			best, bestN = d, len(arts)
		}
	}
	if best != "" && (s.rep.Story.EventDate.IsZero() || bestN >= 2) {
		t, _ := time.Parse(time.DateOnly, best)
		s.rep.Story.EventDate = t
	}
}

// brief picks the statements of the story's short account: facts most
// outlets state on their own, then the conflicts, then the leads of
// articles when little is corroborated. Every item is a source sentence.
func (s *state) brief() {
	max := s.opts.BriefItems
	used := map[string]bool{}
	add := func(it crosscheck.BriefItem) {
		if len(s.rep.Brief) >= max || used[it.Text] {
			return
		}
		used[it.Text] = true
		s.rep.Brief = append(s.rep.Brief, it)
	}
	claims := append([]crosscheck.Claim(nil), s.rep.Claims...)
	hasFigure := func(c crosscheck.Claim) bool {
		for _, v := range c.Values {
			if v.Kind != crosscheck.ValueDate && v.Kind != crosscheck.ValueNumber && v.Kind != crosscheck.ValuePlace {
				return true
			}
		}
		return false
	}
	sort.SliceStable(claims, func(i, j int) bool {
		if claims[i].Independent != claims[j].Independent {
			return claims[i].Independent > claims[j].Independent
		}
		if fi, fj := hasFigure(claims[i]), hasFigure(claims[j]); fi != fj {
			return fi // facts with figures first: they are what readers check
		}
		return len(claims[i].Sources) > len(claims[j].Sources)
	})
	conflictOf := map[string]string{}
	for _, c := range s.rep.Conflicts {
		for _, id := range c.Claims {
			conflictOf[id] = c.ID
		}
	}
	for _, c := range claims {
		if c.Status != crosscheck.Corroborated {
			continue
		}
		if len(s.rep.Brief) >= max-2 {
			break
		}
		if t, arts := briefText(c.Sources); t != "" {
			add(crosscheck.BriefItem{Text: t, Articles: arts, Claim: c.ID})
		}
	}
	for _, c := range s.rep.Conflicts {
		for _, v := range c.Variants {
			if t, arts := briefText(v.Sources); t != "" {
				add(crosscheck.BriefItem{Text: t, Articles: arts, Conflict: c.ID})
			}
		}
	}
	// leads: the first claim sentence of each article
	for _, c := range s.rep.Claims {
		if c.Status == crosscheck.SingleSource && len(c.Values)+len(c.Subject) > 0 && isLead(s, c) {
			if t, arts := briefText(c.Sources); t != "" {
				add(crosscheck.BriefItem{Text: t, Articles: arts, Claim: c.ID})
			}
		}
	}
}

// briefText is the sentence a brief item shows for a claim or a variant:
// its first source sentence of an article's text (not a headline, not a
// figure alone), with the articles that state it in those words or in
// the claim's.
func briefText(cs []crosscheck.Citation) (string, []string) {
	for _, c := range cs {
		if !c.InTitle {
			return c.Sentence, articlesOf(cs)
		}
	}
	return "", nil
}

func isLead(s *state, c crosscheck.Claim) bool {
	src := c.Sources[0]
	for _, an := range s.ans {
		if an.Article.ID == src.Article {
			return len(an.Facts) > 0 && an.Facts[0].Span == src.Span
		}
	}
	return false
}

func articlesOf(cs []crosscheck.Citation) []string {
	var out []string
	for _, c := range cs {
		if !containsFold(out, c.Article) {
			out = append(out, c.Article)
		}
	}
	return out
}

// keyedValue reports an attribute whose figure is a key: a won-lost
// record (58-3 as 58003), an offence (a hash of its words), where a victim
// died (a code).
func keyedValue(attr string) bool {
	return attr == claim.AttrRecord || attr == claim.AttrCharge || attr == claim.AttrDeathPlace
}
