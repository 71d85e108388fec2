package ingest

import (
	"bytes"
	"fmt"
	"mime"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	xunicode "golang.org/x/text/encoding/unicode"
)

// ToUTF8 decodes body to UTF-8. The charset comes from, in order:
//
//  1. a byte order mark;
//  2. the bytes themselves when they are valid UTF-8 with non-ASCII in
//     them: text in a legacy charset is practically never valid UTF-8, while
//     pages re-saved as UTF-8 often keep their old declaration, and servers
//     often declare a default charset that is wrong;
//  3. the Content-Type header's charset parameter;
//  4. an HTML <meta> or XML encoding declaration in the first 16 KiB;
//  5. a statistical guess (ICU's detector), else windows-1252.
//
// Bytes declared UTF-8 that are mostly but not wholly valid keep their
// valid parts, the bad bytes becoming U+FFFD; mostly invalid ones are
// mislabelled and go on to the guess. Pure ASCII is returned as it is.
func ToUTF8(body []byte, contentType string) ([]byte, error) {
	switch {
	case bytes.HasPrefix(body, []byte("\xef\xbb\xbf")):
		return bytes.ToValidUTF8(body[3:], []byte("\uFFFD")), nil
	case utf16BOM(body):
		out, err := xunicode.UTF16(xunicode.LittleEndian, xunicode.ExpectBOM).NewDecoder().Bytes(body)
		if err != nil {
			return nil, fmt.Errorf("decode UTF-16: %w", err)
		}
		return out, nil
	}
	if utf8.Valid(body) {
		return body, nil
	}
	label := headerCharset(contentType)
	if label == "" {
		label = declaredCharset(body)
	}
	if label != "" {
		enc, name := charset.Lookup(label)
		switch {
		case enc == nil:
			// An unknown label: guess.
		case name == "utf-8":
			if mostlyUTF8(body) {
				return bytes.ToValidUTF8(body, []byte("\uFFFD")), nil
			}
		case strings.HasPrefix(name, "utf-16"), name == "replacement":
			// UTF-16 without a BOM is declared by mistake far more often
			// than used; the replacement encoding decodes nothing.
		default:
			return decode(enc, name, body)
		}
	}
	enc, name := guessCharset(body)
	return decode(enc, name, body)
}

func decode(enc encoding.Encoding, name string, body []byte) ([]byte, error) {
	out, err := enc.NewDecoder().Bytes(body)
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return bytes.ToValidUTF8(out, []byte("\uFFFD")), nil
}

func headerCharset(contentType string) string {
	if contentType == "" {
		return ""
	}
	_, params, err := mime.ParseMediaType(contentType)
	if err != nil {
		return ""
	}
	return strings.TrimSpace(params["charset"])
}

// declRe finds a charset declared by <meta charset>, <meta http-equiv
// content="...; charset=..."> or an XML declaration's encoding.
var declRe = regexp.MustCompile(`(?i)<meta[^>]*?charset\s*=\s*["']?\s*([a-z0-9_:.\-]+)|<\?xml[^>]*?encoding\s*=\s*["']([a-z0-9_:.\-]+)`)

// declaredCharset returns the charset a document declares near its start.
func declaredCharset(body []byte) string {
	m := declRe.FindSubmatch(body[:min(len(body), 16<<10)])
	if m == nil {
		return ""
	}
	if len(m[1]) > 0 {
		return string(m[1])
	}
	return string(m[2])
}

// mostlyUTF8 reports whether invalid UTF-8 has more valid multi-byte
// sequences than bad bytes: UTF-8 with a few stray bytes, not a legacy
// charset mislabelled.
func mostlyUTF8(b []byte) bool {
	multi, bad := 0, 0
	for i := 0; i < len(b); {
		if b[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, n := utf8.DecodeRune(b[i:])
		if r == utf8.RuneError && n == 1 {
			bad++
		} else {
			multi++
		}
		i += n
	}
	return multi > bad
}

// guessCharset names the likeliest single- or multi-byte charset of text
// that is not UTF-8, windows-1252 when the detector is unsure.
func guessCharset(body []byte) (encoding.Encoding, string) {
	if res, err := chardet.NewHtmlDetector().DetectBest(body); err == nil && res.Confidence >= 30 {
		if enc, name := charset.Lookup(res.Charset); enc != nil &&
			name != "utf-8" && !strings.HasPrefix(name, "utf-16") && name != "replacement" {
			return enc, name
		}
	}
	return charmap.Windows1252, "windows-1252"
}
