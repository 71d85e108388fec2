package main

import (
	"io"
	"os"
	"strconv"
	"strings"
	"unicode/utf8"

	"golang.org/x/term"
)

// Output that reaches a terminal carries article data (titles, outlets,
// text, snippets) and file names, all from outside: an ESC or OSC sequence
// in them would retitle the window, clear the screen or hide text, and a
// newline in a file name would forge an error line. Everything the command
// writes goes through termWriter, and every error line through oneLine.

// termWriter passes text through with every control character a terminal
// acts on shown as a visible escape (\x1b, \u202e): C0 controls other than
// tab, newline and carriage return (the progress bar's own), DEL, C1
// controls, bidirectional overrides and invalid UTF-8. Colour sequences
// (ESC [ n ; ... m, with colour, bold, dim, italic, underline and reset
// parameters only) pass: the report's and search's --color write them,
// and at worst they colour text; concealing, blinking and every other
// sequence (titles, cursor moves, clearing) are shown escaped.
type termWriter struct {
	w       io.Writer
	sgr     bool
	pending []byte // an incomplete rune or escape sequence from the last Write
}

// newTermWriter wraps w, unless it is a termWriter already.
func newTermWriter(w io.Writer) *termWriter {
	if tw, ok := w.(*termWriter); ok {
		return tw
	}
	return &termWriter{w: w}
}

// withColor returns a writer to the same destination that lets colour
// sequences through.
func (t *termWriter) withColor() *termWriter { return &termWriter{w: t.w, sgr: true} }

// Write escapes what p holds and always reports len(p) written on success:
// the escapes are the writer's business.
func (t *termWriter) Write(p []byte) (int, error) {
	b := p
	if len(t.pending) > 0 {
		b = append(t.pending, p...)
		t.pending = nil
	}
	out := make([]byte, 0, len(b)+16)
	for i := 0; i < len(b); {
		c := b[i]
		if c == 0x1b {
			n, complete := sgrLen(b[i:])
			if !complete {
				t.pending = append(t.pending, b[i:]...)
				break
			}
			if n > 0 {
				out = append(out, b[i:i+n]...)
				i += n
				continue
			}
		}
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\n' && c != '\t' && c != '\r' || c == 0x7f {
				out = appendEscape(out, rune(c))
			} else {
				out = append(out, c)
			}
			i++
			continue
		}
		if !utf8.FullRune(b[i:]) {
			t.pending = append(t.pending, b[i:]...)
			break
		}
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, `\x`...)
			out = append(out, hexByte(c)...)
		case unsafeRune(r):
			out = appendEscape(out, r)
		default:
			out = append(out, b[i:i+n]...)
		}
		i += n
	}
	if _, err := t.w.Write(out); err != nil {
		return 0, err
	}
	return len(p), nil
}

// sgrLen returns the length of the colour sequence at the start of b (0
// when it is not one), and false when b ends before the sequence could be
// told apart.
func sgrLen(b []byte) (int, bool) {
	if len(b) < 2 {
		return 0, false
	}
	if b[1] != '[' {
		return 0, true
	}
	for i := 2; i < len(b) && i < 32; i++ {
		switch c := b[i]; {
		case c >= '0' && c <= '9', c == ';':
		case c == 'm':
			for _, p := range strings.Split(string(b[2:i]), ";") {
				if !safeSGR(p) {
					return 0, true
				}
			}
			return i + 1, true
		default:
			return 0, true
		}
	}
	return 0, len(b) >= 32
}

// safeSGR reports the graphic rendition parameters that only colour or
// weight text.
func safeSGR(p string) bool {
	if p == "" {
		return true
	}
	n, err := strconv.Atoi(p)
	if err != nil {
		return false
	}
	switch {
	case n >= 0 && n <= 4, n >= 21 && n <= 24, n >= 30 && n <= 37, n == 39,
		n >= 40 && n <= 47, n == 49, n >= 90 && n <= 97, n >= 100 && n <= 107:
		return true
	}
	return false
}

// unsafeRune reports the non-ASCII runes a terminal acts on or that
// reorder what is shown: C1 controls and bidirectional controls.
func unsafeRune(r rune) bool {
	switch {
	case r >= 0x80 && r < 0xa0:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069, r == 0x200e, r == 0x200f, r == 0x061c:
		return true
	}
	return false
}

func appendEscape(out []byte, r rune) []byte {
	switch r {
	case '\a':
		return append(out, `\a`...)
	case '\b':
		return append(out, `\b`...)
	case '\f':
		return append(out, `\f`...)
	case '\v':
		return append(out, `\v`...)
	case '\n':
		return append(out, `\n`...)
	case '\r':
		return append(out, `\r`...)
	case '\t':
		return append(out, `\t`...)
	}
	if r < 0x100 {
		out = append(out, `\x`...)
		return append(out, hexByte(byte(r))...)
	}
	out = append(out, `\u`...)
	h := strconv.FormatInt(int64(r), 16)
	return append(append(out, strings.Repeat("0", 4-len(h))...), h...)
}

func hexByte(c byte) string {
	const digits = "0123456789abcdef"
	return string([]byte{digits[c>>4], digits[c&15]})
}

// oneLine makes s safe as one line of a terminal: every control character,
// newlines and carriage returns included, becomes a visible escape, as do
// bidirectional controls and invalid UTF-8. Error messages and file names
// go through it before they are printed.
func oneLine(s string) string {
	clean := true
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r < 0x20 || r == 0x7f || unsafeRune(r) || r == utf8.RuneError && n == 1 {
			clean = false
			break
		}
		i += n
	}
	if clean {
		return s
	}
	out := make([]byte, 0, len(s)+16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			out = append(out, `\x`...)
			out = append(out, hexByte(s[i])...)
		case r < 0x20 || r == 0x7f || unsafeRune(r):
			out = appendEscape(out, r)
		default:
			out = append(out, s[i:i+n]...)
		}
		i += n
	}
	return string(out)
}

// Flush writes what an incomplete sequence at the end left pending, escaped.
func (t *termWriter) Flush() error {
	if len(t.pending) == 0 {
		return nil
	}
	p := t.pending
	t.pending = nil
	_, err := t.w.Write([]byte(oneLine(string(p))))
	return err
}

// isTerminal reports whether w, seen through a termWriter, is a terminal.
func isTerminal(w io.Writer) bool {
	if tw, ok := w.(*termWriter); ok {
		w = tw.w
	}
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
