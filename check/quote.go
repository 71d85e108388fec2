package check

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// quotes groups the articles' quotations by speaker and wording.
func (s *state) quotes() {
	type qref struct {
		art int
		q   *claim.Quote
		w   []string
	}
	bySpeaker := map[int][]qref{}
	var speakers []int
	var unknown []qref
	for a, an := range s.ans {
		for qi := range an.Quotes {
			q := &an.Quotes[qi]
			if q.SpeakerEntity < 0 {
				unknown = append(unknown, qref{art: a, q: q, w: words(q.Text)})
				continue
			}
			g := s.gid[a][q.SpeakerEntity]
			if _, ok := bySpeaker[g]; !ok {
				speakers = append(speakers, g)
			}
			bySpeaker[g] = append(bySpeaker[g], qref{art: a, q: q, w: words(q.Text)})
		}
	}
	// a quote whose speaker its outlet does not name takes the speaker
	// another outlet gives for the same words
	owner := map[string]int{}
	for _, g := range speakers {
		for _, r := range bySpeaker[g] {
			for _, gram := range grams(r.w) {
				if o, ok := owner[gram]; ok && o != g {
					owner[gram] = -1
				} else if !ok {
					owner[gram] = g
				}
			}
		}
	}
	for _, r := range unknown {
		for _, gram := range grams(r.w) {
			if g, ok := owner[gram]; ok && g >= 0 {
				bySpeaker[g] = append(bySpeaker[g], r)
				break
			}
		}
	}
	for _, g := range speakers {
		refs := bySpeaker[g]
		u := newUF(len(refs))
		// same quote: a shared run of five words (or the same short wording)
		firstWith := map[string]int{}
		for i, r := range refs {
			for _, gram := range grams(r.w) {
				if j, ok := firstWith[gram]; ok {
					u.union(i, j)
				} else {
					firstWith[gram] = i
				}
			}
		}
		groups := map[int][]int{}
		var roots []int
		for i := range refs {
			r := u.find(i)
			if _, ok := groups[r]; !ok {
				roots = append(roots, r)
			}
			groups[r] = append(groups[r], i)
		}
		for _, r := range roots {
			q := crosscheck.Quote{Speaker: s.ents[g].Name}
			seenA := map[string]bool{}
			wording := map[string]int{}
			for _, i := range groups[r] {
				ref := refs[i]
				an := s.ans[ref.art]
				id := an.Article.ID
				if len(ref.q.Text) > len(q.Text) {
					q.Text = ref.q.Text
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
			if len(q.Variants) < 2 {
				q.Variants = nil
			}
			s.rep.Quotes = append(s.rep.Quotes, q)
		}
	}
	sort.SliceStable(s.rep.Quotes, func(i, j int) bool { return len(s.rep.Quotes[i].Articles) > len(s.rep.Quotes[j].Articles) })
	if s.rep.Quotes == nil {
		s.rep.Quotes = []crosscheck.Quote{}
	}
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
