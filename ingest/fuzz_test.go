package ingest_test

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
)

// FuzzJSONL: every non-blank line yields exactly one document or one
// error naming that line, in order; documents have a body and a source.
func FuzzJSONL(f *testing.F) {
	f.Add([]byte(`{"id":"1","text":"One."}` + "\n" + `{"text":2}` + "\n\n" + `{"url":"https://x.test/a","html":"<p>Two</p>"}`))
	f.Add([]byte(`{"text":"a","published":"2031-01-02"}` + "\r\n" + `not json` + "\n"))
	f.Add([]byte("\ufeff{\"text\":\"bom\"}\n{\"html\":\"<script>x</script>\"}"))
	f.Add([]byte(`{"text":"` + strings.Repeat("w ", 80) + `"}`))
	f.Add([]byte(`{"id":null,"text":"\u00e9t\u00e9","title":["a"]}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := offline(t, ingest.Options{MaxBytes: 128})
		got := collect(t, r.FromBytes(t.Context(), "in.jsonl", "application/x-ndjson", data))
		if len(got) == 1 && got[0].err != nil && got[0].err.Input == "in.jsonl" {
			return // the whole input refused: empty or binary
		}
		var want []int // numbers of the non-blank lines
		for i, line := range bytes.Split(data, []byte("\n")) {
			if len(bytes.TrimSpace(line)) > 0 {
				want = append(want, i+1)
			}
		}
		if len(got) != len(want) {
			t.Fatalf("%d results %v for %d non-blank lines", len(got), names(got), len(want))
		}
		for i, res := range got {
			at := fmt.Sprintf("in.jsonl:%d", want[i])
			if res.err != nil {
				if res.err.Input != at {
					t.Fatalf("error %d names %q, want %q", i, res.err.Input, at)
				}
				continue
			}
			d := res.doc
			if d.Source == "" || len(bytes.TrimSpace(d.Body)) == 0 {
				t.Fatalf("line %d: source %q body %q", want[i], d.Source, d.Body)
			}
			if !strings.HasPrefix(d.Source, "in.jsonl#") && d.Source != at && d.Source != d.URL {
				t.Fatalf("line %d: source %q is neither PATH#ID, PATH:LINE nor the URL", want[i], d.Source)
			}
		}
	})
}

// FuzzSniff: whatever the bytes, reading them yields documents with valid
// UTF-8 bodies of a known format (collect checks) or InputErrors, and an
// input sniffed as plain text with no markup never comes out as HTML.
func FuzzSniff(f *testing.F) {
	f.Add([]byte("The council met on Monday."))
	f.Add([]byte("<!doctype html><p>Hello</p>"))
	f.Add([]byte(`<rss version="2.0"><channel><title>T</title><item><title>I</title><description>d</description></item></channel></rss>`))
	f.Add([]byte(`{"version":"https://jsonfeed.org/version/1","title":"t","items":[{"id":"1","content_text":"x"}]}`))
	f.Add([]byte("{\"text\":\"a\"}\n"))
	f.Add([]byte("\xff\xfeh\x00i\x00"))
	f.Add([]byte("caf\xe9"))
	f.Fuzz(func(t *testing.T, data []byte) {
		r := offline(t, ingest.Options{SkipItemPages: true})
		got := collect(t, r.FromBytes(t.Context(), "upload", "", data))
		if len(got) == 0 {
			t.Fatal("no result at all")
		}
		if bytes.ContainsAny(data, "<&") {
			return
		}
		for _, res := range got {
			if res.doc != nil && res.doc.Format == crosscheck.FormatHTML {
				t.Fatalf("input without markup read as HTML: %q", data)
			}
		}
	})
}

func BenchmarkJSONL(b *testing.B) {
	var buf bytes.Buffer
	for i := range 1000 {
		fmt.Fprintf(&buf, `{"id":"%d","title":"Title %d","outlet":"Outlet","published":"2031-01-02T03:04:05Z","text":%q}`+"\n",
			i, i, strings.Repeat("A sentence of a news article about a harbour. ", 20))
	}
	data := buf.Bytes()
	r := offline(b, ingest.Options{})
	b.SetBytes(int64(len(data)))
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range r.FromBytes(b.Context(), "b.jsonl", "", data) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 1000 {
			b.Fatalf("n=%d", n)
		}
	}
}

// BenchmarkCorpus reads the ECB+ JSON Lines corpus and the Paris texts.
func BenchmarkCorpus(b *testing.B) {
	inputs := []string{
		filepath.Join("..", "..", "shared", "corpora", "ecbplus", "articles.jsonl"),
		filepath.Join("..", "..", "shared", "corpora", "paris-2025-09-04"),
	}
	var size int64
	for _, p := range inputs {
		st, err := os.Stat(p)
		if err != nil {
			b.Skipf("corpus missing: %v", err)
		}
		size += st.Size()
	}
	r := offline(b, ingest.Options{})
	b.SetBytes(size)
	b.ReportAllocs()
	for b.Loop() {
		n := 0
		for _, err := range r.All(b.Context(), inputs) {
			if err != nil {
				b.Fatal(err)
			}
			n++
		}
		if n != 987 {
			b.Fatalf("n=%d, want 982 records and 5 texts", n)
		}
	}
}

// FuzzTextFile: a local text file is read into one document whose body is
// valid UTF-8 and, when the file was valid UTF-8 already, the file's own
// bytes (less a BOM); or it is refused with an error naming the file.
// Reading is deterministic.
func FuzzTextFile(f *testing.F) {
	f.Add([]byte("The council met on Monday."))
	f.Add([]byte("\xef\xbb\xbfBOM then text."))
	f.Add([]byte("Caf\xe9 owner said \x93we reopen\x94 on Monday, and Zo\xeb M\xfcller agreed with the fa\xe7ade plan."))
	f.Add([]byte("\xff\xfeh\x00i\x00"))
	f.Add([]byte("caf\xe9 \x81\x8d\x8f data"))
	f.Add([]byte("<p>looks like html</p> in a .txt"))
	f.Fuzz(func(t *testing.T, data []byte) {
		dir := t.TempDir()
		p := filepath.Join(dir, "a.txt")
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		r := offline(t, ingest.Options{})
		got := collect(t, r.All(t.Context(), []string{p}))
		if len(got) != 1 {
			t.Fatalf("%d results for one text file: %v", len(got), names(got))
		}
		if got[0].err != nil {
			if got[0].err.Input != p {
				t.Fatalf("error names %q, want %q", got[0].err.Input, p)
			}
			return
		}
		body := got[0].doc.Body
		if want := bytes.TrimPrefix(data, []byte("\xef\xbb\xbf")); utf8.Valid(data) && got[0].doc.Format == crosscheck.FormatText && !bytes.Equal(body, want) {
			t.Fatalf("valid UTF-8 text changed: %q -> %q", data, body)
		}
		again := collect(t, r.All(t.Context(), []string{p}))
		if len(again) != 1 || again[0].doc == nil || !bytes.Equal(again[0].doc.Body, body) {
			t.Fatal("reading the same file twice differs")
		}
	})
}
