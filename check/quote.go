package check

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// quotes groups the articles' quotations: the same words (a shared run of
// five, or the same short wording) by the same speaker are one quote,
// listing every article that carries them. A speaker is one across the
// story by entity, by full name without titles, or by a surname only one
// full name of the story ends with. A quotation whose speaker its outlet
// does not name ("police said", "he said" with no one before) takes the
// speaker other outlets name for the same words, when they agree on one.
func (s *state) quotes() {
	type qref struct {
		art int
		q   *claim.Quote
		w   []string
		spk int // speaker group for named speakers, -1 otherwise
	}
	var refs []qref
	for a, an := range s.ans {
		for qi := range an.Quotes {
			q := &an.Quotes[qi]
			refs = append(refs, qref{art: a, q: q, w: words(q.Text), spk: -1})
		}
	}
	// speakers: one group per named speaker of the story
	su := newUF(len(refs))
	byKey := map[string]int{}
	surname := map[int]string{}
	for i, r := range refs {
		if !r.q.Named() {
			continue
		}
		var keys []string
		if r.q.SpeakerEntity >= 0 {
			keys = append(keys, "e:"+itoa(s.gid[r.art][r.q.SpeakerEntity]))
		}
		if r.q.IsPerson() {
			bare := strings.ToLower(claim.BareName(s.speakerName(r.art, r.q)))
			if strings.Contains(bare, " ") {
				keys = append(keys, "p:"+bare)
			} else {
				surname[i] = bare
			}
		} else {
			keys = append(keys, "o:"+claim.SourceKey(r.q.Speaker))
		}
		for _, k := range keys {
			if j, ok := byKey[k]; ok {
				su.union(i, j)
			} else {
				byKey[k] = i
			}
		}
	}
	for i, sn := range surname {
		root := -1
		for k, j := range byKey {
			// "Fanning" with "Tim Fanning"; a given name alone with the one
			// full name it starts ("Charlie" with "Charlie Kafoury")
			if !strings.HasPrefix(k, "p:") || !strings.HasSuffix(k, " "+sn) && !(claim.IsGivenName(sn) && strings.HasPrefix(k, "p:"+sn+" ")) {
				continue
			}
			if root >= 0 && su.find(root) != su.find(j) {
				root = -2
				break
			}
			root = j
		}
		if root >= 0 {
			su.union(i, root)
		}
	}
	for i := range refs {
		if refs[i].q.Named() {
			refs[i].spk = su.find(i)
		}
	}
	// quotations: the same words by the same speaker
	gs := make([][]string, len(refs))
	for i, r := range refs {
		gs[i] = grams(r.w)
	}
	u := newUF(len(refs))
	var named []int
	for i, r := range refs {
		if r.spk >= 0 {
			named = append(named, i)
		}
	}
	sameWords(u, named, gs, func(i int) int { return refs[i].spk })
	// unnamed speakers: the named speaker others give the same words, when
	// they agree on one; else the same words from unnamed speakers go
	// together
	with := map[string][]int{}
	for _, i := range named {
		for _, g := range gs[i] {
			with[g] = append(with[g], i)
		}
	}
	var left []int
	for i, r := range refs {
		if r.spk >= 0 {
			continue
		}
		shared := map[int]int{}
		for _, g := range gs[i] {
			for _, j := range with[g] {
				shared[j]++
			}
		}
		spk, match := -1, -1
		for j := range shared {
			if !sameQuote(gs[i], gs[j]) {
				continue
			}
			if spk >= 0 && refs[j].spk != spk {
				spk = -2
				break
			}
			if spk < 0 || j < match {
				spk, match = refs[j].spk, j
			}
		}
		if spk >= 0 {
			refs[i].spk = spk
			u.union(i, match)
			continue
		}
		if r.q.Speaker != "" {
			left = append(left, i)
		}
	}
	sameWords(u, left, gs, func(int) int { return 0 })
	groups := map[int][]int{}
	var roots []int
	for i, r := range refs {
		if r.spk < 0 && r.q.Speaker == "" {
			continue
		}
		root := u.find(i)
		if _, ok := groups[root]; !ok {
			roots = append(roots, root)
		}
		groups[root] = append(groups[root], i)
	}
	for _, root := range roots {
		members := groups[root]
		q := crosscheck.Quote{Speaker: s.groupSpeaker(members, func(i int) (int, *claim.Quote) { return refs[i].art, refs[i].q })}
		seenA := map[string]bool{}
		wording := map[string]int{}
		var longest *claim.Quote
		var longestArt int
		for _, i := range members {
			ref := refs[i]
			an := s.ans[ref.art]
			id := an.Article.ID
			if longest == nil || len(ref.q.Text) > len(longest.Text) {
				longest, longestArt = ref.q, ref.art
			}
			if !seenA[id] {
				seenA[id] = true
				q.Articles = append(q.Articles, id)
			}
			norm := strings.Join(ref.w, " ")
			k, ok := wording[norm]
			if !ok {
				q.Variants = append(q.Variants, crosscheck.QuoteVariant{Text: ref.q.Text})
				k = len(q.Variants) - 1
				wording[norm] = k
			}
			if !containsFold(q.Variants[k].Articles, id) {
				q.Variants[k].Articles = append(q.Variants[k].Articles, id)
			}
			first, last := an.Sentences[ref.q.First].Span, an.Sentences[ref.q.Last].Span
			sp := crosscheck.Span{Start: first.Start, End: last.End}
			q.Sources = append(q.Sources, crosscheck.Citation{Article: id, Outlet: an.Article.Outlet, Sentence: an.Article.Text[sp.Start:sp.End], Span: sp})
		}
		q.Text = longest.Text
		for _, p := range longest.Parts {
			q.Parts = append(q.Parts, s.ans[longestArt].Article.Text[p.Start:p.End])
		}
		if len(q.Variants) < 2 {
			q.Variants = nil
		}
		s.rep.Quotes = append(s.rep.Quotes, q)
	}
	sort.SliceStable(s.rep.Quotes, func(i, j int) bool { return len(s.rep.Quotes[i].Articles) > len(s.rep.Quotes[j].Articles) })
	if s.rep.Quotes == nil {
		s.rep.Quotes = []crosscheck.Quote{}
	}
}

// sameWords joins the quotations of idx by one speaker (as spk says) that
// share most of their five-word runs: a part quoted by one outlet is the
// same quote as the whole quoted by another, but two quotations sharing
// only a name ("against the Republic of South Sudan") are not.
func sameWords(u uf, idx []int, gs [][]string, spk func(int) int) {
	with := map[string][]int{}
	for _, i := range idx {
		for _, g := range gs[i] {
			with[itoa(spk(i))+"|"+g] = append(with[itoa(spk(i))+"|"+g], i)
		}
	}
	for _, i := range idx {
		shared := map[int]int{}
		for _, g := range gs[i] {
			for _, j := range with[itoa(spk(i))+"|"+g] {
				if j > i {
					shared[j]++
				}
			}
		}
		for j := range shared {
			if sameQuote(gs[i], gs[j]) {
				u.union(i, j)
			}
		}
	}
}

// sameQuote reports whether two wordings, as five-word runs, are one
// quotation: half the runs of the shorter are shared (a part quoted by one
// outlet, the whole by another), or they share a stretch of seven words
// and more, or two stretches apart (one translation worded two ways). Two
// quotations sharing only a name ("against the Republic of South Sudan")
// are not one.
func sameQuote(a, b []string) bool {
	in := make(map[string]bool, len(b))
	for _, g := range b {
		in[g] = true
	}
	n, run, longest, runs := 0, 0, 0, 0
	for _, g := range a {
		if in[g] {
			n++
			run++
			if run == 1 {
				runs++
			}
			longest = max(longest, run)
		} else {
			run = 0
		}
	}
	return n > 0 && (overlaps(n, len(a), len(b)) || longest >= 3 || runs >= 2 && n >= 3)
}

// overlaps reports whether n shared runs make two wordings of a and b runs
// one quotation: half the runs of the shorter.
func overlaps(n, a, b int) bool {
	return 2*n >= min(a, b)
}

// speakerName is the name of a quotation's speaker as the story knows
// them.
func (s *state) speakerName(art int, q *claim.Quote) string {
	if q.SpeakerEntity >= 0 && q.IsPerson() {
		return s.storyName(art, q.SpeakerEntity, q.Speaker)
	}
	return q.Speaker
}

// storyName is the story's name for entity e of article art, which the
// article calls local: the fuller name used elsewhere in the story, unless
// that name has lost the person's surname (then the article's own).
func (s *state) storyName(art, e int, local string) string {
	name := s.ents[s.gid[art][e]].Name
	f := strings.Fields(claim.BareName(local))
	if len(f) == 0 || strings.Contains(strings.ToLower(name), strings.ToLower(f[len(f)-1])) {
		return name
	}
	return local
}

// groupSpeaker names the speaker of a group of quotations: the story's
// name for a named speaker; for unnamed ones the most specific wording
// (more capitalised words, then longer: "the Indian government" over "the
// military").
func (s *state) groupSpeaker(members []int, at func(int) (int, *claim.Quote)) string {
	// a person: the full name most articles give, titles aside
	forms := map[string]int{}
	var order []string
	for _, i := range members {
		art, q := at(i)
		if !q.IsPerson() {
			continue
		}
		n := claim.WithoutTitles(s.speakerName(art, q))
		if !strings.Contains(n, " ") {
			continue
		}
		if forms[n] == 0 {
			order = append(order, n)
		}
		forms[n]++
	}
	name := ""
	for _, n := range order {
		if name == "" || forms[n] > forms[name] || forms[n] == forms[name] && len(n) > len(name) {
			name = n
		}
	}
	if name != "" {
		return name
	}
	best, bestNamed, bestCaps := "", false, -1
	for _, i := range members {
		art, q := at(i)
		name := s.speakerName(art, q)
		if name == "" {
			continue
		}
		caps := 0
		for _, w := range strings.Fields(name) {
			if w[0] >= 'A' && w[0] <= 'Z' {
				caps++
			}
		}
		switch {
		case best == "",
			q.Named() && !bestNamed,
			q.Named() == bestNamed && (caps > bestCaps || caps == bestCaps && len(name) > len(best)):
			best, bestNamed, bestCaps = name, q.Named(), caps
		}
	}
	return best
}

// grams returns the five-word runs of a wording (the whole wording when
// shorter): two wordings sharing one are the same quote.
func grams(w []string) []string {
	const run = 5
	if len(w) < run {
		return []string{strings.Join(w, " ")}
	}
	out := make([]string, 0, len(w)-run+1)
	for i := 0; i+run <= len(w); i++ {
		out = append(out, strings.Join(w[i:i+run], " "))
	}
	return out
}
