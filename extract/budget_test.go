package extract

import (
	"bytes"
	"log/slog"
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

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

// TestBudgetRoutesHostilePages checks the structural budget on its own:
// real pages (the largest of the shared corpora has 6,749 elements and 409
// paragraphs) stay with go-trafilatura, hostile ones go to the linear
// reader.
func TestBudgetRoutesHostilePages(t *testing.T) {
	cases := []struct {
		name string
		page string
		over bool
	}{
		{"article", "<html><body><article>" + strings.Repeat("<p>A sentence of a real report, long enough to read.</p>", 400) + "</article></body></html>", false},
		{"many tiny paragraphs", string(manyParagraphs(40000)), true},
		{"long paragraphs", "<html><body>" + strings.Repeat("<p>"+strings.Repeat("word ", 100)+"</p>", 3000) + "</body></html>", true},
		{"many elements", "<html><body>" + strings.Repeat("<span>a</span>", 60000) + "</body></html>", true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			root, err := parseHTML([]byte(tc.page))
			if err != nil {
				t.Fatal(err)
			}
			s := measureTree(root)
			if got := s.overBudget() != ""; got != tc.over {
				t.Errorf("over budget = %v (%q; %+v), want %v", got, s.overBudget(), s, tc.over)
			}
		})
	}
}

// captureLog is a logger whose warnings the test can read.
func captureLog() (*slog.Logger, *bytes.Buffer) {
	var buf bytes.Buffer
	return slog.New(slog.NewTextHandler(&buf, &slog.HandlerOptions{Level: slog.LevelWarn})), &buf
}

// TestExtractDeadline: when go-trafilatura overruns the deadline the page
// is read by the linear reader, with a warning, and the caller gets its
// answer at the deadline.
func TestExtractDeadline(t *testing.T) {
	page := "<html><head><title>Bridge reopens | Valley Herald</title></head><body><nav>Home News</nav><article><h1>Bridge reopens</h1>" +
		strings.Repeat("<p>The harbour bridge reopened on Monday after eight months of repairs, officials said.</p>", 50) +
		"</article><footer>© Valley Herald</footer></body></html>"
	log, buf := captureLog()
	var calls atomic.Int32
	slow := func() { calls.Add(1); time.Sleep(2 * time.Second) }
	start := time.Now()
	a, err := Extract(&crosscheck.Document{Source: "slow.html", Format: crosscheck.FormatHTML, Body: []byte(page)},
		Options{Timeout: 50 * time.Millisecond, Logger: log, libraryHook: slow})
	if err != nil {
		t.Fatal(err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("answer after %v, want about the 50ms deadline", d)
	}
	if calls.Load() != 1 {
		t.Fatalf("the slow step ran %d times", calls.Load())
	}
	if !strings.Contains(a.Text, "harbour bridge reopened") || strings.Contains(a.Text, "Home News") {
		t.Errorf("text = %.80q: the linear reader should keep the article and drop the navigation", a.Text)
	}
	if a.Title != "Bridge reopens" {
		t.Errorf("title = %q", a.Title)
	}
	if !strings.Contains(buf.String(), "deadline") {
		t.Errorf("no warning logged; log: %q", buf.String())
	}
}

// TestDeeplyNestedHTML: a page nested deeper than the HTML parser allows
// is read as far as it can be, with a warning, instead of dropped.
func TestDeeplyNestedHTML(t *testing.T) {
	var b strings.Builder
	b.WriteString("<html><head><title>Deep page</title></head><body><article><p>The council met on Monday and approved the budget for next year.</p>")
	for range 3000 {
		b.WriteString("<div><span>")
	}
	b.WriteString("Deep inside the page, the mayor said the vote was close.")
	for range 3000 {
		b.WriteString("</span></div>")
	}
	b.WriteString("<p>The new budget takes effect in January, the treasurer said.</p></article></body></html>")
	log, buf := captureLog()
	a, err := Extract(&crosscheck.Document{Source: "deep.html", Format: crosscheck.FormatHTML, Body: []byte(b.String())}, Options{Logger: log})
	if err != nil {
		t.Fatalf("deeply nested page refused: %v", err)
	}
	for _, want := range []string{"approved the budget", "the mayor said the vote was close", "takes effect in January"} {
		if !strings.Contains(a.Text, want) {
			t.Errorf("text lacks %q: %.200q", want, a.Text)
		}
	}
	if !strings.Contains(buf.String(), "nested") {
		t.Errorf("no warning about the nesting; log: %q", buf.String())
	}
}

// TestFlattenKeepsScriptsHidden: flattening never turns a script's code
// into text.
func TestFlattenKeepsScriptsHidden(t *testing.T) {
	page := strings.Repeat("<div>", 40) + "<script>var secret = 1;</script><p>Visible words.</p>" + strings.Repeat("</div>", 40)
	out := string(flattenHTML([]byte(page), 10))
	if strings.Contains(out, "secret") {
		t.Errorf("script text kept: %q", out)
	}
	if !strings.Contains(out, "Visible words.") {
		t.Errorf("text lost: %q", out)
	}
}

// BenchmarkPathologicalPage is the page of issue 12: 1,000,000 paragraphs
// (8 MB). It reports the time per page and the peak heap in use while
// extracting; the target is under 10 s and under 500 MB.
func BenchmarkPathologicalPage(b *testing.B) {
	body := manyParagraphs(1_000_000)
	b.SetBytes(int64(len(body)))
	b.ReportAllocs()
	var peak atomic.Uint64
	stop := make(chan struct{})
	done := make(chan struct{})
	go func() {
		defer close(done)
		var m runtime.MemStats
		for {
			select {
			case <-stop:
				return
			case <-time.After(20 * time.Millisecond):
			}
			runtime.ReadMemStats(&m)
			if m.HeapInuse > peak.Load() {
				peak.Store(m.HeapInuse)
			}
		}
	}()
	for b.Loop() {
		a, err := Extract(&crosscheck.Document{Source: "p.html", Format: crosscheck.FormatHTML, Body: body}, Options{})
		if err != nil {
			b.Fatal(err)
		}
		if len(a.Paragraphs) != 1_000_000 {
			b.Fatalf("%d paragraphs", len(a.Paragraphs))
		}
	}
	close(stop)
	<-done
	b.ReportMetric(float64(peak.Load())/(1<<20), "MB-peak-heap")
}
