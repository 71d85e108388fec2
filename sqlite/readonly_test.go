package sqlite

import (
	"context"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/sqlite/storetest"
)

func dirNames(dir string) []string {
	es, _ := os.ReadDir(dir)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// Issue 12, failure 7: a store in a directory the user cannot write to
// could not be opened for reading.
func TestOpenReadOnly(t *testing.T) {
	ctx := context.Background()
	dir := filepath.Join(t.TempDir(), "ro")
	os.Mkdir(dir, 0o755)
	path := filepath.Join(dir, "s.db")
	db, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := db.AddArticles(ctx, storetest.Corpus(0, 3)); err != nil {
		t.Fatal(err)
	}
	db.Close()
	if !strings.Contains(readOnlyDSN(path, false), "mode=ro") || strings.Contains(readOnlyDSN(path, false), "journal_mode") {
		t.Fatalf("read-only DSN %s", readOnlyDSN(path, false))
	}
	before := dirNames(dir) // the store, and its lock file since the writer created it
	os.Chmod(dir, 0o555)
	t.Cleanup(func() { os.Chmod(dir, 0o755) })
	for _, immutable := range []bool{false, true} {
		ro, err := OpenReadOnly(ctx, path)
		if immutable {
			// Forced: what a directory nobody may write to gets.
			ro.reader.Close()
			ro.reader, err = openReader(readOnlyDSN(path, true))
		}
		if err != nil {
			t.Fatal(err)
		}
		if _, n, err := ro.Articles(ctx, crosscheck.ArticleFilter{}); err != nil || n != 3 {
			t.Fatalf("immutable=%v: %d articles, %v", immutable, n, err)
		}
		if _, err := ro.AddArticles(ctx, storetest.Corpus(5, 1)); crosscheck.ErrorCode(err) != crosscheck.EINVALID {
			t.Errorf("write to a read-only store: %v, want EINVALID", err)
		}
		if err := ro.Close(); err != nil {
			t.Fatal(err)
		}
	}
	if after := dirNames(dir); !slices.Equal(after, before) {
		t.Errorf("reading wrote to the directory: %v, before %v", after, before)
	}
	if _, err := OpenReadOnly(ctx, filepath.Join(dir, "none.db")); crosscheck.ErrorCode(err) != crosscheck.ENOTFOUND {
		t.Errorf("missing store: %v, want ENOTFOUND", err)
	}
}
