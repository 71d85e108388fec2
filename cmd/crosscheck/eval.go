package main

import (
	"context"
	"fmt"
	"os"

	"github.com/crosscheck-news/crosscheck/story"
)

func (m *Main) runEval(ctx context.Context, args []string) error {
	fs := m.newFlagSet("eval", "eval stories --gold FILE.jsonl [flags]", `  crosscheck eval stories --gold labelled.jsonl
  crosscheck eval stories --gold labelled.jsonl --format json

The gold file is JSON Lines, one article per line:
  {"id": "a1", "cluster": "quake-2025-03", "title": "...", "text": "...",
   "published": "2025-03-02", "outlet": "Example News"}
'cluster' is the true event; articles are grouped without looking at it, then
scored with B-cubed precision, recall and F1 and pairwise F1.`)
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
	f, err := os.Open(*gold)
	if err != nil {
		return fmt.Errorf("open gold file: %w", err)
	}
	defer f.Close()
	sc, err := story.Evaluate(ctx, f, story.Options{})
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
