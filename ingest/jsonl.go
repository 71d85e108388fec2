package ingest

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
)

// record is one JSON Lines article. Unknown fields are ignored; null is
// the same as absent.
type record struct {
	ID        any    `json:"id"`
	URL       string `json:"url"`
	Title     string `json:"title"`
	Text      string `json:"text"`
	HTML      string `json:"html"`
	Published any    `json:"published"`
	Outlet    string `json:"outlet"`
	Author    string `json:"author"`
	Language  string `json:"language"`
}

// jsonl streams JSON Lines: one document per record, one InputError per
// bad line (named NAME:LINE), blank lines skipped.
func (r *Reader) jsonl(ctx context.Context, name string, rd io.Reader, yield emit) bool {
	br := bufio.NewReaderSize(rd, 64<<10)
	records := 0
	for n := 1; ; n++ {
		if ctx.Err() != nil {
			return false
		}
		line, tooLong, err := readLine(br, r.opts.MaxBytes)
		if err != nil && !errors.Is(err, io.EOF) {
			return fail(yield, name, fmt.Errorf("read line %d: %w", n, err))
		}
		at := func() string { return fmt.Sprintf("%s:%d", name, n) }
		switch {
		case tooLong:
			records++
			if !fail(yield, at(), fmt.Errorf("line is over the %s size cap", size(r.opts.MaxBytes))) {
				return false
			}
		case len(bytes.TrimSpace(line)) > 0:
			records++
			if n == 1 {
				line = bytes.TrimPrefix(line, []byte("\xef\xbb\xbf"))
			}
			doc, derr := parseRecord(name, n, line)
			if derr != nil {
				if !fail(yield, at(), derr) {
					return false
				}
			} else if !yield(doc, nil) {
				return false
			}
		}
		if err != nil { // io.EOF
			break
		}
	}
	if records == 0 {
		return fail(yield, name, errEmpty)
	}
	return true
}

// readLine reads one line without its end of line. A line longer than
// max is consumed but not kept (tooLong). err is io.EOF after the last line.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+2 { // +2: the end of line
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if err == nil || errors.Is(err, io.EOF) {
			line = bytes.TrimSuffix(bytes.TrimSuffix(line, []byte("\n")), []byte("\r"))
			if err == nil && len(line) == 0 && !tooLong {
				return line, false, nil
			}
			return line, tooLong, err
		}
		return nil, false, err
	}
}

// parseRecord decodes line n of a JSON Lines input into a document.
func parseRecord(name string, n int, line []byte) (*crosscheck.Document, error) {
	if !utf8.Valid(line) {
		return nil, fmt.Errorf("invalid UTF-8 at byte %d of the line: JSON Lines must be UTF-8", invalidUTF8Offset(line))
	}
	d := json.NewDecoder(bytes.NewReader(line))
	d.UseNumber()
	var rec record
	if err := d.Decode(&rec); err != nil {
		return nil, jsonError(err)
	}
	if _, err := d.Token(); !errors.Is(err, io.EOF) {
		return nil, errors.New("more than one JSON value on the line: write one object per line")
	}
	doc := &crosscheck.Document{
		URL: strings.TrimSpace(rec.URL),
		Meta: crosscheck.Meta{
			Title:    oneLine(rec.Title),
			Outlet:   oneLine(rec.Outlet),
			Author:   oneLine(rec.Author),
			Language: langCode(rec.Language),
		},
	}
	switch id := idString(rec.ID); {
	case id != "":
		doc.Source = name + "#" + id
	case doc.URL != "":
		doc.Source = doc.URL
	default:
		doc.Source = fmt.Sprintf("%s:%d", name, n)
	}
	var err error
	doc.Meta.Published, doc.Meta.PublishedDateOnly, err = parsePublished(rec.Published)
	if err != nil {
		return nil, err
	}
	switch {
	case strings.TrimSpace(rec.Text) != "":
		if !hasLetters([]byte(rec.Text)) {
			return nil, errors.New(`"text" has no words in it`)
		}
		doc.Format, doc.Body = crosscheck.FormatText, []byte(rec.Text)
	case strings.TrimSpace(rec.HTML) != "":
		if !htmlHasText([]byte(rec.HTML)) {
			return nil, errors.New(`"html" has no text in it`)
		}
		doc.Format, doc.Body = crosscheck.FormatHTML, []byte(rec.HTML)
	default:
		return nil, errors.New(`record has no "text" or "html": give the article's body in one of them`)
	}
	return doc, nil
}

func jsonError(err error) error {
	var se *json.SyntaxError
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &se):
		return fmt.Errorf("invalid JSON at byte %d of the line: %s", se.Offset, se.Error())
	case errors.As(err, &te) && te.Field == "":
		return fmt.Errorf("a line must hold a JSON object, not a JSON %s", te.Value)
	case errors.As(err, &te):
		return fmt.Errorf("field %q must be a string, not a JSON %s", te.Field, te.Value)
	case errors.Is(err, io.ErrUnexpectedEOF):
		return errors.New("invalid JSON: the object is not closed on its line")
	}
	return fmt.Errorf("invalid JSON: %w", err)
}

func idString(v any) string {
	switch v := v.(type) {
	case string:
		return strings.TrimSpace(v)
	case json.Number:
		return v.String()
	}
	return ""
}

func oneLine(s string) string { return strings.Join(strings.Fields(s), " ") }

// langCode reduces a language tag ("en-US") to its ISO 639-1 code; other
// values are dropped.
func langCode(tag string) string {
	tag = strings.ToLower(strings.TrimSpace(tag))
	if i := strings.IndexAny(tag, "-_"); i >= 0 {
		tag = tag[:i]
	}
	if len(tag) != 2 || tag[0] < 'a' || tag[0] > 'z' || tag[1] < 'a' || tag[1] > 'z' {
		return ""
	}
	return tag
}

// dateLayouts are the publication date forms JSON Lines may use; a time
// without a zone is taken as UTC. Ambiguous numeric forms (04/03/2031) and
// relative ones ("2 days ago") are refused rather than guessed.
var dateLayouts = []string{
	time.RFC3339Nano,
	"2006-01-02T15:04:05Z0700",
	"2006-01-02T15:04:05",
	"2006-01-02 15:04:05Z07:00",
	"2006-01-02 15:04:05",
	"2006-01-02 15:04:05 -0700 MST",
	"2006-01-02 15:04:05 -0700",
	"2006-01-02T15:04Z07:00",
	"2006-01-02T15:04",
	"2006-01-02 15:04",
	time.RFC1123Z,
	time.RFC1123,
	"Mon, 2 Jan 2006 15:04:05 -0700",
	"Mon, 2 Jan 2006 15:04:05 MST",
	time.RFC850,
	time.RFC822Z,
	time.RFC822,
	time.ANSIC,
	"January 2, 2006 15:04",
	"January 2, 2006 3:04 PM",
	"2 January 2006 15:04",
}

// dateOnlyLayouts are the forms that give a day only (PublishedDateOnly).
var dateOnlyLayouts = []string{
	"2006-01-02",
	"2006/01/02",
	"January 2, 2006",
	"Jan 2, 2006",
	"2 January 2006",
	"2 Jan 2006",
	"Monday, January 2, 2006",
	"Monday, 2 January 2006",
}

// parsePublished reads a "published" value: a string in one of the
// layouts above, or a number of seconds since 1970.
func parsePublished(v any) (t time.Time, dateOnly bool, err error) {
	switch v := v.(type) {
	case nil:
		return time.Time{}, false, nil
	case json.Number:
		sec, err := v.Int64()
		if err != nil || sec < 0 {
			return time.Time{}, false, fmt.Errorf(`"published" %s is not a Unix time in seconds`, v)
		}
		return time.Unix(sec, 0).UTC(), false, nil
	case string:
		s := strings.TrimSpace(v)
		if s == "" {
			return time.Time{}, false, nil
		}
		for _, l := range dateLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t, false, nil
			}
		}
		for _, l := range dateOnlyLayouts {
			if t, err := time.Parse(l, s); err == nil {
				return t, true, nil
			}
		}
		return time.Time{}, false, fmt.Errorf(`"published" %q is not a date crosscheck reads: use RFC 3339 (2006-01-02T15:04:05Z) or 2006-01-02`, s)
	}
	return time.Time{}, false, fmt.Errorf(`"published" must be a string or a number`)
}
