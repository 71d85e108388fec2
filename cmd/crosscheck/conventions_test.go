package main

import (
	"encoding/json"
	"strings"
	"testing"
)

// The command-line conventions of issue 11 and the correct command.
func TestCommandLineConventions(t *testing.T) {
	tmp := t.TempDir()
	mustRun(t, tmp, "ingest", abs(t, examples))

	// --format json everywhere, no -json.
	for _, args := range [][]string{
		{"version", "--format", "json"}, {"stories", "--format", "json"}, {"articles", "--format", "json"},
		{"search", "ferry", "--format", "json"}, {"correct", "list", "--format", "json"}, {"recluster", "--format", "json"},
		{"optimize", "--format", "json"}, {"ingest", abs(t, examples), "--format", "json"},
	} {
		r := mustRun(t, tmp, args...)
		if !json.Valid([]byte(r.stdout)) {
			t.Errorf("%v: not JSON: %.200s", args, r.stdout)
		}
	}
	if r := run(t, tmp, "", "ingest", "--json", abs(t, examples)); r.code != exitUsage {
		t.Errorf("ingest --json: exit %d, want %d", r.code, exitUsage)
	}
	// Usage errors exit 2.
	for _, args := range [][]string{{"stories", "--nope"}, {"stories", "--limit", "0"}, {"stories", "--sort", "random"}, {"show"}, {"correct", "frobnicate"}} {
		if r := run(t, tmp, "", args...); r.code != exitUsage {
			t.Errorf("%v: exit %d, want %d (%s)", args, r.code, exitUsage, r.stderr)
		}
	}
	// A real version.
	var v buildVersion
	json.Unmarshal([]byte(mustRun(t, tmp, "version", "--format", "json").stdout), &v)
	if v.Version == "" || v.Version == "dev" || !strings.HasPrefix(v.Go, "go") {
		t.Errorf("version %+v", v)
	}
	// IDs by unique prefix, and did you mean.
	var list struct {
		Articles []struct {
			ID      string `json:"id"`
			StoryID string `json:"story_id"`
			Outlet  string `json:"outlet"`
		} `json:"articles"`
	}
	json.Unmarshal([]byte(mustRun(t, tmp, "articles", "--format", "json").stdout), &list)
	id := list.Articles[0].ID
	if r := mustRun(t, tmp, "show", id[:6]); !strings.Contains(r.stdout, id) {
		t.Errorf("show by prefix: %.200s", r.stdout)
	}
	miss := id[:8] + strings.Repeat("z", 4)
	if r := run(t, tmp, "", "show", miss); r.code == 0 || !strings.Contains(r.stderr, "did you mean "+id) {
		t.Errorf("show %s: exit %d, %q", miss, r.code, r.stderr)
	}
	// An unknown story is an error, not an empty list.
	if r := run(t, tmp, "", "articles", "--story", "s-nosuchstory"); r.code == 0 || !strings.Contains(r.stderr, "no story") {
		t.Errorf("articles --story unknown: exit %d, %q", r.code, r.stderr)
	}
	// Search matches: plain when not a terminal, coloured when asked.
	if r := mustRun(t, tmp, "search", "ferry"); strings.Contains(r.stdout, "\x1b[") || strings.Contains(r.stdout, "⟦") {
		t.Errorf("search to a pipe has colour or markers: %q", r.stdout)
	}
	if r := mustRun(t, tmp, "search", "ferry", "--color", "always"); !strings.Contains(r.stdout, "\x1b[1;33m") {
		t.Errorf("search --color always is not coloured: %q", r.stdout)
	}

	// Corrections: outlet, move, undo; kept across recluster.
	r := mustRun(t, tmp, "correct", "article", id[:7], "--outlet", "Pravda.Ru", "--note", "masthead", "--format", "json")
	var c struct {
		ID     int64 `json:"id"`
		Fields []struct{ Before, After string }
	}
	json.Unmarshal([]byte(r.stdout), &c)
	if c.ID == 0 || len(c.Fields) != 1 || c.Fields[0].After != "Pravda.Ru" {
		t.Fatalf("correct article: %s", r.stdout)
	}
	if r := mustRun(t, tmp, "show", id); !strings.Contains(r.stdout, "Pravda.Ru") {
		t.Errorf("corrected outlet not shown: %.300s", r.stdout)
	}
	var other string
	for _, a := range list.Articles {
		if a.StoryID != list.Articles[0].StoryID {
			other = a.StoryID
		}
	}
	if other == "" {
		t.Fatal("the examples hold one story only")
	}
	mustRun(t, tmp, "correct", "move", id, other)
	mustRun(t, tmp, "recluster")
	var after struct {
		StoryID string `json:"story_id"`
		Outlet  string `json:"outlet"`
	}
	json.Unmarshal([]byte(mustRun(t, tmp, "show", id, "--format", "json").stdout), &after)
	if after.StoryID != other || after.Outlet != "Pravda.Ru" {
		t.Errorf("after recluster: story %s outlet %s, want %s and Pravda.Ru", after.StoryID, after.Outlet, other)
	}
	mustRun(t, tmp, "correct", "undo", "1")
	json.Unmarshal([]byte(mustRun(t, tmp, "show", id, "--format", "json").stdout), &after)
	if after.Outlet == "Pravda.Ru" || after.StoryID != other {
		t.Errorf("after undoing the outlet: %+v", after)
	}
	if r := run(t, tmp, "", "correct", "undo", "1"); r.code == 0 {
		t.Errorf("second undo: exit 0: %s", r.stdout)
	}
	if r := mustRun(t, tmp, "correct", "list"); !strings.Contains(r.stdout, "masthead") {
		t.Errorf("correct list: %s", r.stdout)
	}
}
