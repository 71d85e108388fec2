package story

// Forget drops a story the clusterer holds, with its share of the term
// statistics, so that Import can bring in the version another writer
// stored since (the pipeline refreshes its view of the stories before each
// placement). Forgetting a story not held does nothing.
func (c *Clusterer) Forget(id string) {
	s := c.byID[id]
	if s == nil {
		return
	}
	for _, t := range s.terms {
		if int(t.id) < len(c.df) {
			c.df[t.id] = max(0, c.df[t.id]-float32(t.docs))
		}
	}
	c.nDocs = max(0, c.nDocs-float64(s.nvec))
	c.gen++
	c.evict(s.seq, s)
}
