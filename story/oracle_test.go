package story

import (
	"slices"
	"sort"
	"strconv"
	"math"
	"fmt"
	"os"
	"strings"
	"testing"
)

func TestPrewarm(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	f, _ := os.Open(ecbPath)
	arts, gold, _ := ReadGold(f)
	for _, th := range []float64{0.15, 0.2, 0.25, 0.3, 0.35} {
		c := NewClusterer(Options{Threshold: th})
		for _, a := range arts {
			ft := c.analyse(a)
			for _, t := range ft.tf {
				c.df[t.id]++
			}
			c.nDocs++
		}
		c.nDocs -= float64(len(arts))
		for _, t := range c.df {
			_ = t
		}
		for i := range c.df {
			c.df[i] = max(c.df[i]-1, 0)
		}
		got := make([]string, len(arts))
		for i, a := range arts {
			got[i], _ = c.Place(a)
		}
		s := Score(got, gold)
		fmt.Printf("prewarm th=%.2f P %.3f R %.3f F1 %.3f k=%d\n", th, s.BCubedP, s.BCubedR, s.BCubedF1, s.Clusters)
	}
}

func storySim(c *Clusterer, a, b *story) float64 {
	var dot, na, nb float64
	i, j := 0, 0
	for _, t := range a.terms {
		v := float64(t.w) * c.idf(t.id)
		na += v * v
	}
	for _, t := range b.terms {
		v := float64(t.w) * c.idf(t.id)
		nb += v * v
	}
	for i < len(a.terms) && j < len(b.terms) {
		switch {
		case a.terms[i].id < b.terms[j].id:
			i++
		case a.terms[i].id > b.terms[j].id:
			j++
		default:
			idf := c.idf(a.terms[i].id)
			dot += float64(a.terms[i].w) * float64(b.terms[j].w) * idf * idf
			i++
			j++
		}
	}
	if na == 0 || nb == 0 {
		return 0
	}
	return dot / math.Sqrt(na*nb)
}

func TestMergeProto(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	f, _ := os.Open(ecbPath)
	arts, gold, _ := ReadGold(f)
	for _, th1 := range []float64{0.25, 0.3, 0.35, 0.4} {
		for _, th2 := range []float64{0.2, 0.25, 0.3, 0.35, 0.4, 0.45} {
			c := NewClusterer(Options{Threshold: th1})
			got := make([]string, len(arts))
			for i, a := range arts {
				got[i], _ = c.Place(a)
			}
			// union-find over stories by greedy merging
			var ss []*story
			for _, s := range c.stories {
				ss = append(ss, s)
			}
			parent := map[string]string{}
			for {
				bi, bj, bs := -1, -1, th2
				for i := range ss {
					for j := i + 1; j < len(ss); j++ {
						if s := storySim(c, ss[i], ss[j]); s > bs {
							bi, bj, bs = i, j, s
						}
					}
				}
				if bi < 0 {
					break
				}
				a, b := ss[bi], ss[bj]
				a.terms = mergeTerms(a.terms, b.terms)
				a.nvec += b.nvec
				parent[b.id] = a.id
				ss = append(ss[:bj], ss[bj+1:]...)
			}
			find := func(x string) string {
				for parent[x] != "" {
					x = parent[x]
				}
				return x
			}
			for i := range got {
				got[i] = find(got[i])
			}
			s := Score(got, gold)
			fmt.Printf("merge th1=%.2f th2=%.2f P %.3f R %.3f F1 %.3f k=%d\n", th1, th2, s.BCubedP, s.BCubedR, s.BCubedF1, s.Clusters)
		}
	}
}

func TestDatesECB(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	f, _ := os.Open(ecbPath)
	arts, gold, _ := ReadGold(f)
	years := map[string]map[int]int{}
	n := 0
	for i, a := range arts {
		d, ok := EventDate(a)
		if !ok {
			continue
		}
		n++
		if years[gold[i]] == nil {
			years[gold[i]] = map[int]int{}
		}
		years[gold[i]][d.Year()]++
	}
	fmt.Println("dated", n, "of", len(arts))
	for g := 1; g <= 45; g++ {
		fmt.Println(g, years[fmt.Sprintf("%d_ecb", g)], years[fmt.Sprintf("%d_ecbplus", g)])
	}
}

func sparseDot(a, b *features) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(a.tf) && j < len(b.tf) {
		switch {
		case a.tf[i].id < b.tf[j].id:
			i++
		case a.tf[i].id > b.tf[j].id:
			j++
		default:
			dot += a.vec[i] * b.vec[j]
			i++
			j++
		}
	}
	return dot
}

func setX() {
	if v := os.Getenv("X_LEADN"); v != "" {
		xLeadN, _ = strconv.Atoi(v)
	}
	if v := os.Getenv("X_LEAD"); v != "" {
		xLead, _ = strconv.ParseFloat(v, 64)
	}
	if v := os.Getenv("X_IDF"); v != "" {
		xIdfPow, _ = strconv.ParseFloat(v, 64)
	}
	if v := os.Getenv("X_BIGRAM"); v != "" {
		xBigram = true
		xBigramW, _ = strconv.ParseFloat(v, 64)
	}
}

func TestPairs(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	setX()
	f, _ := os.Open(ecbPath)
	arts, gold, _ := ReadGold(f)
	eb, _ := strconv.ParseFloat(os.Getenv("STORY_EB"), 64)
	c := NewClusterer(Options{EntityBoost: eb})
	feats := make([]features, len(arts))
	for i, a := range arts {
		feats[i] = c.analyse(a)
		for _, t := range feats[i].tf {
			c.df[t.id]++
		}
		c.nDocs++
	}
	for i := range feats {
		c.weigh(&feats[i])
	}
	topic := func(g string) string { return g[:strings.Index(g, "_")] }
	var same, sib []float64
	firstOK, firstN := 0, 0
	for i := range arts {
		bs, bx := -1.0, -1.0
		for j := range arts {
			if i == j || topic(gold[i]) != topic(gold[j]) {
				continue
			}
			s := sparseDot(&feats[i], &feats[j])
			if gold[i] == gold[j] {
				if j > i {
					same = append(same, s)
				}
				bs = max(bs, s)
			} else {
				if j > i {
					sib = append(sib, s)
				}
				bx = max(bx, s)
			}
		}
		firstN++
		if bs > bx {
			firstOK++
		}
	}
	// AUC
	wins := 0.0
	for _, a := range same {
		for _, b := range sib {
			if a > b {
				wins++
			} else if a == b {
				wins += 0.5
			}
		}
	}
	sort.Float64s(same)
	sort.Float64s(sib)
	fmt.Printf("AUC %.3f  nn-correct %d/%d  same median %.2f  sib median %.2f sib p90 %.2f same p10 %.2f\n", wins/float64(len(same)*len(sib)), firstOK, firstN,
		same[len(same)/2], sib[len(sib)/2], sib[len(sib)*9/10], same[len(same)/10])
}

func TestAvgLink(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	f, _ := os.Open(ecbPath)
	arts, gold, _ := ReadGold(f)
	eb, _ := strconv.ParseFloat(os.Getenv("STORY_EB"), 64)
	c := NewClusterer(Options{EntityBoost: eb})
	feats := make([]features, len(arts))
	for i, a := range arts {
		feats[i] = c.analyse(a)
		for _, t := range feats[i].tf {
			c.df[t.id]++
		}
		c.nDocs++
	}
	for i := range feats {
		c.weigh(&feats[i])
	}
	n := len(arts)
	sim := make([][]float64, n)
	for i := range sim {
		sim[i] = make([]float64, n)
	}
	for i := 0; i < n; i++ {
		for j := i + 1; j < n; j++ {
			s := sparseDot(&feats[i], &feats[j])
			sim[i][j], sim[j][i] = s, s
		}
	}
	for _, th := range []float64{0.16, 0.2, 0.24} {
		// clusters as lists; cluster-sim = sum of pair sims
		size := make([]int, n)
		S := make([][]float64, n)
		for i := range S {
			S[i] = slices.Clone(sim[i])
			size[i] = 1
		}
		alive := make([]bool, n)
		lab := make([]int, n)
		for i := range alive {
			alive[i] = true
			lab[i] = i
		}
		within := make([]float64, n) // sum of pair sims inside
		lambda, _ := strconv.ParseFloat(os.Getenv("X_LAMBDA"), 64)
		wcap, _ := strconv.ParseFloat(os.Getenv("X_WCAP"), 64)
		if wcap == 0 {
			wcap = 1
		}
		wavg := func(i int) float64 {
			if size[i] < 2 {
				return -1
			}
			return min(wcap, within[i]/float64(size[i]*(size[i]-1)/2))
		}
		for {
			bi, bj, bs := -1, -1, th
			for i := 0; i < n; i++ {
				if !alive[i] {
					continue
				}
				for j := i + 1; j < n; j++ {
					if alive[j] {
						if v := S[i][j] / float64(size[i]*size[j]); v > bs {
							wi, wj := wavg(i), wavg(j)
							w := max(wi, wj)
							if wi >= 0 && wj >= 0 {
								w = min(wi, wj)
							}
							if lambda > 0 && w > 0 && v < lambda*w {
								continue
							}
							bi, bj, bs = i, j, v
						}
					}
				}
			}
			if bi < 0 {
				break
			}
			within[bi] += within[bj] + S[bi][bj]
			for k := 0; k < n; k++ {
				S[bi][k] += S[bj][k]
				S[k][bi] = S[bi][k]
			}
			size[bi] += size[bj]
			alive[bj] = false
			for k := range lab {
				if lab[k] == bj {
					lab[k] = bi
				}
			}
		}
		got := make([]string, n)
		for i := range got {
			got[i] = strconv.Itoa(lab[i])
		}
		s0 := Score(got, gold)
		fmt.Printf("avglink th=%.2f P %.3f R %.3f F1 %.3f k=%d\n", th, s0.BCubedP, s0.BCubedR, s0.BCubedF1, s0.Clusters)
		for iter := 0; iter < 3; iter++ {
			cent := map[int][]tw{}
			for i := range feats {
				cent[lab[i]] = mergeTerms(cent[lab[i]], feats[i].tf)
			}
			newLab := slices.Clone(lab)
			for i := range feats {
				neg := make([]tw, len(feats[i].tf))
				for k, x := range feats[i].tf {
					neg[k] = tw{id: x.id, w: -x.w}
				}
				bl, bs := lab[i], -1.0
				for l, ct := range cent {
					terms := ct
					if l == lab[i] {
						terms = mergeTerms(ct, neg)
					}
					st := &story{terms: terms, first: noDay}
					p := probe{tf: feats[i].tf, vec: feats[i].vec, n: 1, d: noDay}
					if sim := c.similarity(&p, 1, st); sim > bs || (sim == bs && l < bl) {
						bl, bs = l, sim
					}
				}
				newLab[i] = bl
			}
			lab = newLab
			for i := range got {
				got[i] = strconv.Itoa(lab[i])
			}
			s := Score(got, gold)
			fmt.Printf("  refine %d P %.3f R %.3f F1 %.3f k=%d\n", iter, s.BCubedP, s.BCubedR, s.BCubedF1, s.Clusters)
		}
		comp := map[string]map[string]int{}
		for i := range got {
			if comp[got[i]] == nil {
				comp[got[i]] = map[string]int{}
			}
			comp[got[i]][gold[i]]++
		}
		for _, m := range comp {
			if len(m) > 1 {
				fmt.Println("   mixed", m)
			}
		}
		s := Score(got, gold)
		fmt.Printf("final th=%.2f P %.3f R %.3f F1 %.3f k=%d\n", th, s.BCubedP, s.BCubedR, s.BCubedF1, s.Clusters)
	}
}

func TestNNOnline(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	f, _ := os.Open(ecbPath)
	arts, gold, _ := ReadGold(f)
	setX()
	for _, online := range []bool{true} {
		for _, th := range []float64{0.2, 0.25, 0.3, 0.35, 0.4} {
			c := NewClusterer(Options{})
			feats := make([]features, len(arts))
			for i, a := range arts {
				feats[i] = c.analyse(a)
				if !online {
					for _, t := range feats[i].tf {
						c.df[t.id]++
					}
					c.nDocs++
				}
			}
			lab := make([]int, len(arts))
			for i := range arts {
				if online {
					for _, t := range feats[i].tf {
						c.df[t.id]++
					}
					c.nDocs++
				}
				c.weigh(&feats[i])
				bj, bs := -1, th
				for j := 0; j < i; j++ {
					if s := sparseDot(&feats[i], &feats[j]); s >= bs {
						bj, bs = j, s
					}
				}
				if bj < 0 {
					lab[i] = i
				} else {
					lab[i] = lab[bj]
				}
			}
			got := make([]string, len(arts))
			for i := range got {
				got[i] = strconv.Itoa(lab[i])
			}
			s := Score(got, gold)
			fmt.Printf("nn online=%v th=%.2f P %.3f R %.3f F1 %.3f k=%d\n", online, th, s.BCubedP, s.BCubedR, s.BCubedF1, s.Clusters)
		}
	}
}
