package story

import (
	"cmp"
	"math"
	"slices"

	"github.com/crosscheck-news/crosscheck"
)

// Placement is where PlaceBatch put one article.
type Placement struct {
	// StoryID is the story the article joined or opened.
	StoryID string
	// IsNew is true when the article opened the story.
	IsNew bool
}

// maxChunk caps the articles clustered together: the cost of clustering a
// chunk grows with its square.
const maxChunk = 256

// Place assigns a to the story it reports, opening a new story when no
// recent story is similar enough, and returns the story's ID. It is
// PlaceBatch of one article; see there.
func (c *Clusterer) Place(a *crosscheck.Article) (storyID string, isNew bool) {
	p := c.PlaceBatch([]*crosscheck.Article{a})
	return p[0].StoryID, p[0].IsNew
}

// PlaceBatch assigns each article of a batch to a story and returns the
// placements in input order. The articles of the batch are first grouped
// among themselves (average-link clustering, so the grouping hardly
// depends on their order), then each group joins the most similar recent
// story or opens a new one. Placing an article already placed returns its
// story unchanged, so re-running a batch changes nothing. A near duplicate
// (DuplicateOf) joins its original's story. Batches over 256 articles are
// placed 256 at a time.
func (c *Clusterer) PlaceBatch(as []*crosscheck.Article) []Placement {
	out := make([]Placement, len(as))
	for lo := 0; lo < len(as); lo += maxChunk {
		hi := min(lo+maxChunk, len(as))
		c.placeChunk(as[lo:hi], out[lo:hi])
	}
	return out
}

// item is one article of a chunk being placed.
type item struct {
	a     *crosscheck.Article
	f     features
	group int  // index in groups; -1 until grouped
	dupOf int  // index of the chunk article it duplicates, or -1
	done  bool // placed already (a re-run) or a duplicate of a placed article
	story *story
}

// probe is a group of articles compared with stories: the sum of the
// members' unit vectors.
type probe struct {
	tf  []tw      // sum of members' normalised term weights (no IDF)
	vec []float64 // sum of members' unit TF-IDF vectors
	n   int
	d   day
}

func (c *Clusterer) placeChunk(as []*crosscheck.Article, out []Placement) {
	items := make([]item, len(as))
	firstByID := map[string]int{}
	for i, a := range as {
		it := &items[i]
		it.a, it.group, it.dupOf = a, -1, -1
		if a.ID != "" {
			if s, ok := c.placed[a.ID]; ok {
				it.done, it.story = true, s
				continue
			}
			if j, ok := firstByID[a.ID]; ok {
				it.dupOf = j
				continue
			}
			firstByID[a.ID] = i
		}
		it.f = c.analyse(a)
		c.advance(a)
		if a.DuplicateOf != "" {
			if j, ok := firstByID[a.DuplicateOf]; ok && j < i {
				it.dupOf = j
				continue
			}
			if s, ok := c.placed[a.DuplicateOf]; ok && c.stories[s.seq] == s {
				it.done, it.story = true, s
				c.join(s, a, &it.f, false)
				continue
			}
		}
		// Statistics include the article before it is weighed, so none
		// of its terms has a zero document frequency.
		for _, t := range it.f.tf {
			c.df[t.id]++
		}
		c.nDocs++
	}
	var live []int
	for i := range items {
		if !items[i].done && items[i].dupOf < 0 {
			c.weigh(&items[i].f)
			live = append(live, i)
		}
	}
	groups := c.group(items, live)
	// Groups are kept apart from one another: only stories from earlier
	// chunks are candidates.
	oldest := c.nextSeq
	for _, g := range groups {
		p := c.probeOf(items, g)
		best, sim := c.best(&p, oldest)
		var s *story
		isNew := false
		if best != nil && sim >= c.opts.Threshold {
			s = best
		} else {
			s = c.open(items[g[0]].a)
			isNew = true
		}
		for k, i := range g {
			it := &items[i]
			it.story = s
			c.join(s, it.a, &it.f, true)
			out[i] = Placement{StoryID: s.id, IsNew: isNew && k == 0}
		}
	}
	for i := range items {
		it := &items[i]
		switch {
		case it.dupOf >= 0:
			it.story = items[it.dupOf].story
			if it.a.ID != items[it.dupOf].a.ID {
				c.join(it.story, it.a, &it.f, false)
			}
			out[i] = Placement{StoryID: it.story.id}
		case it.done:
			out[i] = Placement{StoryID: it.story.id}
		}
	}
}

// group clusters the live items of a chunk by average link: two groups
// merge while the mean similarity of their articles' pairs reaches
// PairThreshold. Groups come back in the order of their first article,
// members in chunk order.
func (c *Clusterer) group(items []item, live []int) [][]int {
	n := len(live)
	if n == 0 {
		return nil
	}
	if n == 1 {
		return [][]int{{live[0]}}
	}
	// sum[i][j] is the sum of pair similarities between groups i and j.
	sum := make([][]float64, n)
	for i := range sum {
		sum[i] = make([]float64, n)
	}
	for x := 0; x < n; x++ {
		fx := &items[live[x]].f
		for y := x + 1; y < n; y++ {
			fy := &items[live[y]].f
			s := dotFeatures(fx, fy)
			if s == 0 {
				continue
			}
			s *= c.dayFactor(fx.d, fy.d)
			sum[x][y], sum[y][x] = s, s
		}
	}
	size := make([]int, n)
	members := make([][]int, n)
	for i := range size {
		size[i] = 1
		members[i] = []int{live[i]}
	}
	th := c.opts.PairThreshold
	for {
		bx, by, bs := -1, -1, th
		for x := 0; x < n; x++ {
			if size[x] == 0 {
				continue
			}
			row := sum[x]
			for y := x + 1; y < n; y++ {
				if size[y] == 0 || row[y] == 0 {
					continue
				}
				if v := row[y] / float64(size[x]*size[y]); v >= bs && (v > bs || bx < 0) {
					bx, by, bs = x, y, v
				}
			}
		}
		if bx < 0 {
			break
		}
		for k := 0; k < n; k++ {
			sum[bx][k] += sum[by][k]
			sum[k][bx] = sum[bx][k]
		}
		size[bx] += size[by]
		size[by] = 0
		members[bx] = append(members[bx], members[by]...)
		members[by] = nil
	}
	var out [][]int
	for x := 0; x < n; x++ {
		if size[x] > 0 {
			slices.Sort(members[x])
			out = append(out, members[x])
		}
	}
	slices.SortFunc(out, func(a, b []int) int { return cmp.Compare(a[0], b[0]) })
	return out
}

func dotFeatures(a, b *features) float64 {
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

// probeOf sums the vectors of a group's articles; its day is the day most
// of them give.
func (c *Clusterer) probeOf(items []item, g []int) probe {
	var p probe
	votes := map[day]float64{}
	for _, i := range g {
		f := &items[i].f
		p.tf = mergeTerms(p.tf, f.tf)
		if f.d != noDay {
			votes[f.d] += float64(f.dkind)
		}
	}
	p.n = len(g)
	p.d = bestDay(votes)
	p.vec = make([]float64, len(p.tf))
	for k, t := range p.tf {
		p.vec[k] = float64(t.w) * c.idf(t.id)
	}
	return p
}

// best returns the most similar candidate story opened before seq before,
// and its similarity.
func (c *Clusterer) best(p *probe, before int32) (*story, float64) {
	if len(p.tf) == 0 {
		return nil, 0
	}
	// The probe's heaviest terms find the candidates.
	order := make([]int, len(p.tf))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		if c := cmp.Compare(p.vec[y], p.vec[x]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	if len(order) > queryTerms {
		order = order[:queryTerms]
	}
	clear(c.hits)
	for _, i := range order {
		for _, seq := range c.index[p.tf[i].id] {
			if _, ok := c.stories[seq]; ok && seq < before {
				c.hits[seq] += p.vec[i]
			}
		}
	}
	cands := make([]int32, 0, len(c.hits))
	for seq := range c.hits {
		cands = append(cands, seq)
	}
	slices.SortFunc(cands, func(x, y int32) int {
		if c := cmp.Compare(c.hits[y], c.hits[x]); c != 0 {
			return c
		}
		return cmp.Compare(y, x)
	})
	if len(cands) > c.opts.Candidates {
		cands = cands[:c.opts.Candidates]
	}
	var best *story
	bestSim := 0.0
	pnorm := 0.0
	for _, v := range p.vec {
		pnorm += v * v
	}
	pnorm = math.Sqrt(pnorm)
	for _, seq := range cands {
		s := c.stories[seq]
		sim := c.similarity(p, pnorm, s)
		if sim > bestSim || (sim == bestSim && best != nil && s.seq > best.seq) {
			best, bestSim = s, sim
		}
	}
	return best, bestSim
}

// similarity is the cosine of the probe's vector and the story's centroid
// under the current IDF, times the time penalty.
func (c *Clusterer) similarity(p *probe, pnorm float64, s *story) float64 {
	tp := c.timeFactor(p.d, s)
	if tp == 0 || pnorm == 0 {
		return 0
	}
	if s.normN != c.nDocs && (s.norm == 0 || c.nDocs > s.normN*1.05+1) {
		var ss float64
		for _, t := range s.terms {
			v := float64(t.w) * c.idf(t.id)
			ss += v * v
		}
		s.norm, s.normN = math.Sqrt(ss), c.nDocs
	}
	if s.norm == 0 {
		return 0
	}
	var dot float64
	i, j := 0, 0
	for i < len(p.tf) && j < len(s.terms) {
		switch {
		case p.tf[i].id < s.terms[j].id:
			i++
		case p.tf[i].id > s.terms[j].id:
			j++
		default:
			dot += p.vec[i] * float64(s.terms[j].w) * c.idf(s.terms[j].id)
			i++
			j++
		}
	}
	if linkMode == 1 {
		return dot / float64(p.n*max(s.nvec, 1)) * tp
	}
	return dot / (pnorm * s.norm) * tp
}

var linkMode = 0

// dayFactor is timeFactor for two articles' days.
func (c *Clusterer) dayFactor(a, b day) float64 {
	if a == noDay || b == noDay {
		return 1
	}
	gap := a - b
	if gap < 0 {
		gap = -gap
	}
	if gap > c.window {
		return 0
	}
	if gap <= 1 {
		return 1
	}
	return math.Exp(-float64(gap-1) / c.scale)
}
