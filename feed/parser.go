package feed

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/mmcdole/gofeed"
	"golang.org/x/net/html/charset"
)

// ErrNotFeed is returned by Parse for input that is no RSS, Atom or JSON
// Feed document.
var ErrNotFeed = errors.New("not an RSS, Atom or JSON Feed document")

// Detect says which feed format the first bytes of a document are in:
// RSS or Atom by the XML root element (after any declaration, comments and
// doctype), JSON Feed by its "version" member. It needs only a prefix (a
// few KiB); Unknown means no feed was recognised in it.
func Detect(prefix []byte) Type {
	b := bytes.TrimLeft(trimBOM(prefix), " \t\r\n")
	if len(b) == 0 {
		return Unknown
	}
	switch b[0] {
	case '<':
		return detectXML(b)
	case '{':
		return detectJSON(b)
	}
	return Unknown
}

func trimBOM(b []byte) []byte {
	return bytes.TrimPrefix(b, []byte("\xef\xbb\xbf"))
}

func detectXML(b []byte) Type {
	d := xml.NewDecoder(bytes.NewReader(b))
	d.Strict = false
	d.CharsetReader = charset.NewReaderLabel
	for range 64 { // the root comes after a handful of prolog tokens
		tok, err := d.RawToken()
		if err != nil {
			return Unknown
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		switch strings.ToLower(se.Name.Local) {
		case "rss", "rdf":
			return RSS
		case "feed":
			return Atom
		}
		return Unknown
	}
	return Unknown
}

// detectJSON looks for a top-level "version" member naming jsonfeed.org,
// skipping other members; a prefix cut inside a member before "version"
// is not recognised.
func detectJSON(b []byte) Type {
	d := json.NewDecoder(bytes.NewReader(b))
	if tok, err := d.Token(); err != nil || tok != json.Delim('{') {
		return Unknown
	}
	for d.More() {
		key, err := d.Token()
		if err != nil {
			return Unknown
		}
		if key == "version" {
			var v any
			if d.Decode(&v) != nil {
				return Unknown
			}
			if s, ok := v.(string); ok && strings.Contains(s, "jsonfeed.org/version") {
				return JSON
			}
			return Unknown
		}
		var skip json.RawMessage
		if d.Decode(&skip) != nil {
			return Unknown
		}
	}
	return Unknown
}

// Parse reads an RSS, Atom or JSON Feed document. Relative links resolve
// against baseURL (the feed's own URL; "" for a local file) or, failing
// that, the feed's link. The reader is read to its end: callers cap its size.
// An XML feed's encoding declaration is honoured; callers that decoded the
// bytes to UTF-8 themselves must say so in the declaration (see
// DeclareUTF8).
func Parse(baseURL string, r io.Reader) (*Feed, error) {
	p := gofeed.NewParser()
	f, err := p.Parse(r)
	if err != nil {
		if errors.Is(err, gofeed.ErrFeedTypeNotDetected) {
			return nil, ErrNotFeed
		}
		return nil, fmt.Errorf("parse feed: %w", err)
	}
	return adapt(baseURL, f), nil
}

// DeclareUTF8 rewrites the encoding of an XML declaration at the start of
// b to UTF-8, for a feed whose bytes were decoded from another charset.
// b is returned unchanged when it has no declaration or no encoding in it.
func DeclareUTF8(b []byte) []byte {
	s := trimBOM(b)
	if !bytes.HasPrefix(s, []byte("<?xml")) {
		return b
	}
	end := bytes.Index(s, []byte("?>"))
	if end < 0 {
		return b
	}
	decl := s[:end]
	i := bytes.Index(decl, []byte("encoding"))
	if i < 0 {
		return b
	}
	j := i + len("encoding")
	for j < len(decl) && (decl[j] == ' ' || decl[j] == '=' || decl[j] == '\t') {
		j++
	}
	if j >= len(decl) || (decl[j] != '"' && decl[j] != '\'') {
		return b
	}
	q := decl[j]
	k := bytes.IndexByte(decl[j+1:], q)
	if k < 0 {
		return b
	}
	out := make([]byte, 0, len(s)+8)
	out = append(out, s[:j+1]...)
	out = append(out, "UTF-8"...)
	out = append(out, s[j+1+k:]...)
	return out
}
