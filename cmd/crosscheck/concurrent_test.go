package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
	"github.com/crosscheck-news/crosscheck/postgres"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
)

// TestConcurrentIngestPostgres: four crosscheck ingest processes add
// overlapping sets of reports of the same events to one PostgreSQL store
// at the same time. Afterwards every report is stored once, every story
// counts its members, and the stories group the articles exactly as one
// process ingesting everything does: one story per event.
func TestConcurrentIngestPostgres(t *testing.T) {
	if onPostgres {
		t.Skip("run by the parent")
	}
	const events, perEvent, writers = 60, 5, 4
	docs := testcorpus.Events(11, events, perEvent)
	event := map[string]int{} // source file name -> event
	for _, d := range docs {
		event[d.Name] = d.Event
	}
	tmp := t.TempDir()
	all := filepath.Join(tmp, "all")
	if err := testcorpus.Write(all, docs); err != nil {
		t.Fatal(err)
	}
	// Each writer gets about two thirds of the report files, in its own
	// order; together they hold every one, most of them twice or more.
	rng := rand.New(rand.NewPCG(5, 5))
	inputs := make([][]string, writers)
	for w := range inputs {
		for i, d := range docs {
			if i%writers == w || rng.IntN(3) < 2 {
				inputs[w] = append(inputs[w], filepath.Join(all, d.Name))
			}
		}
		rng.Shuffle(len(inputs[w]), func(i, j int) { inputs[w][i], inputs[w][j] = inputs[w][j], inputs[w][i] })
	}

	one := pgtest.URL(t)
	ingest := func(url string, in ...string) result { return runStore(tmp, url, append([]string{"ingest"}, in...)...) }
	if r := ingest(one, all); r.code != 0 {
		t.Fatalf("single ingest: exit %d\n%s", r.code, r.stderr)
	}
	want := grouping(t, one, event, len(docs))

	shared := pgtest.URL(t)
	var wg sync.WaitGroup
	results := make([]result, writers)
	for w := range writers {
		wg.Go(func() { results[w] = ingest(shared, inputs[w]...) })
	}
	wg.Wait()
	for w, r := range results {
		if r.code != 0 {
			t.Fatalf("writer %d: exit %d\n%s", w, r.code, r.stderr)
		}
		t.Logf("writer %d: %s", w, strings.TrimSpace(r.stderr))
	}
	got := grouping(t, shared, event, len(docs))
	if !slices.Equal(got, want) {
		t.Errorf("four writers grouped the articles as\n%s\none writer as\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if len(want) != events {
		t.Errorf("one writer made %d stories of %d events", len(want), events)
	}
}

// grouping checks a store's invariants (every report stored once and
// placed, every story counting its members, none empty) and returns its
// stories as sorted lists of the events of their articles' files, sorted.
func grouping(t *testing.T, url string, event map[string]int, reports int) []string {
	t.Helper()
	ctx := context.Background()
	db, err := postgres.Open(ctx, url)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	as, n, err := db.Articles(ctx, crosscheck.ArticleFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if n != reports {
		t.Errorf("%d articles stored, want %d (each report once)", n, reports)
	}
	seen := map[string]bool{}
	members := map[string][]string{}
	for _, a := range as {
		name := filepath.Base(a.Source)
		if seen[name] {
			t.Errorf("report %s stored twice", name)
		}
		seen[name] = true
		if a.StoryID == "" {
			t.Errorf("article %s (%s) is in no story", a.ID, name)
		}
		members[a.StoryID] = append(members[a.StoryID], name)
	}
	stories, total, err := db.Stories(ctx, crosscheck.StoryFilter{})
	if err != nil {
		t.Fatal(err)
	}
	if total != len(members) {
		t.Errorf("%d stories, %d of them with articles", total, len(members))
	}
	var out []string
	for _, s := range stories {
		if s.Articles != len(members[s.ID]) {
			t.Errorf("story %s says %d articles, holds %d", s.ID, s.Articles, len(members[s.ID]))
		}
		var names []string
		for _, m := range members[s.ID] {
			names = append(names, fmt.Sprintf("e%d:%s", event[m], m))
		}
		sort.Strings(names)
		out = append(out, strings.Join(names, " "))
	}
	sort.Strings(out)
	return out
}

// runStore runs the binary in dir on the store at url. It may be called
// from any goroutine: a failure to start is an exit code of -1.
func runStore(dir, url string, args ...string) result {
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CROSSCHECK_DB=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(cmd.Env, "CROSSCHECK_DB="+url)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	err := cmd.Run()
	code := 0
	if ee, ok := err.(*exec.ExitError); ok {
		code = ee.ExitCode()
	} else if err != nil {
		code = -1
		errb.WriteString(err.Error())
	}
	return result{out.String(), errb.String(), code}
}
