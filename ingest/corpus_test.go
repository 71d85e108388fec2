package ingest_test

import (
	"bytes"
	"compress/gzip"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
)

// TestCorpora reads the shared corpora as a user would: every saved page,
// JSON Lines record and text comes out as a document, and the side files
// (ground truth, expected results, licences without extension) are skipped.
func TestCorpora(t *testing.T) {
	root := filepath.Join("..", "..", "shared", "corpora")
	tests := []struct {
		dir    string
		docs   int
		format crosscheck.Format
	}{
		{"article-extraction", 181, crosscheck.FormatHTML},
		{"paris-2025-09-04", 5, crosscheck.FormatText},
		{filepath.Join("ecbplus", "articles.jsonl"), 982, crosscheck.FormatText},
	}
	r := offline(t, ingest.Options{})
	for _, tt := range tests {
		t.Run(tt.dir, func(t *testing.T) {
			p := filepath.Join(root, tt.dir)
			if _, err := os.Stat(p); err != nil {
				t.Skipf("corpus missing: %v", err)
			}
			got := collect(t, r.All(t.Context(), []string{p}))
			docs := 0
			for _, res := range got {
				if res.err != nil {
					t.Errorf("%v", res.err)
					continue
				}
				docs++
				if res.doc.Format != tt.format {
					t.Errorf("%s: format %s, want %s", res.doc.Source, res.doc.Format, tt.format)
				}
				if n := bytes.Count(res.doc.Body, []byte("\uFFFD")); n > 0 && strings.HasSuffix(res.doc.Source, ".gz") {
					// Decoding must not add replacement characters.
					if src := gunzip(t, res.doc.Source); n > bytes.Count(src, []byte("\uFFFD")) {
						t.Errorf("%s: %d U+FFFD in the body, more than in the file", res.doc.Source, n)
					}
				}
			}
			if docs != tt.docs {
				t.Fatalf("%d documents, want %d", docs, tt.docs)
			}
		})
	}
}

func gunzip(t *testing.T, path string) []byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	z, err := gzip.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	b, err := io.ReadAll(z)
	if err != nil {
		t.Fatal(err)
	}
	return b
}
