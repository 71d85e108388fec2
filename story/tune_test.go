package story

import (
	"bytes"
	"fmt"
	"github.com/crosscheck-news/crosscheck"
	"math/rand/v2"
	"os"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestTune sweeps options over labelled sets; run with STORY_TUNE=1.
func TestTune(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1 to sweep options")
	}
	files := []string{ecbPath}
	if g := os.Getenv("STORY_GOLD"); g != "" {
		files = strings.Split(g, ",")
	}
	ths := []float64{0.14, 0.17, 0.2, 0.23, 0.26, 0.3, 0.35}
	pth, _ := strconv.ParseFloat(os.Getenv("STORY_PTH"), 64)
	batch, _ := strconv.Atoi(os.Getenv("STORY_BATCH"))
	if s := os.Getenv("STORY_TH"); s != "" {
		ths = nil
		for _, f := range strings.Split(s, ",") {
			v, _ := strconv.ParseFloat(f, 64)
			ths = append(ths, v)
		}
	}
	eb, _ := strconv.ParseFloat(os.Getenv("STORY_EB"), 64)
	coh, _ := strconv.ParseFloat(os.Getenv("STORY_COH"), 64)
	if v := os.Getenv("X_CHUNK"); v != "" {
		maxChunk, _ = strconv.Atoi(v)
	}
	xNoTime = os.Getenv("X_NOTIME") != ""
	if v := os.Getenv("X_FREE"); v != "" {
		n, _ := strconv.Atoi(v)
		xFree = day(n)
	}
	var scale, win time.Duration
	if v := os.Getenv("X_WIN"); v != "" {
		n, _ := strconv.Atoi(v)
		win = time.Duration(n) * 24 * time.Hour
	}
	if v := os.Getenv("X_SCALE"); v != "" {
		n, _ := strconv.Atoi(v)
		scale = time.Duration(n) * 24 * time.Hour
	}
	if v := os.Getenv("X_WCAP"); v != "" {
		xWcap, _ = strconv.ParseFloat(v, 64)
	}
	tb, _ := strconv.ParseFloat(os.Getenv("STORY_TB"), 64)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, th := range ths {
			s, err := Evaluate(t.Context(), bytes.NewReader(data), Options{Threshold: th, EntityBoost: eb, TitleBoost: tb, PairThreshold: pth, Batch: batch, Cohesion: coh, TimeScale: scale, Window: win})
			if err != nil {
				t.Fatal(err)
			}
			fmt.Printf("%s th=%.2f  B3 P %.3f R %.3f F1 %.3f  pairF1 %.3f  k=%d\n", file[strings.LastIndex(file, "/")+1:], th, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairF1, s.Clusters)
		}
	}
}

// TestConfusion prints mixed stories; run with STORY_TUNE=1.
func TestConfusion(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	file := ecbPath
	if g := os.Getenv("STORY_GOLD"); g != "" {
		file = g
	}
	f, _ := os.Open(file)
	arts, gold, err := ReadGold(f)
	if err != nil {
		t.Fatal(err)
	}
	th, _ := strconv.ParseFloat(os.Getenv("STORY_TH"), 64)
	batch, _ := strconv.Atoi(os.Getenv("STORY_BATCH"))
	if batch == 0 {
		batch = 200
	}
	c := NewClusterer(Options{Threshold: th})
	var ids []string
	for lo := 0; lo < len(arts); lo += batch {
		for _, p := range c.PlaceBatch(arts[lo:min(lo+batch, len(arts))]) {
			ids = append(ids, p.StoryID)
		}
	}
	comp := map[string]map[string]int{}
	var order []string
	for i := range arts {
		id := ids[i]
		if comp[id] == nil {
			comp[id] = map[string]int{}
			order = append(order, id)
		}
		comp[id][gold[i]]++
	}
	for _, id := range order {
		if len(comp[id]) > 1 {
			fmt.Printf("MIXED %s %v\n", id, comp[id])
		}
	}
	split := map[string]int{}
	for _, m := range comp {
		for g := range m {
			split[g]++
		}
	}
	for g, n := range split {
		if n > 1 {
			var parts []int
			for _, m := range comp {
				if m[g] > 0 {
					parts = append(parts, m[g])
				}
			}
			fmt.Printf("SPLIT %s into %v\n", g, parts)
		}
	}
}

func TestShuffleTune(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1")
	}
	f, _ := os.Open(ecbPath)
	arts, gold, _ := ReadGold(f)
	batch, _ := strconv.Atoi(os.Getenv("STORY_BATCH"))
	for seed := uint64(1); seed <= 4; seed++ {
		r := rand.New(rand.NewPCG(seed, 7))
		perm := r.Perm(len(arts))
		sa := make([]*crosscheck.Article, len(arts))
		sg := make([]string, len(arts))
		for i, p := range perm {
			sa[i], sg[i] = arts[p], gold[p]
		}
		if v := os.Getenv("X_CHUNK"); v != "" {
			maxChunk, _ = strconv.Atoi(v)
		}
		if v := os.Getenv("X_SINGLE"); v != "" {
			xSingle, _ = strconv.ParseFloat(v, 64)
		}
		if v := os.Getenv("X_REFINE"); v != "" {
			refinePasses, _ = strconv.Atoi(v)
		}
		coh, _ := strconv.ParseFloat(os.Getenv("STORY_COH"), 64)
		pth, _ := strconv.ParseFloat(os.Getenv("STORY_PTH"), 64)
		if v := os.Getenv("X_WCAP"); v != "" {
			xWcap, _ = strconv.ParseFloat(v, 64)
		}
		c := NewClusterer(Options{Batch: batch, Cohesion: coh, PairThreshold: pth})
		var got []string
		b := c.opts.Batch
		for lo := 0; lo < len(sa); lo += b {
			for _, p := range c.PlaceBatch(sa[lo:min(lo+b, len(sa))]) {
				got = append(got, p.StoryID)
			}
		}
		if os.Getenv("X_MIXED") != "" {
			comp := map[string]map[string]int{}
			for i := range got {
				if comp[got[i]] == nil {
					comp[got[i]] = map[string]int{}
				}
				comp[got[i]][sg[i]]++
			}
			for _, m := range comp {
				if len(m) > 1 {
					fmt.Println("   mixed", m)
				}
			}
		}
		s := Score(got, sg)
		fmt.Printf("seed %d  P %.3f R %.3f F1 %.3f k=%d\n", seed, s.BCubedP, s.BCubedR, s.BCubedF1, s.Clusters)
	}
}
