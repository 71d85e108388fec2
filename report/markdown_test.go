package report

import (
	"bytes"
	"regexp"
	"strings"
	"testing"
)

// checkEscaped fails unless every Markdown-active character of out is
// backslash-escaped, and unescaping gives back in.
func checkEscaped(t *testing.T, in, out string) {
	t.Helper()
	var back strings.Builder
	rs := []rune(out)
	for i := 0; i < len(rs); i++ {
		r := rs[i]
		if r == '\\' {
			if i+1 == len(rs) {
				t.Fatalf("md(%q)=%q ends in a lone backslash", in, out)
			}
			i++
			back.WriteRune(rs[i])
			continue
		}
		if strings.ContainsRune(mdEscaped, r) {
			t.Fatalf("md(%q)=%q leaves %q unescaped", in, out, r)
		}
		back.WriteRune(r)
	}
	if back.String() != in {
		t.Fatalf("md(%q)=%q unescapes to %q", in, out, back.String())
	}
}

func FuzzMarkdownEscape(f *testing.F) {
	for _, s := range hostile {
		f.Add(s)
	}
	f.Add("1) first")
	f.Add("\\*already\\*")
	f.Fuzz(func(t *testing.T, s string) {
		s = clean(s) // md only ever sees cleaned text
		checkEscaped(t, s, md(s))
	})
}

var (
	// rawTag is an HTML tag start not escaped by a backslash; our only
	// angle brackets are autolinks to http(s) URLs.
	rawTag = regexp.MustCompile(`(^|[^\\])<([^h]|h[^t]|ht[^t]|htt[^p])`)
	// inlineLink is a Markdown link or image destination.
	inlineLink = regexp.MustCompile(`[^\\]\]\(`)
)

func TestMarkdownHostileText(t *testing.T) {
	var b bytes.Buffer
	if err := Markdown(&b, hostileReport()); err != nil {
		t.Fatal(err)
	}
	for i, line := range strings.Split(b.String(), "\n") {
		if m := rawTag.FindString(line); m != "" {
			t.Errorf("line %d: raw tag %q in %q", i+1, m, line)
		}
		if inlineLink.MatchString(line) {
			t.Errorf("line %d: inline link in %q", i+1, line)
		}
		if strings.Contains(line, "<javascript") || strings.Contains(strings.ToLower(line), "<javascript:") {
			t.Errorf("line %d: javascript autolink in %q", i+1, line)
		}
	}
	if !strings.Contains(b.String(), `\<script\>alert(1)\</script\>`) {
		t.Error("hostile text not shown escaped")
	}
}
