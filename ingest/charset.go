package ingest

import (
	"bytes"
	"fmt"
	"io"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
)

// ToUTF8 decodes body to UTF-8. The charset comes from, in order: a byte
// order mark, the Content-Type header's charset parameter, an HTML <meta>
// declaration in the first 1024 bytes, and a guess from the bytes. Valid
// UTF-8 without other evidence is returned as it is.
func ToUTF8(body []byte, contentType string) ([]byte, error) {
	body = bytes.TrimPrefix(body, []byte("\xef\xbb\xbf"))
	enc, name, certain := charset.DetermineEncoding(body, contentType)
	if name == "utf-8" {
		if utf8.Valid(body) {
			return body, nil
		}
		if certain {
			return nil, fmt.Errorf("invalid UTF-8 (declared utf-8)")
		}
		// An uncertain guess of utf-8 on invalid bytes: latin-1's superset
		// windows-1252 decodes any byte sequence.
		enc, _ = charset.Lookup("windows-1252")
	}
	out, err := io.ReadAll(enc.NewDecoder().Reader(bytes.NewReader(body)))
	if err != nil {
		return nil, fmt.Errorf("decode %s: %w", name, err)
	}
	return out, nil
}
