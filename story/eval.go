package story

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/crosscheck-news/crosscheck"
)

// Scores compare a clustering with gold clusters.
type Scores struct {
	// BCubedP, BCubedR and BCubedF1 are B-cubed precision, recall and F1,
	// averaged over articles.
	BCubedP, BCubedR, BCubedF1 float64
	// PairP, PairR and PairF1 score the pairs of articles put together.
	PairP, PairR, PairF1 float64
	// Clusters is the number of stories made; Gold the number of gold clusters.
	Clusters, Gold int
	// Articles is the number of articles scored.
	Articles int
}

// goldRecord is one line of a labelled set.
type goldRecord struct {
	ID        string  `json:"id"`
	Cluster   string  `json:"cluster"`
	Title     *string `json:"title"`
	Text      string  `json:"text"`
	Published *string `json:"published"`
	Outlet    *string `json:"outlet"`
}

// ReadGold reads a labelled set in JSON Lines (id, cluster, title, text,
// optional published and outlet) and returns its articles, in order, and
// their gold clusters.
func ReadGold(r io.Reader) ([]*crosscheck.Article, []string, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<20), 64<<20)
	var arts []*crosscheck.Article
	var gold []string
	line := 0
	for sc.Scan() {
		line++
		b := sc.Bytes()
		if len(strings.TrimSpace(string(b))) == 0 {
			continue
		}
		var g goldRecord
		if err := json.Unmarshal(b, &g); err != nil {
			return nil, nil, crosscheck.Errorf(crosscheck.EINVALID, "gold line %d: %v; want one JSON object per line with id, cluster, text", line, err)
		}
		if g.ID == "" || g.Cluster == "" {
			return nil, nil, crosscheck.Errorf(crosscheck.EINVALID, "gold line %d: id and cluster are required", line)
		}
		a := &crosscheck.Article{ID: g.ID, Source: g.ID, Text: g.Text}
		if g.Title != nil {
			a.Title = *g.Title
		}
		if g.Outlet != nil {
			a.Outlet = *g.Outlet
		}
		if g.Published != nil && *g.Published != "" {
			t, err := parseTime(*g.Published)
			if err != nil {
				return nil, nil, crosscheck.Errorf(crosscheck.EINVALID, "gold line %d: published %q: want RFC 3339 or YYYY-MM-DD", line, *g.Published)
			}
			a.Published = t
		}
		a.Sentences = splitSentences(a.Text)
		arts = append(arts, a)
		gold = append(gold, g.Cluster)
	}
	if err := sc.Err(); err != nil {
		return nil, nil, fmt.Errorf("read gold: %w", err)
	}
	return arts, gold, nil
}

func parseTime(s string) (time.Time, error) {
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02 15:04:05", "2006-01-02"} {
		if t, err := time.Parse(layout, s); err == nil {
			return t, nil
		}
	}
	return time.Time{}, fmt.Errorf("unknown time format")
}

// Evaluate reads a labelled set (see ReadGold), places its articles in
// order, opts.Batch at a time, with a new clusterer and scores the stories against the gold
// clusters.
func Evaluate(ctx context.Context, r io.Reader, opts Options) (Scores, error) {
	arts, gold, err := ReadGold(r)
	if err != nil {
		return Scores{}, err
	}
	c := NewClusterer(opts)
	batch := c.opts.Batch
	got := make([]string, 0, len(arts))
	for lo := 0; lo < len(arts); lo += batch {
		if err := ctx.Err(); err != nil {
			return Scores{}, err
		}
		for _, p := range c.PlaceBatch(arts[lo:min(lo+batch, len(arts))]) {
			got = append(got, p.StoryID)
		}
	}
	return Score(got, gold), nil
}

// Score compares predicted clusters with gold clusters, both given per
// article in the same order.
func Score(pred, gold []string) Scores {
	var s Scores
	n := len(pred)
	s.Articles = n
	if n == 0 {
		return s
	}
	type pair struct{ p, g string }
	joint := map[pair]int{}
	np := map[string]int{}
	ng := map[string]int{}
	for i := range pred {
		joint[pair{pred[i], gold[i]}]++
		np[pred[i]]++
		ng[gold[i]]++
	}
	s.Clusters, s.Gold = len(np), len(ng)
	for i := range pred {
		j := float64(joint[pair{pred[i], gold[i]}])
		s.BCubedP += j / float64(np[pred[i]])
		s.BCubedR += j / float64(ng[gold[i]])
	}
	s.BCubedP /= float64(n)
	s.BCubedR /= float64(n)
	s.BCubedF1 = f1(s.BCubedP, s.BCubedR)
	pairs := func(k int) float64 { return float64(k) * float64(k-1) / 2 }
	var tp, pp, gp float64
	for _, k := range joint {
		tp += pairs(k)
	}
	for _, k := range np {
		pp += pairs(k)
	}
	for _, k := range ng {
		gp += pairs(k)
	}
	s.PairP, s.PairR = 1, 1
	if pp > 0 {
		s.PairP = tp / pp
	}
	if gp > 0 {
		s.PairR = tp / gp
	}
	s.PairF1 = f1(s.PairP, s.PairR)
	return s
}

func f1(p, r float64) float64 {
	if p+r == 0 {
		return 0
	}
	return 2 * p * r / (p + r)
}

// String formats the scores for the eval command.
func (s Scores) String() string {
	return fmt.Sprintf("articles %d  stories %d  gold %d\nB-cubed  P %.3f  R %.3f  F1 %.3f\npairwise P %.3f  R %.3f  F1 %.3f",
		s.Articles, s.Clusters, s.Gold, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairP, s.PairR, s.PairF1)
}
