package check

import (
	"sort"
	"strings"

	"github.com/crosscheck-news/crosscheck"
)

// attributions groups the sources the articles credit.
func (s *state) attributions() {
	idx := map[string]int{}
	for a, an := range s.ans {
		for _, c := range an.Credits {
			k := strings.ToLower(strings.TrimPrefix(c.Source, "the "))
			if c.Entity >= 0 {
				k = "e:" + itoa(s.gid[a][c.Entity])
			}
			i, ok := idx[k]
			if !ok {
				src := c.Source
				if c.Entity >= 0 {
					src = s.ents[s.gid[a][c.Entity]].Name
				}
				s.rep.Attributions = append(s.rep.Attributions, crosscheck.Attribution{Source: src, Kind: c.Kind})
				i = len(s.rep.Attributions) - 1
				idx[k] = i
			}
			at := &s.rep.Attributions[i]
			if !containsFold(at.Articles, an.Article.ID) {
				at.Articles = append(at.Articles, an.Article.ID)
			}
			at.Sources = append(at.Sources, s.cite(a, c.Sentence))
		}
	}
	sort.SliceStable(s.rep.Attributions, func(i, j int) bool {
		return len(s.rep.Attributions[i].Articles) > len(s.rep.Attributions[j].Articles)
	})
	if s.rep.Attributions == nil {
		s.rep.Attributions = []crosscheck.Attribution{}
	}
}
