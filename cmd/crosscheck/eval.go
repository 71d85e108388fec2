package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
	"github.com/crosscheck-news/crosscheck/story"
)

func (m *Main) runEval(ctx context.Context, args []string) error {
	fs := m.newFlagSet("eval", "eval stories --gold FILE.jsonl [flags]", `  crosscheck eval stories --gold labelled.jsonl
  crosscheck eval stories --gold labelled.jsonl --format json

The gold file is JSON Lines, one article per line:
  {"id": "a1", "cluster": "quake-2025-03", "title": "...", "text": "...",
   "published": "2025-03-02", "outlet": "Example News"}
'cluster' is the true event; articles are read, stored and grouped exactly as
'analyze' does (on a temporary store), without looking at it, then scored
with B-cubed precision, recall and F1 and pairwise F1.`)
	gold := fs.String("gold", "", "labelled JSON Lines file (required)")
	format := fs.String("format", "text", "output: text or json")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	if len(pos) != 1 || pos[0] != "stories" {
		return usagef("say what to evaluate: 'crosscheck eval stories --gold FILE.jsonl'")
	}
	if *gold == "" {
		return usagef("--gold FILE.jsonl is required")
	}
	if err := listFormat(*format); err != nil {
		return err
	}
	sc, err := m.evalStories(ctx, *gold)
	if err != nil {
		return fmt.Errorf("%s: %w", *gold, err)
	}
	if *format == "json" {
		return writeJSON(m.Stdout, sc)
	}
	fmt.Fprintf(m.Stdout, "articles %d, gold events %d, stories found %d\n", sc.Articles, sc.Gold, sc.Clusters)
	fmt.Fprintf(m.Stdout, "B-cubed  precision %.3f  recall %.3f  F1 %.3f\n", sc.BCubedP, sc.BCubedR, sc.BCubedF1)
	fmt.Fprintf(m.Stdout, "pairwise precision %.3f  recall %.3f  F1 %.3f\n", sc.PairP, sc.PairR, sc.PairF1)
	return nil
}

// evalStories groups the gold file's articles exactly as analyze does (the
// same extraction, store and placement, on a temporary store) and scores
// the stories against the gold clusters. An input the store keeps once
// (an exact copy) counts in its original's story; one that could not be
// read counts as a story of its own.
func (m *Main) evalStories(ctx context.Context, gold string) (story.Scores, error) {
	f, err := os.Open(gold)
	if err != nil {
		return story.Scores{}, fmt.Errorf("open gold file: %w", err)
	}
	arts, clusters, err := story.ReadGold(f)
	f.Close()
	if err != nil {
		return story.Scores{}, err
	}
	dir, err := os.MkdirTemp("", "crosscheck-eval-")
	if err != nil {
		return story.Scores{}, fmt.Errorf("make temporary store: %w", err)
	}
	defer os.RemoveAll(dir)
	a, err := m.openApp(ctx, filepath.Join(dir, "eval.db"), true)
	if err != nil {
		return story.Scores{}, err
	}
	defer a.Close()
	sum, err := m.ingest(ctx, a, []string{gold}, ingest.Options{})
	if err != nil {
		return story.Scores{}, err
	}
	pred := make([]string, len(arts))
	storyOf := func(id string) (*crosscheck.Article, error) { return a.db.Article(ctx, id) }
	if len(sum.Articles) == len(arts) {
		// Input order, duplicates included.
		for i, id := range sum.Articles {
			art, err := storyOf(id)
			if err != nil {
				return story.Scores{}, err
			}
			pred[i] = art.StoryID
		}
	} else {
		byGold := map[string]string{}
		for _, id := range sum.Articles {
			art, err := storyOf(id)
			if err != nil {
				return story.Scores{}, err
			}
			if _, g, ok := strings.Cut(art.Source, "#"); ok {
				byGold[g] = art.StoryID
			}
		}
		for i, ga := range arts {
			if p, ok := byGold[ga.ID]; ok {
				pred[i] = p
			} else {
				pred[i] = "unread-" + ga.ID
			}
		}
	}
	return story.Score(pred, clusters), nil
}
