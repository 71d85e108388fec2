package ingest_test

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"iter"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/crosscheck-news/crosscheck"
	"github.com/crosscheck-news/crosscheck/ingest"
)

// offline returns a Reader whose HTTP requests all fail without touching
// the network: tests of local inputs must not reach off loopback (a feed
// file's item links are real-looking URLs). It counts the attempts.
func offline(t testing.TB, o ingest.Options) *ingest.Reader {
	t.Helper()
	r, _ := offlineCount(t, o)
	return r
}

func offlineCount(t testing.TB, o ingest.Options) (*ingest.Reader, *atomic.Int32) {
	t.Helper()
	var n atomic.Int32
	o.Transport = roundTripFunc(func(req *http.Request) (*http.Response, error) {
		n.Add(1)
		return nil, fmt.Errorf("test: no network for %s", req.URL)
	})
	return ingest.New(o), &n
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(req *http.Request) (*http.Response, error) { return f(req) }

// result is one yielded value: a document or a per-input failure.
type result struct {
	doc *crosscheck.Document
	err *crosscheck.InputError
}

func (r result) String() string {
	if r.err != nil {
		return "err " + r.err.Input
	}
	return "doc " + r.doc.Source
}

// collect drains seq, failing the test on an error that is no InputError
// and on a document whose body is not valid UTF-8.
func collect(t testing.TB, seq iter.Seq2[*crosscheck.Document, error]) []result {
	t.Helper()
	var out []result
	for doc, err := range seq {
		if err != nil {
			var ie *crosscheck.InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v (%T) is not a *crosscheck.InputError", err, err)
			}
			out = append(out, result{err: ie})
			continue
		}
		if doc == nil {
			t.Fatal("nil document without an error")
		}
		if !utf8.Valid(doc.Body) {
			t.Fatalf("%s: body is not valid UTF-8", doc.Source)
		}
		if doc.Format != crosscheck.FormatText && doc.Format != crosscheck.FormatHTML {
			t.Fatalf("%s: format %q", doc.Source, doc.Format)
		}
		out = append(out, result{doc: doc})
	}
	return out
}

func names(rs []result) []string {
	var s []string
	for _, r := range rs {
		s = append(s, r.String())
	}
	return s
}

func writeFile(t *testing.T, dir, name string, data []byte) string {
	t.Helper()
	p := filepath.Join(dir, name)
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
	return p
}

func gz(b []byte) []byte {
	var buf bytes.Buffer
	w := gzip.NewWriter(&buf)
	w.Write(b)
	w.Close()
	return buf.Bytes()
}

const article = "The water board of Tessaly said on Monday that the reservoir was full for the first time in six years."

func TestFiles(t *testing.T) {
	utf16le := []byte{0xff, 0xfe}
	for _, r := range "Ärzte in Tessaly" {
		utf16le = append(utf16le, byte(r), byte(r>>8))
	}
	atom := `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>` +
		`<entry><title>E</title><id>urn:1</id><content type="text">` + article + `</content></entry></feed>`
	tests := []struct {
		name    string
		file    string
		data    []byte
		format  crosscheck.Format // want a document of this format
		body    string            // it must contain this
		wantErr string            // or an error containing this
	}{
		{name: "text", file: "a.txt", data: []byte(article), format: "text", body: article},
		{name: "text with UTF-8 BOM", file: "a.txt", data: append([]byte("\xef\xbb\xbf"), article...), format: "text", body: "The water"},
		{name: "text in UTF-16 with BOM", file: "a.txt", data: utf16le, format: "text", body: "Ärzte in Tessaly"},
		{name: "latin-1 text", file: "a.txt", data: []byte("Caf\xe9 in Tessaly"), wantErr: "invalid UTF-8 at byte offset 3"},
		{name: "latin-1 text says iconv", file: "a.txt", data: []byte("Caf\xe9"), wantErr: "iconv"},
		{name: "empty", file: "a.txt", data: nil, wantErr: "empty"},
		{name: "blank", file: "a.txt", data: []byte(" \n\t\n"), wantErr: "empty"},
		{name: "punctuation only", file: "a.txt", data: []byte("-- ... --"), wantErr: "no words"},
		{name: "binary", file: "a.txt", data: []byte("PK\x03\x04\x00\x00binary"), wantErr: "binary"},
		{name: "control bytes", file: "x.bin", data: bytes.Repeat([]byte{1, 2, 3, 'a'}, 100), wantErr: "binary"},
		{name: "html", file: "a.html", data: []byte("<html><body><p>" + article + "</p></body></html>"), format: "html", body: article},
		{name: "broken html with text", file: "a.htm", data: []byte("<div><p>" + article + "<b></i></td>"), format: "html", body: article},
		{name: "html without text", file: "a.html", data: []byte("<html><head><title>x</title><script>var a = 1;</script></head><body> <img src=x> </body></html>"), wantErr: "without any text"},
		{name: "gzipped html", file: "a.html.gz", data: gz([]byte("<p>" + article + "</p>")), format: "html", body: article},
		{name: "bad gzip", file: "a.html.gz", data: []byte("not gzip at all"), wantErr: "gunzip"},
		{name: "unknown extension, html", file: "page", data: []byte("<!doctype html><title>x</title><p>" + article), format: "html", body: article},
		{name: "unknown extension, text", file: "note.dat", data: []byte(article), format: "text", body: article},
		{name: "unknown extension, feed", file: "feed.out", data: []byte(atom), format: "text", body: article},
		{name: "xml that is a feed", file: "f.xml", data: []byte(atom), format: "text", body: article},
		{name: "xml that is no feed", file: "f.xml", data: []byte(`<?xml version="1.0"?><config><a>1</a></config>`), wantErr: "not an RSS, Atom or JSON Feed"},
		{name: "json that is no feed", file: "f.json", data: []byte(`{"a": [1,` + "\n" + `2]}`), wantErr: "neither a JSON Feed nor JSON Lines"},
		{name: "rss that does not parse", file: "f.rss", data: []byte(`<rss version="2.0"><channel><title>x</title><item><title>a</ti`), wantErr: "feed"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeFile(t, t.TempDir(), tt.file, tt.data)
			got := collect(t, offline(t, ingest.Options{}).All(t.Context(), []string{p}))
			if len(got) != 1 {
				t.Fatalf("got %d results %v, want 1", len(got), names(got))
			}
			r := got[0]
			if tt.wantErr != "" {
				if r.err == nil {
					t.Fatalf("got document %q, want error with %q", r.doc.Body, tt.wantErr)
				}
				if r.err.Input != p {
					t.Errorf("error input %q, want %q", r.err.Input, p)
				}
				if !strings.Contains(r.err.Error(), tt.wantErr) {
					t.Fatalf("error %q, want it to contain %q", r.err, tt.wantErr)
				}
				return
			}
			if r.err != nil {
				t.Fatalf("error %v", r.err)
			}
			if r.doc.Format != tt.format {
				t.Errorf("format %q, want %q", r.doc.Format, tt.format)
			}
			if !strings.Contains(string(r.doc.Body), tt.body) {
				t.Errorf("body %q does not contain %q", r.doc.Body, tt.body)
			}
		})
	}
}

func TestMissingAndUnreadable(t *testing.T) {
	dir := t.TempDir()
	locked := writeFile(t, dir, "locked.txt", []byte(article))
	os.Chmod(locked, 0)
	missing := filepath.Join(dir, "missing.txt")
	good := writeFile(t, dir, "good.txt", []byte(article))
	got := collect(t, offline(t, ingest.Options{}).All(t.Context(), []string{missing, locked, good, "www.example.test/news"}))
	if len(got) != 4 {
		t.Fatalf("got %v, want 4 results", names(got))
	}
	if got[0].err == nil || !strings.Contains(got[0].err.Error(), "no such file") {
		t.Errorf("missing file: %v", got[0])
	}
	if os.Geteuid() != 0 { // root reads anything
		if got[1].err == nil || !strings.Contains(got[1].err.Error(), "permission denied") {
			t.Errorf("unreadable file: %v", got[1])
		}
	}
	if got[2].doc == nil || got[2].doc.Source != good {
		t.Errorf("good file after failures: %v", got[2])
	}
	if got[3].err == nil || !strings.Contains(got[3].err.Error(), "https://") {
		t.Errorf("host without scheme: %v, want a hint to write https://", got[3])
	}
}

func TestSizeCap(t *testing.T) {
	dir := t.TempDir()
	big := writeFile(t, dir, "big.txt", bytes.Repeat([]byte("word "), 100))
	bigGz := writeFile(t, dir, "big.txt.gz", gz(bytes.Repeat([]byte("word "), 1000)))
	small := writeFile(t, dir, "small.txt", []byte("a few words"))
	got := collect(t, offline(t, ingest.Options{MaxBytes: 256}).All(t.Context(), []string{big, bigGz, small}))
	if len(got) != 3 {
		t.Fatalf("got %v", names(got))
	}
	for _, r := range got[:2] {
		if r.err == nil || !strings.Contains(r.err.Error(), "over the 256 bytes size cap") {
			t.Errorf("%v: want a size cap error, got %v", r, r.err)
		}
	}
	if got[2].doc == nil {
		t.Errorf("small file: %v", got[2].err)
	}
}

func TestJSONL(t *testing.T) {
	lines := []string{
		`{"id":"a1","title":"Dam  opens","text":"The Orsk dam opened on Friday.","outlet":"Orsk Daily","author":"Mila Tan","language":"en-GB","published":"2031-06-05T08:30:00+02:00"}`,
		`{"url":"https://orsk.example.test/dam","html":"<p>The dam will supply two towns.</p>","published":"2031-06-05"}`,
		`{"title": "broken", "text": "no closing brace"`,
		``,
		`{"text":"A record with neither id nor url.","published":1780000000}`,
		`{"title":"no body"}`,
		`{"id":7,"text":"Numeric ids are fine.","title":null,"outlet":null}`,
		`{"text":"Bad date.","published":"next Tuesday"}`,
		`["an","array"]`,
		`{"text":"Two values."} {"text":"on one line"}`,
		`{"text": 42}`,
		"{\"id\":\"crlf\",\"text\":\"Windows line ends.\"}\r",
	}
	p := writeFile(t, t.TempDir(), "in.jsonl", []byte(strings.Join(lines, "\n")))
	got := collect(t, offline(t, ingest.Options{}).All(t.Context(), []string{p}))
	want := []string{
		"doc " + p + "#a1",
		"doc https://orsk.example.test/dam",
		"err " + p + ":3",
		"doc " + p + ":5",
		"err " + p + ":6",
		"doc " + p + "#7",
		"err " + p + ":8",
		"err " + p + ":9",
		"err " + p + ":10",
		"err " + p + ":11",
		"doc " + p + "#crlf",
	}
	if g, w := strings.Join(names(got), "\n"), strings.Join(want, "\n"); g != w {
		t.Fatalf("results:\n%s\nwant:\n%s", g, w)
	}
	d := got[0].doc
	wantMeta := crosscheck.Meta{Title: "Dam opens", Outlet: "Orsk Daily", Author: "Mila Tan", Language: "en",
		Published: time.Date(2031, 6, 5, 6, 30, 0, 0, time.UTC)}
	if !d.Meta.Published.Equal(wantMeta.Published) {
		t.Errorf("published %v, want %v", d.Meta.Published, wantMeta.Published)
	}
	d.Meta.Published = wantMeta.Published
	if d.Meta != wantMeta {
		t.Errorf("meta %+v, want %+v", d.Meta, wantMeta)
	}
	if d.Format != crosscheck.FormatText || string(d.Body) != "The Orsk dam opened on Friday." {
		t.Errorf("doc 1: %s %q", d.Format, d.Body)
	}
	d = got[1].doc
	if d.Format != crosscheck.FormatHTML || d.URL != "https://orsk.example.test/dam" || !d.Meta.PublishedDateOnly {
		t.Errorf("doc 2: format %s url %q date-only %v", d.Format, d.URL, d.Meta.PublishedDateOnly)
	}
	if got[3].doc.Meta.Published.Unix() != 1780000000 {
		t.Errorf("unix published: %v", got[3].doc.Meta.Published)
	}
	for i, sub := range map[int]string{2: "not closed", 4: `no "text" or "html"`, 6: "next Tuesday", 7: "JSON object", 8: "more than one JSON value", 9: `"text" must be a string`} {
		if e := got[i].err.Error(); !strings.Contains(e, sub) {
			t.Errorf("error %q, want it to contain %q", e, sub)
		}
	}
}

func TestJSONLLongLine(t *testing.T) {
	long := `{"text":"` + strings.Repeat("long ", 100) + `"}`
	data := `{"id":"1","text":"short one"}` + "\n" + long + "\n" + `{"id":"3","text":"after the long line"}` + "\n"
	p := writeFile(t, t.TempDir(), "in.ndjson", []byte(data))
	got := collect(t, offline(t, ingest.Options{MaxBytes: 100}).All(t.Context(), []string{p}))
	want := []string{"doc " + p + "#1", "err " + p + ":2", "doc " + p + "#3"}
	if g, w := strings.Join(names(got), ","), strings.Join(want, ","); g != w {
		t.Fatalf("got %s, want %s", g, w)
	}
	if !strings.Contains(got[1].err.Error(), "100 bytes size cap") {
		t.Errorf("long line error %q", got[1].err)
	}
}

func TestDirectory(t *testing.T) {
	dir := filepath.Join("testdata", "dir")
	r, fetches := offlineCount(t, ingest.Options{})
	got := collect(t, r.All(t.Context(), []string{dir}))
	j := filepath.Join(dir, "c.jsonl")
	want := []string{
		"doc " + filepath.Join(dir, "a.txt"),
		"doc " + filepath.Join(dir, "b.html"),
		"doc " + j + "#r1",
		"doc https://news.example.test/wind",
		"doc " + filepath.Join(dir, "sub", "d.txt"),
		"doc https://valley.example.test/mill-reopens",
	}
	if g, w := strings.Join(names(got), "\n"), strings.Join(want, "\n"); g != w {
		t.Fatalf("results:\n%s\nwant:\n%s", g, w)
	}
	item := got[5].doc
	if item.Meta.Outlet != "Valley Times" || item.Meta.Author != "Ada Brenn" || item.Meta.Title != "Mill reopens" || item.Format != crosscheck.FormatHTML {
		t.Errorf("feed item: %+v format %s", item.Meta, item.Format)
	}
	// The entry's content is short, so its page was tried; that failed
	// (no network here) and the feed's own content stood in.
	if n := fetches.Load(); n != 1 || !strings.Contains(string(item.Body), "old mill") {
		t.Errorf("%d page fetches, body %q; want 1 and the entry's content", n, item.Body)
	}
}

func TestStdin(t *testing.T) {
	tests := []struct {
		name string
		in   string
		want []string
	}{
		{"jsonl", `{"id":"x","text":"From a pipe."}` + "\n" + `{"text":"No id."}` + "\n", []string{"doc -#x", "doc -:2"}},
		{"jsonl with a long first record", `{"id":"long","text":"` + strings.Repeat("A long article. ", 2000) + `"}` + "\n" + `{"id":"b","text":"Short."}`, []string{"doc -#long", "doc -#b"}},
		{"html", "<html><body><p>" + article + "</p></body></html>", []string{"doc -"}},
		{"text", article, []string{"doc -"}},
		{"empty", "", []string{"err -"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := offline(t, ingest.Options{Stdin: strings.NewReader(tt.in)})
			got := names(collect(t, r.All(t.Context(), []string{"-"})))
			if g, w := strings.Join(got, ","), strings.Join(tt.want, ","); g != w {
				t.Fatalf("got %s, want %s", g, w)
			}
		})
	}
}

func TestFromBytes(t *testing.T) {
	cp1251 := []byte{0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xe0} // "Москва"
	tests := []struct {
		name, file, ctype string
		body              []byte
		format            crosscheck.Format
		want              string
		wantErr           string
	}{
		{name: "pasted text", file: "pasted", body: []byte(article), format: "text", want: article},
		{name: "declared charset", file: "upload", ctype: "text/plain; charset=windows-1251", body: cp1251, format: "text", want: "Москва"},
		{name: "undeclared latin-1", file: "upload.txt", body: []byte("caf\xe9"), wantErr: "invalid UTF-8"},
		{name: "html upload", file: "page.html", ctype: "text/html", body: []byte("<p>" + article), format: "html", want: article},
		{name: "html sniffed", file: "upload", body: []byte("<html><p>" + article), format: "html", want: article},
		{name: "pdf", file: "a.pdf", ctype: "application/pdf", body: []byte("%PDF-1.4"), wantErr: "unsupported content type"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := collect(t, offline(t, ingest.Options{}).FromBytes(t.Context(), tt.file, tt.ctype, tt.body))
			if len(got) != 1 {
				t.Fatalf("got %v", names(got))
			}
			if tt.wantErr != "" {
				if got[0].err == nil || !strings.Contains(got[0].err.Error(), tt.wantErr) {
					t.Fatalf("got %v, want error with %q", got[0], tt.wantErr)
				}
				return
			}
			if got[0].err != nil {
				t.Fatal(got[0].err)
			}
			d := got[0].doc
			if d.Source != tt.file || d.Format != tt.format || !strings.Contains(string(d.Body), tt.want) {
				t.Fatalf("got %s %s %q, want %s %s containing %q", d.Source, d.Format, d.Body, tt.file, tt.format, tt.want)
			}
		})
	}
}

func TestStopsEarly(t *testing.T) {
	var lines []string
	for range 50 {
		lines = append(lines, `{"text":"One more line."}`)
	}
	p := writeFile(t, t.TempDir(), "many.jsonl", []byte(strings.Join(lines, "\n")))
	n := 0
	for range offline(t, ingest.Options{}).All(t.Context(), []string{p, p}) {
		n++
		if n == 3 {
			break
		}
	}
	if n != 3 {
		t.Fatalf("n=%d", n)
	}
	ctx, cancel := context.WithCancel(t.Context())
	defer cancel()
	n = 0
	for range offline(t, ingest.Options{}).All(ctx, []string{p, p}) {
		n++
		if n == 5 {
			cancel()
		}
	}
	if n != 5 {
		t.Fatalf("after cancel: n=%d, want 5", n)
	}
}

func TestInputErrorCode(t *testing.T) {
	got := collect(t, offline(t, ingest.Options{}).All(t.Context(), []string{filepath.Join(t.TempDir(), "missing.txt")}))
	if len(got) != 1 || got[0].err == nil {
		t.Fatalf("got %v", names(got))
	}
	if code := crosscheck.ErrorCode(got[0].err); code != crosscheck.EINVALID {
		t.Fatalf("ErrorCode=%q, want %q", code, crosscheck.EINVALID)
	}
	if !strings.HasSuffix(got[0].err.Error(), "missing.txt: no such file or directory") {
		t.Fatalf("message %q", got[0].err)
	}
}

func TestDirectorySymlinks(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	os.Mkdir(real, 0o755)
	writeFile(t, real, "a.txt", []byte(article))
	os.Symlink(real, filepath.Join(real, "loop"))                          // a link to a directory: not followed
	os.Symlink(filepath.Join(real, "a.txt"), filepath.Join(real, "b.txt")) // a link to a file: read
	os.Symlink(filepath.Join(dir, "nowhere.txt"), filepath.Join(real, "c.txt"))
	link := filepath.Join(dir, "link")
	if err := os.Symlink(real, link); err != nil {
		t.Skip("no symlinks here:", err)
	}
	got := collect(t, offline(t, ingest.Options{}).All(t.Context(), []string{link}))
	want := []string{
		"doc " + filepath.Join(link, "a.txt"),
		"doc " + filepath.Join(link, "b.txt"),
		"err " + filepath.Join(link, "c.txt"),
	}
	if g, w := strings.Join(names(got), "\n"), strings.Join(want, "\n"); g != w {
		t.Fatalf("results:\n%s\nwant:\n%s", g, w)
	}
}

func TestJSONLDates(t *testing.T) {
	tests := []struct {
		in       string
		want     time.Time
		dateOnly bool
		bad      bool
	}{
		{in: "2031-06-05T08:30:00Z", want: time.Date(2031, 6, 5, 8, 30, 0, 0, time.UTC)},
		{in: "2031-06-05T08:30:00.123456", want: time.Date(2031, 6, 5, 8, 30, 0, 123456000, time.UTC)},
		{in: "2031-06-05 08:30:00 +0000 UTC", want: time.Date(2031, 6, 5, 8, 30, 0, 0, time.UTC)},
		{in: "Thu, 05 Jun 2031 08:30:00 +0000", want: time.Date(2031, 6, 5, 8, 30, 0, 0, time.UTC)},
		{in: "2031-06-05", want: time.Date(2031, 6, 5, 0, 0, 0, 0, time.UTC), dateOnly: true},
		{in: "June 5, 2031", want: time.Date(2031, 6, 5, 0, 0, 0, 0, time.UTC), dateOnly: true},
		{in: "5 June 2031", want: time.Date(2031, 6, 5, 0, 0, 0, 0, time.UTC), dateOnly: true},
		{in: "05/06/2031", bad: true},
		{in: "2 days ago", bad: true},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			line := `{"text":"Body.","published":"` + tt.in + `"}`
			got := collect(t, offline(t, ingest.Options{}).FromBytes(t.Context(), "d.jsonl", "", []byte(line)))
			if len(got) != 1 {
				t.Fatalf("got %v", names(got))
			}
			if tt.bad {
				if got[0].err == nil || !strings.Contains(got[0].err.Error(), "RFC 3339") {
					t.Fatalf("got %v, want an error suggesting RFC 3339", got[0])
				}
				return
			}
			if got[0].err != nil {
				t.Fatal(got[0].err)
			}
			m := got[0].doc.Meta
			if !m.Published.Equal(tt.want) || m.PublishedDateOnly != tt.dateOnly {
				t.Fatalf("published %v date-only %v, want %v %v", m.Published, m.PublishedDateOnly, tt.want, tt.dateOnly)
			}
		})
	}
}

func TestDirectorySavedPage(t *testing.T) {
	dir := t.TempDir()
	writeFile(t, dir, "story.html", []byte("<p>"+article+"</p>"))
	os.Mkdir(filepath.Join(dir, "story_files"), 0o755)
	writeFile(t, filepath.Join(dir, "story_files"), "ad.html", []byte("<p>Buy a boat today, best prices in town.</p>"))
	os.Mkdir(filepath.Join(dir, "notes_files"), 0o755) // no notes.html beside it: an ordinary folder
	writeFile(t, filepath.Join(dir, "notes_files"), "n.txt", []byte(article))
	got := collect(t, offline(t, ingest.Options{}).All(t.Context(), []string{dir}))
	want := []string{"doc " + filepath.Join(dir, "notes_files", "n.txt"), "doc " + filepath.Join(dir, "story.html")}
	if g, w := strings.Join(names(got), "\n"), strings.Join(want, "\n"); g != w {
		t.Fatalf("results:\n%s\nwant:\n%s", g, w)
	}
}
