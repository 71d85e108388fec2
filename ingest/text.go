package ingest

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	xunicode "golang.org/x/text/encoding/unicode"
)

var errEmpty = errors.New("empty, nothing to read")

// decodeStrictText decodes a local text file: UTF-8 (a BOM is dropped),
// UTF-16 with a byte order mark, or a legacy charset (windows-1252,
// ISO-8859-x, KOI8-R, ...) when the detector is confident of it (see
// decodeLegacyText). Anything else is refused with the offset of the first
// bad byte: a doubtful guess mangles names silently.
func decodeStrictText(b []byte) ([]byte, error) {
	switch {
	case bytes.HasPrefix(b, []byte("\xef\xbb\xbf")):
		b = b[3:]
	case utf16BOM(b):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(b)
		if err != nil {
			return nil, fmt.Errorf("decode UTF-16: %w", err)
		}
		return out, nil
	}
	if utf8.Valid(b) {
		return b, nil
	}
	if out, _, ok := decodeLegacyText(b); ok {
		return out, nil
	}
	off := invalidUTF8Offset(b)
	return nil, &invalidUTF8Error{Offset: off, Byte: b[off]}
}

// invalidUTF8Error is a text input that is not UTF-8.
type invalidUTF8Error struct {
	Offset int  // of the first bad byte
	Byte   byte // the bad byte
}

func (e *invalidUTF8Error) Error() string {
	return fmt.Sprintf("invalid UTF-8 at byte offset %d (byte 0x%02x); convert it to UTF-8 first, e.g. with iconv -f WINDOWS-1252 -t UTF-8 (give iconv its real charset)", e.Offset, e.Byte)
}

// hint names the file in the iconv suggestion.
func (e *invalidUTF8Error) hint(path string) error {
	out := strings.TrimSuffix(path, filepath.Ext(path)) + ".utf8" + filepath.Ext(path)
	return fmt.Errorf("invalid UTF-8 at byte offset %d (byte 0x%02x); convert the file to UTF-8 first, e.g. iconv -f WINDOWS-1252 -t UTF-8 %s > %s (give iconv the file's real charset)", e.Offset, e.Byte, path, out)
}

func invalidUTF8Offset(b []byte) int {
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n <= 1 {
			return i
		}
		i += n
	}
	return -1
}

// hasLetters reports whether text holds any letter or digit: a body of
// whitespace and punctuation is nothing to extract.
func hasLetters(b []byte) bool {
	for len(b) > 0 {
		r, n := utf8.DecodeRune(b)
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return true
		}
		b = b[n:]
	}
	return false
}

// htmlHasText reports whether an HTML document has any visible text in
// it, outside <head>, scripts and styles.
func htmlHasText(b []byte) bool {
	z := html.NewTokenizer(bytes.NewReader(b))
	skip := 0
	for {
		switch z.Next() {
		case html.ErrorToken:
			return false
		case html.TextToken:
			if skip == 0 && hasLetters(z.Text()) {
				return true
			}
		case html.StartTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "template", "noscript", "title", "svg":
				skip++
			}
		case html.EndTagToken:
			name, _ := z.TagName()
			switch string(name) {
			case "script", "style", "head", "template", "noscript", "title", "svg":
				if skip > 0 {
					skip--
				}
			}
		}
	}
}

// metaCharset finds charset declarations in an HTML head.
var metaCharset = regexp.MustCompile(`(?i)(<meta[^>]*?charset\s*=\s*["']?)([a-z0-9_:.\-]+)`)

// declareUTF8 rewrites the <meta> charset declarations in the first KiB of
// a decoded HTML body to utf-8, so nothing downstream decodes it twice.
func declareUTF8(b []byte) []byte {
	n := min(len(b), 4096)
	head := b[:n]
	if !metaCharset.Match(head) {
		return b
	}
	fixed := metaCharset.ReplaceAll(head, []byte("${1}utf-8"))
	out := make([]byte, 0, len(b)+len(fixed)-n)
	out = append(out, fixed...)
	return append(out, b[n:]...)
}
