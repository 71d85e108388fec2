package story

import (
	"cmp"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"

	"github.com/crosscheck-news/crosscheck"
)

// Placement is where PlaceBatch put one article.
type Placement struct {
	// StoryID is the story the article joined or opened.
	StoryID string
	// IsNew is true when the article opened the story.
	IsNew bool
}

// Limits that keep placing cheap: a chunk's clustering grows with the
// square of its size.
const (
	maxChunk     = 1000 // articles clustered together
	minEdge      = 0.04 // pair similarities below this are not kept
	refinePasses = 2
	// postingBudget caps the index entries read to find one article's
	// candidate stories.
	postingBudget = 600
	// cohesionCap caps the within-group similarity the cohesion test asks
	// for: near-identical wire copies must not keep fragments apart.
	cohesionCap = 0.35
	// loneMove is the least centroid similarity for a lone article to
	// leave the group average link left it in.
	loneMove = 0.3
	// lonePrior stands for the cohesion of a lone article.
	lonePrior = 0.3
	// contrastFactor multiplies the similarity of two articles that give
	// one slot different values (see contrast): the pair counts against
	// their groups' merging, by half its likeness.
	contrastFactor = -0.5
)

// Short items (a headline, a headline and a line) share few words even
// when they report one event, and two reports of one event by wire are
// often near copies: a tight pair or trio of headlines is no sign of an
// event of its own. Between groups of mostly short items, average link
// asks less; a larger group's tightness still counts in full, so two
// look-alike events told in headlines stay apart.
const (
	// shortTerms is the most distinct terms of a short item.
	shortTerms = 25
	// shortPair is PairThreshold's counterpart between short groups, at
	// most PairThreshold.
	shortPair = 0.12
	// shortLone stands for lonePrior; shortCap for cohesionCap in a group
	// of at most shortSmall articles.
	shortLone  = 0.25
	shortCap   = 0.12
	shortSmall = 5
	// headlineTerms is the most distinct terms of a headline alone.
	headlineTerms = 15
	// commonOnly multiplies the similarity of two headlines that share
	// no name and no number (see sharesName): common words alone ("quake
	// hits", "charged with murder") tell a kind of event, not which.
	commonOnly = 0.75
)

// Place assigns a to the story it reports, opening a new story when no
// recent story is similar enough, and returns the story's ID. It is
// PlaceBatch of one article; see there.
func (c *Clusterer) Place(a *crosscheck.Article) (storyID string, isNew bool) {
	p := c.PlaceBatch([]*crosscheck.Article{a})
	return p[0].StoryID, p[0].IsNew
}

// PlaceBatch assigns each article of a batch to a story and returns the
// placements in input order.
//
// The articles of the batch and the recent stories they resemble are
// clustered together by average link: two groups merge while the mean
// similarity of their articles' pairs reaches PairThreshold and is not
// much lower than the similarity inside each group (Cohesion), and two
// stories placed earlier never merge. Then each article may move to the
// group whose centroid it is closest to. So the result hardly depends on
// the order of the batch, and an article's story is final when PlaceBatch
// returns. Placing an article already placed returns its story unchanged,
// so re-running a batch changes nothing. A near duplicate (DuplicateOf)
// joins its original's story. Batches over 1,000 articles are placed 1,000 at
// a time.
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
	dupOf int  // index of the chunk article it duplicates, or -1
	done  bool // placed already (a re-run) or a duplicate of a placed article
	story *story
}

// node is a cluster while a chunk is clustered: articles of the chunk and
// at most one story placed earlier.
type node struct {
	items  []int // live item indices
	old    *story
	size   int     // articles, the old story's included
	shorts int     // of those, the short items
	within float64 // sum of the similarities of its pairs of articles
	edges  map[int]float64
}

func (c *Clusterer) placeChunk(as []*crosscheck.Article, out []Placement) {
	if c.sinceCompact >= compactEvery {
		c.compact()
		c.sinceCompact = 0
	}
	c.sinceCompact += len(as)
	// The vectors of the last chunk's articles are dead: reuse them.
	for w := range c.scratch {
		sc := &c.scratch[w]
		sc.tfSlab, sc.vecSlab = sc.tfSlab[:0], sc.vecSlab[:0]
	}
	items := make([]item, len(as))
	firstByID := map[string]int{}
	var todo []int
	for i, a := range as {
		it := &items[i]
		it.a, it.dupOf = a, -1
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
		todo = append(todo, i)
	}
	// Tokenising and dating need no shared state: two at a time. The
	// drafts' slices and the token buffers are reused chunk after chunk.
	if len(c.drafts) < len(todo) {
		c.drafts = append(c.drafts, make([]draft, len(todo)-len(c.drafts))...)
	}
	drafts := c.drafts[:len(todo)]
	c.parallel(len(todo), func(w, k int) {
		c.toks[w] = c.draft(as[todo[k]], &drafts[k], c.toks[w])
	})
	// How words are written in the whole chunk tells names in its
	// headlines, whatever the order of the chunk.
	for k := range drafts {
		c.learnCase(&drafts[k])
	}
	for k := range drafts {
		c.resolve(&drafts[k])
	}
	c.parallel(len(todo), func(w, k int) {
		items[todo[k]].f = c.finish(&drafts[k], &c.scratch[w])
		drafts[k].f = features{} // the item owns them now
	})
	for _, i := range todo {
		it := &items[i]
		a := it.a
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
	c.gen++ // the statistics changed
	var live []int
	for i := range items {
		if !items[i].done && items[i].dupOf < 0 {
			live = append(live, i)
		}
	}
	c.parallel(len(live), func(w, x int) {
		c.weigh(&items[live[x]].f, &c.scratch[w])
	})
	if len(live) > 0 {
		groups := c.cluster(items, live)
		for _, g := range groups {
			s, isNew := g.old, false
			if s == nil {
				s, isNew = c.open(items[g.items[0]].a), true
			}
			s.within = g.within
			for k, i := range g.items {
				it := &items[i]
				it.story = s
				c.join(s, it.a, &it.f, true)
				out[i] = Placement{StoryID: s.id, IsNew: isNew && k == 0}
			}
		}
		// The stories' vectors, one story per worker at a time, then
		// the index under their heaviest terms once this chunk's
		// articles are in.
		tops := make([][]tw, len(groups))
		c.parallel(len(groups), func(w, k int) {
			g := groups[k]
			s := items[g.items[0]].story
			for _, i := range g.items {
				c.addTerms(s, &items[i].f, &c.scratch[w])
			}
			tops[k] = slices.Clone(c.heaviestTerms(s.terms, postTerms, &c.scratch[w]))
		})
		for k, g := range groups {
			if s := items[g.items[0]].story; c.stories[s.seq] == s {
				c.postUnder(s, tops[k])
			}
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

// cluster groups the live items of a chunk, with the recent stories they
// resemble, and returns the groups holding items: in the order of their
// first item, items in chunk order.
func (c *Clusterer) cluster(items []item, live []int) []*node {
	nodes := make([]*node, 0, len(live))
	for _, i := range live {
		nodes = append(nodes, &node{items: []int{i}, size: 1, shorts: btoi(items[i].f.short), edges: map[int]float64{}})
	}
	link := func(x, y int, s float64) {
		nodes[x].edges[y] += s
		nodes[y].edges[x] += s
	}
	// Pairs of chunk articles that share a heavy term: each article's
	// heaviest terms, then the earlier articles posted under them and the
	// similarity with each, on two workers; linked in article order.
	heavy := make([][]int, len(live))
	c.parallel(len(live), func(_, x int) {
		if f := &items[live[x]].f; f.words > 0 { // a date line stays alone
			heavy[x] = heaviest(f.vec, queryTerms)
		}
	})
	post := &c.pairPost
	post.reset(len(c.names))
	for x, ks := range heavy {
		for _, k := range ks {
			post.add(items[live[x]].f.tf[k].id, x)
		}
	}
	type pair struct {
		y int
		s float64
	}
	pairs := make([][]pair, len(live))
	var seenBy [workerCount][]int // by worker: the article y was last compared with, plus one
	c.parallel(len(live), func(w, x int) {
		if seenBy[w] == nil {
			seenBy[w] = make([]int, len(live))
		}
		seen := seenBy[w]
		f := &items[live[x]].f
		for _, k := range heavy[x] {
			for _, y := range post.at(f.tf[k].id) {
				if y >= x {
					break // posted in article order: the earlier ones only
				}
				if seen[y] == x+1 {
					continue
				}
				seen[y] = x + 1
				g := &items[live[y]].f
				s := dotFeatures(f, g) * c.pairFactor(f, g)
				if headlines(f, g) && !sharesName(f.tf, g.tf) {
					s *= commonOnly
				}
				if s >= minEdge {
					if contrast(f.slots, g.slots) {
						s *= contrastFactor
					}
					pairs[x] = append(pairs[x], pair{y, s})
				}
			}
		}
	})
	for x, ps := range pairs {
		for _, p := range ps {
			link(x, p.y, p.s)
		}
	}
	// Recent stories, from earlier chunks only.
	// Each article's candidate stories and its similarity with each,
	// found by two workers that only read the clusterer, then linked in
	// article order.
	found := c.findOld(items, live, heavy)
	oldIdx := map[int32]int{}
	for x := range live {
		for _, l := range found[x] {
			s := l.s
			y, ok := oldIdx[s.seq]
			if !ok {
				y = len(nodes)
				oldIdx[s.seq] = y
				nodes = append(nodes, &node{old: s, size: s.nvec, shorts: s.shorts, within: s.within, edges: map[int]float64{}})
			}
			if l.linked {
				link(x, y, l.sum)
			}
		}
	}
	// Each article may later move to a group it was linked to.
	near := make([][]int, len(live))
	for x := range live {
		for y := range nodes[x].edges {
			near[x] = append(near[x], y)
		}
		slices.Sort(near[x])
	}
	parent := c.agglomerate(nodes)
	rep := func(x int) int {
		for parent[x] != x {
			x = parent[x]
		}
		return x
	}
	c.refine(items, live, nodes, near, rep)
	c.adopt(items, live, nodes, near, rep)
	var groups []*node
	for _, n := range nodes {
		if len(n.items) > 0 {
			slices.Sort(n.items)
			groups = append(groups, n)
		}
	}
	slices.SortFunc(groups, func(a, b *node) int { return cmp.Compare(a.items[0], b.items[0]) })
	return groups
}

// agglomerate merges nodes by average link until no pair qualifies. A
// merged node keeps the lower index; emptied nodes get size 0. It returns
// each node's parent: itself, or the node it was merged into.
func (c *Clusterer) agglomerate(nodes []*node) []int {
	parent := make([]int, len(nodes))
	for i := range parent {
		parent[i] = i
	}
	lambda := c.opts.Cohesion
	cohesion := func(n *node, short bool) float64 {
		lone, cp := lonePrior, cohesionCap
		if short {
			lone = shortLone
			if n.size <= shortSmall {
				cp = shortCap
			}
		}
		if n.size < 2 {
			return lone
		}
		return min(cp, n.within/float64(n.size*(n.size-1)/2))
	}
	// value is the pair's mean similarity when it may merge, else -1.
	value := func(x, y int, sum float64) float64 {
		n, m := nodes[x], nodes[y]
		if n.old != nil && m.old != nil {
			return -1
		}
		v := sum / float64(n.size*m.size)
		// Mostly short items on both sides.
		short := 2*n.shorts > n.size && 2*m.shorts > m.size
		th := c.opts.PairThreshold
		if short {
			th = min(th, shortPair)
		}
		if v < th {
			return -1
		}
		// Keep apart two groups that are each much tighter than they are
		// to one another: two look-alike events.
		w1, w2 := cohesion(n, short), cohesion(m, short)
		w := max(w1, w2)
		if w1 >= 0 && w2 >= 0 {
			w = min(w1, w2)
		}
		if w > 0 && v < lambda*w {
			return -1
		}
		return v
	}
	type cand struct {
		y int
		v float64
	}
	// better orders pairs: higher value, then lower indices.
	better := func(x int, a cand, b cand) bool {
		if a.v != b.v {
			return a.v > b.v
		}
		if b.y < 0 {
			return a.y >= 0
		}
		a1, a2 := min(x, a.y), max(x, a.y)
		b1, b2 := min(x, b.y), max(x, b.y)
		return a1 < b1 || a1 == b1 && a2 < b2
	}
	best := make([]cand, len(nodes))
	bestOf := func(x int) cand {
		b := cand{-1, -1}
		for y, sum := range nodes[x].edges {
			if v := value(x, y, sum); v >= 0 && better(x, cand{y, v}, b) {
				b = cand{y, v}
			}
		}
		return b
	}
	for x := range nodes {
		best[x] = bestOf(x)
	}
	for {
		bx := -1
		for x := range nodes {
			if best[x].y < 0 {
				continue
			}
			if bx < 0 || best[x].v > best[bx].v || best[x].v == best[bx].v && min(x, best[x].y) < min(bx, best[bx].y) ||
				best[x].v == best[bx].v && min(x, best[x].y) == min(bx, best[bx].y) && max(x, best[x].y) < max(bx, best[bx].y) {
				bx = x
			}
		}
		if bx < 0 {
			return parent
		}
		// Merge the higher index into the lower.
		bx, by := min(bx, best[bx].y), max(bx, best[bx].y)
		parent[by] = bx
		a, b := nodes[bx], nodes[by]
		a.within += b.within + a.edges[by]
		a.size += b.size
		a.shorts += b.shorts
		a.items = append(a.items, b.items...)
		if a.old == nil {
			a.old = b.old
		}
		delete(a.edges, by)
		for z, s := range b.edges {
			if z == bx {
				continue
			}
			a.edges[z] += s
			delete(nodes[z].edges, by)
			nodes[z].edges[bx] = a.edges[z]
		}
		b.size, b.items, b.edges, b.old = 0, nil, nil, nil
		best[by] = cand{-1, -1}
		best[bx] = bestOf(bx)
		for z, sum := range a.edges {
			if best[z].y == bx || best[z].y == by {
				best[z] = bestOf(z)
			} else if v := value(z, bx, sum); v >= 0 && better(z, cand{bx, v}, best[z]) {
				best[z] = cand{bx, v}
			}
		}
	}
}

// refine moves each article to the group whose centroid it is closest
// to, among the groups it was linked to, when that beats the group it is
// in (without itself) and reaches Threshold. Moves are decided on fixed
// centroids and applied together.
func (c *Clusterer) refine(items []item, live []int, nodes []*node, near [][]int, rep func(int) int) {
	where := make([]int, len(live)) // live position -> node
	pos := livePositions(items, live)
	for g, n := range nodes {
		for _, i := range n.items {
			where[pos[i]] = g
		}
	}
	cents := make([]*centroid, len(nodes)) // by node, made when needed
	alts := make([][]int, len(live))       // by live position: the other groups it was linked to
	best := make([]int, len(live))         // by live position: the group it moves to
	for pass := 0; pass < refinePasses; pass++ {
		// The groups to compare each article with, and the centroids
		// they need.
		var need []int
		needs := func(g int) {
			if cents[g] == nil && !slices.Contains(need, g) {
				need = append(need, g)
			}
		}
		for x := range live {
			g := where[x]
			alts[x] = alts[x][:0]
			for _, y := range near[x] {
				if h := rep(y); h != g && !slices.Contains(alts[x], h) {
					alts[x] = append(alts[x], h)
				}
			}
			if len(alts[x]) == 0 {
				continue
			}
			if !c.alone(nodes[g]) {
				needs(g)
			}
			for _, h := range alts[x] {
				needs(h)
			}
		}
		// Centroids, then each article's best group, two workers at a
		// time: both steps only read what the others write.
		c.parallel(len(need), func(w, k int) {
			v := c.centroidOf(items, nodes[need[k]], &c.scratch[w])
			cents[need[k]] = &v
		})
		c.parallel(len(live), func(_, x int) {
			best[x] = c.bestGroup(items, live[x], where[x], alts[x], nodes, cents)
		})
		type move struct{ x, from, to int }
		var moves []move
		for x, g := range where {
			if best[x] != g {
				moves = append(moves, move{x, g, best[x]})
			}
		}
		if len(moves) == 0 {
			return
		}
		for _, m := range moves {
			i := live[m.x]
			nodes[m.from].items = slices.DeleteFunc(nodes[m.from].items, func(v int) bool { return v == i })
			nodes[m.to].items = append(nodes[m.to].items, i)
			where[m.x] = m.to
			cents[m.from], cents[m.to] = nil, nil
		}
	}
}

// alone says average link kept an article alone in group n: a centroid,
// whose similarity grows with its size, overrules that only when clearly
// similar (see bestGroup).
func (c *Clusterer) alone(n *node) bool {
	return n.old == nil && len(n.items) < 2
}

// bestGroup returns the group among g (item i's own) and alts whose
// centroid is closest to item i, for refine; centroids are in cents.
func (c *Clusterer) bestGroup(items []item, i, g int, alts []int, nodes []*node, cents []*centroid) int {
	if len(alts) == 0 {
		return g
	}
	f := &items[i].f
	own, bar := 0.0, c.opts.Threshold
	if c.alone(nodes[g]) {
		bar = loneMove
	} else {
		own = cents[g].cosine(c, f, true)
	}
	best, bestSim := g, own
	for _, h := range alts {
		if c.clashes(items, f, nodes[h]) {
			continue
		}
		ct := cents[h]
		if ct.d != noDay && f.t != noDay && c.spanFactor(f.t, f.weekday, ct.d, ct.d) == 0 {
			continue
		}
		if s := ct.cosine(c, f, false); s > bestSim+1e-9 && s >= bar {
			best, bestSim = h, s
		}
	}
	return best
}

// workerCount is the most workers placing uses at once: its costliest
// steps scale to two cores, and more would hold more buffers.
const workerCount = 2

// parallel calls fn(w, k) for k from 0 to n-1 on up to two workers; w is
// the worker, 0 or 1, for the scratch, finder and token buffer it may use.
// Few calls run on one.
func (c *Clusterer) parallel(n int, fn func(w, k int)) {
	workers := min(workerCount, runtime.GOMAXPROCS(0), max(1, n/8))
	if workers <= 1 {
		for k := 0; k < n; k++ {
			fn(0, k)
		}
		return
	}
	// Each worker takes the next call from a shared counter, and the
	// caller is worker 0: when the machine is busy (two writers and a
	// database on two cores) and a worker gets no core, the others do its
	// share instead of waiting for it. Each worker's calls come in
	// increasing k.
	var next atomic.Int64
	run := func(w int) {
		for {
			k := int(next.Add(1) - 1)
			if k >= n {
				return
			}
			fn(w, k)
		}
	}
	var wg sync.WaitGroup
	for w := 1; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			run(w)
		}()
	}
	run(0)
	wg.Wait()
}

// centroid is a group's summed vector: weights without IDF, sorted by
// term.
type centroid struct {
	terms []tw
	norm  float64
	d     day
}

// scratch is the buffers of one worker building centroids and story
// vectors.
type scratch struct {
	merge [2][]tw
	votes []dayVote
	heap  []scoredTerm // heaviestTerms' and heaviestByID's
	heavy []tw         // heaviestTerms' result
	// finish's: by term, the weight summed so far of the article being
	// finished and whether a name or number gave it; the terms of tfAcc
	// that are not zero.
	tfAcc []float64
	tfEnt []bool
	tfIDs []uint32
	// tfSlab and vecSlab hold the vectors of a chunk's articles: nothing
	// keeps them past the chunk (stories copy what they add), so the next
	// chunk reuses the memory.
	tfSlab  []tw
	vecSlab []float64
}

// centroidOf sums a node's vectors, in the worker's scratch sc. Workers
// may build the centroids of different nodes at once.
func (c *Clusterer) centroidOf(items []item, n *node, sc *scratch) centroid {
	if n.old != nil && len(n.items) == 0 {
		// A story alone: its own terms, read only, and its latest day
		// (the one vote, which weighs nothing without vectors).
		d := noDay
		if n.old.nvec > 0 {
			d = n.old.last
		}
		return centroid{terms: n.old.terms, norm: c.storyNorm(n.old), d: d}
	}
	ct := centroid{d: noDay}
	// Day votes, few: a slice, not a map.
	votes := sc.votes[:0]
	vote := func(d day, w float64) {
		for k := range votes {
			if votes[k].d == d {
				votes[k].w += w
				return
			}
		}
		votes = append(votes, dayVote{d, w})
	}
	// Sums merged through two scratch buffers; the centroid gets a copy.
	terms := sc.merge[0][:0]
	if n.old != nil {
		terms = append(terms, n.old.terms...)
		if n.old.last != noDay {
			vote(n.old.last, float64(n.old.nvec))
		}
	}
	for _, i := range n.items {
		f := &items[i].f
		sc.merge[1] = mergeInto(sc.merge[1][:0], terms, f.tf)
		terms, sc.merge[0], sc.merge[1] = sc.merge[1], sc.merge[1], terms
		if f.t != noDay {
			vote(f.t, float64(f.dkind))
		}
	}
	ct.terms = slices.Clone(terms)
	sc.merge[0] = terms
	best, bw := noDay, 0.0
	for _, v := range votes {
		if v.w > bw || (v.w == bw && v.d < best) {
			best, bw = v.d, v.w
		}
	}
	ct.d = best
	sc.votes = votes
	ct.norm = c.termsNorm(ct.terms)
	return ct
}

type dayVote struct {
	d day
	w float64
}

// termsNorm is the norm of summed term weights under the current IDF.
func (c *Clusterer) termsNorm(terms []tw) float64 {
	var ss float64
	for _, t := range terms {
		v := float64(t.w) * c.idf(t.id)
		ss += v * v
	}
	return math.Sqrt(ss)
}

// storyNorm is termsNorm of the story's terms, kept for the generation
// of the statistics: refine and each pass of adopt ask for it again.
func (c *Clusterer) storyNorm(s *story) float64 {
	if s.normGen != c.gen {
		s.norm, s.normGen = c.termsNorm(s.terms), c.gen
	}
	return s.norm
}

// cosine of an article with the centroid; self says the article is in it
// and is taken out first.
func (ct *centroid) cosine(c *Clusterer, f *features, self bool) float64 {
	var dot float64
	norm2 := ct.norm * ct.norm
	i, j := 0, 0
	for i < len(f.tf) && j < len(ct.terms) {
		switch {
		case f.tf[i].id < ct.terms[j].id:
			i++
		case f.tf[i].id > ct.terms[j].id:
			j++
		default:
			id := f.tf[i].id
			w := float64(ct.terms[j].w)
			idf := c.idf(id)
			if self {
				v := w * idf
				w -= float64(f.tf[i].w)
				nv := w * idf
				norm2 += nv*nv - v*v
			}
			dot += f.vec[i] * w * idf
			i++
			j++
		}
	}
	if norm2 <= 1e-12 {
		return 0
	}
	return dot / math.Sqrt(norm2)
}

// heaviest returns the indices of the n largest values, largest first,
// ties by index.
func heaviest(v []float64, n int) []int {
	// Insertion into a short sorted list: n is small.
	top := make([]int, 0, n+1)
	for i, x := range v {
		if len(top) == n && x <= v[top[n-1]] {
			continue
		}
		k := len(top)
		for k > 0 && x > v[top[k-1]] {
			k--
		}
		top = slices.Insert(top, k, i)
		if len(top) > n {
			top = top[:n]
		}
	}
	return top
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

// postings lists, by term, the chunk articles holding it, by live
// position. The lists serve chunk after chunk and keep their arrays; keys
// lists the terms that hold some.
type postings struct {
	lists [][]int
	keys  []uint32
}

// reset empties the lists and makes room for n terms.
func (p *postings) reset(n int) {
	for _, k := range p.keys {
		p.lists[k] = p.lists[k][:0]
	}
	p.keys = p.keys[:0]
	if len(p.lists) < n {
		p.lists = append(p.lists, make([][]int, n-len(p.lists))...)
	}
}

// at returns the articles posted under term t.
func (p *postings) at(t uint32) []int { return p.lists[t] }

// add posts x under term t.
func (p *postings) add(t uint32, x int) {
	if len(p.lists[t]) == 0 {
		p.keys = append(p.keys, t)
	}
	p.lists[t] = append(p.lists[t], x)
}

// oldLink is an article's candidate story and its similarity with it.
type oldLink struct {
	s      *story
	sum    float64
	linked bool // the similarity is high enough to link them
}

// findOld returns each live item's candidate stories with their
// similarities, by live position; heavy holds each item's heaviest terms
// (none for a date line, which joins no story).
func (c *Clusterer) findOld(items []item, live []int, heavy [][]int) [][]oldLink {
	found := make([][]oldLink, len(live))
	c.parallel(len(live), func(w, x int) {
		f := &items[live[x]].f
		if f.words == 0 {
			return
		}
		cands := c.finders[w].candidates(c, f, heavy[x], c.opts.Candidates)
		links := make([]oldLink, len(cands))
		for k, s := range cands {
			// The story is a sum of its articles' unit vectors: the dot
			// product is the sum of the pairs' similarities.
			sum := c.storyDot(f, s) * c.timeFactor(f.t, f.weekday, s)
			if len(f.tf) <= headlineTerms && 2*s.shorts > s.nvec && !sharesName(f.tf, s.terms) {
				sum *= commonOnly
			}
			l := oldLink{s: s, sum: sum, linked: sum >= minEdge}
			if l.linked && contrast(f.slots, s.slots) {
				l.sum *= contrastFactor
			}
			links[k] = l
		}
		found[x] = links
	})
	return found
}

// finder finds the candidate stories of articles. Each worker of a chunk
// has its own: the shared weights it sums are its own, and it only reads
// the clusterer.
type finder struct {
	hits    []hitEntry // by story slot
	hitGen  uint32     // generation of hits
	touched []int32    // slots of the stories with a hit this generation
}

type hitEntry struct {
	w   float64 // weight shared with the article of generation gen
	gen uint32
}

// candidates returns up to k stories sharing an article's heaviest terms
// (heavy, indices of f.tf), most shared weight first, within the time
// window.
func (fd *finder) candidates(c *Clusterer, f *features, heavy []int, k int) []*story {
	if len(f.tf) == 0 {
		return nil
	}
	if len(fd.hits) < len(c.held) {
		fd.hits = append(fd.hits, make([]hitEntry, len(c.held)-len(fd.hits))...)
	}
	fd.hitGen++
	fd.touched = fd.touched[:0]
	budget := postingBudget
	for _, i := range heavy {
		var post []int32
		if id := f.tf[i].id; int(id) < len(c.index) {
			post = c.index[id]
		}
		// Newest stories first: they are the likelier match.
		for j := len(post) - 1; j >= 0 && budget > 0; j-- {
			budget--
			slot := post[j]
			if c.held[slot] == nil {
				continue // not expected: eviction takes a story's postings
			}
			e := &fd.hits[slot]
			if e.gen != fd.hitGen {
				e.gen, e.w = fd.hitGen, 0
				fd.touched = append(fd.touched, slot)
			}
			e.w += f.vec[i]
		}
	}
	// The k best stories in the window, by shared weight, newest first on
	// ties: insertion into a short sorted list, of slots with their
	// stories' seqs and hits.
	type ranked struct {
		slot, seq int32
		hit       float64
	}
	top := make([]ranked, 0, k+1)
	ahead := func(a, b ranked) bool { return a.hit > b.hit || a.hit == b.hit && a.seq > b.seq }
	for _, slot := range fd.touched {
		r := ranked{slot, c.seqOf[slot], fd.hits[slot].w}
		if len(top) == k && !ahead(r, top[k-1]) {
			continue
		}
		if c.timeFactor(f.t, f.weekday, c.held[slot]) == 0 {
			continue
		}
		i := len(top)
		for i > 0 && ahead(r, top[i-1]) {
			i--
		}
		top = slices.Insert(top, i, r)
		if len(top) > k {
			top = top[:k]
		}
	}
	out := make([]*story, len(top))
	for i, r := range top {
		out[i] = c.held[r.slot]
	}
	return out
}

// storyDot is the dot product of an article's vector with the story's
// summed vector under the current IDF. It only reads the clusterer.
func (c *Clusterer) storyDot(f *features, s *story) float64 {
	var dot float64
	i, j := 0, 0
	for i < len(f.tf) && j < len(s.terms) {
		switch {
		case f.tf[i].id < s.terms[j].id:
			i++
		case f.tf[i].id > s.terms[j].id:
			j++
		default:
			dot += f.vec[i] * float64(s.terms[j].w) * c.idf(s.terms[j].id)
			i++
			j++
		}
	}
	return dot
}

// pairFactor is the time penalty between two articles.
func (c *Clusterer) pairFactor(a, b *features) float64 {
	if a.t == noDay || b.t == noDay {
		return 1
	}
	x, y := a, b
	if x.t < y.t {
		x, y = y, x
	}
	return c.spanFactor(x.t, x.weekday, y.t, y.t)
}

// Adoption of small groups (see adopt).
const (
	adoptMax    = 4    // articles in a group that may be adopted
	adoptBar    = 0.15 // least centroid cosine with the adopting group
	adoptMargin = 1.3  // how much closer the adopting group is than the next best
	adoptPasses = 3
	adoptTarget = 4
)

// adopt lets a small group of new articles that average link and refine
// left apart join the group it resembles most, when that group is larger
// and clearly more like it than any other (by adoptMargin): a report that
// tells the event from an unusual angle, or a short item, belongs with
// the story it matches best, while one that matches two look-alike
// stories about as well stays apart.
func (c *Clusterer) adopt(items []item, live []int, nodes []*node, near [][]int, rep func(int) int) {
	pos := livePositions(items, live)
	where := make([]int, len(live))
	size := func(g int) int {
		n := len(nodes[g].items)
		if nodes[g].old != nil {
			n += nodes[g].old.nvec
		}
		return n
	}
	// A group that joins another in one pass may leave a clear best for
	// others in the next.
	for pass := 0; pass < adoptPasses; pass++ {
		for g, n := range nodes {
			for _, i := range n.items {
				where[pos[i]] = g
			}
		}
		group := func(y int) int {
			if y < len(live) {
				return where[y]
			}
			return rep(y)
		}
		// The small groups, the groups linked to each, and the centroids
		// they need; then, two workers at a time, the centroids and each
		// small group's adopter.
		var small []int
		var cands [][]int
		cents := make([]*centroid, len(nodes))
		var need []int
		needs := func(g int) {
			if cents[g] == nil && !slices.Contains(need, g) {
				need = append(need, g)
			}
		}
		for g, n := range nodes {
			if n.old != nil || len(n.items) == 0 || len(n.items) > adoptMax {
				continue
			}
			// Every group linked to it competes, whatever its size; only
			// a group clearly larger may adopt it.
			var cand []int
			for _, i := range n.items {
				for _, y := range near[pos[i]] {
					if h := group(y); h != g && !slices.Contains(cand, h) {
						cand = append(cand, h)
					}
				}
			}
			slices.Sort(cand)
			small, cands = append(small, g), append(cands, cand)
			if len(cand) > 0 {
				needs(g)
			}
			for _, h := range cand {
				needs(h)
			}
		}
		c.parallel(len(need), func(w, k int) {
			v := c.centroidOf(items, nodes[need[k]], &c.scratch[w])
			cents[need[k]] = &v
		})
		adopter := make([]int, len(small))
		c.parallel(len(small), func(_, k int) {
			g := small[k]
			best, first, second := -1, 0.0, 0.0
			for _, h := range cands[k] {
				sim := c.centroidCosine(cents[g], cents[h])
				if sim > first {
					best, first, second = h, sim, first
				} else if sim > second {
					second = sim
				}
			}
			adopter[k] = -1
			if best >= 0 && nodes[best].old == nil && size(best) >= max(adoptTarget, 2*len(nodes[g].items)) && first >= adoptBar && first >= adoptMargin*second {
				adopter[k] = best
			}
		})
		into := map[int]int{}
		var from []int
		for k, g := range small {
			if adopter[k] >= 0 {
				into[g] = adopter[k]
				from = append(from, g)
			}
		}
		if len(from) == 0 {
			return
		}
		for _, g := range from {
			to := into[g]
			for k := 0; k < len(into); k++ { // follow a chain of moves
				next, ok := into[to]
				if !ok {
					break
				}
				to = next
			}
			if to == g {
				continue
			}
			nodes[to].items = append(nodes[to].items, nodes[g].items...)
			nodes[g].items = nil
		}
	}
}

// livePositions maps an item's index to its position in live (-1 when
// it is not live).
func livePositions(items []item, live []int) []int {
	pos := make([]int, len(items))
	for i := range pos {
		pos[i] = -1
	}
	for x, i := range live {
		pos[i] = x
	}
	return pos
}

// headlines reports whether both articles are of a headline's length.
func headlines(a, b *features) bool {
	return len(a.tf) <= headlineTerms && len(b.tf) <= headlineTerms
}

// sharesName reports whether an article's terms and other terms (an
// article's or a story's) have a term in common that is a name or a
// number in either article: "Aceh", "Jamal Williams", "6.1". A story's
// terms mark none: it counts what the article names.
func sharesName(a, b []tw) bool {
	i, j := 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i].id < b[j].id:
			i++
		case a[i].id > b[j].id:
			j++
		default:
			if a[i].ent || b[j].ent {
				return true
			}
			i++
			j++
		}
	}
	return false
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

// centroidCosine is the cosine of two centroids under the current IDF.
func (c *Clusterer) centroidCosine(a, b *centroid) float64 {
	if a.norm == 0 || b.norm == 0 {
		return 0
	}
	var dot float64
	i, j := 0, 0
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
	return dot / (a.norm * b.norm)
}

// clashes reports whether an article gives a slot another value than
// the group does (see contrast): it may not move there.
func (c *Clusterer) clashes(items []item, f *features, n *node) bool {
	if len(f.slots) == 0 {
		return false
	}
	if n.old != nil && contrast(f.slots, n.old.slots) {
		return true
	}
	for _, i := range n.items {
		if contrast(f.slots, items[i].f.slots) {
			return true
		}
	}
	return false
}
