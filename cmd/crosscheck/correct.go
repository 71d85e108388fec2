package main

import (
	"context"
	"flag"
	"fmt"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/crosscheck-news/crosscheck"
)

func (m *Main) runCorrect(ctx context.Context, args []string) error {
	fs := m.newFlagSet("correct", `correct [flags] article ARTICLE-ID [--title T] [--outlet O] [--author A] [--published DATE]
       crosscheck correct [flags] move ARTICLE-ID STORY-ID
       crosscheck correct [flags] merge STORY-ID INTO-STORY-ID
       crosscheck correct [flags] split STORY-ID ARTICLE-ID...
       crosscheck correct [flags] list [--article ID] [--story ID]
       crosscheck correct [flags] undo CORRECTION-ID`, `  crosscheck correct article 3f2a --outlet "Pravda.Ru" --note "outlet from the masthead"
  crosscheck correct article 3f2a --published 2025-09-04
  crosscheck correct move 3f2a s-9c0d          put an article in another story
  crosscheck correct merge s-9c0d s-1b2e       one event told as two stories
  crosscheck correct split s-1b2e 3f2a 77aa    two events told as one
  crosscheck correct list --story s-1b2e
  crosscheck correct undo 12

Every correction is recorded with when and what changed, can be undone, and is
applied again after 'crosscheck recluster'. IDs may be shortened to a unique prefix.`)
	dbPath := dbFlag(fs, storeUsage)
	format := fs.String("format", "text", "output: text or json")
	note := fs.String("note", "", "why: kept with the correction")
	var fields [4]*string
	var set [4]bool
	for i, f := range crosscheck.CorrectableFields {
		help := "the article's new " + f
		if f == crosscheck.FieldPublished {
			help += " (YYYY-MM-DD or RFC 3339; \"\" for unknown)"
		}
		fields[i] = fs.String(f, "", help)
	}
	articleF := fs.String("article", "", "list: only corrections of this article")
	storyF := fs.String("story", "", "list: only corrections of this story")
	limit := fs.Int("limit", crosscheck.ListDefault, "list: at most this many")
	pos, err := parse(fs, args)
	if err != nil {
		return err
	}
	fs.Visit(func(fl *flag.Flag) {
		for i, f := range crosscheck.CorrectableFields {
			if fl.Name == f {
				set[i] = true
			}
		}
	})
	if err := listFormat(*format); err != nil {
		return err
	}
	if len(pos) == 0 {
		return usagef("say what to correct: article, move, merge, split, list or undo")
	}
	verb, ids := pos[0], pos[1:]
	a, err := m.openApp(ctx, *dbPath, false)
	if err != nil {
		return err
	}
	defer a.Close()
	resolve := func(kind, id string) (string, error) { return a.db.ResolveID(ctx, kind, id) }
	c := &crosscheck.Correction{Note: *note}
	switch verb {
	case "article":
		if len(ids) != 1 {
			return usagef("give one article ID: correct article ID --outlet NAME")
		}
		c.Kind = crosscheck.CorrectArticle
		if c.Article, err = resolve("article", ids[0]); err != nil {
			return err
		}
		for i, f := range crosscheck.CorrectableFields {
			if set[i] {
				c.Fields = append(c.Fields, crosscheck.FieldChange{Field: f, After: *fields[i]})
			}
		}
		if len(c.Fields) == 0 {
			return usagef("give at least one of --title, --outlet, --author, --published")
		}
	case "move":
		if len(ids) != 2 {
			return usagef("give the article and the story: correct move ARTICLE-ID STORY-ID")
		}
		c.Kind = crosscheck.CorrectMove
		if c.Article, err = resolve("article", ids[0]); err != nil {
			return err
		}
		if c.Target, err = resolve("story", ids[1]); err != nil {
			return err
		}
	case "merge":
		if len(ids) != 2 {
			return usagef("give two stories: correct merge STORY-ID INTO-STORY-ID")
		}
		c.Kind = crosscheck.CorrectMerge
		if c.Story, err = resolve("story", ids[0]); err != nil {
			return err
		}
		if c.Target, err = resolve("story", ids[1]); err != nil {
			return err
		}
	case "split":
		if len(ids) < 2 {
			return usagef("give the story and the articles to take out: correct split STORY-ID ARTICLE-ID...")
		}
		c.Kind = crosscheck.CorrectSplit
		if c.Story, err = resolve("story", ids[0]); err != nil {
			return err
		}
		for _, id := range ids[1:] {
			full, err := resolve("article", id)
			if err != nil {
				return err
			}
			c.Articles = append(c.Articles, full)
		}
	case "undo":
		if len(ids) != 1 {
			return usagef("give one correction number: correct undo N (see 'crosscheck correct list')")
		}
		n, err := strconv.ParseInt(ids[0], 10, 64)
		if err != nil || n <= 0 {
			return usagef("%q is not a correction number", ids[0])
		}
		if c, err = a.db.Undo(ctx, n); err != nil {
			return err
		}
		return m.printCorrections(*format, []*crosscheck.Correction{c}, 1, "undone")
	case "list":
		f := crosscheck.CorrectionFilter{Limit: min(max(*limit, 1), crosscheck.ListMax)}
		if *articleF != "" {
			id, err := resolve("article", *articleF)
			if err != nil {
				return err
			}
			f.Article = &id
		}
		if *storyF != "" {
			id, err := resolve("story", *storyF)
			if err != nil {
				return err
			}
			f.Story = &id
		}
		cs, total, err := a.db.Corrections(ctx, f)
		if err != nil {
			return err
		}
		return m.printCorrections(*format, cs, total, "")
	default:
		return usagef("unknown correction %q: choose article, move, merge, split, list or undo", verb)
	}
	if err := a.db.Correct(ctx, c); err != nil {
		return err
	}
	return m.printCorrections(*format, []*crosscheck.Correction{c}, 1, "recorded")
}

func (m *Main) printCorrections(format string, cs []*crosscheck.Correction, total int, done string) error {
	if format == "json" {
		if cs == nil {
			cs = []*crosscheck.Correction{}
		}
		if done != "" {
			return writeJSON(m.Stdout, cs[0])
		}
		return writeJSON(m.Stdout, map[string]any{"total": total, "corrections": cs})
	}
	tw := tabwriter.NewWriter(m.Stdout, 0, 4, 2, ' ', 0)
	if done == "" {
		fmt.Fprintln(tw, "ID\tWHEN\tKIND\tWHAT\tNOTE")
	}
	for _, c := range cs {
		when := c.Created.Format("2006-01-02 15:04")
		what := describe(c)
		if !c.Undone.IsZero() {
			what += " (undone " + c.Undone.Format("2006-01-02 15:04") + ")"
		}
		if done != "" {
			fmt.Fprintf(tw, "correction %d %s: %s\n", c.ID, done, what)
			continue
		}
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", c.ID, when, c.Kind, what, clip(c.Note, 40))
	}
	tw.Flush()
	if done == "" && total > len(cs) {
		fmt.Fprintf(m.Stderr, "%d of %d corrections shown; use --limit for more\n", len(cs), total)
	}
	return nil
}

func describe(c *crosscheck.Correction) string {
	switch c.Kind {
	case crosscheck.CorrectArticle:
		var parts []string
		for _, f := range c.Fields {
			parts = append(parts, fmt.Sprintf("%s %q -> %q", f.Field, f.Before, f.After))
		}
		return "article " + c.Article + ": " + strings.Join(parts, ", ")
	case crosscheck.CorrectMove:
		return "article " + c.Article + " from " + orDash(c.Story) + " to " + c.Target
	case crosscheck.CorrectMerge:
		return fmt.Sprintf("story %s into %s (%d articles)", c.Story, c.Target, len(c.Articles))
	case crosscheck.CorrectSplit:
		return fmt.Sprintf("%d articles of %s into new story %s", len(c.Articles), c.Story, c.Target)
	}
	return string(c.Kind)
}
