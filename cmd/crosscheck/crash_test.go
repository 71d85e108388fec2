package main

import (
	"bytes"
	"context"
	"database/sql"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/internal/testcorpus"
)

// envInt reads a test size from the environment.
func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}

// storeState is what a kill must never take back: the stored articles,
// with the story of each placed one.
type storeState struct {
	articles map[string]string // article ID -> story ID ("" when unplaced)
	sources  map[string]string // article ID -> source
	stories  int
}

// inspect opens the store read-only, checks its integrity and the story
// invariants, and returns its state.
func inspect(t *testing.T, path string) storeState {
	t.Helper()
	db, err := sql.Open("sqlite", "file:"+path+"?mode=ro&_pragma=busy_timeout(10000)")
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	var ok string
	if err := db.QueryRow(`PRAGMA integrity_check`).Scan(&ok); err != nil || ok != "ok" {
		t.Fatalf("integrity_check: %q %v", ok, err)
	}
	tx, err := db.Begin() // one snapshot for every query
	if err != nil {
		t.Fatal(err)
	}
	defer tx.Rollback()
	st := storeState{articles: map[string]string{}, sources: map[string]string{}}
	rows, err := tx.Query(`SELECT id, coalesce(story_id, ''), source FROM articles`)
	if err != nil {
		t.Fatal(err)
	}
	members := map[string]int{}
	for rows.Next() {
		var id, story, source string
		if err := rows.Scan(&id, &story, &source); err != nil {
			t.Fatal(err)
		}
		st.articles[id] = story
		st.sources[id] = source
		if story != "" {
			members[story]++
		}
	}
	rows.Close()
	rows, err = tx.Query(`SELECT id, articles FROM stories`)
	if err != nil {
		t.Fatal(err)
	}
	for rows.Next() {
		var id string
		var n int
		if err := rows.Scan(&id, &n); err != nil {
			t.Fatal(err)
		}
		st.stories++
		if members[id] == 0 || members[id] != n {
			t.Errorf("story %s says %d articles, holds %d", id, n, members[id])
		}
	}
	rows.Close()
	return st
}

// TestCrashSafety kills the real binary with SIGKILL at random points of
// an ingest of a few thousand articles, while `serve` reads the store and
// a second writer ingests other reports of the same events, and checks
// after each kill that the store passes integrity_check, that no article
// or placement seen before is lost or moved, and that story counts match
// their members. Re-run and killed again until an ingest completes, the
// store must hold exactly the expected articles, one story per event;
// then the same again on a fresh store, until the kills are counted.
//
// CROSSCHECK_KILLS (default 20 kills, each during an ingest) and
// CROSSCHECK_KILL_EVENTS (default 200 events of 6 reports: 800 for the
// killed writer, 400 for the second; 500 gives 3,000) size it; -short
// skips it.
func TestCrashSafety(t *testing.T) {
	if testing.Short() {
		t.Skip("-short: the kill harness takes a minute or two")
	}
	wantKills := envInt("CROSSCHECK_KILLS", 20)
	events := envInt("CROSSCHECK_KILL_EVENTS", 200)
	// Six reports per event: four for the writer that is killed, two for
	// the second writer, so that both add to the same stories.
	const per, perSecond = 4, 2
	dir := t.TempDir()
	corpus, second := filepath.Join(dir, "corpus"), filepath.Join(dir, "second")
	var mine, theirs []testcorpus.Doc
	for _, d := range testcorpus.Events(11, events, per+perSecond) {
		if strings.HasSuffix(d.Name, "-r4.txt") || strings.HasSuffix(d.Name, "-r5.txt") {
			theirs = append(theirs, d)
		} else {
			mine = append(mine, d)
		}
	}
	if err := testcorpus.Write(corpus, mine); err != nil {
		t.Fatal(err)
	}
	if err := testcorpus.Write(second, theirs); err != nil {
		t.Fatal(err)
	}
	// A clean run: how long a whole ingest takes (kills fall anywhere in
	// it) and the stories it makes.
	start := time.Now()
	mustRun(t, dir, "ingest", "--db", filepath.Join(dir, "clean.db"), corpus, second)
	// The killed writer reads two thirds of it.
	whole := time.Since(start) * per / (per + perSecond)
	clean := inspect(t, filepath.Join(dir, "clean.db"))
	t.Logf("a clean run: %d articles, %d stories in %v", len(clean.articles), clean.stories, whole.Round(time.Millisecond))

	rng := rand.New(rand.NewPCG(uint64(time.Now().UnixNano()), 1))
	kills, runs := 0, 0
	for scenario := 0; kills < wantKills && scenario < 3*wantKills; scenario++ {
		if d, ok := t.Deadline(); ok && time.Until(d) < 10*whole+time.Minute {
			// A starved machine: stop before go test's timeout would
			// kill the whole package, and say so.
			t.Errorf("stopped after %d of %d kills: the test deadline is %v away (-timeout to allow more)", kills, wantKills, time.Until(d).Round(time.Second))
			break
		}
		db := filepath.Join(dir, fmt.Sprintf("store%d.db", scenario))
		n := crashScenario(t, db, corpus, second, whole, wantKills-kills, rng)
		kills += n
		runs++
		final := inspect(t, db)
		checkFinal(t, final, events, per+perSecond, clean.stories)
	}
	t.Logf("%d kills during ingests, over %d stores", kills, runs)
	if kills < wantKills {
		t.Errorf("only %d kills fell during an ingest, want %d", kills, wantKills)
	}
}

// crashScenario kills ingests of corpus into a fresh store at db, at most
// maxKills times, until one completes, with a server reading the store
// and a second writer ingesting second; then it completes both ingests.
// It returns the number of kills that fell during an ingest.
func crashScenario(t *testing.T, db, corpus, second string, whole time.Duration, maxKills int, rng *rand.Rand) int {
	dir := filepath.Dir(db)
	// The store exists before the server starts.
	mustRun(t, dir, "ingest", "--db", db, filepath.Join(corpus, "e0000-r0.txt"))

	// A reader: the web server, polled throughout.
	addr, stopServe := startReadOnlyServe(t, dir, "--db", db, "--read-only")
	defer stopServe()
	var polls, bad atomic.Int64
	var badMsg atomic.Value
	pollCtx, stopPoll := context.WithCancel(context.Background())
	var pollWG sync.WaitGroup
	pollWG.Add(1)
	go func() {
		defer pollWG.Done()
		client := &http.Client{Timeout: 20 * time.Second}
		for i := 0; pollCtx.Err() == nil; i++ {
			path := []string{"/healthz", "/api/stories?limit=5", "/api/articles?limit=5", "/"}[i%4]
			resp, err := client.Get("http://" + addr + path)
			polls.Add(1)
			if err != nil {
				bad.Add(1)
				badMsg.Store(err.Error())
				continue
			}
			var b bytes.Buffer
			b.ReadFrom(resp.Body)
			resp.Body.Close()
			if resp.StatusCode != 200 {
				bad.Add(1)
				badMsg.Store(fmt.Sprintf("%s: %d %.200s", path, resp.StatusCode, b.String()))
			}
			time.Sleep(20 * time.Millisecond)
		}
	}()

	// A second writer, never killed, ingesting other reports of the same
	// events, again and again: it must never see SQLITE_BUSY or fail.
	var writerRuns atomic.Int64
	var writerErr atomic.Value
	pollWG.Add(1)
	go func() {
		defer pollWG.Done()
		for pollCtx.Err() == nil {
			cmd := exec.CommandContext(pollCtx, binary, "ingest", "--db", db, second)
			var errb bytes.Buffer
			cmd.Stderr = &errb
			err := cmd.Run()
			if pollCtx.Err() != nil {
				return
			}
			writerRuns.Add(1)
			if err != nil || strings.Contains(errb.String(), "locked") || strings.Contains(errb.String(), "BUSY") {
				writerErr.Store(fmt.Sprintf("%v: %s", err, errb.String()))
			}
		}
	}()

	prev := inspect(t, db)
	killed := 0
	for k := 0; killed < maxKills; k++ {
		cmd := exec.Command(binary, "ingest", "--db", db, corpus)
		var errb bytes.Buffer
		cmd.Stderr = &errb
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		// Random points: from before the store is open to deep in the run.
		// Most runs are killed: a run that completes ends the store's
		// scenario (and costs a whole ingest).
		wait := whole/20 + time.Duration(rng.Int64N(int64(whole)*17/20))
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		finished := false
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("run %d: %v\n%s", k, err, errb.String())
			}
			finished = true
		case <-time.After(wait):
			cmd.Process.Signal(syscall.SIGKILL)
			<-done
			killed++
		}
		cur := inspect(t, db)
		for id, story := range prev.articles {
			now, ok := cur.articles[id]
			if !ok {
				t.Fatalf("kill %d after %v: article %s was stored and is gone", k, wait, id)
			}
			if story != "" && now != story {
				t.Fatalf("kill %d: article %s moved from story %s to %q", k, id, story, now)
			}
		}
		prev = cur
		if finished {
			t.Logf("run %d finished before its kill at %v: %d articles, %d stories", k, wait.Round(time.Millisecond), len(cur.articles), cur.stories)
			break
		}
		t.Logf("kill %d after %v: %d articles, %d stories", k, wait.Round(time.Millisecond), len(cur.articles), cur.stories)
	}
	stopPoll()
	pollWG.Wait()
	stopServe()

	t.Logf("%s: %d kills; server: %d requests, %d failed; second writer: %d runs", filepath.Base(db), killed, polls.Load(), bad.Load(), writerRuns.Load())
	if n := bad.Load(); n > 0 {
		t.Errorf("the server failed %d of %d requests during the kills; last: %v", n, polls.Load(), badMsg.Load())
	}
	if msg := writerErr.Load(); msg != nil {
		t.Errorf("the second writer failed: %v", msg)
	}
	// The last runs complete the work.
	if r := run(t, dir, "", "ingest", "--db", db, corpus, second); r.code != 0 {
		t.Fatalf("the completing run: exit %d\n%s", r.code, r.stderr)
	}
	return killed
}

// checkFinal checks a completed store: every article, placed, and one
// story per event.
func checkFinal(t *testing.T, final storeState, events, per, cleanStories int) {
	t.Helper()
	if got, want := len(final.articles), events*per; got != want {
		t.Errorf("after the last run: %d articles, want %d", got, want)
	}
	// One story per event: the reports of an event share a story, and a
	// story holds one event's reports.
	eventStories := map[string]map[string]bool{}
	storyEvents := map[string]map[string]bool{}
	for id, story := range final.articles {
		if story == "" {
			t.Errorf("article %s unplaced after the last run", id)
			continue
		}
		ev := filepath.Base(final.sources[id])[:5] // "e0042"
		if eventStories[ev] == nil {
			eventStories[ev] = map[string]bool{}
		}
		if storyEvents[story] == nil {
			storyEvents[story] = map[string]bool{}
		}
		eventStories[ev][story] = true
		storyEvents[story][ev] = true
	}
	split, mixed := 0, 0
	for _, ss := range eventStories {
		if len(ss) > 1 {
			split++
		}
	}
	for _, es := range storyEvents {
		if len(es) > 1 {
			mixed++
		}
	}
	t.Logf("after the last run: %d stories for %d events; %d events split, %d stories mixing events", final.stories, events, split, mixed)
	// Placement depends a little on batch boundaries, which kills move:
	// an event may split in two as it may in a clean run, but a story
	// never mixes events.
	if mixed > 0 || split > max(1, events/100) {
		t.Errorf("after the last run: %d stories (clean run: %d), %d events split, %d stories mixed", final.stories, cleanStories, split, mixed)
	}
}
