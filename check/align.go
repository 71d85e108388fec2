package check

import (
	"math"
	"sort"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/claim"
)

// Feature kinds and their weights: a shared entity or value says more
// about two sentences stating the same fact than a shared word.
const (
	wStem   = 1.0
	wEntity = 2.0
	wValue  = 3.0
	wDate   = 1.0
	// postings longer than this are not walked to find candidate pairs
	// (their features are too common to tell facts apart).
	maxPosting = 400
)

type feature struct {
	id     int
	weight float64
	kind   byte // 's' stem, 'e' entity, 'v' value, 'd' date
}

// align groups the facts of different articles that state the same fact.
func (s *state) align() {
	for a, an := range s.ans {
		for f := range an.Facts {
			s.items = append(s.items, item{art: a, fact: f})
		}
	}
	n := len(s.items)
	slots := s.itemSlots()
	fid := map[string]int{}
	var fkind []byte
	feats := make([][]feature, n)
	df := []int{}
	dfArt := []map[int]bool{}
	for i, it := range s.items {
		f := &s.ans[it.art].Facts[it.fact]
		seen := map[int]bool{}
		add := func(key string, kind byte) {
			id, ok := fid[key]
			if !ok {
				id = len(fid)
				fid[key] = id
				fkind = append(fkind, kind)
				df = append(df, 0)
				dfArt = append(dfArt, map[int]bool{})
			}
			if seen[id] {
				return
			}
			seen[id] = true
			df[id]++
			dfArt[id][it.art] = true
			feats[i] = append(feats[i], feature{id: id, kind: kind})
		}
		for _, st := range f.Stems {
			add("s:"+st, 's')
		}
		for _, e := range f.Entities {
			add("e:"+itoa(s.gid[it.art][e]), 'e')
		}
		for _, v := range f.Values {
			switch v.Kind {
			case crosscheck.ValueDate:
				if !v.Time.IsZero() {
					add("d:"+v.Time.Format("2006-01-02"), 'd')
				}
			case crosscheck.ValueTime:
				add("t:"+roundKey(v.Min), 'v')
			case crosscheck.ValuePlace:
				// places are entities already
			default:
				if v.Unit != "" {
					add("v:"+string(v.Kind)+":"+v.Unit+":"+roundKey(v.Min)+":"+roundKey(v.Max), 'v')
					// the exact number too: "26 countries" and "as many as 26 countries"
					add("n:"+string(v.Kind)+":"+v.Unit+":"+numberOf(v.Text), 'v')
					// a distinctive figure whatever it counts: "140 employees" / "140 staff"
					if n := numberOf(v.Text); len(n) >= 2 && n[0] != '0' {
						add("x:"+n, 'v')
					}
				}
			}
		}
	}
	nArts := float64(len(s.ans))
	weight := func(id int) float64 {
		w := wStem
		switch fkind[id] {
		case 'e':
			w = wEntity
		case 'v':
			w = wValue
		case 'd':
			w = wDate
		}
		return w * math.Log(1+nArts/float64(len(dfArt[id])))
	}
	total := make([]float64, n)
	for i := range feats {
		for k := range feats[i] {
			feats[i][k].weight = weight(feats[i][k].id)
			total[i] += feats[i][k].weight
		}
	}
	postings := make([][]int, len(fid))
	for i := range feats {
		for _, ft := range feats[i] {
			postings[ft.id] = append(postings[ft.id], i)
		}
	}
	type pair struct {
		a, b  int
		score float64
	}
	var pairs []pair
	linked := map[[2]int]bool{}
	shared := make([]float64, n)
	sharedEnt := make([]int32, n)
	sharedVal := make([]int32, n)
	sharedOther := make([]int32, n)
	var touched []int
	for i := range feats {
		for _, j := range touched {
			shared[j], sharedEnt[j], sharedVal[j], sharedOther[j] = 0, 0, 0, 0
		}
		touched = touched[:0]
		for _, ft := range feats[i] {
			p := postings[ft.id]
			if len(p) > maxPosting {
				continue
			}
			for _, j := range p {
				if j <= i || s.items[j].art == s.items[i].art {
					continue
				}
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j] += ft.weight
				switch ft.kind {
				case 'e':
					sharedEnt[j]++
					sharedOther[j]++
				case 'v':
					sharedVal[j]++
				default:
					sharedOther[j]++
				}
			}
		}
		for _, j := range touched {
			w := shared[j]
			score := 2 * w / (total[i] + total[j])
			ok := score >= s.opts.MinScore ||
				score >= 0.25 && sharedEnt[j] >= 3 ||
				score >= 0.35 && sharedEnt[j] >= 1 && sharedOther[j] >= 7 ||
				score >= 0.15 && sharedVal[j] >= 1 && sharedOther[j] >= 2
			if ok {
				pairs = append(pairs, pair{i, j, score})
				linked[[2]int{i, j}] = true
			}
		}
	}
	sort.Slice(pairs, func(x, y int) bool {
		if pairs[x].score != pairs[y].score {
			return pairs[x].score > pairs[y].score
		}
		if pairs[x].a != pairs[y].a {
			return pairs[x].a < pairs[y].a
		}
		return pairs[x].b < pairs[y].b
	})
	// greedy merge: a group holds at most one sentence per article, so it
	// cannot chain through one article into unrelated facts
	group := make([]int, n)
	members := make([][]int, n)
	arts := make([]map[int]bool, n)
	for i := range group {
		group[i] = i
		members[i] = []int{i}
		arts[i] = map[int]bool{s.items[i].art: true}
	}
	failed := map[[2]int]bool{}
	for _, p := range pairs {
		ga, gb := group[p.a], group[p.b]
		if ga == gb {
			continue
		}
		fk := [2]int{min(ga, gb), max(ga, gb)}
		if failed[fk] {
			continue // groups only grow: a failed merge stays failed
		}
		clash := false
		for a := range arts[gb] {
			if arts[ga][a] {
				clash = true
				break
			}
		}
		// most sentences of one group must be linked to most of the other
		// (at least half of the pairs): groups grow past a paraphrase that
		// shares little with one member, but do not chain
		if !clash {
			nl, np := 0, 0
			for _, x := range members[ga] {
				for _, y := range members[gb] {
					a, b := x, y
					if a > b {
						a, b = b, a
					}
					np++
					if linked[[2]int{a, b}] {
						nl++
					}
				}
			}
			clash = nl*2 < np
		}
		// two sentences that give one slot different figures state two
		// versions of a fact, not one fact: "all 241 passengers" and
		// "carrying 214 passengers" are never one claim
		for _, x := range members[ga] {
			if clash {
				break
			}
			for _, y := range members[gb] {
				if disagree(slots[x], slots[y]) {
					clash = true
					break
				}
			}
		}
		if clash {
			failed[fk] = true
			continue
		}
		if len(members[ga]) < len(members[gb]) {
			ga, gb = gb, ga
		}
		for _, m := range members[gb] {
			group[m] = ga
			members[ga] = append(members[ga], m)
		}
		for a := range arts[gb] {
			arts[ga][a] = true
		}
		members[gb] = nil
		arts[gb] = nil
	}
	s.claimOf = make([]int, n)
	groupClaim := map[int]int{}
	for i := 0; i < n; i++ {
		g := group[i]
		c, ok := groupClaim[g]
		if !ok {
			s.claims = append(s.claims, claimGroup{})
			c = len(s.claims) - 1
			groupClaim[g] = c
		}
		s.claimOf[i] = c
		s.claims[c].items = append(s.claims[c].items, i)
	}
}

// numberOf returns the digits or number word of a value text.
func numberOf(text string) string {
	var b []byte
	for i := 0; i < len(text); i++ {
		c := text[i]
		if c >= '0' && c <= '9' || c == '.' && len(b) > 0 {
			b = append(b, c)
		} else if len(b) > 0 && c != ',' {
			break
		}
	}
	if len(b) == 0 {
		return text
	}
	return string(b)
}

// itemSlot is a value of an item with its slot's bucket key.
type itemSlot struct {
	key string
	v   *claim.ValueFact
}

// itemSlots returns, per item, its values that have a slot.
func (s *state) itemSlots() [][]itemSlot {
	out := make([][]itemSlot, len(s.items))
	for i, it := range s.items {
		f := &s.ans[it.art].Facts[it.fact]
		for vi := range f.Values {
			v := &f.Values[vi]
			if !usable(v) {
				continue
			}
			r := slotRef{item: i, art: it.art, v: v, holder: -1, place: -1}
			if v.Holder >= 0 && v.Holder < len(s.gid[it.art]) {
				r.holder = s.gid[it.art][v.Holder]
			}
			if v.Place >= 0 && v.Place < len(s.gid[it.art]) {
				r.place = s.gid[it.art][v.Place]
			}
			r.subj = subjectOf(s.subjectKey(it.art, v.SubjectKey, v.Subject))
			if k := s.bucketKey(r); k != "" {
				out[i] = append(out[i], itemSlot{k, v})
			}
		}
	}
	return out
}

// disagree reports two items that give one slot incompatible figures.
func disagree(a, b []itemSlot) bool {
	for _, x := range a {
		for _, y := range b {
			if x.key == y.key && !agree(x.v, y.v) {
				return true
			}
		}
	}
	return false
}
