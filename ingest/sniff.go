package ingest

import (
	"bytes"
	"encoding/json"
	"errors"
	"io"
	"mime"
	"path/filepath"
	"strings"

	"github.com/crosscheck-news/crosscheck/feed"
)

// kind is what an input holds.
type kind int

const (
	kindUnknown kind = iota
	kindText
	kindHTML
	kindJSONL
	kindFeed
)

func (k kind) String() string {
	switch k {
	case kindText:
		return "text"
	case kindHTML:
		return "HTML"
	case kindJSONL:
		return "JSON Lines"
	case kindFeed:
		return "feed"
	}
	return "unknown"
}

// sniffLen is how much of an input sniffing looks at.
const sniffLen = 8 << 10

// byExt maps a lower-case file extension to a kind. ".xml" and ".json" are
// "maybe feed": they are checked by content (JSON also as JSON Lines).
var byExt = map[string]kind{
	".txt":    kindText,
	".text":   kindText,
	".html":   kindHTML,
	".htm":    kindHTML,
	".xhtml":  kindHTML,
	".shtml":  kindHTML,
	".jsonl":  kindJSONL,
	".ndjson": kindJSONL,
	".rss":    kindFeed,
	".atom":   kindFeed,
	".xml":    kindFeed,
	".json":   kindFeed,
}

// extKind returns the kind a file name's extension promises, seeing
// through a ".gz"; gz is true when the file is gzip-compressed.
func extKind(name string) (k kind, ext string, gz bool) {
	ext = strings.ToLower(filepath.Ext(name))
	if ext == ".gz" {
		gz = true
		name = strings.TrimSuffix(name, filepath.Ext(name))
		ext = strings.ToLower(filepath.Ext(name))
	}
	return byExt[ext], ext, gz
}

// isBinary reports whether a prefix is not text: a NUL byte, or more than
// one byte in ten a control character other than white space and escape
// (random binary data has about one in eight). Callers check for UTF-16
// byte order marks first.
func isBinary(p []byte) bool {
	if bytes.IndexByte(p, 0) >= 0 {
		return true
	}
	bad := 0
	for _, c := range p {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b {
			bad++
		}
	}
	return bad*10 > len(p)
}

// utf16BOM reports whether p starts with a UTF-16 byte order mark.
func utf16BOM(p []byte) bool {
	return bytes.HasPrefix(p, []byte{0xff, 0xfe}) || bytes.HasPrefix(p, []byte{0xfe, 0xff})
}

// htmlMarkers are tags whose presence near the start makes a document HTML.
var htmlMarkers = [][]byte{
	[]byte("<!doctype html"), []byte("<html"), []byte("<head"), []byte("<body"),
	[]byte("<meta"), []byte("<title"), []byte("<p>"), []byte("<p "), []byte("<div"),
	[]byte("<article"), []byte("<br"), []byte("<h1"), []byte("<h2"), []byte("<span"),
	[]byte("<table"), []byte("<ul"), []byte("<a href"), []byte("<script"), []byte("<link"),
}

// looksHTML reports whether text is HTML: it starts with a tag or carries
// common HTML tags near its start.
func looksHTML(p []byte) bool {
	if len(p) > sniffLen {
		p = p[:sniffLen]
	}
	low := bytes.ToLower(p)
	n := 0
	for _, m := range htmlMarkers {
		if bytes.Contains(low, m) {
			n++
		}
	}
	s := bytes.TrimLeft(low, " \t\r\n\ufeff")
	if bytes.HasPrefix(s, []byte("<!doctype html")) || bytes.HasPrefix(s, []byte("<html")) {
		return true
	}
	if len(s) > 0 && s[0] == '<' {
		return n >= 1
	}
	return n >= 2
}

// looksJSONL reports whether the first non-blank line of p is a JSON
// object: a complete one, or, when the line runs past the prefix (a long
// article), an object with a string key whose start holds no syntax error.
func looksJSONL(p []byte) bool {
	for len(p) > 0 {
		line := p
		cut := false
		i := bytes.IndexByte(p, '\n')
		if i < 0 {
			cut = len(p) >= sniffLen
			p = nil
		} else {
			line, p = p[:i], p[i+1:]
		}
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '{' {
			return false
		}
		if !cut {
			return json.Valid(line)
		}
		return objectStart(line)
	}
	return false
}

// objectStart reports whether b is the start of a JSON object with a
// string key, cut anywhere after it.
func objectStart(b []byte) bool {
	d := json.NewDecoder(bytes.NewReader(b))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return false
	}
	if tok, err := d.Token(); err != nil {
		return false
	} else if _, ok := tok.(string); !ok {
		return false
	}
	for {
		_, err := d.Token()
		switch {
		case err == nil:
			continue
		case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
			return true
		}
		return false
	}
}

// sniff guesses an input's kind from its first bytes. It never returns
// kindUnknown for non-empty input: what is not HTML, a feed or JSON Lines
// is text.
func sniff(p []byte) kind {
	b := bytes.TrimLeft(bytes.TrimPrefix(p, []byte("\xef\xbb\xbf")), " \t\r\n")
	if len(b) == 0 {
		return kindUnknown
	}
	if feed.Detect(b) != feed.Unknown {
		return kindFeed
	}
	if b[0] == '{' && looksJSONL(b) {
		return kindJSONL
	}
	if looksHTML(b) {
		return kindHTML
	}
	return kindText
}

// mediaKind maps a Content-Type to a kind; ok is false for types crosscheck
// does not read. kindUnknown with ok means "look at the content".
func mediaKind(contentType string) (k kind, ok bool) {
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil || mt == "" {
		return kindUnknown, true
	}
	switch mt {
	case "text/html", "application/xhtml+xml":
		return kindHTML, true
	case "application/rss+xml", "application/atom+xml", "application/rdf+xml",
		"application/feed+json", "application/xml", "text/xml", "text/rss+xml",
		"text/atom+xml", "application/x-rss+xml":
		return kindFeed, true
	case "application/x-ndjson", "application/ndjson", "application/jsonl",
		"application/x-jsonlines", "application/jsonlines":
		return kindJSONL, true
	case "application/json", "text/json", "text/plain", "application/octet-stream",
		"binary/octet-stream", "application/x-unknown", "text/x-unknown":
		return kindUnknown, true
	}
	if strings.HasSuffix(mt, "+xml") {
		return kindFeed, true
	}
	if strings.HasPrefix(mt, "text/") {
		return kindUnknown, true
	}
	return kindUnknown, false
}
