package main

import (
	"bytes"
	"strings"
	"testing"
	"unicode/utf8"
)

var termSeeds = []string{
	"T \x1b]0;PWN\x07 title",
	"plain text, café, 東京",
	"bad\x1b[31m\nname.txt",
	"\u202egnp.exe \u2066x\u2069 \u009b31m",
	"\xff\xfe broken \xc3",
	"\x1b[1;31mred\x1b[0m and \x1b[2J clear",
	"tab\tand\r\nCRLF",
}

// FuzzTermWriter: whatever is written, and however the writes are cut,
// the output holds no control character a terminal acts on (tab, newline
// and carriage return aside), is valid UTF-8, keeps every printable
// character of the input in order, and does not depend on the cut.
func FuzzTermWriter(f *testing.F) {
	for _, s := range termSeeds {
		f.Add([]byte(s), uint8(3), false)
		f.Add([]byte(s), uint8(1), true)
	}
	f.Fuzz(func(t *testing.T, p []byte, cut uint8, sgr bool) {
		write := func(parts ...[]byte) string {
			var buf bytes.Buffer
			tw := &termWriter{w: &buf, sgr: sgr}
			for _, part := range parts {
				if n, err := tw.Write(part); err != nil || n != len(part) {
					t.Fatalf("Write = %d, %v; want %d", n, err, len(part))
				}
			}
			if err := tw.Flush(); err != nil {
				t.Fatal(err)
			}
			return buf.String()
		}
		whole := write(p)
		k := int(cut) % (len(p) + 1)
		if split := write(p[:k], p[k:]); split != whole {
			t.Fatalf("cut at %d changes the output: %q vs %q", k, split, whole)
		}
		if !utf8.ValidString(whole) {
			t.Fatalf("output %q is not valid UTF-8", whole)
		}
		for i := 0; i < len(whole); i++ {
			c := whole[i]
			if c == 0x1b {
				n, _ := sgrLen([]byte(whole[i:]))
				if n == 0 {
					t.Fatalf("ESC outside a colour sequence in %q", whole)
				}
				i += n - 1
				continue
			}
			if c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f {
				t.Fatalf("raw control %#x in %q", c, whole)
			}
		}
		for _, r := range whole {
			if unsafeRune(r) {
				t.Fatalf("raw %U in %q", r, whole)
			}
		}
		if !bytes.Contains(p, []byte{0x1b}) {
			// Printable text survives, in order.
			keep := func(s string) string {
				var b strings.Builder
				for _, r := range s {
					if r >= 0x20 && r != 0x7f && !unsafeRune(r) && r != utf8.RuneError && r != '\\' {
						b.WriteRune(r)
					}
				}
				return b.String()
			}
			if want := keep(strings.ToValidUTF8(string(p), "")); !strings.Contains(keep(whole), want) && !isSubsequence(want, keep(whole)) {
				t.Fatalf("printable text lost: %q -> %q", p, whole)
			}
		}
	})
}

func isSubsequence(sub, s string) bool {
	i := 0
	for _, r := range s {
		if i < len(sub) {
			q, n := utf8.DecodeRuneInString(sub[i:])
			if q == r {
				i += n
			}
		}
	}
	return i == len(sub)
}

// FuzzOneLine: the result is one line of printable, valid UTF-8 text,
// oneLine is idempotent, and text that needs nothing is left alone.
func FuzzOneLine(f *testing.F) {
	for _, s := range termSeeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		out := oneLine(s)
		if !utf8.ValidString(out) {
			t.Fatalf("oneLine(%q) = %q: not UTF-8", s, out)
		}
		for _, r := range out {
			if r < 0x20 || r == 0x7f || unsafeRune(r) {
				t.Fatalf("oneLine(%q) = %q holds %U", s, out, r)
			}
		}
		if again := oneLine(out); again != out {
			t.Fatalf("not idempotent: %q -> %q -> %q", s, out, again)
		}
		clean := utf8.ValidString(s) && strings.IndexFunc(s, func(r rune) bool { return r < 0x20 || r == 0x7f || unsafeRune(r) }) < 0
		if clean && out != s {
			t.Fatalf("clean %q changed to %q", s, out)
		}
	})
}

// FuzzDateFlag: --since and --until accept exactly what time.Parse does in
// either layout; anything else is a usage error, never a panic.
func FuzzDateFlag(f *testing.F) {
	for _, s := range []string{"2025-09-04", "2025-09-04T10:00:00Z", "2025-13-01", "", "yesterday", "2025-09-04T10:00:00+25:00"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		d, err := dateFlag("since", s)
		if s == "" {
			if d != nil || err != nil {
				t.Fatalf("empty: %v %v", d, err)
			}
			return
		}
		if (d == nil) == (err == nil) {
			t.Fatalf("dateFlag(%q) = %v, %v", s, d, err)
		}
	})
}
