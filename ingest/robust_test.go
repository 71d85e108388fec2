package ingest_test

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"golang.org/x/text/encoding/charmap"

	"github.com/crosscheck-news/crosscheck/ingest"
)

// Issue 12, failure 3: a FIFO given as input blocked forever.
func TestSpecialFilesRefusedAtOnce(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "p.txt")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	r := offline(t, ingest.Options{})
	for _, in := range []string{fifo, "/dev/zero", "/dev/null"} {
		done := make(chan []result, 1)
		go func() { done <- collect(t, r.All(t.Context(), []string{in})) }()
		select {
		case got := <-done:
			if len(got) != 1 || got[0].err == nil {
				t.Fatalf("%s: %v, want one error", in, names(got))
			}
			msg := got[0].err.Error()
			if !strings.Contains(msg, in) || !strings.Contains(msg, "not a regular file") {
				t.Errorf("%s: %q, want the input named and 'not a regular file'", in, msg)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: still reading after 10 s", in)
		}
	}
	// A unix socket.
	sock := filepath.Join(dir, "s.txt")
	fd, err := syscall.Socket(syscall.AF_UNIX, syscall.SOCK_STREAM, 0)
	if err == nil {
		defer syscall.Close(fd)
		if syscall.Bind(fd, &syscall.SockaddrUnix{Name: sock}) == nil {
			got := collect(t, r.All(t.Context(), []string{sock}))
			if len(got) != 1 || got[0].err == nil || !strings.Contains(got[0].err.Error(), "socket") {
				t.Errorf("socket: %v", names(got))
			}
		}
	}
	// In a folder, special files are passed over and the rest is read.
	os.WriteFile(filepath.Join(dir, "a.txt"), []byte("The mayor said five came."), 0o644)
	got := collect(t, r.All(t.Context(), []string{dir}))
	if len(got) != 1 || got[0].doc == nil {
		t.Errorf("folder with a FIFO: %v, want the one text", names(got))
	}
}

// Issue 12, failure 7: a plain-text file in windows-1252 was refused with
// advice to run iconv, though the same bytes over HTTP were decoded.
func TestLegacyTextFileDecodedWhenConfident(t *testing.T) {
	dir := t.TempDir()
	const text = "The café owner said “we will reopen” on Monday.\n\nZoë Müller, 42, told reporters the façade was safe and the crème brûlée stand would stay."
	b, err := charmap.Windows1252.NewEncoder().Bytes([]byte(text))
	if err != nil {
		t.Fatal(err)
	}
	p := filepath.Join(dir, "cp1252.txt")
	os.WriteFile(p, b, 0o644)
	// Too little to tell: refused with the advice, naming the file.
	short := filepath.Join(dir, "short.txt")
	os.WriteFile(short, []byte("caf\xe9 \x81\x8d\x8f data"), 0o644)
	r := offline(t, ingest.Options{})
	got := collect(t, r.All(t.Context(), []string{p, short}))
	if len(got) != 2 {
		t.Fatalf("%v", names(got))
	}
	if got[0].doc == nil || string(got[0].doc.Body) != text {
		t.Errorf("windows-1252 file: %v, want it decoded", names(got[:1]))
	}
	if got[1].err == nil || !strings.Contains(got[1].err.Error(), "iconv") || !strings.Contains(got[1].err.Error(), "short.txt") {
		t.Errorf("undecidable file: %v, want the iconv advice", names(got[1:]))
	}
}
