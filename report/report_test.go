package report

import (
	"bytes"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode"

	"github.com/crosscheck-news/crosscheck"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// golden compares got with testdata/name, or rewrites it under -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("read golden file (run go test ./report -update to make it): %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test ./report -update rewrites it):\n%s", name, firstDiff(string(got), string(want)))
	}
}

// firstDiff shows the first differing line.
func firstDiff(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(g), len(w)) {
		var gl, wl string
		if i < len(g) {
			gl = g[i]
		}
		if i < len(w) {
			wl = w[i]
		}
		if gl != wl {
			return "line " + strconv.Itoa(i+1) + ":\n got: " + gl + "\nwant: " + wl
		}
	}
	return "(same lines)"
}

func render(t *testing.T, format string, r *crosscheck.Report, opts TextOptions) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := Write(&b, r, format, opts); err != nil {
		t.Fatalf("Write %s: %v", format, err)
	}
	return b.Bytes()
}

func TestGolden(t *testing.T) {
	tests := []struct {
		file   string
		format string
		report func() *crosscheck.Report
		opts   TextOptions
	}{
		{"full.txt", "text", fullReport, TextOptions{}},
		{"full-60.txt", "text", fullReport, TextOptions{Width: 60}},
		{"full-color.txt", "text", fullReport, TextOptions{Color: true}},
		{"full.md", "markdown", fullReport, TextOptions{}},
		{"full.html", "html", fullReport, TextOptions{}},
		{"full.json", "json", fullReport, TextOptions{}},
		{"foundation.txt", "text", foundationReport, TextOptions{}},
		{"foundation.md", "markdown", foundationReport, TextOptions{}},
		{"foundation.html", "html", foundationReport, TextOptions{}},
	}
	for _, tt := range tests {
		t.Run(tt.file, func(t *testing.T) {
			got := render(t, tt.format, tt.report(), tt.opts)
			golden(t, tt.file, got)
			// Deterministic: the same report renders the same bytes.
			if again := render(t, tt.format, tt.report(), tt.opts); !bytes.Equal(got, again) {
				t.Fatal("two renderings of the same report differ")
			}
		})
	}
}

func TestWriteUnknownFormat(t *testing.T) {
	err := Write(&bytes.Buffer{}, fullReport(), "pdf", TextOptions{})
	var e *crosscheck.Error
	if !errors.As(err, &e) {
		t.Fatalf("err=%v, want *crosscheck.Error", err)
	}
	if got, want := e.Code, crosscheck.EINVALID; got != want {
		t.Fatalf("code=%q, want %q", got, want)
	}
	for _, f := range Formats {
		if !strings.Contains(e.Message, f) {
			t.Errorf("message %q does not name %q", e.Message, f)
		}
	}
}

func TestWriteFormats(t *testing.T) {
	tests := []struct {
		format string
		prefix string
	}{
		{"text", "crosscheck report, generated"},
		{"TEXT", "crosscheck report, generated"},
		{"json", "{"},
		{"markdown", "# crosscheck report"},
		{"md", "# crosscheck report"},
		{" html ", "<!DOCTYPE html>"},
	}
	for _, tt := range tests {
		t.Run(tt.format, func(t *testing.T) {
			got := string(render(t, tt.format, fullReport(), TextOptions{}))
			if !strings.HasPrefix(got, tt.prefix) {
				t.Fatalf("output starts %q, want prefix %q", got[:min(len(got), 40)], tt.prefix)
			}
		})
	}
}

// Every renderer copes with nothing to render.
func TestEmpty(t *testing.T) {
	reports := map[string]*crosscheck.Report{
		"nil":         nil,
		"no stories":  {},
		"nil story":   {Stories: []*crosscheck.StoryReport{nil}},
		"bare story":  {Stories: []*crosscheck.StoryReport{{}}},
		"nil article": {Stories: []*crosscheck.StoryReport{{Articles: []*crosscheck.Article{nil}}}},
	}
	for name, r := range reports {
		for _, f := range Formats {
			t.Run(name+"/"+f, func(t *testing.T) {
				if out := render(t, f, r, TextOptions{}); len(out) == 0 {
					t.Fatal("empty output")
				}
			})
		}
	}
}

// A story without analysis shows no empty sections.
func TestFoundationHasNoEmptySections(t *testing.T) {
	txt := string(render(t, "text", foundationReport(), TextOptions{}))
	md := string(render(t, "markdown", foundationReport(), TextOptions{}))
	for _, h := range []string{"BRIEF", "CONFLICTS", "CLAIMS", "QUOTES", "ATTRIBUTIONS", "ENTITIES", "COVERAGE", "TIMELINE", "Articles: ["} {
		if strings.Contains(txt, h) {
			t.Errorf("text has %q for a story without analysis", h)
		}
	}
	for _, h := range []string{"### Brief", "### Conflicts", "### Claims", "### Quotes", "### Timeline"} {
		if strings.Contains(md, h) {
			t.Errorf("markdown has %q for a story without analysis", h)
		}
	}
	for _, want := range []string{"ARTICLES (4)", "Northern Ledger", "by Mara Lindqvist", "2031-03-15", "2031-03-14 12:00 +02:00",
		"id 9e8d7c6b5a493827 · source inbox/letter.txt", "unknown outlet", "near-duplicate of [1] Northern Ledger"} {
		if !strings.Contains(txt, want) {
			t.Errorf("text lacks %q", want)
		}
	}
}

func TestTextWidth(t *testing.T) {
	long := fullReport()
	long.Stories[0].Articles[0].Source = "https://ledger.example/" + strings.Repeat("very-long-path-segment-", 8)
	long.Stories[0].Conflicts[0].Variants[0].Sentence += " " + strings.Repeat("x", 70)
	for _, r := range []*crosscheck.Report{fullReport(), long, foundationReport()} {
		for _, w := range []int{40, 60, 72, 80, 100, 132} {
			for _, color := range []bool{false, true} {
				out := string(render(t, "text", r, TextOptions{Width: w, Color: color}))
				checkWidth(t, out, w)
			}
		}
	}
}

// checkWidth fails on a line wider than w unless an unbreakable token
// made it so, on a line where nothing else would have fit after it.
func checkWidth(t *testing.T, out string, w int) {
	t.Helper()
	for i, line := range strings.Split(out, "\n") {
		if visibleWidth(line) <= w {
			continue
		}
		longest := ""
		for _, x := range strings.Split(line, " ") {
			if visibleWidth(x) > visibleWidth(longest) {
				longest = x
			}
		}
		if visibleWidth(line)-visibleWidth(longest) > w || visibleWidth(longest) < w/2 {
			t.Errorf("width %d line %d is %d wide: %q", w, i+1, visibleWidth(line), line)
		}
	}
}

// FuzzText puts arbitrary text in the fields articles fill and checks
// the terminal rendering keeps its width and lets no control byte through.
func FuzzText(f *testing.F) {
	for _, s := range hostile {
		f.Add(s, 60, false)
	}
	f.Add("word "+strings.Repeat("x", 80)+" tail", 40, true)
	f.Add("混合 wide 文字 text \x1b[31m red \u202e", 50, false)
	f.Fuzz(func(t *testing.T, s string, width int, color bool) {
		width = MinWidth + abs(width)%100
		r := fullReport()
		sr := r.Stories[0]
		sr.Story.Title = s
		sr.Articles[1].Outlet = s
		sr.Articles[2].Text = s
		sr.Claims[0].Text = s
		sr.Conflicts[0].Variants[1].Sentence = s
		sr.Conflicts[0].Variants[0].Value = s
		sr.Quotes[0].Text = s
		sr.Entities[0].Aliases = []string{s}
		var b bytes.Buffer
		if err := Text(&b, r, TextOptions{Width: width, Color: color}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		checkWidth(t, out, width)
		for _, r := range out {
			if r == '\x1b' && color {
				continue
			}
			if r != '\n' && (unicode.IsControl(r) || isBidiControl(r)) {
				t.Fatalf("control %U in output", r)
			}
		}
	})
}

func TestTextNoColorByDefault(t *testing.T) {
	if out := render(t, "text", fullReport(), TextOptions{}); bytes.ContainsRune(out, '\x1b') {
		t.Fatal("escape sequence in text without Color")
	}
	if out := render(t, "text", fullReport(), TextOptions{Color: true}); !bytes.ContainsRune(out, '\x1b') {
		t.Fatal("no escape sequence in text with Color")
	}
}

// Untrusted text cannot drive the terminal: no escape or control bytes
// from articles reach the output.
func TestTextStripsControls(t *testing.T) {
	r := foundationReport()
	a := r.Stories[0].Articles[0]
	a.Title = "Bridge \x1b[2J\x1b]0;pwned\x07 reopens\r\n\u202Eevil"
	a.Outlet = "Ledger\x00\x9b31m"
	out := string(render(t, "text", r, TextOptions{}))
	for _, bad := range []string{"\x1b", "\x07", "\x00", "\r", "\u202E", "\x9b"} {
		if strings.Contains(out, bad) {
			t.Errorf("output holds %q", bad)
		}
	}
	if !strings.Contains(out, "Bridge [2J]0;pwned reopens evil") {
		t.Errorf("title not shown cleaned:\n%s", out)
	}
}

func TestSupport(t *testing.T) {
	tests := []struct {
		outlets, independent int
		credited             []string
		want                 string
	}{
		{1, 1, nil, "1 outlet"},
		{1, 1, []string{"city engineers"}, "1 outlet, credits city engineers"},
		{2, 1, []string{"Reuters"}, "2 outlets, both credit Reuters"},
		{3, 1, []string{"Reuters"}, "3 outlets, all credit Reuters"},
		{4, 2, []string{"Reuters", "AP"}, "4 outlets, 2 independent; credited: Reuters, AP"},
		{3, 3, nil, "3 outlets, independent"},
		{3, 0, nil, "3 outlets"},
		{2, 1, []string{"Reuters", "AP"}, "2 outlets, 1 independent; credited: Reuters, AP"},
		{0, 0, nil, ""},
	}
	for _, tt := range tests {
		if got := support(tt.outlets, tt.independent, tt.credited); got != tt.want {
			t.Errorf("support(%d, %d, %q)=%q, want %q", tt.outlets, tt.independent, tt.credited, got, tt.want)
		}
	}
}

func TestMarkdownEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"plain words", "plain words"},
		{"[click](javascript:alert(1))", `\[click\](javascript:alert(1))`},
		{"<img src=x onerror=alert(1)>", `\<img src=x onerror=alert(1)\>`},
		{"a | b", `a \| b`},
		{"*bold* _it_ `code`", "\\*bold\\* \\_it\\_ \\`code\\`"},
		{"- item", `\- item`},
		{"1. first", `1\. first`},
		{"2031 was", "2031 was"},
		{"&amp;", `\&amp;`},
	}
	for _, tt := range tests {
		if got := md(tt.in); got != tt.want {
			t.Errorf("md(%q)=%q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestClean(t *testing.T) {
	tests := []struct{ in, want string }{
		{"  a\n\tb  ", "a b"},
		{"a\x1b[31mb", "a[31mb"},
		{"x\u202Ey\u2066z", "xyz"},
		{"bad\xffutf8", "bad\uFFFDutf8"},
		{"\ufeffBOM", "BOM"},
	}
	for _, tt := range tests {
		if got := clean(tt.in); got != tt.want {
			t.Errorf("clean(%q)=%q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestTruncate(t *testing.T) {
	tests := []struct {
		in   string
		n    int
		want string
	}{
		{"short", 10, "short"},
		{"one two three four", 10, "one two…"},
		{"abcdefghijkl", 5, "abcd…"},
		{"héllo wörld again", 12, "héllo wörld…"},
	}
	for _, tt := range tests {
		if got := truncate(tt.in, tt.n); got != tt.want {
			t.Errorf("truncate(%q, %d)=%q, want %q", tt.in, tt.n, got, tt.want)
		}
	}
}

// FuzzWrap: wrapping keeps every word in order and breaks a line only
// where the next word would not fit.
func FuzzWrap(f *testing.F) {
	f.Add("the quick brown fox jumps over the lazy dog", 20)
	f.Add("https://example.com/a/very/long/url/that/cannot/break short words", 12)
	f.Add("混合 wide 文字 text", 6)
	f.Fuzz(func(t *testing.T, s string, width int) {
		s = clean(s)
		width = 1 + abs(width)%120
		lines := wrapLines(s, width, "  ", "    ")
		var words []string
		for i, l := range lines {
			fs := strings.Fields(l)
			words = append(words, fs...)
			if visibleWidth(l) > width && len(fs) > 1 {
				t.Fatalf("line %d %q is %d wide (width %d) with %d words", i, l, visibleWidth(l), width, len(fs))
			}
			if i+1 < len(lines) {
				next := strings.Fields(lines[i+1])
				if len(next) > 0 && len(fs) > 0 && visibleWidth(l)+1+visibleWidth(next[0]) <= width {
					t.Fatalf("line %d %q broken although %q fits", i, l, next[0])
				}
			}
		}
		if got, want := strings.Join(words, " "), strings.Join(strings.Fields(s), " "); got != want {
			t.Fatalf("words changed:\n got %q\nwant %q", got, want)
		}
	})
}

func abs(i int) int {
	if i < 0 {
		return -i
	}
	return i
}

func BenchmarkRender(b *testing.B) {
	r := fullReport()
	for _, f := range Formats {
		b.Run(f, func(b *testing.B) {
			b.ReportAllocs()
			var buf bytes.Buffer
			for b.Loop() {
				buf.Reset()
				if err := Write(&buf, r, f, TextOptions{}); err != nil {
					b.Fatal(err)
				}
			}
			b.SetBytes(int64(buf.Len()))
		})
	}
}

// failWriter fails after n bytes.
type failWriter struct{ n int }

func (f *failWriter) Write(p []byte) (int, error) {
	if len(p) > f.n {
		w := f.n
		f.n = 0
		return w, errors.New("disk full")
	}
	f.n -= len(p)
	return len(p), nil
}

// A write error is returned, not swallowed.
func TestWriteError(t *testing.T) {
	for _, f := range Formats {
		size := len(render(t, f, fullReport(), TextOptions{}))
		for _, n := range []int{0, 100, size - 1} {
			err := Write(&failWriter{n: n}, fullReport(), f, TextOptions{})
			if err == nil || !strings.Contains(err.Error(), "disk full") {
				t.Errorf("%s after %d bytes: err=%v, want disk full", f, n, err)
			}
		}
	}
}
