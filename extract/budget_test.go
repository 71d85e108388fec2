package extract

import (
	"bytes"
	"runtime"
	"testing"

	"github.com/crosscheck-news/crosscheck"
)

// manyParagraphs is the page of issue 12: n paragraphs of one letter.
func manyParagraphs(n int) []byte {
	var b bytes.Buffer
	b.Grow(n*8 + 64)
	b.WriteString("<html><body><article>")
	for range n {
		b.WriteString("<p>a</p>")
	}
	b.WriteString("</article></body></html>")
	return b.Bytes()
}

// allocated is the number of bytes fn allocates.
func allocated(fn func()) uint64 {
	runtime.GC()
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	fn()
	runtime.ReadMemStats(&after)
	return after.TotalAlloc - before.TotalAlloc
}

// TestPathologicalHTMLIsLinear is the regression test of issue 12, item 1:
// a page of many tiny paragraphs made go-trafilatura build strings in time
// and memory quadratic in the page (1,000,000 paragraphs: 471 s, 5.7 GB).
// Twice the paragraphs must cost about twice the memory, not four times.
// Bytes allocated are counted rather than time measured, so that the test
// says the same on a loaded machine.
func TestPathologicalHTMLIsLinear(t *testing.T) {
	const n = 20000
	extract := func(n int) func() {
		return func() {
			a, err := Extract(&crosscheck.Document{Source: "p.html", Format: crosscheck.FormatHTML, Body: manyParagraphs(n)}, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := len(a.Paragraphs); got != n {
				t.Errorf("%d paragraphs, want %d: the page is read whole", got, n)
			}
		}
	}
	small, large := allocated(extract(n)), allocated(extract(2*n))
	ratio := float64(large) / float64(small)
	t.Logf("%d paragraphs: %d MB allocated; %d: %d MB (x%.2f)", n, small>>20, 2*n, large>>20, ratio)
	if ratio > 2.5 {
		t.Errorf("twice the paragraphs allocate x%.2f the memory, want at most x2.5: extraction is not linear", ratio)
	}
}

