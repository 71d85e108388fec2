package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// Regression tests for issue 12, each written before its fix.

// hasRawControl reports a control character that a terminal would act on:
// C0 other than tab and newline, DEL, C1, and bidirectional overrides.
func hasRawControl(s string, allowCR bool) (rune, bool) {
	for _, r := range s {
		switch {
		case r == '\n' || r == '\t':
		case r == '\r' && allowCR:
		case r < 0x20, r == 0x7f, r >= 0x80 && r < 0xa0:
			return r, true
		case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
			return r, true
		}
	}
	return 0, false
}

// Issue 12, failure 5: listings printed ESC/OSC sequences from titles,
// outlets and text raw, and error lines printed file names raw.
func TestTerminalEscapesNeverPrintedRaw(t *testing.T) {
	dir := t.TempDir()
	body := "T \x1b]0;PWN\x07 title \u202egnp.exe\n\nThe mayor said 5 came on Monday \x1b[2J in the hall.\n\nOfficials \u009b31m confirmed the figure later.\n"
	if err := os.WriteFile(filepath.Join(dir, "e.txt"), []byte(body), 0o644); err != nil {
		t.Fatal(err)
	}
	// A file name with an escape and a newline, refused as empty.
	bad := "bad\x1b[31m\nname.txt"
	if err := os.WriteFile(filepath.Join(dir, bad), nil, 0o644); err != nil {
		t.Fatal(err)
	}
	r := run(t, dir, "", "ingest", "e.txt", bad)
	if r.code != 1 {
		t.Fatalf("ingest: exit %d, want 1 (one input failed)\n%s", r.code, r.stderr)
	}
	if c, ok := hasRawControl(r.stderr, true); ok {
		t.Errorf("ingest stderr holds raw control %U: %q", c, r.stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(r.stderr), "\n") {
		if strings.Contains(line, "name.txt") && !strings.Contains(line, "error") {
			t.Errorf("the error naming the file is split over lines: %q", r.stderr)
		}
	}
	if !strings.Contains(r.stderr, `bad\x1b[31m\nname.txt`) {
		t.Errorf("the file name is not shown escaped: %q", r.stderr)
	}
	id := strings.Fields(strings.Split(mustRun(t, dir, "articles").stdout, "\n")[1])[0]
	for _, args := range [][]string{
		{"articles"}, {"show", id}, {"search", "mayor"}, {"stories"}, {"report", "--color", "never"},
	} {
		r := mustRun(t, dir, args...)
		if c, ok := hasRawControl(r.stdout, false); ok {
			t.Errorf("%v: stdout holds raw control %U: %q", args, c, r.stdout)
		}
		if c, ok := hasRawControl(r.stderr, false); ok {
			t.Errorf("%v: stderr holds raw control %U: %q", args, c, r.stderr)
		}
	}
	if out := mustRun(t, dir, "show", id).stdout; !strings.Contains(out, `\x1b]0;PWN\a`) && !strings.Contains(out, `\x1b]0;PWN\x07`) {
		t.Errorf("show does not print the escape visibly: %q", out)
	}
}

// Issue 12, failure 3: a named pipe given as input hung forever and
// ignored SIGINT and SIGTERM.
func TestFIFORefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	start := time.Now()
	ctx, cancel := context.WithTimeout(t.Context(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, binary, "ingest", "--db", "d.db", "p.txt")
	cmd.Dir = dir
	var errb bytes.Buffer
	cmd.Stderr = &errb
	err := cmd.Run()
	if d := time.Since(start); d > 20*time.Second {
		t.Fatalf("ingest of a FIFO took %v (killed)", d)
	}
	r := result{stderr: errb.String()}
	if ee, ok := err.(*exec.ExitError); ok {
		r.code = ee.ExitCode()
	}
	if r.code != 1 || !strings.Contains(r.stderr, "p.txt") || !strings.Contains(r.stderr, "named pipe") {
		t.Fatalf("ingest of a FIFO: exit %d, stderr %q; want exit 1 naming the input as a named pipe", r.code, r.stderr)
	}
	// In a directory walk, it is skipped like any other special file.
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("Harbour Courier\n\nThe mayor said 5 came on Monday to the hall.\n"), 0o644)
	if r := run(t, dir, "", "ingest", "--db", "d2.db", "."); r.code != 0 {
		t.Errorf("walk of a folder holding a FIFO: exit %d %q", r.code, r.stderr)
	}
}

// Issue 12, failure 7: --read-only could not open a store in a directory
// the user cannot write to.
func TestServeReadOnlyStoreInReadOnlyDir(t *testing.T) {
	if os.Geteuid() == 0 {
		// root writes anywhere; take the write bits off the file and
		// directory anyway and check the store is opened without writing.
		t.Log("running as root: checking that nothing is written instead")
	}
	dir := t.TempDir()
	src := filepath.Join(dir, "a.txt")
	os.WriteFile(src, []byte("Harbour Courier\n\nThe mayor said 5 came on Monday to the hall.\n"), 0o644)
	mustRun(t, dir, "ingest", "--db", "ro/s.db", "a.txt")
	ro := filepath.Join(dir, "ro")
	before := listDir(t, ro)
	os.Chmod(filepath.Join(ro, "s.db"), 0o444)
	os.Chmod(ro, 0o555)
	t.Cleanup(func() { os.Chmod(ro, 0o755) })
	addr, stop := startReadOnlyServe(t, dir, "--db", "ro/s.db", "--read-only")
	defer stop()
	resp := get(t, "http://"+addr+"/api/articles")
	if !strings.Contains(resp, `"total": 1`) {
		t.Fatalf("read-only server: %s", resp)
	}
	api := get(t, "http://"+addr+"/api/openapi.json")
	if strings.Contains(api, `"post"`) || strings.Contains(api, `"/api/ingest"`) {
		t.Errorf("read-only openapi.json lists the POST route")
	}
	stop()
	if after := listDir(t, ro); after != before {
		t.Errorf("a read-only serve changed the store's directory: %s -> %s", before, after)
	}
}

func listDir(t *testing.T, dir string) string {
	t.Helper()
	es, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return strings.Join(names, ",")
}

// startReadOnlyServe starts `crosscheck serve` on a free loopback port with args
// in dir and returns its address and a stop function (SIGINT, then wait).
// Run as root, the server runs as nobody so that file permissions hold.
func startReadOnlyServe(t *testing.T, dir string, args ...string) (string, func()) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	addr := ln.Addr().String()
	ln.Close()
	cmd := exec.Command(binary, append([]string{"serve", "--addr", addr}, args...)...)
	cmd.Dir = dir
	if os.Geteuid() == 0 {
		// nobody must reach the binary and the store.
		for _, p := range []string{filepath.Dir(binary), filepath.Dir(dir), dir} {
			os.Chmod(p, 0o755)
		}
		cmd.SysProcAttr = &syscall.SysProcAttr{Credential: &syscall.Credential{Uid: 65534, Gid: 65534}}
	}
	var errb bytes.Buffer
	cmd.Stderr = &errb
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	stopped := false
	stop := func() {
		if stopped {
			return
		}
		stopped = true
		cmd.Process.Signal(syscall.SIGINT)
		select {
		case <-done:
		case <-time.After(15 * time.Second):
			cmd.Process.Kill()
			<-done
		}
	}
	for range 200 {
		select {
		case <-done:
			t.Fatalf("serve exited: %s", errb.String())
		default:
		}
		if c, err := net.Dial("tcp", addr); err == nil {
			c.Close()
			return addr, stop
		}
		time.Sleep(50 * time.Millisecond)
	}
	stop()
	t.Fatalf("serve did not come up: %s", errb.String())
	return "", nil
}

func get(t *testing.T, url string) string {
	t.Helper()
	resp, err := http.Get(url)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return string(b)
}
