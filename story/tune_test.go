package story

import (
	"bytes"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"
)

// TestTune sweeps Threshold and PairThreshold over labelled sets and
// prints the scores; run with STORY_TUNE=1 (STORY_GOLD=a.jsonl,b.jsonl to
// choose the sets, STORY_BATCH for the batch size).
func TestTune(t *testing.T) {
	if os.Getenv("STORY_TUNE") == "" {
		t.Skip("set STORY_TUNE=1 to sweep options")
	}
	files := []string{ecbPath, ownGold}
	if g := os.Getenv("STORY_GOLD"); g != "" {
		files = strings.Split(g, ",")
	}
	batch, _ := strconv.Atoi(os.Getenv("STORY_BATCH"))
	coh, _ := strconv.ParseFloat(os.Getenv("STORY_COH"), 64)
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for _, pth := range []float64{0.14, 0.18, 0.22, 0.26} {
			for _, th := range []float64{0.14, 0.18, 0.25} {
				s, err := Evaluate(t.Context(), bytes.NewReader(data), Options{Threshold: th, PairThreshold: pth, Batch: batch, Cohesion: coh})
				if err != nil {
					t.Fatal(err)
				}
				fmt.Printf("%s pair=%.2f th=%.2f  B3 P %.3f R %.3f F1 %.3f  pairF1 %.3f  k=%d/%d\n",
					file[strings.LastIndex(file, "/")+1:], pth, th, s.BCubedP, s.BCubedR, s.BCubedF1, s.PairF1, s.Clusters, s.Gold)
			}
		}
	}
}
