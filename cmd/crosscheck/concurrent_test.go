package main

import (
	"bytes"
	"context"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
)

// TestConcurrentIngestPostgres: four crosscheck ingest processes add
// overlapping sets of reports of the same events to one PostgreSQL store
// at the same time. Afterwards every report is stored once, every story
// counts its members, and the stories group the articles exactly as one
// process ingesting everything does, in any order: one story per event.
func TestConcurrentIngestPostgres(t *testing.T) {
	if onPostgres {
		t.Skip("run by the parent")
	}
	testConcurrentIngest(t, pgtest.URL)
}

// TestConcurrentIngestSQLite is TestConcurrentIngestPostgres on one SQLite
// file: its writers place under a file lock of their own (sqlite/lock.go)
// and store articles under SQLite's.
func TestConcurrentIngestSQLite(t *testing.T) {
	if onPostgres {
		t.Skip("run by the parent")
	}
	testConcurrentIngest(t, func(t testing.TB) string { return filepath.Join(t.TempDir(), "store.db") })
}

func testConcurrentIngest(t *testing.T, newStore func(testing.TB) string) {
	const events, perEvent, writers = 60, 5, 4
	docs := distinctEvents(testcorpus.Events(11, 2*events, perEvent), events)
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

	one := newStore(t)
	ingest := func(url string, in ...string) result { return runStore(tmp, url, append([]string{"ingest"}, in...)...) }
	if r := ingest(one, all); r.code != 0 {
		t.Fatalf("single ingest: exit %d\n%s", r.code, r.stderr)
	}
	want := grouping(t, one, event, len(docs))
	// The same reports in another order, one process: the grouping must not
	// depend on the order, or a difference below would say nothing of the
	// store (see distinctEvents).
	shuffled := make([]string, len(docs))
	for i, d := range docs {
		shuffled[i] = filepath.Join(all, d.Name)
	}
	rand.New(rand.NewPCG(9, 9)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	other := newStore(t)
	if r := ingest(other, shuffled...); r.code != 0 {
		t.Fatalf("single ingest, shuffled: exit %d\n%s", r.code, r.stderr)
	}
	if got := grouping(t, other, event, len(docs)); !slices.Equal(got, want) {
		t.Fatalf("one process grouped the reports differently in another order: the corpus does not test the store\n%s\nand\n%s",
			strings.Join(got, "\n"), strings.Join(want, "\n"))
	}

	shared := newStore(t)
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

// distinctEvents keeps the reports of the first n events of docs that
// share no name (a capitalised word inside a sentence: place, person) with
// an event kept before them. The clusterer is online, so the stories it
// makes can depend on the order reports arrive in: two events sharing a
// person's first name may become one story in one order and not in
// another, in one process as in several (the SQLite store does the same).
// Several writers interleave their reports in an order no single run
// reproduces, so this test, which is about the store, uses events whose
// grouping does not depend on the order; TestConcurrentIngestPostgres
// checks that too, with one process ingesting in a shuffled order.
func distinctEvents(docs []testcorpus.Doc, n int) []testcorpus.Doc {
	nameRE := regexp.MustCompile(`[a-z,] ([A-Z][a-z]+)`)
	names := map[int]map[string]bool{}
	for _, d := range docs {
		if names[d.Event] == nil {
			names[d.Event] = map[string]bool{}
		}
		_, body, _ := strings.Cut(d.Body, "\n") // the outlet's line
		for _, m := range nameRE.FindAllStringSubmatch(body, -1) {
			if w := strings.ToLower(m[1]); w != "march" && !strings.HasSuffix(w, "day") {
				names[d.Event][w] = true
			}
		}
	}
	used := map[string]bool{}
	kept := map[int]bool{}
	for e := 0; len(kept) < n && e < len(names); e++ {
		clash := false
		for w := range names[e] {
			clash = clash || used[w]
		}
		if clash {
			continue
		}
		for w := range names[e] {
			used[w] = true
		}
		kept[e] = true
	}
	var out []testcorpus.Doc
	for _, d := range docs {
		if kept[d.Event] {
			out = append(out, d)
		}
	}
	return out
}

// grouping checks a store's invariants (every report stored once and
// placed, every story counting its members, none empty) and returns its
// stories as sorted lists of the events of their articles' files, sorted.
func grouping(t *testing.T, url string, event map[string]int, reports int) []string {
	t.Helper()
	ctx := context.Background()
	db, err := openStore(ctx, url, false)
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
	return runTimed(dir, url, nil, args...).result
}

type timedResult struct {
	result
	cpu time.Duration // user and system time of the process
}

// runTimed runs the binary in dir on the store at url with extra
// environment variables, and returns the process's CPU time too. It may
// be called from any goroutine: a failure to start is an exit code of -1.
func runTimed(dir, url string, env []string, args ...string) timedResult {
	cmd := exec.Command(binary, args...)
	cmd.Dir = dir
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CROSSCHECK_DB=") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(append(cmd.Env, env...), "CROSSCHECK_DB="+url)
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
	var cpu time.Duration
	if cmd.ProcessState != nil {
		cpu = cmd.ProcessState.UserTime() + cmd.ProcessState.SystemTime()
	}
	return timedResult{result{out.String(), errb.String(), code}, cpu}
}
