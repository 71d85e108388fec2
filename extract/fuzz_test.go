package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// fuzzProperties asserts what must hold for any input: either a
// user-facing error or an article whose spans are ordered and inside Text,
// whose text and metadata are valid UTF-8, and whose sentences are exactly
// the text they cite.
func fuzzProperties(t *testing.T, format crosscheck.Format, body []byte) {
	a, err := Extract(&crosscheck.Document{Source: "fuzz", Format: format, Body: body}, Options{})
	if err != nil {
		if crosscheck.ErrorCode(err) != crosscheck.EINVALID {
			t.Fatalf("error %v has code %q, want %q", err, crosscheck.ErrorCode(err), crosscheck.EINVALID)
		}
		return
	}
	checkArticle(t, a)
	for _, s := range []string{a.Title, a.Author, a.Outlet, a.Correction, a.Language} {
		if !utf8.ValidString(s) {
			t.Fatalf("metadata %q is not valid UTF-8", s)
		}
	}
	for i := range a.Sentences {
		if a.SentenceText(i) == "" {
			t.Fatalf("sentence %d empty", i)
		}
	}
	if strings.Contains(a.Text, "\n\n\n") {
		t.Fatalf("text holds an empty paragraph")
	}
}

func FuzzExtractText(f *testing.F) {
	f.Add([]byte("Headline Here\nBy Jane Doe\nPublished On 4 Sep 2025\nBody text. More text “quoted. Here.” End.\n"))
	f.Add([]byte(" date 2025-09-04 x (A/B/AFP via Getty Images)\nU.S. Mr. Dr. 2.5 J. K. end.\n\nAdvertisement\n"))
	f.Add([]byte("EG\nThe Express Gazette\nSaturday, November 8, 2025\n\nTitle\n\nWorld 2 months ago\n\nText.\xff\xfe"))
	files, _ := filepath.Glob(filepath.Join(parisDir, "*.txt"))
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
	f.Fuzz(func(t *testing.T, body []byte) {
		fuzzProperties(t, crosscheck.FormatText, body)
	})
}

func FuzzExtractHTML(f *testing.F) {
	f.Add([]byte(`<html><head><title>T | S</title></head><body><article><h1>T</h1><p>One. Two “three.” Four.</p><p>Correction: x</p></article></body></html>`))
	f.Add([]byte(`<p>unclosed <b>bold <table><tr><td>a</td><td>b.</td></tr></table>`))
	f.Add([]byte("<html><body><p>\xff\xfe broken bytes. Again.</p></body></html>"))
	f.Fuzz(func(t *testing.T, body []byte) {
		fuzzProperties(t, crosscheck.FormatHTML, body)
	})
}

// BenchmarkExtractText is the plain-text path over the Paris corpus.
func BenchmarkExtractText(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(parisDir, "*.txt"))
	if len(files) == 0 {
		b.Skipf("paris corpus not found at %s", parisDir)
	}
	var docs []*crosscheck.Document
	size := 0
	for _, p := range files {
		body, err := os.ReadFile(p)
		if err != nil {
			b.Fatal(err)
		}
		size += len(body)
		docs = append(docs, &crosscheck.Document{Source: p, Format: crosscheck.FormatText, Body: body})
	}
	b.SetBytes(int64(size / len(docs)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if _, err := Extract(docs[i%len(docs)], Options{}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "articles/s")
}
