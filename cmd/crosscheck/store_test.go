package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/crosscheck-news/crosscheck/postgres"
	"github.com/crosscheck-news/crosscheck/postgres/pgtest"
)

// The end-to-end tests run against SQLite files, and again, in a child
// process of the test binary, against PostgreSQL: every store a test uses
// is then a fresh schema on the server of $CROSSCHECK_TEST_POSTGRES,
// handed to the binary as CROSSCHECK_DB.
const (
	// e2ePostgresEnv is set in the child run.
	e2ePostgresEnv = "CROSSCHECK_E2E_POSTGRES"
	// e2eBinaryEnv hands the child the binary built by the parent.
	e2eBinaryEnv = "CROSSCHECK_E2E_BINARY"
)

// onPostgres is true in the child run.
var onPostgres = os.Getenv(e2ePostgresEnv) != ""

var (
	schemasMu sync.Mutex
	schemas   = map[string]string{} // test dir -> its store's URL
)

// storeURL returns the PostgreSQL store of a test dir, made on first use
// and dropped when t ends.
func storeURL(t testing.TB, dir string) string {
	t.Helper()
	schemasMu.Lock()
	defer schemasMu.Unlock()
	if u, ok := schemas[dir]; ok {
		return u
	}
	u := pgtest.URL(t)
	schemas[dir] = u
	t.Cleanup(func() {
		schemasMu.Lock()
		delete(schemas, dir)
		schemasMu.Unlock()
	})
	return u
}

// storeEnv is the binary's environment for a test run in dir: without a
// CROSSCHECK_DB of the caller's, and with the test's PostgreSQL store in
// the child run.
func storeEnv(t testing.TB, dir string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "CROSSCHECK_DB=") {
			env = append(env, kv)
		}
	}
	if onPostgres {
		env = append(env, "CROSSCHECK_DB="+storeURL(t, dir))
	}
	return env
}

// storeHasArticles reports whether the store of dir holds any article yet.
func storeHasArticles(t *testing.T, dir string) bool {
	if !onPostgres {
		_, err := os.Stat(dir + "/crosscheck.db-wal")
		return err == nil
	}
	ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
	defer cancel()
	db, err := postgres.Open(ctx, storeURL(t, dir))
	if err != nil {
		return false
	}
	defer db.Close()
	n, err := db.CountArticles(ctx)
	return err == nil && n > 0
}

// TestEndToEndPostgres runs this package's tests again with every store in
// PostgreSQL.
func TestEndToEndPostgres(t *testing.T) {
	if onPostgres {
		t.Skip("this is the PostgreSQL run")
	}
	if !pgtest.Available() {
		t.Skip(pgtest.SkipMessage)
	}
	// Left out: the tests whose stores are temporary SQLite files whatever
	// CROSSCHECK_DB says (analyze, eval) or named SQLite files (the kill
	// harness, read-only files, inputs), the timing benchmarks of the
	// watcher, and the PostgreSQL tests this run is made of.
	skip := "^(TestEndToEndPostgres|TestConcurrentIngestPostgres|TestAnalyze.*|TestEval.*|TestCrashSafety|TestTerminalEscapesNeverPrintedRaw|TestFIFORefusedAtOnce|TestServeReadOnlyStoreInReadOnlyDir|TestFreshness.*)$"
	cmd := exec.CommandContext(t.Context(), os.Args[0], "-test.run", "^Test", "-test.skip", skip, "-test.v")
	cmd.Env = append(os.Environ(), e2ePostgresEnv+"=1", e2eBinaryEnv+"="+binary)
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	err := cmd.Run()
	var passed []string
	for _, l := range strings.Split(out.String(), "\n") {
		if strings.HasPrefix(l, "--- PASS: ") {
			passed = append(passed, strings.Fields(l)[2])
		}
	}
	t.Logf("on PostgreSQL: %d tests passed: %s", len(passed), strings.Join(passed, " "))
	if err != nil {
		t.Fatalf("end-to-end tests on PostgreSQL failed: %v\n%s", err, out.String())
	}
	if len(passed) < 5 {
		t.Fatalf("only %d tests ran on PostgreSQL:\n%s", len(passed), out.String())
	}
}

// TestHelpHidesPassword: a command's -h shows the default store, from
// CROSSCHECK_DB, without the password a URL there holds.
func TestHelpHidesPassword(t *testing.T) {
	const url = "postgres://team:hunter2secret@127.0.0.1:1/news"
	for _, args := range [][]string{{"ingest", "-h"}, {"stories", "-h"}, {"sources", "list", "-h"}} {
		r := runStore(t.TempDir(), url, args...)
		out := r.stdout + r.stderr
		if strings.Contains(out, "hunter2secret") {
			t.Errorf("%v shows the password:\n%s", args, out)
		}
		if !strings.Contains(out, "postgres://team:xxxxx@127.0.0.1:1/news") {
			t.Errorf("%v does not show the default store:\n%s", args, out)
		}
	}
}
